"""A small TinyDB index of sessions, so the start screen lists them without opening each one.

The index holds nothing that is not also in the session folders: when it is missing or damaged
it is rebuilt from them (a damaged file is first moved aside, never deleted).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from filelock import FileLock
from tinydb import Query, TinyDB

from sessions.errors import DamagedFileError
from sessions.storage.atomic import AtomicJSONStorage, remove_stray_temp_files

LOCK_TIMEOUT_SECONDS = 10


class SessionIndex:
    """Summaries of sessions by id, shared safely between running copies of oplaeg."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS)
        self.warnings: list[str] = []

    def read(self) -> dict[str, dict[str, Any]]:
        """Every summary by session id; a damaged index is moved aside and read as empty."""
        with self._lock:
            try:
                with TinyDB(self.path, storage=AtomicJSONStorage) as db:
                    return {str(doc["id"]): dict(doc) for doc in db.all()}
            except (DamagedFileError, KeyError, TypeError, AttributeError, ValueError) as error:
                moved = self._move_aside()
                self.warnings.append(
                    f"{self.path}: damaged ({error}); moved to {moved.name}, "
                    "rebuilt from the session folders"
                )
                return {}

    def put(self, summary: dict[str, Any]) -> None:
        """Insert or replace the summary of one session."""
        with self._lock:
            remove_stray_temp_files(self.path.parent)
            try:
                self._put(summary)
            except DamagedFileError:
                self._move_aside()
                self._put(summary)

    def remove(self, session_id: str) -> None:
        with self._lock, TinyDB(self.path, storage=AtomicJSONStorage) as db:
            db.remove(Query().id == session_id)

    def _put(self, summary: dict[str, Any]) -> None:
        with TinyDB(self.path, storage=AtomicJSONStorage) as db:
            db.upsert(summary, Query().id == summary["id"])

    def _move_aside(self) -> Path:
        target = self.path.with_name(f"{self.path.name}.damaged-{int(time.time())}")
        if self.path.exists():
            self.path.replace(target)
        return target
