"""Group commit for the participant server: the answers of all requests that arrive together
are written at once, and each request waits for that write before its phone is told "gemt". The
file is written in a worker thread, one write at a time; answers arriving during a write go into
the next. On a slow disk a burst of phones costs a few writes instead of one per tap, and the
console's event loop — its keys and its countdown — never waits for the disk."""

from __future__ import annotations

import asyncio

from sessions.phones.service import JoinService


class GroupCommit:
    """`await saved()` after staging an answer: returns once it is on disk, or raises the
    storage error that kept it off."""

    def __init__(self, service: JoinService) -> None:
        self.service = service
        self._waiting: list[asyncio.Future[None]] = []
        self._writer: asyncio.Task[None] | None = None
        self.writes = 0

    async def saved(self) -> None:
        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()
        self._waiting.append(done)
        if self._writer is None:
            self._writer = loop.create_task(self._write_all())
        await done

    async def _write_all(self) -> None:
        try:
            await asyncio.sleep(0)  # after the other requests that are ready now
            while self._waiting:  # those that came during a write go in the next
                waiting, self._waiting = self._waiting, []
                self.writes += 1
                try:
                    await self.service.commit_async()
                except Exception as error:  # noqa: BLE001 - every waiter hears of it
                    for done in waiting:
                        if not done.done():
                            done.set_exception(error)
                    continue
                for done in waiting:
                    if not done.done():
                        done.set_result(None)
        finally:
            self._writer = None
