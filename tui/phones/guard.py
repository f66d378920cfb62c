"""The participant server's bounds on connections, so that a device holding many of them open
(slowloris) cannot keep the room's phones out or use up the console's open files:

- at most `limit` connections at once (half the process's open-file limit, within 64–512);
  past it, the address holding the most connections pays: a newcomer from it is closed at
  once, or else its connection that has waited longest without sending a whole request is
  pushed out for the newcomer — one device holding hundreds of connections loses them, a phone
  with one or two keeps its own, so phones keep getting in;
- a request's head must have arrived within `HEAD_SECONDS` of the connection opening or of the
  previous response (the body has its own limit, in the handler);
- every connection shed is counted and reported (`on_shed`), so the console can say so.

Each connection's protocol is aiohttp's own, wrapped: this only decides when to close one."""

from __future__ import annotations

import asyncio
import contextlib
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

HEAD_SECONDS = 10.0
"""From opening a connection (or the last response) to a complete request head."""
BODY_SECONDS = 10.0
"""For a request's body once its head is in (a form post is a few hundred bytes)."""
KEEPALIVE_SECONDS = 5.0
"""An idle connection is closed after this long (aiohttp's own default is an hour)."""
MIN_CONNECTIONS, MAX_CONNECTIONS = 64, 512


def connection_limit() -> int:
    """Half the open files this process may have, within 64–512 (Linux's usual 1,024 gives
    512; a Mac's 256 gives 128): the console keeps enough for its own files."""
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):  # Windows: no such limit to run into
        return MAX_CONNECTIONS
    if soft == resource.RLIM_INFINITY or soft <= 0:
        return MAX_CONNECTIONS
    return max(MIN_CONNECTIONS, min(MAX_CONNECTIONS, soft // 2))


def accept_backlog(limit: int) -> int:
    """How many connections the server may accept in one go (asyncio accepts up to its backlog
    at a time, and each one shed holds a file until the next pass): a quarter of the cap, so
    the cap plus a burst stay well within the open-file limit."""
    return max(16, min(128, limit // 4))


class ConnectionGuard:
    """Wraps the server's protocol factory (pass it to `loop.create_server`)."""

    def __init__(
        self,
        factory: Callable[[], asyncio.Protocol],
        limit: int,
        on_shed: Callable[[int], None] = lambda count: None,
        head_seconds: float = HEAD_SECONDS,
    ) -> None:
        self.factory = factory
        self.limit = limit
        self.head_seconds = head_seconds
        self.on_shed = on_shed
        self.open: set[_Guarded] = set()
        self.waiting: OrderedDict[_Guarded, None] = OrderedDict()
        """Connections whose next request head has not arrived, longest waiting first."""
        self.by_address: dict[str, set[_Guarded]] = {}
        self.by_transport: dict[int, _Guarded] = {}
        self.shed = 0

    def __call__(self) -> _Guarded:
        return _Guarded(self, self.factory())

    def request_started(self, transport: object) -> None:
        """A request's head is in (the handler runs): it no longer counts as waiting."""
        guarded = self.by_transport.get(id(transport))
        if guarded is not None:
            guarded.head_arrived()

    def request_done(self, transport: object) -> None:
        """A response is on its way: the next request's head has `head_seconds` again."""
        guarded = self.by_transport.get(id(transport))
        if guarded is not None:
            guarded.wait_for_head()

    def _admit(self, newcomer: _Guarded) -> bool:
        if len(self.open) < self.limit:
            return True
        self._count_shed()
        address, held = max(self.by_address.items(), key=lambda pair: len(pair[1]))
        own = len(self.by_address.get(newcomer.address, ()))
        if newcomer.address == address or own >= len(held):
            return False  # the newcomer's device holds the most already
        victim = next((c for c in self.waiting if c.address == address), None)
        if victim is None:
            victim = next(iter(self.waiting), None)
        if victim is None:
            return False  # every connection is busy with a request: nobody to push out
        victim.close()
        return True

    def _count_shed(self) -> None:
        self.shed += 1
        self.on_shed(self.shed)


class _Guarded(asyncio.Protocol):
    """One connection: aiohttp's protocol, closed when its head is late or it is pushed out."""

    def __init__(self, guard: ConnectionGuard, inner: asyncio.Protocol) -> None:
        self.guard = guard
        self.inner = inner
        self.transport: asyncio.BaseTransport | None = None
        self.address = ""
        self._timer: asyncio.TimerHandle | None = None

    # -- asyncio.Protocol, passed on -------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        guard = self.guard
        peer = transport.get_extra_info("peername")
        self.address = str(peer[0]) if isinstance(peer, tuple) and peer else ""
        if not guard._admit(self):
            if isinstance(transport, asyncio.Transport):
                transport.abort()
            else:
                transport.close()
            return
        self.transport = transport
        guard.open.add(self)
        guard.by_address.setdefault(self.address, set()).add(self)
        guard.by_transport[id(transport)] = self
        self.wait_for_head()
        self.inner.connection_made(transport)

    def data_received(self, data: bytes) -> None:
        if self.transport is not None:
            self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self.inner.eof_received() if self.transport is not None else None

    def connection_lost(self, exc: Exception | None) -> None:
        if self.transport is None:
            return
        self._forget()
        self.inner.connection_lost(exc)

    def pause_writing(self) -> None:
        self.inner.pause_writing()

    def resume_writing(self) -> None:
        self.inner.resume_writing()

    def __getattr__(self, name: str) -> Any:  # anything else aiohttp asks of its protocol
        return getattr(self.inner, name)

    # -- the bounds ------------------------------------------------------------------------------

    def wait_for_head(self) -> None:
        self._cancel()
        self.guard.waiting[self] = None
        self.guard.waiting.move_to_end(self)
        loop = asyncio.get_running_loop()
        self._timer = loop.call_later(self.guard.head_seconds, self._late)

    def head_arrived(self) -> None:
        self._cancel()
        self.guard.waiting.pop(self, None)

    def close(self) -> None:
        """Close the connection now (its `connection_lost` follows)."""
        transport = self.transport
        self._forget()
        if transport is not None:
            if isinstance(transport, asyncio.Transport):
                transport.abort()
            else:
                transport.close()

    def _late(self) -> None:
        self._timer = None
        if self in self.guard.waiting:
            self.close()

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _forget(self) -> None:
        self._cancel()
        guard = self.guard
        guard.waiting.pop(self, None)
        guard.open.discard(self)
        held = guard.by_address.get(self.address)
        if held is not None:
            held.discard(self)
            if not held:
                del guard.by_address[self.address]
        if self.transport is not None:
            with contextlib.suppress(KeyError):
                del guard.by_transport[id(self.transport)]
