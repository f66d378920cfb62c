"""Red team V7: well-typed absurd values in an imported session — a time of -1e300, an agenda
item of 10**12 minutes — were accepted and then crashed every export and `resume`. Now each is
refused with one line naming where it is, or is imported and exports and resumes fine.

Here every kind of place in a full export (`log[*].at`, `schedule[1].items[*].minutes` …) is
tried with each absurd value, and the accepted ones together make one document per value that
must export in every format and resume. `python -m tests.faults.round_trip_campaign` tries each
value at every single place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sessions.repository import SessionRepository
from sessions.storage.locations import prepare_data_dir
from tests.import_fuzz import (
    NUMBERS,
    accepted,
    accepted_at,
    exports_and_resumes,
    full_export,
    numbers,
    one_per_shape,
    texts,
    with_values,
)
from tests.tui.helpers import library_with_fixtures
from tui import cli

LIBRARY = library_with_fixtures()


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    from sessions.clock import FakeClock

    folder = tmp_path_factory.mktemp("fuzz")
    repository = SessionRepository(prepare_data_dir(folder / "data"), FakeClock())
    return full_export(LIBRARY, repository, FakeClock())


def fresh(tmp_path: Path, clock) -> SessionRepository:
    return SessionRepository(prepare_data_dir(tmp_path / "fresh"), clock)


def test_the_full_session_leaves_something_in_every_table(document):
    from sessions.imports.answers import ANSWER_TABLES
    from sessions.imports.check import NUMBERED, SINGLE

    tables = {name for name, docs in document["tables"].items() if docs}
    assert tables >= {*SINGLE, *NUMBERED, "exercises", *ANSWER_TABLES} - {"join"}


@pytest.mark.parametrize("value", NUMBERS, ids=repr)
def test_an_absurd_number_is_refused_or_harmless(value, document, tmp_path, clock):
    shapes = one_per_shape(numbers(document))
    changes = [
        (path, value)
        for paths in shapes.values()
        if accepted_at(document, paths[0], value)
        for path in paths
    ]
    changed = together(document, changes)
    exports_and_resumes(LIBRARY, fresh(tmp_path, clock), clock, changed)


@pytest.mark.parametrize(
    "value",
    [
        "x" * 50_000,
        "",
        "\u202egnp.exe\u202c",
        "\x1b]0;hacked\x07\x1b[31m",
        "[bold]x[/] [@click=app.quit]klik[/] <script>",
        "=SUM(A1)",
        "../../etc/passwd",
    ],
    ids=["huge", "empty", "bidi", "ansi", "markup", "formula", "path"],
)
def test_an_absurd_text_is_refused_or_harmless(value, document, tmp_path, clock):
    shapes = one_per_shape(texts(document))
    changes = [
        (paths[0], value) for paths in shapes.values() if accepted_at(document, paths[0], value)
    ]
    changed = together(document, changes)
    try:
        exports_and_resumes(LIBRARY, fresh(tmp_path, clock), clock, changed)
    except Exception as error:  # the theme named by a changed theme_id is not there
        from sessions.errors import OplaegError

        assert isinstance(error, OplaegError) and "\n" not in str(error), error


def together(document: dict, changes: list) -> dict:
    """`document` with as many of `changes` as the check accepts together (each was accepted
    alone; a few depend on one another), taken in order."""
    changed = with_values(document, changes)
    if accepted(changed):
        return changed
    kept: list = []
    for change in changes:
        if accepted(with_values(document, [*kept, change])):
            kept.append(change)
    return with_values(document, kept)


# -- the red team's two cases, through the command line ----------------------------------------


def run_import(capsys, data: Path, document: dict, tmp_path: Path) -> str:
    file = tmp_path / "p.json"
    file.write_text(json.dumps(document), encoding="utf-8")
    code = cli.main(["--data-dir", str(data), "import", str(file)])
    err = capsys.readouterr().err
    assert code == 1 and len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err.strip().removeprefix(f"oplaeg: Kan ikke læse {file} ind: ")


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        (("log", "1", "at"), -1e300, "log[1].at: skal være mellem 2000-01-01 og 2199-12-31"),
        (
            ("schedule", "1", "items", 0, "minutes"),
            10**12,
            "schedule[1].items[0].minutes: skal være mellem 0 og 600",
        ),
        (
            ("state", "1", "started_at"),
            1e15,
            "state[1].started_at: skal være mellem 2000-01-01 og 2199-12-31 eller null",
        ),
        (
            ("session", "1", "details", "date"),
            "9999-12-31",
            "session[1].details.date: skal være mellem 2000-01-01 og 2199-12-31",
        ),
        (
            ("exercises", "tavle", "items", 0, "column"),
            10**12,
            'exercises["tavle"].items[0].column: skal være mellem -10000 og 10000',
        ),
        (("schedule", "1", "plan"), 0, "schedule[1].plan: skal være mellem 45 og 180"),
        (("timers", "1", "remaining"), -5, "timers[1].remaining: skal være mellem 0 og 86400"),
        (("notes", "1", "card"), 10**9, "notes[1].card: skal være mellem 0 og 10000 eller null"),
        (("session", "1", "language"), "xx", "session[1].language: skal være en af: da, en"),
    ],
    ids=["log-at", "minutes", "started", "date", "board-column", "plan", "timer", "card", "lang"],
)
def test_an_absurd_value_is_refused_in_one_line(
    path, value, problem, document, tmp_path, capsys, clock
):
    changed = with_values(document, [(path, value)])
    err = run_import(capsys, tmp_path / "data", changed, tmp_path)
    assert err == f"{problem}. Intet er ændret."


def test_too_many_agenda_items_are_refused(document, tmp_path, capsys):
    items = document["tables"]["schedule"]["1"]["items"]
    changed = with_values(document, [(("schedule", "1", "items"), items * 40)])
    err = run_import(capsys, tmp_path / "data", changed, tmp_path)
    assert err == (
        "schedule[1].items: flere poster end oplaeg nogensinde skriver (200). Intet er ændret."
    )
