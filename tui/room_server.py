"""textual-serve's server, made to stop when asked: Ctrl+C (or SIGTERM) ends it within a
couple of seconds instead of waiting up to a minute for the browsers' connections, and it
prints nothing of its own (oplaeg says where the room view is, in the user's language)."""

from __future__ import annotations

import asyncio
import contextlib
import signal

from aiohttp import web
from textual_serve.server import Server

STOP_WITHIN_SECONDS = 2.0


class RoomServer(Server):
    async def on_startup(self, app: web.Application) -> None:
        """No banner: the command has already printed the address."""

    def serve(self, debug: bool = False) -> None:
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        for stop in (signal.SIGINT, signal.SIGTERM):
            # Windows has no signal handlers on the loop: Ctrl+C raises KeyboardInterrupt there.
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(stop, self.request_exit)
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=lambda *_: None,
            shutdown_timeout=STOP_WITHIN_SECONDS,
        )
