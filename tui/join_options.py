"""The command line's joining options (`--join`, `--join-host`, `--join-port`), apart from the
server so that other commands never load it."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from sessions.errors import OplaegError
from sessions.i18n import t
from sessions.join.network import bind_problem, local_address, valid_host


@dataclass(frozen=True)
class JoinOptions:
    host: str | None = None
    """Where to listen; None: the laptop's address on the local network."""
    port: int = 0
    """0: a free port (the same one again when joining is turned on again)."""
    start: bool = False
    """Start as soon as a session is presented (`--join`)."""


def add_join_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--join",
        action="store_true",
        help="let participants answer from their phones at once (J turns it on and off)",
    )
    parser.add_argument(
        "--join-host",
        default=None,
        type=_host,
        metavar="ADDRESS",
        help="where phones reach this computer (default: its local network address; "
        "127.0.0.1 for this computer only)",
    )
    parser.add_argument(
        "--join-port",
        default=0,
        type=_port,
        metavar="PORT",
        help="the port for phones (default: a free one)",
    )


def join_options(args: argparse.Namespace) -> JoinOptions:
    """The joining options given on the command line; one clear error if the address cannot be
    listened on."""
    host: str | None = getattr(args, "join_host", None)
    port: int = getattr(args, "join_port", 0)
    if host is not None or port:
        problem = bind_problem(host or local_address(), port)
        if problem is not None:
            raise OplaegError(t("join.cannot_listen", host=host or "", port=port, reason=problem))
    return JoinOptions(host, port, bool(getattr(args, "join", False)))


def _host(text: str) -> str:
    if not valid_host(text):
        raise argparse.ArgumentTypeError(f"'{text}' is not an IP address (such as 127.0.0.1)")
    return text


def _port(text: str) -> int:
    if text.isdigit() and 1 <= int(text) <= 65535:
        return int(text)
    raise argparse.ArgumentTypeError(f"'{text}' is not a port (1–65535)")
