"""The red team's attacks on the phones, rerun against the real console (headless, its participant
server on 127.0.0.1, a countdown running on the scale page), with the figures printed:

    python tests/perf/join_attacks.py flood [--cookies 200] [--seconds 60]
    python tests/perf/join_attacks.py slowloris [--connections 1100] [--seconds 30]
    python tests/perf/join_attacks.py stuffing

- `flood` (V2): 200 cookies from one device's loopback range, each answering the scale within
  its own rate limit, for a minute. Measured in the console: key latency (`m`, the bell: a
  stored change and a repaint) p50/p95/max, the countdown's seconds (gaps, any skipped), answers
  saved per minute, the answers file's size.
- `slowloris` (V3): the console at `ulimit -n 1024`; 1,100 connections that send half a request
  head and then a byte now and then; meanwhile a genuine phone opens the page and answers every
  second. Measured: phones served / tried and their latency, connections the server shed, the
  console's key latency and countdown.
- `stuffing` (V1): one device takes fresh cookies over and over and votes with each. Measured:
  cookies it got, votes accepted from it.

The attacker runs in a process of its own (aiohttp or raw sockets), as on another device. All
traffic stays on loopback; every run is bounded in time. Not collected by pytest:
`tests/tui/test_join_attacks.py` runs short versions.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.perf.join_load import SEGMENT, library_for, percentile, write_theme  # noqa: E402

HARD_STOP = 180.0
"""No run lasts longer than this, whatever is asked."""


def source_address(number: int) -> str:
    """A loopback address of its own for the `number`th client (127.0.1.1 …): on Linux all of
    127/8 is this machine, so distinct phones can be told apart by address as on a LAN."""
    return f"127.0.{1 + number // 250}.{1 + number % 250}"


def parse_clock(text: str) -> int | None:
    """Seconds of a countdown's `m:ss` (None when it shows something else)."""
    minutes, _, seconds = text.partition(":")
    if not minutes.lstrip("-").isdigit() or not seconds.isdigit():
        return None
    return int(minutes) * 60 + int(seconds)


@dataclass
class ConsoleFigures:
    keys: list[float] = field(default_factory=list)
    ticks: list[float] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)
    saved: int = 0
    answers_bytes: int = 0
    shed: int = 0
    said: list[str] = field(default_factory=list)
    attacker: dict[str, Any] = field(default_factory=dict)

    def tick_gaps(self) -> list[float]:
        return [b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False)]

    def skipped_seconds(self) -> int:
        """Seconds the countdown never showed (it counts down one at a time)."""
        values = [v for v in map(parse_clock, self.shown) if v is not None]
        return sum(max(0, a - b - 1) for a, b in zip(values, values[1:], strict=False))

    def lines(self) -> list[str]:
        def ms(values: list[float], p: float) -> str:
            return f"{percentile(values, p) * 1000:.0f} ms" if values else "–"

        gaps = self.tick_gaps()
        return [
            f"console key latency (m): n={len(self.keys)} p50 {ms(self.keys, 50)} "
            f"p95 {ms(self.keys, 95)} max {ms(self.keys, 100)}",
            f"countdown: {len(self.shown)} seconds shown, gaps max "
            f"{max(gaps, default=0):.2f} s, seconds skipped {self.skipped_seconds()}",
            f"answers saved {self.saved}; answers file {self.answers_bytes} bytes; "
            f"connections shed {self.shed}",
            *(f"console said: {text}" for text in self.said),
            f"attacker: {json.dumps(self.attacker)}",
        ]


