"""A thread that notices when a few files change and tells the app, without waking the event
loop for nothing.

The room view follows the console through the session's files. Polling them from a Textual
timer woke the event loop twenty times a second; even a thread that sleeps between `stat` calls
costs half a percent of a core at the rate a projector needs. On Linux the thread instead
blocks on inotify (no wake-up at all until a watched folder changes); elsewhere, or when inotify
cannot be had, it falls back to looking at the files' stamps (inode, size, modification time).
Either way it calls `changed` only when a stamp differs, so a spurious event costs nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import select
import sys
import threading
from collections.abc import Callable

from sessions.storage.follower import stamp

POLL_SECONDS = 0.04
"""Without inotify: how often the stamps are looked at."""
SAFETY_SECONDS = 1.0
"""With inotify: the stamps are looked at this often anyway (a folder on a file system that
does not report changes)."""

# From <sys/inotify.h>: what changes a file's contents or name in a watched folder.
_IN_MODIFY, _IN_ATTRIB, _IN_CLOSE_WRITE = 0x002, 0x004, 0x008
_IN_MOVED_FROM, _IN_MOVED_TO, _IN_CREATE, _IN_DELETE = 0x040, 0x080, 0x100, 0x200
_MASK = (
    _IN_MODIFY | _IN_ATTRIB | _IN_CLOSE_WRITE | _IN_MOVED_FROM | _IN_MOVED_TO | _IN_CREATE
) | _IN_DELETE
_IN_NONBLOCK, _IN_CLOEXEC = 0o4000, 0o2000000


class _Inotify:
    """The kernel's notifications for a set of folders (Linux only)."""

    def __init__(self) -> None:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        self._add = libc.inotify_add_watch
        self._add.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32)
        self._remove = libc.inotify_rm_watch
        self._remove.argtypes = (ctypes.c_int, ctypes.c_int)
        self.fd = libc.inotify_init1(_IN_NONBLOCK | _IN_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        self._watches: dict[str, int] = {}

    def watch(self, folders: set[str]) -> None:
        for folder in set(self._watches) - folders:
            self._remove(self.fd, self._watches.pop(folder))
        for folder in folders - set(self._watches):
            handle = self._add(self.fd, os.fsencode(folder), _MASK)
            if handle >= 0:  # a folder that does not exist yet is watched through the stamps
                self._watches[folder] = handle

    def drain(self) -> None:
        with contextlib.suppress(BlockingIOError, InterruptedError):
            while os.read(self.fd, 65536):
                pass

    def close(self) -> None:
        os.close(self.fd)


class FileWatch:
    """Calls `changed` from its own thread when the stamp of `paths()` changes (the set of
    paths may change too: the room view follows another session; call `rewatch` then).
    `changed` must be safe to call from another thread: a widget's `post_message` is."""

    def __init__(
        self,
        paths: Callable[[], tuple[str, ...]],
        changed: Callable[[], object],
        *,
        use_inotify: bool = True,
    ) -> None:
        self._paths = paths
        self._changed = changed
        self._stopping = False
        self._closed = False
        self._wake_read, self._wake_write = os.pipe()
        self._inotify: _Inotify | None = None
        if use_inotify and sys.platform.startswith("linux"):
            with contextlib.suppress(OSError, AttributeError):
                self._inotify = _Inotify()
        self._thread = threading.Thread(target=self._run, name="oplaeg-file-watch", daemon=True)

    @property
    def kernel_notified(self) -> bool:
        """Whether the thread sleeps until the kernel reports a change (else it polls)."""
        return self._inotify is not None

    @property
    def alive(self) -> bool:
        """Whether the watching thread runs."""
        return self._thread.is_alive()

    def start(self) -> None:
        self._thread.start()

    def rewatch(self) -> None:
        """The paths changed: look at the new ones now."""
        self._wake()

    def stop(self) -> None:
        if self._closed:
            return
        self._stopping = True
        self._wake()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=1.0)
        self._closed = True  # before the numbers can be reused for another file
        for fd in (self._wake_read, self._wake_write):
            with contextlib.suppress(OSError):
                os.close(fd)
        if self._inotify is not None:
            self._inotify.close()

    def _wake(self) -> None:
        if self._closed:
            return
        with contextlib.suppress(OSError):
            os.write(self._wake_write, b"x")

    def _run(self) -> None:
        last = stamp(self._watch_folders())
        waiting_on = [self._wake_read]
        timeout = POLL_SECONDS
        if self._inotify is not None:
            waiting_on.append(self._inotify.fd)
            timeout = SAFETY_SECONDS
        while not self._stopping:
            ready, _, _ = select.select(waiting_on, [], [], timeout)
            if self._stopping:
                return
            if self._wake_read in ready:
                os.read(self._wake_read, 512)
            if self._inotify is not None and self._inotify.fd in ready:
                self._inotify.drain()
            now = stamp(self._watch_folders())
            if now != last:
                last = now
                self._changed()

    def _watch_folders(self) -> tuple[str, ...]:
        paths = self._paths()
        if self._inotify is not None:
            self._inotify.watch({os.path.dirname(path) or "." for path in paths})
        return paths
