"""The consultant's line about phones while joining is on: how many have answered the exercise on
the page and the room code ("Mobiler: 14 har svaret · kode 3101"), and how many texts wait for
approval (only a count: their words never show here). The QR code and the address are the
room's; the console keeps its space for the exercise."""

from __future__ import annotations

from textual.message import Message

from sessions.i18n import plural, t
from sessions.live import LiveSession
from tui.widgets.text_line import TextLine


class JoinStatus(TextLine):
    class Resized(Message):
        """The line changed: the status bar fits its hint to the room left."""

    DEFAULT_CSS = """
    JoinStatus { width: auto; padding: 0 1; color: $text-muted; }
    JoinStatus.-waiting { color: $warning; text-style: bold; }
    """

    def __init__(self, live: LiveSession, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.live = live

    def on_mount(self) -> None:
        self.show_line()

    def show_line(self) -> None:
        """Read the phones' state and show it (the status bar calls this once a second and
        at every change to the page, the answers or joining)."""
        waiting = self.live.answers.pending_count()
        text = self.line(waiting)
        self.set_class(bool(waiting), "-waiting")
        self.display = bool(text)
        self.text = text

    def watch_text(self, text: str) -> None:
        super().watch_text(text)
        self.call_after_refresh(self.post_message, self.Resized())

    def line(self, waiting: int) -> str:
        answers = self.live.answers
        state = answers.join_state()
        parts = []
        if state.on:
            page = self.live.page
            answered = answers.answered(page.segment.id) if page.segment.format else 0
            parts.append(
                t("join.status.answered", count=answered, code=state.code)
                if answered
                else t("join.status.on", code=state.code)
            )
        if waiting:
            parts.append(plural(waiting, "join.status.slip", "join.status.slips"))
        return " · ".join(parts)
