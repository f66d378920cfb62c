"""The consultant's say over texts from phones: approved, a text becomes what the exercise
makes of it — an item in the board's column, a case's agreement, a note — through the
exercise's own state; rejected, it is gone. Nothing a phone writes reaches the wall unseen."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sessions.exercises import kind_of
from sessions.live import LiveSession
from sessions.phones.answers import MAX_SLIP_LENGTH, Slip
from sessions.text import clean_line
from sessions.theme.model import Segment


def approve(live: LiveSession, slip: Slip, text: str | None = None) -> bool:
    """Put `slip` (its `text` as the consultant edited it) where it belongs, then take it off
    the queue. False when the text is empty or the slip was already handled."""
    cleaned = clean_line(slip.text if text is None else text)[:MAX_SLIP_LENGTH]
    if not cleaned or live.answers.slip(slip.id) is None:
        return False
    segment = _segment(live, slip.segment_id)
    kind = kind_of(segment.format) if segment is not None else None
    taken = None
    if segment is not None and kind is not None:
        taken = kind.take_text(live.exercises.state(segment), cleaned, slip.column)
    if segment is not None and taken is not None:
        live.exercises.save(segment, taken)
    else:  # the exercise's kind keeps no texts: a note under it
        live.notebook.add(slip.segment_id, slip.step, cleaned)
    # Taken off the queue only once it is where it belongs: a crash in between shows it twice,
    # never loses it.
    live.answers.take_slip(slip.id)
    return True


def reject(live: LiveSession, slip: Slip) -> Slip | None:
    """Delete `slip`; returns it, so an undo can put it back."""
    return live.answers.take_slip(slip.id)


def column_name(live: LiveSession, slip: Slip) -> str | None:
    """The name of the column a text is meant for, if its exercise has columns (a board's)."""
    segment = _segment(live, slip.segment_id)
    kind = kind_of(segment.format) if segment is not None else None
    if segment is None or kind is None:
        return None
    ask = kind.phone_ask(segment, live.exercises.state(segment))
    columns = ask.columns if ask is not None else ()
    return columns[slip.column] if slip.column < len(columns) else None


def _segment(live: LiveSession, segment_id: str) -> Segment | None:
    return next((p.segment for p in live.pages if p.segment.id == segment_id), None)


# -- several texts at once: identical texts as one, everything waiting -------------------------


def same_text(text: str) -> str:
    """What makes two texts "the same" to the consultant: case and spacing aside."""
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class SlipGroup:
    """Texts that say the same thing to the same place (the board's column, the agreements, the
    notes): shown once with a count, put up once, rejected together. Oldest first."""

    slips: tuple[Slip, ...]

    @property
    def first(self) -> Slip:
        return self.slips[0]

    @property
    def count(self) -> int:
        return len(self.slips)

    @property
    def key(self) -> str:
        """Stable while the group waits: its oldest text's id."""
        return self.first.id


def _place(slip: Slip) -> tuple[str, str, int, str]:
    return (slip.segment_id, slip.target.value, slip.column, same_text(slip.text))


def group_slips(slips: Iterable[Slip]) -> list[SlipGroup]:
    """`slips` with identical texts to the same place together, in the order the first of each
    arrived."""
    groups: dict[tuple[str, str, int, str], list[Slip]] = {}
    for slip in slips:
        groups.setdefault(_place(slip), []).append(slip)
    return [SlipGroup(tuple(group)) for group in groups.values()]


def approve_group(live: LiveSession, group: SlipGroup, text: str | None = None) -> bool:
    """Put the group's text up once (as `text` if the consultant edited it) and take every
    identical copy off the queue. False when nothing was put up."""
    if not approve(live, group.first, text):
        return False
    for slip in group.slips[1:]:
        live.answers.take_slip(slip.id)
    return True


def reject_many(live: LiveSession, slips: Iterable[Slip]) -> list[Slip]:
    """Delete `slips`; returns those that were still waiting, so an undo can put them back."""
    return [taken for slip in slips if (taken := reject(live, slip)) is not None]


def reject_identical(live: LiveSession, slip: Slip) -> list[Slip]:
    """Delete `slip` and every waiting text identical to it (same place, same words)."""
    place = _place(slip)
    return reject_many(live, [s for s in live.answers.pending() if _place(s) == place])


def reject_all(live: LiveSession) -> list[Slip]:
    """Delete every waiting text (a flood from one phone, say); returns them for an undo."""
    return reject_many(live, live.answers.pending())


def put_back(live: LiveSession, slips: Iterable[Slip]) -> None:
    """Rejected texts back in the queue, in their old places (undo)."""
    for slip in slips:
        live.answers.put_back(slip)
