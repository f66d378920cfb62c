"""The participant server: a small aiohttp application on the laptop that the phones in the room
open. It runs inside the console's process, on its event loop, and writes through the console's
own session (the only writer). Every address carries the joining's token; without it nothing is
served. Each answer is on disk before the phone is sent back to its page."""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from urllib.parse import parse_qsl

from aiohttp import web

from sessions.errors import OplaegError
from sessions.phones.service import JoinService, Outcome
from tui.phones.commit import GroupCommit
from tui.phones.cookies import COOKIES_PER_ADDRESS, CookiePool
from tui.phones.guard import (
    BODY_SECONDS,
    HEAD_SECONDS,
    KEEPALIVE_SECONDS,
    ConnectionGuard,
    accept_backlog,
    connection_limit,
)
from tui.phones.limits import RateLimit
from tui.phones.network import PREFERRED_PORT, REUSE_ADDRESS, url_host
from tui.phones.page import limited_page, render_page
from tui.phones.turns import Turns

MAX_BODY = 4096
"""A form post is a few hundred bytes; anything much larger is not from the page."""
MAX_FIELDS = 8
COOKIE = "oplaeg-phone"
COOKIE_SECONDS = 12 * 3600
ANSWERS_AT_ONCE, ANSWERS_PER_SECOND = 20, 2.0
SLIPS_AT_ONCE, SLIPS_PER_SECOND = 3, 1 / 20
FORM = "application/x-www-form-urlencoded"
_ANCHOR = re.compile(r"[si][0-9]{1,3}")
HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

