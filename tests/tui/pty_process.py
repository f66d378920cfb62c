"""A program run in a pseudo-terminal, as a terminal emulator runs it: its screen read as it is
drawn (a program whose output nobody reads blocks), its keyboard written to."""

from __future__ import annotations

import os
import pty
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class PtyProcess:
    child: subprocess.Popen[bytes]
    master: int
    screen: bytearray = field(default_factory=bytearray)
    """Everything the program drew, as it came."""

    def type(self, text: str | bytes) -> None:
        os.write(self.master, text.encode() if isinstance(text, str) else text)


def start_in_pty(argv: list[str], env: dict[str, str]) -> PtyProcess:
    """`argv` started in a new pseudo-terminal and session, from the checkout's folder."""
    master, slave = pty.openpty()
    child = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, start_new_session=True
    )
    os.close(slave)
    process = PtyProcess(child, master)

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            process.screen.extend(chunk)

    threading.Thread(target=drain, daemon=True).start()
    return process
