"""A small TinyDB index of sessions, so the start screen lists them without opening each one.

The index holds nothing that is not also in the session folders: when it is missing or damaged
it is rebuilt from them (a damaged file is first moved aside, never deleted).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import Query, TinyDB

if TYPE_CHECKING:
    from filelock import BaseFileLock

from sessions.errors import DamagedFileError
from sessions.storage.atomic import AtomicJSONStorage, remove_stray_temp_files
from sessions.storage.durable import replace

LOCK_TIMEOUT_SECONDS = 10
_DAMAGE = (DamagedFileError, KeyError, TypeError, AttributeError, ValueError)


class SessionIndex:
    """Summaries of sessions by id, shared safely between running copies of oplaeg."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock_path = str(path) + ".lock"
        self.warnings: list[str] = []

    def _lock(self) -> BaseFileLock:
        """The lock writers share. filelock is imported when a summary is written, not when the
        start screen reads the index: every write replaces the whole file atomically, so a
        reader always sees a complete one."""
        from filelock import FileLock

        return FileLock(self._lock_path, timeout=LOCK_TIMEOUT_SECONDS)

    def read(self) -> dict[str, dict[str, Any]]:
        """Every summary by session id; a damaged index is moved aside and read as empty."""
        if not self.path.exists():
            return {}
        try:
            return self._read()
        except _DAMAGE:
            pass
        with self._lock():
            try:
                return self._read()  # a writer may have replaced it in the meantime
            except _DAMAGE as error:
                moved = self._move_aside()
                self.warnings.append(
                    f"{self.path}: damaged ({error}); moved to {moved.name}, "
                    "rebuilt from the session folders"
                )
                return {}

    def _read(self) -> dict[str, dict[str, Any]]:
        with TinyDB(self.path, storage=AtomicJSONStorage) as db:
            return {str(doc["id"]): dict(doc) for doc in db.all()}

    def put(self, summary: dict[str, Any]) -> None:
        """Insert or replace the summary of one session."""
        with self._lock():
            remove_stray_temp_files(self.path.parent)
            try:
                self._put(summary)
            except DamagedFileError:
                self._move_aside()
                self._put(summary)

    def remove(self, session_id: str) -> None:
        with self._lock(), TinyDB(self.path, storage=AtomicJSONStorage) as db:
            db.remove(Query().id == session_id)

    def _put(self, summary: dict[str, Any]) -> None:
        with TinyDB(self.path, storage=AtomicJSONStorage) as db:
            db.upsert(summary, Query().id == summary["id"])

    def _move_aside(self) -> Path:
        target = self.path.with_name(f"{self.path.name}.damaged-{int(time.time())}")
        if self.path.exists():
            replace(self.path, target)
        return target
