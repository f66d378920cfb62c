"""What the benchmark runs in fresh interpreters, so that imports count: each child does one
thing, prints one JSON line per result on stdout, and exits.

    python -m tests.perf.children KIND ARGS…

Nothing here is imported by the parent: it only starts these as processes.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

SIZE = (120, 40)
BARE_DOCUMENT = """# Hvad er social støtte?

- Vi hjælper hinanden med opgaverne
- Vi vejleder og giver sparring
- Vi bakker op, når det er svært
- I bred forstand: accept, tillid og anerkendelse
"""


def say(**values: Any) -> None:
    print(json.dumps(values), flush=True)


def rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def bare_app() -> Any:
    """The floor Textual sets: a Header, a Markdown document and a Footer."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Markdown

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Markdown(BARE_DOCUMENT)
            yield Footer()

    return Bare()


async def until(condition: Callable[[], bool], pilot: Any) -> None:
    while not condition():
        await asyncio.sleep(0.002)
    await pilot.pause()


# -- the first screen and the memory after it -------------------------------------------------


def first_screen(kind: str, data_dir: str) -> None:
    """Launch → first screen painted, as the command line starts it."""
    from textual.app import App

    async def ready(pilot: Any) -> None:
        app = pilot.app
        if kind == "bare":
            await until(lambda: bool(app.query("MarkdownBlock")), pilot)
        else:
            await until(lambda: _start_screen_filled(app), pilot)
        say(ready=time.time(), rss_kib=rss_kib())
        app.exit()

    original = App.run

    def run_headless(self: Any, *args: Any, **kwargs: Any) -> Any:
        return original(self, headless=True, size=SIZE, auto_pilot=ready)

    App.run = run_headless  # type: ignore[method-assign]
    if kind == "bare":
        bare_app().run()
    else:
        from tui.cli import main

        main(["--data-dir", data_dir])


def _start_screen_filled(app: Any) -> bool:
    if type(app.screen).__name__ != "StartScreen":
        return False
    themes = app.screen.query("#themes")
    return bool(themes) and themes.first().option_count > 0


# -- idle: a countdown running, nothing typed ------------------------------------------------


def idle(kind: str, data_dir: str, session_id: str, seconds: float) -> None:
    """CPU used over `seconds` once ready (the console waits for the room view to exist)."""
    if kind == "bare":
        app = bare_app()
        ready: Callable[[Any], bool] = lambda a: bool(a.query("MarkdownBlock"))  # noqa: E731
    elif kind == "room":
        app = _room_app(data_dir, None)  # as `oplaeg projector` runs: following the console
        ready = lambda a: bool(a.screen.query("#room-stage"))  # noqa: E731
    else:
        app = _console_app(data_dir, session_id)
        ready = _console_with_room

    async def measure(pilot: Any) -> None:
        await until(lambda: ready(pilot.app), pilot)
        await asyncio.sleep(2.0)  # let start-up work settle
        wall, cpu = time.monotonic(), time.process_time()
        await asyncio.sleep(seconds)
        used = time.process_time() - cpu
        say(cpu_share=used / (time.monotonic() - wall))
        pilot.app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=measure)


def _console_with_room(app: Any) -> bool:
    screen = app.screen
    return type(screen).__name__ == "PresenterScreen" and bool(screen.console)


def _console_app(data_dir: str, session_id: str, layout: str = "auto") -> Any:
    """The consultant's app on the session's first timed exercise step, its countdown running."""
    from sessions.clock import SystemClock
    from sessions.repository import SessionRepository
    from tests.perf.workload import library
    from tui.app import OplaegApp

    clock = SystemClock()
    folder = Path(data_dir)
    repository = SessionRepository(folder, clock)
    themes = library(folder)
    from sessions.live import LiveSession

    live = LiveSession.open(repository, themes, session_id, clock)
    timed = next(
        i for i, p in enumerate(live.pages) if p.seconds and p.segment.kind.value == "exercise"
    )
    live.go_to(timed)
    page = live.page
    assert page.seconds is not None
    live.timers.reset(page.key, page.seconds)
    live.timers.start(page.key, page.seconds)
    return OplaegApp(themes, repository, live=live, clock=clock, offer_resume=False, layout=layout)


