"""An exercise step or a break: instructions and questions, with the big countdown."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Vertical, VerticalScroll
from textual.widgets import Label, Markdown

from tui.widgets.countdown_display import CountdownDisplay

CLOCK_SHARE = 0.35
"""The share of the view's height the countdown may take."""


class ExerciseView(Vertical):
    """Heading, the step's text, and the countdown below it."""

    def compose(self) -> ComposeResult:
        yield Label("", id="exercise-heading", markup=False)
        yield Label("", id="exercise-step", markup=False)
        with VerticalScroll(id="exercise-scroll"), Center():
            yield Markdown("", id="exercise-markdown", open_links=False)
        yield CountdownDisplay(id="countdown")

    clock_share = CLOCK_SHARE

    def on_resize(self) -> None:
        width, height = self.content_size
        self.query_one(CountdownDisplay).set_budget(width - 2, int(height * self.clock_share))

    def set_clock_share(self, share: float) -> None:
        """Give the countdown less room on pages whose content needs it (a scale)."""
        if share != self.clock_share:
            self.clock_share = share
            self.on_resize()

    def show_step_line(self, text: str) -> None:
        """Update the line under the heading (repaints only on a change)."""
        step = self.query_one("#exercise-step", Label)
        if str(step.content) != text:
            step.update(text)

    def show(self, heading: str, step_line: str, markdown: str) -> None:
        self.query_one("#exercise-heading", Label).update(heading)
        step = self.query_one("#exercise-step", Label)
        step.update(step_line)
        step.display = bool(step_line)
        self.query_one("#exercise-markdown", Markdown).update(markdown)
        self.query_one("#exercise-scroll", VerticalScroll).scroll_home(animate=False)
