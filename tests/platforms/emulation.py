"""Windows' and macOS's rules, played on this Linux machine.

oplaeg's portable parts are tested here under the rules of the platform they guard against, so
a test fails when the guard is taken away. Each rule is what the platform's documentation says
its C runtime or kernel does, reduced to what oplaeg can meet:

Windows (`Emulated("windows")`)
- `sys.platform == "win32"`, `os.name == "nt"` (pathlib keeps making POSIX paths: the files
  are still on this machine);
- `select.select` takes sockets only: a pipe is `OSError` 10038 (WSAENOTSOCK);
- a descriptor from `os.open` without `O_BINARY` is in text mode: each `\\n` written is
  `\\r\\n` on disk (and `write` still returns the count of bytes handed in, as the MS C runtime
  does); `tempfile.mkstemp` opens its files binary, as it does on Windows;
- `os.replace` / `os.rename` of a file another process holds open is a `PermissionError`
  (a sharing violation): `hold(path)` is that other process;
- no `signal.SIGHUP`; `os.kill(pid, 0)` is `GenerateConsoleCtrlEvent(CTRL_C_EVENT, pid)`,
  which fails for a pid that is not a console process group (recorded in `ctrl_c_sent`);
- a process is never given another parent: `os.getppid()` stays its creator's id after the
  creator has ended;
- a datagram longer than the buffer `recvfrom` is given is `OSError` 10040 (WSAEMSGSIZE), and
  the datagram is gone (POSIX hands over its first bytes instead);
- `ctypes.windll.kernel32.SetConsoleCtrlHandler` records the handler (`console_handlers`),
  so a test can close the console window by calling it;
- `console(encoding)`: stdout and stderr as Windows gives them when redirected or in an old
  console: that code page, stdout strict, stderr `backslashreplace`.

macOS (`Emulated("macos")`)
- `sys.platform == "darwin"`; `fcntl.F_FULLFSYNC` exists, and `fcntl.fcntl` records it
  (`full_fsyncs`) before doing an ordinary fsync; an `os.fsync` of its own, which on a Mac
  leaves the data in the drive's cache, is recorded in `plain_fsyncs`.
"""

from __future__ import annotations

import ctypes
import errno
import io
import os
import select
import signal
import socket
import stat
import sys
import tempfile
import threading
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import filelock  # noqa: F401  (imported as on this machine, before sys.platform is changed)
import pytest
import watchfiles  # noqa: F401  (the same)

O_BINARY = 0x8000  # the MS C runtime's value
WSAENOTSOCK = 10038
WSAEMSGSIZE = 10040
CTRL_C_EVENT = 0
F_FULLFSYNC = 51  # <sys/fcntl.h> on Darwin


@dataclass
class Console:
    """What a program wrote to stdout and stderr, as bytes on the way out."""

    stdout: io.BytesIO
    stderr: io.BytesIO

    def out(self) -> bytes:
        sys.stdout.flush()
        return self.stdout.getvalue()

    def err(self) -> bytes:
        sys.stderr.flush()
        return self.stderr.getvalue()


