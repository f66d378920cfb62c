"""Leaving when the terminal goes away: SIGHUP (a closed window, a dropped SSH connection,
`tmux kill-session`) or SIGTERM.

First what is typed is saved and the session closed, which releases its lock; then the app is
asked to exit. Textual's own shutdown can hang once the terminal is gone: its output thread
stops, and `App._shutdown → LinuxDriver.close → WriterThread.stop → Queue.put` then waits for
room in the output queue for ever. So a watchdog ends the process with `os._exit` a few seconds
after the signal, once the data is safe.

The handlers are plain `signal.signal` handlers, not asyncio's `loop.add_signal_handler`: those
run only when the event loop gets to them, and a loop stuck in a blocking call never does (the
process then ignored SIGTERM and kept the lock). A plain handler runs even then, because a
blocked lock wait is interrupted by the signal. It only hands the work to the event loop and
starts the watchdog; if the loop does not save within `SAVE_WAIT_SECONDS`, the watchdog saves.

Windows has no SIGHUP: closing the console window (its ✕), logging off or shutting down sends a
console control event, which Python turns into no signal. There a handler is registered with
`SetConsoleCtrlHandler` (through ctypes); Windows calls it on a thread of its own and ends the
process when it returns (or after about 5 seconds), so it starts the same save and waits for
it. What no platform lets a program catch — kill -9, Task Manager's "End task", a power cut —
leaves the draft as it was saved a moment after the last keystroke.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any, Protocol

from textual.app import App

SAVE_WAIT_SECONDS = 1.5
"""How long the event loop has to save before the watchdog does it instead."""
FORCE_EXIT_AFTER_SECONDS = 3.5
"""From the signal to the forced exit, if the clean one has not happened: inside the 5 s the
user is promised, with room for a busy machine."""
SIGNALS = ("SIGTERM", "SIGHUP")
CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT = 2, 5, 6
"""Windows' console control events that mean the window or the session is going away (Ctrl+C
and Ctrl+Break, 0 and 1, are left to their usual handling)."""
WINDOW_CLOSED_EVENTS = (CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT)


class ExitingApp(Protocol):
    def exit(self) -> None: ...


class ShutdownGuard:
    """Saves once, exits cleanly if it can, and for certain within `force_after` seconds."""

    def __init__(
        self,
        app: ExitingApp,
        save: Callable[[], None],
        *,
        save_wait: float = SAVE_WAIT_SECONDS,
        force_after: float = FORCE_EXIT_AFTER_SECONDS,
        force_exit: Callable[[int], object] = os._exit,
    ) -> None:
        self._app = app
        self._save = save
        self._save_wait = save_wait
        self._force_after = force_after
        self._force_exit = force_exit
        self._loop: asyncio.AbstractEventLoop | None = None
        self._saving = threading.Lock()
        self.saved = threading.Event()
        self.signalled = threading.Event()
        self._console_handler: object = None  # kept alive while Windows may call it

    def install(self) -> None:
        """Call on the event loop's thread (the main thread), e.g. in `on_mount`."""
        self._loop = asyncio.get_running_loop()
        for name in SIGNALS:
            number = getattr(signal, name, None)
            if number is not None:
                signal.signal(number, self._on_signal)
        self._install_console_handler()

    def _install_console_handler(self) -> None:
        """Windows: save when the console window is closed (see the module's docstring)."""
        if sys.platform != "win32":
            return
        import ctypes
        from ctypes import wintypes

        handler_type = ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.DWORD)
        self._console_handler = handler_type(self._on_console_event)
        ctypes.windll.kernel32.SetConsoleCtrlHandler(self._console_handler, True)

    def _on_console_event(self, event: int) -> int:
        """Called by Windows on a thread of its own; returning ends the process."""
        if event not in WINDOW_CLOSED_EVENTS:
            return 0  # not ours: Ctrl+C goes on to Python's own handling
        self._on_signal(0, None)
        self.saved.wait(self._force_after)
        return 1

    def _on_signal(self, _number: int, _frame: FrameType | None) -> None:
        if self.signalled.is_set():
            return  # a second signal: the watchdog is already on its way
        self.signalled.set()
        threading.Thread(target=self._watch, name="oplaeg-shutdown", daemon=True).start()
        if self._loop is not None:
            with contextlib.suppress(RuntimeError):  # the loop has ended: the watchdog saves
                self._loop.call_soon_threadsafe(self._save_and_exit)

    def _save_and_exit(self) -> None:
        """On the event loop: the ordinary way out."""
        self.save_once()
        self._app.exit()

    def save_once(self) -> None:
        """Run the save at most once, whichever thread gets here first."""
        with self._saving:
            if self.saved.is_set():
                return
            try:
                self._save()
            finally:
                self.saved.set()

    def _watch(self) -> None:
        started = time.monotonic()
        if not self.saved.wait(self._save_wait):
            # The event loop is stuck: save from here (its thread is blocked, not saving).
            helper = threading.Thread(target=self._save_quietly, daemon=True)
            helper.start()
            helper.join(max(0.0, self._force_after - self._save_wait - 0.5))
        time.sleep(max(0.0, self._force_after - (time.monotonic() - started)))
        self._force_exit(0 if self.saved.is_set() else 1)

    def _save_quietly(self) -> None:
        with contextlib.suppress(Exception):  # nothing must keep the process from ending
            self.save_once()


def install_shutdown(app: App[Any], save: Callable[[], None]) -> ShutdownGuard | None:
    """Make SIGHUP and SIGTERM save with `save`, then end the app within a few seconds.
    Not in a headless app (`run_test`): it has no terminal to lose, and the handlers would
    outlive it in the test process."""
    if app.is_headless:
        return None
    guard = ShutdownGuard(app, save)
    guard.install()
    return guard


def announce_takeovers(app: App[Any], takeovers: list[str]) -> None:
    """Tell the user about sessions taken over from a process that ended without closing them
    (the messages name that process)."""
    for message in takeovers:
        app.notify(message, markup=False, timeout=20)
    takeovers.clear()
