"""A list cut to the rows it is given when it is drawn: a board's column shows the right
window in the first frame of its page, whatever size the layout gives it."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content

from tui.exercises.windowed_list import ListItem, WindowedList


class One(App[None]):
    def compose(self) -> ComposeResult:
        yield WindowedList(id="list")


ITEMS = [ListItem(f"• Punkt {n}", selected=n == 30) for n in range(60)]


def lines(widget: WindowedList) -> list[str]:
    return str(widget.render()).splitlines()


async def test_the_window_is_taken_at_the_size_drawn():
    app = One()
    async with app.run_test(size=(30, 12)) as pilot:
        widget = app.query_one(WindowedList)
        widget.show([Content("Kan (60)")], ITEMS, 30)
        await pilot.pause()
        drawn = lines(widget)
        assert len(drawn) == 12 and drawn[0] == "Kan (60)"
        assert drawn[1].startswith("▲") and drawn[-1].startswith("▼")
        assert any("Punkt 30" in each for each in drawn), "the selected item is in view"
        assert widget.held_back
        await pilot.resize_terminal(30, 30)
        await pilot.pause()
        assert len(lines(widget)) == 30, "a taller list shows more at once, no second show"


async def test_a_short_list_shows_everything_and_holds_nothing_back():
    app = One()
    async with app.run_test(size=(30, 12)) as pilot:
        widget = app.query_one(WindowedList)
        widget.show([Content("Skal (2)")], ITEMS[:2], None)
        await pilot.pause()
        assert lines(widget) == ["Skal (2)", "• Punkt 0", "• Punkt 1"]
        assert not widget.held_back
        widget.show([Content("Skal (0)")], [], None, empty=Content("–"))
        await pilot.pause()
        assert lines(widget) == ["Skal (0)", "–"]


async def test_long_text_wraps_to_the_column_and_is_never_markup():
    app = One()
    async with app.run_test(size=(16, 12)) as pilot:
        widget = app.query_one(WindowedList)
        widget.show([], [ListItem("• [bold]Mails[/bold] efter kl. 16 hver dag")], None)
        await pilot.pause()
        drawn = lines(widget)
        assert all(len(each) <= 16 for each in drawn) and len(drawn) > 1
        assert "[bold]Mails[/bold]" in "".join(drawn).replace(" ", "")
