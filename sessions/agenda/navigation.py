"""Where the session is: its agenda as adjusted, the pages it makes, the page shown, and the time
log of when each agenda item was entered."""

from __future__ import annotations

from enum import StrEnum

from sessions.agenda.pages import Page, build_pages
from sessions.agenda.schedule import Schedule
from sessions.agenda.timing import END_MARKER
from sessions.clock import Clock
from sessions.storage.session_store import SessionStore
from sessions.storage.tables import LOG_TABLE, SCHEDULE_TABLE, STATE_TABLE
from sessions.theme.model import Theme


class Advance(StrEnum):
    """What moving on from a page did."""

    MOVED = "moved"
    FINISHED = "finished"  # the last page: the session has now ended
    ALREADY_FINISHED = "already_finished"  # it had ended: nothing moved (`reopen` first)


class Navigation:
    """The agenda, the pages and the position; every change is saved before it returns."""

    def __init__(self, store: SessionStore, theme: Theme, clock: Clock, plan: int) -> None:
        self.store = store
        self.theme = theme
        self.clock = clock
        self._plan = plan
        self.schedule = Schedule.from_theme(theme, plan)
        self.pages: list[Page] = []
        self.position = 0
        self.started_at: float | None = None
        self.reload()

    def reload(self) -> None:
        """Read the agenda and the position from the store (after someone else changed it)."""
        stored = self.store.get(SCHEDULE_TABLE, "1")
        self.schedule = (
            Schedule.from_dict(stored) if stored else Schedule.from_theme(self.theme, self._plan)
        )
        self.pages = build_pages(self.theme, self.schedule)
        state = self.store.get(STATE_TABLE, "1") or {}
        started = state.get("started_at")
        self.started_at = float(started) if isinstance(started, int | float) else None
        self.position = self._find_page(state.get("segment_id"), int(state.get("index", 0)), 0)

    @property
    def page(self) -> Page:
        return self.pages[self.position]

    def page_after(self) -> Page | None:
        """The page that comes next, for the consultant's preview."""
        following = self.position + 1
        return self.pages[following] if following < len(self.pages) else None

    def start(self) -> None:
        """Mark the session as begun (once) and log the agenda item it begins on."""
        if self.started_at is None:
            self.started_at = self.clock.wall()
            if self.store.get(SCHEDULE_TABLE, "1") is None:
                # The agenda as run is kept whole (minimums, what a shorter session left out),
                # so the referat never has to work it out again from the theme.
                self.store.put(SCHEDULE_TABLE, "1", self.schedule.to_dict())
            self._save_state()
            self._log_entry(self.page.segment.id)

    def go_to(self, position: int) -> bool:
        """Show page `position`; False when it does not exist, is already shown, or the
        session has finished (going on with a finished session is `reopen`, by choice)."""
        if not 0 <= position < len(self.pages) or position == self.position or self.finished:
            return False
        previous_segment = self.page.segment.id
        self.position = position
        self.start()
        self._save_state()
        if self.page.segment.id != previous_segment:
            self._log_entry(self.page.segment.id)
        return True

    def advance(self) -> Advance:
        """Move to the next page, or end the session on the last one."""
        if self.finished:
            return Advance.ALREADY_FINISHED
        if self.position < len(self.pages) - 1:
            self.go_to(self.position + 1)
            return Advance.MOVED
        self.finish()
        return Advance.FINISHED

    def back(self) -> bool:
        return self.go_to(self.position - 1)

    def reopen(self) -> bool:
        """Go on with a finished session, on the page it ended on: the time log records the
        re-entry (the time it stood finished counts as a pause). False if it was not finished."""
        if not self.finished:
            return False
        self._log_entry(self.page.segment.id)
        return True

    def entries(self) -> list[tuple[str, float]]:
        """Every log entry, oldest first: (agenda item id, when it was entered)."""
        return stored_entries(self.store)

    def finish(self) -> None:
        """Mark the end of the session in the time log (once, until it goes on again)."""
        if not self.finished:
            self._log_entry(END_MARKER)

    @property
    def finished(self) -> bool:
        entries = self.entries()
        return bool(entries) and entries[-1][0] == END_MARKER

    def set_schedule(self, schedule: Schedule) -> None:
        """Save a changed agenda and rebuild the pages, staying on the same page if it is kept."""
        page = self.page
        self.store.put(SCHEDULE_TABLE, "1", schedule.to_dict())
        self.schedule = schedule
        self.pages = build_pages(self.theme, schedule)
        self.position = self._find_page(page.segment.id, page.index, self.position)
        if self.page.segment.id != page.segment.id:
            self._save_state()
            # The item shown was skipped or removed: the time from now on is the next one's.
            if self.started_at is not None and not self.finished:
                self._log_entry(self.page.segment.id)

    def _find_page(self, segment_id: object, index: int, fallback: int) -> int:
        for position, page in enumerate(self.pages):
            if page.segment.id == segment_id and page.index == index:
                return position
        for position, page in enumerate(self.pages):
            if page.segment.id == segment_id:
                return position
        # The item was skipped or removed: go to the first page of the next active item.
        ids = [item.id for item in self.schedule.items]
        if segment_id in ids:
            later = ids[ids.index(str(segment_id)) :]
            for position, page in enumerate(self.pages):
                if page.segment.id in later:
                    return position
        return min(fallback, len(self.pages) - 1)

    def _save_state(self) -> None:
        self.store.put(
            STATE_TABLE,
            "1",
            {
                "segment_id": self.page.segment.id,
                "index": self.page.index,
                "started_at": self.started_at,
            },
        )

    def _log_entry(self, item_id: str) -> None:
        self.store.put(
            LOG_TABLE,
            self.store.next_id(LOG_TABLE),
            {"segment_id": item_id, "at": self.clock.wall()},
        )


def stored_entries(store: SessionStore) -> list[tuple[str, float]]:
    """The time log of the session in `store`: (agenda item id, when entered), oldest first."""
    return [(str(doc["segment_id"]), float(doc["at"])) for _, doc in store.items(LOG_TABLE)]
