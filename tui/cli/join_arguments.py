"""The command line's joining options (`--join`, `--join-host`, `--join-port`), apart from the
server so that other commands never load it."""

from __future__ import annotations

import argparse

from sessions.errors import OplaegError
from sessions.i18n import t
from tui.join_options import JoinOptions
from tui.phones.network import bind_problem, local_address, valid_host


def add_join_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--join",
        action="store_true",
        help=t("cli.help.join"),
    )
    parser.add_argument(
        "--join-host",
        default=None,
        type=host_argument,
        metavar=t("cli.metavar.address"),
        help=t("cli.help.join_host"),
    )
    parser.add_argument(
        "--join-port",
        default=0,
        type=port_argument,
        metavar=t("cli.metavar.port"),
        help=t("cli.help.join_port"),
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


def host_argument(text: str) -> str:
    if not valid_host(text):
        raise argparse.ArgumentTypeError(t("cli.host_invalid", text=text))
    return text


def port_argument(text: str) -> int:
    if text.isdigit() and 1 <= int(text) <= 65535:
        return int(text)
    raise argparse.ArgumentTypeError(t("cli.port_invalid", text=text))
