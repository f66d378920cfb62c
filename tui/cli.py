"""The `oplaeg` command: the TUI, and subcommands that never start it."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from sessions import __version__
from sessions.clock import SystemClock
from sessions.errors import DamagedFileError, OplaegError, SessionLockedError, ThemeError
from sessions.export import FORMATS, export_session, write_export
from sessions.i18n import LANGUAGES, count_notes, set_language, t
from sessions.models import SessionDetails
from sessions.repository import InvalidDetailsError, SessionRepository
from sessions.storage.locations import (
    check_themes_dir,
    prepare_data_dir,
    resolve_data_dir,
    theme_cache_path,
    user_themes_dir,
)
from sessions.theme.cache import ThemeCache
from sessions.theme.library import ThemeLibrary, ThemeOrigin, bundled_content_dir, theme_files
from sessions.theme.model import DEFAULT_PLANS, LONGEST_SESSION, SHORTEST_SESSION, Theme
from tui.join_options import JoinOptions, add_join_arguments, join_options

if TYPE_CHECKING:
    from sessions.import_check import Tables

LOOPBACK = "127.0.0.1"
_THEME_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
SIGPIPE = 13  # the same number on every POSIX system; Windows has no signal.SIGPIPE


class _OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    common = _OneLineParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="where sessions are stored (default: $OPLAEG_DATA_DIR or the user data folder)",
    )
    common.add_argument(
        "--themes-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="a folder of your own themes, besides the data folder's themes/",
    )
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help="language of the interface and the referat (default: da)",
    )
    parser = _OneLineParser(
        prog="oplaeg",
        description="Run a workshop on the psychosocial work environment from the terminal. "
        "Without a command, the app starts.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"oplaeg {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_OneLineParser)

    start = commands.add_parser("start", parents=[common], help="create a session and present it")
    start.add_argument("theme", help="theme id (see 'oplaeg themes')")
    start.add_argument("--workplace", required=True, help="the workplace's name")
    start.add_argument("--participants", required=True, type=int, help="number of participants")
    start.add_argument(
        "--minutes",
        required=True,
        type=_session_minutes,
        help=f"the session's length: {SHORTEST_SESSION}–{LONGEST_SESSION} minutes",
    )
    start.add_argument("--facilitator", default="", help="your name")
    start.add_argument("--date", default=None, help="YYYY-MM-DD (default: today)")
    start.add_argument("--time", default=None, help="start time HH:MM (default: now)")

    resume = commands.add_parser("resume", parents=[common], help="continue a session")
    resume.add_argument("session", help="session id, or the start of it")
    for presenting in (start, resume):
        add_join_arguments(presenting)

    themes = commands.add_parser("themes", parents=[common], help="list the themes")
    themes.add_argument("--json", action="store_true", help="print JSON")

    sessions = commands.add_parser("sessions", parents=[common], help="list the sessions")
    sessions.add_argument("--json", action="store_true", help="print JSON")
    sessions.add_argument(
        "--workplace", default=None, help="only sessions whose workplace contains this text"
    )

    rename = commands.add_parser("rename", parents=[common], help="change a session's workplace")
    rename.add_argument("session", help="session id, or the start of it")
    rename.add_argument("workplace", help="the new name of the workplace")

    delete = commands.add_parser(
        "delete", parents=[common], help="move a session to the trash (kept 30 days)"
    )
    delete.add_argument("session", help="session id, or the start of it")
    delete.add_argument("--yes", action="store_true", help="do not ask")

    commands.add_parser("trash", parents=[common], help="list deleted sessions")
    restore = commands.add_parser("restore", parents=[common], help="bring a deleted session back")
    restore.add_argument("name", help="the name shown by 'oplaeg trash'")

    import_ = commands.add_parser(
        "import", parents=[common], help="read a session from a JSON export"
    )
    import_.add_argument("file", help="a file made with 'oplaeg export --format json'")

    export = commands.add_parser("export", parents=[common], help="write a session's referat")
    export.add_argument("session", help="session id, or the start of it")
    export.add_argument(
        "--format",
        choices=FORMATS,
        default="md",
        help="md (default), html or docx (Word): the referat; xlsx (Excel) or csv: the action "
        "plan; json: everything, private notes too, for moving a session",
    )
    export.add_argument(
        "--include-private", action="store_true", help="include notes marked 'kun til mig'"
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    export.add_argument("--force", action="store_true", help="replace an existing FILE")

    new_theme = commands.add_parser(
        "new-theme", parents=[common], help="write a starter theme to edit"
    )
    new_theme.add_argument("id", help="the new theme's id: a-z, 0-9 and '-'")
    new_theme.add_argument("--title", default=None, help="the theme's title")
    new_theme.add_argument(
        "--dir", default=None, help="folder to write to (default: your themes folder)"
    )
    new_theme.add_argument("--force", action="store_true", help="replace an existing file")

    handout = commands.add_parser("handout", parents=[common], help="a participant handout")
    handout.add_argument("theme", help="theme id (see 'oplaeg themes')")
    handout.add_argument("--format", choices=("md", "html"), default="md", help="md or html")
    handout.add_argument(
        "--minutes",
        type=_session_minutes,
        default=DEFAULT_PLANS[0],
        help="which plan's exercises to include (default: 90)",
    )
    handout.add_argument(
        "--invitation",
        action="store_true",
        help="a one-page invitation to send ahead instead of the handout",
    )
    handout.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    handout.add_argument("--force", action="store_true", help="replace an existing FILE")

    projector = commands.add_parser(
        "projector", parents=[common], help="the room view for the projector (follows the console)"
    )
    projector.add_argument(
        "session", nargs="?", default=None, help="session id (default: the one the console shows)"
    )
    projector.add_argument(
        "--browser", action="store_true", help="serve the room view to a web browser"
    )
    projector.add_argument(
        "--port", type=int, default=0, help="the browser's port (default: a free one)"
    )
    projector.add_argument(
        "--host",
        default=LOOPBACK,
        help="the address to listen on (default 127.0.0.1: only this computer)",
    )

    projector.add_argument("--served", action="store_true", help=argparse.SUPPRESS)

    check = commands.add_parser("check", parents=[common], help="validate theme files")
    check.add_argument("paths", nargs="+", metavar="PATH", help="theme files or folders")
    return parser


def _session_minutes(text: str) -> int:
    """A session length from the command line, or argparse's one-line error."""
    if text.isdigit() and SHORTEST_SESSION <= int(text) <= LONGEST_SESSION:
        return int(text)
    raise argparse.ArgumentTypeError(
        f"'{text}' is not a session length ({SHORTEST_SESSION}–{LONGEST_SESSION} minutes)"
    )


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `oplaeg` console script."""
    try:
        try:
            return _main(argv)
        finally:
            sys.stdout.flush()  # here, not at exit, so a closed pipe is caught below
    except BrokenPipeError:
        return _output_closed()


def _output_closed() -> int:
    """Whoever read the output has stopped (`oplaeg themes | head -1`): end quietly with the
    status of a command ended by SIGPIPE, as `ls` or `cat` would."""
    with contextlib.suppress(OSError):  # nothing may be written to the closed pipe at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 128 + SIGPIPE


def _main(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    set_language(getattr(args, "lang", "da"))
    try:
        return _run(args)
    except SessionLockedError as error:
        return _fail(error.describe())
    except DamagedFileError as error:
        return _fail(
            t("error.damaged", path=error.path, reason=error.reason, folder=error.path.parent)
        )
    except ThemeError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    except OplaegError as error:
        return _fail(f"oplaeg: {error}")
    except KeyboardInterrupt:
        return 130


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def _run(args: argparse.Namespace) -> int:
    if args.command == "check":
        return _check(args.paths)
    # The whole file is checked before the data folder is touched, so a bad one changes nothing.
    imported = _read_import(Path(args.file)) if args.command == "import" else None
    data_dir = prepare_data_dir(resolve_data_dir(getattr(args, "data_dir", None)))
    library = make_library(data_dir, getattr(args, "themes_dir", None))
    repository = SessionRepository(data_dir, SystemClock())
    if args.command == "themes":
        return _themes(library, args.json)
    repository.empty_trash()
    if args.command == "sessions":
        return _sessions(repository, args.json, args.workplace)
    if args.command == "rename":
        info = repository.rename(args.session, args.workplace)
        _report_takeovers(repository)
        print(t("cli.renamed", id=info.id, workplace=info.details.workplace), file=sys.stderr)
        return 0
    if args.command == "delete":
        code = _delete(repository, args)
        _report_takeovers(repository)
        return code
    if args.command == "trash":
        for folder in repository.trashed():
            print(folder.name)
        return 0
    if args.command == "restore":
        print(t("cli.restored", id=repository.restore(args.name)), file=sys.stderr)
        return 0
    if imported is not None:
        info = repository.import_tables(imported)
        print(t("cli.imported", id=info.id), file=sys.stderr)
        return 0
    if args.command == "export":
        return _export(repository, args)
    if args.command == "new-theme":
        chosen: str | None = args.dir or getattr(args, "themes_dir", None)
        return _new_theme(Path(chosen) if chosen else user_themes_dir(data_dir), args)
    if args.command == "handout":
        return _handout(library, args)
    if args.command == "start":
        return _start(library, repository, args)
    if args.command == "projector":
        return _projector(library, repository, args)
    if args.command == "resume":
        session_id = repository.resolve_id(args.session)
        return _launch(library, repository, session_id, join_options(args))
    return _launch(library, repository, None)


def _report_takeovers(repository: SessionRepository) -> None:
    for message in repository.takeovers:
        print(message, file=sys.stderr)
    repository.takeovers.clear()


def make_library(data_dir: Path, themes_dir: str | None) -> ThemeLibrary:
    """Bundled themes, then the data folder's themes/, then `--themes-dir` (later wins)."""
    folders = [
        (bundled_content_dir(), ThemeOrigin.BUNDLED),
        (user_themes_dir(data_dir), ThemeOrigin.USER),
    ]
    if themes_dir:
        folders.append((check_themes_dir(Path(themes_dir).expanduser()), ThemeOrigin.USER))
    return ThemeLibrary(folders, ThemeCache(theme_cache_path(data_dir)))


