"""`oplaeg import` checks the whole file before it writes anything: hostile or broken files give
one clear line, a non-zero exit, and a data folder left exactly as it was."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from sessions.export import export_session
from sessions.followup.repeat import EarlierStatement, Repeat
from sessions.imports.check import NUMBERED, SINGLE, ImportProblem
from sessions.imports.file import MAX_DEPTH, MAX_EXPORT_BYTES
from sessions.models import Action, Draft, NoteTag
from tui import cli


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under `folder`."""
    if not folder.exists():
        return {}
    return {
        str(path.relative_to(folder)): None if path.is_dir() else path.read_bytes()
        for path in sorted(folder.rglob("*"))
    }


@pytest.fixture
def full(live, clock):
    """A session with something in every table an export holds."""
    live.nav.start()
    live.notebook.add(live.page.segment.id, 0, "Æ [b] <i>", NoteTag.IDEA, private=True, card=1)
    live.plan.save(None, "Fast tjek-ind", "AMR", "Marts", "April")
    live.plan.set_next_follow_up("uge 10")
    live.carry_over(live.info, [Action("1", "Gammel handling", "Leder")], "Opfølgning")
    earlier = (EarlierStatement("Jeg kan sige fra", (0, 1, 2, 1, 0)),)
    live.ask_again(Repeat("tidligere", "2026-09-01", "", 1, 5, ("Lav", "Høj"), earlier), "Sidst")
    live.display.change(light=True)
    round_page = next(i for i, page in enumerate(live.pages) if page.segment.format == "round")
    live.go_to(round_page)
    live.timers.start(live.page.key, live.page.seconds or 60)
    live.pause_session()
    clock.advance(30)
    live.resume_session()
    state = live.exercises.state(live.page.segment).next_speaker().next_speaker()
    live.exercises.save(live.page.segment, state)
    live.set_schedule(live.schedule.set_minutes(live.schedule.items[0].id, 4))
    live.notebook.save_draft(Draft(segment_id=live.page.segment.id, text="halvt skrevet"))
    return live


@pytest.fixture
def export(full, tmp_path) -> dict:
    return json.loads(export_session(full.store, "json"))


def test_a_session_with_every_table_round_trips(export, repository, full):
    tables = export["tables"]
    assert set(tables) == {*SINGLE, *NUMBERED, "exercises"}, "the check knows every table"
    info = repository.import_export(export)
    _, store = repository.open(info.id, readonly=True)
    again = json.loads(export_session(store, "json"))["tables"]
    store.close()
    tables["session"]["1"]["id"] = info.id
    assert again == tables


def test_private_notes_flag_is_accepted(export, repository):
    export["private_notes"] = True
    repository.import_export(export)
    export["private_notes"] = "ja"
    with pytest.raises(ImportProblem, match="private_notes: skal være true eller false"):
        repository.import_export(export)


def bad(export: dict, change) -> dict:
    document = json.loads(json.dumps(export))
    change(document)
    return document


def note_id(document: dict) -> str:
    return next(iter(document["tables"]["notes"]))


def set_in(path: list, value):
    def change(document):
        target = document
        for key in path[:-1]:
            target = target[key(document) if callable(key) else key]
        target[path[-1]] = value

    return change


def drop(path: list):
    def change(document):
        target = document
        for key in path[:-1]:
            target = target[key(document) if callable(key) else key]
        del target[path[-1]]

    return change


