"""Dialogue cards: one at a time, the ones that matter marked."""

from sessions.exercises.cards import CardsKind, CardsState, deck_step
from sessions.theme.parser import parse_theme
from tests.unit.exercises.themes import exercise_theme, theme_with

KIND = CardsKind()


def test_turning_and_marking():
    state = CardsState(("A", "B", "C"))
    assert state.turn(-1) is None
    state = state.turn(1)
    assert state.current == "B"
    state = state.toggle_important().turn(1).toggle_important()
    assert state.marked == ["B", "C"]
    assert state.turn(1) is None
    assert state.toggle_important().marked == ["B"]


def test_the_deck_is_the_first_step_with_list_items():
    theme = theme_with(
        "format: cards",
        "### Kortene\nminutes: 10\nmode: gruppe\n\n- Kort et\n- Kort to\n\n"
        "### Det vigtigste\nminutes: 5\nshow: results\n\n- Hvad tager vi med?",
    )
    segment = theme.segments[1]
    assert deck_step(segment) == 0
    assert KIND.initial(segment, 10).cards == ("Kort et", "Kort to")
    assert segment.steps[1].show_results


def test_cards_need_a_deck():
    theme, problems = parse_theme(
        exercise_theme("format: cards", "### Snak\nminutes: 15\n\nBare snak.")
    )
    assert theme is None
    assert [p.key for p in problems] == ["theme.problem.cards_need_deck"]


def test_stored_and_reported():
    state = CardsState(("A", "B"), 1, (1,))
    assert KIND.load(state.to_doc()) == state
    assert KIND.load({"cards": ["A"], "card": 5, "important": [0, "x"]}) == CardsState(
        ("A",), 0, (0,)
    )
    result = KIND.result(state, "Dialogkort", "kort", "da")
    assert result is not None and result.highlights == ["Vigtigt kort: «B»"]
    assert KIND.result(CardsState(("A",)), "Dialogkort", "kort", "da") is None
