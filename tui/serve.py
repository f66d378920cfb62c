"""`oplaeg projector --browser`: the room view in a web browser, served by textual-serve from
this computer only (unless another address is asked for), on a free port."""

from __future__ import annotations

import argparse
import os
import shlex
import socket
import sys
from pathlib import Path

from sessions.i18n import current_language, t

LOOPBACK = "127.0.0.1"


def free_port(host: str) -> int:
    """A port nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def room_command(data_dir: Path, session_id: str | None, themes_dir: str | None = None) -> str:
    """The command textual-serve runs for each browser that connects: a terminal room view
    with the same data, themes and language as this one."""
    parts = [sys.executable, "-m", "tui.cli", "--data-dir", str(data_dir)]
    parts += ["--lang", current_language()]
    parts += ["--themes-dir", themes_dir] if themes_dir else []
    parts += ["projector", "--served"] + ([session_id] if session_id else [])
    # `exec`: the shell textual-serve starts becomes the room view, so the room view's parent
    # is the server and it can tell when the server is gone.
    return ("exec " if os.name == "posix" else "") + shlex.join(parts)


def serve_room(
    data_dir: Path, session_id: str | None, host: str, port: int, args: argparse.Namespace
) -> int:
    from tui.room_server import RoomServer  # loaded only for the browser

    if host != LOOPBACK:
        print(t("cli.serve_warning", host=host), file=sys.stderr)
    port = port or free_port(host)
    url = f"http://{host}:{port}"
    print(t("cli.serve_address", url=url), flush=True)
    command = room_command(data_dir, session_id, getattr(args, "themes_dir", None))
    server = RoomServer(command, host=host, port=port, title="oplaeg")
    server.serve()
    return 0
