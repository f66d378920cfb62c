"""Fixtures for the screens: the library includes the test theme with every exercise kind."""

from __future__ import annotations

import pytest

from sessions.theme.library import ThemeLibrary
from tests.tui.helpers import library_with_fixtures


@pytest.fixture
def library() -> ThemeLibrary:
    return library_with_fixtures()
