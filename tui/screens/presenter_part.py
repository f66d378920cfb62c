"""What the presenter's key groups (notes, display, phones) may use of the presenter screen.

Each group is one concept's keys (notes, what the room sees, phones); none of them repaints a
widget (a change shows through `tui.changes`). This base names, for the type checker, the few
members of `PresenterScreen` they rely on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual.screen import Screen

from sessions.live import LiveSession

if TYPE_CHECKING:
    from tui.widgets.stage import Stage

T = TypeVar("T")


class PresenterPart(Screen[None]):
    """Mixed into `PresenterScreen`, which provides every member named here."""

    live: LiveSession

    if TYPE_CHECKING:

        @property
        def stage(self) -> Stage: ...

        @property
        def console(self) -> bool: ...

        def say(self, text: str, severity: str = "information") -> None: ...

        def _guard(self, operation: Callable[[], T]) -> tuple[bool, T | None]: ...
