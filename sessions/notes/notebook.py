"""What the consultant writes down: notes under the agenda item they belong to, and the draft of
the note being typed, kept so a crash or a closed window loses nothing."""

from __future__ import annotations

from dataclasses import replace
from enum import Enum

from sessions.clock import Clock
from sessions.i18n import t
from sessions.models import Draft, Note, NoteTag
from sessions.storage.session_store import SessionStore
from sessions.storage.tables import DRAFT_TABLE, NOTES_TABLE
from sessions.text import clean_text

MAX_NOTE_LENGTH = 20_000


class EmptyNoteError(ValueError):
    """A note needs some text."""


class Keep(Enum):
    """Leave a note's field as it is."""

    KEEP = "keep"


KEEP = Keep.KEEP


def draft_of(note: Note) -> Draft:
    """The draft that edits `note`: its text, tag and privacy as they are."""
    return Draft(note.segment_id, note.text, note.step, note.id, note.tag, note.private)


class Notebook:
    """Notes and the draft. Every change is saved before it returns."""

    def __init__(self, store: SessionStore, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self._read: dict[str | None, tuple[tuple[int, int], list[Note]]] = {}
        """The notes last read, by agenda item (None: all), with the notes table's version
        then: a page shown again, or a repaint, asks the store for nothing."""

    def all(self, segment_id: str | None = None) -> list[Note]:
        """Notes in the order they were made, optionally of one agenda item only (found
        through the store's index by agenda item: a page never reads the others' notes)."""
        version = self.store.version(NOTES_TABLE)
        cached = self._read.get(segment_id)
        if cached is not None and cached[0] == version:
            return list(cached[1])
        if segment_id is None:
            docs = self.store.items(NOTES_TABLE)
        else:
            docs = self.store.items_where(NOTES_TABLE, "segment_id", segment_id)
        notes = sorted(
            (Note.from_dict({"id": i, **d}) for i, d in docs),
            key=lambda n: (n.created_at, int(n.id) if n.id.isdigit() else 0),
        )
        if len(self._read) > 64:  # agenda items come and go; keep a session's worth
            self._read.clear()
        self._read[segment_id] = (version, notes)
        return list(notes)

    def shared(self, segment_id: str | None = None) -> list[Note]:
        """The notes the room may see: none marked "kun til mig"."""
        return [n for n in self.all(segment_id) if not n.private]

    def add(
        self,
        segment_id: str,
        step: int,
        text: str,
        tag: NoteTag | None = None,
        private: bool = False,
        card: int | None = None,
    ) -> Note:
        """Save a new note (about dialogue card `card`, if given)."""
        now = self.clock.wall()
        note = Note(
            id=self.store.next_id(NOTES_TABLE),
            segment_id=segment_id,
            text=note_text(text),
            created_at=now,
            updated_at=now,
            tag=tag,
            step=step,
            private=private,
            card=card,
        )
        self._put(note)
        return note

    def update(
        self,
        note_id: str,
        text: str,
        tag: NoteTag | None | Keep = KEEP,
        private: bool | Keep = KEEP,
    ) -> Note:
        """Save new text; the tag and the privacy stay as they are unless given (`None`
        removes the tag)."""
        note = self.get(note_id)
        note = replace(
            note,
            text=note_text(text),
            updated_at=self.clock.wall(),
            tag=note.tag if isinstance(tag, Keep) else tag,
            private=note.private if isinstance(private, Keep) else private,
        )
        self._put(note)
        return note

    def delete(self, note_id: str) -> Note:
        """Delete a note and return it, so it can be put back."""
        note = self.get(note_id)
        self.store.delete(NOTES_TABLE, note_id)
        return note

    def restore(self, note: Note) -> None:
        """Put back a deleted note (undo)."""
        self._put(note)

    def get(self, note_id: str) -> Note:
        doc = self.store.get(NOTES_TABLE, note_id)
        if doc is None:
            raise KeyError(note_id)
        return Note.from_dict({"id": note_id, **doc})

    def _put(self, note: Note) -> None:
        data = note.to_dict()
        del data["id"]
        self.store.put(NOTES_TABLE, note.id, data)

    # -- the draft ---------------------------------------------------------------------------

    def draft(self) -> Draft | None:
        doc = self.store.get(DRAFT_TABLE, "1")
        return Draft.from_dict(doc) if doc else None

    def save_draft(self, draft: Draft) -> None:
        data = draft.to_dict()
        data["text"] = clean_text(draft.text)
        if self.store.get(DRAFT_TABLE, "1") != data:
            self.store.put(DRAFT_TABLE, "1", data)

    def clear_draft(self) -> None:
        if self.store.get(DRAFT_TABLE, "1") is not None:
            self.store.delete(DRAFT_TABLE, "1")


def note_text(text: str) -> str:
    cleaned = clean_text(text).strip("\n")
    if not cleaned.strip():
        raise EmptyNoteError(t("error.empty_note"))
    return cleaned[:MAX_NOTE_LENGTH]