# The server never logs requests (no addresses are kept anywhere), and nothing it logs may
# reach the terminal the console draws on.
logging.getLogger("aiohttp").addHandler(logging.NullHandler())
logging.getLogger("aiohttp").propagate = False

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class JoinApp:
    """The handlers, over one `JoinService`."""

    def __init__(self, service: JoinService, *, cookies_per_address: int = COOKIES_PER_ADDRESS):
        self.service = service
        self.answers = RateLimit(ANSWERS_AT_ONCE, ANSWERS_PER_SECOND)
        self.slips = RateLimit(SLIPS_AT_ONCE, SLIPS_PER_SECOND)
        self.commits = GroupCommit(service)
        participants = service.live.info.details.participants
        self.cookies = CookiePool(participants, per_address=cookies_per_address)
        self.guard: ConnectionGuard | None = None
        """The server's connection bounds, told when a request starts and ends."""
        self.turns = Turns()

    def application(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._headers])
        app.router.add_get("/{token}", self.page)
        app.router.add_get("/{token}/", self.page)
        app.router.add_get("/{token}/status", self.status)
        app.router.add_post("/{token}/answer", self.answer)
        app.on_response_prepare.append(_no_server_header)
        return app

    @web.middleware
    async def _headers(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        guard, transport = self.guard, request.transport
        if guard is not None:
            guard.request_started(transport)
        try:
            response = await handler(request)
        except web.HTTPException as error:
            _secure(error.headers)
            raise
        finally:
            if guard is not None:
                guard.request_done(transport)
        _secure(response.headers)
        return response

    # -- the handlers --------------------------------------------------------------------------

    async def page(self, request: web.Request) -> web.StreamResponse:
        self._check_token(request)
        await self.turns.wait()
        cookie, new = self._phone(request)
        notice = request.query.get("n") if cookie is not None else "no_cookie"
        nonce = secrets.token_urlsafe(12)
        html = render_page(
            self.service.question(cookie), self.service.code, self.service.token, notice, nonce
        )
        response = web.Response(text=html, content_type="text/html", charset="utf-8")
        response.headers["Content-Security-Policy"] = (
            f"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; "
            "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        )
        if new is not None:
            self._set_cookie(response, new)
        return response

    async def status(self, request: web.Request) -> web.StreamResponse:
        """What the page's script asks every few seconds: has the question changed?"""
        self._check_token(request)
        await self.turns.wait()
        cookie = request.cookies.get(COOKIE)
        question = self.service.question(cookie if self.service.devices.genuine(cookie) else None)
        return web.json_response({"v": question.version, "code": self.service.code})

    async def answer(self, request: web.Request) -> web.StreamResponse:
        self._check_token(request)
        if request.content_type != FORM:
            raise web.HTTPUnsupportedMediaType()
        try:
            async with asyncio.timeout(BODY_SECONDS):  # no task of its own, as wait_for makes
                body = await request.read()
        except TimeoutError:
            raise web.HTTPRequestTimeout() from None
        fields = read_form(body)
        await self.turns.wait()
        cookie = request.cookies.get(COOKIE)
        if cookie is None or not self.service.devices.genuine(cookie):
            return self._back("cookie")  # the page gives one, if this device may have another

        if not self.answers.allow(cookie):
            return self._limited()
        try:
            outcome, anchor = self._answer(cookie, fields)
        except OplaegError as error:  # the disk is full, say: nothing was saved
            self.service.failed(error)
            return self._limited(status=503)
        if outcome is Outcome.SAVED:
            try:
                await self.commits.saved()  # on disk before the phone hears "gemt"
            except OplaegError:  # the commit has told the console
                return self._limited(status=503)
        if outcome is Outcome.SLOW:
            return self._limited()
        return self._back(outcome.value, anchor if outcome is not Outcome.CLOSED else "")

    def _answer(self, cookie: str, fields: dict[str, str]) -> tuple[Outcome, str]:
        kind = fields.get("kind", "")
        segment = fields.get("segment", "")
        anchor = ""
        if kind == "scale":
            statement = fields.get("statement", "")
            value = fields.get("value", "")
            outcome = self.service.answer_scale(cookie, segment, statement, value, defer=True)
            anchor = f"s{statement}"
        elif kind == "vote":
            change = {"1": 1, "-1": -1}.get(fields.get("change", ""))
            if change is None:
                raise web.HTTPBadRequest()
            item = self.service.voting_item(fields.get("item", ""))
            outcome = (
                Outcome.CLOSED
                if item is None
                else self.service.vote(cookie, segment, item, change, defer=True)
            )
            anchor = fields.get("anchor", "")
        elif kind == "slip":
            if not self.slips.allow(cookie):
                return Outcome.SLOW, ""
            outcome = self.service.send_slip(
                segment, fields.get("text", ""), fields.get("column", "")
            )
        else:
            raise web.HTTPBadRequest()
        return outcome, anchor

    # -- helpers -------------------------------------------------------------------------------

    def _check_token(self, request: web.Request) -> None:
        token = request.match_info.get("token", "")
        if not self.service.open or not hmac.compare_digest(
            token.encode(), self.service.token.encode()
        ):
            raise web.HTTPNotFound()

    def _phone(self, request: web.Request) -> tuple[str | None, str | None]:
        """The phone's cookie, and a new one to set when it has none — while its address has
        not had its share and the room's pool has one (`CookiePool`)."""
        cookie = request.cookies.get(COOKIE)
        if self.service.devices.genuine(cookie):
            return cookie, None
        if not self.cookies.take(request.remote or ""):
            return None, None
        new = self.service.devices.issue()
        return new, new

    def _set_cookie(self, response: web.StreamResponse, cookie: str) -> None:
        response.set_cookie(
            COOKIE,
            cookie,
            path=f"/{self.service.token}",
            max_age=COOKIE_SECONDS,
            httponly=True,
            samesite="Strict",
        )

    def _back(self, notice: str, anchor: str = "") -> web.StreamResponse:
        """303 back to the page, which says how it went (a plain form post's way)."""
        fragment = f"#{anchor}" if _ANCHOR.fullmatch(anchor) else ""
        location = f"/{self.service.token}?n={notice}{fragment}"
        return web.Response(status=303, headers={"Location": location})

    def _limited(self, status: int = 429) -> web.StreamResponse:
        """Too fast (429), or not saved (503): wait a moment and try again."""
        nonce = secrets.token_urlsafe(12)
        response = web.Response(
            status=status,
            text=limited_page(self.service.token, nonce, saved=status != 503),
            content_type="text/html",
            charset="utf-8",
        )
        response.headers["Content-Security-Policy"] = (
            f"default-src 'none'; style-src 'nonce-{nonce}'"
        )
        response.headers["Retry-After"] = "2"
        return response


def read_form(body: bytes) -> dict[str, str]:
    """A form post's fields (the first of each name). Anything but a small, well-formed, UTF-8
    form is refused with 400."""
    try:
        text = body.decode("ascii")
        pairs = parse_qsl(
            text,
            keep_blank_values=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=MAX_FIELDS,
        )
    except ValueError:  # UnicodeDecodeError included
        raise web.HTTPBadRequest() from None
    fields: dict[str, str] = {}
    for name, value in pairs:
        fields.setdefault(name, value)
    return fields


def _secure(headers: MutableMapping[str, str]) -> None:
    for name, value in HEADERS.items():
        headers.setdefault(name, value)
    headers.setdefault("Content-Security-Policy", "default-src 'none'")


async def _no_server_header(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.pop("Server", None)


class JoinServer:
    """The server on `host`, listening from `start` until `stop`."""

    def __init__(self, service: JoinService, host: str, port: int = 0) -> None:
        self.service = service
        self.host = host
        self.wanted_port = port
        self.port = 0
        self.limit = connection_limit()
        """Connections at once (`ConnectionGuard`)."""
        self.head_seconds = HEAD_SECONDS
        self.backlog = accept_backlog(self.limit)
        self.guard: ConnectionGuard | None = None
        self._runner: web.AppRunner | None = None
        self._listener: asyncio.Server | None = None

    @property
    def url(self) -> str:
        return f"http://{self.address}"

    @property
    def address(self) -> str:
        """Host, port and token: what a person types when the QR code will not scan."""
        return f"{url_host(self.host)}:{self.port}/{self.service.token}"

    async def start(self, remembered: int = 0) -> None:
        """Listen on the port asked for; without one, on `remembered` (the last joining's, so
        the wall's code stays the same) or the preferred port, else any free one. OSError when
        it cannot listen at all. Connections are bounded (`ConnectionGuard`)."""
        app = JoinApp(self.service)
        runner = web.AppRunner(
            app.application(), access_log=None, keepalive_timeout=KEEPALIVE_SECONDS
        )
        await runner.setup()
        assert runner.server is not None
        guard = ConnectionGuard(runner.server, self.limit, self.service.shed, self.head_seconds)
        app.guard = self.guard = guard
        loop = asyncio.get_running_loop()
        ports = [self.wanted_port] if self.wanted_port else [remembered or PREFERRED_PORT, 0]
        listener: asyncio.Server | None = None
        try:
            for index, port in enumerate(ports):
                try:
                    listener = await loop.create_server(
                        guard, self.host, port, reuse_address=REUSE_ADDRESS, backlog=self.backlog
                    )
                    break
                except OSError:
                    if index == len(ports) - 1:
                        raise
        except BaseException:
            await runner.cleanup()
            raise
        assert listener is not None
        self._runner, self._listener = runner, listener
        self.port = int(listener.sockets[0].getsockname()[1])

    async def stop(self) -> None:
        """Refuse everything from now on, and stop listening."""
        self.service.close()
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
        guard = self.guard
        if guard is not None:
            for connection in list(guard.open):
                connection.close()
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
