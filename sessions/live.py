"""A session being run: where the presenter is, its timers, notes and draft, all saved at once."""

from __future__ import annotations

from dataclasses import replace

from sessions.agenda import Page, build_pages
from sessions.clock import Clock
from sessions.countdown import Countdown, CountdownState
from sessions.exercises import EXERCISES_TABLE
from sessions.models import (
    Action,
    Draft,
    FollowUp,
    FollowUpStatus,
    Note,
    NoteTag,
    SessionInfo,
)
from sessions.repository import ACTIONS_TABLE, NOTES_TABLE, SessionRepository
from sessions.schedule import Schedule
from sessions.storage.session_store import SessionStore
from sessions.text import clean_line, clean_text
from sessions.theme.model import Theme
from sessions.timing import END_MARKER, Pause, TimingStatus, status

STATE_TABLE = "state"
TIMERS_TABLE = "timers"
LOG_TABLE = "log"
DRAFT_TABLE = "draft"
SCHEDULE_TABLE = "schedule"
PAUSES_TABLE = "pauses"
FOLLOWUP_TABLE = "followup"
PLAN_TABLE = "plan"
SEGMENT_WIDE = -1
"""The step number of exercise state that all of an exercise's steps share."""
FOLLOWUP_ITEM_ID = "opfoelgning"
MAX_NOTE_LENGTH = 20_000


