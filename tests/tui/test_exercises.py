"""The exercise kinds on the projector, performed with Pilot and checked on disk and in the
referat."""

from __future__ import annotations

from sessions.export import export_session
from sessions.storage.session_store import SessionStore
from tests.tui.helpers import make_app, new_live, page_of
from tui.widgets.big_clock import BigClock


def step_line(app) -> str:
    return str(app.screen.query_one("#exercise-step").content)


async def test_a_go_round_with_a_countdown_per_speaker(library, repository, clock):
    live = new_live(repository, library, clock)  # 14 participants
    live.start()
    live.go_to(page_of(live, "round"))
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "14 deltagere × 45 sek." in step_line(app)
        await pilot.press("enter")
        assert "Taler 1 af 14 · 13 tilbage" in step_line(app)
        clock.advance(20)
        await pilot.pause(0.3)
        assert app.screen.query_one(BigClock).value == "0:25"
        await pilot.press("pagedown")  # the clicker moves to the next speaker
        assert "Taler 2 af 14" in step_line(app)
        await pilot.pause(0.3)
        assert app.screen.query_one(BigClock).value == "0:45"
        await pilot.press("t")  # pauses the speaker's countdown
        clock.advance(10)
        await pilot.pause(0.3)
        assert app.screen.query_one(BigClock).value == "0:45"
        for _ in range(12):
            await pilot.press("enter")
        assert "Taler 14 af 14 · 0 tilbage" in step_line(app)
        position = live.position
        await pilot.press("pagedown")  # everyone has spoken: on to the next page
        assert live.position == position + 1
        session_id = live.info.id
    store = SessionStore.open(repository.root / session_id, readonly=True)
    referat = export_session(store, "md").decode()
    store.close()
    assert "14 af 14 deltagere talte." in referat


async def test_dialogue_cards_one_at_a_time(library, repository, clock):
    live = new_live(repository, library, clock, "omgangstone")
    live.start()
    start = page_of(live, "cards")
    live.go_to(start)
    cards = live.page.step.questions
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        shown = app.screen.query_one("#exercise-markdown").source
        assert shown == f"# {cards[0]}"
        assert f"Kort 1 af {len(cards)}" in step_line(app)
        await pilot.press("pagedown", "i")
        assert "★ vigtigt" in step_line(app)
        assert app.screen.query_one("#exercise-markdown").source == f"# {cards[1]}"
        await pilot.press("n", *"Sort humor rammer skævt", "enter")
        await pilot.pause()
        assert "Kort 2: Sort humor" in str(app.screen.query_one("#notes-body").render())
        await pilot.press("pageup")
        assert "Kort 1 af" in step_line(app) and "★" not in step_line(app)
        for _ in range(len(cards) - 1):
            await pilot.press("pagedown")
        assert f"Kort {len(cards)} af {len(cards)}" in step_line(app)
        await pilot.press("pagedown")
        assert live.position == start + 1
    referat = export_session(live.store, "md").decode()
    assert "Kort, der blev markeret som vigtige" in referat and cards[1] in referat
    assert "- **Kort 2:** Sort humor rammer skævt" in referat


async def test_a_scale_by_show_of_hands(library, repository, clock):
    live = new_live(repository, library, clock)
    live.start()
    live.go_to(page_of(live, "scale"))
    statements = live.page.step.questions
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4", "4", "5", "2", "9")  # 9 is not on a 1–5 scale
        await pilot.press("down", "1", "1", "u")
        body = app.screen.query_one("#exercise-markdown").source
        assert "gns. 3,8 · 1: 0  2: 1  3: 0  4: 2  5: 1" in body
        assert "gns. 1,0 · 1: 1  2: 0" in body
        assert " 1 " + "█" * 30 + " 1" in body  # the bars of the chosen statement
    referat = export_session(live.store, "md").decode()
    assert "| Udsagn |" in referat
    assert f"| {statements[0]} | 0 | 1 | 0 | 2 | 1 | 3,8 | 4 |" in referat


async def test_walk_and_talk_swaps_roles_halfway(library, repository, clock, monkeypatch):
    live = new_live(repository, library, clock, "alene-arbejde", plan=120)
    live.start()
    live.go_to(page_of(live, "walk-and-talk"))
    seconds = live.page.seconds or 0
    app = make_app(library, repository, clock, live=live)
    rings = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        clock.advance(seconds / 2 + 1)
        await pilot.pause(0.4)
        assert "byt roller" in step_line(app)
        await pilot.pause(0.3)
        assert rings == [1]
        clock.advance(seconds)
        await pilot.pause(0.4)
        assert "Kom tilbage" in str(app.screen.query_one("#countdown-state").render())
        assert rings == [1, 1]


async def test_sort_then_vote_then_plan(library, repository, clock):
    live = new_live(repository, library, clock, "tid-og-kerneopgaven")
    live.start()
    live.go_to(page_of(live, "sorting"))
    columns = live.page.segment.columns
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(110, 34)) as pilot:
        assert f"nyt punkt i «{columns[0]}»" in step_line(app)
        await pilot.press("enter", *"Dokumentation", "enter")
        await pilot.press("enter", *"Kaffe med [bold]kolleger[/]", "enter")
        await pilot.press("greater_than_sign")  # Kaffe → second column
        await pilot.press("w", *"det holder os sammen", "enter")
        await pilot.press("enter", *"Møder", "enter")  # new items follow the selected column
        body = app.screen.query_one("#exercise-markdown").source
        assert "Kaffe med \\[bold]kolleger\\[/]" in body and "det holder os sammen" in body
        assert f"| {columns[0]} | {columns[1]} |" in body

        live.go_to(page_of(live, "voting"))
        app.screen.show_page()
        await pilot.pause()
        body = app.screen.query_one("#exercise-markdown").source
        assert "Dokumentation" in body and "Møder" in body
        await pilot.press("enter", "ctrl+u", "5", "enter")  # Dokumentation: 5 votes
        await pilot.press("down", "down", "enter", "ctrl+u", "8", "enter")  # Møder: 8
        await pilot.press("k")
        assert [a.what for a in live.actions()] == ["Møder", "Dokumentation"]
    referat = export_session(live.store, "md").decode()
    assert "| Møder | 8 |" in referat and "| Dokumentation | 5 |" in referat
    assert f"| {columns[1]} | Kaffe med \\[bold]kolleger\\[/] | det holder os sammen |" in referat


async def test_case_agreements(library, repository, clock):
    live = new_live(repository, library, clock)
    live.start()
    live.go_to(page_of(live, "case"))
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.press("enter", *"Vi spørger ind, når nogen siger 'det går fint'", "enter")
        await pilot.press("enter", *"Forkert aftale", "enter", "x")
        body = app.screen.query_one("#exercise-markdown").source
        assert "**Aftaler**" in body and "det går fint" in body and "Forkert" not in body
    referat = export_session(live.store, "md").decode()
    assert "- Aftale: Vi spørger ind, når nogen siger 'det går fint'" in referat


async def test_exercise_results_survive_a_crash(library, repository, clock):
    from tests.conftest import reopen

    live = new_live(repository, library, clock, "tid-og-kerneopgaven")
    live.start()
    live.go_to(page_of(live, "sorting"))
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.press("enter", *"Dokumentation", "enter", "greater_than_sign")
        live.store._lock.release()  # killed: nothing is closed or flushed on purpose
        session_id = live.info.id
        again = reopen(repository, library, session_id, clock)
        board = again.exercise_state(whole_segment=True)
        assert board["items"] == [{"text": "Dokumentation", "column": 1, "reason": ""}]
        again.close()
