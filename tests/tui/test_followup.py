"""Three sessions for one workplace, the scale asked again in the second and the third: the wall,
the console, the referat in every format and the start screen's history show the right values
and the right dates. Everything on a `FakeClock` with fixed booking dates."""

from __future__ import annotations

import importlib
import io
import json
import zipfile
from dataclasses import replace
from datetime import date, datetime

from openpyxl import load_workbook
from textual.widgets import SelectionList, Static

from sessions.export import export_session
from sessions.followup.repeat import REPEAT_ITEM_ID
from sessions.imports.check import check_export
from sessions.live import LiveSession
from tests.followup_helpers import (
    DETAILS,
    THEME,
    WORKPLACE,
    session,
    three_sessions,
)
from tests.tui.helpers import make_app
from tests.tui.test_followup_wall import third_session_on
from tui.exercises.scale import ScaleWidget
from tui.room import RoomApp
from tui.screens.repeat_offer import RepeatOffer
from tui.screens.start import StartScreen
from tui.screens.workplace import WorkplaceScreen

FIRST = "Vi har tid til at vende de svære forløb med en kollega."
SECOND = "Efter en voldsom episode bliver der fulgt op – også dagene efter."


def shown(widget: ScaleWidget) -> str:
    return str(widget.query_one("#scale-statements", Static).render())


async def test_the_console_and_the_wall_show_last_time_beside_now(library, repository, clock):
    live = third_session_on(repository, library, clock, result=False)
    console = make_app(library, repository, clock, live=live, layout="console")
    async with console.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        text = shown(console.screen.query_one(ScaleWidget))
        assert "sidst 3,4 → nu 4,4" in text, "hands and the two phones: (6×4 + 4×5) / 10"
        assert "sidst 2,5 → nu 2,8" in text
        assert "▲ +1,0" in text and "10 → 10 svar" in text
        assert "sidst (9. juni 2027)" in text
        await pilot.press("1")  # one more hand on 1 for the first statement
        await pilot.pause(0.1)
        assert "sidst 3,4 → nu 4,1" in shown(console.screen.query_one(ScaleWidget))
    live.close()

    room = RoomApp(repository, library, live.info.id, clock=clock)
    async with room.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        text = shown(room.screen.query_one(ScaleWidget))
        assert "sidst 3,4 → nu 4,1" in text and "11 svar" in text
        assert "sidst (9. juni 2027)" in text


async def test_a_small_group_sees_today_per_value_only_on_the_result_page(
    library, repository, clock
):
    three_sessions(repository, library, clock, last=2)
    live = session(repository, library, clock, 2)
    small = replace(live.info, details=replace(live.info.details, participants=8))
    live.store.put("session", "1", small.to_dict())
    session_id = live.info.id
    count = next(i for i, p in enumerate(live.pages) if p.segment.id == REPEAT_ITEM_ID)
    live.go_to(count)
    live.close()
    room = RoomApp(repository, library, session_id, clock=clock)
    async with room.run_test(size=(100, 40)) as pilot:
        await pilot.pause(0.2)
        counting = shown(room.screen.query_one(ScaleWidget))
        assert "Fordelingen vises på resultatsiden" in counting
        assert "█" not in counting.split("Slet ikke", 1)[1], "no bar of today's hands"
    reopened = LiveSession.open(repository, library, session_id, clock)
    reopened.go_to(count + 1)
    reopened.close()
    room = RoomApp(repository, library, session_id, clock=clock)
    async with room.run_test(size=(100, 40)) as pilot:
        await pilot.pause(0.2)
        results = shown(room.screen.query_one(ScaleWidget))
        assert "Fordelingen vises" not in results and "sidst 3,4 → nu 4,4" in results


def _referat(repository, session_id: str, fmt: str) -> bytes | str:
    _, store = repository.open(session_id, readonly=True)
    try:
        return export_session(store, fmt)
    finally:
        store.close()


