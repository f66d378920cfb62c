"""A longer fault campaign against the session store (not collected by pytest).

Each trial starts a writer process that types notes into one session as a user would (a refused
save is tried again or given up), with random spells of injected ENOSPC/EIO failures, and kills
it with SIGKILL at a random moment. After every trial the session is opened as a new process
would, and compared with what the writer was told: acknowledged notes must all be there, once;
notes given up after a refusal must not be there; the journal's sequence numbers must only grow;
nothing may be torn.

    python -m tests.faults.campaign --trials 400          # injected faults + kill -9
    python -m tests.faults.campaign --real-disk            # also a 200 KiB tmpfs that fills up
    python -m tests.faults.campaign --platform windows     # the writer under Windows' rules

`--real-disk` mounts a small tmpfs (root and mount permission needed) and fills it, so the
writer meets a real ENOSPC; space is given back at a random moment. It is skipped, with the
reason, where mounting is not allowed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sessions.storage import session_store  # noqa: E402
from sessions.storage.session_store import SessionStore  # noqa: E402
from tests.faults.injector import fail_randomly, inject  # noqa: E402
from tests.faults.model import Findings, Ledger, check, save_note  # noqa: E402

COMPACT_EVERY = 7  # compact often, so kills and faults land inside snapshot writes too


# -- the writer process -------------------------------------------------------------------


def tell(line: str) -> None:
    """One report, in one write (with PYTHONUNBUFFERED, `print` makes one per argument)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def writer(
    folder: Path, prefix: str, seed: int, fault_rate: float, text_size: int, platform: str | None
) -> None:
    """Type notes until killed; print `A text` (saved), `R text` (refused), `X text` (given up).
    With `platform` ("windows", "macos"), under that platform's rules emulated (text-mode
    descriptors unless opened binary, and so on: `tests/platforms/emulation.py`)."""
    if platform:
        import pytest

        from tests.platforms.emulation import Emulated

        Emulated(platform, pytest.MonkeyPatch())
    rng = random.Random(seed)
    session_store.COMPACT_EVERY = COMPACT_EVERY
    plan = fail_randomly(rng, fault_rate, (1, 12)) if fault_rate else None
    with inject(folder, plan):
        store = SessionStore.open(folder)
        tell("ready")
        number = 0
        while True:
            number += 1
            text = f"{prefix}-{number}-" + "x" * rng.randint(0, text_size)
            while True:
                if save_note(store, text):
                    tell(f"A {text}")
                    break
                tell(f"R {text}")
                if rng.random() < 0.5:
                    tell(f"X {text}")
                    break
                time.sleep(0.002)


# -- the campaign -------------------------------------------------------------------------


def trial(
    folder: Path,
    number: int,
    rng: random.Random,
    fault_rate: float,
    text_size: int = 60,
    free_space: Path | None = None,
    platform: str | None = None,
) -> tuple[Ledger, int]:
    """One writer, killed at a random moment; returns what it was told and its refusals."""
    command = [
        sys.executable,
        "-m",
        "tests.faults.campaign",
        "--writer",
        str(folder),
        "--prefix",
        f"t{number}",
        "--seed",
        str(rng.randrange(2**32)),
        "--fault-rate",
        str(fault_rate),
        "--text-size",
        str(text_size),
        *(["--platform", platform] if platform else []),
    ]
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    lines: list[str] = []
    ready = threading.Event()

    def drain() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("ready"):
                ready.set()
            elif line.endswith("\n"):  # a kill can cut the last report short: not told
                lines.append(line[:-1])
        ready.set()

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    ready.wait(30)
    run_for = rng.uniform(0.02, 0.6)
    if free_space is not None:  # space comes back at a random moment during the trial
        time.sleep(run_for * rng.random())
        with contextlib.suppress(FileNotFoundError):
            free_space.unlink()
        run_for *= 0.5
    time.sleep(run_for)
    child.send_signal(signal.SIGKILL)
    child.wait()
    reader.join(10)
    ledger = Ledger()
    for line in lines:
        mark, _, text = line.partition(" ")
        if mark == "A":
            ledger.acked.add(text)
        elif mark == "X":
            ledger.abandoned.add(text)
        elif mark == "R":
            ledger.refusals += 1
    return ledger, child.returncode


