"""The room view's watcher: the app hears of a file's change within a few hundredths of a
second, and of nothing else — with the kernel's notifications and without them."""

from __future__ import annotations

import sys
import time

import pytest

from tui.file_watch import FileWatch


def wait_for(condition, seconds: float = 1.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.005)
    return condition()


@pytest.mark.parametrize("use_inotify", [True, False], ids=["inotify", "stamps"])
def test_a_change_calls_back_and_nothing_else_does(tmp_path, use_inotify):
    session = tmp_path / "session"
    session.mkdir()
    journal = session / "journal.jsonl"
    journal.write_text("", encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    calls: list[float] = []
    watched = (str(journal),)
    watch = FileWatch(lambda: watched, lambda: calls.append(time.monotonic()), native=use_inotify)
    if use_inotify and sys.platform.startswith("linux"):
        assert watch.kernel_notified
    watch.start()
    try:
        time.sleep(0.15)
        (session / "lock").write_text("x", encoding="utf-8")
        (other / "journal.jsonl").write_text("x", encoding="utf-8")
        time.sleep(0.15)
        assert calls == [], "no change to a watched file, no call"
        changed = time.monotonic()
        with journal.open("a", encoding="utf-8") as file:
            file.write('{"seq": 1}\n')
        assert wait_for(lambda: len(calls) == 1)
        assert calls[0] - changed < 0.1
        replaced = other / "journal.jsonl"
        watched = (str(replaced),)  # the room view follows another session
        watch.rewatch()
        assert wait_for(lambda: len(calls) == 2), "a new set of files is a change"
        replaced.write_text("longer text", encoding="utf-8")
        assert wait_for(lambda: len(calls) == 3), "the new folder is watched"
    finally:
        watch.stop()
    assert not watch.alive
