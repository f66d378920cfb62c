"""The notes of the current segment, as the group said them: literal text, never markup."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from sessions.export.markdown import note_prefix
from sessions.i18n import t
from sessions.models import Note

SHOWN_NOTES = 30
"""The side panel shows the newest notes; `e` lists them all."""


class NoteList(VerticalScroll):
    """A titled list of the newest notes; the newest is scrolled into view."""

    def compose(self) -> ComposeResult:
        yield Label("", id="notes-title", markup=False)
        yield Static(Content(""), id="notes-body")

    def show(self, segment_title: str, notes: list[Note]) -> None:
        self.query_one("#notes-title", Label).update(
            t("presenter.notes_title", segment=segment_title, count=len(notes))
        )
        if not notes:
            body = Content(t("presenter.no_notes"))
        else:
            parts = []
            if len(notes) > SHOWN_NOTES:
                parts.append(Content(t("presenter.more_notes", count=len(notes) - SHOWN_NOTES)))
            for note in notes[-SHOWN_NOTES:]:
                if note.private:  # on the projector, only the consultant knows what it says
                    parts.append(Content("• " + t("presenter.private_note")))
                    continue
                label = note_prefix(note, None)
                prefix = f"{label}: " if label else ""
                parts.append(Content("• " + prefix + note.text.replace("\n", "\n  ")))
            body = Content("\n").join(parts)
        self.query_one("#notes-body", Static).update(body)
        self.scroll_end(animate=False)
