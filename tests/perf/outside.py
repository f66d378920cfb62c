"""oplaeg measured as a person sees it: in tmux at 120×40, the panes read through ONE tmux
control-mode client every 5 ms (a forked `capture-pane` costs ~28 ms), each figure alternating
with its baseline in the same run, medians (or p95) over the runs, the spread printed.

    python tests/perf/outside.py [--runs 5] [--sizes 200,2000,10000] [--idle-seconds 48]
                                 [--phones 60,150,300] [--phone-runs 6] [--root CHECKOUT] [--quick]

A screen is "there" when what the pane shows stops changing (digits masked, and lines of the
big clock's blocks taken as one: a running clock is not a change); a figure is the time from
the key sent (or the program launched) to the last change before that. `--root` runs another
checkout's oplaeg (the sessions are made with this one's domain API: the files are the same);
`--quick` checks in well under a minute that it all runs, and its figures mean nothing.

Phones are measured from the phones' side: `tests/perf/join_load.py`'s phones (a process of
their own, an aiohttp client each, a loopback address each) answer a scale of 8 statements
through the console's server (the real app, its countdown running, a room view following in a
process of its own), alternating with a bare aiohttp server doing the same fsynced exchange.
Each run gives a POST → 303 p95; the row is the median over the runs, and the countdown's
largest gap between two seconds during the burst is its own row (against the second it should
be). `--root` does not apply to them: they run this checkout.

The table: figure | oplaeg | baseline | ratio | target | ok | spread, where the spread is the
ratio's lowest–highest over the repeats (the runs split into consecutive groups).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import queue
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.perf import workload  # noqa: E402
from tests.perf.table import Row, print_table  # noqa: E402

POLL = 0.005
QUIET = 0.3
"""A screen that has not changed for this long is taken as final."""
LIMIT = 10.0
SIZE = (120, 40)
PYCACHE = Path(tempfile.gettempdir()) / "oplaeg-outside-pycache"
CLOCK_GLYPHS = re.compile(r"[█▀▄▐▌]")
DIGITS = re.compile(r"[0-9]")


@dataclass(frozen=True)
class Settings:
    runs: int
    sizes: tuple[int, ...]
    idle_seconds: float
    walk: int  # page changes per walk
    repeats: int
    exports: tuple[str, ...]
    sessions: int
    export_runs: int = 3
    warm_up: int = 1  # rounds run first and not counted (they fill the disk cache)
    phones: tuple[int, ...] = (60, 150, 300)
    phone_runs: int = 6
    """A run's p95 rests on its slowest few dozen answers, and the bare server's moves 25–40 ms
    between runs at 60 phones: the median of several runs is the figure, not one run's."""
    statements: int = 8


def mask(lines: list[str]) -> tuple[str, ...]:
    """What counts as a change: not a digit ticking, not a big clock's blocks moving."""
    return tuple("#clock" if CLOCK_GLYPHS.search(line) else DIGITS.sub("#", line) for line in lines)


