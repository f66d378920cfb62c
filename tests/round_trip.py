"""A consultant's session as a sequence of operations, for the round-trip property: whatever the
consultant does — notes, pages, timers, `j`, `z`, agenda edits, exercises, phones, follow-up —
the JSON export imports into a fresh data folder and exports again byte for byte the same.

Shared by `tests/unit/test_round_trip.py` (a few hundred examples in the default run) and
`tests/faults/test_round_trip_campaign.py` (thousands, on demand)."""

from __future__ import annotations

import contextlib
import json
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import strategies as st

from sessions.agenda.schedule import Schedule
from sessions.clock import FakeClock
from sessions.exercises.cards import CardsState
from sessions.exercises.case import CaseState
from sessions.exercises.round import RoundState
from sessions.exercises.scale import ScaleState
from sessions.exercises.sorting import BoardState
from sessions.exercises.voting import VotingState
from sessions.export import export_session
from sessions.followup.repeat import EarlierStatement, Repeat
from sessions.live import LiveSession
from sessions.models import Action, FollowUpStatus, NoteTag
from sessions.notes.action_plan import EmptyActionError
from sessions.notes.notebook import EmptyNoteError
from sessions.phones.answers import SlipTarget
from sessions.phones.moderation import approve, reject
from sessions.repository import SessionRepository
from sessions.storage.locations import prepare_data_dir
from sessions.text import clean_line, clean_text
from sessions.theme.library import ThemeLibrary
from tests.conftest import DETAILS

THEME = "alle-oevelser"
EXPORTED_AT = datetime(2026, 11, 24, 16, 0, tzinfo=UTC)

Op = tuple[Any, ...]

# Text as a consultant or a phone sends it: Danish, emoji, markup, controls, bidi, long lines.
TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "Æbler og øl på år",
            "[bold]x[/] <script>",
            "=SUM(A1)",
            "\u202egnp.exe\u202c",
            "👩\u200d💻 godt",
            "linje 1\nlinje 2",
            "\x1b[31mrød\x1b[0m",
            " ",
            "x" * 300,
        ]
    ),
)
SMALL = st.integers(min_value=-3, max_value=30)
SECONDS = st.sampled_from([0, 1, 30, 61, 600, 3600, 5400])

OPERATIONS = st.one_of(
    st.tuples(st.just("wait"), SECONDS),
    st.tuples(st.just("note"), TEXT, st.sampled_from([None, *NoteTag]), st.booleans(), SMALL),
    st.tuples(st.just("edit note"), SMALL, TEXT, st.booleans()),
    st.tuples(st.just("delete note"), SMALL),
    st.tuples(st.just("page"), st.sampled_from(["next", "back", "go"]), SMALL),
    st.tuples(st.just("timer"), st.sampled_from(["start", "toggle", "+", "-", "reset"])),
    st.tuples(st.just("pause")),
    st.tuples(st.just("rebalance"), st.booleans()),
    st.tuples(st.just("undo")),
    st.tuples(
        st.just("agenda"), st.sampled_from(["minutes", "skip", "move", "extra"]), SMALL, SMALL
    ),
    st.tuples(st.just("exercise"), SMALL, TEXT),
    st.tuples(st.just("phone"), st.sampled_from(["scale", "vote", "slip"]), SMALL, TEXT),
    st.tuples(st.just("moderate"), st.booleans(), TEXT),
    st.tuples(st.just("action"), TEXT, TEXT, TEXT),
    st.tuples(st.just("follow up"), SMALL, st.sampled_from([None, *FollowUpStatus]), TEXT),
    st.tuples(st.just("display"), st.sampled_from(["blank", "notes_to_room", "bell", "light"])),
    st.tuples(st.just("draft"), TEXT),
    st.tuples(st.just("finish"), st.booleans()),
)
SESSIONS = st.tuples(st.booleans(), st.lists(OPERATIONS, max_size=25))
"""Whether the session follows up an earlier plan, and what the consultant does."""


@contextlib.contextmanager
def no_fsync() -> Iterator[None]:
    """Durability is not what this property is about; without fsync it runs many times faster."""
    with mock.patch("os.fsync"):
        yield


