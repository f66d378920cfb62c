"""The storage unit tests again, under Windows' rules (see `emulation.py`)."""

from __future__ import annotations

import pytest

from tests.platforms.emulation import Emulated
from tests.unit.test_storage import *  # noqa: F403  (the same tests, collected here again)


@pytest.fixture(autouse=True)
def windows_rules(windows: Emulated) -> Emulated:
    return windows
