"""Which windows are open: the console says which session it presents, each room view says that
it follows one. Small files in the data folder's `run/`, so the two processes find each other
without a server.

A window counts while it holds the lock of its announcement (`filelock`, as the session's own
lock: `fcntl.flock` on Linux and macOS, `msvcrt.locking` on Windows). The operating system
frees a lock the moment its process ends, however it ends (a clean exit, kill -9, a window
closed with ✕), so the other side knows a window has gone by testing the lock with
`timeout=0` — no process ids, and no `os.kill(pid, 0)`, which on Windows sends Ctrl+C.

An announcement is held by this process until `withdraw`; a caller that shows a session
without counting as a window (a browser's viewer) simply does not announce.
"""

from __future__ import annotations

import contextlib
import json
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sessions.storage.atomic import atomic_write_bytes

if TYPE_CHECKING:
    from filelock import BaseFileLock

RUN_FOLDER = "run"
CONSOLE_FILE = "console.json"
ROOM_PREFIX = "room-"
LISTENER_PREFIX = "hint-"
LOCK_SUFFIX = ".lock"

_held: dict[Path, BaseFileLock] = {}
"""This process's announcements and the locks that keep them alive."""
_held_guard = threading.Lock()


@dataclass(frozen=True)
class Announcement:
    session_id: str
    port: int | None = None
    """Where a room view listens for hints (`sessions/hints.py`), if it does."""


def run_dir(data_dir: Path) -> Path:
    return data_dir / RUN_FOLDER


def lock_of(path: Path) -> Path:
    """The lock file that keeps the announcement `path` alive."""
    return path.with_name(path.name + LOCK_SUFFIX)


def _file_lock(path: Path) -> BaseFileLock:
    from filelock import FileLock  # loaded when a window announces or looks, not at start-up

    return FileLock(str(lock_of(path)), timeout=0)


def _holder_alive(path: Path) -> bool:
    """Whether some window holds the lock of `path` (this process's own announcements too)."""
    if path in _held:
        return True
    if not lock_of(path).exists():
        return False  # never announced, or withdrawn: testing would only make a file
    from filelock import Timeout

    lock = _file_lock(path)
    try:
        lock.acquire(blocking=False)  # one try, never a sleep
    except Timeout:
        return True
    except OSError:
        return True  # cannot tell (no permission): count it, as before
    lock.release()
    return False


def _write(path: Path, session_id: str, **extra: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with _held_guard:
        if path not in _held:
            lock = _file_lock(path)
            lock.acquire(blocking=False)  # ours alone, or another console has it: Timeout
            _held[path] = lock
    payload = json.dumps({"session_id": session_id, **extra}).encode("utf-8")
    atomic_write_bytes(path, payload)
    return path


def _read(path: Path) -> Announcement | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        announcement = Announcement(str(data["session_id"]), _port(data.get("port")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return announcement if _holder_alive(path) else None


def _port(value: object) -> int | None:
    """A port from a record, if it is one (a record is anyone's to write)."""
    try:
        port = int(str(value))
    except ValueError:
        return None
    return port if 0 < port < 65536 else None


def console_file(data_dir: Path) -> Path:
    """Where the console says which session it presents."""
    return run_dir(data_dir) / CONSOLE_FILE


def announce_console(data_dir: Path, session_id: str, language: str | None = None) -> Path:
    """The console presents `session_id` (the room view follows whatever this says), in
    `language` (the room view speaks it too). Raises `filelock.Timeout` (an `OSError`) when
    another console is open on this data folder."""
    extra = {"language": language} if language else {}
    path = _write(console_file(data_dir), session_id, **extra)
    from sessions.hints import hint_all  # the room views look now, not at their next look

    hint_all(data_dir)
    return path


def announce_room(data_dir: Path, session_id: str) -> Path:
    """A room view follows `session_id`; it counts until `withdraw` or until it ends."""
    return _write(run_dir(data_dir) / f"{ROOM_PREFIX}{uuid.uuid4().hex[:12]}.json", session_id)


def announce_listener(data_dir: Path, session_id: str, port: int, path: Path | None = None) -> Path:
    """A room view listens for hints about `session_id` ("" while it waits for a console) on
    `port`; pass the `path` it returned to say it anew for another session. Does not count as a
    window (a browser's viewer listens too)."""
    path = path or run_dir(data_dir) / f"{LISTENER_PREFIX}{uuid.uuid4().hex[:12]}.json"
    return _write(path, session_id, port=str(port))


def listener_ports(data_dir: Path, session_id: str | None) -> tuple[int, ...]:
    """The ports of the room views that listen for hints about `session_id` (None: all);
    what windows that are gone left behind is tidied away."""
    folder = run_dir(data_dir)
    ports: list[int] = []
    for path in sorted(folder.glob(f"{LISTENER_PREFIX}*.json")) if folder.is_dir() else []:
        announcement = _read(path)
        if announcement is None:
            _tidy(path)
        elif announcement.port is not None and session_id in (None, announcement.session_id):
            ports.append(announcement.port)
    return tuple(ports)


def withdraw(path: Path) -> None:
    """Take an announcement back (when the window closes)."""
    with contextlib.suppress(OSError):
        path.unlink()
    with _held_guard:
        lock = _held.pop(path, None)
    if lock is not None:
        lock.release()
        if path.name.startswith((ROOM_PREFIX, LISTENER_PREFIX)):
            with contextlib.suppress(OSError):
                lock_of(path).unlink()


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
    """How many room views follow `session_id`; what windows that are gone left behind (closed
    with ✕, killed) is tidied away."""
    folder = run_dir(data_dir)
    count = 0
    for path in folder.glob(f"{ROOM_PREFIX}*.json") if folder.is_dir() else []:
        announcement = _read(path)
        if announcement is None:
            _tidy(path)
        elif announcement.session_id == session_id:
            count += 1
    return count


def _tidy(path: Path) -> None:
    """Remove a gone room view's files, unless it came back to life meanwhile."""
    from filelock import Timeout

    lock = _file_lock(path)
    try:
        lock.acquire(blocking=False)  # one try, never a sleep
    except (Timeout, OSError):
        return
    try:
        with contextlib.suppress(OSError):
            path.unlink()
    finally:
        lock.release()
    with contextlib.suppress(OSError):
        lock_of(path).unlink()
