"""The phones' tables in an imported export (`sessions.imports.check`): the scale values and votes
as they stand (one document a question), texts waiting for the consultant, and whether joining
was on. An export from before holds the answers as numbered batches; they are accepted, and
written in the current form when the session is opened."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sessions.imports.shapes import (
    OPTIONAL,
    REQUIRED,
    Check,
    boolean,
    choice,
    fail,
    in_range,
    list_of,
    nullable,
    record,
    shown,
    text,
)
from sessions.phones.answers import SlipTarget
from sessions.storage.tables import ANSWERS_TABLE, JOIN_TABLE, PHONE_ANSWERS_TABLE

_KEY = re.compile(r"(batch|slip):[1-9][0-9]{0,8}")


def _vote_pair(value: object, where: str) -> list[Any]:
    if not isinstance(value, list) or len(value) != 2:
        raise fail(where, "expected_list")
    return [text(value[0], f"{where}[0]"), _COUNT(value[1], f"{where}[1]")]


_PLACE = in_range(0, 10_000)  # a statement, a step, a column
_COUNT = in_range(0, 1_000)  # one phone's votes on an item
_VALUE = in_range(-1_000, 1_000)  # a value on a scale
_SCALE = record(
    {
        "kind": (choice(("scale",)), REQUIRED),
        "segment_id": (text, REQUIRED),
        "statement": (_PLACE, REQUIRED),
        "key": (text, REQUIRED),
        "value": (_VALUE, REQUIRED),
    }
)
_VOTE = record(
    {
        "kind": (choice(("vote",)), REQUIRED),
        "segment_id": (text, REQUIRED),
        "key": (text, REQUIRED),
        "votes": (list_of(_vote_pair), REQUIRED),
    }
)


def _entry(value: object, where: str) -> dict[str, Any]:
    kind = value.get("kind") if isinstance(value, dict) else None
    return dict(_VOTE(value, where) if kind == "vote" else _SCALE(value, where))


_BATCH = record({"kind": (choice(("batch",)), REQUIRED), "answers": (list_of(_entry), REQUIRED)})
_SLIP = record(
    {
        "kind": (choice(("slip",)), REQUIRED),
        "segment_id": (text, REQUIRED),
        "step": (_PLACE, OPTIONAL),
        "text": (text, REQUIRED),
        "target": (choice(tuple(t.value for t in SlipTarget)), REQUIRED),
        "column": (_PLACE, OPTIONAL),
    }
)
_JOIN = record(
    {
        "on": (boolean, OPTIONAL),
        "url": (text, OPTIONAL),
        "address": (text, OPTIONAL),
        "code": (text, OPTIONAL),
        "hidden_on": (nullable(text), OPTIONAL),
        "shown_on": (nullable(text), OPTIONAL),
    }
)


_PHONE_KEY = re.compile(r"[0-9a-f]{1,64}")
_QUESTION = re.compile(r"(scale:.{1,200}:[0-9]{1,4}|vote:.{1,200})", re.DOTALL)
MAX_PHONE_KEYS = 10_000
"""Phones answering one question: far more than any room; a file with more is not an export."""


def _phone_keys(value: object, where: str, check: Check) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise fail(where, "expected_object")
    if len(value) > MAX_PHONE_KEYS:
        raise fail(where, "too_many", limit=MAX_PHONE_KEYS)
    checked: dict[str, Any] = {}
    for key, answer in value.items():
        if not _PHONE_KEY.fullmatch(key):
            raise fail(f"{where}[{shown(key)}]", "bad_phone_key")
        checked[key] = check(answer, f"{where}[{shown(key)}]")
    return checked


def _scale_values(value: object, where: str) -> dict[str, Any]:
    return _phone_keys(value, where, _VALUE)


def _vote_lists(value: object, where: str) -> dict[str, Any]:
    return _phone_keys(value, where, list_of(_vote_pair))


_SCALE_NOW = record(
    {
        "kind": (choice(("scale",)), REQUIRED),
        "segment_id": (text, REQUIRED),
        "statement": (_PLACE, REQUIRED),
        "values": (_scale_values, REQUIRED),
    }
)
_VOTE_NOW = record(
    {
        "kind": (choice(("vote",)), REQUIRED),
        "segment_id": (text, REQUIRED),
        "votes": (_vote_lists, REQUIRED),
    }
)


def phone_answers_table(table: object) -> dict[str, dict[str, Any]]:
    if not isinstance(table, dict):
        raise fail(PHONE_ANSWERS_TABLE, "expected_object")
    checked: dict[str, dict[str, Any]] = {}
    for key, document in table.items():
        where = f"{PHONE_ANSWERS_TABLE}[{shown(key)}]"
        if not _QUESTION.fullmatch(key):
            raise fail(where, "bad_question_key")
        checked[key] = (_SCALE_NOW if key.startswith("scale:") else _VOTE_NOW)(document, where)
    return checked


def answers_table(table: object) -> dict[str, dict[str, Any]]:
    if not isinstance(table, dict):
        raise fail(ANSWERS_TABLE, "expected_object")
    checked: dict[str, dict[str, Any]] = {}
    for key, document in table.items():
        where = f"{ANSWERS_TABLE}[{shown(key)}]"
        if not _KEY.fullmatch(key):
            raise fail(where, "bad_answer_key")
        check = _BATCH if key.startswith("batch:") else _SLIP
        checked[key] = check(document, where)
    return checked


def join_table(table: object) -> dict[str, dict[str, Any]]:
    if not isinstance(table, dict):
        raise fail(JOIN_TABLE, "expected_object")
    if list(table) != ["1"]:
        raise fail(JOIN_TABLE, "only_one")
    return {"1": {**_JOIN(table["1"], f"{JOIN_TABLE}[1]"), "on": False}}  # never on by itself


ANSWER_TABLES: dict[str, Callable[[object], dict[str, dict[str, Any]]]] = {
    ANSWERS_TABLE: answers_table,
    PHONE_ANSWERS_TABLE: phone_answers_table,
    JOIN_TABLE: join_table,
}