def _check(paths: list[str]) -> int:
    from sessions.theme.parser import load_theme_file

    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(theme_files(path))
        elif path.exists():
            files.append(path)
        else:
            print(f"{path}: no such file or folder", file=sys.stderr)
            return 1
    found = [p for f in files for p in load_theme_file(f)[1]]
    problems = [p for p in found if not p.warning]
    for problem in found:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(t("cli.check_ok", count=len(files)))
    return 0


def _themes(library: ThemeLibrary, as_json: bool) -> int:
    entries = library.entries()
    if as_json:
        rows = []
        for entry in entries:
            row: dict[str, object] = {
                "id": entry.id,
                "title": entry.title,
                "origin": entry.origin.value,
                "path": str(entry.path),
                "problems": [str(p) for p in entry.errors],
                "warnings": [str(p) for p in entry.problems if p.warning],
            }
            if entry.theme:
                row.update(_theme_facts(entry.theme))
            rows.append(row)
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for entry in entries:
        if entry.theme:
            print(f"{entry.id:24} {entry.theme.title} — {entry.theme.summary}")
        else:
            print(f"{entry.id:24} ⚠ {entry.errors[0]}")
    return 0


def _theme_facts(theme: Theme) -> dict[str, object]:
    exercises = [(s, s.format) for s in theme.segments if s.format is not None]
    return {
        "summary": theme.summary,
        "minutes": {str(p): theme.total_minutes(p) for p in theme.plans},
        "slides": sum(len(s.slides) for s in theme.segments),
        "exercises": [{"id": s.id, "title": s.title, "kind": f.value} for s, f in exercises],
        "exercise_kinds": sorted({f.value for _, f in exercises}),
    }


