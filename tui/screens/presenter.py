"""The consultant's window during a session.

With a room view open (`oplaeg projector`), it is a console: the page small, the speaker notes,
what comes next, the notes and the forms. Without one, it is the single window on the projector:
the room's page fills it and the consultant's information is one discreet line.

One screen, one file, by key group: the page and the exercise on it, the timer, the rest of the
session (plan, agenda), notes, what the room sees, phones. No key repaints a widget: each saves
its change, and every window shows it by the one change path (`tui.changes`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal

from sessions.agenda.navigation import Advance
from sessions.display import Display
from sessions.errors import OplaegError
from sessions.i18n import t
from sessions.live import LiveSession
from sessions.presence import rooms_following
from tui.changes import SessionScreen
from tui.commands import PresenterCommands
from tui.exercises import ExerciseWidget
from tui.join import JoinControl
from tui.keys import NAVIGATION_KEYS, PRESENTER_KEYS, bindings
from tui.messages import ThemeToggled
from tui.screens.blank import BlankScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.goto import GotoScreen
from tui.screens.help import HelpScreen
from tui.screens.note_form import NoteForm, NoteRequest
from tui.screens.notes_manager import NotesManager
from tui.screens.speaker_notes import SpeakerNotesScreen
from tui.widgets.console_panel import ConsolePanel, speaker_notes
from tui.widgets.footer import Footer
from tui.widgets.stage import Stage
from tui.widgets.status_bar import StatusBar

T = TypeVar("T")
PRESENCE_SECONDS = 1.0
SCROLL_LINES = 3
STACKED_BELOW = 100
"""A console narrower than this puts the notes under the page instead of beside it: the page
keeps the full width for the exercise and the notes get whole words."""


class PresenterScreen(SessionScreen):
    """One page at a time; every change is saved before anything says it happened, and shows
    through the session's one change path (`tui.changes`): no key here repaints a widget."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings(NAVIGATION_KEYS, PRESENTER_KEYS),
        Binding("up", "scroll_text(-1)", show=False),
        Binding("down", "scroll_text(1)", show=False),
    ]
    COMMANDS = {PresenterCommands}

    def __init__(
        self,
        live: LiveSession,
        *,
        data_dir: Path | None = None,
        layout: str = "auto",
        join: JoinControl | None = None,
    ) -> None:
        super().__init__()
        self.live = live
        self.join = join
        self.data_dir = data_dir
        self._layout_choice = layout
        self._console_mode = layout == "console"

    def compose(self) -> ComposeResult:
        yield StatusBar(self.live, id="status")
        with Horizontal(id="presenter-row"):
            yield Stage(self.live, interactive=True, id="stage")
            yield ConsolePanel(self.live, id="console-panel")
        yield Footer()

    @property
    def stage(self) -> Stage:
        return self.query_one(Stage)

    @property
    def console(self) -> bool:
        """Whether a room view shows the page, so this window is the consultant's alone."""
        return self._console_mode

    def on_mount(self) -> None:
        self._apply_layout()
        self.enter_page()
        if self._layout_choice == "auto" and self.data_dir is not None:
            self.set_interval(PRESENCE_SECONDS, self.check_presence)
            self.check_presence()
        self.connect_join()
        draft = self.live.notebook.draft()
        if draft is not None:
            self.say(t("presenter.draft_restored"))
            self._open_note_form(NoteRequest.from_draft(draft))

    # -- layout --------------------------------------------------------------------------

    def check_presence(self) -> None:
        """Become the console when a room view follows this session, the single window when
        none does (run once a second)."""
        assert self.data_dir is not None
        console = rooms_following(self.data_dir, self.live.info.id) > 0
        if console != self._console_mode:
            self._console_mode = console
            self._apply_layout()
            self.say(t("presenter.room_connected" if console else "presenter.room_gone"))

    def _apply_layout(self) -> None:
        console = self._console_mode
        with self.app.batch_update():
            self.set_class(console, "-console")
            self.set_class(not console, "-single")
            self.query_one(StatusBar).compact = not console
            # The stage repaints (its exercise too: what is for the consultant alone shows only
            # on the console) and the panel comes up to date, each by its own watcher.
            self.stage.join_code_shown = not console
            self.query_one(ConsolePanel).shown = console
            self._fit_console()
        self.refresh_bindings()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_console()

    def _fit_console(self) -> None:
        """Beside the page on a wide console, under it on a narrow one."""
        stacked = self._console_mode and self.size.width < STACKED_BELOW
        self.set_class(stacked, "-stacked")
        self.query_one(ConsolePanel).stack(stacked)

    # -- showing ---------------------------------------------------------------------------

    def enter_page(self) -> None:
        """The page is shown for the first time since the session was opened (or begun): a
        break's clock starts by itself. What it changes shows as every change does."""
        self._guard(self.live.enter_page)

    def say(self, text: str, severity: str = "information") -> None:
        """One calm line in the status area, never a toast over the room's page."""
        self.query_one(StatusBar).say(text, severity)

    def _guard(self, operation: Callable[[], T]) -> tuple[bool, T | None]:
        """Run a saving operation: (True, result), or (False, None) after saying what failed."""
        try:
            return True, operation()
        except OplaegError as error:
            self.say(t("error.storage", reason=str(error)), "error")
            return False, None

    # -- navigation ------------------------------------------------------------------------

    def action_next(self) -> None:
        self._move(forward=True)

    def action_previous(self) -> None:
        self._move(forward=False)

    def _move(self, *, forward: bool) -> None:
        exercise = self.stage.exercise
        if exercise is not None and exercise.turn(forward):
            return
        question = exercise.leave_question(forward) if exercise is not None else None
        if question is None:
            self._step(forward)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._step(forward)

        self.app.push_screen(
            ConfirmScreen(question, yes=t("presenter.leave"), no=t("cancel")), answered
        )

    def _step(self, forward: bool) -> None:
        if self.live.finished:
            self._offer_reopen(lambda: self._step(forward))
            return
        if forward and self.live.position == len(self.live.pages) - 1:
            # A clicker's double press on the last page must not end the session unasked.
            def answered(yes: bool | None) -> None:
                if yes:
                    self._advance()

            self.app.push_screen(
                ConfirmScreen(
                    t("presenter.end_question"), yes=t("presenter.end_yes"), no=t("cancel")
                ),
                answered,
            )
            return
        if not forward:
            if self.live.position == 0:
                self.say(t("presenter.first_page"))
                return
            self._guard(self.live.back)
            return
        self._advance()

    def _advance(self) -> None:
        ok, result = self._guard(self.live.advance)
        if not ok:
            return
        if result is Advance.FINISHED:
            self.stop_join()
            self.say(t("presenter.finished"))
            self.action_summary()
        elif result is not Advance.MOVED:
            self.action_summary()

    def _offer_reopen(self, then: Callable[[], None]) -> None:
        """The session has ended: going on with it is a choice (the time log notes it)."""

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            ok, reopened = self._guard(self.live.reopen)
            if ok and reopened:
                self.say(t("presenter.resumed"))
                then()

        self.app.push_screen(
            ConfirmScreen(
                t("presenter.reopen_question"), yes=t("presenter.reopen_yes"), no=t("cancel")
            ),
            answered,
        )

    def action_goto(self) -> None:
        if self.live.finished:
            self._offer_reopen(self.action_goto)
            return

        def chosen(position: int | None) -> None:
            if position is not None:
                self._guard(lambda: self.live.go_to(position))

        self.app.push_screen(GotoScreen(self.live.pages, self.live.position), chosen)

    def action_scroll_text(self, direction: int) -> None:
        self.stage.scroll_text(direction * SCROLL_LINES)

    # -- the exercise on the page --------------------------------------------------------

    @on(ExerciseWidget.Changed)
    def save_exercise(self, event: ExerciseWidget.Changed) -> None:
        event.stop()
        segment = event.widget.page.segment
        ok, _ = self._guard(lambda: self.live.exercises.save(segment, event.state))
        if ok:
            event.widget.saved(event.state)
        else:
            event.widget.not_saved()

    @on(ExerciseWidget.ClockStart)
    def start_clock(self, event: ExerciseWidget.ClockStart) -> None:
        event.stop()
        clock = event.clock

        def restart() -> None:
            self.live.timers.reset(clock.key, clock.seconds)
            self.live.timers.start(clock.key, clock.seconds)

        if not self.live.timers.paused:
            self._guard(restart)

    @on(ExerciseWidget.ActionsProposed)
    def propose_actions(self, event: ExerciseWidget.ActionsProposed) -> None:
        event.stop()
        ok, added = self._guard(lambda: self.live.plan.propose(event.items))
        if ok and added is not None:
            message = t("presenter.proposed", count=len(added))
            self.say(f"{event.note} {message}" if event.note else message)
            self.action_action_plan()

    @on(ExerciseWidget.OpenRequested)
    def open_page_screen(self, event: ExerciseWidget.OpenRequested) -> None:
        event.stop()
        if event.what == "follow-up":
            self.action_followup()
        else:
            self.action_action_plan()

    # -- the timer -------------------------------------------------------------------------

    def _change_timer(self, change: Callable[[], object], *, starts: bool = False) -> None:
        if starts and self.live.timers.paused:
            self.say(t("presenter.session_paused_timer"), "warning")
            return
        self._guard(change)

    def _clock(self) -> tuple[str, int] | None:
        exercise = self.stage.exercise
        speaker = exercise.speaker_clock() if exercise is not None else None
        if speaker is not None:
            return speaker.key, speaker.seconds
        page = self.live.page
        return (page.key, page.seconds) if page.seconds is not None else None

    def action_toggle_timer(self) -> None:
        clock = self._clock()
        if clock is None:
            return
        countdown = self.live.timers.get(*clock)
        starting = not countdown.running or countdown.finished
        self._change_timer(lambda: self.live.timers.toggle(*clock), starts=starting)

    def action_adjust_timer(self, seconds: int) -> None:
        clock = self._clock()
        if clock is not None:
            self._change_timer(lambda: self.live.timers.adjust(*clock, seconds))

    def action_reset_timer(self) -> None:
        clock = self._clock()
        if clock is not None:
            self._change_timer(lambda: self.live.timers.reset(*clock))

    # -- the rest of the session -------------------------------------------------------------

    def action_action_plan(self) -> None:
        from tui.screens.action_plan import ActionPlanScreen

        self.app.push_screen(ActionPlanScreen(self.live))

    def action_followup(self) -> None:
        if not self.live.plan.followups():
            self.say(t("presenter.no_followup"))
            return
        from tui.screens.followup import FollowUpScreen

        self.app.push_screen(FollowUpScreen(self.live))

    def action_summary(self) -> None:
        from tui.screens.summary import SummaryScreen

        if self.live.repository is not None:
            self.app.push_screen(SummaryScreen(self.live.repository, self.live.info.id))

    def action_agenda(self) -> None:
        from tui.screens.agenda_planner import AgendaPlanner

        self.app.push_screen(AgendaPlanner(self.live, before_start=False))

    def action_adjust_agenda(self) -> None:
        from tui.screens.rebalance import RebalanceScreen

        def done(message: str | None) -> None:
            if message:
                self.say(message)

        self.app.push_screen(RebalanceScreen(self.live), done)

    def action_undo_adjust(self) -> None:
        ok, undone = self._guard(self.live.undo_agenda)
        if ok:
            self.say(t("presenter.undone" if undone else "presenter.nothing_to_undo"))

    # -- notes: for the referat, private, the item's, the speaker notes, shown to the room --

    def action_new_note(self) -> None:
        self._open_note_form(self._note_request(private=False))

    def action_new_private_note(self) -> None:
        self._open_note_form(self._note_request(private=True))

    def _note_request(self, *, private: bool) -> NoteRequest:
        page = self.live.page
        exercise = self.stage.exercise
        card = getattr(exercise, "current_card", lambda: None)()
        return NoteRequest(page.segment.id, page.index, private=private, card=card)

    def _open_note_form(self, request: NoteRequest) -> None:
        page = self.live.page
        key = "note.edit_title" if request.note_id else "note.title"
        form = NoteForm(
            t(key, segment=page.segment.title),
            self.live.notebook,
            request,
            mask_private=not self.console,
        )

        def closed(saved: bool | None) -> None:
            if saved:
                self.say(t("presenter.note_saved"))

        self.app.push_screen(form, closed)

    def action_manage_notes(self) -> None:
        segment = self.live.page.segment
        manager = NotesManager(
            t("notes.title", segment=segment.title),
            self.live.notebook,
            segment.id,
            reveal_private=self.console,
        )

        def closed(request: NoteRequest | None) -> None:
            if request is not None:
                self._open_note_form(request)

        self.app.push_screen(manager, closed)

    def action_speaker_notes(self) -> None:
        page = self.live.page
        self.app.push_screen(SpeakerNotesScreen(page.title, speaker_notes(page)))

    def action_notes_to_room(self) -> None:
        shown = not self.live.display.current.notes_to_room
        ok, _ = self._guard(lambda: self.live.display.change(notes_to_room=shown))
        if ok:
            self.say(t("presenter.notes_shown" if shown else "presenter.notes_hidden"))

    # -- what the room sees and hears: pausing, the bell, light or dark, a blank screen --------

    def action_pause_session(self) -> None:
        paused = self.live.timers.paused
        ok, _ = self._guard(self.live.resume_session if paused else self.live.pause_session)
        if ok:
            self.say(t("presenter.resumed" if paused else "presenter.paused_banner"))

    def action_toggle_bell(self) -> None:
        bell = not self.live.display.current.bell
        ok, _ = self._guard(lambda: self.live.display.change(bell=bell))
        if ok:
            self.say(t("presenter.bell_on" if bell else "presenter.bell_off"))

    def action_toggle_light(self) -> None:
        light = not self.live.display.current.light
        ok, display = self._guard(lambda: self.live.display.change(light=light))
        if ok and isinstance(display, Display):
            self.post_message(ThemeToggled(display.light))

    def action_blank(self) -> None:
        if self.console:
            blank = not self.live.display.current.blank
            ok, _ = self._guard(lambda: self.live.display.change(blank=blank))
            if ok:
                self.say(t("presenter.blanked" if blank else "presenter.unblanked"))
            return
        ok, _ = self._guard(lambda: self.live.display.change(blank=True))
        if not ok:
            return

        def back(_: object) -> None:
            self._guard(lambda: self.live.display.change(blank=False))

        self.app.push_screen(BlankScreen(), back)

    # -- phones: `J` joining on and off, `K` the room code on this page, `S` the texts held ----

    def connect_join(self) -> None:
        """Say what the phones' server does in the status line (and start joining now if
        `--join` asked for it). Their answers show as every change does (`tui.changes`)."""
        if self.join is not None:
            self.join.connect(self.say)

    async def action_join(self) -> None:
        if self.join is not None:
            await self.join.toggle()

    def action_join_code(self) -> None:
        if self.join is None:
            return
        visible = self.join.toggle_code()
        if visible is None:
            self.say(t("join.off"))
        else:
            self.say(t("join.code_shown" if visible else "join.code_hidden"))

    def action_slips(self) -> None:
        if self.join is None:
            return
        from tui.screens.moderation import ModerationScreen

        self.app.push_screen(ModerationScreen(self.live, masked=not self.console))

    def stop_join(self) -> None:
        """The session has ended: phones can no longer answer."""
        if self.join is not None and self.join.on:
            self.run_worker(self.join.stop())

    # -- help, quitting, the bell ------------------------------------------------------------

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    async def action_quit_session(self) -> None:
        await self.app.action_quit()

    def on_countdown_display_time_up(self) -> None:
        if self.live.display.current.bell:
            self.app.bell()

    def on_countdown_display_halfway(self) -> None:
        if self.live.display.current.bell:
            self.app.bell()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "speaker_notes":
            return not self.console
        if action == "followup":
            return bool(self.live.plan.followups())
        return True
