"""`oplaeg projector --browser`: the room view in a web browser, served by textual-serve from
this computer only (unless another address is asked for), on a free port.

This launch is the consultant's own room view: while it runs, it announces that a room view
follows the console's session, so the console turns into the consultant's own screen. The
browsers that connect do not announce anything (a page that connects must never be able to put
the speaker notes on a mirrored wall)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from sessions.errors import OplaegError
from sessions.i18n import current_language, t
from sessions.presence import announce_room, presented_session, withdraw
from tui.phones.network import bind_problem, url_host

LOOPBACK = "127.0.0.1"


def free_port(host: str) -> int:
    """A port nothing listens on now."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def room_command(
    data_dir: Path, session_id: str | None, themes_dir: str | None = None
) -> list[str]:
    """The command textual-serve runs for each browser that connects: a terminal room view
    with the same data, themes and language as this one, as an argument list (started
    without a shell, so nothing needs quoting on any platform)."""
    parts = [sys.executable, "-m", "tui.cli", "--data-dir", str(data_dir)]
    parts += ["--lang", current_language()]
    parts += ["--themes-dir", themes_dir] if themes_dir else []
    parts += ["projector", "--served"] + ([session_id] if session_id else [])
    return parts


class RoomPresence:
    """The consultant's browser room view follows the session the console presents (or the
    one it was started for): announced while this launch runs, withdrawn when it ends."""

    def __init__(self, data_dir: Path, session_id: str | None) -> None:
        self.data_dir = data_dir
        self.fixed = session_id
        self.following: str | None = None
        self._announcement: Path | None = None

    def follow(self) -> None:
        wanted = self.fixed or presented_session(self.data_dir)
        if wanted == self.following:
            return
        self.withdraw()
        if wanted is not None:
            self._announcement = announce_room(self.data_dir, wanted)
            self.following = wanted

    def withdraw(self) -> None:
        if self._announcement is not None:
            withdraw(self._announcement)
        self._announcement = None
        self.following = None


def check_address(host: str, port: int) -> None:
    """One clear line, before anything starts, when the address cannot be listened on."""
    problem = bind_problem(host, port)
    if problem is not None:
        raise OplaegError(t("cli.serve_cannot_listen", host=host, port=port, reason=problem))


def serve_room(
    data_dir: Path, session_id: str | None, host: str, port: int, args: argparse.Namespace
) -> int:
    from tui.room_server import RoomServer  # loaded only for the browser

    check_address(host, port)
    if host != LOOPBACK:
        print(t("cli.serve_warning", host=host), file=sys.stderr)
    port = port or free_port(host)
    url = f"http://{url_host(host)}:{port}"
    print(t("cli.serve_address", url=url), flush=True)
    argv = room_command(data_dir, session_id, getattr(args, "themes_dir", None))
    presence = RoomPresence(data_dir, session_id)
    texts = {
        "ended": t("serve.ended"),
        "restart": t("serve.restart"),
        "too_many": t("serve.too_many"),
    }
    server = RoomServer(
        argv,
        host=host,
        port=port,
        title="oplaeg",
        language=current_language(),
        texts=texts,
        every_second=presence.follow,
    )
    try:
        server.serve()
    finally:
        with contextlib.suppress(OSError):
            presence.withdraw()
    return 0
