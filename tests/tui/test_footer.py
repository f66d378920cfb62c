"""The footer: the screen's keys in one line, changed in the frame that changed them, a click on
a key presses it, and a narrow window shows more keys by drawing them tighter."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widget import Widget

from tui.widgets.footer import Footer


class Board(Widget, can_focus=True):
    BINDINGS = [Binding("x", "remove", "Fjern"), Binding("w", "edit", "Ret")]

    def __init__(self) -> None:
        super().__init__()
        self.removed = 0

    def action_remove(self) -> None:
        self.removed += 1

    def action_edit(self) -> None:
        pass


class Keys(App[None]):
    AUTO_FOCUS = None
    BINDINGS = [
        Binding("pagedown", "next", "Næste"),
        Binding("pageup", "back", "Forrige"),
        Binding("q", "quit", "Afslut"),
        Binding("z", "hidden", "Skjult", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Board()
        yield Footer()

    def action_next(self) -> None:
        pass

    def action_back(self) -> None:
        pass


def drawn(app: App[None]) -> str:
    footer = app.screen.query_one(Footer)
    return footer.render().plain


async def test_the_keys_follow_focus_in_the_same_frame():
    app = Keys()
    async with app.run_test(size=(100, 5)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        assert footer.labels[:3] == ["Næste", "Forrige", "Afslut"]
        assert "Skjult" not in footer.labels
        app.screen.query_one(Board).focus()
        await pilot.pause()
        assert footer.labels[:2] == ["Fjern", "Ret"], "the focused widget's keys come first"
        line = drawn(app)
        assert line.startswith(" x Fjern  w Ret  ") and "pgdn Næste" in line
        assert not footer.children, "one widget: no key widgets to mount"


async def test_a_click_on_a_key_presses_it():
    app = Keys()
    async with app.run_test(size=(100, 5)) as pilot:
        board = app.screen.query_one(Board)
        board.focus()
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        drawn(app)  # where the keys are
        x = footer.render().plain.index("Fjern")
        await pilot.click(Footer, offset=(x, 0))
        await pilot.pause()
        assert board.removed == 1
        await pilot.click(Footer, offset=(footer.size.width - 3, 0))  # past the keys: nothing
        await pilot.pause()
        assert board.removed == 1


async def test_a_narrow_window_draws_the_keys_tighter_and_never_half_a_key():
    app = Keys()
    async with app.run_test(size=(100, 5)) as pilot:
        app.screen.query_one(Board).focus()
        await pilot.pause()
        wide = drawn(app)
        await pilot.resize_terminal(40, 5)
        await pilot.pause()
        narrow = drawn(app)
        assert len(narrow) <= 40
        assert "xFjern" not in narrow and "x Fjern" in narrow
        assert narrow.count(" ") < wide.count(" ")
        for cut in ("Fjer ", "Forr ", "Afsl "):
            assert cut not in narrow
