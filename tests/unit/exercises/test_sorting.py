"""A sorting board: items in columns, moved, reasoned, removed and put back."""

from sessions.exercises.sorting import BoardItem, BoardState, SortingKind, SortingOptions
from tests.unit.exercises.themes import theme_with

KIND = SortingKind()
COLUMNS = ("Stop", "Start", "Fortsæt")


def board() -> BoardState:
    return BoardState(COLUMNS).add("Møder", 0).add("Pauser", 1).add("Sparring", 0)


def test_items_go_into_columns_and_are_read_column_by_column():
    state = board()
    assert state.counts() == [2, 1, 0]
    assert [state.items[i].text for i in state.reading_order()] == ["Møder", "Sparring", "Pauser"]
    assert state.current == BoardItem("Sparring", 0)
    assert state.add("Kaffe").items[-1].column == 0, "a new item goes to the selected column"


def test_moving_keeps_the_item_selected_and_stays_on_the_board():
    state = board().move(1).move(1).move(1)
    assert state.current == BoardItem("Sparring", 2)
    assert state.move(-5).current.column == 0


def test_selecting_walks_the_reading_order_and_jumps_columns():
    state = board()
    assert state.select(1).current.text == "Pauser"
    assert state.select(-1).current.text == "Møder"
    assert state.select(-9).current.text == "Møder"
    assert state.select_column(1).current.text == "Pauser"
    assert state.select_column(1).select_column(1).current.text == "Pauser", "empty columns skipped"


def test_text_and_reason():
    state = board().with_text("Faglig sparring").with_reason("giver ro")
    assert state.current == BoardItem("Faglig sparring", 0, "giver ro")


def test_removing_selects_the_next_item_and_undo_puts_it_back():
    state = board().select(-1)  # Møder
    removed = state.remove()
    assert [i.text for i in removed.items] == ["Pauser", "Sparring"]
    assert removed.current.text == "Sparring", "the next in reading order"
    restored = removed.undo()
    assert restored == BoardState(COLUMNS, state.items, 0, None)
    assert restored.undo() is None


def test_an_empty_board_ignores_everything():
    empty = BoardState(COLUMNS)
    assert empty.remove() == empty and empty.move(1) == empty and empty.select(1) == empty
    assert empty.with_reason("x") == empty and empty.undo() is None
    assert KIND.result(empty, "Sortering", "s", "da") is None


def test_stored_reported_and_old_documents_read():
    state = board().remove()
    assert KIND.load(state.to_doc()) == state
    old = KIND.load({"items": [{"text": "A", "column": 3}], "selected": 7, "columns": ["X", "Y"]})
    assert old.columns == ("X", "Y", "3", "4"), "a column the first format had is kept"
    assert old.selected == 0
    result = KIND.result(board(), "Stop, start, fortsæt", "sst", "da")
    assert result is not None and result.rows[:2] == [["Stop", "Møder"], ["", "Sparring"]]
    assert result.headers == ["Kolonne", "Punkt"], "no column of empty reasons"


def test_columns_come_from_the_theme():
    theme = theme_with("format: sorting\ncolumns: Kan | Skal", "### Sortér\nminutes: 15\n\nSkriv.")
    segment = theme.segments[1]
    assert segment.options == SortingOptions(("Kan", "Skal"))
    assert KIND.initial(segment, 12).columns == ("Kan", "Skal")
    _, problems = KIND.parse_options({"columns": "Kun én"}, 3)
    assert [p.key for p in problems] == ["theme.problem.sorting_columns"]
