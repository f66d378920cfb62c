"""Closing the console window on Windows: no SIGHUP there, a console control event instead. The
draft is saved and the session closed as when a terminal hangs up on Linux or macOS."""

from __future__ import annotations

import asyncio
import signal
import threading

import pytest

from tests.platforms.emulation import Emulated
from tui.shutdown import ShutdownGuard


@pytest.fixture(autouse=True)
def keep_this_process_signal_handlers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard would install SIGTERM's handler in pytest's own process."""
    monkeypatch.setattr(signal, "signal", lambda *_args: None)


class FakeApp:
    def __init__(self) -> None:
        self.exited = threading.Event()

    def exit(self) -> None:
        self.exited.set()


def guard_with(saves: list[str], exits: list[int]) -> tuple[FakeApp, ShutdownGuard]:
    app = FakeApp()
    guard = ShutdownGuard(
        app,
        lambda: saves.append("saved"),
        save_wait=0.3,
        force_after=0.8,
        force_exit=exits.append,
    )
    return app, guard


async def test_closing_the_console_window_saves_and_ends_on_windows(windows: Emulated):
    assert not hasattr(signal, "SIGHUP")
    saves: list[str] = []
    exits: list[int] = []
    app, guard = guard_with(saves, exits)
    guard.install()
    assert len(windows.console_handlers) == 1, "a console control handler is registered"
    # Windows calls the handler on a thread of its own and ends the process when it returns.
    returned = await asyncio.to_thread(windows.close_console_window)
    assert returned == [1], "handled: Windows must not end the process before the save"
    assert saves == ["saved"], "saved once, before the handler returned"
    assert app.exited.is_set(), "and the app asked to exit"
    await asyncio.sleep(1.0)
    assert exits == [0], "the watchdog's forced exit, after a successful save"


async def test_ctrl_c_is_left_to_its_usual_handling_on_windows(windows: Emulated):
    saves: list[str] = []
    _, guard = guard_with(saves, [])
    guard.install()
    handler = windows.console_handlers[0]
    assert handler(0) == 0 and handler(1) == 0, "Ctrl+C and Ctrl+Break: not ours"
    assert saves == []
    assert not guard.signalled.is_set()


async def test_nothing_is_registered_off_windows(macos: Emulated, monkeypatch):
    registered: list[object] = []
    import ctypes
    import types

    kernel32 = types.SimpleNamespace(SetConsoleCtrlHandler=lambda *a: registered.append(a))
    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(kernel32=kernel32), raising=False)
    _, guard = guard_with([], [])
    guard.install()
    assert registered == []
