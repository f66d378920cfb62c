"""Under the start screen's theme list: the highlighted theme's `## Før mødet` checklist, in a
few lines, so the consultant sees what to do before the day when choosing the theme."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from sessions.i18n import t

SHOWN_ITEMS = 4
"""Items shown (the whole list is on `oplaeg handout THEME --prep`)."""


class ThemePrep(Static):
    DEFAULT_CSS = """
    ThemePrep { height: auto; max-height: 6; color: $text-muted; padding: 0 1; }
    """

    def show(self, items: tuple[str, ...]) -> None:
        self.display = bool(items)
        if not items:
            return
        lines = [Content.styled(t("start.prep_title", count=len(items)), "bold")]
        lines += [Content(f"☐ {item}") for item in items[:SHOWN_ITEMS]]
        if len(items) > SHOWN_ITEMS:
            lines.append(Content(t("start.prep_more", count=len(items) - SHOWN_ITEMS)))
        self.update(Content("\n").join(lines))
