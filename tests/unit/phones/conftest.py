"""A running session on the test theme with every exercise kind, for the phones to answer."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from sessions.clock import FakeClock
from sessions.live import LiveSession
from sessions.repository import SessionRepository
from sessions.theme.library import ThemeLibrary, ThemeOrigin, bundled_content_dir
from sessions.theme.model import ExerciseFormat
from tests.conftest import DETAILS

FIXTURES = Path(__file__).parents[2] / "fixtures"


@pytest.fixture
def library() -> ThemeLibrary:
    return ThemeLibrary(
        [(bundled_content_dir(), ThemeOrigin.BUNDLED), (FIXTURES, ThemeOrigin.USER)]
    )


@pytest.fixture
def session(
    repository: SessionRepository, library: ThemeLibrary, clock: FakeClock
) -> Iterator[LiveSession]:
    theme = library.get("alle-oevelser")
    info, store = repository.create(theme, dataclasses.replace(DETAILS, plan=120))
    live = LiveSession(repository, info, store, theme, clock)
    live.nav.start()
    yield live
    live.close()


def go_to(live: LiveSession, exercise_format: str, step: int = 0) -> None:
    """Show step `step` of the first exercise of `exercise_format` on the console."""
    wanted = ExerciseFormat(exercise_format)
    live.nav.go_to(
        next(
            i
            for i, p in enumerate(live.pages)
            if p.step is not None and p.segment.format is wanted and p.index == step
        )
    )
