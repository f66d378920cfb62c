"""Keeping the session on time, driven with Pilot on a fake clock."""

from __future__ import annotations

from textual.widgets import DataTable, Label

from sessions.storage.session_store import SessionStore
from tests.conftest import reopen
from tests.tui.helpers import first_timed_page, make_app, new_live
from tui.screens.agenda_planner import AgendaPlanner
from tui.screens.presenter import PresenterScreen


def label_text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Label).content)


async def test_the_agenda_planner_changes_and_saves_the_agenda(library, repository, clock):
    live = new_live(repository, library, clock)
    live.start()
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, AgendaPlanner)
        assert "det passer" in label_text(app, "#agenda-total")
        first = live.schedule.items[0]
        await pilot.press("plus", "plus")
        assert live.schedule.items[0].minutes == first.minutes + 2
        assert "2 min for meget" in label_text(app, "#agenda-total")
        await pilot.press("minus", "minus", "down", "s")
        second = live.schedule.items[1]
        assert second.skipped and second.id not in {p.segment.id for p in live.pages}
        await pilot.press("s", "b")
        assert live.schedule.items[2].extra and live.schedule.items[2].kind == "break"
        assert "10 min for meget" in label_text(app, "#agenda-total")
        await pilot.press("s")  # an added item is removed, not skipped
        assert not any(item.extra for item in live.schedule.items)
        await pilot.press("up", "shift+down")  # the cursor stayed on the removed item's row
        assert live.schedule.items[2].id == second.id
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(live.schedule.items)
        await pilot.press("escape")
        assert isinstance(app.screen, PresenterScreen)
        session_id = live.info.id
    store = SessionStore.open(repository.root / session_id, readonly=True)
    stored = store.get("schedule", "1")
    store.close()
    assert stored is not None and stored["items"][2]["id"] == second.id


async def test_behind_shows_and_one_key_puts_it_right(library, repository, clock):
    live = new_live(repository, library, clock)
    live.start()
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(120, 30)) as pilot:
        clock.advance((live.schedule.items[0].minutes + 6) * 60)
        await pilot.pause(0.3)
        assert "6 min over" in label_text(app, "#status-item-left")
        assert "6 min bagud" in label_text(app, "#status-pace")
        assert app.screen.query_one("#status-pace").has_class("-behind")
        assert "slut kl. 14:30" in label_text(app, "#status-timing")
        assert "start 13:00" in label_text(app, "#status-clock")
        await pilot.press("right", "right")  # into the next item: the suggestion is shown
        assert any("Forslag" in n.message and "Tryk j" in n.message for n in app._notifications)
        await pilot.press("j")
        await pilot.pause(0.3)
        assert "til tiden" in label_text(app, "#status-pace")
        assert any("tilpasset" in n.message for n in app._notifications)
        assert live.schedule.total() == 90 - 6


async def test_pausing_the_session_freezes_every_clock(library, repository, clock):
    live = new_live(repository, library, clock)
    live.start()
    live.go_to(first_timed_page(live))
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("t")
        clock.advance(30)
        await pilot.press("p")
        assert app.screen.has_class("-paused")
        left = live.countdown().remaining()
        elapsed = live.timing().elapsed
        clock.advance(600)
        await pilot.pause(0.3)
        assert live.countdown().remaining() == left
        assert live.timing().elapsed == elapsed
        assert "pause" in label_text(app, "#status-pace")
        await pilot.press("p")
        assert not app.screen.has_class("-paused")
        assert live.countdown().running
        clock.advance(10)
        assert round(live.countdown().remaining()) == round(left) - 10


async def test_the_bell_can_be_switched_off_and_stays_off(library, repository, clock, monkeypatch):
    live = new_live(repository, library, clock)
    live.start()
    live.go_to(first_timed_page(live))
    app = make_app(library, repository, clock, live=live)
    rings = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(1))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("m", "t")
        clock.advance((live.page.seconds or 0) + 1)
        await pilot.pause(0.4)
        assert "Tiden er gået" in str(app.screen.query_one("#countdown-state").render())
    assert rings == []
    again = reopen(repository, library, live.info.id, clock)
    assert again.bell is False
    again.close()


async def test_the_last_page_ends_the_time_log(library, repository, clock):
    live = new_live(repository, library, clock)
    live.start()
    live.go_to(len(live.pages) - 1)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("right")
        assert live.finished
        assert any("slut" in n.message for n in app._notifications)
        from tui.screens.summary import SummaryScreen

        assert isinstance(app.screen, SummaryScreen), "the referat is shown at the end"
