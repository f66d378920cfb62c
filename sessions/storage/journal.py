"""An append-only, fsynced journal: one JSON line per change, durable before it returns."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any, BinaryIO

from sessions.errors import DamagedFileError, StorageError
from sessions.storage.atomic import atomic_write_bytes, describe_os_error, fsync_directory


class Journal:
    """Changes since the last snapshot. A torn last line (a crash mid-write) was never confirmed
    to the user and is ignored; damage anywhere else is reported."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: BinaryIO | None = None
        self.count = 0

    def read(self) -> tuple[list[dict[str, Any]], bool]:
        """Every complete entry, and whether a torn last line was dropped."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return [], False
        except OSError as error:
            raise StorageError(f"could not read {self.path}: {describe_os_error(error)}") from error
        lines = raw.split(b"\n")
        tail = lines.pop()  # after the last newline: empty, or a torn write
        entries: list[dict[str, Any]] = []
        for number, line in enumerate(lines, start=1):
            try:
                entry = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                if number == len(lines) and not tail:
                    return entries, True
                raise DamagedFileError(self.path, f"line {number} is damaged") from None
            if not isinstance(entry, dict):
                raise DamagedFileError(self.path, f"line {number} is not a change")
            entries.append(entry)
        self.count = len(entries)
        return entries, bool(tail)

    def append(self, entry: dict[str, Any]) -> None:
        """Write one entry and fsync it; on failure the file is as it was before."""
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
        handle = self._open()
        position = handle.tell()
        try:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
        except OSError as error:
            with contextlib.suppress(OSError):
                handle.truncate(position)
                handle.seek(position)
            reason = describe_os_error(error)
            raise StorageError(f"could not save to {self.path}: {reason}") from error
        self.count += 1

    def reset(self) -> None:
        """Empty the journal (after its entries are safe in a snapshot)."""
        self.close()
        atomic_write_bytes(self.path, b"")
        self.count = 0

    def close(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None

    def _open(self) -> BinaryIO:
        if self._handle is None:
            existed = self.path.exists()
            try:
                self._handle = open(self.path, "ab")  # noqa: SIM115 - kept open between appends
                if not existed:
                    fsync_directory(self.path.parent)
            except OSError as error:
                raise StorageError(
                    f"could not open {self.path}: {describe_os_error(error)}"
                ) from error
        return self._handle
