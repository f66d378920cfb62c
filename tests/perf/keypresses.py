"""One keypress at a time through the real app (Pilot, headless), timed from the key until the
change is on disk and the screen has repainted. Run in a child process by the benchmark:

- `note`: Enter in the note form (the form was opened and typed in before the clock starts);
- `board`: `>` / `<` moving the selected item of the sorting board;
- `page`: the next page, back and forth over the agenda;
- `bare-page`: the floor for a page change: a bare Header + Markdown + Footer app replacing
  its Markdown with the next page's text.

Prints one JSON line: {"seconds": [...]}.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from tests.perf.children import SIZE, until


def run(kind: str, data_dir: str, session_id: str, count: int) -> None:
    if kind == "bare-page":
        app = _bare_pages(data_dir, session_id)
    else:
        app = _presenter(data_dir, session_id)
    samples: list[float] = []

    async def press(pilot: Any) -> None:
        app = pilot.app
        if kind == "bare-page":
            await until(lambda: bool(app.query("MarkdownBlock")), pilot)
        else:
            await until(lambda: type(app.screen).__name__ == "PresenterScreen", pilot)
        live = getattr(app, "live", None)
        notes_before = live.store.count("notes") if live is not None else 0
        forward = True
        for number in range(count):
            if kind == "note":
                await pilot.press("n")
                await until(lambda: type(app.screen).__name__ == "NoteForm", pilot)
                app.screen.query_one("NoteTextArea").insert(f"Ny note fra gruppen {number}")
                await pilot.pause()
                key = "enter"
            elif kind == "board":
                key = "greater_than_sign" if number % 2 == 0 else "less_than_sign"
            else:
                position = live.position if live is not None else app.position
                last = (len(live.pages) if live is not None else len(app.texts)) - 2
                if forward and position >= last or not forward and position <= 1:
                    forward = not forward
                key = "right" if forward else "left"
            begin = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            samples.append(time.perf_counter() - begin)
        if kind == "note":
            assert live is not None and live.store.count("notes") == notes_before + count
        print(json.dumps({"seconds": samples}), flush=True)
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=press)


def _presenter(data_dir: str, session_id: str) -> Any:
    """The consultant's console (the layout beside a room view: the notes list is shown)."""
    from sessions.clock import SystemClock
    from sessions.live import LiveSession
    from sessions.repository import SessionRepository
    from tests.perf.workload import library
    from tui.app import OplaegApp

    clock = SystemClock()
    folder = Path(data_dir)
    repository = SessionRepository(folder, clock)
    themes = library(folder)
    live = LiveSession.open(repository, themes, session_id, clock)
    return OplaegApp(
        themes, repository, live=live, clock=clock, offer_resume=False, layout="console"
    )


def _bare_pages(data_dir: str, session_id: str) -> Any:
    """A bare app stepping through the same pages' text with ← and →."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.widgets import Footer, Header, Markdown

    from tests.perf.workload import open_live

    live = open_live(Path(data_dir), session_id)
    texts = [_text(page) for page in live.pages]
    live.store.close()

    class BarePages(App[None]):
        BINDINGS = [Binding("right", "move(1)", "Next"), Binding("left", "move(-1)", "Back")]

        def __init__(self) -> None:
            super().__init__()
            self.texts = texts
            self.position = 0

        def compose(self) -> ComposeResult:
            yield Header()
            yield Markdown(texts[0])
            yield Footer()

        def action_move(self, step: int) -> None:
            self.position += step
            self.query_one(Markdown).update(self.texts[self.position])

    return BarePages()


def _text(page: Any) -> str:
    if page.slide is not None:
        return str(page.slide.body)
    if page.step is not None:
        return str(page.step.body)
    return str(page.segment.intro)
