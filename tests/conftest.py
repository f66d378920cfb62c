"""Shared fixtures. Every test has its own data folder: the user's real data is never touched."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

if sys.dont_write_bytecode and sys.pycache_prefix is None:
    # PYTHONDONTWRITEBYTECODE (a sandbox's or a container's) made every test process compile
    # all of oplaeg and its tests again, each run: a few seconds per worker. The compiled
    # files go to a folder of their own instead, so the checkout stays as clean as asked.
    sys.pycache_prefix = str(Path(tempfile.gettempdir()) / "oplaeg-test-pycache")
    sys.dont_write_bytecode = False

import sessions.theme.library as library_module
from sessions.clock import FakeClock
from sessions.i18n import set_language
from sessions.live import LiveSession
from sessions.models import SessionDetails
from sessions.repository import SessionRepository
from sessions.storage.locations import prepare_data_dir
from sessions.theme.library import ThemeLibrary, ThemeOrigin, bundled_content_dir
from sessions.theme.model import Theme

FIXTURES = Path(__file__).parent / "fixtures"
"""The test themes (the one with every exercise kind)."""
_UNCHANGING = (bundled_content_dir(), FIXTURES.resolve())
"""Folders whose theme files no test changes: each is parsed once per test process."""


@pytest.fixture(autouse=True, scope="session")
def parse_each_shipped_theme_once():
    """A `ThemeLibrary` reads every bundled theme when first asked; most tests make a new one,
    and reading all ten took a sixth of a second each time. A file in the folders above is
    parsed once per process, keyed by its path and its whole text (a changed file is parsed
    again); any other file is parsed every time, as the app does. A test that wraps the parse
    (`test_theme_library_race.py`) wraps this one and still sees every call."""
    parse = library_module._parse
    parsed: dict[tuple[str, bytes], library_module.Parsed] = {}

    def parse_once(path: Path) -> library_module.Parsed:
        if path.parent.resolve() not in _UNCHANGING:
            return parse(path)
        try:
            key = (str(path), path.read_bytes())
        except OSError:
            return parse(path)
        if key not in parsed:
            parsed[key] = parse(path)
        theme, problems = parsed[key]
        return theme, list(problems)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(library_module, "_parse", parse_once)
        yield


@pytest.fixture(autouse=True, scope="session")
def pilot_looks_for_idle_every_10_ms():
    """Pilot waits after every key and pause until the app looks idle: it sleeps 20 ms at a time
    until a sleep passes with under 1 ms of CPU used, and a key waits twice. In the screens'
    tests that waiting was three quarters of the time. Looking every 10 ms (idle: under 0.5 ms
    used) keeps the same rule at half the step; what a test waits for beyond that it waits for
    by name (`app.workers.wait_for_complete()`, a condition). Textual is pinned below 8.3: if
    these names move, this fails at once instead of silently waiting the old way."""
    import textual._wait as waiting

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(waiting, "SLEEP_GRANULARITY", 1 / 100)
        patch.setattr(waiting, "SLEEP_IDLE", 1 / 100 / 20)
        yield


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


# Tests that drive a real program (tmux, Chromium, LibreOffice, the app's own command line in
# dozens of processes), run campaigns, sweep every theme or size, or measure load are marked
# `slow`: `pytest -m 'not slow'` is the quick set a developer runs while working, and the
# README's `pytest` (which CI runs) runs everything. Marked by where they live (a folder, a file,
# or one test in a file: `file.py::test_name`), so a new test in one of these places is slow
# without anyone remembering to say so. The quick set still covers every layer: the domain, the
# screens through Pilot, the phones' server and the command line in process.
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
    # every page of every theme, twice in two windows (the quick set keeps
    # tests/tui/test_room_view.py's and test_workshop_flow.py's private-note checks)
    "tests/tui/test_wall_privacy.py",
    # the room view's tests again under Windows' and macOS's rules (test_follow_rules.py, the
    # rules themselves, stays in the quick set)
    "tests/platforms/test_follow_on_other_platforms.py",
    # `oplaeg projector --browser` for real: textual-serve and its room views
    "tests/tui/test_room_server.py::test_the_real_room_view_is_bounded_and_ends_on_close_and_on_sigterm",
    "tests/unit/test_bench_runs.py",
    "tests/unit/test_office_roundtrip.py",
    # Chromium prints the paper
    "tests/unit/test_paper.py::test_printed_as_pdf",
    # every command in its own process, 31 of them
    "tests/unit/test_pipes.py",
)


QUICK = False
"""Whether this run is the quick set (`-m 'not slow'`): the property test then tries fewer
random sessions (`tests/unit/test_round_trip.py`); the full run tries them all."""


def pytest_configure(config: pytest.Config) -> None:
    global QUICK
    QUICK = _quick(config)


def _quick(config: pytest.Config) -> bool:
    return "not slow" in (config.getoption("markexpr") or "")


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: a worker per core for the full run, whose tmux, browser and load tests want
    a core each; two per core for the quick set, whose tests spend a third of their time
    waiting for a window to settle, so a second worker on the core runs meanwhile (on this
    2-core machine the quick set took 121 s with two workers and 79 s with four)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cores = cores or 1
    return cores * 2 if _quick(config) else cores


RUN_FIRST = (
    "tests/unit/test_office_roundtrip.py",  # forty Chromium prints in one test
    "tests/tui/test_idle_repaints.py",
    "tests/browser/",
    "tests/tui/test_join_attacks.py",
    "tests/tui/test_hangup_tmux.py",
    "tests/tui/test_signals.py",
    "tests/tui/test_join_load.py",
    "tests/faults/",
    "tests/platforms/test_faults_on",
    "tests/platforms/test_campaign_on_windows.py",
    "tests/tui/test_stage_fits.py",
    "tests/tui/test_wall_privacy.py",
    "tests/tui/test_session_list.py",
    "tests/tui/test_room_server.py",
    "tests/tui/test_snapshots.py",
    "tests/tui/",
    "tests/platforms/",
)
"""The order the tests are handed to the workers: the longest first, the many short unit
tests last, so that both workers run out of work at about the same moment (a long test
picked up last would leave the other worker idle for its whole length)."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.nodeid.startswith(SLOW_PLACES):
            item.add_marker(pytest.mark.slow)

    def rank(item: pytest.Item) -> int:
        return next(
            (n for n, place in enumerate(RUN_FIRST) if item.nodeid.startswith(place)),
            len(RUN_FIRST),
        )

    items.sort(key=rank)  # stable: a file's tests stay together and in their order
