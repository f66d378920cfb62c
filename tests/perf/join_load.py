"""Load test of joining: simulated phones answer a scale at once against the console's
participant server on loopback, while the countdown runs and a room view (another process)
follows the session.

    python tests/perf/join_load.py [--phones 60] [--statements 8] [--repeats 1]

Three processes, as in a room: the console (the real app, headless, with its server and a
running countdown), the room view (the real `RoomApp`, headless, polling the session's files),
and the phones (aiohttp clients, each with its own cookie). Every phone opens the page, then all
answer every statement as fast as they can. Measured: POST → 303 (the answer is fsynced before
the 303; each phone then loads its page again, as a browser does, before its next answer),
stored → the room view's repaint shows it, POST → room view, the console's event loop
(a 50 ms probe) and the countdown's ticks. Checked: every answer saved, none twice, p95 from POST
to the room view ≤ 500 ms, the countdown never stalls. Each phone has a loopback address of its
own (127.0.1.1 …), as phones on a LAN have.

Against a baseline measured in the same run, alternating: a bare aiohttp server (a process of
its own) doing the same exchange — a page that sets a cookie, a post appended to a file and
fsynced (answers arriving together share one fsync) before its 303 — answered by the same phones.
Printed as ratios: POST → 303 p50 and p95, oplaeg / bare (issue #28's target: p95 ≤ 2× at 300
phones), and the countdown's largest gap between two seconds (target ≤ 1.05 s). A measurement:
nothing in the default suite asserts these timings. Traffic goes to 127.0.0.1 only; counts and
times are bounded. Not collected by pytest; `tests/tui/test_join_load.py` runs a tiny version.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

P95_LIMIT = 0.5
TICK_GAP_LIMIT = 1.5
"""The countdown shows a new second every second; 1.5 s between two would be a visible stall."""
COUNTDOWN_MARGIN = 1.5
"""Seconds before and after the burst in which the countdown's seconds are watched too."""
RUN_SECONDS = 60.0
"""No part of the run waits longer than this."""
SEGMENT = "skala"
FIXTURE = ROOT / "tests" / "fixtures" / "alle-oevelser.md"


# -- the theme: the test theme, with a scale of as many statements as asked ----------------------


def answer_id(entry: dict[str, object]) -> str:
    """One phone's answer to one statement, as the log stores it."""
    return f"{entry.get('segment_id')}:{entry.get('statement')}:{entry.get('key')}"


def stored_answers(store) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Every stored scale answer by `answer_id`, with its value."""
    from sessions.storage.tables import PHONE_ANSWERS_TABLE

    return {
        f"{doc['segment_id']}:{doc['statement']}:{key}": value
        for _, doc in store.items(PHONE_ANSWERS_TABLE)
        if doc.get("kind") == "scale"
        for key, value in doc["values"].items()
    }


def phone_address(number: int) -> str:
    """Each phone its own loopback address (127.0.1.1 …), as phones on a LAN have theirs."""
    return f"127.0.{1 + number // 250}.{1 + number % 250}"


def write_theme(folder: Path, statements: int) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    old = "- Jeg kan sige fra\n- Jeg får hjælp, når jeg beder om den\n"
    assert old in text
    new = "".join(f"- Udsagn nummer {n + 1}\n" for n in range(statements))
    text = text.replace(old, new).replace("id: alle-oevelser", "id: belastning")
    (folder / "belastning.md").write_text(text, encoding="utf-8")


def library_for(themes: Path):  # type: ignore[no-untyped-def]
    from sessions.theme.library import ThemeLibrary, ThemeOrigin, bundled_content_dir

    return ThemeLibrary([(bundled_content_dir(), ThemeOrigin.BUNDLED), (themes, ThemeOrigin.USER)])


# -- the room view: a separate process -------------------------------------------------------------


async def room_process(data: Path, themes: Path, session_id: str, out: Path, expected: int) -> None:
    """Follow the session like `oplaeg projector`; note when each answer first shows."""
    from sessions.clock import SystemClock
    from sessions.repository import SessionRepository
    from sessions.storage.changes import Part
    from tui.room import RoomApp, RoomScreen

    seen: dict[str, float] = {}
    original = RoomScreen.watch_changes

    def show(screen: RoomScreen, parts: Part) -> None:
        """A change reached the room view's screen (its stage repaints in the same batch)."""
        original(screen, parts)
        now = time.monotonic()
        if screen.live is not None:
            for doc_id in stored_answers(screen.live.store):
                seen.setdefault(doc_id, now)

    RoomScreen.watch_changes = show  # type: ignore[method-assign]
    clock = SystemClock()
    app = RoomApp(SessionRepository(data, clock), library_for(themes), session_id, clock=clock)
    deadline = time.monotonic() + RUN_SECONDS
    async with app.run_test(headless=True, size=(160, 45)) as pilot:
        await pilot.pause()
        out.with_suffix(".ready").write_text("ready")
        while len(seen) < expected and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
    out.write_text(json.dumps(seen))


