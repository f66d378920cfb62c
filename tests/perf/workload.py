"""The sessions the benchmarks run on: an empty one, a big one, and a data folder of many."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from sessions.clock import FakeClock, SystemClock
from sessions.exercises.sorting import BoardState
from sessions.live import LiveSession
from sessions.models import SessionDetails
from sessions.repository import SessionRepository
from sessions.storage.locations import prepare_data_dir
from sessions.theme.cache import ThemeCache
from sessions.theme.library import ThemeLibrary, ThemeOrigin, bundled_content_dir
from sessions.theme.model import ExerciseFormat

THEME = "tid-og-kerneopgaven"
"""A theme whose 90 minutes hold a sorting board, a vote, a case and an action plan."""
NOTE_TEXT = "Note {number}: vi hjælper hinanden, når det brænder på, og siger det højt."
DAY = 24 * 3600


@dataclass(frozen=True)
class Size:
    """How much a session holds."""

    notes: int
    board_items: int
    actions: int
    log_hours: float


EMPTY = Size(notes=0, board_items=1, actions=0, log_hours=0.0)
"""The baseline: nothing written yet (one board item, so there is something to move)."""
BIG = Size(notes=2000, board_items=300, actions=50, log_hours=3.0)
TINY_BIG = Size(notes=40, board_items=12, actions=4, log_hours=0.5)


def library(data_dir: Path) -> ThemeLibrary:
    """The bundled themes, as `oplaeg` finds them (with a theme cache of the data folder's own,
    so runs do not share one)."""
    return ThemeLibrary(
        [(bundled_content_dir(), ThemeOrigin.BUNDLED)],
        ThemeCache(data_dir / "cache" / "themes.json"),
    )


def details(workplace: str = "Bench") -> SessionDetails:
    return SessionDetails(workplace, "2026-11-24", "13:00", "Facilitator", 12, 90)


def sorting_position(live: LiveSession) -> int:
    """The first page of the session's sorting board."""
    return next(i for i, p in enumerate(live.pages) if p.segment.format is ExerciseFormat.SORTING)


def make_session(data_dir: Path, size: Size) -> str:
    """A session of `size`, left on its sorting board; its time log ends now."""
    prepare_data_dir(data_dir)
    clock = FakeClock(wall=time.time() - size.log_hours * 3600, monotonic=time.monotonic())
    repository = SessionRepository(data_dir, clock)
    theme = library(data_dir).get(THEME)
    info, store = repository.create(theme, details())
    live = LiveSession(repository, info, store, theme, clock)
    live.nav.start()
    _walk_the_agenda(live, clock, size.log_hours * 3600)
    segments = [s.id for s in theme.segments]
    for number in range(size.notes):
        segment = segments[number % len(segments)]
        live.notebook.add(segment, 0, NOTE_TEXT.format(number=number))
    for number in range(size.actions):
        live.plan.save(None, f"Handling {number}", "Team A", "uge 10", "næste møde")
    live.go_to(sorting_position(live))
    board = live.exercises.state(live.page.segment)
    assert isinstance(board, BoardState)
    for number in range(size.board_items):
        board = board.add(f"Punkt {number}", number % len(board.columns))
    live.exercises.save(live.page.segment, board)
    live.close()
    return info.id


def _walk_the_agenda(live: LiveSession, clock: FakeClock, seconds: float) -> None:
    """Forward and back through the pages until `seconds` have passed: a long time log."""
    if seconds <= 0:
        return
    step = 60.0
    forward = True
    spent = 0.0
    while spent < seconds:
        clock.advance(step)
        spent += step
        last = len(live.pages) - 2
        if forward and live.position >= last or not forward and live.position <= 1:
            forward = not forward
        live.go_to(live.position + (1 if forward else -1))


def make_many(data_dir: Path, count: int) -> None:
    """`count` stored sessions, two days old (so none is offered to go on with)."""
    prepare_data_dir(data_dir)
    clock = FakeClock(wall=time.time() - 2 * DAY)
    repository = SessionRepository(data_dir, clock)
    theme = library(data_dir).get(THEME)
    for number in range(count):
        info, store = repository.create(theme, details(f"Arbejdsplads {number}"))
        live = LiveSession(repository, info, store, theme, clock)
        live.notebook.add(theme.segments[0].id, 0, NOTE_TEXT.format(number=number))
        repository.close(store)


def open_live(data_dir: Path, session_id: str) -> LiveSession:
    """The stored session, open for writing on the real clock."""
    clock = SystemClock()
    repository = SessionRepository(data_dir, clock)
    return LiveSession.open(repository, library(data_dir), session_id, clock)
