"""A hint that a session's files changed: how the room view hears of the console's writes the
moment they are on disk, without waking for nothing in between.

The room view listens on a UDP port of its own on the loopback address (nothing from another
computer can reach it) and says which, beside its presence, in `run/hint-….json`. After each
write to a session's files, the writer sends an empty datagram to every port announced for
that session (`RoomHints.send`). A hint carries nothing: the room view only looks at the
files' stamps again, which stay the truth, so a lost, late, doubled or forged hint costs at
most a few `stat` calls, and a flood of them is read at most `MAX_LOOKS_PER_SECOND` times a
second. While nothing is written, the listening thread sleeps in `recvfrom`: no wake-ups.

Nothing here imports a web framework or Textual; a `socket` and a thread, on every platform.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

from sessions.presence import listener_ports, run_dir

LOOPBACK = "127.0.0.1"
REREAD_SECONDS = 1.0
"""How long a writer trusts the list of listening ports it read while the `run/` folder looks
unchanged (a room view that came or went changes it at once: its record is added or
removed)."""
MAX_LOOKS_PER_SECOND = 200
"""A hostile process flooding the port costs the room view at most this many looks."""
MAX_PORTS = 16
"""At most this many room views are told (more would be someone writing records)."""


class RoomHints:
    """Tells the room views that follow `session_id` (None: every room view) that its files
    changed. Safe to call from any thread; never raises, never blocks."""

    def __init__(self, data_dir: Path, session_id: str | None) -> None:
        self.data_dir = data_dir
        self.session_id = session_id
        self._ports: tuple[int, ...] = ()
        self._read_at = -REREAD_SECONDS
        self._folder_stamp = -1
        self._guard = threading.Lock()

    def send(self) -> None:
        with contextlib.suppress(Exception):  # a hint is never worth a failed save
            ports = self._current_ports()
            if not ports:
                return
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sender:
                sender.setblocking(False)
                for port in ports:
                    with contextlib.suppress(OSError):
                        sender.sendto(b"", (LOOPBACK, port))

    def _current_ports(self) -> tuple[int, ...]:
        now = time.monotonic()
        try:
            folder_stamp = os.stat(run_dir(self.data_dir)).st_mtime_ns
        except OSError:
            return ()  # no window has ever announced anything here
        with self._guard:
            if folder_stamp != self._folder_stamp or now - self._read_at >= REREAD_SECONDS:
                self._ports = listener_ports(self.data_dir, self.session_id)[:MAX_PORTS]
                self._read_at = now
                self._folder_stamp = folder_stamp
            return self._ports


def hint_all(data_dir: Path) -> None:
    """Tell every room view to look (the console now presents another session)."""
    RoomHints(data_dir, None).send()


class HintListener:
    """Calls `heard` from its own thread when a hint arrives: at once for the first after a
    quiet spell, at most `MAX_LOOKS_PER_SECOND` times a second under a flood (the hints that
    came meanwhile count as one). `port` is where to send them; 0 if no port could be had
    (then nothing is heard, and the file watch alone tells)."""

    def __init__(self, heard: Callable[[], object]) -> None:
        self._heard = heard
        self._stop = threading.Event()
        self._socket: socket.socket | None = None
        self.port = 0
        try:
            listening = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            listening.bind((LOOPBACK, 0))
        except OSError:
            return
        self._socket = listening
        self.port = int(listening.getsockname()[1])
        self._thread = threading.Thread(target=self._run, name="oplaeg-hints", daemon=True)

    @property
    def alive(self) -> bool:
        return self._socket is not None and self._thread.is_alive()

    def start(self) -> None:
        if self._socket is not None:
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        listening = self._socket
        if listening is None:
            return
        with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.sendto(b"", (LOOPBACK, self.port))  # wakes the thread from recvfrom
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=1.0)
        with contextlib.suppress(OSError):
            listening.close()

    def _run(self) -> None:
        listening = self._socket
        assert listening is not None
        gap = 1.0 / MAX_LOOKS_PER_SECOND
        last = -gap
        while not self._stop.is_set():
            try:
                _data, sender = listening.recvfrom(16)
            except OSError:  # a datagram too long (Windows says so), a closed socket, …
                if self._stop.wait(gap):
                    return
                continue
            if self._stop.is_set():
                return
            if not _loopback(sender):
                continue
            wait = last + gap - time.monotonic()
            if wait > 0 and self._stop.wait(wait):
                return
            _drain(listening)
            last = time.monotonic()
            with contextlib.suppress(Exception):  # the file watch goes on telling
                self._heard()


def _loopback(sender: object) -> bool:
    try:
        return ipaddress.ip_address(sender[0]).is_loopback  # type: ignore[index]
    except (TypeError, ValueError, IndexError):
        return False


def _drain(listening: socket.socket) -> None:
    """Read what else has come (one look answers them all), a bounded number."""
    listening.setblocking(False)
    try:
        for _ in range(1024):
            listening.recvfrom(16)
    except OSError:
        pass
    finally:
        listening.setblocking(True)
