"""The notes of one agenda item: pick one to edit, delete one (after a question), take a
deletion back. Private notes are listed in clear only where the room cannot see them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from sessions.errors import OplaegError
from sessions.i18n import t
from sessions.models import Note
from sessions.notes.notebook import Notebook
from tui.keys import NOTES_KEYS, bindings
from tui.screens.confirm import ConfirmScreen
from tui.screens.note_form import NoteRequest
from tui.widgets.footer import Footer

PREVIEW_LENGTH = 60


def preview(text: str) -> str:
    """The first line of a note, shortened."""
    first = " ".join(text.split())
    return first if len(first) <= PREVIEW_LENGTH else first[: PREVIEW_LENGTH - 1] + "…"


class NotesManager(ModalScreen[NoteRequest | None]):
    """Dismisses with the note to edit, or None."""

    BINDINGS = [*bindings(NOTES_KEYS), Binding("u", "undo", t("key.undo_short"))]

    def __init__(
        self, title: str, notebook: Notebook, segment_id: str, *, reveal_private: bool
    ) -> None:
        super().__init__()
        self._title = title
        self.notebook = notebook
        self.segment_id = segment_id
        self.reveal_private = reveal_private
        self._deleted: Note | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog notes-manager"):
            yield Label(self._title, classes="dialog-title", markup=False)
            yield OptionList(markup=False, id="notes-list")
            yield Label("", id="notes-message", classes="dialog-hint", markup=False)
            yield Label(t("notes.hint"), classes="dialog-hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def notes(self) -> list[Note]:
        return self.notebook.all(self.segment_id)

    def reload(self) -> None:
        option_list = self.query_one(OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        notes = self.notes()
        if not notes:
            option_list.add_option(Option(t("notes.none"), id="", disabled=True))
            return
        for note in notes:
            tag = f"{t(f'tag.{note.tag.value}')}: " if note.tag else ""
            if note.private and not self.reveal_private:
                text = "🔒 " + t("room.private_note")
            else:
                text = ("🔒 " if note.private else "") + tag + preview(note.text)
            option_list.add_option(Option(text, id=note.id))
        option_list.highlighted = min(highlighted or 0, len(notes) - 1)

    def _selected(self) -> Note | None:
        option_list = self.query_one(OptionList)
        if option_list.highlighted is None:
            return None
        option_id = option_list.get_option_at_index(option_list.highlighted).id
        return next((n for n in self.notes() if n.id == option_id), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def action_edit(self) -> None:
        note = self._selected()
        if note is not None:
            self.dismiss(NoteRequest.from_note(note))

    def action_delete(self) -> None:
        note = self._selected()
        if note is None:
            return
        shown = (
            t("room.private_note")
            if note.private and not self.reveal_private
            else preview(note.text)
        )

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self._deleted = self.notebook.delete(note.id)
            except OplaegError as error:
                self._say(t("error.not_saved", reason=str(error)))
                return
            self._say(t("notes.deleted"))
            self.reload()

        self.app.push_screen(ConfirmScreen(t("notes.delete_question", preview=shown)), answered)

    def action_undo(self) -> None:
        if self._deleted is None:
            return
        try:
            self.notebook.restore(self._deleted)
        except OplaegError as error:
            self._say(t("error.not_saved", reason=str(error)))
            return
        self._deleted = None
        self._say(t("notes.restored"))
        self.reload()

    def _say(self, text: str) -> None:
        self.query_one("#notes-message", Label).update(text)

    def action_close(self) -> None:
        self.dismiss(None)