@dataclass
class Emulated:
    """One platform's rules, installed with `monkeypatch` (undone after the test)."""

    platform: str
    monkeypatch: pytest.MonkeyPatch
    text_fds: set[int] = field(default_factory=set)
    held: set[str] = field(default_factory=set)
    ctrl_c_sent: list[int] = field(default_factory=list)
    console_handlers: list[Any] = field(default_factory=list)
    full_fsyncs: list[int] = field(default_factory=list)
    plain_fsyncs: list[int] = field(default_factory=list)
    replace_refusals: int = 0

    def __post_init__(self) -> None:
        if self.platform == "windows":
            self._windows()
        elif self.platform == "macos":
            self._macos()
        else:
            raise ValueError(self.platform)

    # -- Windows ---------------------------------------------------------------------------

    def _windows(self) -> None:
        patch = self.monkeypatch
        patch.setattr(sys, "platform", "win32")
        patch.setattr(os, "name", "nt")
        # pathlib picks its flavour from os.name when a Path is made; the files are still here.
        # It sees every other name of `os` as it is now (the rules below, a fault injector).
        posix_os = types.ModuleType("os")
        posix_os.name = "posix"
        posix_os.__getattr__ = lambda name: getattr(os, name)  # type: ignore[method-assign]
        import pathlib

        patch.setattr(pathlib, "os", posix_os)
        patch.delattr(signal, "SIGHUP", raising=False)
        patch.setattr(os, "O_BINARY", O_BINARY, raising=False)
        patch.setattr(tempfile, "_bin_openflags", tempfile._bin_openflags | O_BINARY)  # type: ignore[attr-defined]
        real_select, real_open, real_close = select.select, os.open, os.close
        real_write, real_read = os.write, os.read
        real_replace, real_rename, real_kill = os.replace, os.rename, os.kill

        def windows_select(rlist: Any, wlist: Any, xlist: Any, timeout: Any = None) -> Any:
            for item in [*rlist, *wlist, *xlist]:
                fd = item if isinstance(item, int) else item.fileno()
                if not stat.S_ISSOCK(os.fstat(fd).st_mode):
                    raise OSError(WSAENOTSOCK, "An operation was attempted on a non-socket")
            return real_select(rlist, wlist, xlist, timeout)

        def windows_open(path: Any, flags: int, mode: int = 0o777, *, dir_fd: Any = None) -> int:
            fd = real_open(path, flags & ~O_BINARY, mode, dir_fd=dir_fd)
            if flags & O_BINARY:
                self.text_fds.discard(fd)
            else:
                self.text_fds.add(fd)
            return fd

        def windows_close(fd: int) -> None:
            self.text_fds.discard(fd)
            real_close(fd)

        def windows_write(fd: int, data: Any) -> int:
            if fd not in self.text_fds:
                return real_write(fd, data)
            raw = bytes(data)
            translated = raw.replace(b"\n", b"\r\n")
            written = real_write(fd, translated)
            if written < len(translated):  # count the caller's bytes that went out
                return len(translated[:written].replace(b"\r\n", b"\n"))
            return len(raw)

        def windows_read(fd: int, size: int) -> bytes:
            data = real_read(fd, size)
            return data.replace(b"\r\n", b"\n") if fd in self.text_fds else data

        def refuse_if_held(*paths: Any) -> None:
            for path in paths:
                if os.path.abspath(os.fsdecode(path)) in self.held:
                    self.replace_refusals += 1
                    raise PermissionError(
                        errno.EACCES,
                        "The process cannot access the file because it is being used by "
                        "another process",
                        os.fsdecode(path),
                    )

        def windows_replace(src: Any, dst: Any, **kwargs: Any) -> None:
            refuse_if_held(src, dst)
            real_replace(src, dst, **kwargs)

        def windows_rename(src: Any, dst: Any, **kwargs: Any) -> None:
            refuse_if_held(src, dst)
            real_rename(src, dst, **kwargs)

        def windows_kill(pid: int, sig: int) -> None:
            if sig == CTRL_C_EVENT:
                self.ctrl_c_sent.append(pid)
                raise OSError(errno.EINVAL, "The parameter is incorrect")  # WinError 87
            real_kill(pid, sig)

        real_recvfrom = socket.socket.recvfrom

        def windows_recvfrom(sock: socket.socket, size: int, flags: int = 0) -> Any:
            if sock.type != socket.SOCK_DGRAM or flags & socket.MSG_PEEK:
                return real_recvfrom(sock, size, flags)
            peeked, _sender = real_recvfrom(sock, 65536, flags | socket.MSG_PEEK)
            if len(peeked) > size:
                real_recvfrom(sock, 65536, flags)  # Windows discards it
                raise OSError(WSAEMSGSIZE, "A message sent on a datagram socket was larger")
            return real_recvfrom(sock, size, flags)

        patch.setattr(socket.socket, "recvfrom", windows_recvfrom)
        creator = os.getppid()
        patch.setattr(os, "getppid", lambda: creator)
        patch.setattr(select, "select", windows_select)
        patch.setattr(os, "open", windows_open)
        patch.setattr(os, "close", windows_close)
        patch.setattr(os, "write", windows_write)
        patch.setattr(os, "read", windows_read)
        patch.setattr(os, "replace", windows_replace)
        patch.setattr(os, "rename", windows_rename)
        patch.setattr(os, "kill", windows_kill)
        kernel32 = types.SimpleNamespace(
            SetConsoleCtrlHandler=lambda handler, add: self.console_handlers.append(handler) or 1
        )
        patch.setattr(ctypes, "windll", types.SimpleNamespace(kernel32=kernel32), raising=False)
        patch.setattr(ctypes, "WINFUNCTYPE", ctypes.CFUNCTYPE, raising=False)

    def hold(self, path: Path, seconds: float | None = None) -> None:
        """Another process opens `path` (the room view reading it, an antivirus); with
        `seconds`, it closes it again after that long."""
        key = os.path.abspath(path)
        self.held.add(key)
        if seconds is not None:
            timer = threading.Timer(seconds, self.held.discard, (key,))
            timer.daemon = True
            timer.start()

    def release(self, path: Path) -> None:
        self.held.discard(os.path.abspath(path))

    def console(self, encoding: str) -> Console:
        """stdout/stderr in a Windows code page (redirected output, or an old console)."""
        out, err = io.BytesIO(), io.BytesIO()
        self.monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding=encoding))
        self.monkeypatch.setattr(
            sys, "stderr", io.TextIOWrapper(err, encoding=encoding, errors="backslashreplace")
        )
        return Console(out, err)

    def close_console_window(self) -> list[int]:
        """Windows sends CTRL_CLOSE_EVENT (2) to every handler; what each returned."""
        return [int(handler(2)) for handler in self.console_handlers]

    # -- macOS -----------------------------------------------------------------------------

    def _macos(self) -> None:
        import fcntl

        patch = self.monkeypatch
        patch.setattr(sys, "platform", "darwin")
        patch.setattr(fcntl, "F_FULLFSYNC", F_FULLFSYNC, raising=False)
        real_fcntl, real_fsync = fcntl.fcntl, os.fsync
        inside = threading.local()

        def darwin_fcntl(fd: int, command: int, arg: Any = 0) -> Any:
            if command != F_FULLFSYNC:
                return real_fcntl(fd, command, arg)
            self.full_fsyncs.append(fd)
            inside.full = True
            try:  # looked up now, so that a fault injector's failing fsync fails this too
                os.fsync(fd)
            finally:
                inside.full = False
            return 0

        def darwin_fsync(fd: int) -> None:
            if not getattr(inside, "full", False):
                self.plain_fsyncs.append(fd)
            real_fsync(fd)

        patch.setattr(fcntl, "fcntl", darwin_fcntl)
        patch.setattr(os, "fsync", darwin_fsync)
