import json
import os
from pathlib import Path

import pytest

from sessions.theme.library import bundled_content_dir, theme_files
from tui import cli
from tui.cli import run_commands

BROKEN = """---
id: broken
title: Broken
summary: x
---

## Oplæg
kind: presentation
minutes: 90 / 100
"""


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def no_ui(monkeypatch):
    launched = []
    monkeypatch.setattr(
        run_commands,
        "launch",
        lambda library, repo, session_id, join=None, settings=None: (
            launched.append(session_id) or 0
        ),
    )
    return launched


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as caught:
        cli.main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("oplaeg ")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["start", "social-stoette", "--minutes", "60"], "mangler: --workplace, --participants"),
        (["start", "x", "--minutes", "30"], "--minutes: '30' er ikke en længde for en session"),
        # Python 3.11 quotes the choices ('md', 'html' …), 3.12 and later do not.
        (["export", "x", "--format", "pdf"], "'pdf' kan ikke bruges (vælg "),
        (["bogus"], "KOMMANDO: 'bogus' kan ikke bruges"),
        (["sessions", "--workplace"], "--workplace: mangler en værdi"),
        (["themes", "--nope"], "ukendt: --nope"),
        (["--lang", "en", "start", "x", "--participants", "x"], "'x' is not a whole number"),
    ],
)
def test_bad_arguments_give_one_line_in_the_users_language(capsys, argv, said):
    with pytest.raises(SystemExit) as caught:
        cli.main(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert said in err and "--help" in err


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("da", ["Brug: oplaeg start", "tilvalg:", "--workplace NAVN", "vis denne hjælp"]),
        ("en", ["Usage: oplaeg start", "options:", "--workplace NAME", "show this help"]),
    ],
)
def test_help_is_in_the_users_language(capsys, language, words):
    with pytest.raises(SystemExit):
        cli.main(["--lang", language, "start", "--help"])
    out = capsys.readouterr().out
    assert all(word in out for word in words), out
    assert out.count("tilvalg:" if language == "da" else "options:") == 1, "one group of options"
    english = ["show this help message", "positional arguments", "usage:"]
    assert language == "en" or not any(word in out for word in english)


def test_themes(capsys):
    code, out, _ = run(capsys, "themes")
    assert code == 0
    assert "social-stoette" in out
    code, out, _ = run(capsys, "themes", "--json")
    rows = {row["id"]: row for row in json.loads(out)}
    assert rows["social-stoette"]["minutes"] == {"45": 45, "90": 90, "120": 120}
    assert rows["social-stoette"]["origin"] == "bundled"


def test_start_sessions_export(capsys, tmp_path, no_ui):
    code, _, err = run(
        capsys,
        "start",
        "social-stoette",
        "--workplace",
        "Solsikken",
        "--participants",
        "12",
        "--minutes",
        "120",
        "--date",
        "2026-11-24",
        "--time",
        "09:00",
    )
    assert code == 0 and "20261124-0900-solsikken" in err
    assert no_ui == ["20261124-0900-solsikken"]
    code, out, _ = run(capsys, "sessions", "--json")
    (row,) = json.loads(out)
    assert (row["id"], row["workplace"], row["notes"], row["plan"]) == (
        "20261124-0900-solsikken",
        "Solsikken",
        0,
        120,
    )
    code, out, _ = run(capsys, "export", "2026")
    assert code == 0 and "**Arbejdsplads:** Solsikken" in out
    target = tmp_path / "r.json"
    code, _, _ = run(
        capsys, "export", "20261124-0900-solsikken", "--format", "json", "-o", str(target)
    )
    assert json.loads(target.read_text())["format"] == "oplaeg-session"
    code, _, err = run(capsys, "export", "20261124-0900-solsikken", "-o", str(target))
    assert code == 1 and err.strip().endswith("findes allerede (brug --force for at erstatte den).")
    assert len(err.strip().splitlines()) == 1
    code, _, _ = run(capsys, "export", "20261124-0900-solsikken", "-o", str(target), "--force")
    assert code == 0 and target.read_text().startswith("# Referat")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "nope"], "Der er ingen session 'nope'"),
        (["resume", "nope"], "Der er ingen session 'nope'"),
        (
            ["start", "nope", "--workplace", "x", "--participants", "3", "--minutes", "90"],
            "Der er intet tema 'nope'",
        ),
        (
            [
                "start",
                "social-stoette",
                "--workplace",
                " ",
                "--participants",
                "3",
                "--minutes",
                "90",
            ],
            "Arbejdspladsen skal have et navn",
        ),
        (["themes", "--themes-dir", "/no/such/folder"], "Temamappen /no/such/folder kan ikke"),
    ],
)
def test_errors_are_one_clear_line(capsys, argv, message, no_ui):
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert message in err
    assert "Traceback" not in err


def test_unwritable_data_dir(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, "--data-dir", str(blocker / "sub"), "sessions")
    assert code == 1 and "en del af stien er en fil, ikke en mappe" in err


