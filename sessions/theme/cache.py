"""A cache of parsed themes, so start-up does not parse every theme file every time.

Entries are keyed by path and checked against the file's size and modification time; the cache
is derived data, so a missing, stale or unreadable cache file is simply rebuilt.
"""

from __future__ import annotations

import contextlib
import pickle
from collections.abc import Callable
from functools import cache
from pathlib import Path

from sessions.errors import StorageError
from sessions.storage.atomic import atomic_write_bytes
from sessions.theme.model import Theme
from sessions.theme.problems import Problem

Parsed = tuple[Theme | None, list[Problem]]

_FORMAT_MODULES = ("model.py", "parser.py", "sections.py", "sources.py", "checks.py", "problems.py")


@cache
def format_version() -> str:
    """A fingerprint of the code that reads themes: any change to it makes every cached theme
    stale, so a change of format can never load an old pickle into new classes."""
    theme_dir = Path(__file__).parent
    files = [theme_dir / name for name in _FORMAT_MODULES]
    files += sorted((theme_dir.parent / "exercises").glob("*.py"))
    stamps = []
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        stamps.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(stamps)


class ThemeCache:
    """Parsed themes by file, valid while the file's size and mtime are unchanged."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, tuple[int, int, Parsed]] | None = None
        self._changed = False

    def load(self, theme_file: Path, parse: Callable[[Path], Parsed]) -> Parsed:
        """The parsed theme, from the cache when the file is unchanged."""
        entries = self._read()
        try:
            stat = theme_file.stat()
        except OSError:
            return parse(theme_file)
        key = str(theme_file.resolve())
        cached = entries.get(key)
        if cached is not None and cached[:2] == (stat.st_size, stat.st_mtime_ns):
            return cached[2]
        parsed = parse(theme_file)
        entries[key] = (stat.st_size, stat.st_mtime_ns, parsed)
        self._changed = True
        return parsed

    def save(self) -> None:
        """Write the cache if anything changed; failing to write it is harmless."""
        if not self._changed or self._entries is None:
            return
        payload = pickle.dumps((format_version(), self._entries), protocol=pickle.HIGHEST_PROTOCOL)
        with contextlib.suppress(OSError, StorageError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, payload)
            self._changed = False

    def _read(self) -> dict[str, tuple[int, int, Parsed]]:
        if self._entries is None:
            self._entries = {}
            # Any problem with the cache means "not cached": it is our own derived file.
            with contextlib.suppress(Exception):
                version, entries = pickle.loads(self.path.read_bytes())
                if version == format_version() and isinstance(entries, dict):
                    self._entries = entries
        return self._entries
