"""Reading the themes on another core while the program starts.

Parsed themes are kept in a cache (`sessions.theme.cache`), so the start screen usually lists
them in a few milliseconds. The first launch after installing or upgrading has no valid cache:
parsing every theme then took 0.13 s of the start screen's first second, on the same core
as the program's own start-up (Python runs one thread at a time). So when the cache is missing
or belongs to other code, the start screen's launch asks a helper process (`python -m
sessions.warm_themes`) to parse the themes and write the cache, and the library waits for it
the moment it needs the themes (by then it has usually finished). Whatever goes wrong with the
helper (it cannot start, fails, or is slow) only means the library parses the themes itself,
as it always did: the helper writes nothing but the cache, atomically.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from sessions.theme.cache import format_version

WAIT_SECONDS = 5.0
"""The longest the library waits for the helper before it parses the themes itself."""
_VERSION = re.compile(rb'^\{"version":\s*"([0-9a-f]+)"')


def cache_is_current(cache_path: Path) -> bool:
    """Whether the cache file was written by this code (from its first bytes: the version is
    the document's first key). A theme file changed since is parsed in-process, as before."""
    try:
        with cache_path.open("rb") as file:
            head = file.read(128)
    except OSError:
        return False
    match = _VERSION.match(head)
    return match is not None and match.group(1).decode() == format_version()


class WarmUp:
    """A helper process that parses the themes into the cache; `wait` before reading it."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process

    @classmethod
    def start(cls, folders: list[Path]) -> WarmUp | None:
        """The helper, parsing the themes in `folders`; None when it could not be started (the
        library parses as before)."""
        if getattr(sys, "frozen", False):
            return None  # a bundled program is not a Python that runs `-m`
        argv = [sys.executable, "-m", "sessions.warm_themes"]
        argv += [str(folder.resolve()) for folder in folders]
        try:
            process = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                close_fds=True,
                # `-m` looks in the working folder first: run where this package is found, not
                # in the consultant's folder (which might hold a `sessions` of its own).
                cwd=str(Path(__file__).resolve().parents[2]),
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # Windows: no console
            )
        except (OSError, ValueError):
            return None
        return cls(process)

    def wait(self, seconds: float = WAIT_SECONDS) -> bool:
        """Wait for the helper; True when it finished well (the cache is written)."""
        try:
            code = self._process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            return False  # the library parses itself; the helper's late write is harmless
        return code == 0
