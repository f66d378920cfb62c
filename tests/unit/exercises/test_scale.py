"""A scale: hands per value, averages, undo, labels."""

import pytest

from sessions.exercises.scale import ScaleKind, ScaleOptions, ScaleState, label_for, legend

KIND = ScaleKind()


def scale() -> ScaleState:
    return ScaleState(("Jeg kan sige fra", "Jeg får hjælp"), 1, 5, ("Slet ikke", "Helt"))


def test_hands_are_counted_per_statement_and_value():
    state = scale().add_hand(4).add_hand(4).add_hand(2).select(1).add_hand(5)
    first = state.stats(0)
    assert first.counts == {1: 0, 2: 1, 3: 0, 4: 2, 5: 0}
    assert first.hands == 3 and first.average == pytest.approx(10 / 3)
    assert state.stats(1).average == 5
    assert state.add_hand(9) == state, "a value off the scale is ignored"


def test_undo_takes_back_the_last_hands_wherever_they_were():
    state = scale().add_hand(4).select(1).add_hand(5)
    once = state.undo()
    assert once is not None and once.stats(1).hands == 0 and once.selected == 1
    twice = once.undo()
    assert twice is not None and twice.stats(0).hands == 0 and twice.selected == 0
    assert twice.undo() is None


def test_a_scale_with_no_hands():
    stats = scale().stats(0)
    assert stats.hands == 0 and stats.average is None
    assert KIND.result(scale(), "Skala", "s", "da") is None


def test_answers_counted_elsewhere_join_the_hands():
    assert scale().add_hand(1).stats(0, {5: 3}).hands == 4


def test_labels_give_the_scale_its_meaning():
    both_ends = ScaleOptions(1, 5, ("Slet ikke", "Helt"))
    assert legend(both_ends) == [(1, "Slet ikke"), (5, "Helt")]
    each = ScaleOptions(1, 3, ("Nej", "Lidt", "Ja"))
    assert label_for(each, 2) == "Lidt"
    assert legend(ScaleOptions(1, 5)) == []


def test_settings_are_checked():
    options, problems = KIND.parse_options({"scale": "1-5", "labels": "A | B | C"}, 4)
    assert [p.key for p in problems] == ["theme.problem.scale_labels"]
    _, problems = KIND.parse_options({"scale": "5-1"}, 4)
    assert [p.key for p in problems] == ["theme.problem.scale_range"]
    options, problems = KIND.parse_options({"scale": "0-3", "labels": "a|b|c|d"}, 4)
    assert problems == [] and options == ScaleOptions(0, 3, ("a", "b", "c", "d"))


def test_stored_reported_and_the_first_format_read():
    state = scale().add_hand(2).add_hand(3).select(1).add_hand(1)
    assert KIND.load(state.to_doc()) == state
    old = KIND.load(
        {"statements": ["A", "B"], "scale": "1-5", "counts": {"0": {"4": 3}}, "selected": 1}
    )
    assert old.stats(0).counts[4] == 3 and old.selected == 1
    result = KIND.result(state, "Skala", "s", "da")
    assert result is not None
    assert result.rows[0] == ["Jeg kan sige fra", "0", "1", "1", "0", "0", "2,5", "2"]
    assert result.lines == ["1 = Slet ikke · 5 = Helt"]
    assert result.highlights == ["Lavest på skalaen 1–5: «Jeg får hjælp» (gns. 1,0)"]
    crowded = KIND.result(state, "Skala", "s", "da", participants=1)
    assert crowded is not None and "flere end deltagerne (1)" in crowded.lines[-1]
    assert set(result.numeric_columns) == set(range(1, 8))


def test_a_small_group_sees_the_counts_only_on_the_result_step():
    """With 10 or fewer a lone hand is recognisable: the wall shows the hands per value only on
    the result step; a bigger group (or a result step) sees them while they are counted."""
    from sessions.exercises.scale import SMALL_GROUP, counts_shown

    assert SMALL_GROUP == 10
    for participants in (0, 1, 8, 10):
        assert not counts_shown(participants, results=False)
        assert counts_shown(participants, results=True)
    for participants in (11, 30):
        assert counts_shown(participants, results=False)
