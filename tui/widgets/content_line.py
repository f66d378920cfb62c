"""A few lines of styled text that know what they show: showing the same text with the same
styles again repaints and lays out nothing (each update of a `Static` lays the screen out, and
the stage and the console panel are told of every change to the session, mostly with nothing
new for a given line). The widget keeps what it shows, so its parents keep no copy of it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class ContentLine(Static):
    """A `Static` set with `show`; user text is never markup. With `hide_empty` it is hidden
    while it shows nothing."""

    def __init__(
        self,
        *,
        id: str | None = None,  # noqa: A002 - Textual's name
        classes: str | None = None,
        hide_empty: bool = False,
    ) -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self._hide_empty = hide_empty
        self._showing: Content | None = None

    def show(self, content: Content | str) -> None:
        """Show `content` (a `str` is plain text), unless it is what is shown already: the
        same text with the same styles (`Content ==` compares the text alone)."""
        if isinstance(content, str):
            content = Content(content)
        if self._showing is not None and content.is_same(self._showing):
            return
        self._showing = content
        if self._hide_empty:
            self.display = bool(content.plain)
        self.update(content)
