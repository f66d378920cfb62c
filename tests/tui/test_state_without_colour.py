"""State that does not depend on seeing colour: a ticked box and a chosen option look different
from the others in their glyphs, and the countdown says its warning and its last minute in words
(the last minute in inverse video)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import RadioSet

from sessions.agenda.countdown import Countdown
from sessions.clock import FakeClock
from tui.themes import DARK, register_themes, variable_defaults
from tui.widgets.countdown_display import CountdownDisplay
from tui.widgets.toggles import Checkbox, RadioButton


def glyphs(widget) -> str:
    """The button's three cells, as text."""
    return widget._button.plain


class Toggles(App[None]):
    def compose(self) -> ComposeResult:
        yield Checkbox("Kun til mig", False, id="private")
        with RadioSet(id="plan"):
            yield RadioButton("90 minutter", value=True, id="p90")
            yield RadioButton("120 minutter", id="p120")


async def test_ticked_and_chosen_show_in_the_glyph():
    app = Toggles()
    async with app.run_test() as pilot:
        box = app.query_one("#private", Checkbox)
        assert glyphs(box) == "▐ ▌"
        box.value = True
        await pilot.pause()
        assert glyphs(box) == "▐X▌"
        assert glyphs(app.query_one("#p90", RadioButton)) == "▐●▌"
        assert glyphs(app.query_one("#p120", RadioButton)) == "▐○▌"
        app.query_one("#p120", RadioButton).value = True
        await pilot.pause()
        assert glyphs(app.query_one("#p90", RadioButton)) == "▐○▌"
        assert glyphs(app.query_one("#p120", RadioButton)) == "▐●▌"


class Clock(App[None]):
    def __init__(self, countdown: Countdown) -> None:
        super().__init__()
        self.countdown = countdown

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return variable_defaults()

    def on_mount(self) -> None:
        register_themes(self)
        self.theme = DARK

    def compose(self) -> ComposeResult:
        yield CountdownDisplay(id="countdown")

    def state(self) -> tuple[str, set[str]]:
        display = self.query_one(CountdownDisplay)
        display.tick()
        label = str(display.query_one("#countdown-state").render())
        return label, set(display.classes)


async def test_the_countdown_says_its_warning_and_last_minute_in_words():
    clock = FakeClock()
    countdown = Countdown.new(clock, 600)
    app = Clock(countdown)
    async with app.run_test() as pilot:
        app.query_one(CountdownDisplay).follow(lambda: countdown)
        countdown.start()
        assert app.state()[0] == ""
        clock.advance(600 - 110)
        label, classes = app.state()
        assert label == "Snart tid" and "-warning" in classes
        clock.advance(55)
        label, classes = app.state()
        assert label == "Sidste minut" and "-urgent" in classes
        await pilot.pause()
        state = app.query_one("#countdown-state")
        assert state.styles.background != app.query_one(CountdownDisplay).styles.background, (
            "the last minute in inverse video"
        )
        clock.advance(60)
        assert app.state()[0] == "Tiden er gået"


async def test_a_short_turn_says_its_last_seconds_not_its_last_minute():
    clock = FakeClock()
    countdown = Countdown.new(clock, 15)
    app = Clock(countdown)
    async with app.run_test():
        app.query_one(CountdownDisplay).follow(lambda: countdown)
        countdown.start()
        clock.advance(5)
        assert app.state()[0] == "", "not urgent from its first second"
        clock.advance(8)
        assert app.state()[0] == "Sidste sekunder"
