"""Driving the app in tests: building it on a fake clock, a theme with every kind of exercise,
reading what is on disk as another process would."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sessions.clock import FakeClock
from sessions.live import LiveSession
from sessions.models import Note
from sessions.repository import SessionRepository
from sessions.storage.session_store import SessionStore
from sessions.theme.library import ThemeLibrary, ThemeOrigin, bundled_content_dir
from sessions.theme.model import ExerciseFormat
from tests.conftest import DETAILS
from tui.app import OplaegApp

HOSTILE = "[bold]x[/] [/] [@click=app.quit]klik[/] [link=x]y <script>æøå 🎉"
TYPED_HOSTILE = "[bold]x[/] [/] [@click=app.quit]klik[/] <script>æøå =SUM(1)"
"""What a test can type key by key (a key press cannot carry an emoji; a paste can)."""
FIXTURES = Path(__file__).parents[1] / "fixtures"
EVERY_KIND = "alle-oevelser"


def library_with_fixtures() -> ThemeLibrary:
    """The bundled themes and the test theme with one exercise of each kind."""
    return ThemeLibrary(
        [(bundled_content_dir(), ThemeOrigin.BUNDLED), (FIXTURES, ThemeOrigin.USER)]
    )


def make_app(
    library: ThemeLibrary,
    repository: SessionRepository,
    clock: FakeClock,
    *,
    live: LiveSession | None = None,
    offer_resume: bool = False,
    layout: str = "single",
) -> OplaegApp:
    return OplaegApp(library, repository, live, clock, offer_resume=offer_resume, layout=layout)


def new_live(
    repository: SessionRepository,
    library: ThemeLibrary,
    clock: FakeClock,
    theme_id: str = EVERY_KIND,
    plan: int = 90,
    *,
    started: bool = True,
) -> LiveSession:
    theme = library.get(theme_id)
    info, store = repository.create(theme, dataclasses.replace(DETAILS, plan=plan))
    live = LiveSession(repository, info, store, theme, clock)
    if started:
        live.nav.start()
    return live


def page_of(live: LiveSession, exercise_format: str, step: int = 0) -> int:
    """The position of step `step` of the first exercise of `exercise_format`."""
    wanted = ExerciseFormat(exercise_format)
    return next(
        i
        for i, p in enumerate(live.pages)
        if p.step is not None and p.segment.format is wanted and p.index == step
    )


def notes_on_disk(repository: SessionRepository, session_id: str) -> list[Note]:
    """Read the notes as another process would: straight from the files."""
    store = SessionStore.open(repository.root / session_id, readonly=True)
    try:
        notes = [Note.from_dict({"id": i, **d}) for i, d in store.items("notes")]
    finally:
        store.close()
    return sorted(notes, key=lambda n: n.created_at)


def stored(
    repository: SessionRepository, session_id: str, table: str, doc_id: str
) -> dict[str, object] | None:
    """One stored document, read from the files."""
    store = SessionStore.open(repository.root / session_id, readonly=True)
    try:
        return store.get(table, doc_id)
    finally:
        store.close()
