"""Well-typed absurd values in an export (red team V7): a full session's export with one value
replaced by -1e300, 10**12, a huge string … must be refused with one line, or be imported and
then export in every format and resume. Shared by `tests/unit/test_import_fuzz.py` (values
grouped: one document per absurd value) and the long campaign (each value at each place)."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

from sessions.clock import FakeClock
from sessions.export import FORMATS, export_session
from sessions.imports.check import ImportProblem, check_export
from sessions.live import LiveSession
from sessions.models import NoteTag
from sessions.repository import SessionRepository
from sessions.theme.library import ThemeLibrary
from tests.round_trip import no_fsync, run_session

Path_ = tuple[str | int, ...]

NUMBERS: list[float | int] = [
    -1e300,
    1e300,
    -(10**12),
    10**12,
    2**63,
    -1,
    0,
    0.5,
    1e-300,
    10**15,
]
TEXTS = [
    "x" * 200_000,
    "",
    " ",
    "\u202egnp.exe\u202c",
    "\x1b]0;hacked\x07\x1b[31m",
    "[bold]x[/] [@click=app.quit]klik[/] <script>",
    "=SUM(A1)",
    "../../etc/passwd",
    "a\nb\r\nc",
    "ø" * 1000,
]

EVERYTHING = (
    True,  # follows up an earlier plan
    [
        ("note", "Første note", NoteTag.IDEA, False, 1),
        ("note", "Kun til mig", None, True, -1),
        ("action", "Fast tjek-ind", "AMR", "1. marts 2027"),
        ("follow up", 0, None, "i gang"),
        ("timer", "start"),
        ("pause",),
        ("wait", 61),
        ("pause",),
        *[
            step
            for position in range(1, 40)
            for step in (
                ("wait", 600),
                ("page", "go", position),
                ("exercise", 1, "Et punkt"),
                ("exercise", 2, "Et til"),
                ("phone", "scale", 3, ""),
                ("phone", "vote", 1, ""),
                ("phone", "slip", 1, "Fra en telefon"),
                ("note", f"Note på side {position}", None, False, 0),
            )
        ],
        ("moderate", True, ""),
        ("rebalance", True),
        ("agenda", "extra", 2, 1),
        ("display", "light"),
        ("draft", "halvt skrevet"),
        ("finish", True),
    ],
)
"""A session that leaves something in every table an export holds."""


def full_export(library: ThemeLibrary, repository: SessionRepository, clock: FakeClock) -> dict:
    with no_fsync():
        live = run_session(library, repository, clock, EVERYTHING)
        try:
            return json.loads(export_session(live.store, "json"))
        finally:
            live.close()


def leaves(node: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every value that is not an object or a list, with where it is."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, (*path, key))
    elif isinstance(node, list):
        for number, value in enumerate(node):
            yield from leaves(value, (*path, number))
    else:
        yield path, node


def numbers(document: dict) -> list[Path_]:
    return [
        path
        for path, value in leaves(document["tables"])
        if isinstance(value, int | float) and not isinstance(value, bool)
    ]


def texts(document: dict) -> list[Path_]:
    return [path for path, value in leaves(document["tables"]) if isinstance(value, str)]


def with_values(document: dict, changes: list[tuple[Path_, Any]]) -> dict:
    changed = copy.deepcopy(document)
    for path, value in changes:
        target: Any = changed["tables"]
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return changed


def accepted(document: dict) -> bool:
    try:
        check_export(document)
    except ImportProblem as problem:
        assert "\n" not in str(problem), "a refusal is one line"
        return False
    return True


def exports_and_resumes(
    library: ThemeLibrary, repository: SessionRepository, clock: FakeClock, document: dict
) -> None:
    """Import `document`, export it in every format, and resume it: walk every page, with its
    countdown, the timing and the agenda — what a restarted console reads."""
    with no_fsync():
        info = repository.import_export(document)
        _, store = repository.open(info.id, readonly=True)
        try:
            for export_format in FORMATS:
                assert export_session(store, export_format, include_private=True)
        finally:
            store.close()
        live = LiveSession.open(repository, library, info.id, clock)
        try:
            for position in range(len(live.pages)):
                live.go_to(position)
                live.timing()
                live.pace()
                live.agenda()
                live.break_return()
                live.timers.for_page(live.page)
                if live.page.segment.format is not None:
                    live.exercises.state(live.page.segment)
            live.rounds()
        finally:
            live.close()


def shape(path: Path_) -> Path_:
    """`("log", "7", "at")` → `("log", "*", "at")`: places that hold the same kind of value."""
    return tuple("*" if isinstance(key, int) or str(key).isdigit() else key for key in path)


def one_per_shape(paths: list[Path_]) -> dict[Path_, list[Path_]]:
    shapes: dict[Path_, list[Path_]] = {}
    for path in paths:
        shapes.setdefault(shape(path), []).append(path)
    return shapes


def accepted_at(document: dict, path: Path_, value: Any) -> bool:
    """Whether the check accepts `value` at `path` (set in place and put back: no copy)."""
    target: Any = document["tables"]
    for key in path[:-1]:
        target = target[key]
    before = target[path[-1]]
    target[path[-1]] = value
    try:
        return accepted(document)
    finally:
        target[path[-1]] = before
