"""Every command ends quietly when whoever reads its output stops (`oplaeg themes | head -1`):
no traceback, nothing on stderr, and the status 0 or that of a command ended by SIGPIPE."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sessions.live import LiveSession
from tests.conftest import DETAILS

ROOT = Path(__file__).parents[2]
QUIET = (0, 141)


@pytest.fixture
def session_id(repository, theme, clock) -> str:
    info, store = repository.create(theme, DETAILS)
    live = LiveSession(repository, info, store, theme, clock)
    for number in range(400):  # a referat far larger than a pipe's buffer
        live.notebook.add(live.page.segment.id, 0, f"Note {number}: " + "ord " * 40)
    live.close()
    return info.id


def commands(session: str) -> list[list[str]]:
    return [
        ["themes"],
        ["themes", "--json"],
        ["sessions"],
        ["sessions", "--json"],
        ["trash"],
        ["export", session],
        ["export", session, "--format", "json"],
        ["export", session, "--format", "html"],
        ["export", session, "--format", "docx"],
        ["handout", "social-stoette"],
        ["handout", "social-stoette", "--format", "html"],
        ["check", str(ROOT / "content")],
        ["--help"],
        ["--version"],
        ["export", "--help"],
    ]


BUFFERING = {
    "buffered": {},  # as most users run it
    "unbuffered": {"PYTHONUNBUFFERED": "1"},
}


def oplaeg(data: Path, *argv: str, buffering: str = "buffered", **kwargs) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env.update(BUFFERING[buffering], OPLAEG_DATA_DIR=str(data))
    return subprocess.Popen(
        [sys.executable, "-m", "tui.cli", *argv], cwd=ROOT, env=env, stderr=subprocess.PIPE,
        **kwargs,
    )  # fmt: skip


@pytest.mark.parametrize("buffering", list(BUFFERING))
def test_every_command_ends_quietly_when_its_reader_is_gone(data_dir, session_id, buffering):
    running = []
    for argv in commands(session_id):
        child = oplaeg(data_dir, *argv, buffering=buffering, stdout=subprocess.PIPE)
        assert child.stdout is not None
        child.stdout.close()  # the reader is gone before anything is written
        running.append((argv, child))
    for argv, child in running:
        _, err = child.communicate(timeout=60)
        assert child.returncode in QUIET, (argv, child.returncode, err)
        assert err == b"", (argv, err.decode())


@pytest.mark.skipif(shutil.which("head") is None, reason="needs head")
@pytest.mark.parametrize("buffering", list(BUFFERING))
def test_piped_into_head(data_dir, session_id, buffering):
    for argv in (["themes"], ["export", session_id, "--format", "json"]):
        read_end, write_end = os.pipe()
        head = subprocess.Popen(["head", "-1"], stdin=read_end, stdout=subprocess.PIPE)
        child = oplaeg(data_dir, *argv, buffering=buffering, stdout=write_end)
        os.close(read_end)
        os.close(write_end)
        first, _ = head.communicate(timeout=60)
        _, err = child.communicate(timeout=60)
        assert first.strip(), argv
        assert child.returncode in QUIET, (argv, child.returncode, err)
        assert err == b"", (argv, err.decode())
