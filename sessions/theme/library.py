"""Finding themes: the bundled ones and a consultant's own, where a user theme overrides."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sessions.errors import ThemeError, UnknownThemeError
from sessions.i18n import t
from sessions.storage.locations import check_themes_dir, theme_cache_path, user_themes_dir
from sessions.theme.cache import ThemeCache
from sessions.theme.model import Theme
from sessions.theme.parser import load_theme_file
from sessions.theme.problems import Problem


class ThemeOrigin(StrEnum):
    BUNDLED = "bundled"
    USER = "user"


@dataclass(frozen=True)
class ThemeEntry:
    """One theme file as found: parsed, or with the problems that stop it from loading."""

    id: str
    path: Path
    origin: ThemeOrigin
    theme: Theme | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def title(self) -> str:
        return self.theme.title if self.theme else self.id


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
    """All themes from a list of folders; a later folder's theme replaces an earlier one's."""

    def __init__(
        self, folders: list[tuple[Path, ThemeOrigin]], cache: ThemeCache | None = None
    ) -> None:
        self._folders = folders
        self._cache = cache
        self._entries: dict[str, ThemeEntry] | None = None

    def entries(self) -> list[ThemeEntry]:
        """Every theme, sorted by title; broken ones included with their problems."""
        if self._entries is None:
            self._entries = {}
            for folder, origin in self._folders:
                for path in theme_files(folder):
                    theme, problems = (
                        self._cache.load(path, load_theme_file)
                        if self._cache
                        else load_theme_file(path)
                    )
                    theme_id = theme.id if theme else path.stem
                    self._entries[theme_id] = ThemeEntry(theme_id, path, origin, theme, problems)
            if self._cache:
                self._cache.save()
        return sorted(self._entries.values(), key=lambda e: e.title.lower())

    def get(self, theme_id: str) -> Theme:
        """The theme with `theme_id`, or a clear error."""
        entry = next((e for e in self.entries() if e.id == theme_id), None)
        if entry is None:
            known = ", ".join(e.id for e in self.entries()) or "none"
            raise UnknownThemeError(t("error.unknown_theme", id=theme_id, known=known))
        if entry.theme is None:
            raise ThemeError(entry.problems)
        return entry.theme


def library_for(data_dir: Path, themes_dir: str | None = None) -> ThemeLibrary:
    """The themes a consultant has: the bundled ones, then the data folder's themes/, then
    `--themes-dir` (a later folder's theme replaces an earlier one's)."""
    folders = [
        (bundled_content_dir(), ThemeOrigin.BUNDLED),
        (user_themes_dir(data_dir), ThemeOrigin.USER),
    ]
    if themes_dir:
        folders.append((check_themes_dir(Path(themes_dir).expanduser()), ThemeOrigin.USER))
    return ThemeLibrary(folders, ThemeCache(theme_cache_path(data_dir)))
