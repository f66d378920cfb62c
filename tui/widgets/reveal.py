"""A page change without mixed frames: parts built asynchronously (Markdown parses in a thread)
are not drawn until their new content is in, so the screen never shows one page's heading over
another page's text.

A page change is one batch: the app draws no frame (and lays the screen out once) until every
part that changed has its new content in, at most `HOLD_SECONDS` later. The screen then goes
from the old page to the new one in a single frame. Should a part take longer than that (a
loaded machine, a very long text), the frames go on and that part alone stays hidden until its
content is in: the new heading with a blank body for a moment, never the old page's text.
"""

from __future__ import annotations

import weakref
from collections.abc import Awaitable

from textual.app import App
from textual.timer import Timer
from textual.widget import Widget

HOLD_SECONDS = 0.2
"""The longest a page change holds the frames back while its parts are built."""


class _Hold:
    """The frames held back for one page change, until its parts are in or time is up."""

    def __init__(self, app: App[object]) -> None:
        self.app = app
        self.waiting: weakref.WeakSet[Widget] = weakref.WeakSet()
        self.released = False
        app._begin_batch()  # Textual's own `batch_update`, held across awaits
        self.timer: Timer | None = app.set_timer(HOLD_SECONDS, self.expire, name="reveal-hold")

    def done(self, view: Widget) -> None:
        self.waiting.discard(view)
        if not self.waiting:
            self.release()

    def expire(self) -> None:
        """Time is up: what is still being built stays hidden until it is in."""
        self.timer = None
        for view in list(self.waiting):
            view.styles.visibility = "hidden"
        self.release()

    def release(self) -> None:
        if self.released:
            return
        self.released = True
        if _holds.get(self.app) is self:
            del _holds[self.app]
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        self.app._end_batch()
        if self.app.is_running:
            self.app.screen.check_idle()  # the screen lays out and draws what changed


def hide_until(view: Widget, done: Awaitable[object]) -> None:
    """Draw `view` only once `done` (its new content, built asynchronously) is in: the page
    change holds the frames back for it (with the other parts changed at the same time), or,
    past `HOLD_SECONDS`, keeps `view` invisible until then. A later change takes over: only the
    last one shows the view again."""
    _pending[view] = done
    app = view.app
    hold = _holds.get(app)
    if hold is None:
        hold = _holds[app] = _Hold(app)
    hold.waiting.add(view)

    async def reveal() -> None:
        try:
            await done
        finally:
            if _pending.get(view) is done:
                del _pending[view]
                if view.styles.visibility == "hidden":
                    view.styles.visibility = "visible"
                hold.done(view)

    view.run_worker(reveal(), group="reveal", exit_on_error=False)


_pending: weakref.WeakKeyDictionary[Widget, Awaitable[object]] = weakref.WeakKeyDictionary()
_holds: weakref.WeakKeyDictionary[App[object], _Hold] = weakref.WeakKeyDictionary()


def pending_reveals() -> int:
    """How many views still wait for their new content (for tests that picture the screen)."""
    return len(_pending)
