"""V6: nothing in the data folder links one person's answers across questions. The red team paired
3/3 people's answers to two statements from the order of numbered batches in the journal; here
the same attack is tried on the journal, the snapshot and the answers' own file — and the files
are shown not to depend on the order in which answers arrived at all. Sessions stored the old
way still read the same, and are written the new way when opened."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from sessions.clock import FakeClock
from sessions.export.json_export import export_json
from sessions.imports.check import check_export
from sessions.live import LiveSession
from sessions.phones.answers import AnswerBook
from sessions.phones.service import JoinService
from sessions.repository import SessionRepository
from sessions.storage.locations import prepare_data_dir
from sessions.storage.session_store import SessionStore
from sessions.storage.tables import ANSWERS_TABLE, PHONE_ANSWERS_TABLE
from tests.conftest import DETAILS
from tests.unit.phones.conftest import go_to

PEOPLE = ("anne-cookie.x", "bo-cookie.y", "cai-cookie.z")
FINAL = {("anne-cookie.x", 0): "1", ("anne-cookie.x", 1): "5", ("bo-cookie.y", 0): "3"}
FINAL |= {("bo-cookie.y", 1): "2", ("cai-cookie.z", 0): "4", ("cai-cookie.z", 1): "4"}
SALT = b"s" * 32
KEY = re.compile(r"[0-9a-f]{24}")


def run(folder: Path, library, order: list[tuple[str, int, str]]) -> dict[str, bytes]:
    """Answer in `order` in a fresh data folder; the session's files afterwards (closed)."""
    repository = SessionRepository(prepare_data_dir(folder), FakeClock())
    theme = library.get("alle-oevelser")
    info, store = repository.create(theme, dataclasses.replace(DETAILS, plan=120))
    live = LiveSession(repository, info, store, theme, FakeClock())
    live.nav.start()
    go_to(live, "scale")
    service = JoinService(live)
    service.devices._salt = SALT  # the same keys in both runs: only the order differs
    for cookie, statement, value in order:
        service.answer_scale(cookie, "skala", str(statement), value)  # one write each
    files = {p.name: p.read_bytes() for p in (repository.root / info.id).iterdir() if p.is_file()}
    live.close()
    closed = {p.name: p.read_bytes() for p in (repository.root / info.id).iterdir() if p.is_file()}
    return {**{f"open:{n}": b for n, b in files.items()}, **closed}


def person_by_person() -> list[tuple[str, int, str]]:
    """Each person answers both statements before the next one starts, changing their mind
    once: the order the red team's attack needs."""
    order = [("anne-cookie.x", 0, "2")]  # Anne first says 2, then 1
    for person in PEOPLE:
        order += [(person, 0, FINAL[(person, 0)]), (person, 1, FINAL[(person, 1)])]
    return order


def statement_by_statement() -> list[tuple[str, int, str]]:
    return [(p, s, FINAL[(p, s)]) for s in (1, 0) for p in reversed(PEOPLE)]


def test_the_folder_does_not_depend_on_the_order_answers_came_in(tmp_path, library):
    first = run(tmp_path / "a", library, person_by_person())
    second = run(tmp_path / "b", library, statement_by_statement())
    assert "answers.json" in first and "open:answers.json" in first
    assert set(first) == set(second)
    for name in first:
        if name.endswith(("lock", "owner")):
            continue
        assert first[name] == second[name], f"{name} tells in which order answers came"
    assert b"anne-cookie" not in b"".join(first.values()), "no cookie"


def test_the_red_teams_linkage_attack_finds_nothing_to_pair(tmp_path, library):
    """The attack: read the answers in stored order and pair each person's statement-0 answer
    with the statement-1 answer that follows it. It needs an order; there is none to read."""
    files = run(tmp_path / "a", library, person_by_person())
    for name in ("open:journal.jsonl", "open:session.json", "journal.jsonl", "session.json"):
        assert not KEY.search(files.get(name, b"").decode()), f"no phone key in {name}"
        assert b"batch" not in files.get(name, b""), f"no numbered batches in {name}"
    for name in ("open:answers.json", "answers.json"):
        docs = json.loads(files[name])
        assert set(docs) == {"scale:skala:0", "scale:skala:1"}
        for doc in docs.values():
            keys = list(doc["values"])
            assert keys == sorted(keys), "keys in sorted order, not in order of arrival"
            assert len(keys) == 3, "one current value per key: no earlier answers"
        first_answers = sorted(docs["scale:skala:0"]["values"].values())
        assert first_answers == [1, 3, 4], "Anne's first answer (2) is gone: no history"
    # What the attacker can still do: guess. Pairing by position in the file matches the
    # arrival order only by the keys' chance sort order, which the salt decides, not arrival.


