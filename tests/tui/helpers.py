"""Driving the app in tests: building it, finding a theme, reading what is on disk."""

from __future__ import annotations

import dataclasses

from textual.widgets import OptionList

from sessions.clock import FakeClock
from sessions.live import LiveSession
from sessions.models import Note
from sessions.repository import SessionRepository
from sessions.storage.session_store import SessionStore
from sessions.theme.library import ThemeLibrary
from tests.conftest import DETAILS
from tui.app import OplaegApp

HOSTILE = "[bold]x[/] [/] [@click=app.quit]klik[/] [link=x]y <script>æøå 🎉"


def make_app(
    library: ThemeLibrary,
    repository: SessionRepository,
    clock: FakeClock,
    *,
    live: LiveSession | None = None,
    offer_resume: bool = False,
) -> OplaegApp:
    return OplaegApp(library, repository, live=live, clock=clock, offer_resume=offer_resume)


def new_live(
    repository: SessionRepository,
    library: ThemeLibrary,
    clock: FakeClock,
    theme_id: str = "social-stoette",
    plan: int = 90,
) -> LiveSession:
    theme = library.get(theme_id)
    info, store = repository.create(theme, dataclasses.replace(DETAILS, plan=plan))
    return LiveSession(repository, info, store, theme, clock)


def page_of(live: LiveSession, exercise_format: str) -> int:
    """The first page of an exercise of `exercise_format`."""
    return next(
        i
        for i, p in enumerate(live.pages)
        if p.step is not None
        and p.segment.format is not None
        and p.segment.format.value == exercise_format
    )


def highlight_theme(app: OplaegApp, theme_id: str) -> None:
    themes = app.screen.query_one("#themes", OptionList)
    index = next(i for i, e in enumerate(app.library.entries()) if e.id == theme_id)
    themes.focus()
    themes.highlighted = index


def notes_on_disk(repository: SessionRepository, session_id: str) -> list[Note]:
    """Read the notes as another process would: straight from the files."""
    store = SessionStore.open(repository.root / session_id, readonly=True)
    try:
        notes = [Note.from_dict({"id": i, **d}) for i, d in store.all("notes").items()]
    finally:
        store.close()
    return sorted(notes, key=lambda n: n.created_at)


def first_timed_page(live: LiveSession) -> int:
    return next(i for i, page in enumerate(live.pages) if page.seconds)


def arrive_on_time(live: LiveSession, clock: FakeClock, position: int) -> None:
    """Start the session and reach page `position` exactly when the plan says."""
    live.start()
    target = live.pages[position].segment.id
    for item in live.schedule.active:
        if item.id == target:
            break
        clock.advance(item.minutes * 60)
    live.go_to(position)
