"""How the room joins from its phones: a QR code big enough to scan from the back, the address to
type when it will not scan, and the room code that tells the phone it found the right session.
Shown at the right of the stage while joining is on and the page asks something (the consultant
can hide it there, or show it on any other page); read from the session, so the room view, a
separate process, shows it as the console does."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from sessions.agenda.pages import Page
from sessions.i18n import t
from sessions.live import LiveSession
from sessions.phones.answers import JoinState
from tui.phones.qr import fitting_scale, qr_rows, qr_size
from tui.widgets.big_clock import render_lines, rows_for

MAX_SHARE = 1 / 3
"""The share of the stage's width the code may take: the page keeps two thirds (a
code of one cell per module is still found by a phone from the back)."""
TEXT_ROWS = 2
"""The title above the code and the address below it."""
BIG_CODE_ROWS = 1 + rows_for(1)
"""The room code's label and its digits drawn large."""
PADDING = 2
QR_STYLE = "#000000 on #ffffff"
"""Dark on light whatever the projector theme: a phone reads nothing else. A light quiet zone
surrounds the code in the drawing itself."""


class JoinCode(Vertical):
    """Hidden unless joining is on and the stored choices show it on this page."""

    DEFAULT_CSS = """
    JoinCode { dock: right; width: auto; height: auto; max-height: 100%; padding: 0 0 0 2;
        display: none; }
    JoinCode > Static { width: auto; }
    JoinCode #join-title { text-style: bold; color: $primary; }
    JoinCode #join-address { color: $foreground; }
    JoinCode #join-code-label { color: $text-muted; margin-top: 1; }
    JoinCode #join-code { text-style: bold; color: $primary; }
    """

    def __init__(self, live: LiveSession, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.live = live
        self._state = JoinState()
        self._scale = 1
        self._big_code = True
        self._drawn: tuple[str, int, bool] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="join-title", markup=False)
        yield Static(id="join-qr", markup=False)
        yield Static(id="join-address", markup=False)
        yield Static(id="join-code-label", markup=False)
        yield Static(id="join-code", markup=False)

    def show(self, page: Page) -> None:
        """Show the code on `page` or not, as the session says."""
        self._state = self.live.answers.join_state()
        visible = self._state.code_visible(page) and bool(self._state.url)
        self.display = visible
        if visible:
            self._draw()

    def fit(self, width: int, height: int) -> None:
        """Draw the code as large as `width` × `height` of the stage allows."""
        url = self._state.url
        if not url:
            return
        size = qr_size(url)
        room = int(width * MAX_SHARE) - PADDING
        self._big_code = -(-size // 2) + TEXT_ROWS + BIG_CODE_ROWS <= height
        rows_left = height - TEXT_ROWS - (BIG_CODE_ROWS if self._big_code else 1)
        self._scale = fitting_scale(size, room, rows_left)
        if self.display:
            self._draw()

    @property
    def width_taken(self) -> int:
        """Columns the code takes from the stage (0 when hidden)."""
        if not self.display or not self._state.url:
            return 0
        return qr_size(self._state.url) * self._scale + PADDING

    def _draw(self) -> None:
        state = self._state
        drawn = (state.url + state.code, self._scale, self._big_code)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        rows = qr_rows(state.url, self._scale)
        self.query_one("#join-title", Static).update(Content(t("join.wall.title")))
        self.query_one("#join-qr", Static).update(Content("\n".join(rows)).stylize(QR_STYLE))
        self.query_one("#join-address", Static).update(Content(state.address))
        label = self.query_one("#join-code-label", Static)
        code = self.query_one("#join-code", Static)
        if self._big_code:
            label.update(Content(t("join.wall.code")))
            code.update(Content("\n".join(render_lines(state.code, 1))))
        else:
            label.update(Content(""))
            code.update(Content(f"{t('join.wall.code')} {state.code}"))
        label.display = self._big_code
