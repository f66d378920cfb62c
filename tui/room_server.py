"""The server behind `oplaeg projector --browser`: textual-serve's, made fit for a projector and
kept to this laptop's own browser.

- Its own page: `<html lang>`, the font served from here (textual-serve's page asks a font
  server on the internet), and type that fills the window: the font size is worked out from the
  window so the grid is about `GRID_COLUMNS` × `GRID_ROWS` cells at any size, without zoom.
- Only the page this server gave out may open a room view: the WebSocket's `Origin` must be
  this server's own address, and the `Host` an address, not a name (a page on another site
  that points a name at 127.0.0.1 is refused).
- Each viewer costs a process, so there are at most `MAX_VIEWERS`, each at most
  `MAX_COLUMNS` × `MAX_ROWS` cells; a viewer's process is ended when its socket closes (asked
  first, then terminated, then killed).
- The room view is started from an argument list, without a shell (cmd.exe does not
  understand the quoting a POSIX shell needs, and nothing has to be quoted at all this way).
- Ctrl+C (or SIGTERM) stops it within a couple of seconds and it prints nothing of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import ipaddress
import json
import logging
import signal
from collections.abc import Callable
from importlib.resources import files
from string import Template
from typing import Any

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

STOP_WITHIN_SECONDS = 2.0
MAX_VIEWERS = 4
"""Browsers that may show the room view at once (the projector, a preview, a spare)."""
MAX_COLUMNS = 400
MAX_ROWS = 150
"""The largest terminal a viewer may ask for: a 4K screen at a small font; no more, whatever
the page says (each cell costs the viewer's process memory and time)."""
GRID_COLUMNS = 100
GRID_ROWS = 30
"""The grid the page aims for: the type grows with the window, so a 1080p projector gets
about 30-pixel letters, readable from the back row."""
END_GRACE_SECONDS = 2.0
"""How long a viewer's room view has to leave by itself after its socket closed."""
TICK_SECONDS = 1.0

log = logging.getLogger("oplaeg.room_server")

_RESIZE_HOOK = "window.onresize=()=>{this.fit()}"
_RESIZE_PATCHED = (
    "window.oplaegTerminal=this.terminal,"
    "window.onresize=()=>{window.oplaegResize?window.oplaegResize(this.terminal,()=>this.fit())"
    ":this.fit()}"
)


def clamp(value: object, default: int, highest: int) -> int:
    """A terminal dimension asked for by a viewer, within 1…`highest`."""
    try:
        number = int(str(value))
    except ValueError:
        number = default
    return max(1, min(highest, number))


def patched_script(original: str) -> str:
    """textual-serve's page script, told to grow the type with the window when it is resized
    (it keeps the font size it started with otherwise); unchanged if it looks different."""
    return original.replace(_RESIZE_HOOK, _RESIZE_PATCHED, 1)


def address_only(host_header: str) -> str | None:
    """The host of a `Host` header if it is an IP address or `localhost`, else None."""
    host = host_header.rsplit(":", 1)[0] if not host_header.endswith("]") else host_header
    host = host.strip("[]")
    if host == "localhost":
        return host
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return None
    return host


class RoomService(AppService):
    """One viewer's room view: a process started from an argument list (no shell), and ended
    for certain when the viewer leaves."""

    def __init__(self, argv: list[str], **kwargs: Any) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = argv
        self.process: asyncio.subprocess.Process | None = None

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        environment = self._build_environment(width=width, height=height)
        self.process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
        )
        self._process = process
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def end(self) -> None:
        """Ask the room view to leave; terminate it if it has not within a moment; kill it if
        even that is not enough."""
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.stop(), END_GRACE_SECONDS)
        process = self.process
        if process is None or process.returncode is not None:
            return
        for stop in (process.terminate, process.kill):
            with contextlib.suppress(ProcessLookupError):
                stop()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(process.wait(), END_GRACE_SECONDS)
                return


