"""An append-only, fsynced journal: one JSON line per change, durable before it returns.

The file is written through a raw file descriptor, never a buffered file object: after a failed
write a buffer would keep the refused bytes and write them with the next change (a change the
user was told was not saved would appear later, or a line would be torn). The journal knows the
length of its last confirmed line and cuts the file back to it after any failure.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from sessions.errors import DamagedFileError, StorageError
from sessions.i18n import t
from sessions.storage.atomic import (
    atomic_write_bytes,
    describe_os_error,
    fsync_directory,
    write_all,
)
from sessions.storage.durable import flush_to_disk, open_flags

ANCHOR_BYTES = 64
"""How much of what a reader read last it checks is still there before reading on: a journal
emptied by a compaction and written again past the old end has other bytes there."""


class Journal:
    """Changes since the last snapshot. A torn last line (a crash mid-write) was never confirmed
    to the user and is ignored (and cut off before the next append); damage anywhere else is
    reported."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._confirmed_size = 0  # bytes up to the end of the last confirmed line
        self._needs_cut = False  # the file may hold bytes after `_confirmed_size`
        self._entry_known = False  # the journal's name in its folder is durable
        self._anchor = b""  # a reader's last bytes read: the end of its last complete line
        self._stale = False  # the confirmed size may not be the file's (see `keep_from`)
        self.count = 0

    def read(self) -> tuple[list[dict[str, Any]], bool]:
        """Every complete entry, and whether a torn last line was dropped."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            self._confirmed_size, self.count, self._anchor = 0, 0, b""
            return [], False
        except OSError as error:
            raise StorageError(
                t("error.could_not_read", path=self.path, reason=describe_os_error(error))
            ) from error
        lines = raw.split(b"\n")
        tail = lines.pop()  # after the last newline: empty, or a torn write
        entries: list[dict[str, Any]] = []
        size = 0
        torn = bool(tail)
        for number, line in enumerate(lines, start=1):
            try:
                entry = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                if number == len(lines) and not tail:
                    torn = True
                    break
                raise DamagedFileError(self.path, f"line {number} is damaged") from None
            if not isinstance(entry, dict):
                raise DamagedFileError(self.path, f"line {number} is not a change")
            entries.append(entry)
            size += len(line) + 1
        self._confirmed_size, self.count = size, len(entries)
        self._anchor = raw[max(0, size - ANCHOR_BYTES) : size]
        self._needs_cut = self._needs_cut or torn
        self._entry_known = True
        return entries, torn

    def read_more(self) -> list[dict[str, Any]] | None:
        """For a reader: the complete entries written after the last `read` or `read_more`,
        or None when the file is no longer the one read (emptied by a compaction, cut back,
        replaced): then read it whole again. A torn last line is left for the next call."""
        offset, anchor = self._confirmed_size, self._anchor
        start = offset - len(anchor)
        try:
            with self.path.open("rb") as file:
                file.seek(start)
                raw = file.read()
        except FileNotFoundError:
            return [] if offset == 0 else None
        except OSError as error:
            raise StorageError(
                t("error.could_not_read", path=self.path, reason=describe_os_error(error))
            ) from error
        if not raw.startswith(anchor):  # shorter than before, or other bytes where ours were
            return None
        lines = raw[len(anchor) :].split(b"\n")
        tail = lines.pop()  # after the last newline: empty, or a line still being written
        entries: list[dict[str, Any]] = []
        size = 0
        for number, line in enumerate(lines, start=1):
            try:
                entry = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                if number == len(lines) and not tail:
                    break  # torn: read it again next time
                raise DamagedFileError(self.path, "a line is damaged") from None
            if not isinstance(entry, dict):
                raise DamagedFileError(self.path, "a line is not a change")
            entries.append(entry)
            size += len(line) + 1
        if size:
            read = raw[: len(anchor) + size]
            self._anchor = read[-ANCHOR_BYTES:]
            self._confirmed_size = offset + size
            self.count += len(entries)
        return entries

    def append(self, entry: dict[str, Any]) -> None:
        """Write one entry and fsync it. When this raises, the entry is not in the journal and
        never will be: the file is cut back to its last confirmed line."""
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
        if self._stale:
            self._reread()  # a StorageError here: not saved, and nothing written
        try:
            fd = self._open()
            self._cut_back(fd)
            self._needs_cut = True
            write_all(fd, line)
            flush_to_disk(fd)
        except OSError as error:
            with contextlib.suppress(OSError):
                self._cut_back(self._open())
            raise StorageError(
                t("error.could_not_save", path=self.path, reason=describe_os_error(error))
            ) from error
        self._confirmed_size += len(line)
        self._needs_cut = False
        self.count += 1

    def reset(self) -> None:
        """Empty the journal (after its entries are safe in a snapshot). Shrinking a file
        needs no free space, so this works on a full disk too."""
        try:
            fd = self._open()
            os.ftruncate(fd, 0)
            self._confirmed_size, self._needs_cut, self.count = 0, False, 0
            self._anchor = b""
            flush_to_disk(fd)
        except OSError as error:
            raise StorageError(
                t("error.could_not_empty", path=self.path, reason=describe_os_error(error))
            ) from error

    @property
    def size(self) -> int:
        """The bytes up to the end of the last confirmed line."""
        return self._confirmed_size

    def keep_from(self, offset: int) -> None:
        """Drop the lines before `offset` (now safe in a snapshot). With nothing after them the
        journal is emptied; else it is replaced, atomically, by the lines after them (written
        while the snapshot was): a crash leaves the old journal or the new one, each whole."""
        if offset >= self._confirmed_size:
            self.reset()
            return
        try:
            with self.path.open("rb") as file:
                file.seek(offset)
                tail = file.read(self._confirmed_size - offset)
        except OSError as error:
            raise StorageError(
                t("error.could_not_read", path=self.path, reason=describe_os_error(error))
            ) from error
        self.close()  # Windows replaces no file its writer holds open
        try:
            atomic_write_bytes(self.path, tail)
        except StorageError:
            # The replace may have been done before the failure (the folder's fsync after it
            # failed): the file is then the short one. Take the journal as it is on disk, so
            # the confirmed size is the file's, or a failed write later would not be cut off
            # and the next line would follow half a line (a damaged journal).
            self._stale = True
            with contextlib.suppress(StorageError):
                self._reread()
            self._entry_known = False  # the folder's fsync failed: make it again first
            raise
        self._confirmed_size, self._needs_cut = len(tail), False
        self.count = tail.count(b"\n")
        self._anchor = b""

    def _reread(self) -> None:
        """Take the confirmed size (and a torn last line to cut) from the file itself."""
        self.read()
        self._stale = False

    def close(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def _cut_back(self, fd: int) -> None:
        """Remove whatever a failed or interrupted write left after the last confirmed line."""
        if self._needs_cut:
            if os.fstat(fd).st_size > self._confirmed_size:
                os.ftruncate(fd, self._confirmed_size)
                flush_to_disk(fd)
            self._needs_cut = False

    def _open(self) -> int:
        if self._fd is None:
            if not self.path.exists():
                self._entry_known = False
            # Binary: on Windows a text-mode descriptor writes each "\n" as "\r\n", and the
            # count of confirmed bytes would no longer match the file.
            flags = open_flags(os.O_WRONLY | os.O_APPEND | os.O_CREAT)
            self._fd = os.open(self.path, flags, 0o600)
        if not self._entry_known:
            fsync_directory(self.path.parent)  # until this succeeds, no line counts as saved
            self._entry_known = True
        return self._fd
