"""A full or failing disk at every write and fsync of the session store.

A scenario (open a session that needs recovery, type notes, compact often, close) is first run
without faults to list its file-system calls. Then it is run again failing each call in turn,
once and from then on until "space is back", with ENOSPC and with EIO. Every time: what was
acknowledged is on disk exactly once, nothing refused is saved, the journal's sequence numbers
only grow, the store takes the next note once the disk works, and nothing is left torn.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from sessions.errors import StorageError
from sessions.storage import session_store
from sessions.storage.session_store import JOURNAL_NAME, SessionStore
from tests.faults.injector import RECOVERY, Plan, fail_at, fail_from, inject
from tests.faults.model import (
    Findings,
    Ledger,
    check,
    journal_entries,
    journal_seqs,
    save_note,
)

NOTES_TYPED = 7
TRIES = 3
HEAL_AFTER_REFUSALS = 2
CODES = {"ENOSPC": errno.ENOSPC, "EIO": errno.EIO}


@pytest.fixture(autouse=True)
def compact_often(monkeypatch):
    """Compaction every few changes, so the scenario passes through snapshot writes; within
    the save, so that the file calls come in the one order the faults are planned against (the
    kill -9 tests and the campaign compact in the background, as the app does)."""
    monkeypatch.setattr(session_store, "COMPACT_EVERY", 3)
    monkeypatch.setattr(session_store, "COMPACT_IN_BACKGROUND", False)
    monkeypatch.setattr(session_store, "COMPACT_RETRY_AFTER", 2)


def crash(store: SessionStore) -> None:
    """The process dies: no close, no compaction; the OS drops its lock and descriptors."""
    store._journal.close()
    store._release()


def session_needing_recovery(folder: Path) -> Ledger:
    """A session whose writer died: two changes in the journal and a torn last line."""
    store = SessionStore.create(folder, {"id": folder.name})
    ledger = Ledger()
    for text in ("before-1", "before-2"):
        assert save_note(store, text)
        ledger.acked.add(text)
    crash(store)
    with open(folder / JOURNAL_NAME, "ab") as handle:
        handle.write(b'{"seq":3,"op":"put","table":"notes","id":"3","doc":{"te')
    return ledger


def run(folder: Path, plan: Plan | None) -> tuple[Ledger, list[str], Findings]:
    """The scenario under `plan`; faults stop after the user has met a few refusals."""
    ledger = session_needing_recovery(folder)
    with inject(folder, plan) as injector:
        store = SessionStore.open(folder)
        refusals_since_fault = 0
        for number in range(NOTES_TYPED):
            text = f"note-{number}"
            for _ in range(TRIES):
                if save_note(store, text):
                    ledger.acked.add(text)
                    break
                ledger.refusals += 1
                refusals_since_fault += 1
                if refusals_since_fault >= HEAL_AFTER_REFUSALS:
                    injector.heal()  # space is back
            else:
                ledger.abandoned.add(text)
        injector.heal()
        assert save_note(store, "after"), "once the disk works, the next save works"
        ledger.acked.add("after")
        in_memory = {str(doc["text"]) for _, doc in store.items("notes")}
        assert in_memory == ledger.acked, "memory holds what was acknowledged, nothing else"
        trace = list(injector.trace)
        crash(store)
    findings = check(folder, ledger)
    reopened = SessionStore.open(folder)  # a writer: folds the journal in, removes temp files
    reopened.close()
    findings.add(check(folder, Ledger(acked=ledger.acked, abandoned=ledger.abandoned)))
    assert not list(folder.glob(".tmp-*")), "no temp file is left behind"
    return ledger, trace, findings


def points(tmp_path: Path) -> list[str]:
    _, trace, findings = run(tmp_path / "dry-run", None)
    assert findings.clean, findings.problems
    return trace


def test_the_scenario_passes_every_kind_of_write_point(tmp_path: Path):
    labels = set(points(tmp_path))
    expected = {
        "write journal",
        "fsync journal",
        "reset journal",
        "open temp",
        "write temp",
        "fsync temp",
        "replace snapshot",
        "fsync directory",
    }
    assert expected <= labels, f"missing {expected - labels}"


@pytest.mark.parametrize("code", list(CODES), ids=list(CODES))
@pytest.mark.parametrize("lasting", [False, True], ids=["once", "until-freed"])
def test_a_fault_at_any_write_point_loses_and_repeats_nothing(tmp_path: Path, code, lasting):
    total = Findings()
    trace = points(tmp_path)
    refused = 0
    for point, label in enumerate(trace):
        plan = (fail_from if lasting else fail_at)(point, CODES[code])
        ledger, _, findings = run(tmp_path / f"p{point}", plan)
        assert findings.clean, f"fault at point {point} ({label}): {findings.problems}"
        total.add(findings)
        refused += ledger.refusals
    assert total.acknowledged > len(trace) * NOTES_TYPED // 2
    assert refused > 0, "some faults reached the user as a refused save"


def test_a_refused_write_is_never_written_later(tmp_path: Path):
    """A buffered file object keeps the refused bytes and writes them with the next change."""
    folder = tmp_path / "s"
    store = SessionStore.create(folder, {"id": "s"})
    with inject(folder) as injector:
        assert save_note(store, "a")
        injector.plan = Plan(lambda _i, label: errno.ENOSPC if label == "write journal" else None)
        assert not save_note(store, "refused")
        injector.heal()
        assert save_note(store, "b")
    lines = (folder / JOURNAL_NAME).read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if "refused" in line] == []
    assert journal_seqs(folder) == [1, 3], "the refused change's number is not used again"
    crash(store)
    assert check(folder, Ledger(acked={"a", "b"}, abandoned={"refused"})).clean


def test_a_failed_compaction_never_makes_a_saved_change_look_refused(tmp_path: Path):
    folder = tmp_path / "s"
    store = SessionStore.create(folder, {"id": "s"})
    with inject(folder) as injector:
        assert save_note(store, "1") and save_note(store, "2")
        injector.plan = Plan(lambda _i, label: errno.ENOSPC if "temp" in label else None)
        assert save_note(store, "3"), "saved in the journal: compaction is only upkeep"
        assert store.upkeep_error is not None
        assert save_note(store, "4")
        injector.heal()
        for text in ("5", "6"):
            assert save_note(store, text)
        assert store.upkeep_error is None, "compaction is tried again and succeeds"
    store.close()
    assert check(folder, Ledger(acked={"1", "2", "3", "4", "5", "6"})).clean


def test_a_session_opens_on_a_full_disk_and_saves_when_space_is_back(tmp_path: Path):
    folder = tmp_path / "s"
    ledger = session_needing_recovery(folder)
    with inject(folder, fail_from(0, errno.ENOSPC)) as injector:
        store = SessionStore.open(folder)  # compaction fails: the journal keeps the changes
        assert store.upkeep_error is not None
        assert not save_note(store, "while full")
        injector.heal()
        assert save_note(store, "later")
    store.close()
    ledger.acked.add("later")
    ledger.abandoned.add("while full")
    assert check(folder, ledger).clean


def test_when_cutting_back_fails_too_nothing_is_added_until_it_works(tmp_path: Path):
    folder = tmp_path / "s"
    store = SessionStore.create(folder, {"id": "s"})
    with inject(folder) as injector:
        assert save_note(store, "a")
        failing = {"fsync journal", RECOVERY}
        injector.plan = Plan(lambda _i, label: errno.EIO if label in failing else None)
        assert not save_note(store, "refused")
        assert not save_note(store, "refused"), "refused while the journal cannot be cut back"
        injector.heal()
        assert save_note(store, "b")
    crash(store)
    assert check(folder, Ledger(acked={"a", "b"}, abandoned={"refused"})).clean


def test_sequence_numbers_only_grow_across_failures_and_restarts(tmp_path: Path):
    folder = tmp_path / "s"
    store = SessionStore.create(folder, {"id": "s"})
    numbered: dict[int, str] = {}  # every journal line ever seen: its number and its note

    def look() -> None:
        for entry in journal_entries(folder):
            seq, text = int(entry["seq"]), str(entry["doc"]["text"])
            if seq in numbered:
                assert numbered[seq] == text, f"number {seq} used for two changes"
            else:
                assert seq > max(numbered, default=0), "a new change gets a higher number"
                numbered[seq] = text

    with inject(folder) as injector:
        for round_number in range(4):
            assert save_note(store, f"ok-{round_number}")
            injector.plan = fail_at(len(injector.trace), errno.ENOSPC)
            assert not save_note(store, f"refused-{round_number}")
            injector.heal()
            assert save_note(store, f"ok2-{round_number}")
            look()
            crash(store)
            store = SessionStore.open(folder)  # replays and compacts: the journal is emptied
            look()
    store.close()
    assert len(numbered) == 8


def new_session(parent: Path, plan: Plan | None) -> tuple[Ledger, list[str]]:
    """Create a session and save its first notes (the journal is made) under `plan`."""
    folder = parent / "s"
    ledger = Ledger()
    with inject(parent, plan) as injector:
        try:
            store = SessionStore.create(folder, {"id": "s"})
        except StorageError:
            assert not folder.exists(), "a session that could not be made leaves nothing"
            return ledger, list(injector.trace)
        for text in ("first", "second"):
            if save_note(store, text):
                ledger.acked.add(text)
            else:
                ledger.abandoned.add(text)
        injector.heal()
        assert save_note(store, "after")
        ledger.acked.add("after")
        crash(store)
        return ledger, list(injector.trace)


@pytest.mark.parametrize("code", list(CODES), ids=list(CODES))
def test_a_fault_while_a_session_is_made_leaves_it_whole_or_absent(tmp_path: Path, code):
    _, trace = new_session(tmp_path / "dry-run", None)
    assert {"open journal", "fsync directory", "replace snapshot"} <= set(trace)
    for point, label in enumerate(trace):
        parent = tmp_path / f"p{point}"
        ledger, _ = new_session(parent, fail_at(point, CODES[code]))
        if (parent / "s").exists():
            findings = check(parent / "s", ledger)
            assert findings.clean, f"fault at point {point} ({label}): {findings.problems}"
