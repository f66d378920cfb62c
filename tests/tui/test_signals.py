"""A real `oplaeg` in a pseudo-terminal, told to stop by SIGTERM or SIGHUP (a closed window)."""

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


def wait_for(condition, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


def journal_text(folder: Path) -> str:
    journal = folder / "journal.jsonl"
    return journal.read_text(encoding="utf-8") if journal.exists() else ""


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_keeps_the_draft_and_closes_cleanly(tmp_path: Path, sig: signal.Signals):
    data = tmp_path / "data"
    master, slave = pty.openpty()
    env = {
        **os.environ,
        "OPLAEG_DATA_DIR": str(data),
        "TERM": "xterm-256color",
        "COLUMNS": "100",
        "LINES": "30",
    }
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tui.cli",
            "start",
            "social-stoette",
            "--workplace",
            "Signal",
            "--participants",
            "5",
            "--minutes",
            "90",
        ],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(slave)

    screen = bytearray()

    def drain() -> None:  # a terminal reads what the app draws; otherwise the app blocks
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            screen.extend(chunk)

    threading.Thread(target=drain, daemon=True).start()
    try:
        sessions = data / "sessions"
        wait_for(lambda: sessions.is_dir() and any(sessions.iterdir()))
        folder = next(sessions.iterdir())
        wait_for(lambda: '"started_at"' in journal_text(folder))  # the presenter is up
        os.write(master, b"n")
        time.sleep(0.5)
        os.write(master, "Sagt lige før det lukkede æøå".encode())
        # Signal as soon as the app shows the text: well before the draft's own autosave.
        wait_for(lambda: "æøå".encode() in screen, seconds=10)
        child.send_signal(sig)
        assert child.wait(timeout=15) == 0
    finally:
        if child.poll() is None:
            child.kill()
        time.sleep(0.1)
        os.close(master)
    snapshot = json.loads((folder / "session.json").read_text(encoding="utf-8"))
    assert snapshot["draft"]["1"]["text"] == "Sagt lige før det lukkede æøå"
    assert (folder / "journal.jsonl").read_bytes() == b"", "closed cleanly: journal folded in"
