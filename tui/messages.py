"""Messages screens send to the app: what the consultant chose, for the app to act on."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from sessions.models import SessionDetails
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