async def console_under_attack(
    attack: list[str],
    seconds: float,
    *,
    participants: int = 100,
    statements: int = 8,
    page: str = SEGMENT,
    folder: Path | None = None,
    key_every: float = 0.5,
    also: list[list[str]] | None = None,
) -> ConsoleFigures:
    """Run the real console with phones on; start `attack` (a command line, given the server's
    URL as its last argument); press `m` every `key_every` seconds while it runs."""
    from textual import events

    from sessions.clock import SystemClock
    from sessions.live import LiveSession
    from sessions.models import SessionDetails
    from sessions.repository import SessionRepository
    from sessions.storage.locations import prepare_data_dir
    from tui.app import OplaegApp
    from tui.join_options import JoinOptions
    from tui.widgets.countdown_display import CountdownDisplay

    figures = ConsoleFigures()
    also = also or []
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
        details = SessionDetails("Angreb", "2026-12-06", "13:00", "", participants, 90)
        info, store = repository.create(theme, details)
        live = LiveSession(repository, info, store, theme, clock)
        live.nav.start()
        if page == "stemmer":  # something to vote on: the case's agreements
            from sessions.exercises.case import CaseState

            case = next(p.segment for p in live.pages if p.segment.id == "sagen")
            live.exercises.save(case, CaseState(("Fyld stemmer på", "En ærlig aftale")))
        live.nav.go_to(
            next(i for i, p in enumerate(live.pages) if p.segment.id == page and p.index == 0)
        )
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
            said: list[str] = []
            app.join._say = lambda text, severity: said.append(text)
            await app.join.start()
            server = app.join.server
            assert server is not None
            await pilot.press("t")  # the countdown runs through the attack
            display = app.screen.query_one(CountdownDisplay)

            def probe() -> None:
                shown = str(display.digits)
                if not figures.shown or figures.shown[-1] != shown:
                    figures.shown.append(shown)
                    figures.ticks.append(time.monotonic())

            app.set_interval(0.02, probe)
            outs = [base / f"attacker-{n}.json" for n in range(1 + len(also))]
            processes = [
                await asyncio.create_subprocess_exec(
                    sys.executable,
                    str(Path(__file__).resolve()),
                    "--attacker",
                    *command,
                    str(seconds),
                    str(out),
                    server.url,
                    cwd=str(ROOT),
                )  # fmt: skip
                for command, out in zip([attack, *also], outs, strict=True)
            ]
            process = processes[0]
            deadline = time.monotonic() + min(seconds + 30, HARD_STOP)
            screen = app.screen
            shown = asyncio.Event()
            toggle = screen.action_toggle_bell  # type: ignore[attr-defined]

            def toggled() -> None:
                toggle()
                screen.call_after_refresh(shown.set)  # on screen: what the consultant sees

            screen.action_toggle_bell = toggled  # type: ignore[attr-defined]
            while process.returncode is None and time.monotonic() < deadline:
                shown.clear()
                begin = time.perf_counter()
                app.post_message(events.Key("m", "m"))
                await asyncio.wait_for(shown.wait(), 30)
                figures.keys.append(time.perf_counter() - begin)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(process.wait(), key_every)
            for each in processes:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(each.wait(), 5)
                if each.returncode is None:
                    each.kill()
                    await each.wait()
            for out in outs:
                if out.exists():
                    figures.attacker.update(json.loads(out.read_text()))
            latest = live.answers.log.latest()
            figures.saved = len(latest.scale) + sum(len(v) for v in latest.votes.values())
            answers_file = repository.root / info.id / "answers.json"
            figures.answers_bytes = answers_file.stat().st_size if answers_file.exists() else 0
            figures.shed = server.guard.shed if server.guard is not None else 0
            figures.said = [s for s in said if s]
            if page == "stemmer":
                figures.attacker["phone_votes"] = live.answers.phone_votes(page)
    return figures


# -- the attackers (a process of their own) --------------------------------------------------------


