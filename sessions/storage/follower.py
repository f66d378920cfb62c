"""Follow a session another process is writing: notice when its files change and read them
again. The room view uses it; it never takes the lock and never writes."""

from __future__ import annotations

import os
from pathlib import Path

from sessions.errors import OplaegError
from sessions.storage.session_store import JOURNAL_NAME, SNAPSHOT_NAME, SessionStore
from sessions.storage.tables import CURRENT_ONLY_TABLES

Stamp = tuple[tuple[int, int, int], ...]


def stamp(paths: tuple[str, ...]) -> Stamp:
    """What identifies the files' current contents: inode, size and modification time (a
    missing file is (0, 0, 0))."""
    stamps = []
    for path in paths:
        try:
            stat = os.stat(path)
        except OSError:
            stamps.append((0, 0, 0))
            continue
        stamps.append((stat.st_ino, stat.st_size, stat.st_mtime_ns))
    return tuple(stamps)


class StoreFollower:
    """A read-only store of `directory`, brought up to date by `poll`."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        # Kept as strings: a poll is only these few stats, and a watcher may look at them.
        files = (SNAPSHOT_NAME, JOURNAL_NAME, *CURRENT_ONLY_TABLES.values())
        self.paths = tuple(str(directory / name) for name in files)
        self._stamp = stamp(self.paths)
        self.settled = True
        """False when the files changed while they were read (or a file was caught half-way
        through a rewrite): poll again soon."""
        self.store = SessionStore.open(directory, readonly=True)

    def poll(self) -> bool:
        """Read the session again if its files changed; True when something changed.

        A file caught half-way through a rewrite is read again at the next poll."""
        before = stamp(self.paths)
        if before == self._stamp:
            return False
        try:
            self.store.reload()
        except OplaegError:
            self.settled = False
            return False
        self.settled = stamp(self.paths) == before
        if self.settled:  # else it changed while being read: read once more next time
            self._stamp = before
        return True

    def close(self) -> None:
        self.store.close()
