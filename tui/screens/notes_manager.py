"""The notes of one segment: pick one to edit, or delete it after a confirmation."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from sessions.i18n import t
from sessions.models import Note
from tui.keys import NOTES_KEYS, bindings
from tui.screens.confirm import ConfirmScreen

PREVIEW_LENGTH = 60


def preview(text: str) -> str:
    """The first line of a note, shortened."""
    first = " ".join(text.split())
    return first if len(first) <= PREVIEW_LENGTH else first[: PREVIEW_LENGTH - 1] + "…"


class NotesManager(ModalScreen[None]):
    """Lists notes; `edit(note)` and `delete(note)` are the presenter's."""

    def __init__(
        self,
        title: str,
        notes: Callable[[], list[Note]],
        edit: Callable[[Note], None],
        delete: Callable[[Note], None],
    ) -> None:
        super().__init__()
        self._bindings = bindings(self._bindings, NOTES_KEYS)
        self._title = title
        self._notes = notes
        self._edit = edit
        self._delete = delete

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog notes-manager"):
            yield Label(self._title, classes="dialog-title", markup=False)
            yield OptionList(markup=False, id="notes-list")
            yield Label(t("notes.hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def reload(self) -> None:
        option_list = self.query_one(OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        notes = self._notes()
        if not notes:
            option_list.add_option(Option(t("notes.none"), id="", disabled=True))
            return
        for note in notes:
            tag = f"{t(f'tag.{note.tag.value}')}: " if note.tag else ""
            lock = "🔒 " if note.private else ""
            option_list.add_option(Option(lock + tag + preview(note.text), id=note.id))
        option_list.highlighted = min(highlighted or 0, len(notes) - 1)

    def _selected(self) -> Note | None:
        option_list = self.query_one(OptionList)
        if option_list.highlighted is None:
            return None
        option_id = option_list.get_option_at_index(option_list.highlighted).id
        return next((n for n in self._notes() if n.id == option_id), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def action_edit(self) -> None:
        note = self._selected()
        if note is not None:
            self._edit(note)

    def action_delete(self) -> None:
        note = self._selected()
        if note is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(note)
                self.reload()

        self.app.push_screen(
            ConfirmScreen(t("notes.delete_question", preview=preview(note.text))), answered
        )

    def action_close(self) -> None:
        self.dismiss(None)
