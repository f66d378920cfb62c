"""What a list of themes shows of one theme: enough to choose it, without loading it whole."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sessions.theme.model import Theme


@dataclass(frozen=True)
class ThemeCard:
    """A theme's id, title, summary, planned lengths and its `## Før mødet` checklist."""

    id: str
    title: str
    summary: str
    plans: tuple[int, ...]
    preparation: tuple[str, ...] = ()

    @classmethod
    def of(cls, theme: Theme) -> ThemeCard:
        prep = tuple(f"{p.text}: ___" if p.blank else p.text for p in theme.preparation)
        return cls(theme.id, theme.title, theme.summary, tuple(theme.plans), prep)
