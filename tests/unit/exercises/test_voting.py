"""Dot voting: votes per item, a budget, undo, and what a vote is over."""

from sessions.exercises.voting import (
    Material,
    SourceRef,
    VotingKind,
    VotingOptions,
    VotingState,
    candidates,
    parse_source,
)
from sessions.models import NoteTag

KIND = VotingKind()


def voting() -> VotingState:
    return VotingState(("A", "B", "C"), participants=10, votes_per_person=3)


def test_votes_are_set_added_and_ranked_with_ties_in_order():
    state = voting().select(2).set_votes(7).select(-2).set_votes(3).add_votes(1)
    assert state.ranked() == [("C", 7), ("A", 4), ("B", 0)]
    assert state.total == 11 and state.budget == 30
    assert state.top() == [("C", 7), ("A", 4)], "items without votes are not top items"
    tied = voting().set_votes(2).select(1).set_votes(2)
    assert tied.ranked()[:2] == [("A", 2), ("B", 2)]


def test_undo_and_no_negative_votes():
    state = voting().set_votes(5).add_votes(-9)
    assert state.count("A") == 0
    back = state.undo()
    assert back is not None and back.count("A") == 5
    assert back.undo().count("A") == 0
    assert voting().undo() is None


def test_the_list_follows_its_source_but_votes_stay():
    state = voting().select(1).set_votes(4).with_items(["A", "C", "D"])
    assert state.items == ("A", "C", "D", "B"), "B has votes, so it stays"
    assert state.with_items([]).items == ("B",)


def test_votes_counted_elsewhere_join_the_ranking():
    assert voting().set_votes(1).ranked({"B": 3})[0] == ("B", 3)


def test_sources_are_read():
    assert parse_source("kan-og-skal#Kan") == SourceRef(
        "kan-og-skal", "Kan", text="kan-og-skal#Kan"
    )
    assert parse_source("notes:idé") == SourceRef(tag=NoteTag.IDEA, text="notes:idé")
    assert parse_source("notes:nonsense") is None and parse_source("#x") is None
    _, problems = KIND.parse_options({"source": "a | notes:x", "votes-per-person": "0"}, 9)
    assert sorted(p.key for p in problems) == [
        "theme.problem.source_malformed",
        "theme.problem.whole_number",
    ]


def material(**lists):
    return Material(
        lambda segment, column: lists.get(segment if column is None else f"{segment}#{column}"),
        lambda tag: lists.get(f"notes:{tag.value if tag else ''}", []),
        lambda: lists.get("boards", []),
    )


def test_candidates_come_from_the_named_sources_without_repeats():
    options = VotingOptions(3, (SourceRef("case"), SourceRef(tag=NoteTag.IDEA)))
    found = candidates(
        options, material(case=["Ring", "Skriv"], **{"notes:idea": ["Skriv", "Mød"]})
    )
    assert found == ("Ring", "Skriv", "Mød")


def test_without_a_source_the_earlier_boards_then_the_notes():
    assert candidates(VotingOptions(), material(boards=["X"], **{"notes:": ["N"]})) == ("X",)
    assert candidates(VotingOptions(), material(**{"notes:": ["N"]})) == ("N",)


def test_stored_reported_and_the_first_format_read():
    state = voting().select(1).set_votes(6)
    assert KIND.load(state.to_doc()) == state
    old = KIND.load({"items": ["A", "B"], "votes": [2, 5], "selected": 1})
    assert old.count("B") == 5 and old.count("A") == 2
    result = KIND.result(state, "Afstemning", "v", "da")
    assert result is not None and result.rows == [["B", "6"]]
    assert result.highlights == ["Flest stemmer: «B» (6)"]
    assert KIND.result(voting(), "Afstemning", "v", "da") is None


def test_more_votes_than_the_room_can_give_are_flagged_in_the_referat():
    """V1: 447 votes on one item from one device were reported as the room's first choice
    without a word; the scale flags more hands than participants, and so does the vote now."""
    state = voting().select(1).set_votes(4)
    phones = {"A": 27}  # 10 participants × 3 votes = 30 at most; 31 given
    result = KIND.result(state, "Afstemning", "v", "da", participants=10, extra=phones)
    assert result is not None
    warning = "31 stemmer – flere end 10 deltagere × 3 stemmer kan give. Tallet er nok forkert."
    assert result.lines == [warning]
    assert result.highlights == [f"Flest stemmer: «A» (27), «B» (4) – {warning}"]
    fair = KIND.result(state, "Afstemning", "v", "en", participants=10, extra={"A": 26})
    assert fair is not None and fair.lines == [] and "probably" not in fair.highlights[0]