class Tmux:
    """A tmux server of our own and one control-mode client to it."""

    def __init__(self, folder: Path) -> None:
        self.socket = str(folder / "tmux.sock")
        self.tmux = shutil.which("tmux") or "tmux"
        self._scripts = 0
        # The options go in a config of our own, read before the first window exists: a pane
        # that ended at once (a login shell that refuses, e.g. SHELL=nologin in a CI account)
        # would otherwise close the only window and take the server and our client with it.
        config = folder / "tmux.conf"
        config.write_text(
            "set -g status off\n"
            f"set -g default-size {SIZE[0]}x{SIZE[1]}\n"
            "set -g remain-on-exit on\n"
            "set -g default-shell /bin/sh\n"
            "set -s exit-empty off\n"
        )
        base = [self.tmux, "-S", self.socket, "-f", str(config)]
        env = {**os.environ, "TMUX": "", "SHELL": "/bin/sh"}
        # The first window only holds the session open; every measured program gets its own.
        subprocess.run(
            [*base, "new-session", "-d", "-x", str(SIZE[0]), "-y", str(SIZE[1]), "-s", "m"]
            + ["sh", "-c", "while :; do sleep 3600; done"],
            check=True,
            env=env,
        )
        self._errors = (folder / "tmux-client.err").open("wb")  # what a client that goes said
        self.process = subprocess.Popen(
            [*base, "-C", "attach", "-t", "m"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors,
            env=env,
        )
        self._blocks: queue.Queue[tuple[bool, list[str]]] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._attached = threading.Event()
        self._reader.start()
        if not self._attached.wait(timeout=30):
            raise RuntimeError(f"tmux: the control client did not attach{self._why()}")
        self.command("refresh-client -f no-output")

    def _why(self) -> str:
        """What the control client said before it went, if anything."""
        said = Path(self._errors.name).read_text("utf-8", "replace").strip()
        code = self.process.poll()
        return (f" (exit {code})" if code is not None else "") + (f": {said}" if said else "")

    def _read(self) -> None:
        assert self.process.stdout is not None
        block: list[str] | None = None
        for raw in self.process.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            if line.startswith("%session-changed"):
                self._attached.set()  # attached: commands now have a client
            if block is None:
                # Flags 1: the answer to one of our commands (0: the greeting on attach).
                if line.startswith("%begin") and line.split()[-1] == "1":
                    block = []
            elif line.startswith(("%end", "%error")):
                self._blocks.put((line.startswith("%end"), block))
                block = None
            else:
                block.append(line)
        # The client is gone (its server ended): no answer will come, say so at once.
        self._blocks.put((False, ["the control client exited", *(block or [])]))

    def command(self, text: str) -> list[str]:
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(text.encode() + b"\n")
            self.process.stdin.flush()
        except OSError:  # the client has gone: its pipe is closed
            raise RuntimeError(f"tmux: {text}: the control client has gone{self._why()}") from None
        try:
            ok, lines = self._blocks.get(timeout=30)
        except queue.Empty:
            raise RuntimeError(f"tmux: {text}: no answer in 30 s{self._why()}") from None
        if not ok:
            raise RuntimeError(f"tmux: {text}: {' '.join(lines)}{self._why()}")
        return lines

    def launch(self, argv: list[str], env: dict[str, str]) -> str:
        """A new window running `argv` (through a script: no quoting for tmux to get wrong);
        its pane's id. An empty value in `env` unsets the variable."""
        self._scripts += 1
        script = Path(self.socket).parent / f"launch-{self._scripts}.sh"
        unset = " ".join(f"-u {k}" for k, v in env.items() if not v)
        settings = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items() if v)
        script.write_text(f"exec env {unset} {settings} {shlex.join(argv)}\n")
        # Two words: tmux runs them itself, with no shell between, so the pane's pid is the
        # program's own (the script ends in exec).
        target = shlex.quote(str(script))
        (pane,) = self.command(f"new-window -d -P -F '#{{pane_id}}' -t m: sh {target}")
        return pane

    def capture(self, pane: str) -> tuple[str, ...]:
        return mask(self.command(f"capture-pane -p -t {pane}"))

    def keys(self, pane: str, key: str) -> None:
        self.command(f"send-keys -t {pane} {key}")

    def pid(self, pane: str) -> int:
        return int(self.command(f"display -p -t {pane} '#{{pane_pid}}'")[0])

    def kill(self, pane: str) -> None:
        with contextlib.suppress(RuntimeError):
            self.command(f"kill-pane -t {pane}")

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.command("kill-server")
        with contextlib.suppress(Exception):
            self.process.wait(timeout=5)
        if self.process.poll() is None:
            self.process.kill()
        self._errors.close()

    def settle(
        self,
        panes: list[str],
        begin: float,
        before: dict[str, tuple[str, ...]] | None = None,
        ready: Callable[[str, tuple[str, ...]], bool] | None = None,
    ) -> dict[str, float]:
        """Seconds from `begin` to each pane's last change, once all have been quiet for
        `QUIET` (and `ready` holds for each, if given)."""
        current = dict(before or {})
        last: dict[str, float | None] = {pane: None for pane in panes}
        while True:
            tick = time.monotonic()
            for pane in panes:
                screen = self.capture(pane)
                if screen != current.get(pane):
                    current[pane] = screen
                    last[pane] = time.monotonic()
            now = time.monotonic()
            done = all(
                seen is not None
                and now - seen >= QUIET
                and (ready is None or ready(pane, current[pane]))
                for pane, seen in last.items()
            )
            if done or now - begin > LIMIT:
                break
            time.sleep(max(0.0, tick + POLL - time.monotonic()))
        return {pane: (seen if seen is not None else now) - begin for pane, seen in last.items()}


# -- what runs in the panes ------------------------------------------------------------------


