"""Every command and option of `oplaeg`, with its help in the user's language."""

from __future__ import annotations

import argparse

from sessions import __version__
from sessions.export import FORMATS
from sessions.i18n import LANGUAGES, t
from sessions.theme.model import DEFAULT_PLANS, LONGEST_SESSION, SHORTEST_SESSION
from sessions.theme.notes import OTHER_SECTOR, SECTORS
from tui.cli.join_arguments import add_join_arguments, host_argument, port_argument
from tui.cli.parsing import OneLineParser, whole_number

LOOPBACK = "127.0.0.1"


def session_minutes(text: str) -> int:
    """A session length from the command line, or argparse's one-line error."""
    if text.isdigit() and SHORTEST_SESSION <= int(text) <= LONGEST_SESSION:
        return int(text)
    raise argparse.ArgumentTypeError(
        t("cli.minutes_invalid", text=text, shortest=SHORTEST_SESSION, longest=LONGEST_SESSION)
    )


def _common_options() -> OneLineParser:
    """The options every command takes."""
    common = OneLineParser(add_help=False)
    directory = t("cli.metavar.dir")
    common.add_argument(
        "--data-dir", metavar=directory, default=argparse.SUPPRESS, help=t("cli.help.data_dir")
    )
    common.add_argument(
        "--themes-dir", metavar=directory, default=argparse.SUPPRESS, help=t("cli.help.themes_dir")
    )
    common.add_argument(
        "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=t("cli.help.lang")
    )
    return common


def _output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar=t("cli.metavar.file"), help=t("cli.help.output"))
    parser.add_argument("--force", action="store_true", help=t("cli.help.force"))


def build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    from tui.config import config_path

    parser = OneLineParser(
        prog="oplaeg",
        description=t("cli.description"),
        epilog=t("cli.epilog", path=config_path()),
        parents=[common],
    )
    parser.add_argument(
        "--version", action="version", version=f"oplaeg {__version__}", help=t("cli.help.version")
    )
    commands = parser.add_subparsers(
        dest="command",
        title=t("cli.commands"),
        metavar=t("cli.metavar.command"),
        parser_class=OneLineParser,
    )

    def command(name: str) -> argparse.ArgumentParser:
        made: argparse.ArgumentParser = commands.add_parser(
            name, parents=[common], help=t(f"cli.help.{name.replace('-', '_')}")
        )
        return made

    start = command("start")
    start.add_argument("theme", help=t("cli.help.theme_id"))
    start.add_argument("--workplace", required=True, help=t("cli.help.workplace"))
    start.add_argument(
        "--participants", required=True, type=whole_number, help=t("cli.help.participants")
    )
    start.add_argument(
        "--minutes",
        required=True,
        type=session_minutes,
        help=t("cli.help.minutes", shortest=SHORTEST_SESSION, longest=LONGEST_SESSION),
    )
    start.add_argument("--facilitator", default=None, help=t("cli.help.facilitator"))
    start.add_argument(
        "--sector", default="andet", choices=(*SECTORS, OTHER_SECTOR), help=t("cli.help.sector")
    )
    start.add_argument("--date", default=None, help=t("cli.help.date"))
    start.add_argument("--time", default=None, help=t("cli.help.time"))
    add_join_arguments(start)

    resume = command("resume")
    resume.add_argument("session", help=t("cli.help.session"))
    add_join_arguments(resume)

    themes = command("themes")
    themes.add_argument("--json", action="store_true", help=t("cli.help.json"))

    sessions = command("sessions")
    sessions.add_argument("--json", action="store_true", help=t("cli.help.json"))
    sessions.add_argument("--workplace", default=None, help=t("cli.help.workplace_filter"))

    workplaces = command("workplaces")
    workplaces.add_argument(
        "action",
        nargs="?",
        choices=("list", "merge"),
        default="list",
        help=t("cli.help.workplaces_action"),
    )
    workplaces.add_argument("names", nargs="*", help=t("cli.help.workplaces_names"))

    rename = command("rename")
    rename.add_argument("session", help=t("cli.help.session"))
    rename.add_argument("workplace", help=t("cli.help.new_workplace"))

    delete = command("delete")
    delete.add_argument("session", help=t("cli.help.session"))
    delete.add_argument("--yes", action="store_true", help=t("cli.help.yes"))

    command("trash")
    restore = command("restore")
    restore.add_argument("name", help=t("cli.help.trash_name"))

    import_ = command("import")
    import_.add_argument("file", help=t("cli.help.import_file"))

    export = command("export")
    export.add_argument("session", help=t("cli.help.session"))
    export.add_argument("--format", choices=FORMATS, default="md", help=t("cli.help.format"))
    export.add_argument(
        "--include-private", action="store_true", help=t("cli.help.include_private")
    )
    _output_options(export)

    new_theme = command("new-theme")
    new_theme.add_argument("id", help=t("cli.help.new_theme_id"))
    new_theme.add_argument("--title", default=None, help=t("cli.help.title"))
    new_theme.add_argument(
        "--dir", default=None, metavar=t("cli.metavar.dir"), help=t("cli.help.dir")
    )
    new_theme.add_argument("--force", action="store_true", help=t("cli.help.force"))

    handout = command("handout")
    handout.add_argument("theme", help=t("cli.help.theme_id"))
    handout.add_argument(
        "--format", choices=("md", "html"), default="md", help=t("cli.help.handout_format")
    )
    handout.add_argument(
        "--minutes",
        type=session_minutes,
        default=DEFAULT_PLANS[0],
        help=t("cli.help.handout_minutes", default=DEFAULT_PLANS[0]),
    )
    paper = handout.add_mutually_exclusive_group()
    paper.add_argument("--invitation", action="store_true", help=t("cli.help.invitation"))
    paper.add_argument("--prep", action="store_true", help=t("cli.help.prep"))
    paper.add_argument("--cases", action="store_true", help=t("cli.help.cases"))
    _output_options(handout)

    projector = command("projector")
    projector.add_argument("session", nargs="?", default=None, help=t("cli.help.projector_session"))
    projector.add_argument("--browser", action="store_true", help=t("cli.help.browser"))
    projector.add_argument(
        "--port",
        type=port_argument,
        default=0,
        metavar=t("cli.metavar.port"),
        help=t("cli.help.port"),
    )
    projector.add_argument(
        "--host",
        type=host_argument,
        default=LOOPBACK,
        metavar=t("cli.metavar.address"),
        help=t("cli.help.host"),
    )
    projector.add_argument("--served", action="store_true", help=argparse.SUPPRESS)

    doctor = command("doctor")
    doctor.add_argument("--keys", action="store_true", help=t("cli.help.keys"))

    check = command("check")
    check.add_argument("paths", nargs="+", metavar=t("cli.metavar.path"), help=t("cli.help.paths"))
    return parser


def command_names() -> list[str]:
    """Every command `oplaeg` takes, as the parser knows them (for the README's check)."""
    parser = build_parser()
    return [
        name
        for action in parser._actions  # argparse offers no public list of its subcommands
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    ]