class RoomServer(Server):
    def __init__(
        self,
        argv: list[str],
        *,
        host: str,
        port: int,
        title: str,
        language: str,
        texts: dict[str, str],
        every_second: Callable[[], None] | None = None,
        max_viewers: int = MAX_VIEWERS,
    ) -> None:
        super().__init__(" ".join(argv), host=host, port=port, title=title)
        self.argv = argv
        self.language = language
        self.texts = texts
        self.every_second = every_second
        self.max_viewers = max_viewers
        self.viewers: set[RoomService] = set()
        self._ticker: asyncio.Task[None] | None = None
        self._endings: set[asyncio.Future[None]] = set()

    # -- the server ----------------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._addresses_only])
        script = (self.statics_path / "js" / "textual.js").read_text(encoding="utf-8")
        self._script = patched_script(script).encode("utf-8")
        app.add_routes(
            [
                web.get("/", self.handle_page),
                web.get("/ws", self.handle_room_socket),
                web.get("/static/js/textual.js", self.handle_script),
                web.static("/static", self.statics_path, show_index=False),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    @web.middleware
    async def _addresses_only(
        self, request: web.Request, handler: Callable[[web.Request], Any]
    ) -> web.StreamResponse:
        """Refuse a request made through a name other than `localhost` (DNS rebinding: a web
        page whose name was pointed at this computer)."""
        if address_only(request.host) is None:
            raise web.HTTPForbidden(text="")
        response: web.StreamResponse = await handler(request)
        return response

    async def on_startup(self, app: web.Application) -> None:
        """No banner (the command has already printed the address); start the once-a-second
        work (following which session the console presents)."""
        if self.every_second is not None:
            self._ticker = asyncio.create_task(self._tick(self.every_second))

    async def on_shutdown(self, app: web.Application) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
        await asyncio.gather(*(viewer.end() for viewer in list(self.viewers)))

    async def _tick(self, work: Callable[[], None]) -> None:
        while True:
            with contextlib.suppress(Exception):  # a bad moment on disk: try again next second
                work()
            await asyncio.sleep(TICK_SECONDS)

    def serve(self, debug: bool = False) -> None:
        self.debug = debug
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

    # -- the page ------------------------------------------------------------------------

    async def handle_page(self, request: web.Request) -> web.Response:
        page = files("tui").joinpath("served_room.html").read_text(encoding="utf-8")
        values = {
            "lang": self.language,
            "title": self.title,
            "static": "/static/",
            "websocket": f"ws://{request.host}/ws",
            "columns": str(GRID_COLUMNS),
            "rows": str(GRID_ROWS),
            **self.texts,
        }
        escaped = {key: html.escape(value, quote=True) for key, value in values.items()}
        return web.Response(
            text=Template(page).substitute(escaped),
            content_type="text/html",
            headers={
                "Cache-Control": "no-store",
                "Referrer-Policy": "no-referrer",
                "X-Frame-Options": "DENY",
                "Content-Security-Policy": "frame-ancestors 'none'",
            },
        )

    async def handle_script(self, request: web.Request) -> web.Response:
        return web.Response(body=self._script, content_type="application/javascript")

    # -- a viewer ------------------------------------------------------------------------

    def _own_origin(self, request: web.Request) -> bool:
        """Whether the socket was opened by the page this server gave out."""
        origin = request.headers.get("Origin")
        return origin is not None and origin == f"http://{request.host}"

    async def handle_room_socket(self, request: web.Request) -> web.StreamResponse:
        if not self._own_origin(request):
            raise web.HTTPForbidden(text="")
        if len(self.viewers) >= self.max_viewers:
            raise web.HTTPServiceUnavailable(text=self.texts.get("too_many", ""))
        width = clamp(request.query.get("width", "80"), 80, MAX_COLUMNS)
        height = clamp(request.query.get("height", "24"), 24, MAX_ROWS)
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=64 * 1024)
        viewer = RoomService(
            self.argv,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        self.viewers.add(viewer)
        try:
            await websocket.prepare(request)
            await viewer.start(width, height)
            await self._messages(websocket, viewer)
        except asyncio.CancelledError:
            with contextlib.suppress(Exception):
                await websocket.close()
        except Exception as error:  # one viewer's trouble must not stop the server
            log.debug("viewer ended: %s", error)
        finally:
            # Ended for certain, even when this handler is cancelled (the browser went away):
            # the ending runs on by itself, and the viewer counts until its process is gone.
            ending = asyncio.ensure_future(viewer.end())
            self._endings.add(ending)
            ending.add_done_callback(self._endings.discard)
            ending.add_done_callback(lambda _: self.viewers.discard(viewer))
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(ending)
        return websocket

    async def _messages(self, websocket: web.WebSocketResponse, viewer: RoomService) -> None:
        """What the page sends: keys, its size (clamped), ping, focus. Nothing else."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind = envelope[0]
            data = envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await viewer.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                size = data
                await viewer.set_terminal_size(
                    clamp(size.get("width"), 80, MAX_COLUMNS),
                    clamp(size.get("height"), 24, MAX_ROWS),
                )
            elif kind == "ping":
                await websocket.send_json(["pong", str(data)[:64]])
            elif kind == "blur":
                await viewer.blur()
            elif kind == "focus":
                await viewer.focus()
