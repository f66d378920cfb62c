"""This laptop: Python and oplaeg, the data folder, the terminal."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from sessions import __version__
from sessions.i18n import t
from sessions.storage.locations import shown_path
from tui.doctor.finding import Finding, fail, ok, warn
from tui.install import check_installation

OLDEST_PYTHON = (3, 11)
FULL_BELOW = 100 * 1024**2
"""Less free space than this in the data folder's drive: a session may not be saved."""
LOW_BELOW = 1024**3
"""Less than this: fine for tomorrow, but worth knowing."""
SMALLEST_TERMINAL = (80, 24)
"""The room view and the console are laid out for at least this many columns and rows."""


def check_versions(version: tuple[int, ...] = tuple(sys.version_info[:3])) -> Finding:
    """Python is new enough and oplaeg's two packages belong together."""
    python = ".".join(str(n) for n in version)
    found = t("doctor.versions", python=python, oplaeg=__version__)
    if tuple(version[:2]) < OLDEST_PYTHON:
        return fail("doctor.name.versions", found, t("doctor.old_python", python=python))
    problem = check_installation()
    if problem is not None:
        return fail("doctor.name.versions", found, problem)
    return ok("doctor.name.versions", found)


def nearest_existing(path: Path) -> Path:
    """`path`, or the nearest folder above it that exists (where it would be created)."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(path.anchor or ".")


def check_data_folder(data_dir: Path) -> Finding:
    """The data folder can be written (or made) and its drive has room; nothing is written."""
    name = "doctor.name.data"
    shown = shown_path(data_dir)
    there = nearest_existing(data_dir)
    if there == data_dir and not data_dir.is_dir():
        return fail(name, t("doctor.data_not_folder", path=shown), t("doctor.data_fix"))
    if not os.access(there, os.W_OK | os.X_OK):
        return fail(name, t("doctor.data_read_only", path=shown), t("doctor.data_fix"))
    try:
        free = shutil.disk_usage(there).free
    except OSError as error:
        found = t("doctor.data_unknown", path=shown, reason=error.strerror or str(error))
        return fail(name, found, t("doctor.data_fix"))
    state = t("doctor.data_ok" if there == data_dir else "doctor.data_new", path=shown)
    found = t("doctor.data_free", state=state, free=human_size(free))
    if free < FULL_BELOW:
        return fail(name, found, t("doctor.data_full"))
    if free < LOW_BELOW:
        return warn(name, found, t("doctor.data_low"))
    return ok(name, found)


def decimal(value: float) -> str:
    """`value` with one decimal (none when it is whole), with the language's decimal mark."""
    text = f"{value:.1f}".removesuffix(".0")
    return text.replace(".", t("decimal.comma"))


def human_size(count: int) -> str:
    for unit, size in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if count >= size:
            return decimal(count / size) + f" {unit}"
    return f"{count} B"


def check_terminal(
    stream: TextIO | None = None,
    environ: Mapping[str, str] | None = None,
    size: os.terminal_size | None = None,
) -> Finding:
    """The terminal this runs in: its size, how many colours, and whether it shows Unicode."""
    name = "doctor.name.terminal"
    stream = stream if stream is not None else sys.stdout
    environ = environ if environ is not None else os.environ
    if not _is_terminal(stream):
        return warn(name, t("doctor.terminal_none"), t("doctor.terminal_none_fix"))
    size = size or shutil.get_terminal_size()
    colours = _colours(environ)
    encoding = (getattr(stream, "encoding", None) or "ascii").lower().replace("-", "")
    unicode = encoding in ("utf8", "utf16", "utf32")
    found = t(
        "doctor.terminal_found",
        columns=size.columns,
        lines=size.lines,
        colours=t(f"doctor.colours_{colours}"),
        encoding=t("doctor.unicode") if unicode else encoding,
    )
    if not unicode:
        return fail(name, found, t("doctor.terminal_encoding_fix"))
    columns, lines = SMALLEST_TERMINAL
    if size.columns < columns or size.lines < lines:
        return warn(name, found, t("doctor.terminal_small_fix", columns=columns, lines=lines))
    if colours in ("none", "16"):
        return warn(name, found, t("doctor.terminal_colours_fix"))
    return ok(name, found)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _colours(environ: Mapping[str, str]) -> str:
    """ "none", "16", "256" or "truecolor", as Textual will find them (the same environment)."""
    if "NO_COLOR" in environ:
        return "none"
    if environ.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return "truecolor"
    if "WT_SESSION" in environ or environ.get("TERM_PROGRAM") in ("iTerm.app", "WezTerm"):
        return "truecolor"
    term = environ.get("TERM", "")
    if "256" in term:
        return "256"
    if sys.platform == "win32" and not term:
        return "256"  # Windows 10's console
    if term in ("", "dumb"):
        return "none"
    return "16"
