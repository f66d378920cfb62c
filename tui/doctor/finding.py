"""What one check found: fine, worth knowing, or something to fix before tomorrow."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    OK = "ok"
    WARN = "warn"  # works, but worth knowing or improving
    FAIL = "fail"  # will not work tomorrow as it is


@dataclass(frozen=True)
class Finding:
    """One line of the report: the check's name (a catalogue key), what was found, and for a
    problem what to do (already in the user's language)."""

    name: str
    status: Status
    found: str
    advice: str = ""

    @property
    def failed(self) -> bool:
        return self.status is Status.FAIL


def ok(name: str, found: str) -> Finding:
    return Finding(name, Status.OK, found)


def warn(name: str, found: str, advice: str) -> Finding:
    return Finding(name, Status.WARN, found, advice)


def fail(name: str, found: str, advice: str) -> Finding:
    return Finding(name, Status.FAIL, found, advice)
