"""`oplaeg doctor`: every line against a machine state that fails it, and the whole command
(one line each, exit code, nothing written outside a temporary folder, within seconds)."""

from __future__ import annotations

import io
import os
import shutil
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui import cli
from tui.config import config_dir, load_settings
from tui.doctor import machine, network
from tui.doctor.finding import Status
from tui.doctor.follow import check_follow
from tui.doctor.machine import check_data_folder, check_terminal, check_versions
from tui.doctor.network import check_browser, check_network, check_port
from tui.doctor.themes import check_settings, check_themes

BROKEN = "---\nid: halv\ntitle: Halv\n---\n"


class FakeTerminal(io.StringIO):
    def __init__(self, encoding: str = "utf-8") -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    def isatty(self) -> bool:
        return True


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port on loopback that another program listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as other:
        other.bind(("127.0.0.1", 0))
        other.listen(1)
        yield other.getsockname()[1]


# -- Python and oplaeg ---------------------------------------------------------------------------


def test_python_and_oplaeg_pass_here():
    finding = check_versions()
    assert finding.status is Status.OK
    assert f"Python {sys.version_info.major}.{sys.version_info.minor}" in finding.found


def test_an_old_python_fails_and_says_what_to_do():
    finding = check_versions((3, 10, 12))
    assert finding.status is Status.FAIL
    assert "3.11" in finding.advice


def test_a_mixed_installation_fails(monkeypatch):
    monkeypatch.setattr(machine, "check_installation", lambda: "sessions og tui er fra to udgaver")
    finding = check_versions()
    assert finding.status is Status.FAIL and "to udgaver" in finding.advice


# -- the data folder -----------------------------------------------------------------------------


def test_a_data_folder_with_room_passes_and_is_not_made(tmp_path: Path):
    data = tmp_path / "ny" / "data"
    finding = check_data_folder(data)
    assert finding.status is Status.OK
    assert "oprettes" in finding.found and "fri" in finding.found
    assert not (tmp_path / "ny").exists(), "the doctor writes nothing"


@pytest.mark.parametrize(
    ("free", "status"), [(10 * 1024**2, Status.FAIL), (500 * 1024**2, Status.WARN)]
)
def test_a_full_drive_fails_and_a_nearly_full_one_warns(monkeypatch, tmp_path, free, status):
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage._replace(free=free))
    finding = check_data_folder(tmp_path)
    assert finding.status is status
    assert "MB" in finding.found and "plads" in finding.advice


def test_a_data_folder_that_cannot_be_written_fails(monkeypatch, tmp_path: Path):
    monkeypatch.setattr(os, "access", lambda path, mode: False)  # root may write anywhere
    finding = check_data_folder(tmp_path / "data")
    assert finding.status is Status.FAIL
    assert "--data-dir" in finding.advice


def test_a_file_where_the_data_folder_should_be_fails(tmp_path: Path):
    (tmp_path / "data").write_text("x")
    assert check_data_folder(tmp_path / "data").status is Status.FAIL


# -- the terminal --------------------------------------------------------------------------------

GOOD_TERMINAL = {"TERM": "xterm-256color", "COLORTERM": "truecolor"}


def test_a_good_terminal_passes():
    finding = check_terminal(FakeTerminal(), GOOD_TERMINAL, os.terminal_size((120, 35)))
    assert finding.status is Status.OK
    assert finding.found == "120×35 tegn, alle farver, Unicode"


def test_not_a_terminal_says_where_to_run_it():
    finding = check_terminal(io.StringIO(), GOOD_TERMINAL)
    assert finding.status is Status.WARN and "terminalvindue" in finding.advice


def test_a_terminal_without_unicode_fails():
    finding = check_terminal(FakeTerminal("cp850"), GOOD_TERMINAL, os.terminal_size((120, 35)))
    assert finding.status is Status.FAIL
    assert "cp850" in finding.found and "UTF-8" in finding.advice


def test_a_small_terminal_warns():
    finding = check_terminal(FakeTerminal(), GOOD_TERMINAL, os.terminal_size((70, 40)))
    assert finding.status is Status.WARN and "80×24" in finding.advice


@pytest.mark.parametrize("environ", [{"TERM": "xterm"}, {"TERM": "dumb"}, {"NO_COLOR": "1"}])
def test_a_terminal_with_few_colours_warns(environ):
    finding = check_terminal(FakeTerminal(), environ, os.terminal_size((120, 35)))
    assert finding.status is Status.WARN and "farver" in finding.advice


# -- config.toml ---------------------------------------------------------------------------------