def _new_theme(folder: Path, args: argparse.Namespace) -> int:
    if not _THEME_ID.match(args.id):
        raise OplaegError(f"theme id '{args.id}' may use only a-z, 0-9 and '-'")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OplaegError(f"cannot create {folder}: {error.strerror or error}") from None
    from sessions.theme.starter import starter_theme

    path = folder / f"{args.id}.md"
    write_export(starter_theme(args.id, args.title), path, force=args.force)
    print(t("cli.theme_written", path=path), file=sys.stderr)
    return 0


def _handout(library: ThemeLibrary, args: argparse.Namespace) -> int:
    from sessions.export.handout import handout_html, handout_markdown
    from sessions.export.invitation import invitation_html, invitation_markdown

    theme = library.get(args.theme)
    if args.invitation:
        make = invitation_html if args.format == "html" else invitation_markdown
        return _emit(make(theme, args.minutes), args.output, args.force, "cli.invitation_written")
    make = handout_html if args.format == "html" else handout_markdown
    return _emit(make(theme, args.minutes), args.output, args.force, "cli.handout_written")


def _emit(payload: str | bytes, output: str | None, force: bool, message: str) -> int:
    """Write to `output` (never over an existing file unless `force`), or to stdout; `message`
    says what was written where."""
    if output:
        path = Path(output).expanduser()
        write_export(payload, path, force=force)
        print(t(message, path=path), file=sys.stderr)
    elif isinstance(payload, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(payload)
    return 0


def _delete(repository: SessionRepository, args: argparse.Namespace) -> int:
    session_id = repository.resolve_id(args.session)
    if not args.yes:
        if not sys.stdin.isatty():
            raise OplaegError(f"deleting {session_id} needs --yes when not asked at a terminal")
        answer = input(t("cli.delete_question", id=session_id) + " ")
        if answer.strip().lower() not in ("j", "ja", "y", "yes"):
            return 1
    target = repository.delete(session_id)
    print(t("cli.deleted", id=session_id, name=target.name), file=sys.stderr)
    return 0


def _read_import(path: Path) -> Tables:
    from sessions.import_check import ImportProblem, read_export

    try:
        return read_export(path)
    except ImportProblem as problem:
        raise OplaegError(t("import.failed", file=path, problem=problem)) from None


def _sessions(repository: SessionRepository, as_json: bool, workplace: str | None) -> int:
    summaries = repository.list()
    if workplace:
        summaries = [s for s in summaries if workplace.casefold() in s.workplace.casefold()]
    if as_json:
        print(json.dumps([s.to_dict() for s in summaries], ensure_ascii=False, indent=2))
        return 0
    if not summaries:
        print(t("cli.no_sessions"))
    for s in summaries:
        if s.problem:
            print(f"{s.id}  ⚠ {s.problem}")
        else:
            print(
                f"{s.id}  {s.date} {s.start_time}  {s.workplace} · {s.theme_title} · "
                f"{count_notes(s.notes)}"
            )
    return 0


def _export(repository: SessionRepository, args: argparse.Namespace) -> int:
    _, store = repository.open(args.session, readonly=True)
    try:
        payload = export_session(store, args.format, include_private=args.include_private)
    finally:
        store.close()
    message = {"json": "cli.exported_json", "xlsx": "cli.exported_plan", "csv": "cli.exported_plan"}
    return _emit(payload, args.output, args.force, message.get(args.format, "cli.exported"))


def _start(library: ThemeLibrary, repository: SessionRepository, args: argparse.Namespace) -> int:
    join = join_options(args)
    theme = library.get(args.theme)
    details = SessionDetails(
        workplace=args.workplace,
        date=args.date or date.today().isoformat(),
        start_time=args.time or datetime.now().strftime("%H:%M"),
        facilitator=args.facilitator,
        participants=args.participants,
        plan=args.minutes,
    )
    try:
        info, store = repository.create(theme, details)
    except InvalidDetailsError as error:
        raise OplaegError(str(error)) from None
    repository.close(store)
    print(t("cli.created", id=info.id), file=sys.stderr)
    return _launch(library, repository, info.id, join)


def _launch(
    library: ThemeLibrary,
    repository: SessionRepository,
    session_id: str | None,
    join: JoinOptions | None = None,
) -> int:
    from platformdirs import user_config_path

    from sessions.live import LiveSession
    from tui.app import OplaegApp  # Textual loads only when the UI starts.

    clock = SystemClock()
    live = LiveSession.open(repository, library, session_id, clock) if session_id else None
    config_dir = user_config_path("oplaeg", appauthor=False)
    app = OplaegApp(library, repository, live, clock, config_dir=config_dir, join=join)
    try:
        app.run()
    finally:
        app.close_live_session()
    if app.exit_message:
        print(app.exit_message, file=sys.stderr)
        return 1
    return app.return_code or 0


def _projector(
    library: ThemeLibrary, repository: SessionRepository, args: argparse.Namespace
) -> int:
    session_id = repository.resolve_id(args.session) if args.session else None
    if args.browser:
        from tui.serve import serve_room

        return serve_room(repository.data_dir, session_id, args.host, args.port, args)
    from tui.room import RoomApp  # Textual loads only when the UI starts.

    RoomApp(repository, library, session_id, served=args.served).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
