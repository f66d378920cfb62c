"""A short run of the fault campaign (`python -m tests.faults.campaign` runs the long one)."""

from __future__ import annotations

import pytest

from tests.faults.campaign import campaign, small_tmpfs


def test_kill_minus_nine_with_injected_faults_loses_nothing(tmp_path):
    findings, told = campaign(tmp_path, trials=6, seed=12, fault_rate=0.05)
    assert findings.clean, findings.problems
    # Kills land at random times, so how much is saved first depends on the machine's speed.
    assert len(told.acked) >= 20, "the writers saved notes between the faults"
    assert told.refusals > 0, "faults were met and refused"


def test_a_real_small_disk_filling_up_and_freed_loses_nothing():
    with small_tmpfs() as mounted:
        if isinstance(mounted, str):
            pytest.skip(mounted)
        findings, told = campaign(
            mounted,
            trials=3,
            seed=7,
            fault_rate=0.0,
            text_size=2000,
            filler=mounted / "filler",
            fill_to=24 * 1024,
        )
    assert findings.clean, findings.problems
    assert told.refusals > 0, "the disk filled up: real ENOSPC was met"
    assert told.acked
