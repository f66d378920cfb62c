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


@dataclass(frozen=True)
class BoardItem:
    text: str
    column: int
    reason: str = ""


@dataclass(frozen=True)
class BoardState:
    """A sorting board (kan/skal, stop/start/fortsæt …): items in columns, one selected."""

    items: tuple[BoardItem, ...] = ()
    selected: int = 0

    def ordered(self, columns: int) -> list[int]:
        """Item indices in reading order: column by column."""
        return [i for c in range(columns) for i, item in enumerate(self.items) if item.column == c]

    def add(self, text: str, column: int) -> BoardState:
        items = (*self.items, BoardItem(text, column))
        return BoardState(items, len(items) - 1)

    def move(self, offset: int, columns: int) -> BoardState:
        """Move the selected item to the column left (-1) or right (+1)."""
        if not self.items:
            return self
        item = self.items[self.selected]
        column = min(max(item.column + offset, 0), columns - 1)
        items = list(self.items)
        items[self.selected] = BoardItem(item.text, column, item.reason)
        return BoardState(tuple(items), self.selected)

    def select(self, offset: int, columns: int) -> BoardState:
        order = self.ordered(columns)
        if not order:
            return self
        position = order.index(self.selected) if self.selected in order else 0
        return BoardState(self.items, order[min(max(position + offset, 0), len(order) - 1)])

    def with_reason(self, reason: str) -> BoardState:
        if not self.items:
            return self
        items = list(self.items)
        item = items[self.selected]
        items[self.selected] = BoardItem(item.text, item.column, reason)
        return BoardState(tuple(items), self.selected)

    def remove(self) -> BoardState:
        if not self.items:
            return self
        items = tuple(item for i, item in enumerate(self.items) if i != self.selected)
        return BoardState(items, max(0, min(self.selected, len(items) - 1)))

    @property
    def current_column(self) -> int:
        return self.items[self.selected].column if self.items else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": [{"text": i.text, "column": i.column, "reason": i.reason} for i in self.items],
            "selected": self.selected,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BoardState:
        items = tuple(
            BoardItem(str(i["text"]), int(i["column"]), str(i.get("reason", "")))
            for i in data.get("items", [])
        )
        return cls(items, int(data.get("selected", 0)))


@dataclass(frozen=True)
class VotingState:
    """Dot voting over items gathered earlier in the session: votes per item."""

    items: tuple[str, ...] = ()
    votes: tuple[int, ...] = ()
    selected: int = 0

    def ranked(self) -> list[tuple[str, int]]:
        """Items by votes, most first (ties keep their order)."""
        pairs = list(zip(self.items, self.votes, strict=True))
        return sorted(pairs, key=lambda pair: -pair[1])

    def set_votes(self, count: int) -> VotingState:
        votes = list(self.votes)
        if votes:
            votes[self.selected] = max(0, count)
        return VotingState(self.items, tuple(votes), self.selected)

    def select(self, offset: int) -> VotingState:
        if not self.items:
            return self
        return VotingState(
            self.items, self.votes, min(max(self.selected + offset, 0), len(self.items) - 1)
        )

    def to_dict(self) -> dict[str, Any]:
        return {"items": list(self.items), "votes": list(self.votes), "selected": self.selected}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> VotingState:
        items = tuple(str(i) for i in data.get("items", []))
        votes = tuple(int(v) for v in data.get("votes", [0] * len(items)))
        return cls(items, votes, int(data.get("selected", 0)))


def voting_candidates(boards: list[BoardState], notes: list[str], limit: int = 30) -> list[str]:
    """What can be voted on: the sorting boards' items, then notes, without repeats."""
    seen: dict[str, None] = {}
    for board in boards:
        for item in board.items:
            seen.setdefault(item.text, None)
    for note in notes:
        seen.setdefault(note.split("\n")[0], None)
    return list(seen)[:limit]
