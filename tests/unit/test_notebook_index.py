"""A page asks the notebook for its own agenda item's notes: found through the store's index,
read again only when the notes changed, the same as scanning every note."""

from __future__ import annotations

from pathlib import Path

from sessions.clock import FakeClock
from sessions.notes.notebook import Notebook
from sessions.storage.follower import StoreFollower
from sessions.storage.session_store import SessionStore
from sessions.storage.tables import NOTES_TABLE


def scanned(store: SessionStore, segment: str) -> list[str]:
    notes = [
        (d["created_at"], int(i), i)
        for i, d in store.items(NOTES_TABLE)
        if d["segment_id"] == segment
    ]
    return [i for _, _, i in sorted(notes)]


def test_a_page_gets_its_own_notes_in_order_and_sees_every_change(tmp_path: Path) -> None:
    store = SessionStore.create(tmp_path / "s1", {"id": "s1"})
    clock = FakeClock()
    notebook = Notebook(store, clock)
    for number in range(30):
        clock.advance(1)
        notebook.add("ab"[number % 2] if number % 5 else "c", 0, f"note {number}")
    for segment in "abc":
        assert [n.id for n in notebook.all(segment)] == scanned(store, segment)
    assert len(notebook.all()) == 30
    assert notebook.all("c") is not notebook.all("c")  # a list of its own each time
    moved = notebook.all("a")[0]
    notebook.update(moved.id, "ændret")
    assert [n.text for n in notebook.all("a")][0] == "ændret"
    notebook.delete(moved.id)
    assert moved.id not in [n.id for n in notebook.all("a")]
    assert [n.id for n in notebook.all("a")] == scanned(store, "a")
    notebook.restore(moved)
    assert [n.id for n in notebook.all("a")] == scanned(store, "a")
    assert notebook.all("ingen") == []
    store.close()


def test_the_room_views_notebook_sees_what_the_console_wrote(tmp_path: Path) -> None:
    store = SessionStore.create(tmp_path / "s1", {"id": "s1"})
    console = Notebook(store, FakeClock())
    console.add("a", 0, "før")
    follower = StoreFollower(store.directory)
    room = Notebook(follower.store, FakeClock())
    assert [n.text for n in room.all("a")] == ["før"]
    console.add("a", 0, "efter")
    follower.poll()
    assert [n.text for n in room.all("a")] == ["før", "efter"]
    store.compact()
    console.add("b", 0, "andet punkt")
    follower.poll()
    assert [n.text for n in room.all("a")] == ["før", "efter"]
    assert [n.text for n in room.all("b")] == ["andet punkt"]
    follower.close()
    store.close()