SESSION = ["tables", "session", "1"]
HOSTILE = {
    "id ../..": (set_in([*SESSION, "id"], "../.."), "session[1].id: er ikke et sessions-id"),
    "absolute id": (set_in([*SESSION, "id"], "/tmp/oplaeg-evil"), "session[1].id: er ikke"),
    "id with a slash": (set_in([*SESSION, "id"], "20261124-1300-a/../../b"), "session[1].id"),
    "id not text": (set_in([*SESSION, "id"], 7), "session[1].id: er ikke et sessions-id"),
    "note text a number": (
        set_in(["tables", "notes", note_id, "text"], 5),
        "notes[{note}].text: skal være tekst",
    ),
    "note text missing": (
        drop(["tables", "notes", note_id, "text"]),
        "notes[{note}].text: mangler",
    ),
    "note key a path": (
        lambda d: d["tables"]["notes"].update({"../x": d["tables"]["notes"][note_id(d)]}),
        'notes["../x"]: nøglen skal være et positivt helt tal',
    ),
    "notes a list": (set_in(["tables", "notes"], []), "notes: skal være et JSON-objekt"),
    "tables a string": (set_in(["tables"], "alt"), "tables: skal være et JSON-objekt"),
    "participants as text": (
        set_in([*SESSION, "details", "participants"], "12"),
        "session[1].details.participants: skal være et helt tal",
    ),
    "participants 0": (
        set_in([*SESSION, "details", "participants"], 0),
        "session[1].details.participants: skal være mellem 1 og 500",
    ),
    "bad date": (set_in([*SESSION, "details", "date"], "i går"), "details.date: skal være en dato"),
    "no session": (drop(["tables", "session"]), "session: mangler"),
    "two sessions": (
        set_in(["tables", "session", "2"], {}),
        'session: den eneste post skal have nøglen "1"',
    ),
    "a true number": (set_in(["tables", "log", "1", "at"], True), "log[1].at: skal være et tal"),
    "schedule items": (
        set_in(["tables", "schedule", "1", "items"], {"0": 1}),
        "schedule[1].items: skal være en liste",
    ),
    "agenda item": (
        set_in(["tables", "schedule", "1", "items", 0, "minutes"], "ti"),
        "schedule[1].items[0].minutes: skal være et helt tal",
    ),
    "tag": (set_in(["tables", "notes", note_id, "tag"], "x"), "tag: skal være en af: positive"),
    "followup status": (
        set_in(["tables", "followup", "1", "status"], 3),
        "followup[1].status: skal være en af: done, ongoing, not_started, dropped eller null",
    ),
    "the snapshot's own table": (set_in(["tables", "_meta"], {"1": {"seq": 10**9}}), '"_meta"'),
    "an unknown field": (set_in([*SESSION, "path"], "/etc"), 'session[1]."path": er ikke et felt'),
    "an unknown top-level key": (set_in(["extra"], 1), '"extra": er ikke et felt'),
    "exercise not an object": (
        set_in(["tables", "exercises", "1"], [1]),
        'exercises["1"]: skal være et JSON-objekt',
    ),
    "version 2": (set_in(["version"], 2), "eksporten er version 2"),
}


@pytest.fixture
def data_dir_with_a_session(tmp_path, capsys):
    data = tmp_path / "data"
    code = cli.main(["--data-dir", str(data), "sessions"])
    assert code == 0
    capsys.readouterr()
    return data


def run_import(capsys, data: Path, file: Path, *extra: str) -> str:
    before = tree(data)
    code = cli.main(["--data-dir", str(data), *extra, "import", str(file)])
    err = capsys.readouterr().err
    assert code == 1
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    assert tree(data) == before, "the data folder is left byte for byte as it was"
    return err.strip()


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_export_is_refused_and_changes_nothing(
    case, export, tmp_path, capsys, data_dir_with_a_session
):
    change, expected = HOSTILE[case]
    document = bad(export, change)
    file = tmp_path / "hostile.json"
    file.write_text(json.dumps(document), encoding="utf-8")
    err = run_import(capsys, data_dir_with_a_session, file)
    assert expected.format(note=note_id(export)) in err
    assert err.startswith(f"oplaeg: Kan ikke læse {file} ind: ")
    assert not Path("/tmp/oplaeg-evil").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xff\xfe{}", "ikke UTF-8-tekst (byte 0)"),
        (b'{"format": "oplaeg-session", "version": 1, "tables": ' + b"[" * 200_000, "indlejret"),
        (b"[1, 2, 3]", "ikke en eksport fra oplaeg"),
        (b"42", "ikke en eksport fra oplaeg"),
        (b'"oplaeg-session"', "ikke en eksport fra oplaeg"),
        (b"null", "ikke en eksport fra oplaeg"),
        (b"", "ikke gyldig JSON (linje 1, kolonne 1)"),
        (b'{"format": "oplaeg-session", "version": NaN}', "ikke gyldig JSON"),
    ],
    ids=["utf8", "deep", "list", "number", "string", "null", "empty", "nan"],
)
def test_a_file_that_is_not_an_export_is_refused(
    content, expected, tmp_path, capsys, data_dir_with_a_session
):
    file = tmp_path / "x.json"
    file.write_bytes(content)
    assert expected in run_import(capsys, data_dir_with_a_session, file)


