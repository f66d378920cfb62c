"""The room view's read-only copy of a session: it reads only what is new in the journal, reads
everything again when the writer replaced the snapshot, and always ends up with what a full
read gives."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from sessions.storage.follower import StoreFollower
from sessions.storage.session_store import JOURNAL_NAME, SessionStore


def writer(tmp_path: Path) -> SessionStore:
    """A session being written, its journal begun (a journal that appears makes a follower
    read everything once, as a new file would)."""
    store = SessionStore.create(tmp_path / "s1", {"id": "s1"})
    store.put("session", "2", {"begun": True})
    return store


def full_read(folder: Path) -> dict[str, dict[str, dict[str, object]]]:
    store = SessionStore.open(folder, readonly=True)
    try:
        return store.export_tables()
    finally:
        store.close()


def count_whole_reads(follower: StoreFollower) -> list[int]:
    """A list that grows by one each time the follower's store reads everything again."""
    reads: list[int] = []
    original = follower.store.reload

    def reload() -> None:
        reads.append(1)
        original()

    follower.store.reload = reload  # type: ignore[method-assign]
    return reads


def test_appends_are_read_without_reading_everything_again(tmp_path: Path) -> None:
    store = writer(tmp_path)
    follower = StoreFollower(store.directory)
    reads = count_whole_reads(follower)
    for number in range(1, 21):
        store.put("notes", str(number), {"text": f"note {number}", "segment_id": "a"})
        assert follower.poll()
        assert follower.settled
        assert follower.store.get("notes", str(number)) == {
            "text": f"note {number}",
            "segment_id": "a",
        }
    store.delete("notes", "3")
    assert follower.poll()
    assert follower.store.get("notes", "3") is None
    assert not follower.poll()  # nothing new: nothing read
    assert reads == []
    assert follower.store.export_tables() == full_read(store.directory)
    follower.close()
    store.close()


def test_a_compaction_makes_it_read_everything_again(tmp_path: Path) -> None:
    store = writer(tmp_path)
    follower = StoreFollower(store.directory)
    reads = count_whole_reads(follower)
    store.put("notes", "1", {"text": "før"})
    assert follower.poll()
    store.compact()  # a new snapshot; the journal emptied
    store.put("notes", "2", {"text": "efter"})
    assert follower.poll()
    assert len(reads) == 1
    assert follower.store.all("notes") == {"1": {"text": "før"}, "2": {"text": "efter"}}
    follower.close()
    store.close()


def test_a_journal_emptied_and_written_past_the_old_end_is_read_again(tmp_path: Path) -> None:
    """Even if the snapshot's stamp were missed, other bytes where the last line read was
    make the reader read everything again rather than read on from the middle of a line."""
    store = writer(tmp_path)
    follower = StoreFollower(store.directory)
    store.put("notes", "1", {"text": "kort"})
    assert follower.poll()
    store.compact()
    for number in range(2, 6):
        store.put("notes", str(number), {"text": f"en længere note, nummer {number}"})
    follower.store.catch_up()  # as if only the journal had changed
    assert follower.store.export_tables() == full_read(store.directory)
    follower.close()
    store.close()


def test_a_torn_last_line_is_read_when_it_is_whole(tmp_path: Path) -> None:
    store = writer(tmp_path)
    follower = StoreFollower(store.directory)
    reads = count_whole_reads(follower)
    store.put("notes", "1", {"text": "hel"})
    assert follower.poll()
    journal = store.directory / JOURNAL_NAME
    line = b'{"seq":99,"op":"put","table":"notes","id":"2","doc":{"text":"halv"}}\n'
    with journal.open("ab") as file:  # the writer caught half-way through its write
        file.write(line[:30])
    follower.poll()
    assert follower.store.get("notes", "2") is None
    assert follower.store.get("notes", "1") == {"text": "hel"}
    with journal.open("ab") as file:
        file.write(line[30:])
    assert follower.poll()
    assert follower.store.get("notes", "2") == {"text": "halv"}
    assert reads == []
    follower.close()
    store.close()


