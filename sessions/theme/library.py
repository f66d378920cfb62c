"""Finding themes: the bundled ones and a consultant's own, where a user theme overrides."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sessions.errors import ThemeError, UnknownThemeError
from sessions.i18n import t
from sessions.storage.locations import (
    check_themes_dir,
    old_theme_cache_path,
    theme_cache_path,
    user_themes_dir,
)
from sessions.theme.cache import Listed, Parsed, ThemeCache, parsed_listing
from sessions.theme.card import ThemeCard
from sessions.theme.problems import Problem
from sessions.theme.warm_up import WarmUp, cache_is_current

if TYPE_CHECKING:
    from sessions.theme.model import Theme


class ThemeOrigin(StrEnum):
    BUNDLED = "bundled"
    USER = "user"


class ThemeEntry:
    """One theme file as found: its card and problems at once, the parsed theme (None when it
    does not load) when first asked for."""

    def __init__(
        self,
        id: str,  # noqa: A002 - the theme's id
        path: Path,
        origin: ThemeOrigin,
        card: ThemeCard | None,
        problems: list[Problem],
        load: Callable[[], Theme | None],
    ) -> None:
        self.id = id
        self.path = path
        self.origin = origin
        self.card = card
        self.problems = problems
        self._load = load
        self._theme: Theme | None = None

    @property
    def theme(self) -> Theme | None:
        """The parsed theme (loaded on first use)."""
        if self._theme is None and self.card is not None:
            self._theme = self._load()
        return self._theme

    @property
    def loads(self) -> bool:
        """Whether the theme can be used (its errors did not stop it from loading)."""
        return self.card is not None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def title(self) -> str:
        return self.card.title if self.card else self.id


def bundled_content_dir() -> Path:
    """The bundled themes: inside the installed package, or `content/` in a source checkout."""
    package_dir = Path(__file__).resolve().parent.parent
    installed = package_dir / "bundled_content"
    return installed if installed.is_dir() else package_dir.parent / "content"


def theme_files(directory: Path) -> list[Path]:
    """The theme files in `directory` (every `.md` but the format's README)."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.glob("*.md") if p.name.lower() != "readme.md")


class ThemeLibrary:
    """All themes from a list of folders; a later folder's theme replaces an earlier one's.

    Safe to share between threads: the start screen reads the themes in a worker while the event
    loop may ask for one (a resume accepted at once). The first caller reads them; any other
    waits for that reading to finish and gets the same, complete list, never a half-filled one.
    """

    def __init__(
        self, folders: list[tuple[Path, ThemeOrigin]], cache: ThemeCache | None = None
    ) -> None:
        self._folders = folders
        self._cache = cache
        self._entries: dict[str, ThemeEntry] | None = None
        self._reading = threading.Lock()
        self._warm_up: WarmUp | None = None

    def parse_elsewhere(self) -> None:
        """When the cache is not this code's (a first launch, an upgrade): start parsing the
        themes in a helper process now, on another core, for `entries` to find in the cache
        (`sessions.theme.warm_up`)."""
        if self._cache is None or self._entries is not None or self._warm_up is not None:
            return
        if not cache_is_current(self._cache.path):
            self._warm_up = WarmUp.start([folder for folder, _ in self._folders])

    def entries(self) -> list[ThemeEntry]:
        """Every theme, sorted by title; broken ones included with their problems."""
        found = self._entries
        if found is None:
            with self._reading:
                found = self._entries
                if found is None:
                    if self._warm_up is not None:
                        self._warm_up.wait()  # then the cache holds them (or it is parsed here)
                        self._warm_up = None
                    found = self._read_all()
                    self._entries = found  # assigned once, complete
        return sorted(found.values(), key=lambda e: e.title.lower())

    def _read_all(self) -> dict[str, ThemeEntry]:
        found: dict[str, ThemeEntry] = {}
        for folder, origin in self._folders:
            for path in theme_files(folder):
                listed: Listed = (
                    self._cache.load(path, _parse) if self._cache else parsed_listing(_parse(path))
                )
                card = listed.card
                theme_id = card.id if card else path.stem
                found[theme_id] = ThemeEntry(
                    theme_id, path, origin, card, listed.problems, listed.load
                )
        if self._cache:
            self._cache.save()
        return found

    def get(self, theme_id: str) -> Theme:
        """The theme with `theme_id`, or a clear error."""
        entry = next((e for e in self.entries() if e.id == theme_id), None)
        if entry is None:
            known = ", ".join(e.id for e in self.entries()) or "none"
            raise UnknownThemeError(t("error.unknown_theme", id=theme_id, known=known))
        theme = entry.theme
        if theme is None:
            raise ThemeError(entry.problems)
        return theme


def _parse(path: Path) -> Parsed:
    """Read a theme file (the parser loads only when a file is not in the cache)."""
    from sessions.theme.parser import load_theme_file

    return load_theme_file(path)


def library_for(data_dir: Path, themes_dir: str | None = None) -> ThemeLibrary:
    """The themes a consultant has: the bundled ones, then the data folder's themes/, then
    `--themes-dir` (a later folder's theme replaces an earlier one's)."""
    _forget_old_cache(data_dir)
    return ThemeLibrary(theme_folders(data_dir, themes_dir), ThemeCache(theme_cache_path()))


def theme_folders(data_dir: Path, themes_dir: str | None = None) -> list[tuple[Path, ThemeOrigin]]:
    """Where the themes are, in order (a later folder's theme replaces an earlier one's)."""
    folders = [
        (bundled_content_dir(), ThemeOrigin.BUNDLED),
        (user_themes_dir(data_dir), ThemeOrigin.USER),
    ]
    if themes_dir:
        folders.append((check_themes_dir(Path(themes_dir).expanduser()), ThemeOrigin.USER))
    return folders


def _forget_old_cache(data_dir: Path) -> None:
    """Remove the pickle that older versions kept in the data folder (never read now)."""
    old = old_theme_cache_path(data_dir)
    with contextlib.suppress(OSError):
        old.unlink()
        old.parent.rmdir()  # only if nothing else is in it
