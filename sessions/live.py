"""A session being run: a small façade over the parts that keep it (navigation, timers, notes,
the action plan, the exercises, the display), all on one store. Every method that changes
something has saved it when it returns.

Opened on a read-only store, it serves the room view, which follows the console's changes
through `reload`.
"""

from __future__ import annotations

from dataclasses import replace

from sessions.action_plan import ActionPlan
from sessions.answers import AnswerBook
from sessions.clock import Clock
from sessions.display import DisplaySettings
from sessions.errors import OplaegError, ThemeError, UnknownThemeError
from sessions.exercises.book import ExerciseBook
from sessions.i18n import t
from sessions.models import Action, SessionInfo
from sessions.navigation import Navigation
from sessions.notebook import Notebook
from sessions.pages import Page
from sessions.repository import SessionRepository, info_of
from sessions.schedule import Schedule
from sessions.storage.session_store import SessionStore
from sessions.theme.library import ThemeLibrary
from sessions.theme.model import Segment, SegmentKind, Theme
from sessions.timers import Timers
from sessions.timing import TimingStatus, status

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
        self.theme = theme
        self.clock = clock
        self.nav = Navigation(store, theme, clock, info.details.plan)
        self.timers = Timers(store, clock)
        self.notebook = Notebook(store, clock)
        self.plan = ActionPlan(store, clock)
        self.display = DisplaySettings(store)
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

    def reload(self) -> None:
        """Read everything again from the store (the room view, after the console changed it)."""
        self.info = info_of(self.store)
        self.nav.reload()
        self.timers.reload()

    def set_schedule(self, schedule: Schedule) -> None:
        self.nav.set_schedule(schedule)
        self.timers.reload()

    def carry_over(self, source: SessionInfo, actions: list[Action], title: str) -> None:
        """Begin with a follow-up of `source`'s action plan, after the first agenda item."""
        self.plan.carry_over(source, actions)
        schedule = self.schedule
        first = schedule.items[0].id if schedule.items else None
        added = schedule.add_extra(first, SegmentKind.EXERCISE.value, title)
        extra_id = next(i.id for i in added.items if i.id not in {x.id for x in schedule.items})
        items = tuple(
            replace(
                i,
                id=FOLLOWUP_ITEM_ID,
                format="follow-up",
                minutes=10,
                minimum=5,
                original_minutes=10,
            )
            if i.id == extra_id
            else i
            for i in added.items
        )
        self.set_schedule(replace(added, items=items))

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
