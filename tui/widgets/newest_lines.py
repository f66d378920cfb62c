"""The newest lines of a list that grows at the bottom (the item's notes on the console), as
many as fit: the first lines go when there is no room, instead of a scroll to the end that
came one frame after the list was drawn (a second frame on every page with a long list)."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget


class NewestLines(Widget):
    """`show` a `Content`; it is as tall as its lines (up to its `max-height`), and shows the
    last of them when they do not all fit. User text in it is never markup."""

    DEFAULT_CSS = """
    NewestLines { height: auto; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self._content = Content()
        self._wrapped: tuple[int, list[Content]] | None = None

    def show(self, content: Content) -> None:
        """Show `content`, unless it is what is shown (same text, same styles)."""
        if content.is_same(self._content):
            return
        self._content = content
        self._wrapped = None
        self.refresh(layout=True)

    @property
    def plain(self) -> str:
        """All the text, shown or not."""
        return self._content.plain

    def lines(self, width: int) -> list[Content]:
        if self._wrapped is None or self._wrapped[0] != width:
            self._wrapped = (width, self._content.wrap(max(1, width)))
        return self._wrapped[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        width, height = self.content_size
        lines = self.lines(width)
        return Content("\n").join(lines[-height:] if height else lines)
