"""Can a room view follow the console on this laptop? A second process follows a temporary
session's files, as `oplaeg projector` does (told by the writer's hints on loopback and by the
system's file notifications), while this one writes to it; the time from each write until the
other process has read it is measured.

Run as `python -m tui.doctor.follow FOLDER`, this module is that second process."""

from __future__ import annotations

import contextlib
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from sessions.i18n import t
from tui.doctor.finding import Finding, fail, ok, warn
from tui.doctor.machine import decimal

if TYPE_CHECKING:
    from sessions.storage.session_store import SessionStore

PROBE_TABLE = "doctor"
PROBE_SESSION = "doctor"
ROUNDS = 5
STARTUP_SECONDS = 4.0
"""How long the second process may take to start (a loaded laptop starts Python slowly)."""
CHANGE_SECONDS = 1.5
"""How long one change may take to be seen before the follow counts as failed."""
QUICK = 0.3
"""Followed within this, a page change on the wall feels immediate."""
NAME = "doctor.name.follow"


def follower_command(folder: Path) -> list[str]:
    """The second process: this module, in this Python."""
    return [sys.executable, "-m", "tui.doctor.follow", str(folder)]


def check_follow(
    command: list[str] | None = None,
    *,
    rounds: int = ROUNDS,
    startup_seconds: float = STARTUP_SECONDS,
    change_seconds: float = CHANGE_SECONDS,
) -> Finding:
    """Write `rounds` changes to a temporary session and time how soon a second process that
    follows its files has read each (`command` replaces that process, for tests)."""
    from sessions.errors import OplaegError
    from sessions.storage.session_store import SessionStore

    with tempfile.TemporaryDirectory(prefix="oplaeg-doctor-") as temporary:
        folder = Path(temporary) / "session"
        try:
            store = SessionStore.create(folder, {"id": "doctor"})
        except OplaegError as error:
            return fail(
                NAME, t("doctor.follow_no_session", reason=str(error)), t("doctor.follow_fix")
            )
        from sessions.hints import RoomHints

        store.written = RoomHints(Path(temporary), PROBE_SESSION).send  # as the console hints
        try:
            command = command or follower_command(folder)
            return _measure(store, command, rounds, startup_seconds, change_seconds)
        finally:
            store.close()


def _measure(
    store: SessionStore,
    command: list[str],
    rounds: int,
    startup_seconds: float,
    change_seconds: float,
) -> Finding:
    advice = t("doctor.follow_fix")
    try:
        child = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
    except OSError as error:
        return fail(NAME, t("doctor.follow_no_start", reason=error.strerror or str(error)), advice)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_read_lines, args=(child, lines), daemon=True).start()
    try:
        if not _wait_for(lines, "ready", startup_seconds):
            return fail(NAME, t("doctor.follow_no_start", reason=_ended(child)), advice)
        times: list[float] = []
        for n in range(rounds):
            begin = time.perf_counter()
            store.put(PROBE_TABLE, "1", {"n": n})
            if not _wait_for(lines, f"seen {n}", change_seconds):
                seconds = decimal(change_seconds)
                return fail(NAME, t("doctor.follow_not_seen", seconds=seconds), advice)
            times.append(time.perf_counter() - begin)
    finally:
        _stop(child)
    found = t(
        "doctor.follow_found",
        rounds=rounds,
        median=_ms(statistics.median(times)),
        slowest=_ms(max(times)),
    )
    if max(times) > QUICK:
        return warn(NAME, found, t("doctor.follow_slow"))
    return ok(NAME, found)


def _ms(seconds: float) -> str:
    """Milliseconds, with a decimal below 10."""
    milliseconds = seconds * 1000
    return decimal(milliseconds) if milliseconds < 10 else str(round(milliseconds))


def _read_lines(child: subprocess.Popen[str], lines: queue.Queue[str]) -> None:
    assert child.stdout is not None
    with contextlib.suppress(OSError, ValueError):
        for line in child.stdout:
            lines.put(line.strip())
    lines.put("")  # the end


def _wait_for(lines: queue.Queue[str], wanted: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=left)
        except queue.Empty:
            return False
        if line == wanted:
            return True
        if line == "":
            return False
    return False


def _ended(child: subprocess.Popen[str]) -> str:
    """Why the second process said nothing: it ended (with its code), or it is silent."""
    try:
        code: int | None = child.wait(timeout=0.5)  # its output may close before it is reaped
    except subprocess.TimeoutExpired:
        code = None
    return t("doctor.follow_exited", code=code) if code is not None else t("doctor.follow_silent")


def _stop(child: subprocess.Popen[str]) -> None:
    with contextlib.suppress(OSError):
        if child.stdin is not None:
            child.stdin.close()  # the second process ends when its input closes
    try:
        child.wait(timeout=1.0)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


def follow(folder: Path) -> None:
    """The second process: follow `folder` as the room view does, say each change it read."""
    from sessions.storage.follower import StoreFollower
    from tui.file_watch import FileWatch

    follower = StoreFollower(folder)
    lock = threading.Lock()

    def changed() -> None:
        with lock:
            changed_now = follower.poll()
            for _ in range(10):  # caught half-way through a write: read again in a moment
                if follower.settled:
                    break
                time.sleep(0.02)
                changed_now = follower.poll() or changed_now
            if changed_now:
                doc = follower.store.get(PROBE_TABLE, "1")
                if doc is not None:
                    print(f"seen {doc['n']}", flush=True)

    watch = FileWatch(lambda: follower.paths, changed, hints=True)
    watch.start()
    listening = None
    if watch.hint_port:  # heard as the room view hears the console: hinted, then the watch
        from sessions.presence import announce_listener, withdraw

        listening = announce_listener(folder.parent, PROBE_SESSION, watch.hint_port)
    watch.ready.wait(5.0)  # a change made before the watch is in place is heard only later
    print("ready", flush=True)
    with contextlib.suppress(OSError, ValueError):
        sys.stdin.read()  # until the doctor is done
    watch.stop()
    if listening is not None:
        withdraw(listening)
    follower.close()


if __name__ == "__main__":
    follow(Path(sys.argv[1]))
