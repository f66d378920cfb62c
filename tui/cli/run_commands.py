"""Commands that start a UI: the app itself (`oplaeg`, `start`, `resume`) and the room view
(`projector`). Textual is imported only here, when it is needed."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime

from sessions.clock import SystemClock
from sessions.details import InvalidDetailsError
from sessions.errors import OplaegError
from sessions.i18n import t
from sessions.models import SessionDetails
from sessions.repository import SessionRepository
from sessions.theme.library import ThemeLibrary
from tui.cli.join_arguments import join_options
from tui.config import Settings, config_dir
from tui.join_options import JoinOptions


def start(library: ThemeLibrary, repository: SessionRepository, args: argparse.Namespace) -> int:
    join = join_options(args)  # a bad address says so before a session is made
    theme = library.get(args.theme)
    details = SessionDetails(
        workplace=args.workplace,
        date=args.date or date.today().isoformat(),
        start_time=args.time or datetime.now().strftime("%H:%M"),
        facilitator=args.facilitator or args.settings.facilitator or "",
        participants=args.participants,
        plan=args.minutes,
        sector=args.sector,
    )
    try:
        info, store = repository.create(theme, details)
    except InvalidDetailsError as error:
        raise OplaegError(str(error)) from None
    if args.settings.display_defaults:
        from sessions.display import DisplaySettings

        DisplaySettings(store).change(**args.settings.display_defaults)
    repository.close(store)
    print(t("cli.created", id=info.id), file=sys.stderr)
    return launch(library, repository, info.id, join, settings=args.settings)


def resume(library: ThemeLibrary, repository: SessionRepository, args: argparse.Namespace) -> int:
    session_id = repository.resolve_id(args.session)
    return launch(library, repository, session_id, join_options(args), settings=args.settings)


def launch(
    library: ThemeLibrary,
    repository: SessionRepository,
    session_id: str | None,
    join: JoinOptions | None = None,
    settings: Settings | None = None,
) -> int:
    if session_id is None:  # the start screen lists the themes: have them read meanwhile
        library.parse_elsewhere()
    from tui.app import OplaegApp

    clock = SystemClock()
    live = None
    if session_id:  # the start screen alone does not need a live session's modules
        from sessions.live import LiveSession

        live = LiveSession.open(repository, library, session_id, clock)
    app = OplaegApp(
        library, repository, live, clock, config_dir=config_dir(), join=join, settings=settings
    )
    try:
        app.run()
    finally:
        app.close_live_session()
    if app.exit_message:
        print(app.exit_message, file=sys.stderr)
        return 1
    return app.return_code or 0


def projector(
    library: ThemeLibrary, repository: SessionRepository, args: argparse.Namespace
) -> int:
    session_id = repository.resolve_id(args.session) if args.session else None
    if args.browser:
        from tui.serve import serve_room

        return serve_room(repository.data_dir, session_id, args.host, args.port, args)
    from tui.room import RoomApp

    RoomApp(repository, library, session_id, served=args.served).run()
    return 0