def fresh_repository(
    clock: FakeClock,
) -> tuple[SessionRepository, tempfile.TemporaryDirectory[str]]:
    folder = tempfile.TemporaryDirectory(prefix="oplaeg-roundtrip-")
    return SessionRepository(prepare_data_dir(Path(folder.name) / "data"), clock), folder


def run_session(
    library: ThemeLibrary, repository: SessionRepository, clock: FakeClock, plan: Sequence[Op]
) -> LiveSession:
    follows_up, operations = plan
    theme = library.get(THEME)
    info, store = repository.create(theme, replace(DETAILS, plan=120))
    live = LiveSession(repository, info, store, theme, clock)
    if follows_up:
        earlier = [Action("1", "Fast tjek-ind", "AMR", "uge 10"), Action("2", "Ny vagtplan")]
        live.carry_over(info, earlier, "Opfølgning")
        asked = (
            EarlierStatement("Jeg kan sige fra", (0, 1, 2, 1, 0)),
            EarlierStatement("Ro", (3,)),
        )
        live.ask_again(Repeat("tidligere", "2026-09-01", "", 1, 5, ("Lav", "Høj"), asked), "Sidst")
    live.nav.start()
    for op in operations:
        apply(live, clock, op)
    return live


def round_trip(
    library: ThemeLibrary, clock: FakeClock, plan: Sequence[Op], *, formats: Sequence[str] = ()
) -> tuple[str, str]:
    """The session's JSON export, and the JSON export of its import into a fresh data folder
    (after a check that the imported session resumes and exports in `formats`)."""
    first_repository, first_folder = fresh_repository(clock)
    second_repository, second_folder = fresh_repository(clock)
    with first_folder, second_folder, no_fsync():
        live = run_session(library, first_repository, clock, plan)
        try:
            first = export_session(live.store, "json", now=EXPORTED_AT).decode()
        finally:
            live.close()
        info = second_repository.import_export(json.loads(first))
        _, store = second_repository.open(info.id, readonly=True)
        try:
            second = export_session(store, "json", now=EXPORTED_AT).decode()
            for other in formats:
                assert export_session(store, other, include_private=True)
        finally:
            store.close()
        resumed = LiveSession.open(second_repository, library, info.id, clock)
        try:
            resumed.timing()
            resumed.agenda()
            resumed.pace()
        finally:
            resumed.close()
    return first, second


def apply(live: LiveSession, clock: FakeClock, op: Op) -> None:  # noqa: C901 (a dispatch table)
    name, *args = op
    page = live.page
    if name == "wait":
        clock.advance(args[0])
    elif name == "note":
        text, tag, private, card = args
        with contextlib.suppress(EmptyNoteError):  # the form says so and keeps it open
            live.notebook.add(page.segment.id, page.index, text, tag, private, _card(card))
    elif name == "edit note":
        notes = live.notebook.all()
        if notes:
            with contextlib.suppress(EmptyNoteError):
                live.notebook.update(notes[args[0] % len(notes)].id, args[1], private=args[2])
    elif name == "delete note":
        notes = live.notebook.all()
        if notes:
            live.notebook.delete(notes[args[0] % len(notes)].id)
    elif name == "page":
        way, where = args
        if way == "next":
            live.advance()
        elif way == "back":
            live.back()
        else:
            live.go_to(where % len(live.pages))
    elif name == "timer":
        _timer(live, args[0])
    elif name == "pause":
        if live.timers.paused:
            live.resume_session()
        else:
            live.pause_session()
    elif name == "rebalance":
        preview = live.rebalance(tuple(live.rebalance().skip_choices) if args[0] else ())
        live.apply_rebalance(preview)
    elif name == "undo":
        live.undo_agenda()
    elif name == "agenda":
        _agenda(live, *args)
    elif name == "exercise":
        _exercise(live, *args)
    elif name == "phone":
        _phone(live, *args)
    elif name == "moderate":
        pending = live.answers.pending()
        if pending:
            if args[0]:
                approve(live, pending[0], args[1] if args[1].strip() else None)
            else:
                reject(live, pending[0])
    elif name == "action":
        with contextlib.suppress(EmptyActionError):
            live.plan.save(None, *args, "")
    elif name == "follow up":
        followups = live.plan.followups()
        if followups:
            live.plan.set_followup(followups[args[0] % len(followups)].id, args[1], args[2])
        live.plan.set_next_follow_up(args[2])
    elif name == "display":
        current = live.display.current
        live.display.change(**{args[0]: not getattr(current, args[0])})
    elif name == "draft":
        from sessions.models import Draft

        if clean_text(args[0]).strip():
            live.notebook.save_draft(Draft(segment_id=page.segment.id, text=args[0]))
        else:
            live.notebook.clear_draft()
    elif name == "finish":
        if args[0]:
            live.finish()
        else:
            live.reopen()


