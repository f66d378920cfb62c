"""How long the room view takes to show a page the console moved to: from `go_to` in the
console's process until the room view (`oplaeg projector`, another process polling the
session's files) has painted that page."""

from __future__ import annotations

import random
import time
from pathlib import Path


def follow_latency(data_dir: Path, session_id: str, samples: int) -> list[float]:
    """Seconds per page change, `samples` of them."""
    from tests.perf.bench import read_line, start_child
    from tests.perf.workload import open_live

    room = start_child("follow", str(data_dir), session_id)
    assert room.stdin is not None
    latencies: list[float] = []
    try:
        while "ready" not in read_line(room):
            pass
        live = open_live(data_dir, session_id)
        pages = len(live.pages)
        chance = random.Random(17)
        try:
            for number in range(samples):
                time.sleep(0.2 + chance.random() * 0.1)  # out of step with the polling
                target = 1 + number % (pages - 2)
                if target == live.position:
                    target += 1
                begin = time.time()
                live.go_to(target)
                while True:
                    line = read_line(room)
                    if line.get("position") == target:
                        latencies.append(line["at"] - begin)
                        break
        finally:
            live.close()
    finally:
        room.stdin.write("quit\n")
        room.stdin.flush()
        room.wait(timeout=60)
    return latencies
