"""Every change a store saves, and every change a follower reads, is told to the store's one
sink as the parts of the session it touched: once per write, once per poll."""

from __future__ import annotations

from pathlib import Path

import pytest

from sessions.storage.changes import Part
from sessions.storage.follower import StoreFollower
from sessions.storage.session_store import SessionStore
from sessions.storage.tables import (
    ANSWERS_TABLE,
    DISPLAY_TABLE,
    NOTES_TABLE,
    PHONE_ANSWERS_TABLE,
    STATE_TABLE,
    TIMERS_TABLE,
)


def writer(tmp_path: Path) -> SessionStore:
    store = SessionStore.create(tmp_path / "s1", {"id": "s1"})
    store.put("session", "2", {"begun": True})
    return store


def test_each_write_tells_its_part_once_it_is_saved(tmp_path: Path) -> None:
    store = writer(tmp_path)
    told: list[Part] = []
    store.sink = told.append
    store.put(NOTES_TABLE, "1", {"text": "a"})
    store.put(STATE_TABLE, "1", {"position": 2})
    store.delete(NOTES_TABLE, "1")
    store.put_current(PHONE_ANSWERS_TABLE, b"{}")
    store.put(ANSWERS_TABLE, "s1", {"text": "Mails efter kl. 16"})
    assert told == [Part.NOTES, Part.PAGE, Part.NOTES, Part.ANSWERS, Part.SLIPS]
    store.close()


def test_a_refused_write_tells_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sessions.errors import StorageError

    store = writer(tmp_path)
    told: list[Part] = []
    store.sink = told.append

    def full(entry: object) -> None:
        raise StorageError("disken er fuld")

    monkeypatch.setattr(store._journal, "append", full)
    with pytest.raises(StorageError):
        store.put(NOTES_TABLE, "1", {"text": "a"})
    monkeypatch.undo()
    store.put(DISPLAY_TABLE, "1", {"blank": True})
    assert told == [Part.DISPLAY], "the refused note is not told, then or later"
    store.close()


def test_a_poll_tells_the_parts_it_read_once(tmp_path: Path) -> None:
    store = writer(tmp_path)
    follower = StoreFollower(store.directory)
    follower.poll()
    told: list[Part] = []
    follower.store.sink = told.append
    store.put(NOTES_TABLE, "1", {"text": "a"})
    store.put(TIMERS_TABLE, "p1", {"running": True})
    store.put(NOTES_TABLE, "2", {"text": "b"})
    store.put_current(PHONE_ANSWERS_TABLE, b'{"k": {"v": 1}}')
    assert follower.poll()
    assert told == [Part.NOTES | Part.TIMERS | Part.ANSWERS]
    assert not follower.poll() and len(told) == 1, "nothing new, nothing told"
    store.compact()
    store.put(DISPLAY_TABLE, "1", {"blank": True})
    assert follower.poll()
    assert told[-1] is Part.EVERYTHING, "read whole again: every part may have changed"
    follower.close()
    store.close()


def test_opening_a_store_tells_nothing(tmp_path: Path) -> None:
    store = writer(tmp_path)
    store.put(NOTES_TABLE, "1", {"text": "a"})
    store.close()
    reopened = SessionStore.open(tmp_path / "s1")
    told: list[Part] = []
    reopened.sink = told.append
    reopened.put(DISPLAY_TABLE, "1", {"blank": False})
    assert told == [Part.DISPLAY], "the journal replayed at opening is no change"
    reopened.close()
