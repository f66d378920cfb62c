"""A cache of parsed themes, so start-up does not parse every theme file every time.

Entries are keyed by path and checked against the file's size and modification time; the cache
is derived data, so a missing, stale or unreadable cache file is simply rebuilt.
"""

from __future__ import annotations

import contextlib
import pickle
from collections.abc import Callable
from pathlib import Path

from sessions.errors import StorageError
from sessions.storage.atomic import atomic_write_bytes
from sessions.theme.model import Theme

CACHE_VERSION = 1
Parsed = tuple[Theme | None, list[str]]


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
        payload = pickle.dumps((CACHE_VERSION, self._entries), protocol=pickle.HIGHEST_PROTOCOL)
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
                if version == CACHE_VERSION and isinstance(entries, dict):
                    self._entries = entries
        return self._entries
