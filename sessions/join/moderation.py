"""The consultant's say over texts from phones: approved, a text becomes what the exercise
makes of it — an item in the board's column, a case's agreement, a note — through the
exercise's own state; rejected, it is gone. Nothing a phone writes reaches the wall unseen."""

from __future__ import annotations

from sessions.answers import MAX_SLIP_LENGTH, Slip, SlipTarget
from sessions.exercises.case import CaseState
from sessions.exercises.sorting import BoardState
from sessions.live import LiveSession
from sessions.text import clean_line
from sessions.theme.model import Segment


def approve(live: LiveSession, slip: Slip, text: str | None = None) -> bool:
    """Put `slip` (its `text` as the consultant edited it) where it belongs, then take it off
    the queue. False when the text is empty or the slip was already handled."""
    cleaned = clean_line(slip.text if text is None else text)[:MAX_SLIP_LENGTH]
    if not cleaned or live.answers.slip(slip.id) is None:
        return False
    segment = _segment(live, slip.segment_id)
    state = live.exercises.state(segment) if segment is not None else None
    if segment is not None and slip.target is SlipTarget.COLUMN and isinstance(state, BoardState):
        live.exercises.save(segment, state.add(cleaned, slip.column))
    elif (
        segment is not None and slip.target is SlipTarget.AGREEMENT and isinstance(state, CaseState)
    ):
        live.exercises.save(segment, state.add(cleaned))
    else:
        live.notebook.add(slip.segment_id, slip.step, cleaned)
    # Taken off the queue only once it is where it belongs: a crash in between shows it twice,
    # never loses it.
    live.answers.take_slip(slip.id)
    return True


def reject(live: LiveSession, slip: Slip) -> Slip | None:
    """Delete `slip`; returns it, so an undo can put it back."""
    return live.answers.take_slip(slip.id)


def _segment(live: LiveSession, segment_id: str) -> Segment | None:
    return next((p.segment for p in live.pages if p.segment.id == segment_id), None)