def test_a_damaged_line_is_reported_and_read_again_later(tmp_path: Path) -> None:
    store = writer(tmp_path)
    follower = StoreFollower(store.directory)
    journal = store.directory / JOURNAL_NAME
    with journal.open("ab") as file:
        file.write(b"not json\n")
        file.write(b'{"seq":5,"op":"put","table":"notes","id":"1","doc":{}}\n')
    assert not follower.poll()
    assert not follower.settled
    journal.write_bytes(b'{"seq":5,"op":"put","table":"notes","id":"1","doc":{"ok":1}}\n')
    assert follower.poll()
    assert follower.settled
    assert follower.store.get("notes", "1") == {"ok": 1}
    follower.close()
    store.close()


@pytest.mark.parametrize("seed", range(12))
def test_following_gives_what_a_full_read_gives(tmp_path: Path, seed: int) -> None:
    """Random changes, compactions and writer restarts, polled at random moments: after every
    poll the follower holds exactly what reading the files whole gives, and its index by
    field agrees with a scan."""
    chance = random.Random(seed)
    folder = tmp_path / "s1"
    store = writer(tmp_path)
    follower = StoreFollower(folder)
    for _ in range(150):
        roll = chance.random()
        table = chance.choice(("notes", "answers"))
        doc_id = str(chance.randint(1, 25))
        if roll < 0.6:
            doc = {"segment_id": chance.choice("abc"), "text": "x" * chance.randint(0, 90)}
            store.put(table, doc_id, doc)
        elif roll < 0.8:
            store.delete(table, doc_id)
        elif roll < 0.88:
            store.compact()
        elif roll < 0.92:
            store.close()
            store = SessionStore.open(folder)
        if chance.random() < 0.5:
            follower.poll()
            if follower.settled:
                assert follower.store.export_tables() == full_read(folder)
            for segment in "abc":
                scanned = {
                    i: d for i, d in follower.store.items("notes") if d["segment_id"] == segment
                }
                indexed = dict(follower.store.items_where("notes", "segment_id", segment))
                assert indexed == scanned
    follower.poll()
    assert follower.store.export_tables() == full_read(folder) == store.export_tables()
    follower.close()
    store.close()


def test_the_index_follows_puts_moves_and_deletes(tmp_path: Path) -> None:
    store = writer(tmp_path)
    store.put("notes", "1", {"segment_id": "a"})
    store.put("notes", "2", {"segment_id": "b"})
    assert [i for i, _ in store.items_where("notes", "segment_id", "a")] == ["1"]
    store.put("notes", "3", {"segment_id": "a"})
    store.put("notes", "1", {"segment_id": "a", "text": "ændret"})  # keeps its place
    assert [i for i, _ in store.items_where("notes", "segment_id", "a")] == ["1", "3"]
    store.put("notes", "1", {"segment_id": "b"})  # moved to another agenda item
    assert [i for i, _ in store.items_where("notes", "segment_id", "a")] == ["3"]
    assert [i for i, _ in store.items_where("notes", "segment_id", "b")] == ["2", "1"]
    store.delete("notes", "3")
    assert store.items_where("notes", "segment_id", "a") == []
    assert store.items_where("notes", "segment_id", "ingen") == []
    store.put("notes", "4", {"segment_id": ["en", "liste"]})  # no hashable value: still found
    assert [i for i, _ in store.items_where("notes", "segment_id", ["en", "liste"])] == ["4"]
    store.close()


def test_the_phones_answers_file_is_read_without_the_journal(tmp_path: Path) -> None:
    """The answers table is written whole to a file of its own: the follower reads that file
    again when it changes, and neither the journal nor the snapshot."""
    from sessions.storage.session_store import current_payload
    from sessions.storage.tables import CURRENT_ONLY_TABLES

    (table,) = list(CURRENT_ONLY_TABLES)[:1]
    store = writer(tmp_path)
    follower = StoreFollower(store.directory)
    reads = count_whole_reads(follower)
    loads = follower.store.loads
    answers = {"k1": {"value": 3}}
    store.put_current(table, current_payload(answers))
    assert follower.poll()
    assert follower.store.all(table) == answers
    assert follower.store.loads > loads  # what reads the answers sees they were read again
    store.put("notes", "1", {"text": "efter"})
    assert follower.poll()
    assert follower.store.get("notes", "1") == {"text": "efter"}
    assert follower.store.all(table) == answers
    assert reads == []
    assert follower.store.export_tables() == full_read(store.directory)
    follower.close()
    store.close()
