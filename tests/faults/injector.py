"""Fail chosen file-system calls of the session store with a real `OSError`, as a full or a
failing disk would.

The injector wraps the `os` functions the store writes through (open with O_CREAT, write,
fsync, ftruncate, replace) and only touches calls on files inside one folder, so pytest and
everything else run normally. Every call it sees is a numbered *point* with a label such as
`write journal` or `fsync directory`; a plan says which points fail and with which errno.
"""

from __future__ import annotations

import errno as errno_codes
import os
import random
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

# Cutting the journal back after a failed write is recovery, not a new write: a disk that has
# just refused a write still lets a file shrink. It is faulted only by tests that ask for it.
RECOVERY = "cut journal"


def kind_of(path: str) -> str:
    name = os.path.basename(path)
    if os.path.isdir(path):
        return "directory"
    if name.startswith(".tmp-"):
        return "temp"
    if name == "journal.jsonl":
        return "journal"
    if name == "session.json":
        return "snapshot"
    if name == "lock":
        return "lock"
    return "other"


@dataclass
class Plan:
    """Which points fail. `decide(index, label)` returns an errno to raise, or None."""

    decide: Callable[[int, str], int | None]


def fail_at(point: int, code: int) -> Plan:
    """One failure, at the `point`-th call (0-based)."""
    return Plan(lambda index, _label: code if index == point else None)


def fail_from(point: int, code: int) -> Plan:
    """Every call from the `point`-th on fails (a disk that stays full), until healed."""
    return Plan(lambda index, label: code if index >= point and label != RECOVERY else None)


def fail_randomly(rng: random.Random, rate: float, spell: tuple[int, int]) -> Plan:
    """Now and then a spell of failures (ENOSPC or EIO) of random length, as a disk filling
    up and being freed, or a flaky device."""
    state = {"left": 0, "code": errno_codes.ENOSPC}

    def decide(_index: int, label: str) -> int | None:
        if label == RECOVERY:
            return None
        if state["left"] == 0 and rng.random() < rate:
            state["left"] = rng.randint(*spell)
            state["code"] = rng.choice((errno_codes.ENOSPC, errno_codes.EIO))
        if state["left"]:
            state["left"] -= 1
            return state["code"]
        return None

    return Plan(decide)


@dataclass
class Injector:
    root: Path
    plan: Plan | None = None
    trace: list[str] = field(default_factory=list)
    failed: list[tuple[int, str, int]] = field(default_factory=list)
    _fds: dict[int, str] = field(default_factory=dict)

    def heal(self) -> None:
        """Space is back / the device works again."""
        self.plan = None

    def _inside(self, path: str) -> bool:
        try:
            return Path(os.path.abspath(path)).is_relative_to(self.root)
        except (TypeError, ValueError):
            return False

    def _point(self, label: str) -> None:
        index = len(self.trace)
        self.trace.append(label)
        code = self.plan.decide(index, label) if self.plan else None
        if code is not None:
            self.failed.append((index, label, code))
            raise OSError(code, os.strerror(code))


@contextmanager
def inject(root: Path, plan: Plan | None = None) -> Iterator[Injector]:
    """Install an injector for files under `root` (a plan may be set or changed later)."""
    injector = Injector(Path(os.path.abspath(root)), plan)
    real = {name: getattr(os, name) for name in ("open", "close", "write", "fsync", "ftruncate")}
    real_replace, real_mkdir = os.replace, os.mkdir

    def fake_open(path, flags, mode=0o777, *, dir_fd=None):  # type: ignore[no-untyped-def]
        path_text = os.fsdecode(path)
        watched = dir_fd is None and injector._inside(path_text)
        if watched and flags & os.O_CREAT and not os.path.exists(path_text):
            injector._point(f"open {kind_of(path_text)}")
        fd = real["open"](path, flags, mode, dir_fd=dir_fd)
        if watched:
            injector._fds[fd] = path_text
        return fd

    def fake_close(fd):  # type: ignore[no-untyped-def]
        injector._fds.pop(fd, None)
        return real["close"](fd)

    def fake_write(fd, data):  # type: ignore[no-untyped-def]
        if fd in injector._fds:
            injector._point(f"write {kind_of(injector._fds[fd])}")
        return real["write"](fd, data)

    def fake_fsync(fd):  # type: ignore[no-untyped-def]
        if isinstance(fd, int) and fd in injector._fds:
            injector._point(f"fsync {kind_of(injector._fds[fd])}")
        return real["fsync"](fd)

    def fake_ftruncate(fd, length):  # type: ignore[no-untyped-def]
        if fd in injector._fds:
            caller = sys._getframe(1).f_code.co_name
            injector._point(RECOVERY if caller == "_cut_back" else "reset journal")
        return real["ftruncate"](fd, length)

    def fake_replace(src, dst, **kwargs):  # type: ignore[no-untyped-def]
        if injector._inside(os.fsdecode(dst)):
            injector._point(f"replace {kind_of(os.fsdecode(dst))}")
        return real_replace(src, dst, **kwargs)

    def fake_mkdir(path, mode=0o777, *, dir_fd=None):  # type: ignore[no-untyped-def]
        if dir_fd is None and injector._inside(os.fsdecode(path)):
            injector._point("make folder")
        return real_mkdir(path, mode, dir_fd=dir_fd)

    os.mkdir = fake_mkdir  # type: ignore[assignment]
    os.open, os.close, os.write = fake_open, fake_close, fake_write  # type: ignore[assignment]
    os.fsync, os.ftruncate, os.replace = fake_fsync, fake_ftruncate, fake_replace  # type: ignore[assignment]
    try:
        yield injector
    finally:
        for name, function in real.items():
            setattr(os, name, function)
        os.replace, os.mkdir = real_replace, real_mkdir
