"""What the consultant has chosen about the room's screen: blanked, notes shown to the room,
the light or dark projector theme, the bell. Stored, so the room view follows it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from sessions.storage.session_store import SessionStore
from sessions.storage.tables import DISPLAY_TABLE, STATE_TABLE


@dataclass(frozen=True)
class Display:
    blank: bool = False
    notes_to_room: bool = False
    bell: bool = True
    light: bool = False  # the light projector theme, for a bright room

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Display:
        return cls(
            blank=bool(doc.get("blank", False)),
            notes_to_room=bool(doc.get("notes_to_room", False)),
            bell=bool(doc.get("bell", True)),
            light=bool(doc.get("light", False)),
        )


class DisplaySettings:
    """The display choices of one session."""

    def __init__(self, store: SessionStore) -> None:
        self.store = store

    @property
    def current(self) -> Display:
        doc = self.store.get(DISPLAY_TABLE, "1")
        if doc is None:
            # Sessions from before this table kept the bell with the position.
            legacy = self.store.get(STATE_TABLE, "1") or {}
            return Display(bell=bool(legacy.get("bell", True)))
        return Display.from_doc(doc)

    def change(self, **changes: bool) -> Display:
        """Save a change (e.g. `blank=True`) and return the new choices."""
        display = replace(self.current, **changes)
        self.store.put(DISPLAY_TABLE, "1", asdict(display))
        return display
