"""What the phones may do in a running session: see what the console's current page asks, and
answer it under the answer model's rules. Only the current page's exercise accepts answers; the
participant server (`tui.phones.server`) is a thin web layer over this."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from sessions.agenda.pages import Page
from sessions.errors import OplaegError
from sessions.exercises import kind_of
from sessions.exercises.phone import PhoneAsk
from sessions.live import LiveSession
from sessions.phones.answers import (
    MAX_PENDING_SLIPS,
    MAX_SLIP_LENGTH,
    AnswerMode,
    SlipTarget,
    answer_mode,
)
from sessions.phones.devices import Devices, new_code, new_token
from sessions.storage.tables import EXERCISES_TABLE
from sessions.text import clean_line
from sessions.theme.model import Segment


class Outcome(StrEnum):
    """What became of an answer; the phone page says it in a line."""

    SAVED = "saved"
    HELD = "held"  # a text, waiting for the consultant
    CLOSED = "closed"  # not the current question (any more)
    NO_VOTES = "no_votes"
    EMPTY = "empty"
    TOO_LONG = "too_long"
    FULL = "full"  # too many texts waiting already
    SLOW = "slow"  # this phone sends too fast


@dataclass(frozen=True)
class Question:
    """What the phone page shows: the current page's question as its kind describes it
    (`PhoneAsk`), with this phone's own answers."""

    mode: AnswerMode | None
    segment_id: str = ""
    title: str = ""
    prompt: str = ""
    statements: tuple[str, ...] = ()
    values: tuple[tuple[int, str], ...] = ()
    """A scale's values with their labels (empty where the theme gives none)."""
    chosen: tuple[int | None, ...] = ()
    """This phone's value for each statement."""
    items: tuple[tuple[str, int], ...] = ()
    """A vote's items with this phone's votes on each."""
    votes_each: int = 0
    target: SlipTarget | None = None
    columns: tuple[str, ...] = ()
    version: str = field(default="", compare=False)
    """Changes when what is asked changes (not when anyone answers): the page reloads then."""

    @classmethod
    def asking(
        cls,
        ask: PhoneAsk,
        segment_id: str,
        title: str,
        prompt: str,
        chosen: tuple[int | None, ...] = (),
        mine: Mapping[str, int] | None = None,
        version: str = "",
    ) -> Question:
        """What the phone page shows of `ask` (the kind's description), with the step's
        question `prompt` (if the kind shows it) and this phone's values and votes."""
        mine = mine or {}
        return cls(
            ask.mode,
            segment_id,
            title,
            prompt if ask.shows_prompt else "",
            statements=ask.statements,
            values=ask.values,
            chosen=chosen,
            items=tuple((item, mine.get(item, 0)) for item in ask.items),
            votes_each=ask.votes_each,
            target=ask.target if ask.mode is AnswerMode.SLIP else None,
            columns=ask.columns,
            version=version,
        )


