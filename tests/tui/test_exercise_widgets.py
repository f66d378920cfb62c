"""Each exercise widget in a tiny host app: its keys do what they say, it tells the host what
happened, what it shows comes from the stored state, and a room view's copy takes no keys."""

from __future__ import annotations

from textual import on
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from sessions.agenda.pages import Page
from sessions.exercises.case import CaseState
from sessions.exercises.round import RoundState, RoundWay
from sessions.exercises.scale import ScaleState
from sessions.exercises.sorting import BoardState
from sessions.exercises.voting import VotingState
from sessions.live import LiveSession
from tests.tui.helpers import TYPED_HOSTILE, new_live, page_of
from tui.exercises import EXERCISE_WIDGETS, ExerciseWidget
from tui.exercises.scale import statement_blocks
from tui.exercises.windowed_list import WindowedList
from tui.screens.item_form import ItemForm
from tui.screens.text_prompt import TextPrompt


class ConsoleScreen(Screen[None]):
    console = True
    """The consultant's own screen (as the presenter's beside a room view): what is for the
    consultant alone is shown."""


class Host(App[None]):
    """Saves what the widget reports, as the presenter does, and remembers the rest."""

    def get_default_screen(self) -> Screen[None]:
        return ConsoleScreen()

    def __init__(self, live: LiveSession, page: Page, *, interactive: bool = True) -> None:
        super().__init__()
        self.live = live
        self.page = page
        self.interactive = interactive
        self.proposed: list[list[str]] = []
        self.clocks: list[str] = []

    def compose(self) -> ComposeResult:
        assert self.page.segment.format is not None
        widget_class = EXERCISE_WIDGETS[self.page.segment.format.value]
        yield widget_class(self.live, self.page, interactive=self.interactive)

    def on_mount(self) -> None:
        self.widget.focus()

    @property
    def widget(self) -> ExerciseWidget:
        return self.query_one(ExerciseWidget)

    @on(ExerciseWidget.Changed)
    def save(self, event: ExerciseWidget.Changed) -> None:
        self.live.exercises.save(event.widget.page.segment, event.state)
        event.widget.saved(event.state)

    @on(ExerciseWidget.ActionsProposed)
    def propose(self, event: ExerciseWidget.ActionsProposed) -> None:
        self.proposed.append(event.items)

    @on(ExerciseWidget.ClockStart)
    def clock(self, event: ExerciseWidget.ClockStart) -> None:
        self.clocks.append(event.clock.key)


def shown(app: Host, selector: str) -> str:
    widget = app.query_one(selector)
    assert isinstance(widget, (Static, WindowedList))
    return str(widget.render())


def squeezed(text: str) -> str:
    """`text` without its white space: an item wrapped in a narrow column is still itself."""
    return "".join(text.split())


def host(live: LiveSession, kind: str, step: int = 0, **kwargs: bool) -> Host:
    return Host(live, live.pages[page_of(live, kind, step)], **kwargs)


async def test_round_gives_the_word_on_and_starts_each_speakers_clock(repository, library, clock):
    live = new_live(repository, library, clock)
    app = host(live, "round")
    async with app.run_test() as pilot:
        await pilot.press("enter", "enter")
        state = live.exercises.state(app.page.segment)
        assert isinstance(state, RoundState) and state.speaker == 2
        assert app.clocks == [f"{app.page.key}#speaker"] * 2
        assert "Taler 2 af 14" in shown(app, "#round-speaker")
        assert app.widget.turn(forward=False)
        await pilot.pause()
        assert live.exercises.state(app.page.segment).speaker == 1
        assert app.widget.leave_question(forward=False) is not None
        assert app.widget.check_action("run_as", ("groups",)) is False, "not once begun"


async def test_a_round_too_big_for_its_step_offers_the_ways_that_fit(repository, library, clock):
    live = new_live(repository, library, clock)
    app = host(live, "round")
    async with app.run_test() as pilot:
        assert "Runden tager" in shown(app, "#round-fit")
        assert app.widget.mode_shown()
        await pilot.press("2")
        state = live.exercises.state(app.page.segment)
        assert state.way is RoundWay.GROUPS and state.speakers < 14
        assert "I grupper på" in shown(app, "#round-way")
        assert not app.widget.mode_shown(), "the step's 'alle sammen' no longer holds"
        choices = app.query_one("#round-fit", Static)
        assert choices.region.x > 0 and choices.region.right < app.size.width, "a centred block"


async def test_cards_turn_and_marked_cards_reach_the_result_step(repository, library, clock):
    live = new_live(repository, library, clock)
    app = host(live, "cards")
    async with app.run_test() as pilot:
        assert app.widget.turn(forward=True)
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert "★" in shown(app, "#card-position")
        assert app.widget.turn(forward=False)
        await pilot.pause()
        assert not app.widget.turn(forward=False), "no card before the first"
    result = host(live, "cards", step=1)
    async with result.run_test():
        assert "Vi griner sammen" in shown(result, "#card-marked")
        assert result.widget.check_action("toggle_important", ()) is False


async def test_sorting_adds_moves_edits_removes_and_puts_back(repository, library, clock):
    live = new_live(repository, library, clock)
    app = host(live, "sorting")
    async with app.run_test() as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*TYPED_HOSTILE, "enter")
        await pilot.press("greater_than_sign", "w")
        assert isinstance(app.screen, ItemForm)
        await pilot.press("tab", *"fordi", "enter")
        board = live.exercises.state(app.page.segment)
        assert isinstance(board, BoardState)
        assert board.current is not None and board.current.column == 1
        assert board.current.text == TYPED_HOSTILE and board.current.reason == "fordi"
        column = shown(app, "#column-1")
        assert "Start (1)" in column and squeezed(TYPED_HOSTILE) in squeezed(column), column
        await pilot.press("x")
        assert not live.exercises.state(app.page.segment).items
        await pilot.press("u")
        assert live.exercises.state(app.page.segment).items


