"""Participants' answers from their phones, as stored in the session, and what they add up to.

Anonymous by construction. A phone is known to the store only by a *key*: a hash of its random
cookie, a salt that exists only in the console's memory, and the question answered
(`sessions.phones.devices`). The key lets a second answer replace the first and holds a person to
their votes; it cannot be turned back into the cookie, matched between two questions or two
sessions, or linked to a person. No address, browser, time or cookie is stored, and a text a
phone sends (a seddel) carries no key at all.

Scale values and votes are kept as they stand now, one per phone key and question, in a table
of their own that holds no order of arrival and no earlier values (`sessions.phones.answer_log`).
The documents of the `answers` table:

- `slip:<n>` — {"kind": "slip", "segment_id", "step", "text", "target", "column"}: a text
  waiting for the consultant. Approved, it becomes a board item, an agreement or a note
  (`sessions.phones.moderation`); rejected, it is deleted.

Only the console writes them (the participant server runs inside it); the room view reads them
to merge the phones' counts with the hands counted by keys.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any

from sessions.agenda.pages import Page
from sessions.exercises import kind_of
from sessions.exercises.base import ExerciseKind, ExerciseResult, as_int
from sessions.exercises.phone import AnswerMode as AnswerMode  # the phones' modes, defined by
from sessions.exercises.phone import SlipTarget as SlipTarget  # the kinds, said here as before
from sessions.i18n import plural
from sessions.phones.answer_log import AnswerLog
from sessions.storage.session_store import SessionStore
from sessions.storage.tables import ANSWERS_TABLE, JOIN_TABLE

MAX_SLIP_LENGTH = 200
MAX_PENDING_SLIPS = 300
"""More waiting texts than any room writes: past it, phones are told to wait (a flood stops)."""
SCALE, VOTE, SLIP = "scale", "vote", "slip"


def answer_mode(page: Page) -> AnswerMode | None:
    """What `page` lets the phones answer, or None ("kig op på skærmen"): a result step asks
    nothing; otherwise the exercise's kind says (`ExerciseKind.phone_mode`)."""
    kind = kind_of(page.segment.format)
    step = page.step
    if kind is None or step is None or step.show_results:
        return None
    return kind.phone_mode(page.segment, page.index)


@dataclass(frozen=True)
class Slip:
    """A text from a phone, waiting for the consultant."""

    id: str
    segment_id: str
    text: str
    target: SlipTarget
    column: int = 0
    step: int = 0


@dataclass(frozen=True)
class JoinState:
    """Whether phones can answer, and what the room needs to join: stored, so the room view
    (another process) shows the code. The code is shown at the start of every page that asks
    something; the consultant can hide it there, or show it on a page that asks nothing."""

    on: bool = False
    url: str = ""
    address: str = ""
    """The address without `http://`, short enough to type."""
    code: str = ""
    """Four digits the room sees on the wall and on the phone: the right session."""
    hidden_on: str | None = None
    shown_on: str | None = None

    def code_visible(self, page: Page) -> bool:
        if not self.on:
            return False
        if answer_mode(page) is not None:
            return self.hidden_on != page.key
        return self.shown_on == page.key

    def toggle_code(self, page: Page) -> JoinState:
        """Hide the code on `page` if it shows, show it if it does not."""
        visible = self.code_visible(page)
        if answer_mode(page) is not None:
            return replace(self, hidden_on=page.key if visible else None)
        return replace(self, shown_on=None if visible else page.key)

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> JoinState:
        def text(name: str) -> str:
            value = doc.get(name)
            return value if isinstance(value, str) else ""

        return cls(
            on=doc.get("on") is True,
            url=text("url"),
            address=text("address"),
            code=text("code"),
            hidden_on=text("hidden_on") or None,
            shown_on=text("shown_on") or None,
        )


