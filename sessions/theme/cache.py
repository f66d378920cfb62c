"""A cache of parsed themes, so start-up does not parse every theme file every time.

Entries are keyed by path and checked against the file's size and modification time; the cache
is derived data, so a missing, stale or unreadable cache file is simply rebuilt. Each entry
keeps the theme's card (what the start screen lists) apart from the theme itself, which is only
decoded when the theme is used: listing the themes loads neither the parser nor the exercise
kinds.

The cache is JSON (see `sessions.theme.codec`), never a pickle: it sits in the platform's cache
folder, which a consultant may sync or share, and reading it must never run code. The whole
cache belongs to one version of the code that reads themes, named by a hash of that code's
source: any change to it, however small, makes the cache stale.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sessions.errors import StorageError
from sessions.storage.atomic import atomic_write_bytes
from sessions.theme import codec
from sessions.theme.card import ThemeCard
from sessions.theme.problems import Problem

if TYPE_CHECKING:
    from sessions.theme.model import Theme

Parsed = tuple["Theme | None", list[Problem]]

CACHE_LAYOUT = 3
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
    "codec.py",
    "formats.py",
)


@cache
def format_version() -> str:
    """A fingerprint of the code that reads themes and of the Python that wrote the cache."""
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


@dataclass(frozen=True)
class Entry:
    """One theme file in the cache: its size and mtime, card, problems, and the theme as JSON
    text (decoded only when the theme is used; "" when it could not be stored)."""

    size: int
    mtime_ns: int
    card: ThemeCard | None
    problems: list[Problem]
    theme: str

    def to_json(self) -> dict[str, Any]:
        return {
            "size": self.size,
            "mtime_ns": self.mtime_ns,
            "card": codec.dumps(self.card),
            "problems": codec.dumps(self.problems),
            "theme": self.theme,
        }

    @classmethod
    def from_json(cls, data: Any) -> Entry:
        """An entry as `to_json` wrote it; `CacheFormatError` for anything else."""
        if not isinstance(data, dict):
            raise codec.CacheFormatError("not an entry")
        size, mtime_ns, theme = data.get("size"), data.get("mtime_ns"), data.get("theme")
        card, problems = codec.loads(data.get("card", "")), codec.loads(data.get("problems", ""))
        if not (isinstance(size, int) and isinstance(mtime_ns, int) and isinstance(theme, str)):
            raise codec.CacheFormatError("not an entry")
        if card is not None and not isinstance(card, ThemeCard):
            raise codec.CacheFormatError("not a card")
        if not isinstance(problems, list) or not all(isinstance(p, Problem) for p in problems):
            raise codec.CacheFormatError("not problems")
        return cls(size, mtime_ns, card, problems, theme)


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
        unchanged = (stat.st_size, stat.st_mtime_ns)
        if cached is not None and (cached.size, cached.mtime_ns) == unchanged:
            text = cached.theme
            return Listed(cached.card, cached.problems, lambda: _decoded(text, theme_file, parse))
        theme, problems = parse(theme_file)
        try:
            text = codec.dumps(theme) if theme is not None else ""
        except codec.CacheFormatError:
            text = ""  # read from the file again when used
        card = ThemeCard.of(theme) if theme is not None else None
        entries[key] = Entry(stat.st_size, stat.st_mtime_ns, card, problems, text)
        self._changed = True
        return Listed(card, problems, lambda: theme)

    def save(self) -> None:
        """Write the cache if anything changed; failing to write it is harmless."""
        if not self._changed or self._entries is None:
            return
        with contextlib.suppress(OSError, StorageError, codec.CacheFormatError):
            document = {
                "version": format_version(),
                "entries": {key: entry.to_json() for key, entry in self._entries.items()},
            }
            payload = json.dumps(document, ensure_ascii=False).encode("utf-8")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, payload)
            self._changed = False

    def _read(self) -> dict[str, Entry]:
        if self._entries is None:
            self._entries = _read_cache_file(self.path)
        return self._entries


def _read_cache_file(path: Path) -> dict[str, Entry]:
    """The entries of the cache file; none when it is missing, stale or not this format (a
    damaged entry is skipped: it is our own derived data)."""
    try:
        document = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(document, dict) or document.get("version") != format_version():
        return {}
    raw = document.get("entries")
    entries: dict[str, Entry] = {}
    for key, data in raw.items() if isinstance(raw, dict) else []:
        with contextlib.suppress(codec.CacheFormatError):
            entries[str(key)] = Entry.from_json(data)
    return entries


def parsed_listing(parsed: Parsed) -> Listed:
    theme, problems = parsed
    return Listed(ThemeCard.of(theme) if theme is not None else None, problems, lambda: theme)


def _decoded(text: str, theme_file: Path, parse: Callable[[Path], Parsed]) -> Theme | None:
    """The cached theme; read from the file again should the cached text not decode."""
    from sessions.theme.model import Theme

    with contextlib.suppress(codec.CacheFormatError):
        theme = codec.loads(text) if text else None
        if isinstance(theme, Theme):
            return theme
    return parse(theme_file)[0]
