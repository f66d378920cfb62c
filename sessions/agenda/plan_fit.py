"""Fitting a theme's plan to a session length it does not plan exactly (45–180 minutes).

The rule, in order:

1. Start from the theme's plan nearest to the length (`Theme.nearest_plan`). When that plan is
   longer and cannot be shortened enough (below), the next nearest plan is tried; a shorter
   plan can always be lengthened, so a theme fails only below its shortest possible length.
2. Shortening: when the minimums of all the plan's segments add up to more than the length,
   segments marked `optional: yes` are left out, the last one in the agenda first (the theme's
   author puts what matters most first), until the minimums fit. Nothing else is ever left out.
3. The minutes are shared out in proportion to the plan: every segment at or above its minimum
   (a segment that would fall below it is held at its minimum and the rest shrink more), whole
   minutes, the minutes rounding leaves over going to the largest remainders, summing exactly
   to the length.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from sessions.errors import OplaegError
from sessions.i18n import t


@dataclass(frozen=True)
class PlanPart:
    """One segment of a plan, as fitting sees it."""

    planned: int
    minimum: int
    optional: bool = False


class SessionTooShortError(OplaegError):
    """The theme cannot be given in so few minutes, even without its optional segments."""

    def __init__(self, theme_title: str, shortest: int) -> None:
        super().__init__(t("schedule.too_short", theme=theme_title, minutes=shortest))
        self.theme_title = theme_title
        self.shortest = shortest


def shortest_length(parts: Sequence[PlanPart]) -> int:
    """The fewest minutes `parts` can be fitted to: the minimums of what may not be left out."""
    return sum(part.minimum for part in parts if not part.optional)


def fit_parts(parts: Sequence[PlanPart], minutes: int) -> list[int | None] | None:
    """Each part's whole minutes in a session of `minutes` (None: left out), summing exactly to
    `minutes`; None when it cannot be done (see the module's rule)."""
    if not parts or minutes < shortest_length(parts):
        return None
    kept = list(range(len(parts)))
    for index in reversed(range(len(parts))):
        if sum(parts[i].minimum for i in kept) <= minutes:
            break
        if parts[index].optional:
            kept.remove(index)
    shares = share_out(
        [parts[i].planned for i in kept], [min(parts[i].minimum, minutes) for i in kept], minutes
    )
    result: list[int | None] = [None] * len(parts)
    for index, share in zip(kept, shares, strict=True):
        result[index] = share
    return result


def share_out(weights: Sequence[int], floors: Sequence[int], total: int) -> list[int]:
    """Whole numbers in proportion to `weights`, none below its floor, summing to `total`
    (which must be at least the sum of the floors)."""
    if not weights:
        return []
    fixed: set[int] = set()
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        budget = total - sum(floors[i] for i in fixed)
        weight = sum(weights[i] for i in free)
        factor = budget / weight if weight else 0.0
        held = {i for i in free if weights[i] * factor < floors[i]}
        if not held:
            break
        fixed |= held
    exact = [float(floors[i]) if i in fixed else weights[i] * factor for i in range(len(weights))]
    shares = [max(floors[i], math.floor(exact[i] + 1e-9)) for i in range(len(weights))]
    leftover = total - sum(shares)
    by_remainder = sorted(
        (i for i in range(len(weights)) if i not in fixed),
        key=lambda i: (exact[i] - shares[i], weights[i]),
        reverse=True,
    )
    order = by_remainder or list(range(len(weights)))
    for step in range(max(0, leftover)):
        shares[order[step % len(order)]] += 1
    return shares
