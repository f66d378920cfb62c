"""The room view follows the console under Windows' rules (no `select` on a pipe) as fast as on
Linux, and a watcher that cannot be told by the system says so and polls instead."""

from __future__ import annotations

import asyncio
import logging
import statistics
import time

import pytest

from sessions.presence import announce_console, withdraw
from tests.platforms.emulation import Emulated
from tests.tui.helpers import new_live
from tui import file_watch
from tui.file_watch import FileWatch
from tui.room import RoomApp

CHANGES = 20
FOLLOW_MEDIAN_SECONDS = 0.2
LOADED_P95_SECONDS = 1.5
ONE_CHANGE_SECONDS = 0.5


def wait_for(condition, seconds: float = 2.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.005)
    return condition()


def test_the_watcher_lives_and_hears_a_change_under_windows_rules(tmp_path, windows: Emulated):
    journal = tmp_path / "journal.jsonl"
    journal.write_bytes(b"")
    calls: list[float] = []
    watch = FileWatch(lambda: (str(journal),), lambda: calls.append(time.monotonic()))
    watch.start()
    try:
        time.sleep(0.2)
        assert watch.alive and watch.kernel_notified, watch.failure
        changed = time.monotonic()
        journal.write_bytes(b'{"seq":1}\n')
        assert wait_for(lambda: calls), "the change was heard"
        assert calls[0] - changed < ONE_CHANGE_SECONDS  # a few hundredths when not loaded
    finally:
        watch.stop()
    assert not watch.alive


def test_a_watcher_the_system_cannot_tell_says_so_and_polls(
    tmp_path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    import watchfiles

    def broken(*_args, **_kwargs):
        raise OSError(10038, "not a socket")
        yield  # a generator, as watchfiles.watch is

    monkeypatch.setattr(watchfiles, "watch", broken)
    journal = tmp_path / "journal.jsonl"
    journal.write_bytes(b"")
    calls: list[str] = []
    failures: list[str] = []
    watch = FileWatch(lambda: (str(journal),), lambda: calls.append("x"), failed=failures.append)
    with caplog.at_level(logging.WARNING, logger="oplaeg.file_watch"):
        watch.start()
        try:
            assert wait_for(lambda: failures)
            assert watch.alive, "it goes on polling"
            assert not watch.kernel_notified
            assert "10038" in (watch.failure or "")
            journal.write_bytes(b"changed")
            assert wait_for(lambda: calls, seconds=1.0), "heard by polling"
        finally:
            watch.stop()
    assert any("polls" in record.getMessage() for record in caplog.records), "logged"
    assert failures == [watch.failure], "said once"


async def test_the_room_view_follows_a_page_change_fast_under_windows_rules(
    library, repository, clock, windows: Emulated, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(file_watch, "SAFETY_SECONDS", 5.0)  # only the heard changes count
    live = new_live(repository, library, clock)
    announcement = announce_console(repository.data_dir, live.info.id)
    room = RoomApp(repository, library, clock=clock)
    try:
        async with room.run_test(size=(80, 24)) as pilot:
            screen = room.screen
            for _ in range(200):
                if screen.live is not None:
                    break
                await pilot.pause(0.01)
            assert screen.live is not None
            assert screen._watch.kernel_notified, screen._watch.failure
            latencies = []
            for number in range(CHANGES):
                target = (live.position + 1 + number % 3) % len(live.pages)
                await asyncio.sleep(0.25)  # the previous page is drawn by then
                began = time.monotonic()
                live.go_to(target)
                while screen.live.position != target:
                    assert time.monotonic() - began < 3, "the room view never followed"
                    await asyncio.sleep(0.002)
                latencies.append(time.monotonic() - began)
    finally:
        withdraw(announcement)
        live.close()
    # Windows' select would kill a watcher on a pipe: the room view would then follow only
    # through its one-second look, 0.5-0.75 s as a median. The goal is p95 < 0.2 s (measured in
    # separate processes by tests/perf/bench.py); here both windows share one process and its
    # GIL, and the bounds leave room for a loaded machine (median 0.06 s even at load 10).
    median, p95 = statistics.median(latencies), statistics.quantiles(latencies, n=20)[-1]
    assert median < FOLLOW_MEDIAN_SECONDS, f"median {median:.3f} s: {sorted(latencies)}"
    assert p95 < LOADED_P95_SECONDS, f"p95 {p95:.3f} s: {sorted(latencies)}"


def test_a_watched_folder_that_vanishes_and_comes_back_is_followed(tmp_path):
    """`oplaeg projector SESSION` on a session moved to the trash and restored."""
    session = tmp_path / "sessions" / "s"
    session.mkdir(parents=True)
    journal = session / "journal.jsonl"
    journal.write_bytes(b"")
    calls: list[str] = []
    watch = FileWatch(lambda: (str(journal),), lambda: calls.append("x"))
    watch.start()
    try:
        time.sleep(0.2)
        trash = tmp_path / "trash"
        trash.mkdir()
        session.rename(trash / "s")
        assert wait_for(lambda: len(calls) == 1), "the file went away: a change"
        (trash / "s").rename(session)
        assert wait_for(lambda: len(calls) == 2), "it is back: a change"
        time.sleep(0.1)
        journal.write_bytes(b"more")
        assert wait_for(lambda: len(calls) == 3), "and it is watched again"
        assert watch.kernel_notified, watch.failure
    finally:
        watch.stop()


def test_a_long_datagram_does_not_end_the_hints_under_windows_rules(windows: Emulated):
    """Windows refuses a datagram longer than the buffer with an error (POSIX cuts it): a
    local process sending one must not stop the room view hearing the console's hints."""
    import socket

    from sessions.hints import HintListener

    heard: list[float] = []
    listener = HintListener(lambda: heard.append(time.monotonic()))
    listener.start()
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sender:
            sender.sendto(b"x" * 4000, ("127.0.0.1", listener.port))
            time.sleep(0.1)
            assert listener.alive, "the refused datagram did not end the thread"
            sender.sendto(b"", ("127.0.0.1", listener.port))
            assert wait_for(lambda: heard), "and the next hint is heard"
    finally:
        listener.stop()
