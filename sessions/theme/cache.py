"""A cache of parsed themes, so start-up does not parse every theme file every time.

Entries are keyed by path and checked against the file's size and modification time; the cache
is derived data, so a missing, stale or unreadable cache file is simply rebuilt. Each entry
keeps the theme's card (what the start screen lists) apart from the pickled theme itself, which
is only unpickled when the theme is used: listing the themes loads neither the parser nor the
exercise kinds.

The whole cache belongs to one version of the code that reads themes, named by a hash of that
code's source: any change to it, however small, makes the cache stale, so a change of format can
never load an old pickle into new classes.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sessions.errors import StorageError
from sessions.storage.atomic import atomic_write_bytes
from sessions.theme.card import ThemeCard
from sessions.theme.problems import Problem

if TYPE_CHECKING:
    from sessions.theme.model import Theme

Parsed = tuple["Theme | None", list[Problem]]

CACHE_LAYOUT = 2
"""The shape of the cache file itself; part of the version."""
_FORMAT_MODULES = (
    "model.py",
    "parser.py",
    "sections.py",
    "sources.py",
    "preparation.py",
    "completeness.py",
    "notes.py",
    "checks.py",
    "problems.py",
    "card.py",
    "cache.py",
)


@cache
def format_version() -> str:
    """A fingerprint of the code that reads themes and of the Python that pickled them."""
    theme_dir = Path(__file__).parent
    files = [theme_dir / name for name in _FORMAT_MODULES]
    files += sorted((theme_dir.parent / "exercises").glob("*.py"))
    digest = hashlib.sha256(f"{CACHE_LAYOUT}:{sys.version_info[:2]}".encode())
    for path in files:
        digest.update(path.name.encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"-")
    return digest.hexdigest()


@dataclass(frozen=True)
class Listed:
    """A theme file as a list shows it: its card (None when it does not load), its problems, and
    how to get the theme itself."""

    card: ThemeCard | None
    problems: list[Problem]
    load: Callable[[], Theme | None]


Entry = tuple[int, int, ThemeCard | None, list[Problem], bytes]
"""Size and mtime of the file, its card, its problems, the pickled theme."""


class ThemeCache:
    """Parsed themes by file, valid while the file's size and mtime are unchanged."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, Entry] | None = None
        self._changed = False

    def load(self, theme_file: Path, parse: Callable[[Path], Parsed]) -> Listed:
        """The theme file's card and problems, from the cache when the file is unchanged."""
        entries = self._read()
        try:
            stat = theme_file.stat()
        except OSError:
            return parsed_listing(parse(theme_file))
        key = str(theme_file.resolve())
        cached = entries.get(key)
        if cached is not None and cached[:2] == (stat.st_size, stat.st_mtime_ns):
            _, _, card, problems, blob = cached
            return Listed(card, problems, lambda: _unpickle(blob, theme_file, parse))
        parsed = parse(theme_file)
        theme, problems = parsed
        blob = pickle.dumps(theme, protocol=pickle.HIGHEST_PROTOCOL)
        card = ThemeCard.of(theme) if theme is not None else None
        entries[key] = (stat.st_size, stat.st_mtime_ns, card, problems, blob)
        self._changed = True
        return Listed(card, problems, lambda: theme)

    def save(self) -> None:
        """Write the cache if anything changed; failing to write it is harmless."""
        if not self._changed or self._entries is None:
            return
        payload = pickle.dumps((format_version(), self._entries), protocol=pickle.HIGHEST_PROTOCOL)
        with contextlib.suppress(OSError, StorageError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, payload)
            self._changed = False

    def _read(self) -> dict[str, Entry]:
        if self._entries is None:
            self._entries = {}
            # Any problem with the cache means "not cached": it is our own derived file.
            with contextlib.suppress(Exception):
                version, entries = pickle.loads(self.path.read_bytes())
                if version == format_version() and isinstance(entries, dict):
                    self._entries = entries
        return self._entries


def parsed_listing(parsed: Parsed) -> Listed:
    theme, problems = parsed
    return Listed(ThemeCard.of(theme) if theme is not None else None, problems, lambda: theme)


def _unpickle(blob: bytes, theme_file: Path, parse: Callable[[Path], Parsed]) -> Theme | None:
    """The cached theme; parsed again should the pickle not load after all."""
    try:
        theme: Theme | None = pickle.loads(blob)
    except Exception:
        theme = parse(theme_file)[0]
    return theme
