"""Who gets a phone's cookie — the phone's identity, and so its one voice. A cookie is handed out
only to a page load (a post without one is sent to the page, never given one), at most a few per
client address and time, and from a pool sized to the room that fills up again with time: one
device cannot become a crowd, and a phone that arrives late still gets in. Kept in memory only
(no address is stored anywhere)."""

from __future__ import annotations

import time
from collections.abc import Callable

from tui.phones.limits import RateLimit

COOKIES_PER_ADDRESS = 3
"""Cookies one address may take at once: a phone, its QR scanner's own browser, a retry."""
ADDRESS_REFILL_SECONDS = 120.0
"""…and one more each this long (a phone whose browser lost its cookie gets back in)."""
POOL_PER_PARTICIPANT, MIN_POOL = 2, 30
"""The room's pool: twice the participants (or at least 30) at once…"""
POOL_REFILL_SECONDS = 600.0
"""…filling up again over ten minutes, so a late phone always gets one in time."""


def pool_size(participants: int) -> int:
    return max(MIN_POOL, POOL_PER_PARTICIPANT * participants)


class CookiePool:
    """Whether a page load from `address` may be given a new cookie now."""

    def __init__(
        self,
        participants: int,
        *,
        per_address: int = COOKIES_PER_ADDRESS,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        size = pool_size(participants)
        self.size = size
        self._room = RateLimit(size, size / POOL_REFILL_SECONDS, now)
        self._addresses = RateLimit(per_address, 1 / ADDRESS_REFILL_SECONDS, now)
        self.issued = 0
        self.refused = 0

    def take(self, address: str) -> bool:
        """One cookie for `address`; False when it has had its share or the room's pool is
        empty for now (nothing is taken then)."""
        if not self._addresses.peek(address) or not self._room.peek(""):
            self.refused += 1
            return False
        self._addresses.allow(address)
        self._room.allow("")
        self.issued += 1
        return True