class LiveSession:
    """The running session. Every method that changes something has saved it when it returns."""

    def __init__(
        self,
        repository: SessionRepository,
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
        stored = store.get(SCHEDULE_TABLE, "1")
        self.schedule = (
            Schedule.from_dict(stored) if stored else Schedule.from_theme(theme, info.details.plan)
        )
        self.pages: list[Page] = build_pages(theme, self.schedule)
        self._countdowns: dict[str, Countdown] = {}
        state = store.get(STATE_TABLE, "1") or {}
        self.bell = bool(state.get("bell", True))
        self.started_at: float | None = state.get("started_at")
        self.position = self._find_page(state.get("segment_id"), int(state.get("index", 0)))

    # -- position ------------------------------------------------------------------------

    @property
    def page(self) -> Page:
        return self.pages[self.position]

    def start(self) -> None:
        """Mark the session as begun (once) and log the segment it begins on."""
        if self.started_at is None:
            self.started_at = self.clock.wall()
            self._save_state()
            self._log_entry()

    def go_to(self, position: int) -> bool:
        """Show page `position`; False when it does not exist or is already shown."""
        if not 0 <= position < len(self.pages) or position == self.position:
            return False
        previous_segment = self.page.segment.id
        self.position = position
        self.start()
        self._save_state()
        if self.page.segment.id != previous_segment:
            self._log_entry()
        return True

    def next(self) -> bool:
        return self.go_to(self.position + 1)

    def previous(self) -> bool:
        return self.go_to(self.position - 1)

    def elapsed(self) -> float:
        """Seconds since the session began, pauses not counted (0 before it begins)."""
        return self.timing().elapsed

    def segment_entries(self) -> dict[str, float]:
        """When each agenda item was first entered."""
        first: dict[str, float] = {}
        for item_id, at in sorted(self.entries(), key=lambda e: e[1]):
            first.setdefault(item_id, at)
        return first

    def entries(self) -> list[tuple[str, float]]:
        """Every log entry, oldest first: (agenda item id, when it was entered)."""
        return stored_entries(self.store)

    def finish(self) -> None:
        """Mark the end of the session in the time log (once, until it goes on again)."""
        entries = self.entries()
        if entries and entries[-1][0] == END_MARKER:
            return
        self.store.put(
            LOG_TABLE,
            self.store.next_id(LOG_TABLE),
            {"segment_id": END_MARKER, "at": self.clock.wall()},
        )

    @property
    def finished(self) -> bool:
        entries = self.entries()
        return bool(entries) and entries[-1][0] == END_MARKER

    # -- the agenda and the session clock ---------------------------------------------------

    def set_schedule(self, schedule: Schedule) -> None:
        """Save a changed agenda and rebuild the pages, staying on the same page if it is kept."""
        page = self.page
        self.store.put(SCHEDULE_TABLE, "1", schedule.to_dict())
        self.schedule = schedule
        self.pages = build_pages(self.theme, schedule)
        self._countdowns.clear()
        self.position = self._find_page(page.segment.id, page.index)
        if self.page.segment.id != page.segment.id:
            self._save_state()

    def set_bell(self, on: bool) -> None:
        self.bell = on
        self._save_state()

    def pauses(self) -> list[Pause]:
        return [
            Pause.from_dict(doc)
            for _, doc in sorted(self.store.items(PAUSES_TABLE), key=lambda d: int(d[0]))
        ]

    @property
    def paused(self) -> bool:
        pauses = self.pauses()
        return bool(pauses) and pauses[-1].end is None

    def pause_session(self) -> None:
        """Freeze every clock: running countdowns stop and will start again on resume."""
        if self.paused:
            return
        running = []
        for page in self.pages:
            countdown = self.countdown(page)
            if countdown is not None and countdown.running and not countdown.finished:
                countdown.pause()
                self.save_countdown(page)
                running.append(page.key)
        self.store.put(
            PAUSES_TABLE,
            self.store.next_id(PAUSES_TABLE),
            {"start": self.clock.wall(), "end": None, "resume": running},
        )

    def resume_session(self) -> None:
        if not self.paused:
            return
        doc_id, doc = max(self.store.items(PAUSES_TABLE), key=lambda d: int(d[0]))
        self.store.put(PAUSES_TABLE, doc_id, {**doc, "end": self.clock.wall()})
        for page in self.pages:
            if page.key in doc.get("resume", []):
                countdown = self.countdown(page)
                if countdown is not None:
                    countdown.start()
                    self.save_countdown(page)

    def timing(self) -> TimingStatus:
        """Elapsed, planned and projected end, time left in the item, ahead or behind."""
        return status(
            self.schedule,
            self.page.segment.id,
            self.started_at,
            self.entries(),
            self.pauses(),
            self.clock.wall(),
        )

    def _find_page(self, segment_id: object, index: int) -> int:
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
        return min(getattr(self, "position", 0), len(self.pages) - 1)

    def _save_state(self) -> None:
        self.store.put(
            STATE_TABLE,
            "1",
            {
                "segment_id": self.page.segment.id,
                "index": self.page.index,
                "started_at": self.started_at,
                "bell": getattr(self, "bell", True),
            },
        )

    def _log_entry(self) -> None:
        self.store.put(
            LOG_TABLE,
            self.store.next_id(LOG_TABLE),
            {"segment_id": self.page.segment.id, "at": self.clock.wall()},
        )

    # -- timers --------------------------------------------------------------------------

    def countdown(self, page: Page | None = None) -> Countdown | None:
        """The countdown of `page` (default: the current one), or None for an untimed page."""
        page = page or self.page
        return None if page.seconds is None else self.timer(page.key, page.seconds)

    def save_countdown(self, page: Page | None = None) -> None:
        """Store the current page's countdown after a change."""
        page = page or self.page
        if page.seconds is not None:
            self.save_timer(page.key)

    def timer(self, key: str, seconds: int) -> Countdown:
        """The countdown stored under `key` (a new one of `seconds` if there is none)."""
        if key not in self._countdowns:
            doc = self._timer_doc(key)
            state = CountdownState.from_dict(doc[1]) if doc else None
            untouched = (
                state is not None
                and state.ends_at_wall is None
                and (state.remaining == state.duration)
            )
            if state is None or (untouched and state.duration != seconds):
                # Never started: it follows the agenda when an item is made longer or shorter.
                self._countdowns[key] = Countdown.new(self.clock, seconds)
            else:
                self._countdowns[key] = Countdown(self.clock, state)
        return self._countdowns[key]

    def save_timer(self, key: str) -> None:
        countdown = self._countdowns.get(key)
        if countdown is None:
            return
        doc = self._timer_doc(key)
        doc_id = doc[0] if doc else self.store.next_id(TIMERS_TABLE)
        self.store.put(TIMERS_TABLE, doc_id, {"key": key, **countdown.state.to_dict()})

    # -- exercises -----------------------------------------------------------------------

    def exercise_state(
        self, page: Page | None = None, *, whole_segment: bool = False
    ) -> dict[str, object]:
        """What the group has done in the exercise on `page` (empty when nothing yet); with
        `whole_segment`, what all of the exercise's steps share (a sorting board)."""
        page = page or self.page
        step = SEGMENT_WIDE if whole_segment else page.index
        return dict(self.store.get(EXERCISES_TABLE, self._exercise_doc_id(page, step)) or {})

    def save_exercise_state(
        self, state: dict[str, object], page: Page | None = None, *, whole_segment: bool = False
    ) -> None:
        page = page or self.page
        step = SEGMENT_WIDE if whole_segment else page.index
        doc = {
            **state,
            "segment_id": page.segment.id,
            "step": step,
            "title": page.segment.title,
            "format": page.segment.format.value if page.segment.format else None,
        }
        self.store.put(EXERCISES_TABLE, self._exercise_doc_id(page, step), doc)

    def exercise_docs(self, exercise_format: str) -> list[dict[str, object]]:
        """Every stored exercise of one kind in this session."""
        return [
            dict(d)
            for _, d in self.store.items(EXERCISES_TABLE)
            if d.get("format") == exercise_format
        ]

    def _exercise_doc_id(self, page: Page, step: int) -> str:
        for doc_id, doc in self.store.items(EXERCISES_TABLE):
            if doc.get("segment_id") == page.segment.id and doc.get("step") == step:
                return doc_id
        return self.store.next_id(EXERCISES_TABLE)

    def _timer_doc(self, key: str) -> tuple[str, dict[str, object]] | None:
        for doc_id, doc in self.store.items(TIMERS_TABLE):
            if doc.get("key") == key:
                return doc_id, dict(doc)
        return None

    # -- notes ---------------------------------------------------------------------------

    def notes(self, segment_id: str | None = None) -> list[Note]:
        """Notes in the order they were made, optionally of one segment only."""
        notes = [
            Note.from_dict({"id": i, **d})
            for i, d in self.store.items(NOTES_TABLE)
            if segment_id is None or d.get("segment_id") == segment_id
        ]
        return sorted(notes, key=lambda n: (n.created_at, int(n.id) if n.id.isdigit() else 0))

    def add_note(
        self,
        text: str,
        tag: NoteTag | None = None,
        private: bool = False,
        card: int | None = None,
    ) -> Note:
        """Save a new note on the current page (about dialogue card `card`, if given)."""
        note = Note(
            id=self.store.next_id(NOTES_TABLE),
            segment_id=self.page.segment.id,
            text=_note_text(text),
            created_at=self.clock.wall(),
            updated_at=self.clock.wall(),
            tag=tag,
            step=self.page.index,
            private=private,
            card=card,
        )
        self._put_note(note)
        return note

    def update_note(
        self, note_id: str, text: str, tag: NoteTag | None, private: bool = False
    ) -> Note:
        old = self._note(note_id)
        note = replace(
            old, text=_note_text(text), updated_at=self.clock.wall(), tag=tag, private=private
        )
        self._put_note(note)
        return note

    def delete_note(self, note_id: str) -> Note:
        """Delete a note and return it, so it can be restored."""
        note = self._note(note_id)
        self.store.delete(NOTES_TABLE, note_id)
        return note

    def restore_note(self, note: Note) -> None:
        """Put back a deleted note (undo)."""
        self._put_note(note)

    def _note(self, note_id: str) -> Note:
        doc = self.store.get(NOTES_TABLE, note_id)
        if doc is None:
            raise KeyError(note_id)
        return Note.from_dict({"id": note_id, **doc})

    def _put_note(self, note: Note) -> None:
        data = note.to_dict()
        del data["id"]
        self.store.put(NOTES_TABLE, note.id, data)

    # -- the action plan -------------------------------------------------------------------

    def actions(self) -> list[Action]:
        """The action plan, in the order the rows were made."""
        rows = [Action.from_dict({"id": i, **d}) for i, d in self.store.items(ACTIONS_TABLE)]
        return sorted(rows, key=lambda a: (a.created_at, int(a.id) if a.id.isdigit() else 0))

    def save_action(
        self, action_id: str | None, what: str, who: str, when: str, follow_up: str
    ) -> Action:
        """Add a row (`action_id` None) or change one; `what` may not be empty."""
        what = clean_line(what)
        if not what:
            raise ValueError("an action needs a 'what'")
        old = self.store.get(ACTIONS_TABLE, action_id) if action_id else None
        action = Action(
            id=action_id or self.store.next_id(ACTIONS_TABLE),
            what=what,
            who=clean_line(who),
            when=clean_line(when),
            follow_up=clean_line(follow_up),
            created_at=float(old["created_at"]) if old else self.clock.wall(),
        )
        data = action.to_dict()
        del data["id"]
        self.store.put(ACTIONS_TABLE, action.id, data)
        return action

    def delete_action(self, action_id: str) -> None:
        self.store.delete(ACTIONS_TABLE, action_id)

    @property
    def next_follow_up(self) -> str:
        """When the workplace follows up the plan (free text: a date, "uge 10" …)."""
        return str((self.store.get(PLAN_TABLE, "1") or {}).get("next_follow_up", ""))

    def set_next_follow_up(self, when: str) -> None:
        self.store.put(PLAN_TABLE, "1", {"next_follow_up": clean_line(when)})

    # -- following up an earlier action plan --------------------------------------------------

    def followups(self) -> list[FollowUp]:
        rows = [FollowUp.from_dict({"id": i, **d}) for i, d in self.store.items(FOLLOWUP_TABLE)]
        return sorted(rows, key=lambda f: int(f.id) if f.id.isdigit() else 0)

    def set_followup(
        self, followup_id: str, status: FollowUpStatus | None, comment: str | None = None
    ) -> FollowUp:
        """Record how far a carried-over action has come."""
        current = next(f for f in self.followups() if f.id == followup_id)
        changed = replace(
            current,
            status=status,
            comment=current.comment if comment is None else clean_line(comment),
        )
        self.store.put(FOLLOWUP_TABLE, followup_id, changed.to_dict())
        return changed

    # -- the draft of the note being typed ------------------------------------------------

    def draft(self) -> Draft | None:
        doc = self.store.get(DRAFT_TABLE, "1")
        return Draft.from_dict(doc) if doc else None

    def save_draft(self, draft: Draft) -> None:
        current = self.store.get(DRAFT_TABLE, "1")
        data = draft.to_dict()
        data["text"] = clean_text(draft.text)
        if current != data:
            self.store.put(DRAFT_TABLE, "1", data)

    def clear_draft(self) -> None:
        if self.store.get(DRAFT_TABLE, "1") is not None:
            self.store.delete(DRAFT_TABLE, "1")

    # -- closing -------------------------------------------------------------------------

    def close(self) -> None:
        """Save timers, fold the journal into the snapshot, release the lock."""
        self.repository.close(self.store)


def _note_text(text: str) -> str:
    cleaned = clean_text(text).strip("\n")
    if not cleaned.strip():
        raise ValueError("a note needs some text")
    return cleaned[:MAX_NOTE_LENGTH]


def carry_over(live: LiveSession, source: SessionInfo, actions: list[Action], title: str) -> None:
    """Start `live` with a follow-up of `source`'s action plan, after its first agenda item."""
    for number, action in enumerate(actions, start=1):
        followup = FollowUp(str(number), action, source.id, source.details.date)
        live.store.put(FOLLOWUP_TABLE, followup.id, followup.to_dict())
    schedule = live.schedule
    first = schedule.items[0].id if schedule.items else None
    added = schedule.add_extra(first, "exercise", title)
    extra_id = next(i.id for i in added.items if i.id not in {x.id for x in schedule.items})
    items = tuple(
        replace(
            i, id=FOLLOWUP_ITEM_ID, format="follow-up", minutes=10, minimum=5, original_minutes=10
        )
        if i.id == extra_id
        else i
        for i in added.items
    )
    live.set_schedule(replace(added, items=items))


def stored_entries(store: SessionStore) -> list[tuple[str, float]]:
    """The time log of the session in `store`: (agenda item id, when entered), oldest first."""
    return [(str(doc["segment_id"]), float(doc["at"])) for _, doc in store.items(LOG_TABLE)]
