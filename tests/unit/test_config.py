"""config.toml: remembered choices, their precedence (flag > environment > file > default), and
a mistake in the file named in one line with the valid choices, the rest still counting."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sessions.clock import SystemClock
from sessions.display import DisplaySettings
from sessions.i18n import current_language, set_language
from sessions.presence import announce_console, withdraw
from sessions.repository import SessionRepository
from tui import cli
from tui.cli import run_commands
from tui.config import Settings, chosen_language, config_dir, config_path, load_settings
from tui.keymap import load_keymap

START = ["start", "social-stoette", "--workplace", "Solsikken", "--participants", "8"]


def write_config(text: str, name: str = "config.toml") -> Path:
    path = config_dir() / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def no_ui(monkeypatch):
    launched: list[object] = []
    monkeypatch.setattr(
        run_commands, "launch", lambda *args, **kwargs: launched.append(kwargs) or 0
    )
    return launched


def test_the_file_is_in_the_platforms_config_folder_beside_keys_toml():
    assert config_path() == Path(os.environ["XDG_CONFIG_HOME"]) / "oplaeg" / "config.toml"


def test_no_file_means_the_defaults_and_no_problems():
    settings = load_settings()
    assert settings == Settings(path=config_path())
    assert settings.display_defaults == {}


def test_every_setting_is_read():
    write_config(
        'language = "en"\nlight = true\nbell = false\nfacilitator = "Mette Holm"\n'
        'themes_dir = "~/Delt/temaer"\n[keys]\nnext = "pagedown"\n'
    )
    settings = load_settings()
    assert settings.problems == ()
    assert (settings.language, settings.facilitator, settings.themes_dir) == (
        "en",
        "Mette Holm",
        "~/Delt/temaer",
    )
    assert settings.display_defaults == {"light": True, "bell": False}


def test_a_file_that_is_not_toml_is_named_with_its_line_and_the_defaults_are_used():
    path = write_config('facilitator = "Mette"\nlight = \n')
    settings = load_settings()
    assert settings.facilitator is None
    (problem,) = settings.problems
    assert str(problem).startswith(f"{path}:2: ")
    assert "TOML" in str(problem) and "\n" not in str(problem)


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ('colour = "blå"', "ukendt indstilling 'colour' (springes over); gyldige: language, light"),
        ('language = "de"', '\'language\' skal være "da" eller "en"'),
        ('light = "ja"', "'light' skal være true eller false"),
        ("bell = 1", "'bell' skal være true eller false"),
        ("facilitator = 3", "'facilitator' skal være tekst"),
        ("themes_dir = false", "'themes_dir' skal være tekst"),
    ],
)
def test_a_wrong_setting_is_named_and_the_others_still_count(line: str, said: str):
    other = 'facilitator = "Mette"' if not line.startswith("facilitator") else "bell = false"
    path = write_config(f"{line}\n{other}\n")
    settings = load_settings()
    (problem,) = settings.problems
    assert str(problem).startswith(f"{path}:1: {said}")
    assert (settings.facilitator, settings.bell) != (None, None), "the good line still counts"


def test_an_unknown_key_id_is_named_with_the_valid_ones_and_the_rest_of_keys_still_work():
    path = write_config('language = "da"\n\n[keys]\nnxet = "x"\nblank = "b,full_stop,w"\n')
    keymap, problems = load_keymap(config_dir())
    assert keymap == {"blank": "b,full_stop,w"}
    (problem,) = problems
    assert problem.startswith(f"{path}:4: [keys] 'nxet' er ikke en tast")
    assert "next" in problem and "previous" in problem and "blank" in problem
    assert load_settings().problems == (), "config.toml's own reading leaves [keys] to the keymap"


def test_keys_toml_keeps_working_and_wins_over_config_toml():
    write_config('[keys]\nnext = "space"\nblank = "w"\n')
    write_config('[keys]\nnext = "pagedown,period"\n', name="keys.toml")
    keymap, problems = load_keymap(config_dir())
    assert problems == []
    assert keymap == {"next": "pagedown,period", "blank": "w"}


def test_a_broken_keys_toml_is_named_with_its_line():
    path = write_config("[keys\nnext = 1\n", name="keys.toml")
    keymap, problems = load_keymap(config_dir())
    assert keymap == {}
    assert problems[0].startswith(f"{path}:1: ")


@pytest.mark.parametrize(
    ("flag", "env", "file", "chosen"),
    [
        ("en", "da", "da", "en"),
        (None, "en", "da", "en"),
        (None, None, "en", "en"),
        (None, None, None, "da"),
        (None, "fr", "en", "en"),
    ],
)
def test_the_language_is_the_flag_then_the_environment_then_the_file(
    monkeypatch, flag, env, file, chosen
):
    if env:
        monkeypatch.setenv("OPLAEG_LANG", env)
    language, problems = chosen_language(flag, Settings(language=file))
    assert language == chosen
    assert bool(problems) == (env == "fr")


def test_the_command_line_speaks_the_language_the_file_names(capsys, monkeypatch):
    write_config('language = "en"\n')
    assert run(capsys, "sessions")[1] == "No sessions.\n"
    monkeypatch.setenv("OPLAEG_LANG", "da")
    assert run(capsys, "sessions")[1] == "Ingen sessioner.\n"
    monkeypatch.setenv("OPLAEG_LANG", "xx")
    code, out, err = run(capsys, "sessions")
    assert (code, out) == (0, "No sessions.\n")
    assert err == "OPLAEG_LANG='xx' is not a language oplaeg knows (skipped); valid: da, en.\n"
    assert run(capsys, "--lang", "da", "sessions")[1] == "Ingen sessioner.\n"


def test_a_mistake_in_the_file_is_one_line_and_the_command_still_runs(capsys):
    path = write_config("light = ja\n")
    code, out, err = run(capsys, "sessions")
    assert (code, out) == (0, "Ingen sessioner.\n")
    assert err.count("\n") == 1 and err.startswith(f"{path}:1: ")


def test_help_says_where_the_file_is(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert str(config_path()) in capsys.readouterr().out.replace("\n", "")


def test_a_new_session_takes_the_facilitator_light_and_bell_from_the_file(
    capsys, no_ui, tmp_path: Path
):
    write_config('facilitator = "Mette Holm"\nlight = true\nbell = false\n')
    data = str(tmp_path / "data")
    assert run(capsys, "--data-dir", data, *START, "--minutes", "90")[0] == 0
    assert run(capsys, "--data-dir", data, *START, "--minutes", "90", "--facilitator", "Ib")[0] == 0
    repository = SessionRepository(Path(data), SystemClock())
    facilitators = set()
    for summary in repository.list():
        info, store = repository.open(summary.id, readonly=True)
        facilitators.add(info.details.facilitator)
        display = DisplaySettings(store).current
        assert (display.light, display.bell) == (True, False)
        store.close()
    assert facilitators == {"Mette Holm", "Ib"}, "the flag wins over the file"
    assert all(isinstance(kwargs["settings"], Settings) for kwargs in no_ui)


def test_a_shared_themes_folder_from_the_file_is_listed(capsys, tmp_path: Path):
    shared = tmp_path / "OneDrive - Firma" / "temaer"
    shared.mkdir(parents=True)
    from sessions.theme.starter import starter_theme

    (shared / "firmaets.md").write_text(starter_theme("firmaets", "Firmaets tema"), "utf-8")
    write_config(f"themes_dir = '{shared}'\n")
    code, out, _ = run(capsys, "themes")
    assert code == 0 and "firmaets" in out


def test_a_shared_themes_folder_not_there_tonight_is_named_and_oplaeg_goes_on(capsys, tmp_path):
    path = write_config(f"themes_dir = '{tmp_path / 'ikke-synkroniseret'}'\n")
    code, out, err = run(capsys, "themes")
    assert code == 0 and "social-stoette" in out
    assert err.startswith(f"{path}: themes_dir: ") and err.count("\n") == 1


def test_the_room_view_speaks_the_consoles_language(capsys, monkeypatch, tmp_path: Path):
    data = tmp_path / "data"
    spoken: list[str] = []

    class FakeRoom:
        def __init__(self, *args: object, **kwargs: object) -> None:
            spoken.append(current_language())

        def run(self) -> None:
            pass

    import tui.room

    monkeypatch.setattr(tui.room, "RoomApp", FakeRoom)
    assert run(capsys, "--data-dir", str(data), "projector")[0] == 0
    announced = announce_console(data, "20261124-solsikken", "en")  # this process: the console
    try:
        assert run(capsys, "--data-dir", str(data), "projector")[0] == 0
        assert run(capsys, "--data-dir", str(data), "--lang", "da", "projector")[0] == 0
    finally:
        withdraw(announced)
    assert spoken == ["da", "en", "da"]
    set_language("da")
