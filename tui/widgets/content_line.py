"""A few lines of styled text that know what they show: showing the same text with the same
styles again repaints and lays out nothing (each update of a `Static` lays the screen out, and
the stage and the console panel are told of every change to the session, mostly with nothing
new for a given line). New text as tall as the old, in a widget whose width is not its
text's, is repainted without a layout: a count that ticks up (a scale's phones, a board's
cards) costs its own lines, not a layout of the whole screen. The widget keeps what it shows,
so its parents keep no copy of it."""

from __future__ import annotations

from typing import cast

from textual.content import Content
from textual.css.styles import RulesMap
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
        before, self._showing = self._showing, content
        if self._hide_empty:
            self.display = bool(content.plain)
        self.update(content, layout=before is None or not self._same_size(before, content))

    def _same_size(self, before: Content, after: Content) -> bool:
        """Whether `after` takes the room `before` took: the width is set (not the text's own)
        and the text wraps to as many lines at the width it has."""
        width = self.styles.width
        if width is None or width.is_auto or not self.size.width:
            return False
        room, rules = self.content_region.width, cast(RulesMap, self.styles)  # as Textual does
        return before.get_height(rules, room) == after.get_height(rules, room)
