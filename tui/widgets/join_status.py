"""The consultant's line about phones: the address and room code while joining is on, and how
many texts wait for approval (only a count: their words never show here)."""

from __future__ import annotations

from textual.widgets import Label

from sessions.i18n import t
from sessions.live import LiveSession


class JoinStatus(Label):
    DEFAULT_CSS = """
    JoinStatus { width: auto; padding: 0 1; color: $text-muted; }
    JoinStatus.-waiting { color: $warning; text-style: bold; }
    """

    def __init__(self, live: LiveSession, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__("", id=id, markup=False)
        self.live = live
        self._text = ""

    def on_mount(self) -> None:
        self.refresh_join()

    def refresh_join(self) -> None:
        state = self.live.answers.join_state()
        waiting = self.live.answers.pending_count()
        parts = [t("join.status.on", address=state.address, code=state.code)] if state.on else []
        if waiting:
            parts.append(t("join.status.slips", count=waiting))
        text = " · ".join(parts)
        self.set_class(bool(waiting), "-waiting")
        self.display = bool(text)
        if text != self._text:
            self._text = text
            self.update(text)
