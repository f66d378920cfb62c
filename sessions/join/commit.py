"""Group commit for the participant server: the answers of all requests that arrive together
are written as one journal line with one fsync, and each request waits for that write before
its phone is told "gemt". On a slow disk a burst of phones costs a few fsyncs instead of one per
tap, so the console's event loop — and its countdown — keeps its pace."""

from __future__ import annotations

import asyncio

from sessions.join.service import JoinService


class GroupCommit:
    """`await saved()` after staging an answer: returns once it is on disk, or raises the
    storage error that kept it off."""

    def __init__(self, service: JoinService) -> None:
        self.service = service
        self._waiting: list[asyncio.Future[None]] = []
        self._due = False

    async def saved(self) -> None:
        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()
        self._waiting.append(done)
        if not self._due:
            self._due = True
            loop.call_soon(self._write)  # after the other requests that are ready now
        await done

    def _write(self) -> None:
        self._due = False
        waiting, self._waiting = self._waiting, []
        try:
            self.service.commit()
        except Exception as error:  # noqa: BLE001 - every waiter hears of it
            for done in waiting:
                if not done.done():
                    done.set_exception(error)
            return
        for done in waiting:
            if not done.done():
                done.set_result(None)
