"""The storage fault suite again, under macOS's rules: every flush is `F_FULLFSYNC`, and a
failing one is handled as a failing fsync is."""

from __future__ import annotations

import pytest

from tests.faults.test_full_disk import *  # noqa: F403  (the same tests, collected here again)
from tests.faults.test_full_disk import compact_often  # noqa: F401  (their autouse fixture)
from tests.platforms.emulation import Emulated


@pytest.fixture(autouse=True)
def macos_rules(macos: Emulated) -> Emulated:
    return macos
