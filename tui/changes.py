"""How a change to the session reaches the widgets: the one path.

The store tells its sink which parts changed (`sessions.storage.changes`); the sink posts a
`SessionChanged` message (thread-safe, coalescing a burst); the screen that shows the session
takes it by `@on(SessionChanged)` and sets its `changes` reactive once, inside one
`batch_update`; every widget that shows a part of the session watches that reactive and
repaints when one of its parts is in it. So a change never shows half-done (all widgets repaint
before the next frame), no handler knows which widgets to poke, and the console, the single
window and the room view repaint by the same code.

A repaint is not all done when the watchers return: each widget tells the screen what to lay
out again when its own task next idles, and a new exercise widget mounts in tasks of its own.
A frame drawn in between shows the page half-changed (the new heading over the old exercise,
the notes at their old height) and is followed by one or two more. So the batch stays open
until every widget has had its turn and what was mounted for the change (`hold_frame`) is in:
a page change is one frame.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from textual import on
from textual.dom import NoScreen
from textual.message_pump import MessagePump
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget

from sessions.storage.changes import Part, Sink
from tui.messages import FollowsSession, SessionChanged


def posting_to(target: MessagePump) -> Sink:
    """A sink for a store: each change becomes a `SessionChanged` posted to `target` (from any
    thread)."""

    def sink(parts: Part) -> None:
        target.post_message(SessionChanged(parts))

    return sink


PHONE_PARTS = Part.ANSWERS
"""What the phones change by answering (counted values and votes), hundreds of times a minute
when a room answers at once."""
PHONE_REPAINT_SECONDS = 0.1
"""The most often a window redraws for the phones' answers alone: a burst of 300 phones made
30 writes a second, each a repaint of both windows on the console's loop and the room view's.
A tenth of a second is not seen on a count that climbs; any other change is drawn at once,
the answers waiting with it."""

HOLD_LIMIT = 0.25
"""The longest a change's frame waits for what it mounted (seconds)."""
SETTLE_TURNS = 3
"""Event-loop turns the widgets get to ask for their layouts before the change's frame."""


def hold_frame(widget: Widget, done: Awaitable[object]) -> bool:
    """Draw the frame of the change being shown only once `done` is in (a widget mounted or
    removed for it). False when no change is being shown (a first page, a resize): nothing
    waits then, and `done` goes on by itself."""
    try:
        screen = widget.screen
    except NoScreen:
        return False
    if isinstance(screen, SessionScreen) and screen.settling:
        screen.hold_frame(done)
        return True
    return False


class SessionScreen(FollowsSession, Screen[None]):
    """A screen that shows a session: the console, the single window, the room view."""

    changes: var[Part] = var(Part.NONE, always_update=True, init=False)
    """The parts the last change touched (set once per `SessionChanged`, watched by widgets)."""

    def __init__(
        self,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 - Textual's name
        classes: str | None = None,
    ) -> None:
        super().__init__(name, id, classes)
        self._held: list[Awaitable[object]] = []
        self.settling = False
        """True while a change is being shown, before its frame (`hold_frame` waits then)."""
        self._phones_shown = -PHONE_REPAINT_SECONDS
        """When the phones' answers alone were last drawn (loop time)."""
        self._phones_waiting = Part.NONE
        self._phones_timer: asyncio.TimerHandle | None = None

    @on(SessionChanged)
    async def _session_changed(self, event: SessionChanged) -> None:
        parts = event.parts
        now = asyncio.get_running_loop().time()
        if parts and not parts & ~PHONE_PARTS:  # the phones' answers alone
            wait = self._phones_shown + PHONE_REPAINT_SECONDS - now
            if self._phones_timer is not None or wait > 0:
                self._phones_waiting |= parts
                if self._phones_timer is None:
                    self._phones_timer = asyncio.get_running_loop().call_later(
                        wait, self._phones_due
                    )
                return
            self._phones_shown = now
        elif self._phones_waiting:  # drawn now, with the answers that waited
            parts |= self._phones_waiting
            self._phones_waiting = Part.NONE
            if self._phones_timer is not None:
                self._phones_timer.cancel()
                self._phones_timer = None
        with self.app.batch_update():
            self.settling = True
            try:
                self.changes = parts
                await self._settle()
            finally:
                self.settling = False

    def _phones_due(self) -> None:
        """The answers that waited are drawn now (as one change)."""
        self._phones_timer = None
        parts, self._phones_waiting = self._phones_waiting, Part.NONE
        if parts and self.is_attached:
            self._phones_shown = -PHONE_REPAINT_SECONDS  # drawn at once, not made to wait again
            self.post_message(SessionChanged(parts))

    def hold_frame(self, done: Awaitable[object]) -> None:
        """Draw the change's frame only once `done` (a mount, a removal) is in."""
        self._held.append(done)

    async def _settle(self) -> None:
        """Wait for what the change mounted (at most `HOLD_LIMIT` in all), then let each
        widget's task turn so that it asks for its layout before the frame is drawn. What is
        held while waiting (a repaint the first one set off) is waited for too."""
        deadline = asyncio.get_running_loop().time() + HOLD_LIMIT
        while self._held:
            held, self._held = self._held, []
            # Not cancelled at the limit (a mount goes on): a slow machine shows what there is
            # rather than a frozen screen.
            gathered = asyncio.gather(*held, return_exceptions=True)
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                break
            await asyncio.wait([gathered], timeout=left)
        for _ in range(SETTLE_TURNS):
            await asyncio.sleep(0)


def follow_changes(widget: Widget, parts: Part, repaint: Callable[[Part], None]) -> None:
    """Call `repaint` with the parts that changed whenever a change touches one of `parts`
    (from `on_mount`: the widget's screen is known then). A widget on a screen that shows no
    session hears nothing."""

    def changed(changes: Part) -> None:
        if changes & parts:
            repaint(changes)

    widget.watch(widget.screen, "changes", changed, init=False)