def old_format_session(repository, library) -> tuple[str, dict[int, dict[int, int]]]:
    """A session as the previous oplaeg stored it: numbered batches, every change kept."""
    theme = library.get("alle-oevelser")
    info, store = repository.create(theme, dataclasses.replace(DETAILS, plan=120))
    entries = [
        {"kind": "scale", "segment_id": "skala", "statement": 0, "key": "aa", "value": 2},
        {"kind": "scale", "segment_id": "skala", "statement": 0, "key": "bb", "value": 5},
    ]
    store.put(ANSWERS_TABLE, "batch:1", {"kind": "batch", "answers": entries})
    later = [
        {"kind": "scale", "segment_id": "skala", "statement": 0, "key": "aa", "value": 4},
        {"kind": "vote", "segment_id": "stemmer", "key": "cc", "votes": [["A", 2]]},
    ]
    store.put(ANSWERS_TABLE, "batch:2", {"kind": "batch", "answers": later})
    store.put(ANSWERS_TABLE, "slip:1", {"kind": "slip", "segment_id": "tavle", "text": "Hej",
                                        "target": "column", "column": 0, "step": 0})  # fmt: skip
    store.close()
    return info.id, {0: {4: 1, 5: 1}}


def test_a_session_stored_the_old_way_reads_the_same_and_is_written_the_new_way(
    repository, library
):
    session_id, counts = old_format_session(repository, library)
    folder = repository.root / session_id
    reader = SessionStore.open(folder, readonly=True)
    try:
        assert AnswerBook(reader).scale_counts("skala") == counts, "read as it was"
        assert AnswerBook(reader).phone_votes("stemmer") == {"A": 2}
    finally:
        reader.close()
    assert not (folder / "answers.json").exists(), "a reader changes nothing"
    writer = SessionStore.open(folder)
    book = AnswerBook(writer)
    assert book.scale_counts("skala") == counts
    assert book.answered("stemmer") == 1
    assert [i for i, _ in writer.items(ANSWERS_TABLE)] == ["slip:1"], "batches retired"
    assert [s.text for s in book.pending()] == ["Hej"], "texts kept"
    writer.close()
    assert b"batch" not in (folder / "session.json").read_bytes()
    again = SessionStore.open(folder, readonly=True)
    try:
        assert AnswerBook(again).scale_counts("skala") == counts
        assert set(again.all(PHONE_ANSWERS_TABLE)) == {"scale:skala:0", "vote:stemmer"}
    finally:
        again.close()


def test_exports_old_and_new_import_and_count_the_same(repository, library, clock):
    session_id, counts = old_format_session(repository, library)
    reader = SessionStore.open(repository.root / session_id, readonly=True)
    old_export = json.loads(export_json(reader))
    reader.close()
    assert "batch:1" in old_export["tables"][ANSWERS_TABLE]
    other = SessionRepository(prepare_data_dir(repository.root.parent / "other"), clock)
    imported = other.import_export(old_export)
    store = SessionStore.open(other.root / imported.id)
    assert AnswerBook(store).scale_counts("skala") == counts
    new_export = json.loads(export_json(store))
    store.close()
    assert PHONE_ANSWERS_TABLE in new_export["tables"]
    assert (
        check_export(new_export)[PHONE_ANSWERS_TABLE] == new_export["tables"][PHONE_ANSWERS_TABLE]
    )
    third = SessionRepository(prepare_data_dir(repository.root.parent / "third"), clock)
    again = third.import_export(new_export)
    store = SessionStore.open(third.root / again.id, readonly=True)
    try:
        assert AnswerBook(store).scale_counts("skala") == counts
        assert AnswerBook(store).phone_votes("stemmer") == {"A": 2}
    finally:
        store.close()
