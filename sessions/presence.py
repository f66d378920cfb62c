"""Which windows are open: the console says which session it presents, each room view says that
it follows one. Small files in the data folder's `run/`, so the two processes find each other
without a server, and a window that was killed simply stops counting."""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from sessions.storage.atomic import atomic_write_bytes

RUN_FOLDER = "run"
CONSOLE_FILE = "console.json"
ROOM_PREFIX = "room-"


@dataclass(frozen=True)
class Announcement:
    session_id: str
    pid: int


def run_dir(data_dir: Path) -> Path:
    return data_dir / RUN_FOLDER


def process_alive(pid: int) -> bool:
    """Whether a process with `pid` exists (on systems that cannot tell, assume it does)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, AttributeError):
        return True
    return True


def _write(path: Path, session_id: str, **extra: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps({"session_id": session_id, "pid": os.getpid(), **extra}).encode("utf-8")
    atomic_write_bytes(path, payload)
    return path


def _read(path: Path) -> Announcement | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        announcement = Announcement(str(data["session_id"]), int(data["pid"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return announcement if process_alive(announcement.pid) else None


def console_file(data_dir: Path) -> Path:
    """Where the console says which session it presents."""
    return run_dir(data_dir) / CONSOLE_FILE


def announce_console(data_dir: Path, session_id: str, language: str | None = None) -> Path:
    """The console presents `session_id` (the room view follows whatever this says), in
    `language` (the room view speaks it too)."""
    extra = {"language": language} if language else {}
    return _write(console_file(data_dir), session_id, **extra)


def announce_room(data_dir: Path, session_id: str) -> Path:
    """A room view follows `session_id`."""
    return _write(run_dir(data_dir) / f"{ROOM_PREFIX}{os.getpid()}.json", session_id)


def withdraw(path: Path) -> None:
    """Take an announcement back (when the window closes)."""
    with contextlib.suppress(OSError):
        path.unlink()


def presented_session(data_dir: Path) -> str | None:
    """The session the console presents now, if a console is running."""
    announcement = _read(console_file(data_dir))
    return announcement.session_id if announcement else None


def console_language(data_dir: Path) -> str | None:
    """The language of the running console, if one runs and said it."""
    if presented_session(data_dir) is None:
        return None
    try:
        language = json.loads(console_file(data_dir).read_text(encoding="utf-8")).get("language")
    except (OSError, ValueError, AttributeError):
        return None
    return language if isinstance(language, str) else None


def rooms_following(data_dir: Path, session_id: str) -> int:
    """How many room views follow `session_id`; stale files of dead windows are tidied away."""
    folder = run_dir(data_dir)
    count = 0
    for path in folder.glob(f"{ROOM_PREFIX}*.json") if folder.is_dir() else []:
        announcement = _read(path)
        if announcement is None:
            withdraw(path)
        elif announcement.session_id == session_id:
            count += 1
    return count