def _room_app(data_dir: str, session_id: str | None) -> Any:
    from sessions.repository import SessionRepository
    from tests.perf.workload import library
    from tui.room import RoomApp

    folder = Path(data_dir)
    from sessions.clock import SystemClock

    return RoomApp(SessionRepository(folder, SystemClock()), library(folder), session_id)


# -- the room view following the console -----------------------------------------------------


def follow(data_dir: str, session_id: str) -> None:
    """The room view; one line each time it has painted a page it was not showing before, or
    a countdown that started or stopped."""
    from tui.widgets.countdown_display import CountdownDisplay
    from tui.widgets.stage import Stage

    shown: dict[str, object] = {}
    original = Stage.show

    def show(self: Stage, page: Any) -> None:
        original(self, page)
        position = self.live.position
        if shown.get("position") != position:
            shown["position"] = position
            self.app.call_after_refresh(lambda: say(position=position, at=time.time()))

    Stage.show = show  # type: ignore[method-assign]
    original_tick = CountdownDisplay.tick

    def tick(self: CountdownDisplay) -> None:
        original_tick(self)
        running = self.running
        if shown.get("running") != running:
            shown["running"] = running
            self.app.call_after_refresh(lambda: say(running=running, at=time.time()))

    CountdownDisplay.tick = tick  # type: ignore[method-assign]

    async def ready(pilot: Any) -> None:
        await until(lambda: bool(pilot.app.screen.query("#room-stage")), pilot)
        say(ready=True)
        while (await asyncio.to_thread(sys.stdin.readline)).strip() not in ("quit", ""):
            pass
        pilot.app.exit()

    _room_app(data_dir, session_id).run(headless=True, size=SIZE, auto_pilot=ready)


# -- a countdown against the wall clock ------------------------------------------------------


def drift(data_dir: str, session_id: str, seconds: float) -> None:
    """Start a `seconds` countdown in the presenter; report when the screen shows it ended,
    against when the wall clock says it should."""
    from sessions.agenda.countdown import CountdownStage
    from tui.widgets.countdown_display import CountdownDisplay

    app = _console_app(data_dir, session_id, layout="single")
    live = app._initial  # the session the app was given
    page = live.page
    assert page.seconds is not None
    live.timers.reset(page.key, page.seconds)
    started = time.time()
    live.timers.adjust(page.key, page.seconds, seconds - page.seconds)
    live.timers.start(page.key, page.seconds)
    due = started + seconds
    ended: list[float] = []
    original = CountdownDisplay.tick

    def tick(self: CountdownDisplay) -> None:
        original(self)
        countdown = self._source()
        if not ended and countdown is not None and countdown.stage() is CountdownStage.DONE:
            ended.append(time.time())

    CountdownDisplay.tick = tick  # type: ignore[method-assign]

    async def wait(pilot: Any) -> None:
        while not ended:
            await asyncio.sleep(0.05)
        say(drift=ended[0] - due, seconds=seconds)
        pilot.app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=wait)


# -- export -----------------------------------------------------------------------------------


def export(data_dir: str, session_id: str) -> None:
    """Seconds to export the session in each format (the first call loads the exporter)."""
    from sessions.clock import SystemClock
    from sessions.export import FORMATS, export_session
    from sessions.repository import SessionRepository

    repository = SessionRepository(Path(data_dir), SystemClock())
    _, store = repository.open(session_id, readonly=True)
    for name in FORMATS:
        begin = time.perf_counter()
        export_session(store, name, include_private=True)
        say(format=name, seconds=time.perf_counter() - begin)
    store.close()


def keys(kind: str, data_dir: str, session_id: str, count: int) -> None:
    from tests.perf.keypresses import run

    run(kind, data_dir, session_id, count)


CHILDREN: dict[str, Callable[..., None | Awaitable[None]]] = {
    "first-screen": first_screen,
    "idle": idle,
    "follow": follow,
    "drift": drift,
    "export": export,
    "keys": keys,
}

if __name__ == "__main__":
    name, *arguments = sys.argv[1:]
    function = CHILDREN[name]
    converted: list[Any] = [
        float(a) if a.replace(".", "", 1).isdigit() and name in ("idle", "drift") else a
        for a in arguments
    ]
    if name == "keys":
        converted[-1] = int(arguments[-1])
    function(*converted)
