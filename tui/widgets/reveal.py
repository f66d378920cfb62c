"""A page change without mixed frames: parts built asynchronously (Markdown parses in a thread)
stay hidden until their new content is in, so the screen never shows one page's heading over
another page's text."""

from __future__ import annotations

import weakref
from collections.abc import Awaitable

from textual.widget import Widget


def hide_until(view: Widget, done: Awaitable[object]) -> None:
    """Keep `view` invisible until `done` (its new content, built asynchronously) is in: a page
    change shows the new heading with a blank body for a moment, never with the old page's
    text. A later change takes over: only the last one shows the view again."""
    view.styles.visibility = "hidden"
    _pending[view] = done

    async def reveal() -> None:
        try:
            await done
        finally:
            if _pending.get(view) is done:
                del _pending[view]
                view.styles.visibility = "visible"

    view.run_worker(reveal(), group="reveal", exit_on_error=False)


_pending: weakref.WeakKeyDictionary[Widget, Awaitable[object]] = weakref.WeakKeyDictionary()


def pending_reveals() -> int:
    """How many views still wait for their new content (for tests that picture the screen)."""
    return len(_pending)
