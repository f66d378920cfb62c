"""The notes on the wall, only when the consultant opens them to the room (`l`): the shared notes
under a heading. Closed, nothing at all is drawn (no count: a room that sees "Noter: 1" appear
after a colleague spoke wonders what was written). Private notes are never shown nor counted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content

from sessions.agenda.pages import Page
from sessions.i18n import t
from sessions.live import LiveSession
from tui.widgets.content_line import ContentLine
from tui.widgets.note_text import note_line

OPEN_NOTES = 12
"""The newest notes shown when the list is open; the rest are counted."""


class RoomNotes(VerticalScroll, can_focus=False):
    DEFAULT_CSS = """
    RoomNotes {
        height: auto; max-height: 35%; border-top: hkey $border-blurred; color: $text-muted;
    }
    RoomNotes.-open { color: $foreground; }
    RoomNotes.-empty { display: none; }
    """

    def __init__(self, live: LiveSession, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.live = live

    def compose(self) -> ComposeResult:
        yield ContentLine(id="room-notes-body")

    def show(self, page: Page) -> None:
        opened = self.live.display.current.notes_to_room
        shared = [n for n in self.live.notebook.all(page.segment.id) if not n.private]
        self.set_class(opened, "-open")
        self.set_class(not opened, "-empty")
        if not opened:
            return
        lines = [Content.styled(t("room.notes_title"), "bold")]
        hidden = max(0, len(shared) - OPEN_NOTES)
        if hidden:
            lines.append(Content(t("room.more_notes", count=hidden)))
        lines += [note_line(note) for note in shared[-OPEN_NOTES:]]
        if not shared:
            lines.append(Content(t("room.no_notes")))
        self.query_one("#room-notes-body", ContentLine).show(Content("\n").join(lines))
        self.scroll_end(animate=False)