# -- the phones: a separate process ----------------------------------------------------------------


async def phones_process(url: str, phones: int, statements: int, out: Path) -> None:
    import aiohttp
    import yarl

    from tui.phones.server import COOKIE

    clients = [
        aiohttp.ClientSession(
            cookie_jar=aiohttp.CookieJar(unsafe=True),
            connector=aiohttp.TCPConnector(local_addr=(phone_address(number), 0)),
        )
        for number in range(phones)
    ]
    go = asyncio.Event()
    results: list[dict[str, object]] = []

    async def phone(number: int, client: aiohttp.ClientSession) -> None:
        async with client.get(url) as response:
            await response.read()
        cookie = client.cookie_jar.filter_cookies(yarl.URL(url))[COOKIE].value
        await go.wait()
        for statement in range(statements):
            value = 1 + (number + statement) % 5
            started = time.monotonic()
            async with client.post(
                f"{url}/answer",
                data={
                    "kind": "scale",
                    "segment": SEGMENT,
                    "statement": str(statement),
                    "value": str(value),
                },
                allow_redirects=False,
            ) as response:
                await response.read()
                answered = time.monotonic()
                location = response.headers.get("Location", "")
                results.append(
                    {
                        "cookie": cookie,
                        "statement": statement,
                        "value": value,
                        "started": started,
                        "answered": answered,
                        "status": response.status,
                        "location": location,
                    }
                )
            if location:  # as a browser does: the page again, then the next answer
                async with client.get(url.rsplit("/", 1)[0] + location) as page:
                    await page.read()

    try:
        tasks = [asyncio.create_task(phone(n, c)) for n, c in enumerate(clients)]
        await asyncio.sleep(0.5)  # every page open first, as when the room has scanned the code
        go.set()
        await asyncio.wait_for(asyncio.gather(*tasks), RUN_SECONDS)
    finally:
        for client in clients:
            await client.close()
    out.write_text(json.dumps(results))


# -- the baseline: a bare aiohttp server doing the same fsynced exchange --------------------------


