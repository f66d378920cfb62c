"""`windows` and `macos`: the test runs under that platform's rules (see `emulation.py`)."""

from __future__ import annotations

import pytest

from tests.platforms.emulation import Emulated


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> Emulated:
    return Emulated("windows", monkeypatch)


@pytest.fixture
def macos(monkeypatch: pytest.MonkeyPatch) -> Emulated:
    return Emulated("macos", monkeypatch)
