"""How long the room view takes to show what the console did: from a page change (`go_to`) or
a timer started or paused in the console's process until the room view (`oplaeg projector`,
another process watching the session's files) has painted it. Page changes and timer actions
alternate, on the pages that have a countdown."""

from __future__ import annotations

import random
import time
from pathlib import Path


def follow_latency(data_dir: Path, session_id: str, samples: int) -> list[tuple[str, float]]:
    """("position" or "running", seconds) per change, `samples` of them."""
    from tests.perf.bench import read_line, start_child
    from tests.perf.workload import open_live

    room = start_child("follow", str(data_dir), session_id)
    assert room.stdin is not None
    latencies: list[tuple[str, float]] = []
    try:
        while "ready" not in read_line(room):
            pass
        live = open_live(data_dir, session_id)
        timed = [number for number, page in enumerate(live.pages) if page.seconds]
        chance = random.Random(17)
        try:
            for number in range(samples):
                time.sleep(0.2 + chance.random() * 0.1)  # out of step with any polling
                page = live.page
                if number % 2 and page.seconds:
                    begin = time.time()
                    running = live.timers.toggle(page.key, page.seconds).running
                    wanted: tuple[str, object] = ("running", running)
                else:
                    target = timed[(number // 2) % len(timed)]
                    if target == live.position:
                        target = timed[(number // 2 + 1) % len(timed)]
                    begin = time.time()
                    live.go_to(target)
                    wanted = ("position", target)
                while True:
                    line = read_line(room)
                    if line.get(wanted[0]) == wanted[1]:
                        latencies.append((wanted[0], line["at"] - begin))
                        break
        finally:
            live.close()
    finally:
        room.stdin.write("quit\n")
        room.stdin.flush()
        room.wait(timeout=60)
    return latencies
