"""The note form: Enter saves (to disk, before the form closes), Escape cancels.

What is typed is kept as a draft a moment after each change, so a crash or a closed terminal
window loses nothing; the draft is cleared when the note is saved or the form is cancelled.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Checkbox, Label, RadioButton, RadioSet, TextArea

from sessions.errors import OplaegError
from sessions.i18n import t
from sessions.models import Note, NoteTag
from tui.keys import NOTE_FORM_KEYS, bindings

DRAFT_DELAY_SECONDS = 0.4
TAG_CHOICES: tuple[NoteTag | None, ...] = (None, *NoteTag)

SaveNote = Callable[[str, NoteTag | None, bool], Note]
"""(text, tag, private) → the saved note."""
SaveDraft = Callable[[str, NoteTag | None, bool], None]


class NoteTextArea(TextArea):
    """A TextArea where Enter submits; pasted text keeps its line breaks."""

    class Submitted(Message):
        pass

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted())
            return
        if event.key == "ctrl+j":
            event.stop()
            event.prevent_default()
            self.insert("\n")
            return
        await super()._on_key(event)


class TagPicker(RadioSet):
    """The tag choice: the arrow keys choose at once, so Enter can save straight away."""

    def action_next_button(self) -> None:
        super().action_next_button()
        self.action_toggle_button()

    def action_previous_button(self) -> None:
        super().action_previous_button()
        self.action_toggle_button()


class NoteForm(ModalScreen[Note | None]):
    """Write or edit one note. `save` stores it and may raise; the form then stays open."""

    def __init__(
        self,
        title: str,
        save: SaveNote,
        save_draft: SaveDraft,
        text: str = "",
        tag: NoteTag | None = None,
        private: bool = False,
    ) -> None:
        super().__init__()
        self._initial_private = private
        self._bindings = bindings(self._bindings, NOTE_FORM_KEYS)
        self._title = title
        self._save = save
        self._save_draft = save_draft
        self._initial_text = text
        self._initial_tag = tag
        self._draft_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog note-form"):
            yield Label(self._title, classes="dialog-title", markup=False)
            yield NoteTextArea(
                self._initial_text,
                id="note-text",
                soft_wrap=True,
                show_line_numbers=False,
                tab_behavior="focus",
            )
            with TagPicker(id="note-tag", compact=True):
                for tag in TAG_CHOICES:
                    yield RadioButton(
                        t(f"tag.{tag.value}" if tag else "tag.none"),
                        value=tag == self._initial_tag,
                    )
            yield Checkbox(
                t("note.private"), self._initial_private, id="note-private", compact=True
            )
            yield Label("", id="note-error", markup=False)
            yield Label(t("note.hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        area = self.query_one(NoteTextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        return self.query_one(NoteTextArea).text

    @property
    def tag(self) -> NoteTag | None:
        index = self.query_one(TagPicker).pressed_index
        return TAG_CHOICES[index] if 0 <= index < len(TAG_CHOICES) else None

    @property
    def private(self) -> bool:
        return self.query_one("#note-private", Checkbox).value

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self.flush_draft()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY_SECONDS, self.flush_draft)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.flush_draft()

    def flush_draft(self) -> None:
        """Save what is typed now as the draft (also called when the app is told to exit)."""
        try:
            self._save_draft(self.text, self.tag, self.private)
        except OplaegError as error:
            self._show_error(t("error.storage", reason=str(error)))

    def on_note_text_area_submitted(self, event: NoteTextArea.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        if not self.text.strip():
            self._show_error(t("note.empty"))
            return
        try:
            note = self._save(self.text, self.tag, self.private)
        except OplaegError as error:
            self._show_error(t("error.not_saved", reason=str(error)))
            return
        self._stop_draft_timer()
        self.dismiss(note)

    def action_newline(self) -> None:
        self.query_one(NoteTextArea).insert("\n")

    def action_cancel(self) -> None:
        self._stop_draft_timer()
        self.dismiss(None)

    def _stop_draft_timer(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None

    def _show_error(self, message: str) -> None:
        self.query_one("#note-error", Label).update(message)
        self.query_one("#note-error", Label).add_class("-visible")
