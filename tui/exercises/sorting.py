"""A sorting board on the wall: the columns side by side with their counts. A column longer than
the window shows the part around the selected item, with how many more there are."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content

from sessions.exercises.sorting import BoardState
from sessions.i18n import t
from tui.exercises.base import ExerciseWidget
from tui.exercises.draw import EMPHASIS, MUTED
from tui.exercises.windowed_list import ListItem, WindowedList
from tui.keys import SORTING_KEYS, bindings
from tui.screens.item_form import ItemForm


class SortingWidget(ExerciseWidget):
    """Enter adds an item to the selected item's column; `<` `>` move it; `w` edits it and its
    reason; `x` removes it and `u` puts it back."""

    BINDINGS = bindings(SORTING_KEYS)
    kinds: ClassVar[tuple[str, ...]] = ("sorting",)

    DEFAULT_CSS = """
    SortingWidget { height: 1fr; }
    SortingWidget #board { height: 1fr; }
    SortingWidget .board-column {
        width: 1fr; height: 100%; padding: 0 1; border-left: vkey $border-blurred;
    }
    SortingWidget .board-column:first-child { border-left: none; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(id="board"):
            for index in range(len(self.board.columns)):
                yield WindowedList(classes="board-column", id=f"column-{index}")

    @property
    def board(self) -> BoardState:
        state = self.latest
        assert isinstance(state, BoardState)
        return state

    def on_focus(self) -> None:
        self.refresh_view()

    def on_blur(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        if not self.ready or not isinstance(self.state, BoardState):
            return
        board = self.board
        for column, name in enumerate(board.columns):
            views = self.query(f"#column-{column}")
            if not views:
                continue
            items = board.in_column(column)
            chosen = board.selected if self.interactive and self.has_focus else None
            listed = [
                ListItem(
                    f"• {board.items[index].text}"
                    + (f" ({board.items[index].reason})" if board.items[index].reason else ""),
                    selected=index == chosen,
                )
                for index in items
            ]
            selected = items.index(board.selected) if board.selected in items else None
            views.first(WindowedList).show(
                [Content.styled(f"{name} ({len(items)})", EMPHASIS)],
                listed,
                selected,
                empty=Content.styled("–", MUTED),
            )

    def available(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("move_item", "edit_item", "remove_item", "select"):
            return bool(self.board.items)
        if action == "undo":
            return self.board.removed is not None
        return True

    def action_add_item(self) -> None:
        column = self.board.columns[self.board.current_column]
        self.ask(t("board.new", column=column), lambda text: self.change(self.board.add(text)))

    def action_move_item(self, offset: int) -> None:
        self.change(self.board.move(offset))

    def action_edit_item(self) -> None:
        item = self.board.current
        if item is None:
            return

        def edited(result: tuple[str, str] | None) -> None:
            if result is not None:
                text, reason = result
                self.change(self.board.with_text(text).with_reason(reason))

        self.app.push_screen(ItemForm(item.text, item.reason), edited)

    def action_remove_item(self) -> None:
        self.change(self.board.remove())

    def action_undo(self) -> None:
        self.change(self.board.undo())

    def action_select(self, offset: int) -> None:
        self.change(self.board.select(offset))
