"""Shared fixtures. Every test has its own data folder: the user's real data is never touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from sessions.clock import FakeClock
from sessions.i18n import set_language
from sessions.live import LiveSession
from sessions.models import SessionDetails
from sessions.repository import SessionRepository
from sessions.storage.locations import prepare_data_dir
from sessions.theme.library import ThemeLibrary, ThemeOrigin, bundled_content_dir
from sessions.theme.model import Theme


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("OPLAEG_DATA_DIR", str(home / "oplaeg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("OPLAEG_LANG", raising=False)
    set_language("da")
    yield
    set_language("da")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return prepare_data_dir(tmp_path / "data")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def library(data_dir: Path) -> ThemeLibrary:
    return ThemeLibrary(
        [(bundled_content_dir(), ThemeOrigin.BUNDLED), (data_dir / "themes", ThemeOrigin.USER)]
    )


@pytest.fixture
def repository(data_dir: Path, clock: FakeClock) -> SessionRepository:
    return SessionRepository(data_dir, clock)


@pytest.fixture
def theme(library: ThemeLibrary) -> Theme:
    return library.get("social-stoette")


DETAILS = SessionDetails(
    workplace="Botilbuddet Solsikken",
    date="2026-11-24",
    start_time="13:00",
    facilitator="Dorthe",
    participants=14,
    plan=90,
)


@pytest.fixture
def live(repository: SessionRepository, theme: Theme, clock: FakeClock):
    info, store = repository.create(theme, DETAILS)
    session = LiveSession(repository, info, store, theme, clock)
    yield session
    session.close()


def reopen(
    repository: SessionRepository, library: ThemeLibrary, session_id: str, clock
) -> LiveSession:
    """Open a session again, as a restarted app would."""
    info, store = repository.open(session_id)
    return LiveSession(repository, info, store, library.get(info.theme_id), clock)


# Tests that drive a real program (tmux, Chromium, LibreOffice), run campaigns or measure load
# are marked `slow`: `pytest -m 'not slow'` is the quick set a developer runs while working, and
# the README's `pytest` (which CI runs) runs everything. Marked by where they live, so a new test
# in one of these places is slow without anyone remembering to say so.
SLOW_PLACES = (
    "tests/browser/",
    "tests/faults/",
    "tests/platforms/test_campaign_on_windows.py",
    "tests/platforms/test_faults_on_macos.py",
    "tests/platforms/test_faults_on_windows.py",
    "tests/tui/test_hangup_tmux.py",
    "tests/tui/test_join_attacks.py",
    "tests/tui/test_join_load.py",
    "tests/tui/test_signals.py",
    "tests/tui/test_snapshots.py",
    "tests/tui/test_stage_fits.py",
    "tests/tui/test_idle_repaints.py",
    "tests/unit/test_bench_runs.py",
    "tests/unit/test_office_roundtrip.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = Path(str(config.rootpath))
    for item in items:
        where = Path(str(item.path)).relative_to(root).as_posix()
        if where.startswith(SLOW_PLACES):
            item.add_marker(pytest.mark.slow)
