"""The benchmark script still runs against the code as it is (its figures are not judged here:
timings depend on the machine). A measurement, not a test of oplaeg: left out of the default
run, run by `pytest -m bench` (CI does, after the suite)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.bench

BENCH = Path(__file__).resolve().parents[1] / "perf" / "bench.py"


def test_the_tiny_benchmark_prints_its_table() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--tiny"],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].split("|")[1:-1]]
    assert header == ["figure", "oplaeg", "baseline", "ratio", "target", "ok"]
    figures = " ".join(line.split("|")[1] for line in lines[2:])
    for figure in (
        "first screen",
        "memory",
        "start screen",
        "note",
        "board item move",
        "page change",
        "export",
        "room view follows",
        "idle CPU",
        "countdown drift",
    ):
        assert figure in figures


def test_the_outside_harness_prints_its_table_quickly() -> None:
    """oplaeg in tmux, read through one control-mode client: `--quick` runs every figure."""
    import shutil

    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    outside = BENCH.parent / "outside.py"
    result = subprocess.run(
        [sys.executable, str(outside), "--quick"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].split("|")[1:-1]]
    assert header == ["figure", "oplaeg", "baseline", "ratio", "target", "ok", "spread"]
    figures = " ".join(line.split("|")[1] for line in lines[2:])
    for figure in (
        "first screen",
        "first launch",
        "start screen",
        "RSS at the start screen",
        "console page change p50",
        "console page change p95",
        "room view follows p50",
        "room view follows p95",
        "RSS after walking every page",
        "idle CPU",
        "resume",
        "export md",
    ):
        assert figure in figures
    # Every figure was measured: a pane that never showed its page would read 10 s (the limit).
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.split("|")[1:-1]]
        if "(s)" not in cells[0]:
            continue  # memory in MiB, CPU in per cent: no time limit to read
        assert float(cells[1]) < 10 and float(cells[2].split()[0]) < 10, line
    # The memory and CPU were read from the programs themselves, not from a shell in between
    # (a shell that forks instead of exec'ing reads ~2 MiB and 0 % CPU).
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.split("|")[1:-1]]
        if "(MiB)" in cells[0]:
            assert float(cells[1]) > 20 and float(cells[2].split()[0]) > 20, line
        if "CPU" in cells[0]:
            assert float(cells[1]) > 0 and float(cells[2].split()[0]) > 0, line
