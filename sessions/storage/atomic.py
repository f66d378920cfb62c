"""Atomic file writes and a TinyDB storage that never leaves a torn or silently emptied file."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from sessions.errors import DamagedFileError, StorageError
from sessions.i18n import t
from sessions.storage.durable import flush_to_disk, open_flags, replace

TEMP_PREFIX = ".tmp-"


def fsync_directory(directory: Path) -> None:
    """Make a rename or a new file in `directory` durable (a no-op where unsupported)."""
    if os.name != "posix":
        return
    fd = os.open(directory, open_flags(os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)))
    try:
        flush_to_disk(fd)
    finally:
        os.close(fd)


def describe_os_error(error: OSError) -> str:
    """A short human reason for an OS error, naming the full disk plainly."""
    if error.errno == errno.ENOSPC:
        return t("error.disk_full")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return t("error.no_permission")
    return error.strerror or str(error)


def write_all(fd: int, payload: bytes) -> None:
    """Write every byte of `payload` to `fd`, unbuffered: when this raises, nothing of it is
    left waiting in a buffer to be written later."""
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def atomic_write_bytes(path: Path, payload: bytes, *, readable_by_others: bool = False) -> None:
    """Replace `path` with `payload`: afterwards the file holds the old or the new bytes.
    Data files stay private to the user; an export meant for sending can be made readable."""
    directory = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=TEMP_PREFIX)
    except OSError as error:
        raise StorageError(
            t("error.could_not_save", path=path, reason=describe_os_error(error))
        ) from error
    try:
        try:
            if readable_by_others and os.name == "posix":
                os.fchmod(fd, 0o644)
            write_all(fd, payload)
            flush_to_disk(fd)
        finally:
            os.close(fd)
        replace(tmp_name, path)
        fsync_directory(directory)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise StorageError(
            t("error.could_not_save", path=path, reason=describe_os_error(error))
        ) from error


def remove_stray_temp_files(directory: Path) -> None:
    """Delete temp files a killed process left behind. Call only while holding the folder's lock."""
    for stray in directory.glob(TEMP_PREFIX + "*"):
        with contextlib.suppress(OSError):
            stray.unlink()


def read_json_tables(path: Path) -> dict[str, dict[str, Any]] | None:
    """Read a TinyDB JSON file; None when it does not exist, `DamagedFileError` when unusable."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StorageError(
            t("error.could_not_read", path=path, reason=describe_os_error(error))
        ) from error
    if not raw.strip():
        raise DamagedFileError(path, t("error.file_empty" if not raw else "error.file_blank"))
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise DamagedFileError(path, t("error.not_utf8")) from None
    except json.JSONDecodeError as error:
        raise DamagedFileError(
            path, t("error.json_damaged", line=error.lineno, column=error.colno)
        ) from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise DamagedFileError(path, t("error.not_a_database"))
    return data


def dump_json(data: Any) -> bytes:
    """Serialise before any file is touched, so a bad value never costs the old file."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class AtomicJSONStorage(Storage):
    """TinyDB storage: whole-file atomic replace on write; a damaged file raises, never resets."""

    def __init__(self, path: str | Path, **_: Any) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, dict[str, Any]] | None:
        return read_json_tables(self.path)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        atomic_write_bytes(self.path, dump_json(data))

    def close(self) -> None:
        pass
