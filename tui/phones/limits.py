"""How much one phone may send: a bucket of tokens per phone that fills up again with time, so
a quick person taps freely and a script is slowed down. Kept in memory only."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

MAX_TRACKED = 5000
"""Phones remembered at once; the longest idle are forgotten first."""


class RateLimit:
    """`capacity` requests at once, then `per_second` more each second."""

    def __init__(
        self,
        capacity: float,
        per_second: float,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self.capacity = capacity
        self.per_second = per_second
        self._now = now
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def peek(self, key: str) -> bool:
        """Whether `allow(key)` would let one through now (nothing is taken)."""
        tokens, since = self._buckets.get(key, (self.capacity, self._now()))
        return min(self.capacity, tokens + (self._now() - since) * self.per_second) >= 1

    def allow(self, key: str) -> bool:
        """Take one token from `key`'s bucket; False when it is empty."""
        now = self._now()
        tokens, since = self._buckets.pop(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - since) * self.per_second)
        allowed = tokens >= 1
        self._buckets[key] = (tokens - 1 if allowed else tokens, now)
        while len(self._buckets) > MAX_TRACKED:
            self._buckets.popitem(last=False)
        return allowed
