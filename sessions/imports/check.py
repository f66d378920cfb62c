"""Checking a JSON export (`oplaeg export --format json`) before anything of it is written.

The whole document is read and checked first; the first problem found is raised as one
`ImportProblem` naming where it is (`notes[3].text: expected text`). Everything in the file is
data: ids are checked against the rule the app makes them by before one can name a folder, and
every string is cleaned of control characters as typed text is.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from sessions.agenda.countdown import MAX_COUNTDOWN_SECONDS
from sessions.exercises import kind_of
from sessions.i18n import LANGUAGES
from sessions.imports.answers import ANSWER_TABLES
from sessions.imports.file import parse_export, read_limited
from sessions.imports.shapes import (
    OPTIONAL,
    REQUIRED,
    Check,
    Fields,
    ImportProblem,
    boolean,
    choice,
    date_text,
    fail,
    in_range,
    integer,
    list_of,
    moment,
    moment_or_zero,
    nonempty_text,
    nullable,
    number_in,
    record,
    session_id,
    shown,
    text,
    time_text,
)
from sessions.models import MAX_ITEM_MINUTES, MAX_PARTICIPANTS, FollowUpStatus, NoteTag
from sessions.storage.tables import (
    AGENDA_HISTORY_TABLE,
    DISPLAY_TABLE,
    EXERCISES_TABLE,
    REPEAT_TABLE,
)
from sessions.text import clean_text
from sessions.theme.model import LONGEST_SESSION, SHORTEST_SESSION

__all__ = ["ImportProblem", "Tables", "check_export", "read_export"]

EXPORT_FORMAT = "oplaeg-session"
EXPORT_VERSION = 1
MAX_AGENDA_ITEMS = 200
"""A theme has a dozen or two items; the planner adds a few extras."""
MAX_PLACE = 10_000
"""A page's step, a card's number, the page shown: far more than any theme has."""

Tables = dict[str, dict[str, dict[str, Any]]]


def read_export(path: Path) -> Tables:
    """Read and check an export file: the cleaned tables, or `ImportProblem`."""
    return check_export(parse_export(read_limited(path)))


# -- the tables of a session ------------------------------------------------------------------

TAGS = tuple(tag.value for tag in NoteTag)
ACTION_FIELDS: Fields = {
    "what": (text, REQUIRED),
    "who": (text, OPTIONAL),
    "when": (text, OPTIONAL),
    "follow_up": (text, OPTIONAL),
    "created_at": (moment_or_zero, OPTIONAL),
}
# Every value is checked for its range too, so that what passes can be exported and resumed.
MINUTES = in_range(0, MAX_ITEM_MINUTES)
PLAN = in_range(SHORTEST_SESSION, LONGEST_SESSION)
PLACE = in_range(0, MAX_PLACE)
SECONDS = number_in(0, MAX_COUNTDOWN_SECONDS)
DETAILS = record(
    {
        "workplace": (nonempty_text, REQUIRED),
        "date": (date_text, REQUIRED),
        "start_time": (time_text, REQUIRED),
        "facilitator": (text, REQUIRED),
        "participants": (in_range(1, MAX_PARTICIPANTS), REQUIRED),
        "plan": (PLAN, REQUIRED),
        "sector": (text, OPTIONAL),
    }
)
PLANNED_SEGMENT = record(
    {
        "id": (text, REQUIRED),
        "title": (text, REQUIRED),
        "kind": (text, REQUIRED),
        "minutes": (MINUTES, REQUIRED),
    }
)
AGENDA_ITEM = record(
    {
        "id": (text, REQUIRED),
        "title": (text, REQUIRED),
        "kind": (text, REQUIRED),
        "minutes": (MINUTES, REQUIRED),
        "minimum": (MINUTES, OPTIONAL),
        "original_minutes": (MINUTES, OPTIONAL),
        "skipped": (boolean, OPTIONAL),
        "extra": (boolean, OPTIONAL),
        "format": (nullable(text), OPTIONAL),
        "optional": (boolean, OPTIONAL),
        "planned_minutes": (MINUTES, OPTIONAL),
    }
)
SCHEDULE = record(
    {
        "plan": (PLAN, REQUIRED),
        "theme_plan": (nullable(PLAN), OPTIONAL),
        "items": (list_of(AGENDA_ITEM, MAX_AGENDA_ITEMS), REQUIRED),
    }
)

SINGLE = {
    "session": record(
        {
            "id": (session_id, REQUIRED),
            "theme_id": (text, REQUIRED),
            "theme_title": (text, REQUIRED),
            "details": (DETAILS, REQUIRED),
            "created_at": (moment, REQUIRED),
            "agenda": (list_of(PLANNED_SEGMENT, MAX_AGENDA_ITEMS), OPTIONAL),
            "language": (choice(LANGUAGES), OPTIONAL),  # the referat is written in it
        }
    ),
    "schedule": SCHEDULE,
    AGENDA_HISTORY_TABLE: record(
        {"schedule": (SCHEDULE, REQUIRED), "change": (text, REQUIRED), "at": (moment, REQUIRED)}
    ),
    DISPLAY_TABLE: record(
        {
            "blank": (boolean, OPTIONAL),
            "notes_to_room": (boolean, OPTIONAL),
            "bell": (boolean, OPTIONAL),
            "light": (boolean, OPTIONAL),
        }
    ),
    "plan": record({"next_follow_up": (text, OPTIONAL)}),
    REPEAT_TABLE: record(
        {
            "from_session": (text, REQUIRED),
            "from_date": (text, OPTIONAL),
            "title": (text, OPTIONAL),
            "low": (in_range(0, 8), REQUIRED),
            "high": (in_range(1, 9), REQUIRED),
            "labels": (list_of(text), OPTIONAL),
            "statements": (
                list_of(
                    record(
                        {
                            "text": (text, REQUIRED),
                            "counts": (list_of(in_range(0, MAX_PARTICIPANTS * 10)), REQUIRED),
                        }
                    )
                ),
                REQUIRED,
            ),
        }
    ),
    "state": record(
        {
            "segment_id": (nullable(text), OPTIONAL),
            "index": (PLACE, OPTIONAL),
            "started_at": (nullable(moment), OPTIONAL),
            "bell": (boolean, OPTIONAL),
        }
    ),
    "draft": record(
        {
            "segment_id": (text, REQUIRED),
            "text": (text, REQUIRED),
            "step": (PLACE, OPTIONAL),
            "note_id": (nullable(text), OPTIONAL),
            "tag": (nullable(choice(TAGS)), OPTIONAL),
            "private": (boolean, OPTIONAL),
        }
    ),
}
"""Tables holding one document, under the key "1"."""

NUMBERED = {
    "notes": record(
        {
            "segment_id": (text, REQUIRED),
            "text": (text, REQUIRED),
            "created_at": (moment, REQUIRED),
            "updated_at": (moment, OPTIONAL),
            "tag": (nullable(choice(TAGS)), OPTIONAL),
            "step": (PLACE, OPTIONAL),
            "private": (boolean, OPTIONAL),
            "card": (nullable(PLACE), OPTIONAL),
        }
    ),
    "actions": record(ACTION_FIELDS),
    "followup": record(
        {
            "action": (record(ACTION_FIELDS), REQUIRED),
            "from_session": (text, OPTIONAL),
            "from_date": (date_text, REQUIRED),  # the referat writes it out as a date
            "status": (nullable(choice(tuple(s.value for s in FollowUpStatus))), OPTIONAL),
            "comment": (text, OPTIONAL),
        }
    ),
    "timers": record(
        {
            "key": (text, REQUIRED),
            "duration": (SECONDS, REQUIRED),
            "remaining": (SECONDS, REQUIRED),
            "ends_at_wall": (nullable(moment), OPTIONAL),
        }
    ),
    "log": record({"segment_id": (text, REQUIRED), "at": (moment, REQUIRED)}),
    "pauses": record(
        {
            "start": (moment, REQUIRED),
            "end": (nullable(moment), OPTIONAL),
            "resume": (list_of(text), OPTIONAL),
        }
    ),
}
"""Tables of many documents, keyed by a positive whole number as `SessionStore.next_id` makes."""

_NUMBER_KEY = re.compile(r"[1-9][0-9]{0,8}")

TOP_LEVEL: Fields = {
    "format": (text, REQUIRED),
    "version": (integer, REQUIRED),
    "tables": (lambda value, where: value, REQUIRED),  # checked table by table below
    "oplaeg": (text, OPTIONAL),  # the version of oplaeg that wrote it
    "exported_at": (text, OPTIONAL),
    "private_notes": (boolean, OPTIONAL),  # whether notes marked 'kun til mig' are included
}


def check_export(data: object) -> Tables:
    """The cleaned tables of an export, or `ImportProblem` for the first thing wrong."""
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise fail("", "not_export")
    if data.get("version") != EXPORT_VERSION:
        raise fail("version", "version", version=json.dumps(data.get("version"))[:20])
    record(TOP_LEVEL)(data, "")  # types of the other top-level fields; no unknown ones
    tables = data["tables"]
    if not isinstance(tables, dict):
        raise fail("tables", "expected_object")
    checked: Tables = {}
    for name, table in tables.items():
        if table == {} and name != "session":
            continue  # an empty table holds nothing (older versions exported them so)
        if name in SINGLE:
            checked[name] = _single_table(name, table, SINGLE[name])
        elif name in NUMBERED:
            checked[name] = _numbered_table(name, table, NUMBERED[name])
        elif name == EXERCISES_TABLE:
            checked[name] = _exercises_table(table)
        elif name in ANSWER_TABLES:
            checked[name] = ANSWER_TABLES[name](table)
        else:
            raise fail(f"tables.{shown(name)}", "unknown_table")
    if "session" not in checked:
        raise fail("session", "missing")
    return checked


def _documents(name: str, table: object) -> dict[str, object]:
    if not isinstance(table, dict):
        raise fail(name, "expected_object")
    return table


def _single_table(name: str, table: object, check: Check) -> dict[str, dict[str, Any]]:
    documents = _documents(name, table)
    if list(documents) != ["1"]:
        raise fail(name, "only_one")
    return {"1": check(documents["1"], f"{name}[1]")}


def _numbered_table(name: str, table: object, check: Check) -> dict[str, dict[str, Any]]:
    checked: dict[str, dict[str, Any]] = {}
    for key, document in _documents(name, table).items():
        if not _NUMBER_KEY.fullmatch(key):
            raise fail(f"{name}[{shown(key)}]", "bad_number_key")
        checked[key] = check(document, f"{name}[{key}]")
    return checked


_SEGMENT_KEY = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
"""An exercise's document is keyed by its segment's id (or, in the first format, a number)."""


def _exercises_table(table: object) -> dict[str, dict[str, Any]]:
    """Each exercise's document: a known kind, and a state its kind can read."""
    checked: dict[str, dict[str, Any]] = {}
    for key, document in _documents(EXERCISES_TABLE, table).items():
        where = f"{EXERCISES_TABLE}[{shown(key)}]"
        if not _SEGMENT_KEY.fullmatch(key):
            raise fail(where, "bad_segment_key")
        if not isinstance(document, dict):
            raise fail(where, "expected_object")
        cleaned = _cleaned(document, where)
        kind = kind_of(str(cleaned.get("format")))
        if kind is None:
            raise fail(f"{where}.format", "unknown_exercise")
        try:
            kind.load(cleaned)
        except (TypeError, ValueError, KeyError, AttributeError, IndexError):
            raise fail(where, "bad_exercise") from None
        checked[key] = cleaned
    return checked


def _cleaned(value: Any, where: str) -> Any:
    """`value` with every string cleaned as typed text is (nesting is already bounded), and
    every number within what an exercise counts (a column, a speaker, votes, a scale's end):
    a column of 10**12 would otherwise make a board of that many columns."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_cleaned(item, f"{where}[{number}]") for number, item in enumerate(value)]
    if isinstance(value, dict):
        cleaned: dict[str, Any] = {}
        for key, item in value.items():
            if clean_text(key) != key:
                raise fail(f"{where}.{shown(key)}", "bad_name")
            named = key if key.isidentifier() and key.isascii() else shown(key)
            cleaned[key] = _cleaned(item, f"{where}.{named}")
        return cleaned
    if isinstance(value, float) and not math.isfinite(value):
        raise fail(where, "expected_number")
    counts = isinstance(value, int | float) and not isinstance(value, bool)
    if counts and not -MAX_PLACE <= value <= MAX_PLACE:
        raise fail(where, "out_of_range", low=-MAX_PLACE, high=MAX_PLACE)
    return value
