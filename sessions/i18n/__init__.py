"""UI text in Danish (default) and English: one catalogue per language, looked up by key."""

from __future__ import annotations

from sessions.i18n import (
    da,
    da_errors,
    da_exercises,
    da_join,
    da_theme,
    en,
    en_errors,
    en_exercises,
    en_join,
    en_theme,
)

CATALOGUES: dict[str, dict[str, str]] = {
    "da": {**da.TEXT, **da_errors.TEXT, **da_theme.TEXT, **da_exercises.TEXT, **da_join.TEXT},
    "en": {**en.TEXT, **en_errors.TEXT, **en_theme.TEXT, **en_exercises.TEXT, **en_join.TEXT},
}
LANGUAGES = tuple(CATALOGUES)
_current = "da"


def register(language: str, texts: dict[str, str]) -> None:
    """Add a layer's texts (the UI's, say) to a language's catalogue."""
    CATALOGUES[language].update(texts)


def set_language(language: str) -> None:
    """Choose the language of everything `t` returns from now on."""
    global _current
    if language not in CATALOGUES:
        raise ValueError(f"unknown language '{language}' (choose {', '.join(LANGUAGES)})")
    _current = language


def current_language() -> str:
    return _current


def count_notes(count: int) -> str:
    """`1 note`, `3 noter`."""
    return t("cli.one_note") if count == 1 else t("cli.notes", count=count)


def count_sessions(count: int) -> str:
    """`1 session`, `3 sessioner`."""
    return t("history.one_session") if count == 1 else t("history.sessions", count=count)


def t(key: str, /, language: str | None = None, **params: object) -> str:
    """The text for `key`, with `{name}` fields filled from `params`."""
    text = CATALOGUES[language or _current][key]
    return text.format(**params) if params else text
