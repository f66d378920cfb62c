"""How a change to the session reaches the widgets: the one path.

The store tells its sink which parts changed (`sessions.storage.changes`); the sink posts a
`SessionChanged` message (thread-safe, coalescing a burst); the screen that shows the session
takes it by `@on(SessionChanged)` and sets its `changes` reactive once, inside one
`batch_update`; every widget that shows a part of the session watches that reactive and
repaints when one of its parts is in it. So a change never shows half-done (all widgets repaint
before the next frame), no handler knows which widgets to poke, and the console, the single
window and the room view repaint by the same code.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.message_pump import MessagePump
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget

from sessions.storage.changes import Part, Sink
from tui.messages import SessionChanged


def posting_to(target: MessagePump) -> Sink:
    """A sink for a store: each change becomes a `SessionChanged` posted to `target` (from any
    thread)."""

    def sink(parts: Part) -> None:
        target.post_message(SessionChanged(parts))

    return sink


class SessionScreen(Screen[None]):
    """A screen that shows a session: the console, the single window, the room view."""

    changes: var[Part] = var(Part.NONE, always_update=True, init=False)
    """The parts the last change touched (set once per `SessionChanged`, watched by widgets)."""

    @on(SessionChanged)
    def _session_changed(self, event: SessionChanged) -> None:
        with self.app.batch_update():
            self.changes = event.parts


def follow_changes(widget: Widget, parts: Part, repaint: Callable[[Part], None]) -> None:
    """Call `repaint` with the parts that changed whenever a change touches one of `parts`
    (from `on_mount`: the widget's screen is known then). A widget on a screen that shows no
    session hears nothing."""

    def changed(changes: Part) -> None:
        if changes & parts:
            repaint(changes)

    widget.watch(widget.screen, "changes", changed, init=False)
