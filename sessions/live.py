"""A session being run: a small façade over the parts that keep it (navigation, timers, notes,
the action plan, the exercises, the display), all on one store. Every method that changes
something has saved it when it returns.

Opened on a read-only store, it serves the room view, which follows the console's changes
through `reload`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sessions.agenda.agenda_clock import AgendaView, agenda_view
from sessions.agenda.countdown import Countdown
from sessions.agenda.history import AgendaChange, AgendaHistory, UndoPoint
from sessions.agenda.navigation import Advance, Navigation
from sessions.agenda.pages import Page
from sessions.agenda.rebalance import Rebalance, preview
from sessions.agenda.rounds import RoundFit, agenda_rounds, round_fit, rounds_that_do_not_fit
from sessions.agenda.schedule import AgendaItem, Schedule
from sessions.agenda.timers import Timers, speaker_key
from sessions.agenda.timing import PaceReading, TimingStatus, pace, status
from sessions.book import ExerciseBook
from sessions.clock import Clock
from sessions.display import DisplaySettings
from sessions.errors import OplaegError, ThemeError, UnknownThemeError
from sessions.exercises.round import RoundState, RoundWay, round_state
from sessions.followup.repeat import (
    REPEAT_ITEM_ID,
    REPEAT_MINUTES,
    Repeat,
    save_repeat,
    with_repeat,
)
from sessions.i18n import t
from sessions.models import Action, SessionInfo
from sessions.notes.action_plan import ActionPlan
from sessions.notes.notebook import Notebook
from sessions.phones.answers import AnswerBook
from sessions.record import info_of
from sessions.repository import SessionRepository
from sessions.storage.changes import Sink
from sessions.storage.session_store import SessionStore
from sessions.theme.library import ThemeLibrary
from sessions.theme.model import ExerciseFormat, Segment, SegmentKind, Theme

FOLLOWUP_ITEM_ID = "opfoelgning"


class LiveSession:
    """The running session."""

    def __init__(
        self,
        repository: SessionRepository | None,
        info: SessionInfo,
        store: SessionStore,
        theme: Theme,
        clock: Clock,
    ) -> None:
        self.repository = repository
        self.info = info
        self.store = store
        self.theme = with_repeat(theme, store, info.language)
        self.clock = clock
        self.nav = Navigation(store, self.theme, clock, info.details.plan)
        self.timers = Timers(store, clock)
        self.notebook = Notebook(store, clock)
        self.plan = ActionPlan(store, clock)
        self.display = DisplaySettings(store)
        self.history = AgendaHistory(store, clock)
        self.exercises = ExerciseBook(store, info.details.participants, self._exercise_segments)
        self.answers = AnswerBook(store)

    @classmethod
    def open(
        cls,
        repository: SessionRepository,
        library: ThemeLibrary,
        session_id: str,
        clock: Clock,
        *,
        readonly: bool = False,
    ) -> LiveSession:
        """Open a stored session to present (or, read-only, to follow); a clear error if the
        theme it was made from is gone."""
        info, store = repository.open(session_id, readonly=readonly)
        try:
            theme = library.get(info.theme_id)
        except (UnknownThemeError, ThemeError):
            store.close()
            raise OplaegError(t("error.theme_missing", theme=info.theme_title)) from None
        return cls(None if readonly else repository, info, store, theme, clock)

    # -- the common questions ---------------------------------------------------------------

    @property
    def sink(self) -> Sink | None:
        """Told which parts of the session changed, after every change saved here (a note, a
        page turned, a timer, a phone's answer, joining) or, on a read-only session, read by
        `reload`'s follower: the one way a window hears of a change (see
        `sessions.storage.changes`). One callable, set by whoever shows the session."""
        return self.store.sink

    @sink.setter
    def sink(self, sink: Sink | None) -> None:
        self.store.sink = sink

    @property
    def page(self) -> Page:
        return self.nav.page

    @property
    def pages(self) -> list[Page]:
        return self.nav.pages

    @property
    def position(self) -> int:
        return self.nav.position

    @property
    def schedule(self) -> Schedule:
        return self.nav.schedule

    @property
    def started_at(self) -> float | None:
        return self.nav.started_at

    def timing(self) -> TimingStatus:
        """Elapsed, planned and projected end, time left in the item, ahead or behind."""
        return status(
            self.nav.schedule,
            self.page.segment.id,
            self.nav.started_at,
            self.nav.entries(),
            self.timers.pauses(),
            self.clock.wall(),
        )

    def pace(self) -> PaceReading:
        """On time, behind, ahead or far ahead, in whole minutes: what the status line shows."""
        return pace(self.timing())

    def agenda(self) -> AgendaView:
        """The agenda on the real clock: the same numbers as `timing()` and `pace()`."""
        details = self.info.details
        booked = datetime.fromisoformat(f"{details.date}T{details.start_time}")
        return agenda_view(self.nav.schedule, self.timing(), booked)

    def reload(self) -> None:
        """Read everything again from the store (the room view, after the console changed it)."""
        self.info = info_of(self.store)
        self.theme = self.nav.theme = with_repeat(self.theme, self.store, self.info.language)
        self.nav.reload()
        self.timers.reload()

    # -- moving through the pages -------------------------------------------------------------

    def enter_page(self) -> Countdown | None:
        """What showing the current page starts: a break's countdown (see `Timers.enter`). The
        moves below call it; call it yourself when showing a page after opening the session."""
        return self.timers.enter(self.page)

    def go_to(self, position: int) -> bool:
        """Show page `position` (False: no such page, already shown, or finished)."""
        moved = self.nav.go_to(position)
        if moved:
            self.enter_page()
        return moved

    def advance(self) -> Advance:
        """The next page; on the last page the session ends (and its index entry says so)."""
        result = self.nav.advance()
        if result is Advance.MOVED:
            self.enter_page()
        elif result is Advance.FINISHED:
            self._update_summary()
        return result

    def back(self) -> bool:
        return self.go_to(self.position - 1)

    def finish(self) -> None:
        """End the session: the time log marks the end and the session list shows it."""
        self.nav.finish()
        self._update_summary()

    def reopen(self) -> bool:
        """Go on with a finished session, by the consultant's choice (False if not finished)."""
        reopened = self.nav.reopen()
        if reopened:
            self._update_summary()
            self.enter_page()
        return reopened

    @property
    def finished(self) -> bool:
        return self.nav.finished

    def pause_session(self) -> None:
        """Every clock stands still; no countdown can be started until `resume_session`."""
        self.timers.pause_session()

    def resume_session(self) -> None:
        self.timers.resume_session()
        self.enter_page()

    def break_return(self) -> float | None:
        """When the room is back, if the page shown is a break (wall clock; see
        `Timers.break_return`)."""
        return self.timers.break_return(self.page)

    # -- the agenda ---------------------------------------------------------------------------

    def set_schedule(
        self, schedule: Schedule, *, change: AgendaChange | None = AgendaChange.EDIT
    ) -> None:
        """Save a changed agenda. The agenda before it is kept for `undo_agenda`, unless
        `change` is None: the planner passes None for its second and later edits in one visit,
        so one undo brings back the agenda as it was when the planner opened."""
        before = self.nav.schedule
        if change is not None and schedule != before:
            self.history.remember(before, change)
        self.nav.set_schedule(schedule)
        self.timers.reload()

    def rebalance(self, skips: tuple[str, ...] = ()) -> Rebalance:
        """`j`: the preview of how the rest of the agenda absorbs the minutes behind or ahead
        (nothing is changed; see `sessions.agenda.rebalance`). `skips` are the items the consultant
        chose to leave out from the preview's `skip_choices`."""
        return preview(self.nav.schedule, self.timing(), skips)

    def apply_rebalance(self, rebalance: Rebalance) -> bool:
        """Carry out an accepted preview (undoable). False, and nothing changed, when the agenda
        changed since the preview was made: make a new one."""
        if rebalance.before != self.nav.schedule:
            return False
        if not rebalance.empty:
            self.set_schedule(rebalance.after, change=AgendaChange.REBALANCE)
        return True

    def undo_agenda(self) -> UndoPoint | None:
        """Bring back the agenda as it was before its last change (a rebalancing or a visit to
        the planner); what was undone, or None when there is nothing to undo."""
        point = self.history.last()
        if point is None:
            return None
        self.nav.set_schedule(point.schedule)
        self.timers.reload()
        self.history.forget()
        return point

    # -- go-rounds ----------------------------------------------------------------------------

    def rounds(self) -> list[RoundFit]:
        """Every go-round on the agenda, sized for the session's participants."""
        return agenda_rounds(self.theme, self.nav.schedule, self.info.details.participants)

    def rounds_that_do_not_fit(self) -> list[RoundFit]:
        """The go-rounds whose step cannot hold everyone, each with the ways it could be run."""
        return rounds_that_do_not_fit(self.theme, self.nav.schedule, self.info.details.participants)

    def round_here(self) -> RoundFit | None:
        """The round on the page shown, sized for the room (None when it is not a round)."""
        return round_fit(self.page, self.info.details.participants)

    def run_round_as(self, way: RoundWay) -> RoundState | None:
        """The consultant's choice of how to run the round on the page shown (everyone, fewer
        seconds, in groups, pluk): stored with the exercise (the referat reports it), from its
        first speaker, the speaker's countdown set to the new seconds. None when not a round."""
        fit = self.round_here()
        if fit is None:
            return None
        state = round_state(self.exercises.state(fit.page.segment))
        if state is None:
            return None
        state = state.run_as(way, fit.plan)
        self.exercises.save(fit.page.segment, state)
        self.timers.reset(speaker_key(fit.page), state.seconds_each)
        return state

    def carry_over(self, source: SessionInfo, actions: list[Action], title: str) -> None:
        """Begin with a follow-up of `source`'s action plan, after the first agenda item."""
        self.plan.carry_over(source, actions)
        schedule = self.schedule
        first = schedule.items[0].id if schedule.items else None
        added, extra_id = schedule.add_extra(first, SegmentKind.EXERCISE, title)
        items = tuple(
            replace(
                i,
                id=FOLLOWUP_ITEM_ID,
                format=ExerciseFormat.FOLLOW_UP,
                minutes=10,
                minimum=5,
                original_minutes=10,
                planned_minutes=10,
            )
            if i.id == extra_id
            else i
            for i in added.items
        )
        self.set_schedule(replace(added, items=items), change=None)

    def ask_again(self, repeat: Repeat, title: str) -> None:
        """Ask an earlier session's statements again (`repeat`, as chosen), as an agenda item
        after the follow-up of its plan (or after the first item); last time's answers are
        kept in this session to compare with."""
        save_repeat(self.store, replace(repeat, title=title))
        self.theme = self.nav.theme = with_repeat(self.theme, self.store, self.info.language)
        schedule = self.schedule
        if schedule.item(REPEAT_ITEM_ID) is not None:
            return
        after = FOLLOWUP_ITEM_ID if schedule.item(FOLLOWUP_ITEM_ID) else None
        if after is None and schedule.items:
            after = schedule.items[0].id
        item = AgendaItem(
            id=REPEAT_ITEM_ID,
            title=title,
            kind=SegmentKind.EXERCISE,
            minutes=REPEAT_MINUTES,
            minimum=REPEAT_MINUTES // 2,
            original_minutes=REPEAT_MINUTES,
            format=ExerciseFormat.SCALE,
        )
        items = list(schedule.items)
        position = 0 if after is None else schedule.index_of(after) + 1
        items.insert(position, item)
        self.set_schedule(replace(schedule, items=tuple(items)), change=None)

    def _update_summary(self) -> None:
        if self.repository is not None:
            self.repository.update_summary(self.store)

    def close(self) -> None:
        """Fold the journal into the session file and release its lock."""
        if self.repository is not None:
            self.repository.close(self.store)
        else:
            self.store.close()

    def _exercise_segments(self) -> list[Segment]:
        seen: dict[str, Segment] = {}
        for page in self.nav.pages:
            if page.segment.format is not None:
                seen.setdefault(page.segment.id, page.segment)
        return list(seen.values())
