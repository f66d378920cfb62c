"""The session's files under Windows' and macOS's rules: binary descriptors, a patient replace,
a flush that reaches the disk."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from sessions.errors import StorageError
from sessions.storage import durable, session_store
from sessions.storage.atomic import atomic_write_bytes
from sessions.storage.index import SessionIndex
from sessions.storage.session_store import JOURNAL_NAME, SessionStore
from tests.conftest import DETAILS
from tests.faults.injector import Plan, inject
from tests.faults.model import Ledger, check, save_note
from tests.platforms.emulation import Emulated

CONFIRMED = 1000


def test_a_full_disk_after_a_thousand_confirmed_notes_loses_none_on_windows(
    tmp_path: Path, windows: Emulated, monkeypatch: pytest.MonkeyPatch
):
    """A text-mode descriptor writes "\\r\\n": the journal's count of confirmed bytes would be
    short by one a line, and cutting back after the full disk would cut into them."""
    monkeypatch.setattr(session_store, "COMPACT_EVERY", 10 * CONFIRMED)  # all in the journal
    monkeypatch.setattr(os, "fsync", lambda fd: None)  # speed: bytes are checked, not the drive
    folder = tmp_path / "s"
    store = SessionStore.create(folder, {"id": "s"})
    ledger = Ledger()
    with inject(folder) as injector:
        for number in range(CONFIRMED):
            assert save_note(store, f"note-{number}")
            ledger.acked.add(f"note-{number}")
        injector.plan = Plan(lambda _i, label: errno.ENOSPC if label == "write journal" else None)
        for number in range(3):
            assert not save_note(store, f"refused-{number}"), "the disk is full"
            ledger.abandoned.add(f"refused-{number}")
        injector.heal()
        assert save_note(store, "after")
        ledger.acked.add("after")
    store._journal.close()
    store._release()
    findings = check(folder, ledger)
    assert (findings.lost, findings.torn) == (0, 0), findings.problems
    assert findings.clean, findings.problems
    assert b"\r" not in (folder / JOURNAL_NAME).read_bytes(), "the journal is written binary"


def test_every_data_descriptor_is_binary_on_windows(tmp_path: Path, windows: Emulated):
    folder = tmp_path / "s"
    store = SessionStore.create(folder, {"id": "s"})
    assert save_note(store, "a\nb")
    assert store._journal._fd is not None
    assert store._journal._fd not in windows.text_fds
    store.close()
    atomic_write_bytes(tmp_path / "x.json", b"1\n2\n")
    assert (tmp_path / "x.json").read_bytes() == b"1\n2\n"


def test_a_replace_waits_for_a_reader_to_let_go_on_windows(tmp_path: Path, windows: Emulated):
    """The room view reading index.json (or an antivirus) for a moment is no failed save."""
    index = SessionIndex(tmp_path / "index.json")
    index.put({"id": "a"})
    windows.hold(tmp_path / "index.json", seconds=0.15)
    started = time.monotonic()
    index.put({"id": "b"})
    assert windows.replace_refusals >= 1, "the replace met the reader"
    assert time.monotonic() - started < durable.REPLACE_PATIENCE_SECONDS
    assert set(index.read()) == {"a", "b"}


def test_a_file_held_for_good_fails_in_about_a_second_with_one_message(
    tmp_path: Path, windows: Emulated
):
    target = tmp_path / "session.json"
    atomic_write_bytes(target, b"{}")
    windows.hold(target)
    started = time.monotonic()
    with pytest.raises(StorageError):
        atomic_write_bytes(target, b'{"new": 1}')
    waited = time.monotonic() - started
    assert durable.REPLACE_PATIENCE_SECONDS * 0.9 <= waited < durable.REPLACE_PATIENCE_SECONDS + 2
    assert target.read_bytes() == b"{}", "the old file is untouched"
    assert not list(tmp_path.glob(".tmp-*")), "the temporary file is removed"


def test_a_session_goes_to_the_trash_while_a_reader_holds_it_a_moment(
    repository, theme, windows: Emulated
):
    info, store = repository.create(theme, DETAILS)
    store.close()
    windows.hold(repository.root / info.id, seconds=0.1)
    target = repository.delete(info.id)
    assert windows.replace_refusals >= 1, "the move met the reader"
    assert target.is_dir()


def test_on_macos_every_flush_is_a_full_fsync(tmp_path: Path, macos: Emulated):
    """`fsync` on a Mac leaves the data in the drive's cache; `F_FULLFSYNC` does not."""
    folder = tmp_path / "s"
    store = SessionStore.create(folder, {"id": "s"})
    assert save_note(store, "a")
    assert store._journal._fd in macos.full_fsyncs, "the note's journal line"
    store.compact()
    store.close()
    assert len(macos.full_fsyncs) >= 4, "the snapshot, its folder, the emptied journal"
    assert macos.plain_fsyncs == [], "no plain fsync on a Mac"
