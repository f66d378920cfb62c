"""The app: picks the first screen, listens to what the screens choose, owns the open session,
and exits cleanly on signals."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual import on, work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from sessions.clock import Clock, SystemClock
from sessions.errors import DamagedFileError, OplaegError, SessionLockedError
from sessions.i18n import current_language, plural, t
from sessions.models import SessionDetails
from sessions.repository import SessionRepository
from sessions.theme.library import ThemeLibrary
from tui.changes import posting_to
from tui.config import Settings
from tui.join import JoinControl
from tui.join_options import JoinOptions
from tui.keymap import load_keymap
from tui.messages import FollowsSession, SessionChanged, SessionChosen, ThemeChosen, ThemeToggled
from tui.quiet_driver import QuietApp
from tui.screens.start import StartScreen
from tui.shutdown import announce_takeovers, install_shutdown
from tui.themes import DARK, LIGHT, register_themes

if TYPE_CHECKING:
    # What a session needs loads with the first session, not before the start screen.
    from sessions.live import LiveSession
    from sessions.theme.model import Theme
    from tui.screens.presenter import PresenterScreen


@runtime_checkable
class DraftHolder(Protocol):
    """A screen holding typed text that must be kept when the app is told to stop."""

    def flush_draft(self) -> None: ...


class OplaegApp(QuietApp):
    """oplaeg's Textual app. Every change is saved by `sessions/` before the UI confirms it."""

    CSS_PATH = "app.tcss"
    TITLE = "oplaeg"
    BINDINGS = [
        Binding(
            "ctrl+p", "command_palette", t("key.palette"), show=False, priority=True, id="palette"
        )
    ]

    def __init__(
        self,
        library: ThemeLibrary,
        repository: SessionRepository,
        live: LiveSession | None = None,
        clock: Clock | None = None,
        *,
        offer_resume: bool = True,
        layout: str = "auto",
        config_dir: Path | None = None,
        join: JoinOptions | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__()
        self.join = JoinControl(join)
        self.library = library
        self.repository = repository
        self.clock = clock or SystemClock()
        self.live: LiveSession | None = None
        self.exit_message: str | None = None
        self.layout = layout
        self.config_dir = config_dir
        self.settings = settings or Settings()
        self._initial = live
        self._offer_resume = offer_resume and live is None
        self._announcement: Path | None = None
        # Set before the first screen is styled, so it is not styled twice.
        register_themes(self)
        self.theme = LIGHT if self.settings.light else DARK  # config.toml's light = true

    def on_mount(self) -> None:
        keymap, problems = load_keymap(self.config_dir)
        if keymap:
            self.set_keymap(keymap)
        for problem in [*map(str, self.settings.problems), *problems]:
            self.notify(problem, severity="warning", markup=False, timeout=15)
        # SIGHUP and SIGTERM (a closed terminal): save, then out within five seconds.
        install_shutdown(self, self.save_before_exit)
        self.push_screen(StartScreen(self.library, self.repository, self.clock))
        if self._initial is not None:
            self.present(self._initial)
        elif self._offer_resume:
            self.offer_to_resume()
        # What start-up made lives as long as the program: the collector need not look at it
        # again (a full collection under a burst of phones took 58 ms; with it frozen, 25 ms).
        self.call_after_refresh(gc.freeze)

    async def on_unmount(self) -> None:
        await self.join.shutdown()
        self.close_live_session()

    # -- what the screens choose -------------------------------------------------------------

    @on(SessionChanged)
    def session_changed(self, event: SessionChanged) -> None:
        """The open session changed (the store's sink posted this, from whatever thread): on to
        every screen that shows it (`FollowsSession`), so the presenter under a dialog shows it
        too. The others never hear of it."""
        for screen in self.screen_stack:
            if isinstance(screen, FollowsSession):
                screen.post_message(SessionChanged(event.parts))

    @on(ThemeChosen)
    def theme_chosen(self, event: ThemeChosen) -> None:
        self.create_session(event.theme, event.details)

    @on(SessionChosen)
    def session_chosen(self, event: SessionChosen) -> None:
        """An ended session opens its referat; going on with it is a choice made there."""
        if not event.resume and self._finished(event.session_id):
            from tui.screens.summary import SummaryScreen

            self.push_screen(SummaryScreen(self.repository, event.session_id, can_resume=True))
            return
        from sessions.live import LiveSession

        try:
            live = LiveSession.open(self.repository, self.library, event.session_id, self.clock)
            if event.resume:
                live.reopen()
        except OplaegError as error:
            self.show_error(error)
            return
        self.present(live)

    @on(ThemeToggled)
    def theme_toggled(self, event: ThemeToggled) -> None:
        self.theme = LIGHT if event.light else DARK

    @work(exclusive=True, group="session-flow")
    async def create_session(self, theme: Theme, details: SessionDetails) -> None:
        """Create and save a new session; offer to follow up the workplace's last action plan;
        show the agenda; the session's clock starts when the consultant leaves the agenda."""
        from sessions.live import LiveSession

        try:
            info, store = self.repository.create(theme, details)
            live = LiveSession(self.repository, info, store, theme, self.clock)
            if self.settings.display_defaults:
                live.display.change(**self.settings.display_defaults)
            earlier = self.repository.previous_actions(details.workplace, exclude=info.id)
        except OplaegError as error:
            self.show_error(error)
            return
        if earlier is not None:
            from tui.screens.confirm import ConfirmScreen

            source, actions = earlier
            question = t(
                "followup.carry_question",
                workplace=source.details.workplace,
                date=source.details.date,
                actions=plural(len(actions), "plural.actions.one", "plural.actions.many"),
            )
            yes = await self.push_screen_wait(ConfirmScreen(question, yes=t("followup.carry_yes")))
            if yes:
                try:
                    live.carry_over(source, actions, t("followup.item"))
                except OplaegError as error:
                    self.show_error(error)
        await self.offer_repeat(live)
        self.present(live)

    async def offer_repeat(self, live: LiveSession) -> None:
        """Offer to ask the statements the workplace answered last time again."""
        from tui.screens.repeat_offer import RepeatOffer

        try:
            offered = self.repository.previous_scales(live.info.details.workplace, live.info.id)
        except OplaegError as error:
            self.show_error(error)
            return
        if offered is None:
            return
        chosen = await self.push_screen_wait(RepeatOffer(offered, live.info.details.workplace))
        if chosen:
            try:
                live.ask_again(offered.choose(chosen), t("repeat.item"))
            except OplaegError as error:
                self.show_error(error)

    def present(self, live: LiveSession) -> PresenterScreen:
        """Show `live` in the presenter (closing any other open session); a session that has
        not begun shows its agenda first, and its clock starts when the consultant begins."""
        from sessions.presence import announce_console
        from tui.screens.presenter import PresenterScreen  # loaded when first needed

        self.close_live_session()
        self.live = live
        live.sink = posting_to(self)
        self.join.attach(live)
        with contextlib.suppress(OplaegError, OSError):
            self._announcement = announce_console(
                self.repository.data_dir, live.info.id, current_language()
            )
        self.theme = LIGHT if live.display.current.light else DARK
        screen = PresenterScreen(
            live, data_dir=self.repository.data_dir, layout=self.layout, join=self.join
        )
        self.push_screen(screen)
        announce_takeovers(self, self.repository.takeovers)
        if live.started_at is None:
            self.plan_and_begin(live, screen)
        return screen

    @work(exclusive=True, group="planning")
    async def plan_and_begin(self, live: LiveSession, presenter: PresenterScreen) -> None:
        from tui.screens.agenda_planner import AgendaPlanner  # DataTable loads when needed

        await self.push_screen_wait(AgendaPlanner(live, before_start=True))
        if presenter.console and live.theme.preparation:
            from tui.screens.prep import PrepScreen  # the theme's 'Før mødet', console only

            await self.push_screen_wait(PrepScreen(live.theme))
        try:
            live.nav.start()
        except OplaegError as error:
            self.show_error(error)
        presenter.enter_page()

    def close_live_session(self) -> None:
        """Fold the open session's journal into its file and release its lock."""
        if self._announcement is not None:
            from sessions.presence import withdraw

            withdraw(self._announcement)
            self._announcement = None
        if self.live is not None:
            self.join.detach()
            live, self.live = self.live, None
            live.sink = None
            try:
                live.close()
            except OplaegError as error:
                self.exit_message = str(error)

    @work(exclusive=True, group="resume")
    async def offer_to_resume(self) -> None:
        # Read in a thread, as the start screen reads its list: the loop draws the first screen
        # meanwhile (500 sessions are 500 looks at the disk).
        latest = await asyncio.to_thread(self.repository.recent, self.clock.wall())
        if latest is None:
            return
        from sessions.export.dates import clock_text, long_date
        from tui.screens.confirm import ConfirmScreen

        try:
            when = long_date(latest.date)
        except ValueError:
            when = latest.date
        question = t(
            "start.resume_question",
            workplace=latest.workplace,
            theme=latest.theme_title,
            date=when,
            time=clock_text(latest.start_time),
        )
        screen = ConfirmScreen(question, yes=t("start.resume"), no=t("start.not_now"))
        if await self.push_screen_wait(screen):
            self.post_message(SessionChosen(latest.id, resume=True))

    def _finished(self, session_id: str) -> bool:
        from sessions.agenda.navigation import stored_entries
        from sessions.agenda.timing import END_MARKER

        try:
            _, store = self.repository.open(session_id, readonly=True)
        except OplaegError:
            return False
        try:
            entries = stored_entries(store)
        finally:
            store.close()
        return bool(entries) and entries[-1][0] == END_MARKER

    def show_error(self, error: OplaegError) -> None:
        self.notify(describe_error(error), severity="error", markup=False, timeout=20)

    # -- leaving, in one way whatever the key ----------------------------------------------------

    async def action_quit(self) -> None:
        """Every way out of a live session asks first (q, Ctrl+Q, the palette)."""
        if self.live is None:
            self.exit()
            return
        from tui.screens.confirm import ConfirmScreen

        if isinstance(self.screen, ConfirmScreen):
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(
            ConfirmScreen(t("presenter.quit_question"), yes=t("presenter.quit"), no=t("cancel")),
            answered,
        )

    def action_help_quit(self) -> None:
        self.notify(t("app.ctrl_c"), title=t("app.ctrl_c_title"), markup=False)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]  # Textual types it App[object]
            self.push_screen(
                CommandPalette(placeholder=t("command.placeholder"), id="--command-palette")
            )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield SystemCommand(t("command.quit"), t("command.quit_help"), self.action_quit)
        yield SystemCommand(t("command.keys"), t("command.keys_help"), self._show_help)
        yield SystemCommand(
            t("command.screenshot"),
            t("command.screenshot_help"),
            lambda: self.set_timer(0.1, self.deliver_screenshot),
        )

    def _show_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    # -- stopping ---------------------------------------------------------------------------

    def save_before_exit(self) -> None:
        """Keep what is typed (the draft of an open form) and close the session."""
        for screen in self.screen_stack:
            if isinstance(screen, DraftHolder):
                screen.flush_draft()
        self.close_live_session()


def describe_error(error: OplaegError) -> str:
    """One line for the user, in their language."""
    if isinstance(error, SessionLockedError):
        return error.describe()
    if isinstance(error, DamagedFileError):
        return t("error.damaged", path=error.path, reason=error.reason, folder=error.path.parent)
    return t("error.generic", message=str(error))
