"""Who has a session open: a small side file next to the session's lock.

The lock itself is released by the OS when its holder dies, but then nobody could tell which
process that was. So a writer records itself in `lock.owner` when it takes the lock and removes
the record when it closes the session cleanly. A record found by the next writer therefore
names a process that ended without closing the session (killed, crashed, a lost terminal).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from sessions.errors import StorageError
from sessions.i18n import t
from sessions.storage.atomic import atomic_write_bytes

OWNER_NAME = "lock.owner"


@dataclass(frozen=True)
class LockOwner:
    pid: int
    host: str
    since: float  # wall-clock time it took the lock

    @classmethod
    def me(cls) -> LockOwner:
        return cls(os.getpid(), socket.gethostname(), time.time())

    def describe(self) -> str:
        """`proces 1234 på laptop, åbnet 2026-11-24 13:05`."""
        since = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.since))
        return t("lock.owner", pid=self.pid, host=self.host, since=since)

    def taken_over(self, session_id: str) -> str:
        """The message for a session taken over from this owner, which is gone."""
        return t("lock.taken_over", id=session_id, owner=self.describe())


def read_owner(folder: Path) -> LockOwner | None:
    """The recorded owner of the session in `folder`, or None (no record, or unreadable)."""
    try:
        data = json.loads((folder / OWNER_NAME).read_text(encoding="utf-8"))
        return LockOwner(int(data["pid"]), str(data["host"]), float(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_owner(folder: Path, owner: LockOwner) -> None:
    """Record `owner`; best effort (a full disk must not keep a session from opening)."""
    payload = json.dumps({"pid": owner.pid, "host": owner.host, "since": owner.since})
    with contextlib.suppress(StorageError):
        atomic_write_bytes(folder / OWNER_NAME, payload.encode("utf-8"))


def remove_owner(folder: Path) -> None:
    with contextlib.suppress(OSError):
        (folder / OWNER_NAME).unlink()