def _text(payload: bytes | str) -> str:
    return payload if isinstance(payload, str) else payload.decode("utf-8")


async def test_the_referat_and_the_history_of_three_sessions(library, repository, clock):
    made = three_sessions(repository, library, clock)
    first, second, third = made.ids
    assert made.statements == (FIRST, SECOND)

    assert "Siden sidst" not in _text(_referat(repository, first, "md"))
    md = _text(_referat(repository, second, "md"))
    assert "Sidste møde: 10. marts 2027. I dag: 9. juni 2027." in md
    assert f"| {FIRST} | 2,8 | 3,4 | +0,6 | 12 | 10 |" in md
    md = _text(_referat(repository, third, "md"))
    assert "## Siden sidst" in md
    assert "Sidste møde: 9. juni 2027. I dag: 8. september 2027." in md
    assert "| Sidst (9. juni 2027) | Nu (8. september 2027) |" in md
    assert f"| {FIRST} | 3,4 | 4,4 | +1,0 | 10 | 10 |" in md
    assert f"| {SECOND} | 2,5 | 2,8 | +0,3 | 10 | 10 |" in md
    assert "| Handling 2a | AMR | Gennemført | Kører |" in md
    assert "| Handling 2b | Leder | I gang | – |" in md

    html = _text(_referat(repository, third, "html"))
    assert "Siden sidst" in html and "Sidste møde: 9. juni 2027. I dag: 8. september 2027." in html
    cells = '<td class="num">3,4</td><td class="num">4,4</td><td class="num">+1,0</td>'
    assert f'<td class="text">{FIRST}</td>{cells}' in html

    docx = _referat(repository, third, "docx")
    assert isinstance(docx, bytes)
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    for expected in ("Siden sidst", "Sidste møde: 9. juni 2027. I dag: 8. september 2027.",
                     "Sidst (9. juni 2027)", "+1,0", "Handling 2a"):  # fmt: skip
        assert expected in body, expected

    xlsx = _referat(repository, third, "xlsx")
    assert isinstance(xlsx, bytes)
    sheet = load_workbook(io.BytesIO(xlsx))["Siden sidst"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 2
    workplace, statement, last_day, last, last_n, now_day, now, now_n, change = rows[0]
    assert (workplace, statement) == (WORKPLACE, FIRST)
    assert isinstance(last_day, datetime) and last_day.date() == date(2027, 6, 9)
    assert isinstance(now_day, datetime) and now_day.date() == date(2027, 9, 8)
    assert (last, last_n, now, now_n, change) == (3.4, 10, 4.4, 10, 1.0)

    app = make_app(library, repository, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WorkplaceScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = str(app.screen.query_one("#workplace-history", Static).render())
        assert "3 sessioner" in text
        assert "2,8 (10. marts 2027) → 3,4 (9. juni 2027) → 4,4 (8. september 2027)" in text
        assert "2,0 (10. marts 2027) → 2,5 (9. juni 2027) → 2,8 (8. september 2027)" in text
        assert "Handling 3a" in text and "Handling 2b" in text
        assert "Handling 2a" not in text, "done at the third session"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


def test_the_cli_history_and_a_second_spelling(library, repository, clock, capsys):
    cli = importlib.import_module(
        "tui.cli.main"
    )  # the module (the package's `main` is its function)
    three_sessions(repository, library, clock)
    base = ["--data-dir", str(repository.data_dir)]
    assert cli.main([*base, "sessions", "--workplace", "lærken", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["sessions"]) == 3
    (history,) = data["workplaces"]
    first = history["statements"][0]
    assert first["statement"] == FIRST
    assert [(v["date"], v["average"], v["answers"]) for v in first["values"]] == [
        ("2027-03-10", 2.83, 12),
        ("2027-06-09", 3.4, 10),
        ("2027-09-08", 4.4, 10),
    ]
    assert [a["what"] for a in history["open_actions"]] == [
        "Handling 1b",
        "Handling 2b",
        "Handling 3a",
        "Handling 3b",
    ]
    # A fourth session booked under another spelling finds nothing until the spellings are
    # joined; then it is followed up like the others.
    theme = library.get(THEME)
    info, store = repository.create(theme, replace(DETAILS, workplace="Lærken", date="2027-12-01"))
    assert repository.previous_scales("Lærken", exclude=info.id) is None
    assert cli.main([*base, "workplaces", "merge", WORKPLACE, "Lærken"]) == 0
    assert "hører nu til" in capsys.readouterr().err
    offered = repository.previous_scales("lærken", exclude=info.id)
    assert offered is not None and offered.from_date == "2027-09-08"
    assert repository.previous_actions("Lærken", exclude=info.id) is not None
    repository.close(store)
    assert cli.main([*base, "workplaces", "merge", "Lærken", WORKPLACE]) == 1
    assert "allerede samme arbejdsplads" in capsys.readouterr().err
    assert cli.main([*base, "workplaces"]) == 0
    assert capsys.readouterr().out.strip() == f"{WORKPLACE}  (4 sessioner)"


def test_the_statements_asked_again_survive_export_and_import(library, repository, clock):
    made = three_sessions(repository, library, clock)
    exported = json.loads(_text(_referat(repository, made.ids[2], "json")))
    tables = check_export(exported)
    assert "repeat" in tables
    imported = repository.import_tables(tables)
    md = _text(_referat(repository, imported.id, "md"))
    assert f"| {FIRST} | 3,4 | 4,4 | +1,0 | 10 | 10 |" in md
    reopened = LiveSession.open(repository, library, imported.id, clock)
    try:
        pages = [p for p in reopened.pages if p.segment.id == REPEAT_ITEM_ID]
        assert [p.step.title for p in pages if p.step] == ["Samme udsagn som sidst", "Resultatet"]
    finally:
        reopened.close()


async def test_a_new_session_offers_the_statements_and_asks_the_chosen(library, repository, clock):
    three_sessions(repository, library, clock, last=1)
    app = make_app(library, repository, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.create_session(library.get(THEME), replace(DETAILS, date="2027-06-09"))
        await pilot.pause(0.2)
        await pilot.press("y")  # follow up the action plan
        await pilot.pause(0.2)
        assert isinstance(app.screen, RepeatOffer)
        offer = app.screen.query_one(SelectionList)
        assert list(offer.selected) == [FIRST, SECOND], "the marked scale's statements, ticked"
        await pilot.press("space")  # untick the first
        await pilot.press("g")
        await pilot.pause(0.3)
        live = app.live
        assert live is not None
        item = live.schedule.item(REPEAT_ITEM_ID)
        assert item is not None and item.title == "Sidst og nu"
        ids = [i.id for i in live.schedule.items]
        assert ids.index(REPEAT_ITEM_ID) == ids.index("opfoelgning") + 1
        state = live.exercises.state(live.theme.segment(REPEAT_ITEM_ID))
        assert state.statements == (SECOND,)


async def test_m_on_the_workplace_screen_joins_a_second_spelling(library, repository, clock):
    three_sessions(repository, library, clock, last=2)
    theme = library.get(THEME)
    info, store = repository.create(theme, replace(DETAILS, workplace="Lærken", date="2027-12-01"))
    repository.close(store)
    app = make_app(library, repository, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)  # the newest session, "Lærken", is highlighted
        await pilot.press("w")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Lærken · 1 session" in str(app.screen.query_one("#workplace-history").render())
        await pilot.press("m", *WORKPLACE, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        text = str(app.screen.query_one("#workplace-history", Static).render())
        assert "Lærken · 3 sessioner" in text and f"Også: {WORKPLACE}" in text
        assert "2,8 (10. marts 2027) → 3,4 (9. juni 2027)" in text
    assert repository.previous_scales("lærken", exclude=info.id) is not None
