"""The terminal goes away while the machine is busy: `tmux kill-session` under oplaeg.

Each oplaeg runs in its own tmux session with a fake data folder; on a page with a countdown
the timer is started, then PageDown; two CPU-bound processes run beside them while the tmux
sessions are killed. Within 5 seconds no oplaeg of this test may be left, and every session
must open again with what was done in it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from sessions.agenda.pages import build_pages
from sessions.agenda.schedule import Schedule
from sessions.storage.session_store import SessionStore
from sessions.theme.library import ThemeLibrary, ThemeOrigin, bundled_content_dir

ROOT = Path(__file__).parents[2]
THEME = "alene-arbejde"
SESSIONS = 3
EXIT_WITHIN_SECONDS = 5.0

pytestmark = [
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
    pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc"),
]


def wait_for(condition, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


def processes_marked(mark: str) -> list[int]:
    """The processes started by this test (found by a variable in their environment)."""
    needle = f"OPLAEG_TEST_MARK={mark}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if needle in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def journal_entries(data: Path) -> list[dict]:
    sessions = data / "sessions"
    folders = list(sessions.iterdir()) if sessions.is_dir() else []
    journal = folders[0] / "journal.jsonl" if folders else None
    if journal is None or not journal.exists():
        return []
    return [json.loads(line) for line in journal.read_bytes().split(b"\n")[:-1]]


def agenda_pages() -> list:
    theme = ThemeLibrary([(bundled_content_dir(), ThemeOrigin.BUNDLED)]).get(THEME)
    return build_pages(theme, Schedule.from_theme(theme, 90))


def pages_to_first_timer() -> int:
    return next(i for i, page in enumerate(agenda_pages()) if page.seconds)


def test_killing_the_terminal_under_load_ends_oplaeg_and_frees_the_session(tmp_path: Path):
    mark = uuid.uuid4().hex
    socket = tmp_path / "tmux.sock"

    def tmux(*args: str) -> subprocess.CompletedProcess:
        # Our own config and shell: a user's ~/.tmux.conf, or an account whose SHELL refuses
        # (nologin on a CI runner), must not decide whether the panes start.
        return subprocess.run(
            ["tmux", "-S", str(socket), "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            timeout=20,
            env={**os.environ, "SHELL": "/bin/sh", "TMUX": ""},
        )

    datas = [tmp_path / f"data{n}" for n in range(SESSIONS)]
    hogs: list[subprocess.Popen] = []
    try:
        for number, data in enumerate(datas):
            command = (
                f"env OPLAEG_DATA_DIR={data} OPLAEG_TEST_MARK={mark} {sys.executable} "
                f"-m tui.cli start {THEME} --workplace Hangup{number} --participants 5 "
                "--minutes 90"
            )
            started = tmux(
                "new-session", "-d", "-s", f"s{number}", "-x", "80", "-y", "24", "-c",
                str(ROOT), command,
            )  # fmt: skip
            assert started.returncode == 0, started.stderr
        for number in range(SESSIONS):  # the agenda, before the start
            wait_for(
                lambda n=number: "Dagsorden" in tmux("capture-pane", "-p", "-t", f"s{n}").stdout
            )
            tmux("send-keys", "-t", f"s{number}", "Enter")
        for data in datas:  # the presenter is up
            wait_for(lambda data=data: any("started_at" in str(e) for e in journal_entries(data)))
        for number in range(SESSIONS):
            for _ in range(pages_to_first_timer()):
                tmux("send-keys", "-t", f"s{number}", "NPage")
            tmux("send-keys", "-t", f"s{number}", "t")
        for data in datas:  # the timer runs
            wait_for(
                lambda data=data: any(
                    e["table"] == "timers" and e["doc"].get("ends_at_wall")
                    for e in journal_entries(data)
                )
            )
        for number in range(SESSIONS):
            tmux("send-keys", "-t", f"s{number}", "NPage")
        time.sleep(0.5)
        hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
        assert len(processes_marked(mark)) >= SESSIONS
        killed = time.monotonic()
        for number in range(SESSIONS):
            tmux("kill-session", "-t", f"s{number}")
        while processes_marked(mark) and time.monotonic() - killed < EXIT_WITHIN_SECONDS:
            time.sleep(0.1)
        left = processes_marked(mark)
        assert left == [], f"{len(left)} oplaeg still running {EXIT_WITHIN_SECONDS} s after"
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
        for pid in processes_marked(mark):
            subprocess.run(["kill", "-9", str(pid)], check=False)
        tmux("kill-server")
    for data in datas:
        folder = next((data / "sessions").iterdir())
        store = SessionStore.open(folder)  # the lock was released: it opens again
        try:
            timers = store.all("timers")
            assert any(doc.get("ends_at_wall") for doc in timers.values()), "the timer was kept"
            after = agenda_pages()[pages_to_first_timer() + 1]  # where PageDown went
            state = store.get("state", "1")
            assert (state["segment_id"], state["index"]) == (after.segment.id, after.index)
        finally:
            store.close()
