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
    """A read-only store of `directory`, brought up to date by `poll`.

    A poll reads only what was added to the journal since the last one (following costs the
    same at 200 notes as at 10,000); it reads everything again only when the snapshot was
    replaced (the writer folded the journal into it), the journal is not the file read
    before, or the last read failed."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        # Kept as strings: a poll is only these few stats, and a watcher may look at them.
        files = (SNAPSHOT_NAME, JOURNAL_NAME, *CURRENT_ONLY_TABLES.values())
        self.paths = tuple(str(directory / name) for name in files)
        self._stamp = stamp(self.paths)
        self._whole = self._stamp  # the files' stamp when the store last read them whole
        self._reread = False  # the last read failed: read everything again
        self.settled = True
        """False when the files changed while they were read (or a file was caught half-way
        through a rewrite): poll again soon."""
        self.store = SessionStore.open(directory, readonly=True)

    def poll(self) -> bool:
        """Read what changed in the session's files; True when something changed (the store's
        sink is told which parts, once for everything this poll read).

        A file caught half-way through a rewrite is read again at the next poll."""
        before = stamp(self.paths)
        if before == self._stamp and not self._reread:
            return False
        snapshot, journal, *current = before
        whole = self._reread or snapshot != self._whole[0] or journal[0] != self._whole[1][0]
        try:
            if whole:
                self.store.reload()
            else:
                if journal != self._stamp[1]:
                    self.store.catch_up()
                if current != list(self._stamp[2:]):
                    self.store.read_current()  # the phones' answers, written whole
        except OplaegError:
            self.settled = False
            self._reread = True
            return False
        self._reread = False
        self.store.tell()  # the parts it read, in one event
        if whole:
            # Compared with the snapshot as it was before the read: if the writer replaced it
            # while it was read, the next poll reads everything again.
            self._whole = before
        self.settled = stamp(self.paths) == before
        if self.settled:  # else it changed while being read: read on at the next poll
            self._stamp = before
        return True

    def close(self) -> None:
        self.store.close()
