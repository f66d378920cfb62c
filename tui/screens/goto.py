"""Jump to any page of the agenda from an overview list."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from sessions.agenda.pages import Page
from sessions.i18n import t


class GotoScreen(ModalScreen[int | None]):
    """Lists every page as `segment › page`; dismisses with the chosen position."""

    BINDINGS = [Binding("escape,g", "close", show=False)]

    def __init__(self, pages: list[Page], current: int) -> None:
        super().__init__()
        self._pages = pages
        self._current = current

    def compose(self) -> ComposeResult:
        options = []
        for position, page in enumerate(self._pages):
            first = position == 0 or self._pages[position - 1].segment.id != page.segment.id
            label = page.segment.title if first else "    "
            if page.title != page.segment.title or not first:
                label = f"{label} › {page.title}" if first else f"    › {page.title}"
            options.append(Option(f"{position + 1:>3}  {label}", id=str(position)))
        with Vertical(classes="dialog goto"):
            yield Label(t("presenter.goto_title"), classes="dialog-title", markup=False)
            yield OptionList(*options, markup=False, id="goto-list")

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        option_list.highlighted = self._current
        option_list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id or 0))

    def action_close(self) -> None:
        self.dismiss(None)
