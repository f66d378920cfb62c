"""A slide: its Markdown, large and calm, centred for the room."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, VerticalScroll
from textual.widgets import Markdown

from sessions.theme.model import Slide


class SlideView(VerticalScroll):
    """Renders one slide (theme content, which is Markdown by design)."""

    def compose(self) -> ComposeResult:
        with Center():
            yield Markdown("", id="slide-markdown", open_links=False)

    def show(self, slide: Slide) -> None:
        self.query_one(Markdown).update(f"# {slide.title}\n\n{slide.body}")
        self.scroll_home(animate=False)
