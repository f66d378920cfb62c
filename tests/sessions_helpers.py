"""Small shorthands the tests share for driving a live session."""

from __future__ import annotations

from typing import Any

from sessions.agenda.pages import Page
from sessions.exercises import KINDS
from sessions.live import LiveSession
from sessions.models import Note, NoteTag


def add_note(
    live: LiveSession,
    text: str,
    tag: NoteTag | None = None,
    private: bool = False,
    card: int | None = None,
) -> Note:
    """A note on the page shown, as the note form makes it."""
    return live.notebook.add(live.page.segment.id, live.page.index, text, tag, private, card)


def save_exercise(live: LiveSession, changes: dict[str, Any], page: Page | None = None) -> None:
    """Store an exercise's state with some fields set (as its stored document has them): the
    exercise on `page`, or on the page shown."""
    segment = (page or live.page).segment
    assert segment.format is not None
    kind = KINDS[segment.format]
    current = live.exercises.state(segment)
    doc = {**(current.to_doc() if current is not None else {}), **changes}
    state = kind.load(doc)
    assert state is not None
    live.exercises.save(segment, state)
