"""`windows` and `macos`: the test runs under that platform's rules (see `emulation.py`)."""

from __future__ import annotations

import pytest

from sessions.theme.library import ThemeLibrary
from tests.platforms.emulation import Emulated
from tests.tui.helpers import library_with_fixtures


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> Emulated:
    return Emulated("windows", monkeypatch)


@pytest.fixture
def macos(monkeypatch: pytest.MonkeyPatch) -> Emulated:
    return Emulated("macos", monkeypatch)


@pytest.fixture
def library() -> ThemeLibrary:
    """The bundled themes and the test theme with every exercise kind (as in tests/tui)."""
    return library_with_fixtures()
