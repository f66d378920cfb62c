"""Requests take turns with the console: at most a few of them do their work in one pass of the
event loop, the rest wait for the next pass. A burst of 300 phones at once then never holds the
loop for the length of 300 requests: the countdown's tick and the consultant's keys come in
between (each pass runs what was ready before it began, timers included)."""

from __future__ import annotations

import asyncio
from collections import deque

PER_PASS = 4
"""Requests let through in one pass of the loop (a page is rendered in a few milliseconds)."""


class Turns:
    def __init__(self, per_pass: int = PER_PASS) -> None:
        self.per_pass = per_pass
        self._used = 0
        self._queue: deque[asyncio.Future[None]] = deque()
        self._pass_due = False

    async def wait(self) -> None:
        """Return when this request may do its work (at once, while this pass has room)."""
        if self._used < self.per_pass and not self._queue:
            self._used += 1
            self._next_pass()
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queue.append(waiter)
        self._next_pass()
        await waiter

    def _next_pass(self) -> None:
        if not self._pass_due:
            self._pass_due = True
            asyncio.get_running_loop().call_soon(self._pass)

    def _pass(self) -> None:
        self._pass_due = False
        self._used = 0
        while self._queue and self._used < self.per_pass:
            waiter = self._queue.popleft()
            if not waiter.done():  # a request that gave up meanwhile takes no turn
                waiter.set_result(None)
                self._used += 1
        if self._queue or self._used:
            self._next_pass()