def test_no_settings_file_passes_and_says_where_it_would_be():
    finding = check_settings(load_settings())
    assert finding.status is Status.OK
    assert str(config_dir() / "config.toml") in finding.found


def test_a_mistake_in_the_settings_is_named():
    folder = config_dir()
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text('bell = "nej"\n[keys]\nnxet = "x"\n', encoding="utf-8")
    finding = check_settings(load_settings())
    assert finding.status is Status.WARN
    assert finding.found.startswith(f"{folder / 'config.toml'}:1: 'bell'")
    assert finding.found.endswith("(og 1 til)")


def test_an_unknown_language_in_the_environment_is_named(capsys, monkeypatch, tmp_path: Path):
    monkeypatch.setenv("OPLAEG_LANG", "klingon")
    code, lines, _ = run_doctor(capsys, "--data-dir", str(tmp_path / "data"))
    (settings_line,) = [line for line in lines if line[2:].startswith("Indstillinger")]
    assert settings_line.startswith("! ") and "OPLAEG_LANG='klingon'" in settings_line


# -- the room view -------------------------------------------------------------------------------


def test_a_second_process_follows_a_trial_session_and_the_time_is_measured():
    finding = check_follow()
    assert finding.status in (Status.OK, Status.WARN), finding  # slow on a loaded machine
    assert "5 ændringer" in finding.found and "ms" in finding.found


def test_no_second_window_possible_fails():
    finding = check_follow([sys.executable, "-c", "raise SystemExit(3)"], startup_seconds=10)
    assert finding.status is Status.FAIL
    assert "kode 3" in finding.found and "ét vindue" in finding.advice


def test_a_second_window_that_never_sees_a_change_fails():
    deaf = "print('ready', flush=True); import sys; sys.stdin.read()"
    finding = check_follow([sys.executable, "-c", deaf], startup_seconds=10, change_seconds=0.3)
    assert finding.status is Status.FAIL
    assert "så ikke ændringen" in finding.found


def test_a_second_window_that_cannot_start_fails(tmp_path: Path):
    finding = check_follow([str(tmp_path / "findes-ikke")])
    assert finding.status is Status.FAIL


# -- the browser room view -----------------------------------------------------------------------


def test_a_loopback_server_passes():
    assert check_browser().status is Status.OK


def test_a_port_taken_fails_the_browser_server(taken_port: int):
    finding = check_browser(port=taken_port)
    assert finding.status is Status.FAIL
    assert "--browser" in finding.advice


def test_without_textual_serve_the_browser_fails(monkeypatch):
    monkeypatch.setattr(network.importlib.util, "find_spec", lambda name: None)
    finding = check_browser()
    assert finding.status is Status.FAIL and "textual-serve" in finding.found


# -- the phones ----------------------------------------------------------------------------------


def test_no_network_for_the_phones_fails():
    finding = check_network("127.0.0.1")
    assert finding.status is Status.FAIL and "hotspot" in finding.advice


@pytest.mark.parametrize(("address", "hotspot"), [("192.168.1.23", False), ("10.42.0.1", True)])
def test_the_phones_address_is_named_with_a_reminder_to_try_it(address: str, hotspot: bool):
    finding = check_network(address)
    assert finding.status is Status.OK
    assert f"http://{address}:8765" in finding.found and "egen telefon" in finding.found
    assert ("hotspot" in finding.found) is hotspot


def test_a_free_port_passes():
    assert check_port("127.0.0.1", 0).status is Status.OK


def test_the_phones_port_taken_warns(taken_port: int):
    finding = check_port("127.0.0.1", taken_port)
    assert finding.status is Status.WARN
    assert str(taken_port) in finding.found and "anden" in finding.advice


def test_no_port_at_all_fails(monkeypatch):
    monkeypatch.setattr(network, "bind_problem", lambda host, port: "Permission denied")
    finding = check_port("192.168.1.23")
    assert finding.status is Status.FAIL and "firewall" in finding.advice


# -- the themes ----------------------------------------------------------------------------------


def test_the_bundled_themes_pass_and_nothing_is_cached(tmp_path: Path):
    finding = check_themes(tmp_path / "data", None)
    assert finding.status is Status.OK and "9 temaer" in finding.found
    assert not Path(os.environ["XDG_CACHE_HOME"]).exists(), "the cache is neither read nor written"


