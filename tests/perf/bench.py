"""Benchmarks for oplaeg, each against a baseline measured in the same run.

    python tests/perf/bench.py [--runs 7] [--cpu-seconds 60]

Prints:
- start-up: launch → first usable start screen, against a bare Textual app showing one
  Markdown document (target ≤ 1.05×);
- note latency: Enter on a note → durable on disk, with 1,000 notes already in the session,
  median and worst, against a plain append + fsync of the same bytes (target ≤ 2×); measured
  both for the storage call alone and through the UI (Pilot pressing Enter in the form);
- peak memory at the presenter against the bare app (target ≤ 1.3×);
- CPU used while a countdown runs, as a share of one core (target ≤ 1 %), beside the bare
  app idling for the same time.

Not part of the test suite: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

# What a bare app shows: one slide-sized Markdown document, like oplaeg's own slides.
BARE_DOCUMENT = """# Hvad er social støtte?

- Vi hjælper hinanden med opgaverne
- Vi vejleder og giver sparring
- Vi bakker op, når det er svært
- I bred forstand: accept, tillid og anerkendelse
"""


# -- children: each run in a fresh interpreter, so imports count ---------------------------


def child_bare(mode: str, seconds: float) -> None:
    from textual.app import App
    from textual.widgets import Markdown

    class Bare(App[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Markdown(BARE_DOCUMENT)

        def on_mount(self) -> None:
            self.call_after_refresh(self._measure)

        def _measure(self) -> None:
            report(mode, seconds, self)

    Bare().run(headless=True, size=(120, 40))


def child_oplaeg(mode: str, seconds: float, data_dir: str) -> None:
    from sessions.clock import SystemClock
    from sessions.repository import SessionRepository
    from sessions.theme.library import library_for as make_library
    from tui.app import OplaegApp, open_live_session

    clock = SystemClock()
    library = make_library(Path(data_dir), None)
    repository = SessionRepository(Path(data_dir), clock)
    live = None
    if mode != "startup":
        (summary,) = repository.list()
        live = open_live_session(library, repository, summary.id, clock)
        if mode == "cpu":
            live.go_to(next(i for i, p in enumerate(live.pages) if p.seconds))
            countdown = live.countdown()
            assert countdown is not None
            countdown.start()
            live.save_countdown()
    app = OplaegApp(library, repository, live=live, clock=clock, offer_resume=False)
    wanted = "StartScreen" if mode == "startup" else "PresenterScreen"

    async def wait_until_ready(pilot):  # type: ignore[no-untyped-def]
        while type(app.screen).__name__ != wanted:
            await asyncio.sleep(0.001)
        await pilot.pause()
        report(mode, seconds, app)

    app.run(headless=True, size=(120, 40), auto_pilot=wait_until_ready)


def report(mode: str, seconds: float, app) -> None:  # type: ignore[no-untyped-def]
    """Print what the parent measures, then exit the app."""
    if mode == "cpu":
        start_cpu = time.process_time()

        def done() -> None:
            used = time.process_time() - start_cpu
            print(json.dumps({"cpu_share": used / seconds}), flush=True)
            app.exit()

        app.set_timer(seconds, done)
        return
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"ready": time.time(), "rss_kib": rss_kib}), flush=True)
    app.exit()


# -- the parent ------------------------------------------------------------------------------


def run_child(kind: str, mode: str, seconds: float = 0.0, data_dir: str = "") -> dict[str, float]:
    started = time.time()
    result = subprocess.run(
        [sys.executable, __file__, "--child", kind, mode, str(seconds), data_dir],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("{"))
    data = json.loads(line)
    if "ready" in data:
        data["startup"] = data["ready"] - started
    return data


def make_session(data_dir: Path, notes: int) -> str:
    from sessions.clock import SystemClock
    from sessions.live import LiveSession
    from sessions.models import SessionDetails
    from sessions.repository import SessionRepository
    from sessions.storage.locations import prepare_data_dir
    from sessions.theme.library import library_for as make_library
    from tests.sessions_helpers import add_note

    prepare_data_dir(data_dir)
    library = make_library(data_dir, None)
    repository = SessionRepository(data_dir, SystemClock())
    theme = library.get("social-stoette")
    details = SessionDetails("Bench", "2026-11-24", "13:00", "B", 12, 90)
    info, store = repository.create(theme, details)
    live = LiveSession(repository, info, store, theme, SystemClock())
    for number in range(notes):
        add_note(live, f"Note nummer {number}: vi hjælper hinanden, når det brænder på.")
    live.close()
    return info.id


def note_latency(data_dir: Path, samples: int) -> tuple[list[float], list[float]]:
    """Seconds per `add_note` with 1,000 notes present, and per append+fsync of the same line."""
    from sessions.clock import SystemClock
    from sessions.repository import SessionRepository
    from sessions.theme.library import library_for as make_library
    from tests.sessions_helpers import add_note
    from tui.app import open_live_session

    repository = SessionRepository(data_dir, SystemClock())
    (summary,) = repository.list()
    live = open_live_session(make_library(data_dir, None), repository, summary.id, SystemClock())
    text = "En ny note fra gruppen: vi aftaler at spørge hinanden om hjælp, før det brænder på."
    ours: list[float] = []
    for _ in range(samples):
        begin = time.perf_counter()
        add_note(live, text)
        ours.append(time.perf_counter() - begin)
    line = (live.store._journal.path.read_bytes().splitlines()[-1]) + b"\n"
    live.close()
    baseline: list[float] = []
    with open(data_dir / "baseline.jsonl", "ab") as handle:
        for _ in range(samples):
            begin = time.perf_counter()
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
            baseline.append(time.perf_counter() - begin)
    return ours, baseline


async def ui_note_latency(data_dir: Path, samples: int) -> list[float]:
    """Seconds from Enter in the note form until the note is in the journal, via Pilot."""
    from textual import events

    from sessions.clock import SystemClock
    from sessions.repository import SessionRepository
    from sessions.theme.library import library_for as make_library
    from tui.app import OplaegApp, open_live_session
    from tui.screens.note_form import NoteForm

    clock = SystemClock()
    library = make_library(data_dir, None)
    repository = SessionRepository(data_dir, clock)
    (summary,) = repository.list()
    live = open_live_session(library, repository, summary.id, clock)
    app = OplaegApp(library, repository, live=live, clock=clock, offer_resume=False)
    durable_at: list[float] = []
    add_note = live.add_note

    def timed_add_note(*args, **kwargs):  # type: ignore[no-untyped-def]
        note = add_note(*args, **kwargs)  # returns once the journal line is fsynced
        durable_at.append(time.perf_counter())
        return note

    live.add_note = timed_add_note  # type: ignore[method-assign]
    results: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(samples):
            await pilot.press("n")
            app.screen.query_one("NoteTextArea").insert("Ny note fra gruppen")  # type: ignore[attr-defined]
            await pilot.pause()
            assert isinstance(app.screen, NoteForm)
            form = app.screen
            begin = time.perf_counter()
            form.post_message(events.Key("enter", "\r"))  # what the terminal driver sends
            while len(durable_at) <= len(results):
                await asyncio.sleep(0)
            results.append(durable_at[-1] - begin)
            await pilot.pause()
    return results


def ms(value: float) -> str:
    return f"{value * 1000:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--cpu-seconds", type=float, default=60.0)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        make_session(data_dir, 1000)

        startups = {"bare": [], "oplaeg": []}  # type: dict[str, list[float]]
        memory = {"bare": [], "oplaeg": []}  # type: dict[str, list[float]]
        for _ in range(args.runs):  # interleaved, so a busy moment hits both
            startups["bare"].append(run_child("bare", "startup")["startup"])
            startups["oplaeg"].append(run_child("oplaeg", "startup", 0, str(data_dir))["startup"])
            memory["bare"].append(run_child("bare", "memory")["rss_kib"])
            memory["oplaeg"].append(run_child("oplaeg", "presenter", 0, str(data_dir))["rss_kib"])
        bare_start = statistics.median(startups["bare"])
        our_start = statistics.median(startups["oplaeg"])
        print(
            f"start-up (median of {args.runs}): oplaeg {ms(our_start)}, bare Markdown app "
            f"{ms(bare_start)} → {our_start / bare_start:.2f}× (target ≤ 1.05×)"
        )

        bare_mem = statistics.median(memory["bare"])
        our_mem = statistics.median(memory["oplaeg"])
        print(
            f"peak memory at the presenter: oplaeg {our_mem / 1024:.1f} MiB, bare app "
            f"{bare_mem / 1024:.1f} MiB → {our_mem / bare_mem:.2f}× (target ≤ 1.3×)"
        )

        ours, baseline = note_latency(data_dir, args.samples)
        print(
            f"note → durable, storage call, 1,000+ notes (n={args.samples}): median "
            f"{ms(statistics.median(ours))} vs append+fsync {ms(statistics.median(baseline))} "
            f"→ {statistics.median(ours) / statistics.median(baseline):.2f}×; worst "
            f"{ms(max(ours))} vs {ms(max(baseline))} → {max(ours) / max(baseline):.2f}× "
            "(target ≤ 2×)"
        )
        ui = asyncio.run(ui_note_latency(data_dir, 50))
        ratio = statistics.median(ui) / statistics.median(baseline)
        print(
            f"note → durable, Enter in the form via Pilot (n=50): median "
            f"{ms(statistics.median(ui))} ({ratio:.2f}× append+fsync), worst {ms(max(ui))}"
        )

        bare_cpu = run_child("bare", "cpu", args.cpu_seconds)["cpu_share"]
        our_cpu = run_child("oplaeg", "cpu", args.cpu_seconds, str(data_dir))["cpu_share"]
        print(
            f"CPU over {args.cpu_seconds:.0f} s with a running countdown: "
            f"{our_cpu * 100:.2f} % of a core (bare app idle: {bare_cpu * 100:.2f} %) "
            "(target ≤ 1 %)"
        )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, mode, seconds = sys.argv[2], sys.argv[3], float(sys.argv[4])
        if kind == "bare":
            child_bare(mode, seconds)
        else:
            child_oplaeg(mode, seconds, sys.argv[5])
    else:
        main()