class JoinService:
    """The phones' way into `live`. Call `close` when joining stops: from then on nothing is
    accepted, even from a request already on its way."""

    def __init__(self, live: LiveSession) -> None:
        self.live = live
        self.devices = Devices()
        self.token = new_token()
        self.code = new_code()
        self.open = True
        self._failure: Callable[[OplaegError], None] | None = None
        self._shed: Callable[[int], None] | None = None
        self._state_cache: tuple[tuple[int, str], object] | None = None
        self._asked_cache: (
            tuple[tuple[int, object, AnswerMode], tuple[PhoneAsk, str, str] | None] | None
        ) = None

    def listen(
        self,
        failure: Callable[[OplaegError], None] | None = None,
        shed: Callable[[int], None] | None = None,
    ) -> None:
        """Call `failure` when an answer could not be saved, and `shed` when the server closed
        connections because there were too many (the console says so). An answer that was
        saved needs no call: the store tells its sink (`SessionStore.sink`), as every write."""
        self._failure = failure
        self._shed = shed

    def shed(self, total: int) -> None:
        """The server has closed `total` connections so far to stay within its bounds."""
        if self._shed is not None:
            self._shed(total)

    def failed(self, error: OplaegError) -> None:
        """An answer could not be saved (the phone was told to try again)."""
        if self._failure is not None:
            self._failure(error)

    def close(self) -> None:
        self.open = False

    # -- what is asked ---------------------------------------------------------------------------

    def current(self) -> tuple[Page, AnswerMode] | None:
        """The console's page and what it asks, while the session runs and joining is open."""
        live = self.live
        if not self.open or live.started_at is None or live.nav.finished:
            return None
        page = live.page
        mode = answer_mode(page)
        return (page, mode) if mode is not None else None

    def question(self, cookie: str | None) -> Question:
        current = self.current()
        if current is None:
            return Question(None, version=_version("none"))
        page, mode = current
        segment = page.segment
        asked = self._asked_on(page, mode)
        if asked is None:
            return Question(None, version=_version("none"))
        ask, prompt, version = asked
        with contextlib.suppress(OplaegError):  # an answer tries again, and says what failed
            self._keep_exercise(segment)
        answers = self.live.answers
        chosen = tuple(
            answers.scale_value(segment.id, i, self.devices.key(cookie, segment.id, i))
            if cookie
            else None
            for i in range(len(ask.statements))
        )
        mine = (
            answers.votes_of(segment.id, self.devices.key(cookie, segment.id))
            if cookie and ask.items
            else {}
        )
        return Question.asking(ask, segment.id, segment.title, prompt, chosen, mine, version)

    def _asked_on(self, page: Page, mode: AnswerMode) -> tuple[PhoneAsk, str, str] | None:
        """What `page` asks in `mode`, its step's question and the version a phone's page
        compares: worked out once per change to the session (every phone's page asks it
        after every answer, and the answers do not change it)."""
        stamp = (self.live.store.revision, page.key, mode)
        if self._asked_cache is None or self._asked_cache[0] != stamp:
            segment, step = page.segment, page.step
            prompt = step.questions[0] if step is not None and step.questions else ""
            if step is not None and not prompt and step.title != segment.title:
                prompt = step.title
            ask = self._ask(segment, mode)
            asked = None if ask is None else (ask, prompt, _version(mode, page.key, ask))
            self._asked_cache = (stamp, asked)
        return self._asked_cache[1]

    # -- answering -------------------------------------------------------------------------------

    def answer_scale(
        self, cookie: str, segment_id: str, statement: str, value: str, *, defer: bool = False
    ) -> Outcome:
        """A scale answer. With `defer` it is only staged: the caller calls `commit` (or awaits
        a `GroupCommit`) before telling the phone it is saved."""
        segment, ask = self._asked(segment_id, AnswerMode.SCALE)
        index, number = _number(statement), _number(value)
        if segment is None or ask is None or index is None or number is None:
            return Outcome.CLOSED
        if not ask.accepts_value(index, number):
            return Outcome.CLOSED
        self._keep_exercise(segment)
        key = self.devices.key(cookie, segment.id, index)
        self.live.answers.answer_scale(segment.id, index, key, number, defer=True)
        if not defer:
            self.commit()
        return Outcome.SAVED

    def vote(
        self, cookie: str, segment_id: str, item: str, change: int, *, defer: bool = False
    ) -> Outcome:
        """A vote more or less on `item`; staged only with `defer`, as `answer_scale`."""
        segment, ask = self._asked(segment_id, AnswerMode.VOTE)
        if segment is None or ask is None or not ask.accepts_item(item):
            return Outcome.CLOSED
        self._keep_exercise(segment)
        key = self.devices.key(cookie, segment.id)
        allowed = ask.votes_each
        if not self.live.answers.vote(segment.id, key, item, change, allowed, defer=True):
            return Outcome.NO_VOTES
        if not defer:
            self.commit()
        return Outcome.SAVED

    def commit(self) -> None:
        """Write the staged answers (one journal line for all); durable when this returns.
        A storage error drops them and goes on to the caller (the phones try again)."""
        try:
            self.live.answers.flush()
        except OplaegError as error:
            self.failed(error)
            raise

    async def commit_async(self) -> None:
        """`commit`, with the file written in a worker thread: the console's loop — its keys
        and its countdown — goes on while the disk works."""
        try:
            await self.live.answers.flush_async()
        except OplaegError as error:
            self.failed(error)
            raise

    def send_slip(self, segment_id: str, text: str, column: str = "") -> Outcome:
        segment, ask = self._asked(segment_id, AnswerMode.SLIP)
        if segment is None or ask is None:
            return Outcome.CLOSED
        cleaned = clean_line(text)
        if not cleaned:
            return Outcome.EMPTY
        if len(cleaned) > MAX_SLIP_LENGTH:
            return Outcome.TOO_LONG
        answers = self.live.answers
        if answers.pending_count() >= MAX_PENDING_SLIPS:
            return Outcome.FULL
        chosen = _number(column) or 0
        if not ask.accepts_column(chosen):
            return Outcome.CLOSED
        page = self.live.page
        answers.add_slip(segment.id, page.index, cleaned, ask.target, chosen)
        return Outcome.HELD

    def voting_item(self, reference: str) -> str | None:
        """The item a phone's vote form names (see `item_reference`), if it is still on the
        list the phone saw."""
        current = self.current()
        if current is None or current[1] is not AnswerMode.VOTE:
            return None
        asked = self._asked_on(current[0], AnswerMode.VOTE)
        if asked is None:
            return None
        ask = asked[0]
        index, _, _ = reference.partition("-")
        number = _number(index)
        if number is None or number >= len(ask.items):
            return None
        item = ask.items[number]
        return item if item_reference(number, item) == reference else None

    # -- helpers ---------------------------------------------------------------------------------

    def _asked(self, segment_id: str, mode: AnswerMode) -> tuple[Segment | None, PhoneAsk | None]:
        """The current exercise and what it asks, if it is `segment_id` and asks `mode`."""
        current = self.current()
        if current is None:
            return None, None
        page, asked = current
        if asked is not mode or page.segment.id != segment_id:
            return None, None
        found = self._asked_on(page, mode)
        return page.segment, (found[0] if found is not None else None)

    def _ask(self, segment: Segment, mode: AnswerMode) -> PhoneAsk | None:
        """What the exercise's kind asks the phones, if it is in `mode`."""
        kind = kind_of(segment.format)
        ask = kind.phone_ask(segment, self._state(segment)) if kind is not None else None
        return ask if ask is not None and ask.mode is mode else None

    def _state(self, segment: Segment) -> object:
        """The exercise's state, read once per change to the session (not per answer: a
        vote's list is gathered from the boards and notes before it, which grows with the
        session). The phones' answers are not part of it, so they never make it stale."""
        stamp = (self.live.store.revision, segment.id)
        if self._state_cache is None or self._state_cache[0] != stamp:
            self._state_cache = (stamp, self.live.exercises.state(segment))
        return self._state_cache[1]

    def _keep_exercise(self, segment: Segment) -> None:
        """Store the exercise as it stands before its first phone answer, so the referat has
        it even if no hand was counted by key. Done when a phone is first shown the question
        (and again, if need be, at an answer): a room answers its first statement at once,
        and this write and the repaint it causes were in that first wave's way."""
        if not self.live.store.has(EXERCISES_TABLE, segment.id):
            self.live.exercises.save(segment, self.live.exercises.state(segment))


def item_reference(index: int, item: str) -> str:
    """How a vote form names an item: short (an item can be a long note), and refused if the
    list has changed under the phone."""
    return f"{index}-{hashlib.sha256(item.encode()).hexdigest()[:10]}"


def _number(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 4 else None


def _version(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:12]
