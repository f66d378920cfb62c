"""Driving the app in tests: building it, finding a theme, reading what is on disk."""

from __future__ import annotations

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


def new_live(repository: SessionRepository, library: ThemeLibrary, clock: FakeClock) -> LiveSession:
    theme = library.get("social-stoette")
    info, store = repository.create(theme, DETAILS)
    return LiveSession(repository, info, store, theme, clock)


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
