"""What the group does in an exercise, as stored: who has spoken in a round, which dialogue
card is up and which were marked important, the show of hands on a scale."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

EXERCISES_TABLE = "exercises"


@dataclass(frozen=True)
class RoundState:
    """A go-round: `speaker` is the number of the one speaking now (1-based; 0 = not begun)."""

    speaker: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RoundState:
        return cls(int(data.get("speaker", 0)))


@dataclass(frozen=True)
class CardsState:
    """Dialogue cards: the one shown (0-based) and the ones marked "vigtigt"."""

    card: int = 0
    important: tuple[int, ...] = ()

    def toggle_important(self) -> CardsState:
        marked = set(self.important) ^ {self.card}
        return CardsState(self.card, tuple(sorted(marked)))

    def to_dict(self) -> dict[str, Any]:
        return {"card": self.card, "important": list(self.important)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CardsState:
        return cls(int(data.get("card", 0)), tuple(int(i) for i in data.get("important", [])))


@dataclass(frozen=True)
class ScaleState:
    """A show of hands: for each statement, how many chose each value of the scale."""

    selected: int = 0
    counts: dict[int, dict[int, int]] = field(default_factory=dict)

    def add(self, statement: int, value: int, hands: int = 1) -> ScaleState:
        counts = {s: dict(v) for s, v in self.counts.items()}
        row = counts.setdefault(statement, {})
        row[value] = max(0, row.get(value, 0) + hands)
        return ScaleState(self.selected, counts)

    def select(self, statement: int) -> ScaleState:
        return ScaleState(statement, self.counts)

    def row(self, statement: int) -> dict[int, int]:
        return dict(self.counts.get(statement, {}))

    def to_dict(self) -> dict[str, Any]:
        return {
            "selected": self.selected,
            "counts": {
                str(s): {str(v): n for v, n in row.items()} for s, row in self.counts.items()
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScaleState:
        counts = {
            int(s): {int(v): int(n) for v, n in row.items()}
            for s, row in data.get("counts", {}).items()
        }
        return cls(int(data.get("selected", 0)), counts)


def average(row: dict[int, int]) -> float | None:
    """The mean value of a show of hands, or None when nobody answered."""
    hands = sum(row.values())
    return sum(value * n for value, n in row.items()) / hands if hands else None


def scale_range(setting: str) -> range:
    """`1-5` → range(1, 6)."""
    low, high = (int(part) for part in setting.split("-", 1))
    return range(low, high + 1)