class AnswerBook:
    """The phones' answers of one session. Every change is durable when it returns."""

    def __init__(self, store: SessionStore) -> None:
        self.store = store
        self.log = AnswerLog(store)
        self._last_slip: int | None = None
        """The highest slip number used while this process runs (a rejected one put back
        keeps its number, so numbers are never given twice)."""

    # -- a scale -------------------------------------------------------------------------------

    def scale_value(self, segment_id: str, statement: int, key: str) -> int | None:
        """The value this phone gave `statement`, if it answered."""
        return self.log.latest().scale.get((segment_id, statement, key))

    def answer_scale(
        self, segment_id: str, statement: int, key: str, value: int, *, defer: bool = False
    ) -> None:
        """This phone's answer to `statement`, replacing an earlier one. Durable when this
        returns — or, with `defer`, once `flush` has returned (answers arriving together are
        then written as one)."""
        if self.scale_value(segment_id, statement, key) == value:
            return
        self.log.stage_scale((segment_id, statement, key), value)
        if not defer:
            self.flush()

    def scale_counts(self, segment_id: str) -> dict[int, dict[int, int]]:
        """Per statement, the phones per value."""
        counts = self.log.latest().scale_counts.get(segment_id, {})
        return {statement: dict(values) for statement, values in counts.items() if values}

    # -- a vote --------------------------------------------------------------------------------

    def votes_of(self, segment_id: str, key: str) -> dict[str, int]:
        """This phone's votes per item."""
        return dict(self.log.latest().votes.get((segment_id, key), {}))

    def vote(
        self,
        segment_id: str,
        key: str,
        item: str,
        change: int,
        allowed: int,
        *,
        defer: bool = False,
    ) -> bool:
        """One vote more (`change` 1) or less (-1) from this phone on `item`; False when it
        has none left to give, or none on the item to take back. Durable as `answer_scale`."""
        votes = self.votes_of(segment_id, key)
        given = votes.get(item, 0) + change
        if given < 0 or sum(votes.values()) + change > allowed:
            return False
        votes[item] = given
        self.log.stage_votes((segment_id, key), votes)
        if not defer:
            self.flush()
        return True

    def phone_votes(self, segment_id: str) -> dict[str, int]:
        """Every phone's votes together, per item."""
        totals = self.log.latest().vote_totals.get(segment_id, Counter())
        return {item: n for item, n in totals.items() if n > 0}

    def answered(self, segment_id: str) -> int:
        """How many phones have answered the exercise: the voters, or a scale's most
        answered statement."""
        latest = self.log.latest()
        voters = latest.voters.get(segment_id, 0)
        if voters:
            return voters
        counts = latest.scale_counts.get(segment_id, {})
        return max((sum(values.values()) for values in counts.values()), default=0)

    def flush(self) -> None:
        """Write the answers staged with `defer` (one write for all of them)."""
        self.log.flush()

    async def flush_async(self) -> None:
        """`flush`, with the file written in a worker thread (the event loop goes on)."""
        await self.log.flush_async()

    # -- texts held for the consultant -------------------------------------------------------------

    def add_slip(
        self, segment_id: str, step: int, text: str, target: SlipTarget, column: int = 0
    ) -> Slip:
        if self._last_slip is None:
            self._last_slip = max((_slip_number(s.id) for s in self.pending()), default=0)
        self._last_slip += 1
        slip = Slip(f"{SLIP}:{self._last_slip}", segment_id, text, target, column, step)
        self.store.put(ANSWERS_TABLE, slip.id, _slip_doc(slip))
        return slip

    def pending(self) -> list[Slip]:
        """The texts waiting for the consultant, oldest first."""
        slips = [
            _slip(doc_id, doc)
            for doc_id, doc in self.store.items(ANSWERS_TABLE)
            if doc.get("kind") == SLIP
        ]
        return sorted(slips, key=lambda s: _slip_number(s.id))

    def pending_count(self) -> int:
        return sum(1 for _, doc in self.store.items(ANSWERS_TABLE) if doc.get("kind") == SLIP)

    def slip(self, slip_id: str) -> Slip | None:
        doc = self.store.get(ANSWERS_TABLE, slip_id)
        return _slip(slip_id, doc) if doc is not None and doc.get("kind") == SLIP else None

    def take_slip(self, slip_id: str) -> Slip | None:
        """Remove a waiting text (approved or rejected) and return it."""
        doc = self.store.get(ANSWERS_TABLE, slip_id)
        if doc is None or doc.get("kind") != SLIP:
            return None
        self.store.delete(ANSWERS_TABLE, slip_id)
        return _slip(slip_id, doc)

    def put_back(self, slip: Slip) -> None:
        """A rejected text back in the queue (undo)."""
        self.store.put(ANSWERS_TABLE, slip.id, _slip_doc(slip))

    # -- joining -------------------------------------------------------------------------------

    def join_state(self) -> JoinState:
        doc = self.store.get(JOIN_TABLE, "1")
        return JoinState.from_doc(doc) if doc is not None else JoinState()

    def set_join_state(self, state: JoinState) -> None:
        if state != self.join_state():
            self.store.put(JOIN_TABLE, "1", asdict(state))


def result_with_phones(
    kind: ExerciseKind[Any],
    state: object,
    answers: AnswerBook,
    title: str,
    segment_id: str,
    language: str | None,
    *,
    participants: int = 0,
) -> ExerciseResult | None:
    """An exercise's result for the referat, the phones' answers counted in by its kind (a
    scale's hands and phones together, a vote's votes and phone votes together), and how many
    phones answered."""
    result = kind.result_with_phones(state, title, segment_id, language, participants, answers)
    phones = answers.answered(segment_id)
    if result is None or not phones:
        return result
    line = plural(phones, "answers.phone", "answers.phones", language)
    return replace(result, lines=[*result.lines, line])


def _slip_doc(slip: Slip) -> dict[str, Any]:
    return {
        "kind": SLIP,
        "segment_id": slip.segment_id,
        "step": slip.step,
        "text": slip.text,
        "target": slip.target.value,
        "column": slip.column,
    }


def _slip(doc_id: str, doc: Mapping[str, Any]) -> Slip:
    try:
        target = SlipTarget(str(doc.get("target")))
    except ValueError:
        target = SlipTarget.NOTE
    return Slip(
        doc_id,
        str(doc.get("segment_id", "")),
        str(doc.get("text", "")),
        target,
        max(as_int(doc.get("column")), 0),
        max(as_int(doc.get("step")), 0),
    )


def _slip_number(slip_id: str) -> int:
    return as_int(slip_id.rpartition(":")[2])
