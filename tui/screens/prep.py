"""The theme's `## Før mødet` checklist, shown once on the console before the first page of a
session that has not begun: the last look at what should be in place (the leader's role, a
verserende sag, the guidelines on paper, the AMR's and TR's names). Only on the console, never
in the single window the room sees. Enter or Esc goes on to the first page."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from sessions.i18n import t
from sessions.theme.model import Theme
from tui.keys import PREP_KEYS, bindings


def prep_lines(theme: Theme) -> list[Content]:
    """Each checklist item with its box; the facts to find as a label and a line."""
    lines = []
    for item in theme.preparation:
        if item.blank:
            lines.append(Content(t("prep_screen.blank", label=item.text)))
        else:
            lines.append(Content(f"☐ {item.text}"))
    return lines


class PrepScreen(ModalScreen[None]):
    BINDINGS = bindings(PREP_KEYS)
    DEFAULT_CSS = """
    PrepScreen { align: center middle; }
    PrepScreen #prep-box { width: 90%; max-width: 100; height: 90%;
                           border: round $primary; background: $surface; padding: 0 1; }
    PrepScreen #prep-title { text-style: bold; color: $primary; }
    PrepScreen #prep-items { height: 1fr; }
    PrepScreen #prep-hint { color: $text-muted; margin-top: 1; width: 100%; height: auto; }
    """

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self.theme = theme

    def compose(self) -> ComposeResult:
        command = f"oplaeg handout {self.theme.id} --prep"
        with Vertical(id="prep-box"):
            yield Label(
                t("prep_screen.title", theme=self.theme.title), id="prep-title", markup=False
            )
            with VerticalScroll(id="prep-items"):
                yield Static(Content("\n").join(prep_lines(self.theme)), id="prep-list")
            yield Label(t("prep_screen.hint", command=command), id="prep-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#prep-items", VerticalScroll).focus()  # ↑/↓ scroll a long list

    def action_close(self) -> None:
        self.dismiss(None)
