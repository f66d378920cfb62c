"""A terminal driver whose input thread sleeps until a key comes.

Textual's Linux/macOS driver reads the keyboard in a thread that wakes ten times a second
(`select` with a 0.1 s timeout) to see whether it should stop and whether a lone Escape has
waited long enough to be a key. In an idle window that is most of what the program does
besides its one repaint a second: measured in tmux, the input thread took 0.14-0.16 % of a
core in each window, a third of a bare app's whole idle cost.

This driver waits without a timeout while nothing is pending: it is woken by a key, by a byte
on a pipe of its own when it is told to stop (its `exit_event` writes that byte when set), or,
while the parser holds a lone Escape, by the parser's own deadline. Everything else is
Textual's `LinuxDriver`. Windows has its own driver, and the room view in a browser
textual-serve's: neither is touched (`driver_for`). Both windows' apps are `QuietApp`s.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import time
from codecs import getincrementaldecoder
from threading import Event
from typing import TYPE_CHECKING, Any

from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.app import App
from textual.drivers.linux_driver import LinuxDriver

if TYPE_CHECKING:
    from textual.driver import Driver

PENDING_STEP = 0.1
"""While the parser holds a lone Escape and gives no deadline: look again this often."""
_UNKNOWN = object()


class _WakingEvent(Event):
    """The driver's stop signal: setting it also wakes the input thread's `select`."""

    def __init__(self, wake: int) -> None:
        super().__init__()
        self._wake = wake

    def set(self) -> None:
        super().set()
        with contextlib.suppress(OSError):  # a full pipe already wakes the thread
            os.write(self._wake, b"\0")


class QuietLinuxDriver(LinuxDriver):
    """`LinuxDriver` with an input thread that wakes only when there is something to do."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._woken, wake = os.pipe()
        os.set_blocking(self._woken, False)
        os.set_blocking(wake, False)
        self._wake = wake
        self.exit_event = _WakingEvent(wake)

    def close(self) -> None:
        super().close()
        thread = self._key_thread
        if thread is not None and thread.is_alive():
            return  # it still waits on the pipe: left to the process's end
        for fd in (self._woken, self._wake):
            with contextlib.suppress(OSError):
                os.close(fd)

    def _drain(self) -> None:
        with contextlib.suppress(OSError):  # empty (BlockingIOError) or closed
            while os.read(self._woken, 512):
                pass

    def run_input_thread(self) -> None:
        """Textual's loop (linux_driver.py, 8.x), waiting without a timeout when it can."""
        self._drain()  # a stop byte left from an earlier thread (suspend and resume)
        selector = selectors.SelectSelector()
        fileno = self.fileno
        selector.register(fileno, selectors.EVENT_READ)
        selector.register(self._woken, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        feed, tick = parser.feed, parser.tick
        decode = getincrementaldecoder("utf-8")().decode

        def process(events: list[tuple[selectors.SelectorKey, int]], final: bool = False) -> None:
            for key, mask in events:
                if key.fd == self._woken:
                    self._drain()
                elif mask & selectors.EVENT_READ:
                    data = decode(os.read(fileno, 1024 * 4), final=final)
                    if not data:
                        break  # stdin is a pipe that ended
                    for event in feed(data):
                        self.process_message(event)
            for event in tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process(selector.select(_timeout(parser)))
            selector.unregister(fileno)
            process(selector.select(0.1), final=True)
        finally:
            selector.close()
            with contextlib.suppress(EOFError, ParseError):
                for _event in feed(""):
                    pass


def _timeout(parser: XTermParser) -> float | None:
    """How long the thread may sleep: until the parser's deadline (a lone Escape becomes a
    key then), or until a key or a stop comes when nothing is pending."""
    deadline = getattr(parser, "_timeout_time", _UNKNOWN)  # Textual's name, kept in 8.x
    if deadline is None:
        return None
    if not isinstance(deadline, int | float):  # a Textual that keeps it otherwise: as before
        return PENDING_STEP
    return max(0.0, min(PENDING_STEP, deadline - time.monotonic()))


def driver_for(chosen: type[Driver]) -> type[Driver]:
    """The driver to run with, given the one Textual chose: the quiet one in place of
    `LinuxDriver` itself (a terminal on Linux or macOS); any other (Windows, a browser, a
    test's headless driver, one named in `TEXTUAL_DRIVER`) as it is."""
    return QuietLinuxDriver if chosen is LinuxDriver else chosen


class QuietApp(App[None]):
    """An app that runs for hours in a terminal (the console, the room view): Textual's driver,
    with a keyboard thread that sleeps until a key comes."""

    def get_driver_class(self) -> type[Driver]:
        return driver_for(super().get_driver_class())
