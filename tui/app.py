"""The app: picks the first screen, owns the open session, and exits cleanly on signals."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.screen import Screen

from sessions.clock import Clock, SystemClock
from sessions.errors import (
    DamagedFileError,
    OplaegError,
    SessionLockedError,
    ThemeError,
    UnknownThemeError,
)
from sessions.i18n import t
from sessions.models import SessionDetails
from sessions.repository import SessionRepository
from sessions.theme.library import ThemeLibrary
from sessions.theme.model import Theme
from tui.screens.confirm import ConfirmScreen
from tui.shutdown import announce_takeovers, install_shutdown

if TYPE_CHECKING:
    from sessions.live import LiveSession
from tui.screens.start import StartScreen

RESUME_WITHIN_SECONDS = 12 * 3600


class OplaegApp(App[None]):
    """oplaeg's Textual app. Every change is saved by `sessions/` before the UI confirms it."""

    CSS_PATH = "app.tcss"
    TITLE = "oplaeg"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        library: ThemeLibrary,
        repository: SessionRepository,
        live: LiveSession | None = None,
        clock: Clock | None = None,
        offer_resume: bool = True,
    ) -> None:
        super().__init__()
        self.library = library
        self.repository = repository
        self.clock = clock or SystemClock()
        self.live: LiveSession | None = live
        self.exit_message: str | None = None
        self._offer_resume = offer_resume and live is None

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        self._handle_signals()
        self.push_screen(StartScreen())
        if self.live is not None:
            self._show_presenter(self.live)
        elif self._offer_resume:
            self._offer_to_resume()

    def on_unmount(self) -> None:
        self.close_live_session()

    # -- sessions ------------------------------------------------------------------------

    def create_session(self, theme: Theme, details: SessionDetails) -> None:
        """Create, save and present a new session; offer to follow up the workplace's last
        action plan first."""
        from sessions.live import LiveSession, carry_over

        try:
            info, store = self.repository.create(theme, details)
            live = LiveSession(self.repository, info, store, theme, self.clock)
            earlier = self.repository.previous_actions(details.workplace, exclude=info.id)
        except OplaegError as error:
            self.show_error(error)
            return
        if earlier is None:
            self._present(live, plan_first=True)
            return
        source, actions = earlier

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    carry_over(live, source, actions, t("followup.item"))
                except OplaegError as error:
                    self.show_error(error)
            self._present(live, plan_first=True)

        question = t(
            "followup.carry_question",
            workplace=source.details.workplace,
            date=source.details.date,
            count=len(actions),
        )
        self.push_screen(ConfirmScreen(question, yes=t("followup.carry_yes")), answered)

    def present_session(self, session_id: str) -> None:
        """Open an earlier session where it was left."""
        try:
            self._present(open_live_session(self.library, self.repository, session_id, self.clock))
        except OplaegError as error:
            self.show_error(error)

    def _present(self, live: LiveSession, *, plan_first: bool = False) -> None:
        self.close_live_session()
        self.live = live
        self._show_presenter(live, plan_first=plan_first)

    def _show_presenter(self, live: LiveSession, *, plan_first: bool = False) -> None:
        from tui.screens.presenter import PresenterScreen  # loaded when first needed

        self.push_screen(PresenterScreen(live, plan_first=plan_first))
        announce_takeovers(self, self.repository.takeovers)

    def close_live_session(self) -> None:
        """Fold the open session's journal into its file and release its lock."""
        if self.live is not None:
            live, self.live = self.live, None
            try:
                live.close()
            except OplaegError as error:
                self.exit_message = str(error)

    def _offer_to_resume(self) -> None:
        recent = [
            s
            for s in self.repository.list()
            if not s.problem and self.clock.wall() - s.updated_at < RESUME_WITHIN_SECONDS
        ]
        if not recent:
            return
        latest = max(recent, key=lambda s: s.updated_at)
        question = t(
            "start.resume_question",
            workplace=latest.workplace,
            theme=latest.theme_title,
            date=latest.date,
            time=latest.start_time,
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.present_session(latest.id)

        self.push_screen(
            ConfirmScreen(question, yes=t("start.resume"), no=t("start.not_now")), answered
        )

    def show_error(self, error: OplaegError) -> None:
        self.notify(describe_error(error), severity="error", markup=False, timeout=20)

    # -- commands and signals --------------------------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        commands = getattr(screen, "commands", None)
        if callable(commands):
            yield from commands()
        yield from super().get_system_commands(screen)

    def _handle_signals(self) -> None:
        install_shutdown(self, self.save_before_exit)  # SIGHUP/SIGTERM: save, then out in <5 s

    def save_before_exit(self) -> None:
        """Keep what is typed (a draft of an open form) and close the session."""
        for screen in self.screen_stack:
            flush_draft = getattr(screen, "flush_draft", None)
            if callable(flush_draft):
                flush_draft()
        self.close_live_session()

    def terminate(self) -> None:
        """A closed terminal window or a kill: keep the draft, close the session, exit."""
        self.save_before_exit()
        self.exit()


def open_live_session(
    library: ThemeLibrary, repository: SessionRepository, session_id: str, clock: Clock
) -> LiveSession:
    """Open a session for presenting; raises a clear `OplaegError` when it cannot be."""
    from sessions.live import LiveSession

    info, store = repository.open(session_id)
    try:
        theme = library.get(info.theme_id)
    except (UnknownThemeError, ThemeError):
        store.close()
        raise OplaegError(t("error.theme_missing", theme=info.theme_title)) from None
    return LiveSession(repository, info, store, theme, clock)


def describe_error(error: OplaegError) -> str:
    """One line for the user, in their language."""
    if isinstance(error, SessionLockedError):
        return error.describe()
    if isinstance(error, DamagedFileError):
        return t("error.damaged", path=error.path, reason=error.reason, folder=error.path.parent)
    return t("error.generic", message=str(error))