class Programs:
    def __init__(self, tmux: Tmux, root: Path, home: Path) -> None:
        self.tmux = tmux
        self.root = root
        self.home = home

    def env(self, data_dir: Path, home: Path | None = None) -> dict[str, str]:
        return {
            "HOME": str(home or self.home),
            "OPLAEG_DATA_DIR": str(data_dir),
            "PYTHONPATH": str(self.root),
            "PYTHONPYCACHEPREFIX": str(PYCACHE),
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "XDG_CONFIG_HOME": "",
            "XDG_CACHE_HOME": "",
            "XDG_DATA_HOME": "",
        }

    def oplaeg(self, data_dir: Path, *arguments: str, home: Path | None = None) -> str:
        argv = [sys.executable, "-m", "tui.cli", *arguments]
        return self.tmux.launch(argv, self.env(data_dir, home))

    def bare(self, kind: str) -> str:
        argv = [sys.executable, "-m", "tests.perf.outside_bare", kind]
        env = self.env(self.home / "bare") | {"PYTHONPATH": str(ROOT)}
        return self.tmux.launch(argv, env)


def contains(*words: str) -> Callable[[str, tuple[str, ...]], bool]:
    return lambda _pane, screen: all(any(w in line for line in screen) for w in words)


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    """CPU time of the process's threads, to the nanosecond (`schedstat`; the clock ticks of
    `stat` are 10 ms, a fifth of what a bare app uses in 10 s of idling)."""
    try:
        return (
            sum(
                int(task.joinpath("schedstat").read_text().split()[0])
                for task in Path(f"/proc/{pid}/task").iterdir()
            )
            / 1e9
        )
    except (OSError, ValueError, IndexError):  # a kernel without schedstat, a thread that went
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# -- the figures -----------------------------------------------------------------------------


@dataclass
class Figure:
    """Paired samples of one figure: ours[i] and base[i] were measured one after the other."""

    name: str
    target: float | None
    baseline_name: str
    statistic: str = "median"  # or "p95"
    ours: list[float] | None = None
    base: list[float] | None = None

    def add(self, ours: float, base: float) -> None:
        self.ours = [*(self.ours or []), ours]
        self.base = [*(self.base or []), base]

    def value(self, values: list[float]) -> float:
        if self.statistic == "p95":
            ordered = sorted(values)
            return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        return statistics.median(values)

    def row(self, repeats: int) -> Row:
        ours, base = self.ours or [0.0], self.base or [0.0]
        groups = max(1, min(repeats, len(ours)))
        size = len(ours) / groups
        ratios = []
        for number in range(groups):
            part = slice(round(number * size), round((number + 1) * size))
            b = self.value(base[part])
            ratios.append(self.value(ours[part]) / b if b else float("inf"))
        spread = f"{min(ratios):.2f}–{max(ratios):.2f}× ({groups}×{round(size)})"
        return Row(
            self.name,
            self.value(ours),
            self.value(base),
            self.target,
            self.baseline_name,
            spread=spread,
        )


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def first_screens(programs: Programs, folders: dict[str, Path], s: Settings) -> list[Figure]:
    tmux = programs.tmux
    bare_ready = contains("anerkendelse")
    empty_ready = contains("Ingen sessioner endnu")
    many_ready = contains("Arbejdsplads")
    empty = Figure("first screen, empty data folder (s)", 1.05, "bare H+Md+F app")
    first = Figure("first launch, no theme cache (s)", 1.15, "bare H+Md+F app")
    many = Figure(f"start screen, {s.sessions} sessions (s)", 1.05, "empty data folder")
    rss = Figure("RSS at the start screen (MiB)", 1.2, "bare H+Md+F app")

    def launch(
        start: Callable[[], str], ready: Callable[..., bool], memory: bool = False
    ) -> tuple[float, float]:
        begin = time.monotonic()
        pane = start()
        seconds = tmux.settle([pane], begin, ready=ready)[pane]
        mib = rss_mib(tmux.pid(pane)) if memory else 0.0
        tmux.kill(pane)
        return seconds, mib

    for run in range(s.runs + s.warm_up):
        fresh = folders["base"] / f"fresh-{run}"
        bare, bare_mib = launch(lambda: programs.bare("first"), bare_ready, memory=True)
        ours, our_mib = launch(lambda: programs.oplaeg(folders["empty"]), empty_ready, True)
        cold, _ = launch(partial(programs.oplaeg, fresh / "data", home=fresh), empty_ready)
        crowd, _ = launch(lambda: programs.oplaeg(folders["many"]), many_ready)
        if run >= s.warm_up:
            empty.add(ours, bare)
            first.add(cold, bare)
            many.add(crowd, ours)
            rss.add(our_mib, bare_mib)
    return [empty, first, many, rss]


