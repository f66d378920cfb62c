"""A sorting board on the wall: the columns side by side with their counts. A column longer than
the window shows the part around the selected item, with how many more there are."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from sessions.exercises.sorting import BoardState
from sessions.i18n import t
from tui.exercises.base import ExerciseWidget
from tui.exercises.draw import EMPHASIS, MUTED, join_lines, line, windowed_blocks, wrapped
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
                yield Static(classes="board-column", id=f"column-{index}")

    @property
    def board(self) -> BoardState:
        state = self.latest
        assert isinstance(state, BoardState)
        return state

    def on_resize(self, event: events.Resize) -> None:
        self.refresh_view()

    def on_focus(self) -> None:
        self.refresh_view()

    def on_blur(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        if not self.ready or not isinstance(self.state, BoardState):
            return
        board = self.board
        rows = max(3, self.size.height - 1)
        for column, name in enumerate(board.columns):
            views = self.query(f"#column-{column}")
            if not views:
                continue
            view = views.first(Static)
            width = view.content_size.width or max(12, self.size.width // len(board.columns) - 3)
            items = board.in_column(column)
            blocks = []
            for index in items:
                item = board.items[index]
                text = f"• {item.text}" + (f" ({item.reason})" if item.reason else "")
                chosen = self.interactive and self.has_focus and index == board.selected
                blocks.append([line(part, selected=chosen) for part in wrapped(text, width)])
            selected = items.index(board.selected) if board.selected in items else None
            lines = [Content.styled(f"{name} ({len(items)})", EMPHASIS)]
            lines += windowed_blocks(blocks, selected, rows)
            if not items:
                lines.append(Content.styled("–", MUTED))
            view.update(join_lines(lines))

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
