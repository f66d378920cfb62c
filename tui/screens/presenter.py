"""The presenter: steps through the agenda's pages with timers and notes, saving every change."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from textual.app import ComposeResult, SystemCommand
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Label

from sessions.pages import Page
from sessions.countdown import Countdown, CountdownStage
from sessions.errors import OplaegError
from sessions.export.markdown import escape_inline, followup_cells, followup_headers
from sessions.i18n import t
from sessions.live import LiveSession
from sessions.models import Draft, Note, NoteTag
from sessions.schedule import Adjustment, apply, suggest
from sessions.theme.model import ExerciseFormat, SegmentKind
from tui.keys import EXERCISE_KEYS, PRESENTER_KEYS, bindings
from tui.screens.blank import BlankScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.exercise_actions import ExerciseActions
from tui.screens.goto import GotoScreen
from tui.screens.help import HelpScreen
from tui.screens.notes_manager import NotesManager
from tui.widgets.countdown_display import CountdownDisplay
from tui.widgets.exercise_view import CLOCK_SHARE, ExerciseView
from tui.widgets.note_list import NoteList
from tui.widgets.slide_view import SlideView
from tui.widgets.status_bar import StatusBar

TICK_SECONDS = 0.25
SMALL_CLOCK_SHARE = 0.2
PACE_TOLERANCE_MINUTES = 2
"""Ahead or behind by less than this counts as on time."""
FAR_AHEAD_MINUTES = 5
"""Ahead by this much, a suggestion to use the time is offered."""


def _hours_minutes(seconds: float) -> str:
    minutes = int(seconds // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def _describe(changes: list[Adjustment]) -> str:
    return ", ".join(
        t("presenter.change_skip", title=c.title)
        if c.skips
        else t("presenter.change_minutes", title=c.title, old=c.old_minutes, new=c.new_minutes)
        for c in changes
    )


class PresenterScreen(ExerciseActions, Screen[None]):
    """One page at a time: a slide, an exercise step or a break."""

    def __init__(self, live: LiveSession, *, plan_first: bool = False) -> None:
        super().__init__()
        self._inherited_bindings = self._bindings
        self._bindings = bindings(self._bindings, PRESENTER_KEYS)
        self._keys_for: str | None = None
        self.live = live
        self.plan_first = plan_first
        self._shown_segment: str | None = None
        self._signalled: set[str] = set()
        self._timing_second = -1

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        yield Label(t("presenter.paused_banner"), id="pause-banner", markup=False)
        with Horizontal(id="stage"):
            with ContentSwitcher(initial="slide", id="main"):
                yield SlideView(id="slide")
                yield ExerciseView(id="exercise")
            yield NoteList(id="notes")
        yield Footer()

    def on_mount(self) -> None:
        self.show_page()
        self.set_interval(TICK_SECONDS, self.tick)
        if self.plan_first and self.live.started_at is None:
            # The clock starts when the consultant leaves the agenda and begins.
            from tui.screens.agenda_planner import AgendaPlanner  # DataTable loads when needed

            self.app.push_screen(AgendaPlanner(self.live, before_start=True), self._begin)
        else:
            self._begin(None)
        draft = self.live.draft()
        if draft is not None:
            self.notify(t("presenter.draft_restored"), markup=False)
            self._open_note_form(draft.text, draft.tag, draft.note_id, private=draft.private)

    def _begin(self, _: object) -> None:
        self._safely(self.live.start)
        self.show_page()

    def on_unmount(self) -> None:
        self.app.close_live_session()  # type: ignore[attr-defined]

    # -- showing ---------------------------------------------------------------------------

    def show_page(self) -> None:
        """Show the current page and everything that depends on it."""
        self._timing_second = -1  # the timing line follows the page at once
        live = self.live
        page = live.page
        segment = page.segment
        self.query_one(StatusBar).show(
            live.theme.title,
            segment.title,
            t("presenter.position", current=live.position + 1, total=len(live.pages)),
        )
        if segment.id != self._shown_segment:
            self._shown_segment = segment.id
            self._suggest()
        self._exercise_bindings(page)
        switcher = self.query_one(ContentSwitcher)
        countdown_display = self.query_one(CountdownDisplay)
        countdown_display.reset()
        if page.slide is not None:
            switcher.current = "slide"
            self.query_one(SlideView).show(page.slide)
        else:
            switcher.current = "exercise"
            view = self.query_one(ExerciseView)
            view.set_clock_share(SMALL_CLOCK_SHARE if self.needs_room(page) else CLOCK_SHARE)
            view.show(*self._exercise_texts())
        self._show_notes()
        self.tick()

    def _exercise_bindings(self, page: Page) -> None:
        """The keys of this page's exercise kind, first in the footer; gone on other pages."""
        kind = self.exercise_kind(page)
        if kind == self._keys_for:
            return
        self._keys_for = kind
        keys = EXERCISE_KEYS.get(kind or "", ())
        self._bindings = bindings(self._inherited_bindings, keys + PRESENTER_KEYS)
        self.refresh_bindings()

    def _exercise_texts(self) -> tuple[str, str, str]:
        page = self.live.page
        segment = page.segment
        if segment.kind is SegmentKind.BREAK:
            return t("presenter.break_title"), self._break_until(), segment.intro
        if segment.format is ExerciseFormat.FOLLOW_UP:
            return segment.title, t("followup.intro"), self._followup_markdown()
        if (special := self.exercise_texts(page)) is not None:
            return segment.title, special[0], special[1]
        if page.step is None:
            return segment.title, "", segment.intro
        parts = [t("presenter.step", current=page.index + 1, total=len(segment.steps))]
        if page.step.mode is not None:
            parts.append(t(f"presenter.mode.{page.step.mode.value}"))
        parts.append(page.step.title)
        body = page.step.body
        if page.index == 0 and segment.intro:
            body = f"{segment.intro}\n\n{body}"
        return segment.title, " · ".join(parts), body

    def _followup_markdown(self) -> str:
        """The carried-over actions as a table; user text escaped, so it shows literally."""
        rows = self.live.followups()
        if not rows:
            return ""
        header = "| " + " | ".join(followup_headers(None)) + " |\n" + "|---" * 4 + "|"
        lines = [
            "| " + " | ".join(escape_inline(c) or "–" for c in followup_cells(f, None)) + " |"
            for f in rows
        ]
        return "\n".join([header, *lines])

    def _break_until(self) -> str:
        countdown = self.live.countdown()
        seconds = countdown.remaining() if countdown else 0
        back = datetime.fromtimestamp(self.live.clock.wall()) + timedelta(seconds=seconds)
        return t("presenter.break_until", time=back.strftime("%H:%M"))

    def _show_notes(self) -> None:
        segment = self.live.page.segment
        self.query_one(NoteList).show(segment.title, self.live.notes(segment.id))

    def tick(self) -> None:
        """Refresh the clocks; the time is read, never counted."""
        live = self.live
        now = datetime.fromtimestamp(live.clock.wall()).strftime("%H:%M")
        clock = t("presenter.clock_now", now=now)
        if live.started_at is not None:
            started = datetime.fromtimestamp(live.started_at).strftime("%H:%M")
            clock = t("presenter.clock_started", now=now, started=started)
        status_bar = self.query_one(StatusBar)
        status_bar.show_clock(clock)
        # The status line counts minutes: once a second is plenty (the countdown needs more).
        second = int(live.clock.wall())
        if second != self._timing_second:
            self._timing_second = second
            self._show_timing(status_bar)
        countdown = self._current_countdown()
        display = self.query_one(CountdownDisplay)
        signal = self.walk_and_talk_signal(live.page, countdown)
        display.done_text = t("walk.back") if self._is_walk_and_talk() else None
        display.refresh_from(countdown)
        if signal is not None:
            self.query_one(ExerciseView).show_step_line(signal)
            if live.page.key not in self._signalled:
                self._signalled.add(live.page.key)
                self.notify(signal, markup=False, timeout=10)
                if live.bell:
                    self.app.bell()
        if live.page.segment.kind is SegmentKind.BREAK:
            countdown = live.countdown()
            if countdown is not None and countdown.stage() is not CountdownStage.DONE:
                self.query_one(ExerciseView).show_step_line(self._break_until())

    def _show_timing(self, status_bar: StatusBar) -> None:
        live = self.live
        timing = live.timing()
        self.set_class(timing.paused, "-paused")
        left_minutes = math.ceil(abs(timing.item_left) / 60)
        item_left = (
            t("presenter.item_left", minutes=left_minutes)
            if timing.item_left >= 0
            else t("presenter.item_over", minutes=left_minutes)
        )
        if timing.started_at is None or timing.planned_end is None:
            status_bar.show_timing(live.schedule, live.page.segment.id, 0.0, item_left, "", "", "")
            return
        end = datetime.fromtimestamp(timing.planned_end).strftime("%H:%M")
        text = t("presenter.timing", elapsed=_hours_minutes(timing.elapsed), end=end)
        behind = round(timing.behind / 60)
        if timing.paused:
            pace, pace_class = t("presenter.paused_status"), "-paused"
        elif behind >= PACE_TOLERANCE_MINUTES:
            pace, pace_class = t("presenter.behind", minutes=behind), "-behind"
        elif behind <= -PACE_TOLERANCE_MINUTES:
            pace, pace_class = t("presenter.ahead", minutes=-behind), "-ahead"
        else:
            pace, pace_class = t("presenter.on_time"), "-on-time"
        status_bar.show_timing(
            live.schedule, live.page.segment.id, timing.progress, item_left, text, pace, pace_class
        )

    def on_countdown_display_time_up(self, event: CountdownDisplay.TimeUp) -> None:
        if self.live.bell:
            self.app.bell()

    # -- navigation --------------------------------------------------------------------------

    def action_next(self) -> None:
        if self.intercept_navigation(forward=True):
            return
        if self.live.position == len(self.live.pages) - 1:
            already = self.live.finished
            self._safely(self.live.finish)
            self.notify(t("presenter.finished"), markup=False)
            if not already:
                self.action_summary()
            return
        if self._safely(self.live.next):
            self.show_page()

    def action_previous(self) -> None:
        if self.intercept_navigation(forward=False):
            return
        if self.live.position == 0:
            self.notify(t("presenter.first_page"), markup=False)
            return
        if self._safely(self.live.previous):
            self.show_page()

    def action_goto(self) -> None:
        def chosen(position: int | None) -> None:
            if position is not None and self._safely(lambda: self.live.go_to(position)):
                self.show_page()

        self.app.push_screen(GotoScreen(self.live.pages, self.live.position), chosen)

    def action_followup(self) -> None:
        if not self.live.followups():
            return
        from tui.screens.followup import FollowUpScreen

        self.app.push_screen(FollowUpScreen(self.live), lambda _: self.show_page())

    def action_summary(self) -> None:
        from tui.screens.summary import SummaryScreen

        self.app.push_screen(SummaryScreen(self.live.repository, self.live.info.id))

    def action_action_plan(self) -> None:
        from tui.screens.action_plan import ActionPlanScreen

        self.app.push_screen(ActionPlanScreen(self.live))

    def action_agenda(self) -> None:
        def closed(_: object) -> None:
            self.show_page()

        from tui.screens.agenda_planner import AgendaPlanner

        self.app.push_screen(AgendaPlanner(self.live, before_start=False), closed)

    def _suggestion(self) -> list[Adjustment]:
        behind = round(self.live.timing().behind / 60)
        if behind == 0 or self.live.started_at is None:
            return []
        return suggest(self.live.schedule, self.live.page.segment.id, behind)

    def _suggest(self) -> None:
        """On entering an item while ahead or behind, say what `j` would change."""
        behind = self.live.timing().behind
        if -FAR_AHEAD_MINUTES * 60 < behind < PACE_TOLERANCE_MINUTES * 60:
            return
        if changes := self._suggestion():
            self.notify(
                t("presenter.suggestion", changes=_describe(changes)), markup=False, timeout=8
            )

    def action_adjust_agenda(self) -> None:
        """Carry out the suggestion that makes the session end on time: one key."""
        if round(self.live.timing().behind / 60) == 0 or self.live.started_at is None:
            self.notify(t("presenter.nothing_to_adjust"), markup=False)
            return
        changes = self._suggestion()
        if not changes:
            self.notify(t("presenter.cannot_adjust"), markup=False)
            return
        if self._safely(lambda: self.live.set_schedule(apply(self.live.schedule, changes))) is None:
            described = _describe(changes)
            self.notify(t("presenter.adjusted", changes=described), markup=False, timeout=12)
            self.show_page()

    def action_pause_session(self) -> None:
        live = self.live
        self._safely(live.resume_session if live.paused else live.pause_session)
        self.query_one(CountdownDisplay).reset()
        self._timing_second = -1
        self.tick()

    def action_toggle_bell(self) -> None:
        self._safely(lambda: self.live.set_bell(not self.live.bell))
        self.notify(
            t("presenter.bell_on" if self.live.bell else "presenter.bell_off"),
            markup=False,
            timeout=3,
        )

    def action_blank(self) -> None:
        self.app.push_screen(BlankScreen())

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    def action_quit_session(self) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.app.exit()

        self.app.push_screen(
            ConfirmScreen(t("presenter.quit_question"), yes=t("presenter.quit"), no=t("cancel")),
            answered,
        )

    # -- the timer ---------------------------------------------------------------------------

    def action_toggle_timer(self) -> None:
        self._change_timer(lambda c: c.toggle())

    def action_adjust_timer(self, seconds: int) -> None:
        self._change_timer(lambda c: c.adjust(seconds))

    def action_restart_timer(self) -> None:
        self._change_timer(lambda c: c.restart())

    def _current_countdown(self) -> Countdown | None:
        """The countdown shown: a speaker's during a go-round, else the page's."""
        return self.exercise_countdown(self.live.page) or self.live.countdown()

    def _is_walk_and_talk(self) -> bool:
        page = self.live.page
        return page.step is not None and page.segment.format is ExerciseFormat.WALK_AND_TALK

    def _change_timer(self, change: Callable[..., None]) -> None:
        countdown = self._current_countdown()
        if countdown is None:
            return
        change(countdown)
        if countdown.stage() is not CountdownStage.DONE:
            self.query_one(CountdownDisplay).reset()
        speaker = self.exercise_countdown(self.live.page)
        if speaker is not None:
            self._safely(lambda: self.live.save_timer(f"{self.live.page.key}#speaker"))
        else:
            self._safely(self.live.save_countdown)
        self.tick()

    # -- notes -------------------------------------------------------------------------------

    def action_new_note(self) -> None:
        self._open_note_form()

    def action_manage_notes(self) -> None:
        segment = self.live.page.segment
        manager = NotesManager(
            t("notes.title", segment=segment.title),
            notes=lambda: self.live.notes(segment.id),
            edit=lambda note: self._open_note_form(
                note.text, note.tag, note.id, manager.reload, note.private
            ),
            delete=self._delete_note,
        )
        self.app.push_screen(manager)

    def _open_note_form(
        self,
        text: str = "",
        tag: NoteTag | None = None,
        note_id: str | None = None,
        after: Callable[[], None] | None = None,
        private: bool = False,
    ) -> None:
        page = self.live.page
        key = "note.edit_title" if note_id else "note.title"

        def save(note_text: str, note_tag: NoteTag | None, note_private: bool) -> Note:
            note = (
                self.live.update_note(note_id, note_text, note_tag, note_private)
                if note_id
                else self.live.add_note(note_text, note_tag, note_private, self.current_card())
            )
            self._safely(self.live.clear_draft)
            return note

        def save_draft(draft_text: str, draft_tag: NoteTag | None, draft_private: bool) -> None:
            self.live.save_draft(
                Draft(page.segment.id, draft_text, page.index, note_id, draft_tag, draft_private)
            )

        def closed(note: Note | None) -> None:
            if note is None:
                self._safely(self.live.clear_draft)
            else:
                self.notify(t("presenter.note_saved"), markup=False, timeout=2)
            self._show_notes()
            if after is not None:
                after()

        from tui.screens.note_form import NoteForm  # TextArea loads on the first note

        title = t(key, segment=page.segment.title)
        form = NoteForm(title, save, save_draft, text, tag, private)
        self.app.push_screen(form, closed)

    def _delete_note(self, note: Note) -> None:
        if self._safely(lambda: self.live.delete_note(note.id)) is not None:
            self.notify(t("presenter.note_deleted"), markup=False, timeout=2)
        self._show_notes()

    # -- commands and errors -----------------------------------------------------------------

    def commands(self) -> Iterable[SystemCommand]:
        """The presenter's actions for the command palette."""
        for key in PRESENTER_KEYS:
            if key.command is None:
                continue
            action = key.action
            yield SystemCommand(
                t(key.command),
                t(key.label),
                lambda action=action: self.run_action(action),  # type: ignore[misc]
            )

    def _safely(self, operation: Callable[[], object]) -> object:
        """Run a saving operation; a storage problem is shown, never a crash."""
        try:
            return operation()
        except OplaegError as error:
            self.notify(
                t("error.storage", reason=str(error)), severity="error", markup=False, timeout=15
            )
            return None