async def test_voting_counts_votes_and_proposes_the_top_items(repository, library, clock):
    live = new_live(repository, library, clock)
    case = live.theme.segment("sagen")
    assert case is not None
    live.exercises.save(case, CaseState().add("Ring samme aften").add("Fast sparring"))
    app = host(live, "voting")
    async with app.run_test() as pilot:
        await pilot.press("down", "enter")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("backspace", "7", "enter")
        state = live.exercises.state(app.page.segment)
        assert isinstance(state, VotingState) and state.count("Fast sparring") == 7
        assert "7 af 42 givet" in shown(app, "#vote-budget")
        await pilot.press("k")
        await pilot.pause()
        assert app.proposed == [["Fast sparring"]]


async def test_more_votes_than_the_room_can_give_are_flagged_on_the_console(
    repository, library, clock
):
    """V1: the console showed "748 af 60 givet" without a word; now it says it cannot be."""
    live = new_live(repository, library, clock)
    case = live.theme.segment("sagen")
    assert case is not None
    live.exercises.save(case, CaseState().add("Ring samme aften").add("Fast sparring"))
    app = host(live, "voting")
    async with app.run_test() as pilot:
        await pilot.press("down", "enter", "backspace", "4", "2", "enter")
        assert "42 af 42 givet" in shown(app, "#vote-budget")
        assert "flere end" not in shown(app, "#vote-budget")
        await pilot.press("enter", "backspace", "backspace", "4", "3", "enter")
        assert "43 af 42 givet" in shown(app, "#vote-budget")
        assert "(flere end 14 deltagere × 3 kan give)" in shown(app, "#vote-budget")


async def test_the_scale_counts_hands_undoes_and_shows_the_meaning(repository, library, clock):
    live = new_live(repository, library, clock)
    app = host(live, "scale")
    async with app.run_test() as pilot:
        await pilot.press("4", "4", "down", "2", "u", "2", "9")
        state = live.exercises.state(app.page.segment)
        assert isinstance(state, ScaleState)
        assert state.stats(0).counts[4] == 2 and state.stats(1).counts[2] == 1
        assert shown(app, "#scale-legend") == "1 = Slet ikke · 5 = Helt"
        assert app.widget.check_action("add_hand", ("9",)) is False
    result = host(live, "scale", step=1)
    async with result.run_test():
        assert "gns. 4,0" in shown(result, "#scale-statements")
        assert result.widget.check_action("add_hand", ("4",)) is False, "no counting on results"


async def test_a_case_writes_edits_and_removes_any_agreement(repository, library, clock):
    live = new_live(repository, library, clock)
    app = host(live, "case")
    async with app.run_test() as pilot:
        for text in ("Ring samme aften", "Fast sparring"):
            await pilot.press("enter", *text, "enter")
        await pilot.press("up", "w", "ctrl+u", *"Ring altid", "enter", "down", "x")
        state = live.exercises.state(app.page.segment)
        assert isinstance(state, CaseState) and state.agreements == ("Ring altid",)
        assert "Jeres aftaler (1)" in shown(app, "#case-agreements")


async def test_the_room_views_copy_takes_no_keys(repository, library, clock):
    live = new_live(repository, library, clock)
    app = host(live, "scale", interactive=False)
    async with app.run_test() as pilot:
        assert not app.widget.can_focus
        await pilot.press("4")
        assert app.widget.check_action("add_hand", ("4",)) is False
        assert live.exercises.state(app.page.segment).stats(0).hands == 0


def test_scale_statements_are_never_cut_short():
    long = "Nye kolleger og vikarer kender vores aftaler om pauser og om at sige fra i tide"
    short = "Vi hjælper hinanden"
    rows = [(long, "▁▃█", "gns. 3,4 · 12 hænder", True), (short, "   ", "gns. – · 0 hænder", False)]
    for width in (40, 76, 200):
        blocks = statement_blocks(rows, width)
        text = [str(line.plain) for block in blocks for line in block]
        assert all(len(line) <= width for line in text), width
        assert " ".join(" ".join(text).split()).count(long) == 1, "every word, in order"
        assert "…" not in "".join(text)
    assert len(statement_blocks(rows, 200)[0]) == 1, "beside its figures when it fits"
    assert len(statement_blocks(rows, 76)[0]) >= 2, "above its figures when it does not"


async def test_long_lines_on_the_wall_hang_under_their_own_text(repository, library, clock):
    """An action or an item too long for one line wraps between words, under its own text
    (not back at the margin, not under the vote bar)."""
    live = new_live(repository, library, clock)
    long = "Ingen tager telefonen på kontoret efter klokken femten, så ruten skrider hver dag"
    live.plan.save(None, long, "Leder og AMR", "1. marts", "personalemødet i april")
    app = host(live, "action-plan", interactive=False)
    async with app.run_test(size=(50, 20)):
        rows = shown(app, ".plan-rows").splitlines()
        first = next(i for i, row in enumerate(rows) if row.startswith("1. "))
        assert rows[first + 1].startswith("   ") and rows[first + 1].strip()
        assert all(len(row) <= 50 for row in rows)
        words = "".join(rows).split()
        assert "telefonen" in words and "kontoret" in words, "no word cut in two"
