"""Messages screens send to the app (what the consultant chose, for the app to act on), and the
one message by which every change to the session reaches the screens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from sessions.models import SessionDetails
from sessions.storage.changes import Part
from sessions.theme.model import Theme


@dataclass
class ThemeChosen(Message):
    """Start a new session of `theme` with `details`."""

    theme: Theme
    details: SessionDetails


@dataclass
class SessionChosen(Message):
    """Open an earlier session (its referat if it has ended, unless `resume`)."""

    session_id: str
    resume: bool = False


@dataclass
class ThemeToggled(Message):
    """The consultant switched between the dark and the light projector theme."""

    light: bool


@dataclass
class ErrorRaised(Message):
    """Show an error the screen could not handle itself."""

    message: str


class FollowsSession:
    """A screen that shows part of the open session. The app passes each `SessionChanged` on
    to these screens only. Any message to a screen left under the presenter (the start screen)
    would make Textual draw the whole console again: a screen under the top one that handles
    a message repaints its regions on the top screen and marks itself for a whole repaint the
    next time, so each answer from a phone cost a full frame (7 ms at 160×45)."""


class SessionChanged(Message, bubble=False):
    """The session changed: `parts` names what (see `sessions.storage.changes.Part`). Posted
    from whatever thread the change was saved or read on (`post_message` is thread-safe); a
    burst that arrives before the screen gets to it is one message with the union of the
    parts, so a room of phones answering at once costs one repaint."""

    def __init__(self, parts: Part) -> None:
        super().__init__()
        self.parts = parts

    def can_replace(self, message: Message) -> bool:
        if isinstance(message, SessionChanged):
            message.parts |= self.parts  # the newer one goes on, carrying this one's parts
            return True
        return False
