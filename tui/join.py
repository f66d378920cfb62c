"""Joining from phones, for the console: turns the participant server on and off for the session
being presented, on the app's own event loop, and says what happened in the status line. Never
on unless the consultant starts it (`--join`, or `J`); off when the consultant says so, when
the session ends or closes, and when the app exits. It repaints nothing: what the phones change
reaches the screens as every change does (the store tells the app, `tui.changes`)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Coroutine
from dataclasses import replace
from typing import TYPE_CHECKING

from sessions.errors import OplaegError
from sessions.i18n import t
from tui.join_options import JoinOptions
from tui.phones.network import LOOPBACK, local_address

if TYPE_CHECKING:
    # The web server loads when phones are let in, not before the start screen.
    from sessions.live import LiveSession
    from sessions.phones.service import JoinService
    from tui.phones.server import JoinServer

SHED_NOTICE_SECONDS = 10.0
"""The console says the server is shedding connections at most this often."""

Say = Callable[[str, str], None]


class JoinControl:
    """The participant server of the presented session."""

    def __init__(self, options: JoinOptions | None = None) -> None:
        self.options = options or JoinOptions()
        self.live: LiveSession | None = None
        self._service: JoinService | None = None
        self._server: JoinServer | None = None
        self._port = 0
        self._start_when_connected = False
        self._say: Say = lambda text, severity: None
        self._tasks: set[asyncio.Task[None]] = set()
        self._shed_said_at: float | None = None

    @property
    def on(self) -> bool:
        return self._server is not None

    @property
    def server(self) -> JoinServer | None:
        return self._server

    # -- the session ---------------------------------------------------------------------------

    def attach(self, live: LiveSession) -> None:
        """`live` is presented now. A joining left on by a crash is off."""
        self.detach()
        self.live = live
        self._start_when_connected = self.options.start
        with contextlib.suppress(OplaegError):
            state = live.answers.join_state()
            if state.on:
                live.answers.set_join_state(replace(state, on=False))

    def connect(self, say: Say) -> None:
        """The presenter is up: where to say things. Starts `--join`."""
        self._say = say
        if self._start_when_connected:
            self._start_when_connected = False
            self._spawn(self.start())

    def detach(self) -> None:
        """The session closes: stop at once (the socket closes a moment later)."""
        server, self._server = self._server, None
        if server is not None:
            server.service.close()
            self._spawn(server.stop())
        self._mark(on=False)
        self.live = None
        self._service = None
        self._say = lambda text, severity: None

    async def shutdown(self) -> None:
        """The app exits: stop, and wait until the server has let go of its port."""
        self.detach()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    # -- on and off ----------------------------------------------------------------------------

    async def toggle(self) -> None:
        if self.on:
            await self.stop()
        else:
            await self.start()

    async def start(self) -> None:
        from sessions.phones.service import JoinService
        from tui.phones.server import JoinServer

        live = self.live
        if live is None or self.on:
            return
        if self._service is None:
            self._service = JoinService(live)
            self._service.listen(self._not_saved, self._shed)
        service = self._service
        service.open = True
        host = self.options.host or local_address()
        server = JoinServer(service, host, self.options.port)
        try:
            await server.start(remembered=self._port)
        except OSError as error:
            service.close()
            self._say(t("join.failed", reason=error.strerror or str(error)), "error")
            return
        self._server, self._port = server, server.port
        if not self._mark(on=True):
            await self.stop(quietly=True)
            return
        if host == LOOPBACK and self.options.host is None:
            self._say(t("join.only_here", url=server.url), "warning")
        else:
            self._say(t("join.started", code=service.code), "information")

    async def stop(self, *, quietly: bool = False) -> None:
        server, self._server = self._server, None
        if server is not None:
            await server.stop()
        self._mark(on=False)
        if not quietly:
            self._say(t("join.stopped"), "information")

    def toggle_code(self) -> bool | None:
        """Hide the room code on the current page, or show it; the new visibility (None when
        joining is off)."""
        live = self.live
        if live is None or not self.on:
            return None
        state = live.answers.join_state().toggle_code(live.page)
        live.answers.set_join_state(state)
        return state.code_visible(live.page)

    # -- helpers -------------------------------------------------------------------------------

    def _mark(self, *, on: bool) -> bool:
        """Store whether joining is on (the room view shows the code from it)."""
        live = self.live
        if live is None:
            return True
        try:
            state = live.answers.join_state()
            if on and self._server is not None:
                server = self._server
                state = replace(
                    state,
                    on=True,
                    url=server.url,
                    address=server.address,
                    code=server.service.code,
                )
            else:
                state = replace(state, on=False)
            live.answers.set_join_state(state)
        except OplaegError as error:
            self._say(t("error.storage", reason=str(error)), "error")
            return False
        return True

    def _not_saved(self, error: OplaegError) -> None:
        self._say(t("join.not_saved", reason=str(error)), "error")

    def _shed(self, total: int) -> None:
        """The server closed connections to stay within its bounds (a flood of them, most
        likely): say so, once in a while, not at every one."""
        now = asyncio.get_running_loop().time()
        if self._shed_said_at is not None and now - self._shed_said_at < SHED_NOTICE_SECONDS:
            return
        self._shed_said_at = now
        self._say(t("join.shed", count=total), "warning")

    def _spawn(self, work: Coroutine[object, object, None]) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # the app has already stopped: the process lets go of the port
            work.close()
            return
        task = loop.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
