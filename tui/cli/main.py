"""The `oplaeg` command: reads the command line, runs the command, and turns every error the
user can act on into one line on stderr (never a traceback)."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path

import tui.i18n  # noqa: F401  (the UI's and the command line's texts)
from sessions.clock import SystemClock
from sessions.errors import DamagedFileError, OplaegError, SessionLockedError, ThemeError
from sessions.i18n import LANGUAGES, set_language, t
from sessions.repository import SessionRepository
from sessions.storage.atomic import describe_os_error
from sessions.storage.locations import (
    UnusableFolderError,
    check_themes_dir,
    prepare_data_dir,
    resolve_data_dir,
)
from sessions.theme.library import ThemeLibrary, library_for
from tui.cli import run_commands, session_commands, theme_commands
from tui.cli.output import use_utf8_output
from tui.cli.parser import build_parser
from tui.cli.parsing import speak
from tui.config import chosen_language, load_settings
from tui.install import check_installation

SIGPIPE = 13  # the same number on every POSIX system; Windows has no signal.SIGPIPE

Command = Callable[[ThemeLibrary, SessionRepository, argparse.Namespace], int]

COMMANDS: dict[str | None, Command] = {
    "themes": lambda library, _, args: theme_commands.themes(library, args.json),
    "handout": lambda library, _, args: theme_commands.handout(library, args),
    "new-theme": lambda _, repository, args: theme_commands.new_theme(repository.data_dir, args),
    "sessions": lambda _, repository, args: session_commands.list_sessions(
        repository, args.json, args.workplace
    ),
    "rename": lambda _, repository, args: session_commands.rename(repository, args),
    "workplaces": lambda _, repository, args: session_commands.workplaces(repository, args),
    "delete": lambda _, repository, args: session_commands.delete(repository, args),
    "trash": lambda _, repository, args: session_commands.trash(repository),
    "restore": lambda _, repository, args: session_commands.restore(repository, args.name),
    "export": lambda _, repository, args: session_commands.export(repository, args),
    "start": lambda library, repository, args: run_commands.start(library, repository, args),
    "resume": lambda library, repository, args: run_commands.resume(library, repository, args),
    "projector": lambda library, repository, args: run_commands.projector(
        library, repository, args
    ),
    None: lambda library, repository, args: run_commands.launch(
        library, repository, None, settings=args.settings
    ),
}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `oplaeg` console script."""
    use_utf8_output()
    try:
        try:
            return _main(sys.argv[1:] if argv is None else argv)
        finally:
            sys.stdout.flush()  # here, not at exit, so a closed pipe is caught below
    except BrokenPipeError:
        return _output_closed()
    except OSError as error:
        if error.errno not in _OUTPUT_FAILURES:
            raise
        return _output_failed(error)


_OUTPUT_FAILURES = {errno.ENOSPC, errno.EFBIG, errno.EIO, getattr(errno, "EDQUOT", errno.ENOSPC)}
"""What writing the output can fail with (`oplaeg export … > /dev/full`, a full disk)."""


def _output_failed(error: OSError) -> int:
    """The output could not be written: one line saying so, and no second complaint when
    Python flushes what is left at exit."""
    _discard_output()
    with contextlib.suppress(OSError):  # a terminal that is gone takes stderr with it
        print(
            f"oplaeg: {t('error.output_failed', reason=describe_os_error(error))}", file=sys.stderr
        )
    return 1


def _discard_output() -> None:
    with contextlib.suppress(OSError):  # nothing may be written to stdout at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _output_closed() -> int:
    """Whoever read the output has stopped (`oplaeg themes | head -1`): end quietly with the
    status of a command ended by SIGPIPE, as `ls` or `cat` would."""
    _discard_output()  # nothing may be written to the closed pipe at exit
    return 128 + SIGPIPE


def language_asked_for(argv: list[str]) -> str | None:
    """`--lang` as given, read before the parser is built so that its help is in that
    language (argparse itself reports a language it does not know); None when not given."""
    for index, word in enumerate(argv):
        value = word.partition("=")[2] if word.startswith("--lang=") else None
        if word == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value in LANGUAGES:
            return value
    return None


def _main(argv: list[str]) -> int:
    settings = load_settings()
    flag = language_asked_for(argv)
    language, env_problems = chosen_language(flag, settings)
    set_language(language)
    speak(language)
    args = build_parser().parse_args(argv)
    if args.command == "projector" and flag is None:
        _follow_the_consoles_language(args)
    args.language_problems = env_problems
    if args.command != "doctor":  # the doctor says them in its own line
        for config_problem in (*settings.problems, *env_problems):
            print(config_problem, file=sys.stderr)
    problem = check_installation()
    if problem is not None:
        return _fail(problem)
    args.settings = settings
    try:
        return _run(args)
    except SessionLockedError as error:
        return _fail(error.describe())
    except DamagedFileError as error:
        return _fail(
            t("error.damaged", path=error.path, reason=error.reason, folder=error.path.parent)
        )
    except ThemeError as error:
        for theme_problem in error.problems:
            print(theme_problem, file=sys.stderr)
        return 1
    except OplaegError as error:
        return _fail(f"oplaeg: {error}")
    except KeyboardInterrupt:
        return 130


def _follow_the_consoles_language(args: argparse.Namespace) -> None:
    """The room view speaks the language of the console it follows (when one is running)."""
    from sessions.presence import console_language

    with contextlib.suppress(OSError, OplaegError):
        language = console_language(resolve_data_dir(getattr(args, "data_dir", None)))
        if language in LANGUAGES:
            set_language(language)


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def _themes_dir(args: argparse.Namespace) -> str | None:
    """`--themes-dir`, else `themes_dir` in config.toml; a configured folder that cannot be read
    now (a shared drive not synced yet) is named, and oplaeg goes on without it."""
    flag: str | None = getattr(args, "themes_dir", None)
    configured = args.settings.themes_dir
    if flag or not configured:
        return flag
    try:
        check_themes_dir(Path(configured).expanduser())
    except UnusableFolderError as error:
        print(f"{args.settings.path}: themes_dir: {error}", file=sys.stderr)
        return None
    return str(configured)


def _run(args: argparse.Namespace) -> int:
    if args.command == "check":
        return theme_commands.check(args.paths)
    if args.command == "doctor":  # before the data folder is made: the doctor writes nothing
        from tui.cli.doctor import doctor

        return doctor(args)
    # The whole file is checked before the data folder is touched, so a bad one changes nothing.
    imported = session_commands.read_import(Path(args.file)) if args.command == "import" else None
    data_dir = prepare_data_dir(resolve_data_dir(getattr(args, "data_dir", None)))
    library = library_for(data_dir, _themes_dir(args))
    repository = SessionRepository(data_dir, SystemClock())
    if args.command != "themes":
        repository.empty_trash()
    if imported is not None:
        return session_commands.import_session(repository, imported)
    return COMMANDS[args.command](library, repository, args)
