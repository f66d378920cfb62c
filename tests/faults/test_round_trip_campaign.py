"""The round-trip campaign with thousands of sessions is long (`python -m
tests.faults.round_trip_campaign`); it runs here only when asked for, with
OPLAEG_LONG_CAMPAIGN=1 (the default run has 250 sessions in tests/unit/test_round_trip.py)."""

from __future__ import annotations

import os

import pytest

from tests.faults.round_trip_campaign import places, sessions

long_only = pytest.mark.skipif(
    os.environ.get("OPLAEG_LONG_CAMPAIGN") != "1", reason="set OPLAEG_LONG_CAMPAIGN=1"
)


@long_only
def test_thousands_of_sessions_round_trip():
    assert sessions(int(os.environ.get("OPLAEG_EXAMPLES", "3000"))) > 0


@long_only
def test_every_absurd_value_at_every_place_is_refused_or_harmless():
    tried, refused, fine = places()
    assert tried == refused + fine
