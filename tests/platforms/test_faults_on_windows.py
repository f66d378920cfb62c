"""The storage fault suite again, under Windows' rules: text-mode descriptors unless opened
binary, no directory fsync, a replace refused while a file is held."""

from __future__ import annotations

import pytest

from tests.faults.test_full_disk import *  # noqa: F403  (the same tests, collected here again)
from tests.faults.test_full_disk import compact_often  # noqa: F401  (their autouse fixture)
from tests.platforms.emulation import Emulated


@pytest.fixture(autouse=True)
def windows_rules(windows: Emulated) -> Emulated:
    return windows


# These two check that the scenario passes a directory fsync, which Windows does not have.
del test_the_scenario_passes_every_kind_of_write_point  # noqa: F821
del test_a_fault_while_a_session_is_made_leaves_it_whole_or_absent  # noqa: F821
