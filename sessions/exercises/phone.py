"""What an exercise kind asks the phones, as data: the kind describes its question (a scale with
labels, a vote with items, a text to a column or an agreement), the phones' rules
(`sessions.phones.service`) check answers against that description, and the phone page
(`tui.phones.page`) draws it. Nothing outside the kind's own module looks at its state."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class AnswerMode(StrEnum):
    """What a page asks the phones for: each is one form on the phone page."""

    SCALE = "scale"  # a value for each statement
    VOTE = "vote"  # votes on the items
    SLIP = "slip"  # a short text, held for the consultant


class SlipTarget(StrEnum):
    """What an approved text becomes (the phone page says so above the text box)."""

    COLUMN = "column"  # an item on the sorting board, in the column the phone chose
    AGREEMENT = "agreement"  # a case's agreement
    NOTE = "note"  # a note under the exercise


@dataclass(frozen=True)
class PhoneAsk:
    """The question a kind puts to the phones on its page, and so which answers it accepts."""

    mode: AnswerMode
    statements: tuple[str, ...] = ()
    """SCALE: one row of values per statement."""
    values: tuple[tuple[int, str], ...] = ()
    """SCALE: the values to choose from, each with its label ("" where the theme gives none)."""
    items: tuple[str, ...] = ()
    """VOTE: what the votes go on."""
    votes_each: int = 0
    """VOTE: how many votes each phone has."""
    target: SlipTarget = SlipTarget.NOTE
    """SLIP: what the approved text becomes."""
    columns: tuple[str, ...] = ()
    """SLIP: the columns a text may be put in (the phone chooses one), if any."""
    shows_prompt: bool = True
    """Whether the step's question stands above the form (a scale's questions are its
    statements; a board's column and a case's agreement ask their own in the form)."""

    def accepts_value(self, statement: int, value: int) -> bool:
        return (
            self.mode is AnswerMode.SCALE
            and 0 <= statement < len(self.statements)
            and any(value == known for known, _ in self.values)
        )

    def accepts_item(self, item: str) -> bool:
        return self.mode is AnswerMode.VOTE and item in self.items

    def accepts_column(self, column: int) -> bool:
        """A column of the board's, or any (it is not used) where there are none."""
        return self.mode is AnswerMode.SLIP and (
            not self.columns or 0 <= column < len(self.columns)
        )


class PhoneCounts(Protocol):
    """The phones' scale values and votes as they stand (`sessions.phones.answers.AnswerBook`),
    for a kind that merges them into its result."""

    def scale_counts(self, segment_id: str) -> dict[int, dict[int, int]]: ...

    def phone_votes(self, segment_id: str) -> dict[str, int]: ...
