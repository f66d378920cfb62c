"""The console's hints (`sessions/hints.py`): the room view hears of a write the moment it is on
disk although its file watch steps slowly, sleeps while nothing happens, and a hostile local
process can neither flood it nor be told anything."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest

from sessions import hints
from sessions.hints import HintListener, RoomHints
from sessions.presence import (
    announce_listener,
    listener_ports,
    rooms_following,
    run_dir,
    withdraw,
)
from sessions.storage.follower import StoreFollower
from tests.tui.helpers import new_live
from tui import file_watch
from tui.file_watch import FileWatch


def wait_for(condition, seconds: float = 2.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.002)
    return condition()


def test_a_write_is_heard_at_once_through_the_hint(library, repository, clock, monkeypatch):
    """The watch's own steps are made 3 s long: only the hint can tell in time."""
    monkeypatch.setattr(file_watch, "HINTED_STEP_MS", 3000)
    monkeypatch.setattr(file_watch, "HINTED_SAFETY_SECONDS", 5.0)
    live = new_live(repository, library, clock)
    folder = repository.root / live.info.id
    follower = StoreFollower(folder)
    calls: list[float] = []
    watch = FileWatch(lambda: follower.paths, lambda: calls.append(time.monotonic()), hints=True)
    watch.start()
    listening = announce_listener(repository.data_dir, live.info.id, watch.hint_port)
    try:
        latencies = []
        for number in range(10):
            time.sleep(0.05)
            before = len(calls)
            began = time.monotonic()
            live.go_to((live.position + 1 + number % 2) % len(live.pages))
            assert wait_for(lambda n=before: len(calls) > n, 1.0), "heard before the watch stepped"
            latencies.append(calls[-1] - began)
        # A few milliseconds when not loaded; the watch alone would take its 3-second step.
        assert sorted(latencies)[len(latencies) // 2] < 0.5, latencies
    finally:
        watch.stop()
        withdraw(listening)
        follower.close()
        live.close()
    assert wait_for(lambda: not watch.alive, 5.0), "it ends (within a step)"
    assert watch._hints is not None and not watch._hints.alive, "and so does its hint thread"


def test_the_watch_sleeps_while_nothing_happens_when_it_is_hinted(tmp_path):
    """watchfiles' thread looks at its stop event once a step: with hints a few times a
    second, not fifty."""
    journal = tmp_path / "journal.jsonl"
    journal.write_bytes(b"")
    looks = {True: 0, False: 0}
    for hinted in (True, False):
        watch = FileWatch(lambda: (str(journal),), lambda: None, hints=hinted)
        original = watch._interrupt.is_set

        def counted(hinted: bool = hinted, original=original) -> bool:
            looks[hinted] += 1
            return original()

        watch._interrupt.is_set = counted  # type: ignore[method-assign]
        watch.start()
        try:
            assert watch.ready.wait(3.0)
            begin = looks[hinted]
            time.sleep(2.0)
            looks[hinted] -= begin
        finally:
            watch.stop()
    assert looks[True] <= 2.0 * 1000 / file_watch.HINTED_STEP_MS + 2, looks
    assert looks[False] > 3 * looks[True], looks


def test_the_listener_is_on_loopback_and_a_flood_of_garbage_costs_a_bounded_number_of_looks():
    heard: list[float] = []
    listener = HintListener(lambda: heard.append(time.monotonic()))
    listener.start()
    try:
        assert listener.port > 0
        assert listener._socket is not None
        assert listener._socket.getsockname()[0] == "127.0.0.1", "loopback only"
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as hostile:
            began = time.monotonic()
            while time.monotonic() - began < 1.0:
                for size in (0, 1, 9000, 60000):
                    hostile.sendto(b"\xff" * size, ("127.0.0.1", listener.port))
            took = time.monotonic() - began
        time.sleep(0.1)
        assert listener.alive, "garbage does not end it"
        assert len(heard) <= hints.MAX_LOOKS_PER_SECOND * (took + 0.2) + 5, len(heard)
        before = len(heard)
        time.sleep(0.05)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as friendly:
            friendly.sendto(b"", ("127.0.0.1", listener.port))
        assert wait_for(lambda: len(heard) > before), "and a hint after it is still heard"
    finally:
        listener.stop()
    assert not listener.alive


def test_listeners_are_not_windows_and_bad_records_are_ignored(tmp_path: Path):
    listening = announce_listener(tmp_path, "abc", 40001)
    other = announce_listener(tmp_path, "", 40002)
    folder = run_dir(tmp_path)
    (folder / "hint-forged1.json").write_text(json.dumps({"session_id": "abc", "port": "x"}))
    (folder / "hint-forged2.json").write_text(json.dumps({"session_id": "abc", "port": 99999}))
    (folder / "hint-forged3.json").write_text("{not json")
    try:
        assert rooms_following(tmp_path, "abc") == 0, "a listener never makes a console"
        assert listener_ports(tmp_path, "abc") == (40001,)
        assert sorted(listener_ports(tmp_path, None)) == [40001, 40002]
        assert not (folder / "hint-forged3.json").exists(), "an unheld record is tidied away"
        listening = announce_listener(tmp_path, "def", 40001, listening)
        assert listener_ports(tmp_path, "abc") == (), "said anew for another session"
    finally:
        withdraw(listening)
        withdraw(other)
    assert listener_ports(tmp_path, None) == ()


def test_a_writer_with_no_one_listening_sends_nothing_and_never_fails(tmp_path, monkeypatch):
    sent: list[object] = []

    class Refusing(socket.socket):
        def sendto(self, *args: object) -> int:  # type: ignore[override]
            sent.append(args)
            raise OSError("refused")

    RoomHints(tmp_path, "abc").send()
    monkeypatch.setattr(socket, "socket", Refusing)
    RoomHints(tmp_path, "abc").send()
    assert sent == []
    listening = announce_listener(tmp_path, "abc", 40003)
    try:
        RoomHints(tmp_path, "abc").send()  # the send fails: nothing is raised
        assert len(sent) == 1
    finally:
        withdraw(listening)


@pytest.mark.parametrize("readonly", [False, True])
def test_only_a_writer_hints(library, repository, clock, readonly):
    live = new_live(repository, library, clock)
    live.close()
    _info, store = repository.open(live.info.id, readonly=readonly)
    try:
        assert (store.written is None) == readonly
    finally:
        store.close()


def test_a_hinted_watch_the_system_cannot_tell_looks_once_a_second(tmp_path, monkeypatch):
    import watchfiles

    def broken(*_args, **_kwargs):
        raise OSError("no notifications here")
        yield  # a generator, as watchfiles.watch is

    monkeypatch.setattr(watchfiles, "watch", broken)
    looks: list[float] = []
    real_stamp = file_watch.stamp
    monkeypatch.setattr(file_watch, "stamp", lambda paths: looks.append(1) or real_stamp(paths))
    journal = tmp_path / "journal.jsonl"
    journal.write_bytes(b"")
    watch = FileWatch(lambda: (str(journal),), lambda: None, hints=True)
    watch.start()
    try:
        assert wait_for(lambda: watch.failure is not None)
        before = len(looks)
        time.sleep(2.0)
        assert len(looks) - before <= 4, "the hints tell; the stamps are looked at once a second"
    finally:
        watch.stop()