@dataclass
class Walk:
    console: list[float]
    room: list[float]
    bare: list[float]
    console_rss: float
    bare_rss: float


def walk(programs: Programs, data_dir: Path, session_id: str, changes: int, pages: int) -> Walk:
    """Console + room view on the session, a bare page-turning app beside them: `changes` page
    changes, PgDn to the second-last page and PgUp back again, each followed by the bare app's
    own page turn."""
    tmux = programs.tmux
    begin = time.monotonic()
    console = programs.oplaeg(data_dir, "resume", session_id)
    tmux.settle([console], begin, ready=contains("PgDn"))
    room = programs.oplaeg(data_dir, "projector")
    bare = programs.bare("pages")
    tmux.settle([console, room, bare], time.monotonic())
    result = Walk([], [], [], 0.0, 0.0)
    position, forward = 0, True
    for number in range(changes + 2):  # the first two warm up and are not counted
        if forward and position >= pages - 2 or not forward and position <= 0:
            forward = not forward
        key = "PageDown" if forward else "PageUp"
        position += 1 if forward else -1
        before = {pane: tmux.capture(pane) for pane in (console, room)}
        begin = time.monotonic()
        tmux.keys(console, key)
        seen = tmux.settle([console, room], begin, before)
        before = {bare: tmux.capture(bare)}
        begin = time.monotonic()
        tmux.keys(bare, key if key == "PageDown" or number % 2 else "PageDown")
        bare_seen = tmux.settle([bare], begin, before)
        if number >= 2:
            result.console.append(seen[console])
            result.room.append(seen[room])
            result.bare.append(bare_seen[bare])
    result.console_rss = rss_mib(tmux.pid(console))
    result.bare_rss = rss_mib(tmux.pid(bare))
    for pane in (room, console, bare):
        tmux.kill(pane)
    return result


def idle(programs: Programs, data_dir: Path, session_id: str, s: Settings) -> Figure:
    """CPU of the console and the room view, a countdown running, against a bare app with a
    clock ticking once a second: measured side by side over the same seconds."""
    tmux = programs.tmux
    begin = time.monotonic()
    console = programs.oplaeg(data_dir, "resume", session_id)
    tmux.settle([console], begin, ready=contains("PgDn"))
    room = programs.oplaeg(data_dir, "projector")
    bare = programs.bare("clock")
    tmux.settle([console, room, bare], time.monotonic())
    pids = [tmux.pid(pane) for pane in (console, room, bare)]
    started(pids)  # a screen that stopped changing may still be starting: idle comes after
    figure = Figure("idle CPU, console+room, countdown (% core)", 2.0, "bare app, 1 Hz clock")
    windows = max(s.repeats, round(s.idle_seconds / IDLE_WINDOW_SECONDS))
    window = s.idle_seconds / windows
    for _ in range(windows):
        start = [cpu_seconds(pid) for pid in pids]
        wall = time.monotonic()
        time.sleep(window)
        used = [cpu_seconds(pid) - b for pid, b in zip(pids, start, strict=True)]
        elapsed = time.monotonic() - wall
        figure.add((used[0] + used[1]) / elapsed * 100, used[2] / elapsed * 100)
    for pane in (room, console, bare):
        tmux.kill(pane)
    return figure


IDLE_WINDOW_SECONDS = 8.0
"""Idle is measured in windows of about this long, the row their median: a few seconds in which
something else on the machine woke one of the programs then count once, not in every figure."""

STARTED_CPU = 0.05
"""A process uses less than this share of a core for a second: its start-up is over."""


