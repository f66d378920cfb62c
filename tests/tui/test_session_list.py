"""With 500 earlier sessions the start screen lays out only a screenful of them up front; the
list still works as a list of all 500: the cursor, End, PgDn and the mouse wheel reach every one,
a kept session is highlighted wherever it is, and Enter opens the session under the cursor."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from unittest import mock

import pytest

from sessions.clock import FakeClock
from sessions.repository import SessionRepository
from sessions.storage.locations import prepare_data_dir
from sessions.theme.library import ThemeLibrary
from tests.conftest import DETAILS
from tests.tui.helpers import library_with_fixtures, make_app
from tui.screens.start import StartScreen
from tui.widgets.session_list import FIRST, SessionList

MANY = 500


@pytest.fixture(scope="module")
def many_made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with 500 sessions, made once for the module (each session made updates
    the index, so making 500 takes seconds); each test gets its own copy."""
    data_dir = prepare_data_dir(tmp_path_factory.mktemp("many") / "data")
    repository = SessionRepository(data_dir, FakeClock())
    theme = library_with_fixtures().get("social-stoette")
    summaries: dict[str, dict[str, object]] = {}  # the index written once per session, not twice
    with (
        mock.patch("os.fsync", lambda _fd: None),  # 500 sessions made; their safety not tested
        mock.patch.object(repository.index, "put", lambda s: summaries.__setitem__(s["id"], s)),
    ):
        for number in range(MANY):
            details = dataclasses.replace(DETAILS, workplace=f"Arbejdsplads {number:03d}")
            _, store = repository.create(theme, details)
            repository.close(store)
    with mock.patch("os.fsync", lambda _fd: None):
        for summary in summaries.values():
            repository.index.put(summary)
    return data_dir


@pytest.fixture
def many(many_made: Path, repository: SessionRepository) -> SessionRepository:
    shutil.copytree(many_made, repository.data_dir, dirs_exist_ok=True)
    return repository


async def started(app, pilot) -> SessionList:  # type: ignore[no-untyped-def]
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, StartScreen)
    sessions = app.screen.query_one("#sessions", SessionList)
    sessions.focus()
    await pilot.pause()
    return sessions


async def test_only_a_screenful_is_laid_out_and_end_reaches_the_last(
    library: ThemeLibrary, many: SessionRepository, clock: FakeClock
) -> None:
    app = make_app(library, many, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        sessions = await started(app, pilot)
        assert sessions.total == MANY
        assert sessions.option_count == FIRST < MANY
        assert sessions.highlighted == 0
        await pilot.press("end")
        await pilot.pause()
        assert sessions.option_count == MANY
        assert sessions.highlighted == MANY - 1
        screen = app.screen
        assert isinstance(screen, StartScreen)
        last = screen._sessions[MANY - 1]
        await pilot.press("enter")  # opens it (its agenda first: it has not begun)
        await pilot.pause()
        assert not isinstance(app.screen, StartScreen)
        assert app.live is not None and app.live.info.id == last.id


async def test_the_cursor_and_page_down_go_past_what_was_laid_out(
    library: ThemeLibrary, many: SessionRepository, clock: FakeClock
) -> None:
    app = make_app(library, many, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        sessions = await started(app, pilot)
        for _ in range(FIRST + 5):
            await pilot.press("down")
        await pilot.pause()
        assert sessions.highlighted == FIRST + 5
        assert sessions.option_count > FIRST + 5
        for _ in range(MANY):  # a page a press: however small the list, it gets to the end
            if sessions.highlighted == MANY - 1:
                break
            await pilot.press("pagedown")
        assert sessions.highlighted == MANY - 1
        assert sessions.option_count == MANY
        await pilot.press("home")
        assert sessions.highlighted == 0


async def test_scrolling_to_the_bottom_shows_more(
    library: ThemeLibrary, many: SessionRepository, clock: FakeClock
) -> None:
    app = make_app(library, many, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        sessions = await started(app, pilot)
        sessions.scroll_end(animate=False)
        await pilot.pause()
        assert sessions.option_count > FIRST


async def test_a_kept_session_far_down_is_highlighted(
    library: ThemeLibrary, many: SessionRepository, clock: FakeClock
) -> None:
    app = make_app(library, many, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        sessions = await started(app, pilot)
        screen = app.screen
        assert isinstance(screen, StartScreen)
        wanted = screen._sessions[321]
        screen.reload(keep=wanted.id)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert sessions.highlighted == 321
        assert screen._highlighted_id() == wanted.id
        option = sessions.get_option_at_index(321)
        assert wanted.workplace in str(option.prompt)
