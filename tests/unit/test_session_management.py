import json
import os
import re

import pytest

from sessions.errors import OplaegError, SessionLockedError
from sessions.export import export_session
from tests.conftest import DETAILS
from tui import cli
from tui.cli import run_commands


@pytest.fixture
def exported(live, tmp_path):
    live.notebook.add(live.page.segment.id, 0, "[bold]ikke fed[/] <script> æøå 🎉", private=True)
    live.plan.save(None, "Fast tjek-ind", "AMR", "Marts", "April")
    path = tmp_path / "flyt.json"
    path.write_bytes(export_session(live.store, "json"))
    return path


def test_import_round_trips_everything(exported, repository, live):
    data = json.loads(exported.read_text(encoding="utf-8"))
    info = repository.import_export(data)
    assert info.id == live.info.id + "-2", "the original is still there"
    original = export_session(live.store, "json")
    _, store = repository.open(info.id, readonly=True)
    again = json.loads(export_session(store, "json"))
    store.close()
    before = json.loads(original)["tables"]
    before["session"]["1"]["id"] = info.id
    assert again["tables"] == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"format": "other"}, "ikke en eksport fra oplaeg"),
        ({"format": "oplaeg-session", "version": 9, "tables": {}}, "version 9"),
        ({"format": "oplaeg-session", "version": 1, "tables": {"x": []}}, 'tables."x"'),
        ({"format": "oplaeg-session", "version": 1, "tables": {"notes": {}}}, "session: mangler"),
        ([1, 2], "ikke en eksport fra oplaeg"),
    ],
)
def test_import_refuses_what_is_not_an_export(repository, data, message):
    with pytest.raises(OplaegError, match=re.escape(message)):
        repository.import_export(data)


def test_cli_import_errors_are_one_line(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert cli.main(["--data-dir", str(tmp_path / "d"), "import", str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "ikke gyldig JSON (linje 1, kolonne 2)" in err
    assert cli.main(["--data-dir", str(tmp_path / "d"), "import", str(tmp_path / "nope")]) == 1
    assert "filen findes ikke" in capsys.readouterr().err


def test_rename_delete_restore(repository, theme):
    info, store = repository.create(theme, DETAILS)
    with pytest.raises(SessionLockedError):
        repository.delete(info.id)
    repository.close(store)
    renamed = repository.rename(info.id, "  Bostøtten Nord ")
    assert renamed.details.workplace == "Bostøtten Nord"
    assert repository.list()[0].workplace == "Bostøtten Nord"
    target = repository.delete(info.id)
    assert repository.list() == []
    assert target.parent.name == "trash" and (target / "session.json").exists()
    assert repository.restore(target.name) == info.id
    assert [s.id for s in repository.list()] == [info.id]


def test_the_trash_is_emptied_after_thirty_days(repository, theme, clock):
    info, store = repository.create(theme, DETAILS)
    repository.close(store)
    repository.delete(info.id)
    repository.empty_trash()
    assert len(repository.trashed()) == 1
    clock.advance(31 * 86400)
    repository.empty_trash()
    assert repository.trashed() == []


def test_the_trash_age_comes_from_the_deletion_time_not_the_file_system(repository, theme, clock):
    info, store = repository.create(theme, DETAILS)
    repository.close(store)
    target = repository.delete(info.id)
    ancient = 86400 * 365 * 5
    os.utime(target, (ancient, ancient))  # copied from a backup: the mtime says nothing
    repository.empty_trash()
    assert repository.trashed() == [target]
    (repository.data_dir / "trash" / "no-stamp-here").mkdir()
    clock.advance(400 * 86400)
    repository.empty_trash()
    assert [p.name for p in repository.trashed()] == ["no-stamp-here"]


def test_cli_sessions_filter_rename_delete(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(run_commands, "launch", lambda *args, **kwargs: 0)
    base = ["--data-dir", str(tmp_path)]
    for workplace in ("Solsikken", "Bostøtten"):
        cli.main(
            [
                *base,
                "start",
                "social-stoette",
                "--workplace",
                workplace,
                "--participants",
                "5",
                "--minutes",
                "90",
            ]
        )
    capsys.readouterr()
    cli.main([*base, "sessions", "--json", "--workplace", "solsik"])
    (row,) = json.loads(capsys.readouterr().out)["sessions"]
    assert row["workplace"] == "Solsikken"
    assert cli.main([*base, "rename", row["id"], "Solsikken Syd"]) == 0
    assert cli.main([*base, "delete", row["id"]]) == 1, "not at a terminal: needs --yes"
    assert "--yes" in capsys.readouterr().err
    assert cli.main([*base, "delete", row["id"], "--yes"]) == 0
    capsys.readouterr()
    cli.main([*base, "trash"])
    (name,) = capsys.readouterr().out.split()
    assert cli.main([*base, "restore", name]) == 0
    cli.main([*base, "sessions", "--json", "--workplace", "syd"])
    assert json.loads(capsys.readouterr().out)["sessions"][0]["workplace"] == "Solsikken Syd"


def test_a_command_that_takes_over_a_session_says_from_whom(capsys, tmp_path, monkeypatch):
    from sessions.storage.owner import LockOwner, write_owner

    data = tmp_path / "d"
    argv = ["start", "social-stoette", "--workplace", "Solsikken", "--participants", "5"]
    argv += ["--minutes", "90", "--date", "2026-11-24", "--time", "13:00"]
    monkeypatch.setattr(run_commands, "launch", lambda *args, **kwargs: 0)
    assert cli.main(["--data-dir", str(data), *argv]) == 0
    folder = next((data / "sessions").iterdir())
    write_owner(folder, LockOwner(4_194_000, "bærbar", 0.0))  # a process that is gone
    capsys.readouterr()
    assert cli.main(["--data-dir", str(data), "rename", folder.name, "Bostøtten"]) == 0
    err = capsys.readouterr().err
    assert f"Sessionen {folder.name} var stadig åben" in err
    assert "proces 4194000 på bærbar" in err
    assert cli.main(["--data-dir", str(data), "rename", folder.name, "Igen"]) == 0
    assert "var stadig åben" not in capsys.readouterr().err, "said once, then it is closed"
