"""The kill -9 fault campaign with its writer under Windows' rules (text-mode descriptors unless
opened binary): nothing confirmed is lost or torn, with injected faults and on a real small disk
that fills up."""

from __future__ import annotations

import pytest

from tests.faults.campaign import campaign, small_tmpfs


def test_kill_minus_nine_with_injected_faults_loses_nothing_on_windows(tmp_path):
    findings, told = campaign(tmp_path, trials=6, seed=12, fault_rate=0.05, platform="windows")
    assert (findings.lost, findings.torn) == (0, 0), findings.problems
    assert findings.clean, findings.problems
    assert told.refusals > 0, "faults were met and refused"


def test_a_real_small_disk_filling_up_loses_nothing_on_windows():
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
            platform="windows",
        )
    assert (findings.lost, findings.torn) == (0, 0), findings.problems
    assert findings.clean, findings.problems
    assert told.refusals > 0, "the disk filled up: real ENOSPC was met"
