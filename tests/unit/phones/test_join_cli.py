"""Joining from the command line: `--join`, `--join-host`, `--join-port` reach the app; a bad
address or port is one clear line and a non-zero exit, before anything starts."""

from __future__ import annotations

import socket

import pytest

from tui import cli
from tui.cli import run_commands
from tui.join_options import JoinOptions

START = ["start", "social-stoette", "--workplace", "Solsikken", "--participants", "12"]


@pytest.fixture
def launched(monkeypatch):
    calls: list[tuple[str | None, JoinOptions | None]] = []

    def launch(library, repository, session_id, join=None, settings=None):
        calls.append((session_id, join))
        return 0

    monkeypatch.setattr(run_commands, "launch", launch)
    return calls


def test_join_options_reach_the_app(capsys, launched):
    assert cli.main([*START, "--minutes", "90", "--join", "--join-host", "127.0.0.1"]) == 0
    session_id, join = launched[-1]
    assert join == JoinOptions(host="127.0.0.1", port=0, start=True)
    assert cli.main(["resume", session_id, "--join-port", "8799", "--join-host", "127.0.0.1"]) == 0
    assert launched[-1][1] == JoinOptions(host="127.0.0.1", port=8799, start=False)
    assert cli.main([*START, "--minutes", "90"]) == 0
    assert launched[-1][1] == JoinOptions(), "never on unless asked"


@pytest.mark.parametrize(
    "extra",
    [["--join-host", "localhost"], ["--join-port", "70000"], ["--join-port", "x"]],
)
def test_a_bad_host_or_port_is_one_line(capsys, launched, extra):
    with pytest.raises(SystemExit) as caught:
        cli.main([*START, "--minutes", "90", *extra])
    assert caught.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--join" in err
    assert launched == []


def test_an_address_that_cannot_be_listened_on_is_one_line(capsys, launched):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = cli.main(
            [*START, "--minutes", "90", "--join-host", "127.0.0.1", "--join-port", str(port)]
        )
    assert code == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and f"127.0.0.1:{port}" in err
    assert launched == []
    code = cli.main([*START, "--minutes", "90", "--join-host", "203.0.113.7"])
    assert code == 1 and "203.0.113.7" in capsys.readouterr().err
