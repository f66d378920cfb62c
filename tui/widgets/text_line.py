"""A line of text held in a reactive: setting the text it already shows repaints and lays out
nothing (the status line is set once a second and at every change, and mostly says the same)."""

from __future__ import annotations

from textual.reactive import var
from textual.widgets import Label


class TextLine(Label):
    """A `Label` whose `text` is a reactive; user text is never markup."""

    text: var[str] = var("", init=False)

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__("", id=id, markup=False)

    def watch_text(self, text: str) -> None:
        self.update(text)