def started(pids: list[int], limit: float = 15.0) -> None:
    """Wait until every process's start-up is over (a room view may still read its session for
    seconds after its first screen; counted as idle, it made the ratio swing 1.8-3.7x)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        before = [cpu_seconds(pid) for pid in pids]
        time.sleep(1.0)
        if all(cpu_seconds(pid) - b < STARTED_CPU for pid, b in zip(pids, before, strict=True)):
            return


def resume(programs: Programs, sizes: dict[int, tuple[Path, str]], s: Settings) -> list[Figure]:
    tmux = programs.tmux
    empty_dir, empty_id = sizes[0]
    figures = []
    for notes, (data_dir, session_id) in sizes.items():
        if not notes:
            continue
        figure = Figure(f"resume, {notes} notes (s)", 1.2, "empty session")
        for run in range(s.runs + s.warm_up):
            times = []
            for folder, ident in ((data_dir, session_id), (empty_dir, empty_id)):
                begin = time.monotonic()
                pane = programs.oplaeg(folder, "resume", ident)
                times.append(tmux.settle([pane], begin, ready=contains("PgDn"))[pane])
                tmux.kill(pane)
            if run >= s.warm_up:
                figure.add(times[0], times[1])
        figures.append(figure)
    return figures


def exports(programs: Programs, sizes: dict[int, tuple[Path, str]], s: Settings) -> list[Figure]:
    empty_dir, empty_id = sizes[0]
    out = Path(tempfile.mkdtemp(prefix="oplaeg-outside-export-"))
    figures = []

    def run(folder: Path, ident: str, name: str) -> float:
        argv = [sys.executable, "-m", "tui.cli", "export", ident, "--format", name]
        argv += ["--include-private", "-o", str(out / f"referat.{name}"), "--force"]
        begin = time.monotonic()
        subprocess.run(
            argv,
            env={**os.environ, **programs.env(folder)},
            cwd=out,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return time.monotonic() - begin

    for notes, (data_dir, session_id) in sizes.items():
        if not notes:
            continue
        for name in s.exports:
            figure = Figure(f"export {name}, {notes} notes (s)", None, "empty session")
            for _ in range(max(1, s.export_runs)):
                figure.add(run(data_dir, session_id, name), run(empty_dir, empty_id, name))
            figures.append(figure)
    shutil.rmtree(out, ignore_errors=True)
    return figures


def phones(s: Settings) -> list[Figure]:
    """POST → 303 p95 of each crowd against the bare server, run after run, alternating; and
    the countdown's largest gap between two seconds while the biggest crowd answers."""
    import asyncio

    from tests.perf import join_load

    figures = []
    gaps = Figure(f"countdown's longest second, {max(s.phones)} phones (s)", 1.05, "1 s")
    for crowd in s.phones:
        figure = Figure(f"phones {crowd}, POST → 303 p95 (s)", 2.0, "bare aiohttp server")
        for _ in range(max(1, s.phone_runs)):
            bare = asyncio.run(join_load.run_bare(crowd, s.statements))
            report = asyncio.run(join_load.run_load(crowd, s.statements))
            for problem in report.problems():  # printed, not fatal: the figures still count
                say(f"{crowd} phones: {problem}")
            ours = report.post_to_stored()
            figure.add(join_load.percentile(ours, 95), join_load.percentile(bare, 95))
            if crowd == max(s.phones):
                gaps.add(max(report.tick_gaps, default=0.0), 1.0)
        figures.append(figure)
    return [*figures, gaps]


# -- the sessions ------------------------------------------------------------------------------


@contextlib.contextmanager
def quick_disk() -> Iterator[None]:
    """Making the sessions is not measured: their thousands of fsyncs are skipped."""
    with mock.patch("os.fsync", lambda _fd: None):
        yield


