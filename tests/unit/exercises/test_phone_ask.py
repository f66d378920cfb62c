"""Each kind says what the phones are asked on its page, as data, and which answers that
admits; an approved text goes where the kind puts it; the phones' counts merge into its result.
Outside a kind's own module nothing switches on a kind's state class."""

from __future__ import annotations

import ast
from pathlib import Path

from sessions.exercises.case import CaseKind, CaseState
from sessions.exercises.phone import AnswerMode, SlipTarget
from sessions.exercises.scale import ScaleKind, ScaleState
from sessions.exercises.sorting import BoardState, SortingKind
from sessions.exercises.steps import BuzzKind, ReflectionKind
from sessions.exercises.voting import VotingKind, VotingState
from sessions.theme.model import Minutes, Segment, SegmentKind

SEGMENT = Segment("s", "Øvelsen", SegmentKind.EXERCISE, Minutes({90: 10}), 1)
ROOT = Path(__file__).parents[3]


class Counts:
    """The phones' answers as `AnswerBook` gives them to a kind."""

    def scale_counts(self, segment_id: str) -> dict[int, dict[int, int]]:
        return {0: {3: 2}}

    def phone_votes(self, segment_id: str) -> dict[str, int]:
        return {"Pauser": 4}


def test_a_scale_asks_its_statements_with_its_labelled_values_on_its_first_step_only():
    kind = ScaleKind()
    state = ScaleState(("Jeg kan sige fra",), 1, 3, labels=("Slet ikke", "Helt"))
    assert kind.phone_mode(SEGMENT, 0) is AnswerMode.SCALE
    assert kind.phone_mode(SEGMENT, 1) is None, "later steps discuss the result"
    ask = kind.phone_ask(SEGMENT, state)
    assert ask is not None and not ask.shows_prompt
    assert ask.values == ((1, "Slet ikke"), (2, ""), (3, "Helt"))
    assert ask.accepts_value(0, 3)
    assert not ask.accepts_value(0, 4) and not ask.accepts_value(1, 1)
    assert kind.result(state, "Skala", "s", "da") is None, "no hands counted"
    merged = kind.result_with_phones(state, "Skala", "s", "da", 0, Counts())
    assert merged is not None, "two phones answered 3"
    counted = kind.result(state.add_hand(3).add_hand(3), "Skala", "s", "da")
    assert counted is not None and merged.rows == counted.rows, "a phone counts as a hand"


def test_a_vote_asks_its_items_and_each_phone_s_budget():
    kind = VotingKind()
    ask = kind.phone_ask(SEGMENT, VotingState(items=("Pauser", "Møder"), votes_per_person=2))
    assert ask is not None and ask.mode is AnswerMode.VOTE and ask.votes_each == 2
    assert ask.accepts_item("Møder") and not ask.accepts_item("Ferie")
    assert not ask.accepts_value(0, 1), "a vote takes no scale values"
    result = kind.result_with_phones(
        VotingState(items=("Pauser", "Møder"), votes=(("Møder", 1),)),
        "Stem",
        "s",
        "da",
        0,
        Counts(),
    )
    assert result is not None and result.rows[0] == ["Pauser", "4"], "phone votes count in"


def test_texts_go_to_a_board_s_column_a_case_s_agreements_or_a_note():
    board = SortingKind()
    ask = board.phone_ask(SEGMENT, BoardState(("Godt", "Bedre")))
    assert ask is not None and ask.target is SlipTarget.COLUMN and ask.columns == ("Godt", "Bedre")
    assert ask.accepts_column(1) and not ask.accepts_column(2)
    taken = board.take_text(BoardState(("Godt", "Bedre")), "Frokost", 1)
    assert taken is not None and [(i.text, i.column) for i in taken.items] == [("Frokost", 1)]

    case = CaseKind()
    ask = case.phone_ask(SEGMENT, CaseState())
    assert ask is not None and ask.target is SlipTarget.AGREEMENT and not ask.shows_prompt
    assert case.take_text(CaseState(), "Bagvagt", 0) == CaseState(("Bagvagt",))

    reflection = ReflectionKind()
    ask = reflection.phone_ask(SEGMENT, None)
    assert ask is not None and ask.target is SlipTarget.NOTE and ask.shows_prompt
    assert reflection.take_text(None, "Tekst", 0) is None, "it becomes a note"


def test_a_kind_that_asks_nothing_says_so():
    assert BuzzKind().phone_mode(SEGMENT, 0) is None
    assert BuzzKind().phone_ask(SEGMENT, None) is None


def _state_classes() -> dict[str, Path]:
    """Each kind's state and kind classes, by name, with the module that defines them."""
    found: dict[str, Path] = {}
    for path in (ROOT / "sessions" / "exercises").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name.endswith(("State", "Kind")):
                found[node.name] = path
    return found


def test_no_module_switches_on_a_kind_s_state_outside_the_kind_and_its_widget():
    classes = _state_classes()
    switches = []
    for path in [*(ROOT / "sessions").rglob("*.py"), *(ROOT / "tui").rglob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "isinstance"):
                continue
            if len(node.args) != 2:
                continue
            names = [n.id for n in ast.walk(node.args[1]) if isinstance(n, ast.Name)]
            for name in names:
                home = classes.get(name)
                own_widget = ROOT / "tui" / "exercises" / (home.name if home else "")
                if home is not None and path not in (home, own_widget):
                    switches.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    assert classes and switches == []
