"""The action plan on the consultant's screen: every word of every field stays readable at
80×24, long text wraps in its column instead of running off the edge."""

from __future__ import annotations

from rich.text import Text

from tests.tui.helpers import make_app, new_live
from tui.screens.action_plan import ActionPlanScreen
from tui.widgets.wrapping_table import WrappingTable

LONG = "Vi ringer altid til en kollega, før vi tager på et svært besøg alene om aftenen"


async def test_long_actions_wrap_inside_the_table_at_80_columns(library, repository, clock):
    live = new_live(repository, library, clock)
    live.plan.save(None, LONG, "AMR Lise", "1. marts 2027", "På personalemødet i april")
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.action_action_plan()
        await pilot.pause()
        assert isinstance(app.screen, ActionPlanScreen)
        table = app.screen.query_one(WrappingTable)
        widths = [column.get_render_width(table) for column in table.columns.values()]
        assert sum(widths) <= table.size.width, "no column runs off the right edge"
        row = table.get_row_at(0)
        assert [str(cell) for cell in row][1:3] == ["AMR Lise", "1. marts 2027"]
        assert table.rows[next(iter(table.rows))].height > 1, "the long 'hvad' wraps"
        for cell, column in zip(row, table.columns.values(), strict=True):
            text = cell if isinstance(cell, Text) else Text(str(cell))
            longest_word = max(len(word) for word in text.plain.split())
            assert longest_word <= column.width, "no word is cut"
