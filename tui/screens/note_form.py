"""The note form: Enter saves (to disk, before the form closes), Escape cancels.

What is typed is kept as a draft a moment after each change, so a crash or a closed terminal
window loses nothing; the draft is cleared when the note is saved or the form is cancelled.

A note "kun til mig" typed in the single window (which the room sees) is drawn as dots; Ctrl+T
shows it for a moment.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.timer import Timer
from textual.widgets import Label, RadioSet, TextArea

from sessions.errors import OplaegError
from sessions.i18n import t
from sessions.models import Draft, Note, NoteTag
from sessions.notes.notebook import Notebook
from tui.keys import NOTE_FORM_KEYS, bindings
from tui.widgets.toggles import Checkbox, RadioButton

DRAFT_DELAY_SECONDS = 0.4
DIALOG_SHARE = 0.9
"""The dialog's max-height (app.tcss `.dialog`)."""
FORM_ROWS = 14
"""The form's rows besides the text box: border, padding, heading, tags, private, keys."""
TEXT_ROWS = 8
MIN_TEXT_ROWS = 4
TAG_CHOICES: tuple[NoteTag | None, ...] = (None, *NoteTag)


@dataclass(frozen=True)
class NoteRequest:
    """A note to write or edit: where it belongs and what the form starts with."""

    segment_id: str
    step: int
    text: str = ""
    tag: NoteTag | None = None
    private: bool = False
    note_id: str | None = None  # editing an existing note
    card: int | None = None  # the dialogue card it is about

    @classmethod
    def from_note(cls, note: Note) -> NoteRequest:
        return cls(
            note.segment_id, note.step, note.text, note.tag, note.private, note.id, note.card
        )

    @classmethod
    def from_draft(cls, draft: Draft) -> NoteRequest:
        return cls(
            draft.segment_id, draft.step, draft.text, draft.tag, draft.private, draft.note_id
        )


def mask(text: str) -> str:
    """Every character but spaces as dots, as wide as it was."""
    return "".join(c if c.isspace() else "•" * cell_len(c) for c in text)


class NoteTextArea(TextArea):
    """A TextArea where Enter submits, pasted text keeps its line breaks, and the text can be
    drawn as dots."""

    masked: reactive[bool] = reactive(False)
    """Draw the text as dots (a private note on a screen the room sees)."""

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

    def watch_masked(self) -> None:
        self.refresh()

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if not self.masked:
            return strip
        return Strip([Segment(mask(s.text), s.style, s.control) for s in strip], strip.cell_length)


class TagPicker(RadioSet):
    """The tag choice: the arrow keys choose at once, so Enter can save straight away.

    (RadioSet's own next/previous actions also run when it is mounted; choosing there would
    throw away the tag of a note being edited.)"""

    BINDINGS = [
        Binding("down,right", "choose(1)", show=False),
        Binding("up,left", "choose(-1)", show=False),
    ]

    def action_choose(self, offset: int) -> None:
        if offset > 0:
            self.action_next_button()
        else:
            self.action_previous_button()
        self.action_toggle_button()


class NoteForm(ModalScreen[bool | None]):
    """Write or edit one note; it is saved to `notebook` before the form closes (True)."""

    BINDINGS = bindings(NOTE_FORM_KEYS)

    def __init__(
        self, title: str, notebook: Notebook, request: NoteRequest, *, mask_private: bool
    ) -> None:
        super().__init__()
        self._title = title
        self.notebook = notebook
        self.request = request
        self.mask_private = mask_private
        self._draft_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        request = self.request
        with Vertical(classes="dialog note-form"):
            yield Label(self._title, classes="dialog-title", markup=False)
            yield NoteTextArea(
                request.text,
                id="note-text",
                soft_wrap=True,
                show_line_numbers=False,
                tab_behavior="focus",
            )
            with TagPicker(id="note-tag", compact=True):
                for tag in TAG_CHOICES:
                    label = t(f"tag.{tag.value}" if tag else "tag.none")
                    yield RadioButton(label, value=tag == request.tag)
            yield Checkbox(t("note.private"), request.private, id="note-private", compact=True)
            yield Label("", id="note-masked", classes="dialog-hint", markup=False)
            yield Label("", id="note-error", markup=False)
            yield Label(t("note.hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self._fit_text_area()
        area = self.query_one(NoteTextArea)
        area.focus()
        area.move_cursor(area.document.end)
        self._apply_mask()
        self.call_after_refresh(self._show_heading)

    def on_resize(self, event: events.Resize) -> None:
        self._fit_text_area()

    def _fit_text_area(self) -> None:
        """The text box as tall as the screen allows with the heading and the keys in view
        (an 80×24 laptop gets a shorter box, not a form scrolled past its heading)."""
        room = int(self.size.height * DIALOG_SHARE) - FORM_ROWS
        self.query_one(NoteTextArea).styles.height = max(MIN_TEXT_ROWS, min(TEXT_ROWS, room))

    def _show_heading(self) -> None:
        self.query_one(".note-form").scroll_home(animate=False)

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

    def _apply_mask(self) -> None:
        masked = self.mask_private and self.private
        self.query_one(NoteTextArea).masked = masked
        self.query_one("#note-masked", Label).update(t("note.masked") if masked else "")

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self._apply_mask()
        self.flush_draft()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY_SECONDS, self.flush_draft)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.flush_draft()

    def flush_draft(self) -> None:
        """Save what is typed now as the draft (also called when the app is told to exit)."""
        request = replace(self.request, text=self.text, tag=self.tag, private=self.private)
        draft = Draft(
            request.segment_id,
            request.text,
            request.step,
            request.note_id,
            request.tag,
            request.private,
        )
        try:
            self.notebook.save_draft(draft)
        except OplaegError as error:
            self._show_error(t("error.storage", reason=str(error)))

    def on_note_text_area_submitted(self, event: NoteTextArea.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        if not self.text.strip():
            self._show_error(t("note.empty"))
            return
        request = self.request
        try:
            if request.note_id:
                self.notebook.update(request.note_id, self.text, self.tag, self.private)
            else:
                self.notebook.add(
                    request.segment_id,
                    request.step,
                    self.text,
                    self.tag,
                    self.private,
                    request.card,
                )
        except OplaegError as error:
            self._show_error(t("error.not_saved", reason=str(error)))
            return
        self._stop_draft_timer()
        self._clear_draft()
        self.dismiss(True)

    def action_newline(self) -> None:
        self.query_one(NoteTextArea).insert("\n")

    def action_peek(self) -> None:
        area = self.query_one(NoteTextArea)
        if self.mask_private and self.private:
            area.masked = not area.masked

    def action_cancel(self) -> None:
        self._stop_draft_timer()
        self._clear_draft()
        self.dismiss(None)

    def _clear_draft(self) -> None:
        try:
            self.notebook.clear_draft()
        except OplaegError as error:
            self._show_error(t("error.storage", reason=str(error)))

    def _stop_draft_timer(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None

    def _show_error(self, message: str) -> None:
        label = self.query_one("#note-error", Label)
        label.update(message)
        label.add_class("-visible")