def _card(card: int) -> int | None:
    return card if 0 <= card < 5 else None


def _timer(live: LiveSession, what: str) -> None:
    page = live.page
    seconds = page.seconds or 60
    if what == "start":
        live.timers.start(page.key, seconds)
    elif what == "toggle":
        live.timers.toggle(page.key, seconds)
    elif what == "reset":
        live.timers.reset(page.key, seconds)
    else:
        live.timers.adjust(page.key, seconds, 60 if what == "+" else -60)


def _agenda(live: LiveSession, what: str, which: int, amount: int) -> None:
    schedule: Schedule = live.schedule
    if not schedule.items:
        return
    item = schedule.items[which % len(schedule.items)]
    if what == "minutes":
        changed = schedule.set_minutes(item.id, item.minutes + amount)
    elif what == "skip":
        changed = schedule.toggle_skip(item.id)
    elif what == "move":
        changed = schedule.move(item.id, 1 if amount % 2 else -1)
    else:
        from sessions.theme.model import SegmentKind

        kind = SegmentKind.BREAK if amount % 2 else SegmentKind.EXERCISE
        changed, _ = schedule.add_extra(item.id, kind, "Ekstra" if amount % 3 else "Pause")
    live.set_schedule(changed)


def _exercise(live: LiveSession, choice: int, text: str) -> None:
    segment = live.page.segment
    if segment.format is None:
        return
    state = live.exercises.state(segment)
    changed: Any = None
    if isinstance(state, RoundState):
        changed = state.next_speaker() if choice % 2 else state.previous_speaker()
    elif isinstance(state, BoardState):
        typed = clean_line(text)  # as the exercise's widget hands it over
        changed = state.add(typed, choice % 3) if typed else state.move(1)
    elif isinstance(state, CaseState):
        typed = clean_line(text)
        changed = state.add(typed) if typed else state.remove()
    elif isinstance(state, ScaleState):
        changed = state.add_hand(choice % 5 + 1) if choice >= 0 else state.undo()
    elif isinstance(state, VotingState):
        changed = state.add_votes(choice % 4) if choice >= 0 else state.undo()
    elif isinstance(state, CardsState):
        changed = state.toggle_important() if choice % 2 else state.turn(1)
    if changed is not None:
        live.exercises.save(segment, changed)


def _phone(live: LiveSession, kind: str, number: int, text: str) -> None:
    segment = live.page.segment
    key = f"{number % 4 + 0xA0:x}" * 8  # a phone's key is hex digits, as the server makes it
    if kind == "scale" and segment.format is not None and segment.format.value == "scale":
        live.answers.answer_scale(segment.id, 0, key, number % 5 + 1)
    elif kind == "vote" and segment.format is not None and segment.format.value == "voting":
        state = live.exercises.state(segment)
        if isinstance(state, VotingState) and state.items:
            item = state.items[number % len(state.items)]
            live.answers.vote(segment.id, key, item, 1 if number >= 0 else -1, 3)
    elif kind == "slip" and clean_line(text):  # as the participant server stores it
        targets = {"sorting": SlipTarget.COLUMN, "case": SlipTarget.AGREEMENT}
        fmt = segment.format.value if segment.format is not None else ""
        live.answers.add_slip(
            segment.id,
            live.page.index,
            clean_line(text),
            targets.get(fmt, SlipTarget.NOTE),
            number % 3,
        )
