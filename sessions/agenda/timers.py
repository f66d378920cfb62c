"""The session's countdowns (one per timed page, one per go-round's speaker) and the pauses of
the whole session. Every change is saved before it returns.

Rules kept here rather than in the UI:

- While the whole session is paused no countdown starts (`start`, `toggle` and `enter` leave
  it as it is); resuming the session starts again those that were running.
- A break's countdown starts by itself when its page is entered (`enter`), so its return time
  is fixed from that moment and moves only when the consultant changes the countdown.
- `reset` puts a countdown back to its planned time, whatever `+`/`-` did, finished or not.
"""

from __future__ import annotations

from typing import Any

from sessions.agenda.countdown import Countdown, CountdownState
from sessions.agenda.pages import Page
from sessions.agenda.timing import Pause
from sessions.clock import Clock
from sessions.storage.session_store import SessionStore
from sessions.storage.tables import PAUSES_TABLE, TIMERS_TABLE
from sessions.theme.model import SegmentKind


def speaker_key(page: Page) -> str:
    """The stored name of a go-round's speaker countdown."""
    return f"{page.key}#speaker"


class Timers:
    """Countdowns by key, rebuilt from their stored deadlines."""

    def __init__(self, store: SessionStore, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self._countdowns: dict[str, Countdown] = {}

    def reload(self) -> None:
        """Forget what was read, so the next reads come from the store."""
        self._countdowns.clear()

    def for_page(self, page: Page) -> Countdown | None:
        """The countdown of `page`, or None for an untimed page."""
        return None if page.seconds is None else self.get(page.key, page.seconds)

    def get(self, key: str, seconds: int) -> Countdown:
        """The countdown stored under `key` (a new one of `seconds` if there is none).

        One that never ran follows the agenda: when its item is made longer or shorter, it
        takes the new length."""
        countdown = self._countdowns.get(key)
        if countdown is None:
            doc = self._doc(key)
            state = CountdownState.from_dict(doc[1]) if doc else None
            untouched = (
                state is not None
                and state.ends_at_wall is None
                and state.remaining == state.duration
            )
            if state is None or (untouched and state.duration != seconds):
                countdown = Countdown.new(self.clock, seconds)
            else:
                countdown = Countdown(self.clock, state)
            self._countdowns[key] = countdown
        return countdown

    def save(self, key: str) -> None:
        countdown = self._countdowns.get(key)
        if countdown is None:
            return
        doc = self._doc(key)
        doc_id = doc[0] if doc else self.store.next_id(TIMERS_TABLE)
        self.store.put(TIMERS_TABLE, doc_id, {"key": key, **countdown.state.to_dict()})

    def reset(self, key: str, seconds: int) -> Countdown:
        """Back to `seconds` (the planned time), paused, whatever `+`/`-` did."""
        countdown = self.get(key, seconds)
        countdown.restart(seconds)
        self.save(key)
        return countdown

    def start(self, key: str, seconds: int) -> Countdown:
        """Start the countdown (not while the session is paused, nor once it is finished)."""
        countdown = self.get(key, seconds)
        if not self.paused and not countdown.running and not countdown.finished:
            countdown.start()
            self.save(key)
        return countdown

    def toggle(self, key: str, seconds: int) -> Countdown:
        """`t`: pause a running countdown, start a paused one, start a finished one over — but
        never start one while the session is paused."""
        countdown = self.get(key, seconds)
        if countdown.running and not countdown.finished:
            countdown.pause()
        elif self.paused:
            return countdown
        else:
            countdown.toggle()
        self.save(key)
        return countdown

    def adjust(self, key: str, seconds: int, change: float) -> Countdown:
        """`+`/`-`: add or take away `change` seconds (`reset` undoes it)."""
        countdown = self.get(key, seconds)
        countdown.adjust(change)
        self.save(key)
        return countdown

    def enter(self, page: Page) -> Countdown | None:
        """Call on showing `page`: a break's countdown starts by itself, the first time only
        (once it has been started, paused, changed or reset it is the consultant's), and not
        while the session is paused. Returns the page's countdown."""
        countdown = self.for_page(page)
        if (
            countdown is not None
            and page.segment.kind is SegmentKind.BREAK
            and not self.paused
            and self._doc(page.key) is None
        ):
            countdown.start()
            self.save(page.key)
        return countdown

    def break_return(self, page: Page) -> float | None:
        """When the room is back from the break on `page` (wall clock): the running countdown's
        deadline, so it stands still minute by minute; before it starts, now plus the planned
        break; None for a page that is not a break, or once the break is over."""
        if page.segment.kind is not SegmentKind.BREAK or page.seconds is None:
            return None
        countdown = self.get(page.key, page.seconds)
        if countdown.finished:
            return None
        return self.clock.wall() + countdown.remaining()

    # -- the whole session paused ------------------------------------------------------

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
        """Freeze every clock: running countdowns stop and start again on resume."""
        if self.paused:
            return
        running = []
        for doc_id, doc in list(self.store.items(TIMERS_TABLE)):
            key = str(doc.get("key"))
            countdown = self.get(key, int(float(doc.get("duration", 0))))
            if countdown.running and not countdown.finished:
                countdown.pause()
                self.store.put(TIMERS_TABLE, doc_id, {"key": key, **countdown.state.to_dict()})
                running.append(key)
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
        for key in doc.get("resume", []):
            stored = self._doc(str(key))
            if stored is None:
                continue
            duration = CountdownState.from_dict(stored[1]).duration
            countdown = self.get(str(key), int(duration))
            countdown.start()
            self.save(str(key))

    def _doc(self, key: str) -> tuple[str, dict[str, Any]] | None:
        for doc_id, doc in self.store.items(TIMERS_TABLE):
            if doc.get("key") == key:
                return doc_id, dict(doc)
        return None
