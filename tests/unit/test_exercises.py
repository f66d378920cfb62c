from sessions.exercises import (
    BoardState,
    CardsState,
    ScaleState,
    VotingState,
    average,
    scale_range,
    voting_candidates,
)


def test_scale_counts_and_average():
    state = ScaleState().add(0, 4).add(0, 4).add(0, 2).add(0, 4, -1)
    assert state.row(0) == {4: 1, 2: 1}
    assert average(state.row(0)) == 3.0
    assert average({}) is None
    assert ScaleState.from_dict(state.to_dict()) == state
    assert list(scale_range("1-5")) == [1, 2, 3, 4, 5]


def test_cards_important_toggle():
    state = CardsState(2).toggle_important()
    assert state.important == (2,)
    assert state.toggle_important().important == ()


def test_sorting_board():
    board = BoardState().add("Dokumentation", 1).add("Kaffe", 0).add("Møder", 1)
    assert board.ordered(2) == [1, 0, 2]
    assert board.selected == 2
    board = board.move(-1, 2)
    assert board.items[2].column == 0 and board.move(-1, 2).items[2].column == 0
    board = board.select(-1, 2)
    assert board.items[board.selected].text == "Kaffe"
    board = board.with_reason("det holder os i gang")
    assert board.items[1].reason == "det holder os i gang"
    board = board.remove()
    assert [i.text for i in board.items] == ["Dokumentation", "Møder"]
    assert BoardState.from_dict(board.to_dict()) == board


def test_voting_ranks_and_candidates():
    boards = [BoardState().add("A", 0).add("B", 1)]
    items = voting_candidates(boards, ["B", "C\nmere tekst"])
    assert items == ["A", "B", "C"]
    state = VotingState(tuple(items), (0, 0, 0)).select(2).set_votes(7).select(-2).set_votes(3)
    assert state.ranked() == [("C", 7), ("A", 3), ("B", 0)]
    assert VotingState.from_dict(state.to_dict()) == state