def make(data_dir: Path, notes: int, timed: bool = False) -> str:
    """A session of `notes` notes, on its first page (or, `timed`, on its first timed
    exercise page with the countdown running)."""
    size = workload.Size(notes=notes, board_items=max(1, notes // 20), actions=5, log_hours=0.5)
    with quick_disk():
        session_id = workload.make_session(data_dir, size)
        live = workload.open_live(data_dir, session_id)
        if timed:
            page_number = next(
                i
                for i, p in enumerate(live.pages)
                if p.seconds and p.segment.kind.value == "exercise"
            )
            live.go_to(page_number)
            page = live.page
            assert page.seconds is not None
            live.timers.reset(page.key, page.seconds)
            live.timers.start(page.key, page.seconds)
        else:
            live.go_to(0)
        live.close()
    return session_id


def page_count(data_dir: Path, session_id: str) -> int:
    with quick_disk():
        live = workload.open_live(data_dir, session_id)
        count = len(live.pages)
        live.close()
    return count


# -- all of it ---------------------------------------------------------------------------------


def run_all(base: Path, root: Path, s: Settings) -> list[Row]:
    home = base / "home"
    home.mkdir()
    folders = {"base": base, "empty": base / "empty", "many": base / "many"}
    say("making the sessions …")
    folders["empty"].mkdir()
    with quick_disk():
        workload.make_many(folders["many"], s.sessions)
    sizes: dict[int, tuple[Path, str]] = {}
    for notes in (0, *s.sizes):
        folder = base / f"notes-{notes}"
        sizes[notes] = (folder, make(folder, notes))
    timed_dir = base / "timed"
    timed_id = make(timed_dir, s.sizes[0], timed=True)
    pages = page_count(*sizes[s.sizes[0]])

    tmux = Tmux(base)
    programs = Programs(tmux, root, home)
    figures: list[Figure] = []
    try:
        say("the first screen …")
        figures += first_screens(programs, folders, s)
        say("page changes, console and room view …")
        for index, notes in enumerate(s.sizes):
            data_dir, session_id = sizes[notes]
            result = walk(programs, data_dir, session_id, s.walk, pages)
            if index == 0 or notes == 2000:
                for statistic in ("median", "p95"):
                    name = "p50" if statistic == "median" else "p95"
                    target = 1.3 if statistic == "median" else 1.5
                    console = Figure(
                        f"console page change {name}, {notes} notes (s)",
                        target,
                        "bare Markdown update",
                        statistic,
                    )
                    for ours, bare in zip(result.console, result.bare, strict=True):
                        console.add(ours, bare)
                    figures.append(console)
            for statistic in ("median", "p95"):
                name = "p50" if statistic == "median" else "p95"
                room = Figure(
                    f"room view follows {name}, {notes} notes (s)",
                    1.5 if statistic == "p95" else None,
                    "bare app's page turn",
                    statistic,
                )
                for ours, bare in zip(result.room, result.bare, strict=True):
                    room.add(ours, bare)
                figures.append(room)
            if index == 0:
                memory = Figure("RSS after walking every page (MiB)", 1.2, "bare app, same walk")
                memory.add(result.console_rss, result.bare_rss)
                figures.append(memory)
        say("idle, a countdown running …")
        figures.append(idle(programs, timed_dir, timed_id, s))
        say("resume …")
        figures += resume(programs, sizes, s)
    finally:
        tmux.close()
    say("export …")
    figures += exports(programs, sizes, s)
    say("phones …")
    figures += phones(s)
    return [figure.row(s.repeats) for figure in figures]


def main(argv: list[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each launch (median)")
    parser.add_argument("--sizes", default="200,2000,10000", help="notes in the big sessions")
    parser.add_argument("--walk", type=int, default=24, help="page changes per walk")
    parser.add_argument("--export-runs", type=int, default=3, help="runs of each export")
    parser.add_argument("--idle-seconds", type=float, default=48.0)
    parser.add_argument("--repeats", type=int, default=2, help="groups the spread is over")
    parser.add_argument("--sessions", type=int, default=500, help="stored sessions (start)")
    parser.add_argument("--phones", default="60,150,300", help="crowds of phones answering")
    parser.add_argument("--phone-runs", type=int, default=6, help="runs of each crowd")
    parser.add_argument("--root", type=Path, default=ROOT, help="the oplaeg checkout to run")
    parser.add_argument("--quick", action="store_true", help="a check that it all runs")
    args = parser.parse_args(argv)
    if args.quick:
        s = Settings(
            1, (20,), 2.0, 3, 1, ("md",), 5, export_runs=1, warm_up=0, phones=(5,), phone_runs=1
        )
    else:
        sizes = tuple(int(n) for n in args.sizes.split(","))
        s = Settings(
            args.runs,
            sizes,
            args.idle_seconds,
            args.walk,
            args.repeats,
            ("md", "html", "docx", "xlsx", "json", "csv"),
            args.sessions,
            args.export_runs,
            phones=tuple(int(n) for n in args.phones.split(",") if n),
            phone_runs=args.phone_runs,
        )
    say(f"load average at the start: {os.getloadavg()}")
    with tempfile.TemporaryDirectory(prefix="oplaeg-outside-") as folder:
        rows = run_all(Path(folder), args.root.resolve(), s)
    print_table(rows)
    say(f"load average at the end: {os.getloadavg()}")
    return rows


if __name__ == "__main__":
    main()
