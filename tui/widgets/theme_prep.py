"""Under the start screen's theme list: one line on the highlighted theme's `## Før mødet`
checklist — how many items, the first of them, and the command that prints the whole list —
so the consultant sees there is preparation when choosing the theme, and the sessions below
stay in view on an 80×24 screen."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from sessions.i18n import t


class ThemePrep(Static):
    DEFAULT_CSS = """
    ThemePrep { height: 1; width: 100%; padding: 0 2; color: $text-muted;
                text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def show(self, theme_id: str, items: tuple[str, ...]) -> None:
        self.display = bool(items)
        if not items:
            return
        head = t("start.prep_title", count=len(items), command=f"oplaeg handout {theme_id} --prep")
        self.update(Content.assemble((head, "bold"), " ", items[0]))
