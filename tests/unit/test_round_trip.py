"""The app's own JSON export always imports back (issue #24): a property test drives random
sequences of what a consultant does through `LiveSession`, exports JSON, imports it into a
fresh data folder and exports again — byte for byte the same, every time. The long campaign is
`tests/faults/test_round_trip_campaign.py`."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings

from sessions.export import export_session
from sessions.imports.check import check_export
from tests import conftest
from tests.round_trip import SESSIONS, no_fsync, round_trip, run_session
from tests.tui.helpers import library_with_fixtures

LIBRARY = library_with_fixtures()
EXAMPLES = 50 if conftest.QUICK else 250
"""Random sessions per run: 250 in the full run (CI), 50 in the quick set a developer runs."""


@settings(
    max_examples=EXAMPLES,
    database=None,  # nothing written into the checkout
    deadline=None,  # a loaded machine makes single examples slow; the count is what matters
    suppress_health_check=[HealthCheck.too_slow],
)
@given(SESSIONS)
def test_a_session_exports_imports_and_exports_the_same(plan):
    from sessions.clock import FakeClock

    first, second = round_trip(LIBRARY, FakeClock(), plan, formats=("md",))
    assert second == first


def test_an_undone_rebalance_imports_back(repository, clock, tmp_path):
    """The walkthrough's case: PgDn, `j` Enter, `z`, export json, import elsewhere."""
    from sessions.repository import SessionRepository
    from sessions.storage.locations import prepare_data_dir

    with no_fsync():
        live = run_session(
            LIBRARY,
            repository,
            clock,
            (False, [("wait", 600), ("page", "next", 0), ("wait", 3600), ("rebalance", False)]),
        )
    assert live.history.last() is not None, "the rebalance changed the agenda"
    live.undo_agenda()
    exported = json.loads(export_session(live.store, "json"))
    live.close()
    assert "agenda_history" not in exported["tables"], "an emptied table is left out"
    other = SessionRepository(prepare_data_dir(tmp_path / "other"), clock)
    info = other.import_export(exported)
    assert info.id == exported["tables"]["session"]["1"]["id"]


def test_an_export_with_an_emptied_table_from_an_earlier_version_imports(repository, clock):
    with no_fsync():
        live = run_session(LIBRARY, repository, clock, (False, []))
    exported = json.loads(export_session(live.store, "json"))
    live.close()
    exported["tables"]["agenda_history"] = {}
    exported["tables"]["draft"] = {}
    tables = check_export(exported)
    assert "agenda_history" not in tables and "draft" not in tables
