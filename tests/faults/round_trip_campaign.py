"""The long round-trip and import campaign (not collected by pytest; issue #24).

1. Thousands of random sessions (Hypothesis): a consultant's operations through `LiveSession`,
   JSON export, import into a fresh data folder, JSON export again — the same bytes every
   time; the imported copy exports in every format and resumes.
2. Every well-typed absurd value at every single place of a full export (not one per kind of
   place, as the default test does): refused with one line, or imported, exported in every
   format and resumed.

    python -m tests.faults.round_trip_campaign                    # 3,000 sessions + every place
    python -m tests.faults.round_trip_campaign --examples 500 --no-places

It prints what it tried and how long it took; any failure is printed with the smallest
sequence of operations (or the place and value) that shows it, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from sessions.clock import FakeClock
from sessions.repository import SessionRepository
from sessions.storage.locations import prepare_data_dir
from tests.import_fuzz import (
    NUMBERS,
    TEXTS,
    accepted_at,
    exports_and_resumes,
    full_export,
    numbers,
    texts,
    with_values,
)
from tests.round_trip import SESSIONS, round_trip
from tests.tui.helpers import library_with_fixtures

EVERY_FORMAT = ("md", "html", "docx", "xlsx", "csv")


def sessions(examples: int) -> int:
    library = library_with_fixtures()
    count = 0

    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(SESSIONS)
    def property_holds(plan) -> None:  # type: ignore[no-untyped-def]
        nonlocal count
        count += 1
        first, second = round_trip(library, FakeClock(), plan, formats=EVERY_FORMAT)
        assert second == first

    property_holds()
    return count


def places(every: int = 1) -> tuple[int, int, int]:
    """Every absurd value at every place (or at every `every`-th, for a quicker look):
    (tried, refused, imported and fine)."""
    library = library_with_fixtures()
    clock = FakeClock()
    with tempfile.TemporaryDirectory(prefix="oplaeg-places-") as folder:
        base = Path(folder)
        document = full_export(
            library, SessionRepository(prepare_data_dir(base / "source"), clock), clock
        )
        tried = refused = fine = 0
        candidates = [(p, v) for p in numbers(document) for v in NUMBERS]
        candidates += [(p, v) for p in texts(document) for v in TEXTS]
        candidates = candidates[::every]
        for number, (path, value) in enumerate(candidates):
            if number % 500 == 0:
                print(f"  {number}/{len(candidates)} places tried", file=sys.stderr, flush=True)
            tried += 1
            if not accepted_at(document, path, value):
                refused += 1
                continue
            repository = SessionRepository(prepare_data_dir(base / f"d{number}"), clock)
            try:
                exports_and_resumes(
                    library, repository, clock, with_values(document, [(path, value)])
                )
            except Exception as error:
                from sessions.errors import OplaegError

                if not (isinstance(error, OplaegError) and "\n" not in str(error)):
                    raise AssertionError(f"{'/'.join(map(str, path))} = {value!r:.60}") from error
            fine += 1
    return tried, refused, fine


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=3000, help="random sessions")
    parser.add_argument("--no-places", action="store_true", help="skip the absurd values")
    parser.add_argument("--every", type=int, default=1, help="try every N-th place and value")
    args = parser.parse_args()
    if args.examples > 0:
        started = time.monotonic()
        count = sessions(args.examples)
        print(f"round trip: {count} random sessions, identical every time, every format "
              f"exports ({time.monotonic() - started:.0f} s)")  # fmt: skip
    if not args.no_places:
        started = time.monotonic()
        tried, refused, fine = places(args.every)
        seconds = time.monotonic() - started
        print(f"absurd values: {tried} tried, {refused} refused in one line, {fine} imported, "
              f"exported in every format and resumed ({seconds:.0f} s)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