def test_nesting_inside_an_exercise_is_bounded(export, tmp_path, capsys, data_dir_with_a_session):
    nested: object = 1
    for _ in range(MAX_DEPTH + 5):
        nested = {"a": nested}
    export["tables"]["exercises"]["tjek-ind"]["deep"] = nested
    file = tmp_path / "deep.json"
    file.write_text(json.dumps(export), encoding="utf-8")
    assert f"mere end {MAX_DEPTH} niveauer" in run_import(capsys, data_dir_with_a_session, file)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, capsys, data_dir_with_a_session):
    file = tmp_path / "huge.json"
    with open(file, "wb") as handle:
        handle.truncate(MAX_EXPORT_BYTES * 4)  # sparse: costs no disk
    err = run_import(capsys, data_dir_with_a_session, file)
    assert "filen fylder 64.0 MiB; en eksport fra oplaeg fylder højst 16.0 MiB" in err


def test_an_endless_special_file_is_refused_unread(capsys, data_dir_with_a_session):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero on this system")
    err = run_import(capsys, data_dir_with_a_session, Path("/dev/zero"))
    assert "det er ikke en almindelig fil (en FIFO, en enhed eller en sokkel)" in err


def test_a_folder_is_not_an_export(tmp_path, capsys, data_dir_with_a_session):
    assert "det er ikke en fil" in run_import(capsys, data_dir_with_a_session, tmp_path)


def test_the_message_is_in_english_with_lang_en(export, tmp_path, capsys, data_dir_with_a_session):
    document = bad(export, set_in(["tables", "notes", note_id, "text"], ["x"]))
    file = tmp_path / "x.json"
    file.write_text(json.dumps(document), encoding="utf-8")
    err = run_import(capsys, data_dir_with_a_session, file, "--lang", "en")
    assert err == (
        f"oplaeg: Cannot import {file}: notes[{note_id(export)}].text: expected text. "
        "Nothing was changed."
    )


def test_a_failed_import_does_not_even_make_the_data_folder(export, tmp_path, capsys):
    file = tmp_path / "x.json"
    file.write_text(json.dumps(bad(export, set_in([*SESSION, "id"], "../.."))), encoding="utf-8")
    run_import(capsys, tmp_path / "never-made", file)
    assert not (tmp_path / "never-made").exists()


def test_control_characters_in_imported_text_are_removed(export, repository):
    first = note_id(export)
    export["tables"]["notes"][first]["text"] = "rød\x1b[31m tekst\x07 og\ud800 mere"
    export["tables"]["exercises"]["tjek-ind"]["title"] = "titel\x1b]0;hacked\x07"
    info = repository.import_export(export)
    _, store = repository.open(info.id, readonly=True)
    assert store.get("notes", first)["text"] == "rød tekst og mere"
    assert store.get("exercises", "tjek-ind")["title"] == "titel"
    store.close()


def test_an_imported_session_lands_in_the_sessions_folder(export, repository, tmp_path, capsys):
    file = tmp_path / "ok.json"
    file.write_text(json.dumps(export), encoding="utf-8")
    data = repository.data_dir
    assert cli.main(["--data-dir", str(data), "import", str(file)]) == 0
    made = [p for p in (data / "sessions").iterdir() if p.name.endswith("-2")]
    assert len(made) == 1 and (made[0] / "session.json").exists()
