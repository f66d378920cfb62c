"""`oplaeg projector --browser` is projector-ready at 100 % zoom: at 1920×1080 and 1280×720, with
phones on, the slide's letters are at least 2.5 % of the screen's height, the QR code takes at
most 35 % of the width, a cut list says "▼ N mere", the page has a language and asks nothing of
any computer but this one."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sessions.clock import SystemClock
from sessions.live import LiveSession
from sessions.phones.answers import JoinState
from sessions.repository import SessionRepository
from sessions.storage.locations import prepare_data_dir
from tests.browser.test_room_in_browser import (
    WAIT_SECONDS,
    free_port,
    serve,
    wait_for_group_to_end,
    wait_for_port,
)
from tests.conftest import DETAILS
from tests.tui.helpers import FIXTURES, library_with_fixtures, page_of

SIZES = [(1920, 1080), (1280, 720)]
SMALLEST_LETTER_SHARE = 0.025
LARGEST_QR_SHARE = 0.35
PHONES = JoinState(
    on=True,
    url="http://192.168.1.23:8123/zknf6vut",
    address="192.168.1.23:8123/zknf6vut",
    code="3101",
)
BOARD_ITEMS = [
    "Vi ringer til hinanden, når ruten skrider",
    "Ingen tager telefonen på kontoret efter kl. 15",
    "Kørelisten kommer for sent om morgenen",
    "Sparring med en kollega hver fredag",
    "Plads til at sige fra uden at blive set skævt til",
    "Mails efter kl. 16 bliver besvaret næste dag",
    "Pauserne forsvinder, når der er sygdom",
    "Nye kolleger får en fast makker",
] * 3

GRID = """() => {
    const terminal = window.oplaegTerminal;
    const buffer = terminal.buffer.active;
    const lines = [];
    let left = Infinity, right = -1;
    for (let y = 0; y < terminal.rows; y++) {
        const line = buffer.getLine(buffer.viewportY + y);
        lines.push(line.translateToString(true));
        for (let x = 0; x < terminal.cols; x++) {
            const cell = line.getCell(x);
            if (cell && cell.isBgRGB() && cell.getBgColor() === 0xffffff) {
                left = Math.min(left, x); right = Math.max(right, x);
            }
        }
    }
    const cell = terminal._core._renderService.dimensions.css.cell;
    return {
        cols: terminal.cols, rows: terminal.rows, cellWidth: cell.width, cellHeight: cell.height,
        text: lines.join("\\n"), qrColumns: right >= left ? right - left + 1 : 0,
        lang: document.documentElement.lang,
    };
}"""


@pytest.fixture
def projector(tmp_path: Path):
    """A session with phones on, served on a free port; yields (live, port)."""
    data_dir = prepare_data_dir(tmp_path / "data")
    (data_dir / "themes").mkdir()
    shutil.copy(FIXTURES / "alle-oevelser.md", data_dir / "themes")
    repository = SessionRepository(data_dir, SystemClock())
    library = library_with_fixtures()
    theme = library.get("alle-oevelser")
    info, store = repository.create(theme, dataclasses.replace(DETAILS, participants=18, plan=120))
    live = LiveSession(repository, info, store, theme, SystemClock())
    live.nav.start()
    live.answers.set_join_state(PHONES)
    port = free_port()
    server = serve(data_dir, info.id, port)
    try:
        wait_for_port(port)
        yield live, port
    finally:
        live.close()
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        wait_for_group_to_end(server.pid)


def open_page(browser, port: int, size: tuple[int, int], requests: list[str]):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"http://127.0.0.1:{port}/")
    page.wait_for_selector("body.-first-byte", timeout=WAIT_SECONDS * 1000)
    return page


def grid_when(page, condition, what: str) -> dict:
    """The terminal's grid once `condition` holds for it (the room view follows within a
    second or two)."""
    for _ in range(WAIT_SECONDS * 2):
        grid = page.evaluate(GRID)
        if condition(grid):
            # A frame reaches xterm.js in pieces: the grid counts once it stops changing.
            page.wait_for_timeout(150)
            again = page.evaluate(GRID)
            if again["text"] == grid["text"] and condition(again):
                return again
        page.wait_for_timeout(500)
    raise AssertionError(f"{what}; the page shows:\n{grid['text']}")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_projector_page_fills_the_screen_without_zoom(browser, projector, size):
    live, port = projector
    requests: list[str] = []
    page = open_page(browser, port, size, requests)
    width, height = size

    slide = grid_when(page, lambda g: "Dagens program" in g["text"], "the slide is shown")
    assert slide["lang"] == "da"
    assert slide["cellHeight"] >= SMALLEST_LETTER_SHARE * height, slide
    assert 80 <= slide["cols"] <= 160 and 24 <= slide["rows"] <= 40, "about 100 × 30 cells"

    board_page = page_of(live, "sorting")
    live.go_to(board_page)
    segment = live.pages[board_page].segment
    state = live.exercises.state(segment)
    for text in BOARD_ITEMS:
        state = state.add(text, 0)
    live.exercises.save(segment, dataclasses.replace(state, selected=0))  # the list's top
    board = grid_when(
        page,
        lambda g: "▼" in g["text"] and g["qrColumns"] > 0,
        "a cut list says how many more, beside the code",
    )
    assert "mere" in board["text"]
    assert 0 < board["qrColumns"] * board["cellWidth"] <= LARGEST_QR_SHARE * width, board
    for item in set(BOARD_ITEMS):
        for word in item.split():
            for row in board["text"].splitlines():
                assert not _broken(word, row), f"{word!r} broken in {row!r}"

    outside = {urlsplit(url).netloc for url in requests} - {f"127.0.0.1:{port}"}
    assert not outside, f"requests left this computer: {outside}"
    assert any(url.endswith(".ttf") for url in requests), "the font comes from here"
    page.close()


def _broken(word: str, row: str) -> bool:
    """Whether `row` ends with the first part of `word` cut off mid-word."""
    if len(word) < 4:
        return False
    stripped = row.rstrip()
    for cut in range(2, len(word) - 1):
        head = word[:cut]
        if stripped.endswith(" " + head) and not stripped.endswith(" " + word):
            return True
    return False


def big_rows(grid: dict) -> list[str]:
    return [row for row in grid["text"].splitlines() if "█" in row or "▀" in row]


def test_a_return_time_as_large_as_the_countdown(browser, projector):
    live, port = projector
    requests: list[str] = []
    page = open_page(browser, port, (1920, 1080), requests)
    position = next(i for i, p in enumerate(live.pages) if p.segment.kind.value == "break")
    live.go_to(position)
    live.enter_page()
    # A frame reaches xterm.js in pieces: the label may be drawn a moment before the digits
    # under it, so the test waits for the whole frame rather than reading the first piece.
    grid_when(
        page,
        lambda g: "Vi starter igen kl." in g["text"] and len(big_rows(g)) >= 2 * 3,
        "two big numbers: the return time and the countdown",
    )
    page.close()


def test_the_type_grows_when_the_window_does(browser, projector):
    """Going full screen (F11) or dragging the window to the projector makes it bigger: the
    letters grow with it, the grid stays about the same."""
    _live, port = projector
    page = open_page(browser, port, (1280, 720), [])
    small = grid_when(page, lambda g: "Dagens program" in g["text"], "the slide is shown")
    page.set_viewport_size({"width": 1920, "height": 1080})
    large = grid_when(
        page, lambda g: g["cellHeight"] > small["cellHeight"] * 1.3, "the letters grew"
    )
    assert abs(large["rows"] - small["rows"]) <= 3 and "Dagens program" in large["text"]
    page.close()
