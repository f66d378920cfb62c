"""Benchmarks for oplaeg, each figure a ratio against a baseline measured in the same run.

    python tests/perf/bench.py [--runs 7] [--keypresses 200] [--idle-seconds 60]
                               [--drift-seconds 600] [--tiny] [--outside] [--outside-only]

Every measurement runs in a fresh interpreter (imports count), oplaeg and its baseline
alternating, and the medians (or p95) are compared. At the end one table:
figure | oplaeg | baseline | ratio | target | ok. `--tiny` runs everything on tiny sizes in
a minute or two, to check that the script works; its figures mean nothing. `--outside` then
runs `tests/perf/outside.py` (what a person sees: oplaeg in tmux, read through one control-mode
client) and prints its table after this one (`--tiny` makes it `--quick`); `--outside-only`
runs that alone.

Not part of the test suite's timings: `tests/unit/test_bench_runs.py` only checks that
`--tiny` runs and prints the table.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.perf import workload  # noqa: E402
from tests.perf.follow import follow_latency  # noqa: E402
from tests.perf.table import Row, print_table  # noqa: E402


@dataclass(frozen=True)
class Settings:
    runs: int
    keypresses: int
    idle_seconds: float
    drift_seconds: float
    sessions: int
    big: workload.Size
    follow_samples: int


PYCACHE = Path(tempfile.gettempdir()) / "oplaeg-bench-pycache"


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The children's environment. Compiled bytecode is kept (in a folder of its own, so the
    checkout stays clean), as an installed program has it: without it every start would
    compile oplaeg's modules, which no user's start does."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **(extra or {}), "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(PYCACHE)}


def child(*arguments: str, env: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Run `tests.perf.children` with `arguments`; its JSON lines."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.perf.children", *arguments],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=child_env(env),
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"child {arguments} failed:\n{result.stderr[-3000:]}")
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def start_child(*arguments: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.perf.children", *arguments],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=child_env(env),
    )


def read_line(process: subprocess.Popen[str]) -> dict[str, Any]:
    assert process.stdout is not None
    while True:
        line = process.stdout.readline()
        if not line:
            stderr = process.stderr.read() if process.stderr else ""
            raise RuntimeError(f"child ended early:\n{stderr[-3000:]}")
        if line.startswith("{"):
            return dict(json.loads(line))


def first_screen(data_dir: Path, kind: str, config: Path) -> tuple[float, float]:
    """(seconds from launch to the first screen painted, peak RSS in KiB)."""
    begin = time.time()
    (result,) = child("first-screen", kind, str(data_dir), env={"XDG_CONFIG_HOME": str(config)})
    return result["ready"] - begin, result["rss_kib"]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def keypresses(kind: str, sessions: tuple[str, str], folders: tuple[Path, Path], s: Settings):
    """p95 seconds per keypress in the (empty, big) sessions, in alternating chunks."""
    chunks = max(1, min(s.runs, s.keypresses // 25))
    per_chunk = max(1, s.keypresses // chunks)
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(chunks):
        for which in (0, 1):
            (result,) = child("keys", kind, str(folders[which]), sessions[which], str(per_chunk))
            samples[which].extend(result["seconds"])
    return samples


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each start-up (median)")
    parser.add_argument("--keypresses", type=int, default=200, help="keypresses per figure")
    parser.add_argument("--idle-seconds", type=float, default=60.0)
    parser.add_argument("--drift-seconds", type=float, default=600.0)
    parser.add_argument("--sessions", type=int, default=500, help="stored sessions (start)")
    parser.add_argument("--tiny", action="store_true", help="a quick check that it all runs")
    parser.add_argument("--outside", action="store_true", help="then the outside harness")
    parser.add_argument("--outside-only", action="store_true", help="the outside harness alone")
    parser.add_argument(
        "--only",
        default="",
        help="only these rows, comma-separated: follow (the room view following the console), "
        "idle (both windows' idle CPU)",
    )
    args = parser.parse_args(argv)
    if args.outside or args.outside_only:
        from tests.perf import outside

        outside_arguments = ["--quick"] if args.tiny else ["--runs", str(max(5, args.runs))]
    if args.outside_only:
        outside.main(outside_arguments)
        return
    if args.tiny:
        s = Settings(1, 2, 1.0, 2.0, 3, workload.TINY_BIG, 4)
    else:
        s = Settings(
            args.runs,
            args.keypresses,
            args.idle_seconds,
            args.drift_seconds,
            args.sessions,
            workload.BIG,
            200,  # page changes and timer actions, alternating (issue #11)
        )
    with tempfile.TemporaryDirectory(prefix="oplaeg-bench-") as folder:
        only = {name.strip() for name in args.only.split(",") if name.strip()}
        rows = run_only(Path(folder), s, only) if only else run_all(Path(folder), s)
    print_table(rows)
    if args.outside:
        print()
        outside.main(outside_arguments)


def run_only(base: Path, s: Settings, only: set[str]) -> list[Row]:
    """Some rows alone (`--only`): `follow`, `idle`."""
    unknown = only - {"follow", "idle"}
    if unknown:
        raise SystemExit(f"no such rows: {', '.join(sorted(unknown))} (follow, idle)")
    big_dir, config = base / "big", base / "config"
    big_id = workload.make_session(big_dir, s.big)
    rows: list[Row] = []
    if "follow" in only:
        rows += follow_rows(big_dir, big_id, s)
    if "idle" in only:
        rows.append(idle_cpu(big_dir, big_id, config, s.idle_seconds))
        shares = LAST_IDLE_SHARES
        rows.append(
            Row(
                "… room view alone (% core)",
                shares[0] * 100,
                shares[2] * 100,
                None,
                "bare app idle",
            )
        )
        rows.append(
            Row("… console alone (% core)", shares[1] * 100, shares[2] * 100, None, "bare app idle")
        )
    return rows


def follow_rows(big_dir: Path, big_id: str, s: Settings) -> list[Row]:
    changes = follow_latency(big_dir, big_id, s.follow_samples)
    latencies = [seconds for _, seconds in changes]
    pages = [seconds for kind, seconds in changes if kind == "position"] or latencies
    wanted = 0.1  # issue #11: the wall shows the console's page and timer within 100 ms
    name = "100 ms wanted"
    median = statistics.median
    return [
        Row("room view follows, p50 (s)", median(latencies), wanted, None, name),
        Row("room view follows, p95 (s)", p95(latencies), wanted, None, name, absolute=wanted),
        Row("room view follows, max (s)", max(latencies), wanted, None, name),
        Row("… page changes alone, p95 (s)", p95(pages), wanted, None, name),
    ]


def run_all(base: Path, s: Settings) -> list[Row]:
    rows: list[Row] = []
    empty_dir, big_dir, many_dir, drift_dir = (base / n for n in ("empty", "big", "many", "drift"))
    config = base / "config"
    say = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731
    say("making the sessions …")
    empty_id = workload.make_session(empty_dir, workload.EMPTY)
    big_id = workload.make_session(big_dir, s.big)
    drift_id = workload.make_session(drift_dir, workload.EMPTY)
    workload.make_many(many_dir, s.sessions)
    fresh = base / "fresh"
    fresh.mkdir()

    say("a countdown against the wall clock, in the background …")
    drifting = start_child("drift", str(drift_dir), drift_id, str(s.drift_seconds))

    say("the first screen …")
    times: dict[str, list[float]] = {"bare": [], "oplaeg": [], "many": []}
    memory: dict[str, list[float]] = {"bare": [], "oplaeg": []}
    for run in range(s.runs + 1):  # the first round warms the disk cache and is not counted
        for kind, folder in (("bare", fresh), ("oplaeg", fresh), ("many", many_dir)):
            seconds, rss = first_screen(folder, "bare" if kind == "bare" else "oplaeg", config)
            if run:
                times[kind].append(seconds)
                if kind in memory:
                    memory[kind].append(rss)
    median = statistics.median
    bare_start, our_start = median(times["bare"]), median(times["oplaeg"])
    rows.append(Row("first screen (s)", our_start, bare_start, 1.05, "bare H+Md+F app"))
    rows.append(
        Row(
            "memory after it (MiB)",
            median(memory["oplaeg"]) / 1024,
            median(memory["bare"]) / 1024,
            1.2,
            "bare H+Md+F app",
        )
    )
    rows.append(
        Row(
            f"start screen, {s.sessions} sessions (s)",
            median(times["many"]),
            our_start,
            1.2,
            "no sessions",
        )
    )

    for kind, label in (
        ("note", "note: Enter → disk+paint"),
        ("board", "board item move"),
        ("page", "page change"),
    ):
        say(f"keypresses: {kind} …")
        empty, big = keypresses(kind, (empty_id, big_id), (empty_dir, big_dir), s)
        rows.append(Row(f"{label}, p95 big (s)", p95(big), p95(empty), 1.5, "empty session"))
        if kind == "page":
            say("keypresses: the bare app's page change …")
            bare: list[float] = []
            ours: list[float] = []
            for _ in range(max(1, min(s.runs, s.keypresses // 25))):
                per = str(max(1, s.keypresses // max(1, min(s.runs, s.keypresses // 25))))
                bare += child("keys", "bare-page", str(empty_dir), empty_id, per)[0]["seconds"]
                ours += child("keys", "page", str(empty_dir), empty_id, per)[0]["seconds"]
            rows.append(
                Row(
                    "page change, median (s)",
                    median(ours),
                    median(bare),
                    None,
                    "bare Markdown update",
                )
            )
            rows.append(
                Row("page change, p95 (s)", p95(ours), p95(bare), None, "bare Markdown update")
            )

    say("note save, storage call …")
    rows.append(note_save(big_dir, big_id, max(20, s.keypresses)))

    say("export …")
    empty_exports = {r["format"]: r["seconds"] for r in child("export", str(empty_dir), empty_id)}
    big_exports = {r["format"]: r["seconds"] for r in child("export", str(big_dir), big_id)}
    slowest = max(big_exports, key=lambda f: big_exports[f])
    rows.append(
        Row(
            f"export big, slowest ({slowest}) (s)",
            big_exports[slowest],
            empty_exports[slowest],
            None,
            "empty session",
            absolute=2.0,
        )
    )
    rows.append(
        Row(
            "export big, all formats (s)",
            sum(big_exports.values()),
            sum(empty_exports.values()),
            None,
            "empty session",
        )
    )

    say("the room view following the console …")
    rows += follow_rows(big_dir, big_id, s)

    say("idle with a countdown running, both windows …")
    rows.append(idle_cpu(big_dir, big_id, config, s.idle_seconds))

    say("waiting for the countdown …")
    result = read_line(drifting)
    drifting.wait()
    rows.append(
        Row(
            f"countdown drift over {s.drift_seconds:.0f} s (s)",
            abs(result["drift"]),
            1.0,
            None,
            "a tick a second",
            absolute=1.0,
        )
    )
    return rows


LAST_IDLE_SHARES: list[float] = [0.0, 0.0, 0.0]
"""The last idle measurement's CPU shares: room view, console, bare app."""


