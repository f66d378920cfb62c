"""Run a module in a process of its own under Windows' rules (see `emulation.py`):

    python -m tests.platforms.as_windows MODULE [ARGUMENT …]

What a served room view is on Windows: the modules that pick a platform's code when they are
imported (Textual's web driver and its input reader, oplaeg's own) see `sys.platform ==
"win32"`; the rules are in force (no `select` on a pipe, text-mode descriptors, `os.replace`
refused while held, no SIGHUP, `os.kill(pid, 0)` refused); stdout is in the ANSI code page, as
a pipe's is on Windows. Only what cannot run on this machine at all is imported first, with the
real platform: Textual's core (its timer calls `kernel32.CreateWaitableTimerExW` on Windows)."""

from __future__ import annotations

import os
import runpy
import sys

import pytest
import textual.app  # noqa: F401  (imported with this machine's platform: see above)
import textual.drivers  # noqa: F401

from tests.platforms.emulation import Emulated

WINDOWS_FIRST = ("textual.drivers.web_driver", "textual.drivers._input_reader")
"""Modules that choose Windows' code on import: they must not have been imported yet."""


RECORD = "OPLAEG_AS_WINDOWS_RECORD"
"""A file to write which platform and input reader the process runs with."""


def _record(path: str) -> None:
    reader = sys.modules.get("textual.drivers._input_reader")
    name = getattr(getattr(reader, "InputReader", None), "__module__", "")
    with open(path, "w", encoding="utf-8") as out:
        out.write(f"{sys.platform} {os.name} {name}\n")


def main(argv: list[str]) -> None:
    module, *arguments = argv
    for name in WINDOWS_FIRST:
        assert name not in sys.modules, f"{name} was imported before the rules were in force"
    Emulated("windows", pytest.MonkeyPatch())  # for the rest of this process's life
    sys.stdout.reconfigure(encoding="cp1252")  # type: ignore[union-attr]  (a pipe on Windows)
    sys.argv = [module, *arguments]
    import textual.drivers.web_driver  # noqa: F401  (what TEXTUAL_DRIVER loads, under the rules)

    record = os.environ.get(RECORD)
    if record:
        _record(record)
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
