"""The room view's tests (following the console, the file watcher) again, under Windows' and
macOS's rules (see `emulation.py`)."""

from __future__ import annotations

import pytest

from tests.platforms.emulation import Emulated
from tests.tui.test_file_watch import *  # noqa: F403  (the same tests, collected here again)
from tests.tui.test_room_view import *  # noqa: F403


@pytest.fixture(autouse=True, params=["windows", "macos"])
def platform_rules(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Emulated:
    return Emulated(request.param, monkeypatch)