def campaign(
    parent: Path,
    trials: int,
    seed: int,
    fault_rate: float,
    text_size: int = 60,
    filler: Path | None = None,
    fill_to: int = 0,
    platform: str | None = None,
) -> tuple[Findings, Ledger]:
    """`trials` kill -9 trials on one session in `parent` (with `filler`: a new session for
    each trial, on a disk filled up before it starts)."""
    rng = random.Random(seed)
    told_in_all = Ledger()
    total = Findings()
    told = Ledger()
    folder = parent / "s"
    for number in range(trials):
        if filler is not None:
            if folder.exists():
                shutil.rmtree(folder)
            folder, told = parent / f"s{number}", Ledger()
        if not (folder / session_store.SNAPSHOT_NAME).exists():
            SessionStore.create(folder, {"id": folder.name}).close()
        if filler is not None:
            fill(filler, fill_to)
        rate = fault_rate if number % 4 else 0.0  # every fourth trial: kill -9 only
        ledger, _ = trial(folder, number, rng, rate, text_size, filler, platform)
        told.merge(ledger)
        told_in_all.merge(ledger)
        findings = check(folder, told)
        findings.acknowledged = len(ledger.acked)
        total.add(findings)
        if not findings.clean:
            print(f"trial {number}: {findings.problems}", file=sys.stderr)
    return total, told_in_all


def fill(filler: Path, leave_free: int) -> None:
    """Fill the file system of `filler` up to `leave_free` bytes."""
    with contextlib.suppress(FileNotFoundError):
        filler.unlink()
    stats = os.statvfs(filler.parent)
    room = stats.f_bavail * stats.f_frsize - leave_free
    if room > 0:
        with contextlib.suppress(OSError), open(filler, "wb") as handle:
            handle.write(b"\0" * room)


@contextlib.contextmanager
def small_tmpfs(size: str = "200k") -> Iterator[Path | str]:
    """A freshly mounted tmpfs, or the reason it cannot be had."""
    mount_point = Path(tempfile.mkdtemp(prefix="oplaeg-tmpfs-"))
    command = ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount_point)]
    try:
        result = subprocess.run(command, capture_output=True, text=True)
        problem = result.stderr.strip() or "mount failed" if result.returncode else ""
    except OSError as error:
        problem = f"mount cannot run: {error}"
    if problem:
        mount_point.rmdir()
        yield f"cannot mount a small tmpfs here ({problem})"
        return
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)
        mount_point.rmdir()


def report(title: str, findings: Findings, told: Ledger, trials: int) -> bool:
    print(f"{title}:")
    print(f"  trials                    {trials}")
    print(f"  acknowledged changes      {len(told.acked)}")
    print(f"  refused saves             {told.refusals}")
    print(f"  lost                      {findings.lost}")
    print(f"  duplicated                {findings.duplicated}")
    print(f"  refused but saved         {findings.refused_but_saved}")
    print(f"  sequence numbers repeated {findings.seq_repeats}")
    print(f"  torn                      {findings.torn}")
    return findings.clean


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--fault-rate", type=float, default=0.03)
    parser.add_argument("--real-disk", action="store_true", help="also run on a small tmpfs")
    parser.add_argument("--real-disk-trials", type=int, default=40)
    parser.add_argument("--platform", choices=["windows", "macos"], help="emulate its rules")
    parser.add_argument("--writer", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--prefix", default="t", help=argparse.SUPPRESS)
    parser.add_argument("--text-size", type=int, default=60, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.writer:
        writer(args.writer, args.prefix, args.seed, args.fault_rate, args.text_size, args.platform)
        return 0
    ok = True
    with tempfile.TemporaryDirectory(prefix="oplaeg-campaign-") as scratch:
        started = time.monotonic()
        findings, told = campaign(
            Path(scratch), args.trials, args.seed, args.fault_rate, platform=args.platform
        )
        ok &= report("injected faults and kill -9", findings, told, args.trials)
        print(f"  ({time.monotonic() - started:.0f} s)")
    if args.real_disk:
        with small_tmpfs() as mounted:
            if isinstance(mounted, str):
                print(f"real small disk: skipped: {mounted}")
            else:
                findings, told = campaign(
                    mounted,
                    args.real_disk_trials,
                    args.seed,
                    0.0,
                    text_size=2000,
                    filler=mounted / "filler",
                    fill_to=24 * 1024,
                    platform=args.platform,
                )
                title = "a real 200 KiB tmpfs, filled and freed"
                ok &= report(title, findings, told, args.real_disk_trials)
                if told.refusals == 0:
                    print("  (the disk never filled up: no real ENOSPC was met)")
                    ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