async def bare_server(url_file: Path, folder: Path) -> None:
    """What the phones' exchange costs without oplaeg: the page (a fixed one of similar size,
    setting a cookie), and a post whose answer is appended to a file and fsynced before its
    303 (answers arriving together share one fsync). Runs until killed (bounded)."""
    import os

    from aiohttp import web

    from tui.phones.server import COOKIE

    token = "baretokn"
    page = "<!doctype html><html><body>" + "<p>Udsagn</p>" * 200 + "</body></html>"
    fd = os.open(folder / "bare.jsonl", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    waiting: list[asyncio.Future[None]] = []
    lines: list[bytes] = []

    def write() -> None:
        done, chunk = list(waiting), b"".join(lines)
        waiting.clear()
        lines.clear()
        os.write(fd, chunk)
        os.fsync(fd)
        for future in done:
            future.set_result(None)

    async def get(request: web.Request) -> web.Response:
        response = web.Response(text=page, content_type="text/html")
        if COOKIE not in request.cookies:
            response.set_cookie(COOKIE, os.urandom(8).hex(), path=f"/{token}")
        return response

    async def post(request: web.Request) -> web.Response:
        form = await request.post()
        lines.append(json.dumps(dict(form)).encode() + b"\n")
        done = asyncio.get_running_loop().create_future()
        waiting.append(done)
        if len(waiting) == 1:
            asyncio.get_running_loop().call_soon(write)
        await done
        return web.Response(status=303, headers={"Location": f"/{token}?n=saved"})

    app = web.Application()
    app.router.add_get(f"/{token}", get)
    app.router.add_post(f"/{token}/answer", post)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    url_file.write_text(f"http://127.0.0.1:{port}/{token}")
    await asyncio.sleep(RUN_SECONDS * 2)
    await runner.cleanup()


async def run_bare(phones: int, statements: int) -> list[float]:
    """POST → 303 of the same phones against the bare server (both in processes of their own)."""
    script = str(Path(__file__).resolve())
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        url_file, out = folder / "url", folder / "phones.json"
        server = await asyncio.create_subprocess_exec(
            sys.executable, script, "--bare-server", str(url_file), str(folder), cwd=str(ROOT)
        )
        try:
            deadline = time.monotonic() + RUN_SECONDS
            while not url_file.exists() and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            phones_run = await asyncio.create_subprocess_exec(
                sys.executable, script, "--phones-run", url_file.read_text(), str(phones),
                str(statements), str(out), cwd=str(ROOT),
            )  # fmt: skip
            await asyncio.wait_for(phones_run.wait(), RUN_SECONDS)
        finally:
            server.kill()
            await server.wait()
        posts = json.loads(out.read_text()) if out.exists() else []
    return [float(p["answered"]) - float(p["started"]) for p in posts]


# -- the console: this process ---------------------------------------------------------------------


@dataclass
class LoadReport:
    phones: int
    statements: int
    posts: list[dict[str, object]] = field(default_factory=list)
    stored_at: dict[str, float] = field(default_factory=dict)
    seen_at: dict[str, float] = field(default_factory=dict)
    expected_ids: dict[str, int] = field(default_factory=dict)
    stored_docs: dict[str, dict[str, object]] = field(default_factory=dict)
    stored_twice: int = 0
    batches: int = 0
    probe_gaps: list[float] = field(default_factory=list)
    tick_gaps: list[float] = field(default_factory=list)
    countdown_shown: list[str] = field(default_factory=list)

    @property
    def answers(self) -> int:
        return self.phones * self.statements

    def post_to_stored(self) -> list[float]:
        return [float(p["answered"]) - float(p["started"]) for p in self.posts]  # type: ignore[arg-type]

    def _by_id(self) -> dict[str, dict[str, object]]:
        return {str(p["doc_id"]): p for p in self.posts}

    def stored_to_seen(self) -> list[float]:
        return [self.seen_at[i] - t for i, t in self.stored_at.items() if i in self.seen_at]

    def post_to_seen(self) -> list[float]:
        posts = self._by_id()
        return [t - float(posts[i]["started"]) for i, t in self.seen_at.items() if i in posts]  # type: ignore[arg-type]

    def problems(self) -> list[str]:
        found = []
        saved = [p for p in self.posts if p["status"] == 303 and "n=saved" in str(p["location"])]
        if len(saved) != self.answers:
            found.append(f"{self.answers - len(saved)} answers were not saved")
        if set(self.stored_docs) != set(self.expected_ids) or self.stored_twice:
            found.append("the stored answers are not one per phone and statement")
        wrong = [
            i for i, v in self.expected_ids.items() if self.stored_docs.get(i, {}).get("value") != v
        ]
        if wrong:
            found.append(f"{len(wrong)} stored values differ from what was sent")
        if len(self.seen_at) != self.answers:
            found.append(f"the room view showed {len(self.seen_at)} of {self.answers} answers")
        latency = self.post_to_seen()
        if latency and percentile(latency, 95) > P95_LIMIT:
            found.append(f"p95 POST → room view {percentile(latency, 95) * 1000:.0f} ms > 500 ms")
        if not self.tick_gaps or max(self.tick_gaps) > TICK_GAP_LIMIT:
            found.append("the countdown stalled")
        if len(set(self.countdown_shown)) < 2:
            found.append("the countdown did not move")
        return found


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


async def run_load(phones: int = 60, statements: int = 8, folder: Path | None = None) -> LoadReport:
    """One load run in a fresh data folder (a temporary one unless given)."""
    from sessions.clock import SystemClock
    from sessions.live import LiveSession
    from sessions.models import SessionDetails
    from sessions.repository import SessionRepository
    from sessions.storage.locations import prepare_data_dir
    from sessions.storage.tables import PHONE_ANSWERS_TABLE
    from tui.app import OplaegApp
    from tui.join_options import JoinOptions
    from tui.widgets.countdown_display import CountdownDisplay

    with tempfile.TemporaryDirectory() as scratch:
        base = folder or Path(scratch)
        themes = base / "themes-extra"
        themes.mkdir(parents=True, exist_ok=True)
        write_theme(themes, statements)
        data = prepare_data_dir(base / "data")
        clock = SystemClock()
        repository = SessionRepository(data, clock)
        library = library_for(themes)
        theme = library.get("belastning")
        details = SessionDetails("Belastning", "2026-11-24", "13:00", "", phones, 90)
        info, store = repository.create(theme, details)
        live = LiveSession(repository, info, store, theme, clock)
        live.nav.start()
        live.nav.go_to(
            next(i for i, p in enumerate(live.pages) if p.segment.id == SEGMENT and p.index == 0)
        )
        report = LoadReport(phones, statements)
        app = OplaegApp(
            library,
            repository,
            live,
            clock,
            offer_resume=False,
            layout="console",
            join=JoinOptions(host="127.0.0.1"),
        )
        async with app.run_test(headless=True, size=(160, 45)) as pilot:
            await pilot.pause()
            await app.join.start()
            server = app.join.server
            assert server is not None
            await pilot.press("t")  # the countdown runs through the load

            log, store = live.answers.log, live.store
            begin, written = log._begin, store.current_written
            in_flight: list[list[str]] = []

            def begin_write():  # type: ignore[no-untyped-def]
                batch = begin()
                if batch is not None:
                    in_flight.append(
                        [f"{k[0]}:{k[1]}:{k[2]}" for what, k, _, _ in batch[1] if what == "scale"]
                    )
                return batch

            def stored(table: str, payload: bytes) -> None:
                """Note when each answer is on disk (a write at a time)."""
                written(table, payload)
                if table == PHONE_ANSWERS_TABLE and in_flight:
                    now = time.monotonic()
                    for doc_id in in_flight.pop(0):
                        report.stored_at.setdefault(doc_id, now)
                    report.batches += 1

            log._begin = begin_write  # type: ignore[method-assign]
            store.current_written = stored  # type: ignore[method-assign]
            probes: list[float] = []
            display = app.screen.query_one(CountdownDisplay)

            def probe() -> None:
                """Every 50 ms: is the loop on time, and what does the countdown show?"""
                now = time.monotonic()
                probes.append(now)
                shown = str(display.digits)
                if not report.countdown_shown or report.countdown_shown[-1] != shown:
                    report.countdown_shown.append(shown)
                    ticks.append(now)

            ticks: list[float] = []
            app.set_interval(0.05, probe)

            work = base / "out"
            work.mkdir(exist_ok=True)
            room_out, phones_out = work / "room.json", work / "phones.json"
            script = str(Path(__file__).resolve())
            room = await asyncio.create_subprocess_exec(
                sys.executable, script, "--room", str(data), str(themes), info.id,
                str(room_out), str(phones * statements), cwd=str(ROOT),
            )  # fmt: skip
            deadline = time.monotonic() + RUN_SECONDS
            while not room_out.with_suffix(".ready").exists() and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            started = time.monotonic()
            phones_run = await asyncio.create_subprocess_exec(
                sys.executable, script, "--phones-run", server.url, str(phones),
                str(statements), str(phones_out), cwd=str(ROOT),
            )  # fmt: skip
            await asyncio.wait_for(phones_run.wait(), RUN_SECONDS)
            await asyncio.wait_for(room.wait(), RUN_SECONDS)
            finished = time.monotonic()
            await asyncio.sleep(COUNTDOWN_MARGIN)  # the countdown's seconds around the burst
            report.posts = json.loads(phones_out.read_text()) if phones_out.exists() else []
            report.seen_at = json.loads(room_out.read_text()) if room_out.exists() else {}
            for post in report.posts:
                statement = int(post["statement"])  # type: ignore[call-overload]
                key = server.service.devices.key(str(post["cookie"]), SEGMENT, statement)
                doc_id = f"{SEGMENT}:{statement}:{key}"
                post["doc_id"] = doc_id
                report.expected_ids[doc_id] = int(post["value"])  # type: ignore[call-overload]
            report.stored_docs = {
                doc_id: {"value": value} for doc_id, value in stored_answers(live.store).items()
            }
            report.stored_twice = 0  # one value per phone and statement, by construction
            during = [t for t in probes if started <= t <= finished]
            report.probe_gaps = [b - a for a, b in zip(during, during[1:], strict=False)]
            around = (started - COUNTDOWN_MARGIN, finished + COUNTDOWN_MARGIN)
            during_ticks = [t for t in ticks if around[0] <= t <= around[1]]
            report.tick_gaps = [b - a for a, b in zip(during_ticks, during_ticks[1:], strict=False)]
        return report


def table(report: LoadReport) -> str:
    def row(name: str, values: list[float]) -> str:
        if not values:
            return f"| {name} | 0 | – | – | – |"
        p50, p95, top = (
            statistics.median(values) * 1000,
            percentile(values, 95) * 1000,
            max(values) * 1000,
        )
        return f"| {name} | {len(values)} | {p50:.0f} ms | {p95:.0f} ms | {top:.0f} ms |"

    saved = sum(1 for p in report.posts if "n=saved" in str(p["location"]))
    lines = [
        f"{report.phones} phones × {report.statements} statements = {report.answers} answers; "
        f"saved {saved}, stored {len(report.stored_docs)} (one per phone and statement: "
        f"{set(report.stored_docs) == set(report.expected_ids) and not report.stored_twice}) "
        f"in {report.batches} writes, seen by the room view {len(report.seen_at)}",
        "",
        "| measure | n | p50 | p95 | max |",
        "|---|---|---|---|---|",
        row("POST → 303 (stored, fsynced)", report.post_to_stored()),
        row("stored → room view repaint", report.stored_to_seen()),
        row("POST → room view repaint", report.post_to_seen()),
        row("console loop: gap between 50 ms probes", report.probe_gaps),
        row("countdown: time between its seconds", report.tick_gaps),
    ]
    return "\n".join(lines)


def ratio_line(run: int, ours: list[float], bare: list[float], gaps: list[float]) -> str:
    if not ours or not bare:
        return f"| {run} | – | – | – | – | – |"
    p50, b50 = statistics.median(ours), statistics.median(bare)
    p95, b95 = percentile(ours, 95), percentile(bare, 95)
    return (
        f"| {run} | {p50 * 1000:.0f} / {b50 * 1000:.0f} ms | {p50 / b50:.2f}× | "
        f"{p95 * 1000:.0f} / {b95 * 1000:.0f} ms | {p95 / b95:.2f}× | "
        f"{max(gaps, default=0):.2f} s |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=60)
    parser.add_argument("--statements", type=int, default=8)
    parser.add_argument("--room", nargs=5, metavar=("DATA", "THEMES", "SESSION", "OUT", "N"))
    parser.add_argument("--phones-run", nargs=4, metavar=("URL", "PHONES", "STATEMENTS", "OUT"))
    parser.add_argument("--bare-server", nargs=2, metavar=("URL_FILE", "FOLDER"))
    parser.add_argument(
        "--repeats", type=int, default=1, help="runs of oplaeg and the bare server, alternating"
    )
    args = parser.parse_args()
    if args.bare_server:
        url_file, folder = args.bare_server
        asyncio.run(bare_server(Path(url_file), Path(folder)))
        return 0
    if args.room:
        data, themes, session_id, out, expected = args.room
        asyncio.run(room_process(Path(data), Path(themes), session_id, Path(out), int(expected)))
        return 0
    if args.phones_run:
        url, phones, statements, out = args.phones_run
        asyncio.run(phones_process(url, int(phones), int(statements), Path(out)))
        return 0
    if not 1 <= args.phones <= 300 or not 1 <= args.statements <= 9:
        parser.error("at most 300 phones and 9 statements")
    ratios: list[str] = []
    problems: list[str] = []
    for repeat in range(max(1, args.repeats)):
        bare = asyncio.run(run_bare(args.phones, args.statements))
        report = asyncio.run(run_load(args.phones, args.statements))
        print(table(report))
        ours = report.post_to_stored()
        gaps = report.tick_gaps
        ratios.append(ratio_line(repeat + 1, ours, bare, gaps))
        problems += report.problems()
    print()
    print(
        "| run | POST → 303 p50 oplaeg / bare | ratio | p95 oplaeg / bare | ratio "
        "(target ≤ 2×) | countdown max gap (target ≤ 1.05 s) |"
    )
    print("|---|---|---|---|---|---|")
    print("\n".join(ratios))
    for problem in problems:
        print(f"FAIL: {problem}")
    print("OK" if not problems else "")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