async def flood(cookies: int, seconds: float, url: str) -> dict[str, Any]:
    """`cookies` phones from one device's addresses, each at its own rate limit."""
    import aiohttp

    from tui.phones.server import ANSWERS_PER_SECOND

    statuses: dict[str, int] = {}
    saved_per_second: dict[int, int] = {}
    started = time.monotonic()
    stop_at = started + seconds
    clients: list[aiohttp.ClientSession] = []
    for number in range(cookies):
        connector = aiohttp.TCPConnector(local_addr=(source_address(number // 3), 0))
        clients.append(
            aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.CookieJar(unsafe=True))
        )

    async def phone(number: int, client: aiohttp.ClientSession) -> None:
        async with client.get(url) as response:
            await response.read()
        turn = 0
        while time.monotonic() < stop_at:
            turn += 1
            fields = {
                "kind": "scale",
                "segment": SEGMENT,
                "statement": str(turn % 8),
                "value": str(1 + (number + turn) % 5),
            }
            try:
                async with client.post(
                    f"{url}/answer", data=fields, allow_redirects=False
                ) as response:
                    await response.read()
                    location = response.headers.get("Location", "")
                    status = "saved" if "n=saved" in location else str(response.status)
            except aiohttp.ClientError:
                status = "error"
            statuses[status] = statuses.get(status, 0) + 1
            if status == "saved":
                second = int(time.monotonic() - started)
                saved_per_second[second] = saved_per_second.get(second, 0) + 1
            await asyncio.sleep(1 / ANSWERS_PER_SECOND)

    try:
        await asyncio.gather(*(phone(n, c) for n, c in enumerate(clients)))
    finally:
        for client in clients:
            await client.close()
    minutes = [
        sum(n for s, n in saved_per_second.items() if m * 60 <= s < (m + 1) * 60)
        for m in range(max(1, int(seconds + 59) // 60))
    ]
    return {"cookies": cookies, "statuses": statuses, "saved_per_minute": minutes}


async def slowloris(
    connections: int, seconds: float, url: str, addresses: int = 1
) -> dict[str, Any]:
    """`connections` sockets that never finish a request head, from one device (or from
    `addresses` addresses), reopened as soon as the server closes one; a genuine phone
    meanwhile, from an address of its own."""
    import resource

    import yarl

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = connections + 200
    if soft < wanted and (hard == resource.RLIM_INFINITY or hard >= wanted):
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    target = yarl.URL(url)
    host, port, token = str(target.host), int(target.port or 80), target.path.strip("/")
    held: list[asyncio.StreamWriter] = []
    opened = reopened = 0
    stop_at = time.monotonic() + seconds

    async def hold(number: int) -> None:
        nonlocal opened, reopened
        while time.monotonic() < stop_at:
            try:
                reader, writer = await asyncio.open_connection(
                    host, port, local_addr=(source_address(number % addresses), 0)
                )
            except OSError:
                await asyncio.sleep(0.5)
                continue
            opened += 1
            held.append(writer)
            writer.write(f"GET /{token} HTTP/1.1\r\nHost: {host}\r\n".encode())
            try:
                while time.monotonic() < stop_at and not reader.at_eof():
                    writer.write(b"X-a: b\r\n")
                    await writer.drain()
                    try:
                        await asyncio.wait_for(reader.read(1), 5)
                    except TimeoutError:
                        continue
            except (OSError, ConnectionError):
                pass
            writer.close()
            reopened += 1

    await asyncio.gather(*(hold(n) for n in range(connections)))
    return {
        "connections": connections,
        "opened": opened,
        "closed_by_server_or_done": reopened,
    }


async def genuine_phones(seconds: float, url: str) -> dict[str, Any]:
    """A new phone every second (an address of its own, a fresh browser): opens the page and
    answers. Its own process, so the attacker's load does not slow it on this side."""
    import aiohttp

    stop_at = time.monotonic() + seconds
    served: list[float] = []
    failed = 0
    errors: dict[str, int] = {}
    phases: list[int] = []

    async def genuine() -> None:
        nonlocal failed
        await asyncio.sleep(2)  # the attack is under way
        timeout = aiohttp.ClientTimeout(total=5)
        while time.monotonic() < stop_at - 1:
            begin = time.monotonic()
            try:
                jar = aiohttp.CookieJar(unsafe=True)
                phone_address = f"127.0.9.{1 + (len(served) + failed) % 250}"  # a new phone
                connector = aiohttp.TCPConnector(local_addr=(phone_address, 0))
                async with aiohttp.ClientSession(
                    cookie_jar=jar, timeout=timeout, connector=connector
                ) as phone:
                    async with phone.get(url) as response:
                        await response.read()
                        ok = response.status == 200
                    phases.append(round((time.monotonic() - begin) * 1000))
                    fields = {"kind": "scale", "segment": SEGMENT, "statement": "0", "value": "3"}
                    async with phone.post(
                        f"{url}/answer", data=fields, allow_redirects=False
                    ) as response:
                        ok = ok and "n=saved" in response.headers.get("Location", "")
                served.append(time.monotonic() - begin) if ok else None
                failed += 0 if ok else 1
            except (aiohttp.ClientError, TimeoutError, OSError) as error:
                failed += 1
                errors[type(error).__name__] = errors.get(type(error).__name__, 0) + 1
            await asyncio.sleep(1)

    await genuine()
    return {
        "phones_served": len(served),
        "phones_tried": len(served) + failed,
        "phone_p95_ms": round(percentile(served, 95) * 1000) if served else None,
        "phone_max_ms": round(max(served) * 1000) if served else None,
        "phone_errors": errors,
        "phone_page_ms": phases,
    }


async def stuffing(tries: int, url: str) -> dict[str, Any]:
    """One device (one address) takes a fresh cookie again and again and votes all it can."""
    import re

    import aiohttp

    cookies = votes = 0
    for _ in range(tries):
        connector = aiohttp.TCPConnector(local_addr=("127.0.5.5", 0))
        async with aiohttp.ClientSession(
            connector=connector, cookie_jar=aiohttp.CookieJar(unsafe=True)
        ) as client:
            async with client.get(url) as response:
                page = await response.text()
                cookies += "Set-Cookie" in response.headers
            references = re.findall(r'name="item" value="([^"]+)"', page)
            segment = re.findall(r'name="segment" value="([^"]+)"', page)
            if not references or not segment:
                continue
            for _ in range(6):
                fields = {
                    "kind": "vote",
                    "segment": segment[0],
                    "item": references[0],
                    "change": "1",
                }
                async with client.post(
                    f"{url}/answer", data=fields, allow_redirects=False
                ) as response:
                    votes += "n=saved" in response.headers.get("Location", "")
    return {"tries": tries, "cookies": cookies, "votes_accepted": votes}


def attacker(argv: list[str]) -> None:
    kind, *rest = argv
    *numbers, seconds, out, url = rest
    work: Callable[[], Awaitable[dict[str, Any]]]
    if kind == "flood":
        work = lambda: flood(int(numbers[0]), float(seconds), url)  # noqa: E731
    elif kind == "slowloris":
        addresses = int(numbers[1]) if len(numbers) > 1 else 1
        work = lambda: slowloris(int(numbers[0]), float(seconds), url, addresses)  # noqa: E731
    elif kind == "phones":
        work = lambda: genuine_phones(float(seconds), url)  # noqa: E731
    else:
        work = lambda: stuffing(int(numbers[0]), url)  # noqa: E731

    async def bounded() -> dict[str, Any]:
        return await asyncio.wait_for(work(), float(seconds) + 30)

    Path(out).write_text(json.dumps(asyncio.run(bounded())))


def limit_open_files(count: int) -> None:
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (count, hard))


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--attacker":
        attacker(sys.argv[2:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("attack", choices=("flood", "slowloris", "stuffing"))
    parser.add_argument("--cookies", type=int, default=200)
    parser.add_argument("--connections", type=int, default=1100)
    parser.add_argument("--addresses", type=int, default=1, help="slowloris from this many")
    parser.add_argument("--seconds", type=float, default=0.0)
    args = parser.parse_args()
    if args.attack == "flood":
        seconds = min(args.seconds or 60.0, HARD_STOP - 30)
        figures = asyncio.run(console_under_attack(["flood", str(args.cookies)], seconds))
        print(f"flood: {args.cookies} cookies for {seconds:.0f} s")
    elif args.attack == "slowloris":
        limit_open_files(1024)
        seconds = min(args.seconds or 30.0, HARD_STOP - 30)
        attack = ["slowloris", str(args.connections), str(args.addresses)]
        figures = asyncio.run(console_under_attack(attack, seconds, also=[["phones"]]))
        print(
            f"slowloris: {args.connections} connections from {args.addresses} address(es) "
            f"for {seconds:.0f} s, console at 1024 open files"
        )
    else:
        figures = asyncio.run(
            console_under_attack(["stuffing", "60"], 60.0, page="stemmer", key_every=1.0)
        )
        print("stuffing: one device, 60 fresh cookie jars, 6 votes on one item with each")
    for line in figures.lines():
        print(line)
    print(f"median key latency {statistics.median(figures.keys) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