def idle_cpu(data_dir: Path, session_id: str, config: Path, seconds: float) -> Row:
    env = {"XDG_CONFIG_HOME": str(config)}
    room = start_child("idle", "room", str(data_dir), session_id, str(seconds), env=env)
    console = start_child("idle", "console", str(data_dir), session_id, str(seconds), env=env)
    bare = start_child("idle", "bare", str(data_dir), "-", str(seconds), env=env)
    shares = [read_line(p)["cpu_share"] for p in (room, console, bare)]
    for process in (room, console, bare):
        process.wait()
    LAST_IDLE_SHARES[:] = shares
    both = shares[0] + shares[1]
    return Row(
        "idle CPU, console+room (% core)",
        both * 100,
        shares[2] * 100,
        None,
        "bare app idle",
        absolute=1.0,
    )


def note_save(data_dir: Path, session_id: str, samples: int) -> Row:
    """Seconds per `Notebook.add` in the big session, against an append+fsync of the same line
    to a file beside it, alternating."""
    live = workload.open_live(data_dir, session_id)
    line = workload.NOTE_TEXT.encode() * 2 + b"\n"
    ours: list[float] = []
    baseline: list[float] = []
    descriptor = os.open(data_dir / "baseline.jsonl", os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    try:
        for number in range(samples):
            begin = time.perf_counter()
            live.notebook.add(live.page.segment.id, 0, workload.NOTE_TEXT.format(number=number))
            ours.append(time.perf_counter() - begin)
            begin = time.perf_counter()
            os.write(descriptor, line)
            os.fsync(descriptor)
            baseline.append(time.perf_counter() - begin)
    finally:
        os.close(descriptor)
        live.close()
    median = statistics.median
    return Row("note save, storage call (s)", median(ours), median(baseline), 2.0, "append+fsync")


if __name__ == "__main__":
    main()
