"""A data folder (or `--themes-dir`) that cannot be used gives one clear line and a non-zero
exit, for every command and for starting the app, before anything else happens."""

from __future__ import annotations

import contextlib
import os
import subprocess
from pathlib import Path

import pytest

from sessions.export import export_session
from tui import cli
from tui.cli import run_commands

THEME_ARGS = ["--workplace", "X", "--participants", "5", "--minutes", "90"]


def commands(export_file: Path) -> dict[str, list[str]]:
    return {
        "app": [],
        "start": ["start", "social-stoette", *THEME_ARGS],
        "resume": ["resume", "20261124"],
        "themes": ["themes"],
        "sessions": ["sessions"],
        "rename": ["rename", "20261124", "Ny"],
        "delete": ["delete", "20261124", "--yes"],
        "trash": ["trash"],
        "restore": ["restore", "x"],
        "import": ["import", str(export_file)],
        "export": ["export", "20261124"],
        "new-theme": ["new-theme", "abc"],
        "handout": ["handout", "social-stoette"],
    }


@pytest.fixture
def export_file(live, tmp_path) -> Path:
    path = tmp_path / "good.json"
    path.write_bytes(export_session(live.store, "json"))
    return path


@contextlib.contextmanager
def unwritable_folder(tmp_path: Path):
    """A folder this process cannot write in: by its mode, or (as root, whom modes do not
    stop) a read-only tmpfs."""
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            yield folder
        finally:
            folder.chmod(0o700)
        return
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"as root, a read-only folder needs a mount: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def bad_place(kind: str, tmp_path: Path) -> Path:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    return {
        "a file": blocker,
        "inside a file": blocker / "data",
        "a name too long": tmp_path / ("n" * 300),
        "a path too long": tmp_path.joinpath(*["d" * 200] * 25),
    }[kind]


REASONS = {
    "a file": "det er en fil, ikke en mappe",
    "inside a file": "en del af stien er en fil, ikke en mappe",
    "a name too long": "stien er for lang",
    "a path too long": "stien er for lang",
}


def run_failing(capsys, monkeypatch, argv: list[str]) -> str:
    launched: list[object] = []
    monkeypatch.setattr(run_commands, "launch", lambda *args, **kwargs: launched.append(args) or 0)
    code = cli.main(argv)
    err = capsys.readouterr().err
    assert code != 0, argv
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    assert launched == [], "the app never starts"
    return err.strip()


@pytest.mark.parametrize("kind", list(REASONS))
@pytest.mark.parametrize("command", list(commands(Path("x"))))
def test_a_data_folder_that_cannot_be_used(
    kind, command, tmp_path, capsys, monkeypatch, export_file
):
    place = bad_place(kind, tmp_path)
    err = run_failing(
        capsys, monkeypatch, ["--data-dir", str(place), *commands(export_file)[command]]
    )
    assert err.startswith("oplaeg: Datamappen ")
    assert err.endswith(f"kan ikke bruges: {REASONS[kind]}.")
    assert len(err) < 250, "a long path is shortened in the message"


@pytest.mark.parametrize("command", list(commands(Path("x"))))
def test_a_data_folder_that_cannot_be_written(command, tmp_path, capsys, monkeypatch, export_file):
    with unwritable_folder(tmp_path) as locked:
        for place in (locked, locked / "data"):
            argv = ["--data-dir", str(place), *commands(export_file)[command]]
            err = run_failing(capsys, monkeypatch, argv)
            assert err.startswith(f"oplaeg: Datamappen {place} kan ikke bruges: ")
            reasons = (
                "du har ikke lov til at skrive der.",
                "den ligger på et skrivebeskyttet drev.",
            )
            assert err.endswith(reasons), err


@pytest.mark.parametrize("kind", ["a file", "a name too long", "missing"])
def test_a_themes_folder_that_cannot_be_used(kind, tmp_path, capsys, monkeypatch):
    place = tmp_path / "nowhere" if kind == "missing" else bad_place(kind, tmp_path)
    for argv in (["themes"], [], ["start", "social-stoette", *THEME_ARGS]):
        full = ["--data-dir", str(tmp_path / "data"), "--themes-dir", str(place), *argv]
        err = run_failing(capsys, monkeypatch, full)
        assert err.startswith("oplaeg: Temamappen ")
        expected = {"missing": "den findes ikke"}.get(kind) or REASONS[kind]
        assert err.endswith(f"kan ikke bruges: {expected}.")


def test_in_english_with_lang_en(tmp_path, capsys, monkeypatch):
    place = bad_place("a file", tmp_path)
    err = run_failing(capsys, monkeypatch, ["--lang", "en", "--data-dir", str(place), "sessions"])
    assert err == f"oplaeg: The data folder {place} cannot be used: it is a file, not a folder."
