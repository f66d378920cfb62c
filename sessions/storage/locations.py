"""Where oplaeg keeps its data: one folder, chosen by flag, environment or platform default."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from platformdirs import user_cache_path, user_data_path

from sessions.errors import StorageError
from sessions.i18n import t

DATA_DIR_ENV = "OPLAEG_DATA_DIR"


def resolve_data_dir(flag: str | None = None) -> Path:
    """`--data-dir`, else `$OPLAEG_DATA_DIR`, else the platform's user data folder."""
    chosen = flag or os.environ.get(DATA_DIR_ENV)
    return Path(chosen).expanduser() if chosen else user_data_path("oplaeg", appauthor=False)


class UnusableFolderError(StorageError):
    """The data folder or a themes folder cannot be used; the message is for the user."""


def prepare_data_dir(path: Path) -> Path:
    """Create the data folder if needed and prove it is writable, or raise
    `UnusableFolderError` saying why in one line."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        if not path.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(path))
        (path / "sessions").mkdir(exist_ok=True)
        for folder in (path, path / "sessions"):
            fd, probe = tempfile.mkstemp(dir=folder, prefix=".probe-")
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(probe)
    except OSError as error:
        reason = folder_problem(path, error)
        raise UnusableFolderError(
            t("place.data_dir", path=shown_path(path), reason=reason)
        ) from None
    return path


def check_themes_dir(path: Path) -> Path:
    """A `--themes-dir` that exists, is a folder and can be read, or `UnusableFolderError`."""
    try:
        if not path.exists():
            raise FileNotFoundError(errno.ENOENT, "missing", str(path))
        if not path.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(path))
        next(os.scandir(path), None)
    except OSError as error:
        reason = folder_problem(path, error)
        raise UnusableFolderError(
            t("place.themes_dir", path=shown_path(path), reason=reason)
        ) from None
    return path


def folder_problem(path: Path, error: OSError) -> str:
    """Why `path` cannot be used as a folder, in the user's words."""
    if error.errno == errno.ENAMETOOLONG:
        return t("place.too_long")
    if error.errno in (errno.EEXIST, errno.ENOTDIR):
        return t("place.is_a_file") if _is_file(path) else t("place.in_a_file")
    if error.errno in (errno.EACCES, errno.EPERM):
        return t("place.no_permission")
    if error.errno == errno.EROFS:
        return t("place.read_only")
    if error.errno == errno.ENOSPC:
        return t("place.full")
    if error.errno == errno.ENOENT:
        return t("place.missing")
    return error.strerror or str(error)


def _is_file(path: Path) -> bool:
    try:
        return path.exists() and not path.is_dir()
    except OSError:
        return False


def shown_path(path: Path, limit: int = 100) -> str:
    """`path` for a one-line message: a very long one keeps its beginning and its end."""
    text = str(path)
    return text if len(text) <= limit else f"{text[: limit // 2 - 1]}…{text[-(limit // 2) :]}"


def sessions_dir(data_dir: Path) -> Path:
    return data_dir / "sessions"


def user_themes_dir(data_dir: Path) -> Path:
    return data_dir / "themes"


THEME_CACHE_FILE = "themes.json"


def theme_cache_path() -> Path:
    """The theme cache, in the platform's cache folder (derived data, never backed up)."""
    return user_cache_path("oplaeg", appauthor=False) / THEME_CACHE_FILE


def old_theme_cache_path(data_dir: Path) -> Path:
    """Where versions before 2026-12 kept the cache: a pickle, never read any more."""
    return data_dir / "cache" / "themes.pickle"


def index_path(data_dir: Path) -> Path:
    return data_dir / "index.json"
