"""Exercise kinds whose page is the step's own text and countdown (reflection, buzz, walk and
talk): nothing more to show, nothing stored but notes."""

from __future__ import annotations

from typing import ClassVar

from tui.exercises.base import ExerciseWidget


class StepsWidget(ExerciseWidget):
    """An empty body: the stage shows the step's text, its mode and the countdown."""

    DEFAULT_CSS = """
    StepsWidget { height: 0; }
    """
    kinds: ClassVar[tuple[str, ...]] = ("reflection", "buzz", "walk-and-talk")
    takes_keys: ClassVar[bool] = False
