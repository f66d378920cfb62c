"""The terminal driver whose input thread sleeps until a key comes (`tui/quiet_driver.py`), run
in a real pseudo-terminal: keys arrive, a lone Escape still becomes a key (the parser's
deadline wakes the thread), the app ends at once when told (the stop wakes it), and while
nothing happens the input thread does not wake ten times a second."""

from __future__ import annotations

import os
import sys
import textwrap
import time
from pathlib import Path

import pytest
from textual.drivers.headless_driver import HeadlessDriver
from textual.drivers.linux_driver import LinuxDriver
from textual.drivers.web_driver import WebDriver

from tests.tui.pty_process import start_in_pty
from tui.quiet_driver import PENDING_STEP, QuietLinuxDriver, _timeout, driver_for

ROOT = Path(__file__).resolve().parents[2]

APP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from textual.widgets import Static
    from tui.quiet_driver import QuietApp

    OUT = Path(sys.argv[1])

    class Keys(QuietApp):
        def compose(self):
            yield Static("ready")

        def on_mount(self):
            OUT.write_text(type(self._driver).__name__ + "\\n")

        def on_key(self, event):
            with OUT.open("a") as out:
                out.write(event.key + "\\n")
            if event.key == "q":
                self.exit()

    Keys().run()
    """
)


def seen(out: Path) -> list[str]:
    return out.read_text().split() if out.exists() else []


def wait_for(condition, seconds: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def input_thread_wakeups(pid: int, seconds: float) -> int:
    """Times the process's threads other than the main one were switched in (voluntarily)."""

    def switches() -> int:
        total = 0
        for task in Path(f"/proc/{pid}/task").iterdir():
            if task.name == str(pid):
                continue
            for line in (task / "status").read_text().splitlines():
                if line.startswith("voluntary_ctxt_switches"):
                    total += int(line.split()[1])
        return total

    before = switches()
    time.sleep(seconds)
    return switches() - before


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
def test_keys_a_lone_escape_and_quitting_work_and_idle_input_sleeps(tmp_path):
    out = tmp_path / "keys.txt"
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "60", "LINES": "10"}
    env.pop("TEXTUAL_DRIVER", None)
    process = start_in_pty([sys.executable, "-c", APP, str(out)], env)
    child, master = process.child, process.master
    try:
        assert wait_for(lambda: seen(out)[:1] == ["QuietLinuxDriver"]), seen(out)
        time.sleep(0.3)
        if Path("/proc").is_dir():
            woke = input_thread_wakeups(child.pid, 1.5)
            assert woke < 8, f"the input thread woke {woke} times in 1.5 s of nothing"
        os.write(master, b"a")
        assert wait_for(lambda: "a" in seen(out))
        os.write(master, b"\x1b")  # Escape alone: a key only once the parser's deadline passed
        assert wait_for(lambda: "escape" in seen(out), 3.0), seen(out)
        os.write(master, b"\x1b[B")  # an escape sequence is one key, not Escape and letters
        assert wait_for(lambda: "down" in seen(out))
        began = time.monotonic()
        os.write(master, b"q")
        child.wait(timeout=5)
        assert time.monotonic() - began < 2.0, "the stop wakes the input thread at once"
        assert seen(out)[1:] == ["a", "escape", "down", "q"]
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(master)


def test_the_thread_sleeps_without_a_deadline_and_wakes_for_one():
    class Parser:
        _timeout_time: float | None = None

    parser = Parser()
    assert _timeout(parser) is None  # type: ignore[arg-type]
    parser._timeout_time = time.monotonic() + 0.05
    assert 0.0 < _timeout(parser) <= 0.05  # type: ignore[arg-type, operator]
    parser._timeout_time = time.monotonic() - 1
    assert _timeout(parser) == 0.0, "a deadline passed: look at once"  # type: ignore[arg-type]
    assert _timeout(object()) == PENDING_STEP, "a Textual without the name: poll as before"  # type: ignore[arg-type]


def test_only_the_terminal_driver_is_replaced():
    assert driver_for(LinuxDriver) is QuietLinuxDriver
    assert driver_for(HeadlessDriver) is HeadlessDriver, "a test's"
    assert driver_for(WebDriver) is WebDriver, "the room view in a browser"
    assert issubclass(QuietLinuxDriver, LinuxDriver)
