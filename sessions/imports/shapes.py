"""The shapes a value of an imported file may have: small checkers that each take the value
and where it is (`notes[3].text`), and return it cleaned or raise `ImportProblem`."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from sessions.errors import OplaegError
from sessions.i18n import t
from sessions.models import FIRST_YEAR, LAST_YEAR, is_session_id
from sessions.text import clean_text

Check = Callable[[object, str], Any]


class ImportProblem(OplaegError):
    """The file is not an export this oplaeg can read; `where` says which part (may be '')."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem


def fail(where: str, key: str, **params: object) -> ImportProblem:
    template = t(f"import.{key}")
    return ImportProblem(where, template.format(**params) if params else template)


def text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise fail(where, "expected_text")
    return clean_text(value)


def nonempty_text(value: object, where: str) -> str:
    cleaned = text(value, where)
    if not cleaned.strip():
        raise fail(where, "empty")
    return cleaned


def number(value: object, where: str) -> float | int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise fail(where, "expected_number")
    if isinstance(value, float) and not math.isfinite(value):
        raise fail(where, "expected_number")
    return value


EARLIEST = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC).timestamp()
LATEST = datetime(LAST_YEAR + 1, 1, 1, tzinfo=UTC).timestamp()
"""A stored moment (epoch seconds) outside these years is not from a real session, and could
not be shown as a clock time on every platform."""
_FIRST_DAY, _LAST_DAY = f"{FIRST_YEAR}-01-01", f"{LAST_YEAR}-12-31"


def moment(value: object, where: str) -> float | int:
    """A wall-clock time as stored (epoch seconds) in the years a session may be in."""
    seconds = number(value, where)
    if not EARLIEST <= seconds < LATEST:
        raise fail(where, "out_of_range", low=_FIRST_DAY, high=_LAST_DAY)
    return seconds


def moment_or_zero(value: object, where: str) -> float | int:
    """A moment, or 0 for "not known" (an action carried over from an earlier session)."""
    seconds = number(value, where)
    return seconds if seconds == 0 else moment(seconds, where)


def number_in(low: float, high: float) -> Check:
    def checked(value: object, where: str) -> float | int:
        amount = number(value, where)
        if not low <= amount <= high:
            raise fail(where, "out_of_range", low=low, high=high)
        return amount

    return checked


def integer(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail(where, "expected_integer")
    return value


def boolean(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise fail(where, "expected_bool")
    return value


def nullable(check: Check) -> Check:
    def checked(value: object, where: str) -> Any:
        if value is None:
            return None
        try:
            return check(value, where)
        except ImportProblem as problem:
            raise ImportProblem(where, t("import.or_null", problem=problem.problem)) from None

    return checked


def choice(values: tuple[str, ...]) -> Check:
    def checked(value: object, where: str) -> str:
        if not isinstance(value, str) or value not in values:
            raise fail(where, "choice", choices=", ".join(values))
        return value

    return checked


def whole_choice(values: tuple[int, ...]) -> Check:
    def checked(value: object, where: str) -> int:
        whole = integer(value, where)
        if whole not in values:
            raise fail(where, "choice", choices=", ".join(str(v) for v in values))
        return whole

    return checked


def list_of(check: Check, most: int | None = None) -> Check:
    """A list of values `check` accepts; at most `most` of them when given."""

    def checked(value: object, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise fail(where, "expected_list")
        if most is not None and len(value) > most:
            raise fail(where, "too_many", limit=most)
        return [check(item, f"{where}[{number}]") for number, item in enumerate(value)]

    return checked


def in_range(low: int, high: int) -> Check:
    def checked(value: object, where: str) -> int:
        whole = integer(value, where)
        if not low <= whole <= high:
            raise fail(where, "out_of_range", low=low, high=high)
        return whole

    return checked


def date_text(value: object, where: str) -> str:
    cleaned = text(value, where)
    try:
        day = datetime.strptime(cleaned, "%Y-%m-%d")
    except ValueError:
        raise fail(where, "bad_date") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise fail(where, "out_of_range", low=_FIRST_DAY, high=_LAST_DAY)
    return cleaned


_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def time_text(value: object, where: str) -> str:
    cleaned = text(value, where)
    if not _TIME.fullmatch(cleaned):
        raise fail(where, "bad_time")
    return cleaned


def session_id(value: object, where: str) -> str:
    if not isinstance(value, str) or not is_session_id(value):
        raise fail(where, "bad_session_id")
    return value


REQUIRED, OPTIONAL = True, False
Fields = Mapping[str, tuple[Check, bool]]


def record(fields: Fields) -> Check:
    """An object with exactly these fields (the optional ones may be left out)."""

    def checked(value: object, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise fail(where, "expected_object")
        for name in value:
            if name not in fields:
                raise fail(f"{where}.{shown(name)}", "unknown_field")
        for name, (_, required) in fields.items():
            if required and name not in value:
                raise fail(f"{where}.{name}", "missing")
        # In the file's own order, so that an imported session exports as it was exported.
        return {name: fields[name][0](item, f"{where}.{name}") for name, item in value.items()}

    return checked


def shown(key: str) -> str:
    """A key from the file, safe and short enough to name in a message."""
    shown = json.dumps(key, ensure_ascii=True)
    return shown if len(shown) <= 42 else shown[:40] + '…"'
