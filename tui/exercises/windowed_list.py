"""A list that fills the rows it is given and is cut to them when it is drawn.

A board's column used to be a `Static` that its exercise filled for the height it had last
been given, and filled again when told of its new size: every page that brought a board showed
one frame cut for the old size ("▼ 49 mere" under a single item) and then a second one. Here
the items are kept, and the window around the selected item is taken in `render`, at the size
the layout gave the widget in this very frame. The list's height never depends on its items
(it fills), so drawing it lays nothing out again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.content import Content
from textual.widget import Widget

from tui.exercises.draw import holds_back, join_lines, line, windowed_blocks, wrapped


@dataclass(frozen=True)
class ListItem:
    """One item: user text (never markup), wrapped to the column, highlighted when selected."""

    text: str
    selected: bool = False


class WindowedList(Widget):
    """`head` lines, then as many whole items as fit around the selected one ("▲/▼ n mere"
    for the rest), or `empty` when there are none."""

    DEFAULT_CSS = """
    WindowedList { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self._shown: tuple[tuple[Content, ...], tuple[ListItem, ...], int | None, Content | None]
        self._shown = ((), (), None, None)
        self.held_back = False
        """Whether the last drawing left items out for lack of rows."""

    def show(
        self,
        head: Sequence[Content],
        items: Sequence[ListItem],
        selected: int | None,
        empty: Content | None = None,
    ) -> None:
        """Show `items` under `head`, the window around `selected` (an index into `items`)."""
        shown = (tuple(head), tuple(items), selected, empty)
        same_head = len(head) == len(self._shown[0]) and all(
            a.is_same(b) for a, b in zip(shown[0], self._shown[0], strict=True)
        )
        if shown == self._shown and same_head:  # `Content ==` compares the text alone
            return
        self._shown = shown
        self.refresh()

    def lines(self, width: int, rows: int) -> list[Content]:
        """What the list draws in `width` × `rows` cells."""
        head, items, selected, empty = self._shown
        blocks = [
            [line(part, selected=item.selected) for part in wrapped(item.text, width)]
            for item in items
        ]
        room = max(3, rows - len(head))
        self.held_back = holds_back(blocks, room)
        drawn = [*head, *windowed_blocks(blocks, selected, room)] if blocks else [*head]
        if not items and empty is not None:
            drawn.append(empty)
        return drawn

    def render(self) -> Content:
        width, rows = self.content_size
        return join_lines(self.lines(max(1, width), rows))
