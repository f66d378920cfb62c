"""The presenter's keys for notes: a note for the referat, a private note, the notes of the
current item, the speaker notes in full, and whether the room sees the notes."""

from __future__ import annotations

from sessions.i18n import t
from tui.screens.note_form import NoteForm, NoteRequest
from tui.screens.notes_manager import NotesManager
from tui.screens.presenter_part import PresenterPart
from tui.screens.speaker_notes import SpeakerNotesScreen
from tui.widgets.console_panel import speaker_notes


class NoteActions(PresenterPart):
    """Mixed into `PresenterScreen`."""

    def action_new_note(self) -> None:
        self._open_note_form(self._note_request(private=False))

    def action_new_private_note(self) -> None:
        self._open_note_form(self._note_request(private=True))

    def _note_request(self, *, private: bool) -> NoteRequest:
        page = self.live.page
        exercise = self.stage.exercise
        card = getattr(exercise, "current_card", lambda: None)()
        return NoteRequest(page.segment.id, page.index, private=private, card=card)

    def _open_note_form(self, request: NoteRequest) -> None:
        page = self.live.page
        key = "note.edit_title" if request.note_id else "note.title"
        form = NoteForm(
            t(key, segment=page.segment.title),
            self.live.notebook,
            request,
            mask_private=not self.console,
        )

        def closed(saved: bool | None) -> None:
            if saved:
                self.say(t("presenter.note_saved"))

        self.app.push_screen(form, closed)

    def action_manage_notes(self) -> None:
        segment = self.live.page.segment
        manager = NotesManager(
            t("notes.title", segment=segment.title),
            self.live.notebook,
            segment.id,
            reveal_private=self.console,
        )

        def closed(request: NoteRequest | None) -> None:
            if request is not None:
                self._open_note_form(request)

        self.app.push_screen(manager, closed)

    def action_speaker_notes(self) -> None:
        page = self.live.page
        self.app.push_screen(SpeakerNotesScreen(page.title, speaker_notes(page)))

    def action_notes_to_room(self) -> None:
        shown = not self.live.display.current.notes_to_room
        ok, _ = self._guard(lambda: self.live.display.change(notes_to_room=shown))
        if ok:
            self.say(t("presenter.notes_shown" if shown else "presenter.notes_hidden"))
