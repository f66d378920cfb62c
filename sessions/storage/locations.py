"""Where oplaeg keeps its data: one folder, chosen by flag, environment or platform default."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from platformdirs import user_data_path

from sessions.errors import StorageError
from sessions.storage.atomic import describe_os_error

DATA_DIR_ENV = "OPLAEG_DATA_DIR"


def resolve_data_dir(flag: str | None = None) -> Path:
    """`--data-dir`, else `$OPLAEG_DATA_DIR`, else the platform's user data folder."""
    chosen = flag or os.environ.get(DATA_DIR_ENV)
    return Path(chosen).expanduser() if chosen else user_data_path("oplaeg", appauthor=False)


def prepare_data_dir(path: Path) -> Path:
    """Create the data folder if needed and prove it is writable, or raise a clear error."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        (path / "sessions").mkdir(exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=path, prefix=".probe-")
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(probe)
    except OSError as error:
        raise StorageError(
            f"cannot use the data folder {path}: {describe_os_error(error)}"
        ) from error
    return path


def sessions_dir(data_dir: Path) -> Path:
    return data_dir / "sessions"


def user_themes_dir(data_dir: Path) -> Path:
    return data_dir / "themes"


def theme_cache_path(data_dir: Path) -> Path:
    return data_dir / "cache" / "themes.pickle"


def index_path(data_dir: Path) -> Path:
    return data_dir / "index.json"