def test_a_broken_theme_in_the_users_themes_folder_fails(tmp_path: Path):
    themes = tmp_path / "data" / "themes"
    themes.mkdir(parents=True)
    (themes / "halv.md").write_text(BROKEN, encoding="utf-8")
    finding = check_themes(tmp_path / "data", None)
    assert finding.status is Status.FAIL
    assert f"{themes / 'halv.md'}:" in finding.found
    assert str(themes / "halv.md") in finding.advice


def test_a_themes_folder_that_is_not_there_fails(tmp_path: Path):
    finding = check_themes(tmp_path / "data", str(tmp_path / "OneDrive" / "temaer"))
    assert finding.status is Status.FAIL and "themes_dir" in finding.advice


# -- the command ---------------------------------------------------------------------------------


def run_doctor(capsys, *argv: str) -> tuple[int, list[str], float]:
    began = time.perf_counter()
    code = cli.main([*argv, "doctor"])
    seconds = time.perf_counter() - began
    out, err = capsys.readouterr()
    assert err == ""
    return code, out.splitlines(), seconds


def test_the_doctor_says_one_line_each_and_writes_nothing(capsys, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"
    before = sorted(tmp_path.rglob("*"))
    code, lines, seconds = run_doctor(capsys, "--data-dir", str(data))
    assert lines[0].startswith("oplaeg doctor")
    names = [
        "Python og oplaeg",
        "Datamappe",
        "Terminal",
        "Indstillinger",
        "Rumvisning",
        "Rumvisning i browser",
        "Telefoner",
        "Telefonernes port",
        "Temaer",
    ]
    assert [line[2:23].rstrip() for line in lines[1:-2]] == names
    assert sorted(tmp_path.rglob("*")) == before, "nothing written, not even the data folder"
    assert not Path(os.environ["XDG_CACHE_HOME"]).exists()
    failed = [line for line in lines if line.startswith("✗")]
    assert code == (1 if failed else 0)
    assert seconds < 15, "seconds on an idle laptop; generous for a loaded test machine"


def test_a_broken_theme_makes_the_doctor_fail_in_english(capsys, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(network, "bind_problem", lambda host, port: None)
    monkeypatch.setattr("tui.phones.network.local_address", lambda: "192.168.1.23")
    themes = tmp_path / "themes"
    themes.mkdir()
    (themes / "halv.md").write_text(BROKEN, encoding="utf-8")
    code, lines, _ = run_doctor(capsys, "--lang", "en", "--themes-dir", str(themes))
    assert code == 1
    (themes_line,) = [line for line in lines if "Themes" in line]
    assert themes_line.startswith("✗ Themes") and "halv.md" in themes_line and "→" in themes_line
    assert "Phones" in lines[7] and "192.168.1.23" in lines[7]
    assert lines[-2].startswith("1 thing(s) to fix")
    assert lines[-1] == "A clicker? oplaeg doctor --keys shows which key each button sends."


def test_a_check_that_breaks_is_a_line_not_a_traceback(capsys, monkeypatch, tmp_path: Path):
    def broken(*args: object) -> None:
        raise RuntimeError("uventet")

    monkeypatch.setattr("tui.doctor.themes.check_themes", broken)
    code, lines, _ = run_doctor(capsys, "--data-dir", str(tmp_path / "data"))
    assert code == 1
    assert any(line.startswith("✗ Temaer") and "RuntimeError: uventet" in line for line in lines)


def test_a_console_that_cannot_show_the_marks_gets_plain_ones(monkeypatch):
    from tui.cli.doctor import line
    from tui.doctor.finding import fail

    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO(), encoding="cp1252"))
    shown = line(fail("doctor.name.themes", "noget", "gør noget"))
    assert shown.startswith("x Temaer") and "-> gør noget" in shown


def test_the_doctor_never_waits_for_input_nor_loads_the_ui(tmp_path: Path):
    """In a fresh interpreter, with an input that never ends: it finishes by itself, in seconds,
    without Textual."""
    import subprocess

    code = (
        "import sys; from tui import cli\n"
        "status = cli.main(['--data-dir', sys.argv[1], 'doctor'])\n"
        "print('textual' in sys.modules, status in (0, 1), file=sys.stderr)\n"
    )
    began = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(tmp_path / "data")],
        stdin=subprocess.PIPE,  # left open: a doctor that read it would wait for ever
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    try:
        child.wait(timeout=30)  # stdin still open
        out, err = child.stdout.read(), child.stderr.read()  # type: ignore[union-attr]
    finally:
        child.kill()
        for stream in (child.stdin, child.stdout, child.stderr):
            stream.close()  # type: ignore[union-attr]
    assert err.strip() == "False True"
    assert "oplaeg doctor" in out
    assert time.perf_counter() - began < 30