def test_check(capsys, tmp_path):
    code, out, _ = run(capsys, "check", str(Path(bundled_content_dir())))
    bundled = len(theme_files(bundled_content_dir()))
    assert code == 0 and f"{bundled} temafiler er i orden" in out
    bad = tmp_path / "broken.md"
    bad.write_text(BROKEN)
    code, _, err = run(capsys, "check", str(bad))
    assert code == 1
    lines = err.strip().splitlines()
    assert all(line.startswith(f"{bad}:") for line in lines)
    assert any(
        ":7: segmentet 'Oplæg': et oplæg skal have mindst én '### Slide'" in line for line in lines
    )
    code, _, err = run(capsys, "--lang", "en", "check", str(bad))
    assert ":7: segment 'Oplæg': a presentation needs at least one '### Slide'" in err
    code, _, err = run(capsys, "check", str(tmp_path / "missing.md"))
    assert code == 1 and "filen eller mappen findes ikke" in err


def test_check_warns_about_a_file_not_named_after_its_theme(capsys, tmp_path):
    source = next(iter(theme_files(bundled_content_dir())))
    theme_id = source.stem
    renamed = tmp_path / "mit-tema.md"
    renamed.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run(capsys, "check", str(renamed))
    assert code == 0, "a warning, not an error"
    assert f"{renamed}:1: advarsel: filen hedder 'mit-tema.md'" in err
    assert f"kald den '{theme_id}.md'" in err
    assert "1 temafil er i orden" in out
    (tmp_path / f"{theme_id}.md").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    renamed.unlink()
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 0 and "filen hedder" not in err


def test_lang_en(capsys):
    code, out, _ = run(capsys, "--lang", "en", "sessions")
    assert out.strip() == "No sessions."


def test_data_dir_from_environment(capsys, tmp_path, monkeypatch, no_ui):
    monkeypatch.setenv("OPLAEG_DATA_DIR", str(tmp_path / "env-data"))
    run(
        capsys,
        "start",
        "social-stoette",
        "--workplace",
        "A",
        "--participants",
        "3",
        "--minutes",
        "90",
    )
    assert list((tmp_path / "env-data" / "sessions").iterdir())
    assert os.environ["OPLAEG_DATA_DIR"].startswith(str(tmp_path))


def test_handout_and_invitation_say_what_they_wrote(capsys, tmp_path):
    target = tmp_path / "handout.html"
    code, _, err = run(capsys, "handout", "social-stoette", "--format", "html", "-o", str(target))
    assert code == 0 and err.strip() == f"Uddelingsarket er gemt i {target}"
    assert "Referatet" not in err and "<h1>Social støtte" in target.read_text(encoding="utf-8")
    target = tmp_path / "invitation.md"
    code, _, err = run(
        capsys, "handout", "social-stoette", "--invitation", "--minutes", "120", "-o", str(target)
    )
    assert code == 0 and err.strip() == f"Invitationen er gemt i {target}"
    assert target.read_text(encoding="utf-8").startswith("# Invitation: Social støtte")
    code, out, _ = run(capsys, "--lang", "en", "handout", "social-stoette", "--invitation")
    assert code == 0 and "## Who should come?" in out


def test_export_the_action_plan_as_a_workbook(capsys, tmp_path, no_ui):
    run(
        capsys,
        "start",
        "social-stoette",
        "--workplace",
        "Solsikken",
        "--participants",
        "12",
        "--minutes",
        "90",
        "--date",
        "2026-11-24",
        "--time",
        "09:00",
    )
    target = tmp_path / "plan.xlsx"
    code, _, err = run(capsys, "export", "2026", "--format", "xlsx", "-o", str(target))
    assert code == 0 and err.strip() == f"Handlingsplanen er gemt i {target}"
    assert target.read_bytes()[:2] == b"PK"
    target = tmp_path / "flyt.json"
    code, _, err = run(capsys, "export", "2026", "--format", "json", "-o", str(target))
    assert code == 0 and "private" in err


def test_argparse_speaks_through_the_shipped_gettext_catalogue(capsys):
    """argparse's own words come from tui/locale (no pattern matching of its English): the
    compiled catalogues are what their .po files say, and each language's words reach the
    user."""
    from tests.msgfmt import catalogues, compile_mo, read_po

    assert {po.parent.parent.name for po in catalogues()} == {"da", "en"}
    for po in catalogues():
        assert po.with_suffix(".mo").read_bytes() == compile_mo(read_po(po.read_text("utf-8"))), (
            f"{po} changed: run python -m tests.msgfmt"
        )
    with pytest.raises(SystemExit):
        cli.main(["--lang", "da", "export", "x", "--format", "pdf"])
    assert "kan ikke bruges (vælg " in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["--lang", "en", "export", "x", "--format", "pdf"])
    assert "cannot be used (choose " in capsys.readouterr().err
