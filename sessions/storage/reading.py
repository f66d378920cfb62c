"""Reading a file the user names (an export to import, a theme): a regular file only, and never
more than a limit. A FIFO would block the read for ever and /dev/zero would fill memory; both
are refused before a byte is read."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_BINARY", 0)
    # Opening a FIFO without a writer would wait for one; not waiting lets it be refused.
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)  # a terminal device named as a file never becomes ours
)


class SpecialFileError(OSError):
    """The path is a FIFO, a device or a socket, not a file."""


class FileTooBigError(OSError):
    """The file holds more than the limit; `size` is its size when known."""

    def __init__(self, size: int | None) -> None:
        super().__init__(errno.EFBIG, os.strerror(errno.EFBIG))
        self.size = size


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them. Raises
    `FileNotFoundError`, `IsADirectoryError`, `SpecialFileError`, `FileTooBigError` (also when
    the file grows past `limit` while it is read) or another `OSError`."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(status.st_mode):
            raise SpecialFileError(errno.EINVAL, "not a regular file", str(path))
        if status.st_size > limit:
            raise FileTooBigError(status.st_size)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise FileTooBigError(None)
        return b"".join(chunks)
    finally:
        os.close(fd)
