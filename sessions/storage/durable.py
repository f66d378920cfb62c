"""The few file-system calls whose meaning differs between Windows, macOS and Linux, made to
mean the same thing on all three. Every data file is opened, flushed and replaced through here.

- **Binary descriptors.** Windows opens a descriptor in *text* mode unless `O_BINARY` is given:
  every `\\n` written becomes `\\r\\n`, so the journal's count of confirmed bytes would be short
  and cutting back after a failed write would cut into confirmed lines.
- **A flush that reaches the disk.** On macOS `fsync` leaves the data in the drive's cache;
  only `fcntl(F_FULLFSYNC)` gives what `fsync` gives on Linux ("on disk before the form
  closes"). A file system that does not know it (some network shares) gets a plain `fsync`.
- **Replacing a file another program holds.** On Windows `os.replace` fails with a sharing
  violation (`PermissionError`) while another process has the target open: the room view
  reading the index, an antivirus or a backup tool looking at a new file. That lasts a moment,
  so the replace is tried again for up to `REPLACE_PATIENCE_SECONDS` before it counts as failed.
"""

from __future__ import annotations

import errno
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPLACE_PATIENCE_SECONDS = 1.0
"""How long a replace is tried again while another process holds the file (Windows)."""
_FIRST_PAUSE_SECONDS = 0.01

_NO_FULL_FSYNC = (errno.EINVAL, errno.ENOTSUP, errno.ENOTTY, getattr(errno, "EOPNOTSUPP", 0))


def open_flags(flags: int) -> int:
    """`flags` for `os.open` of a data file: binary (`O_BINARY`, where there is such a thing),
    and not inherited by child processes."""
    return flags | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def flush_to_disk(fd: int) -> None:
    """Make what was written to `fd` durable: `F_FULLFSYNC` on macOS, `fsync` elsewhere."""
    if sys.platform == "darwin":
        import fcntl

        full_fsync = getattr(fcntl, "F_FULLFSYNC", None)
        if full_fsync is not None:
            try:
                fcntl.fcntl(fd, full_fsync)
            except OSError as error:
                if error.errno not in _NO_FULL_FSYNC:
                    raise
            else:
                return
    os.fsync(fd)


def replace(source: str | Path, target: str | Path) -> None:
    """`os.replace`, tried again for a moment while another process holds `target` open
    (Windows only: elsewhere a `PermissionError` is a real lack of permission)."""
    _patiently(lambda: os.replace(source, target))


def rename(source: Path, target: Path) -> None:
    """`source.rename(target)` (a folder too), with the same patience as `replace`."""
    _patiently(lambda: source.rename(target))


def _patiently(call: Callable[[], object]) -> None:
    if sys.platform != "win32":
        call()
        return
    deadline = time.monotonic() + REPLACE_PATIENCE_SECONDS
    pause = _FIRST_PAUSE_SECONDS
    while True:
        try:
            call()
            return
        except PermissionError:
            left = deadline - time.monotonic()
            if left <= 0:
                raise
            time.sleep(min(pause, left))
            pause *= 2
