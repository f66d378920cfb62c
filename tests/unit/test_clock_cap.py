"""The wall clock's cap decided from measurements (`tui.widgets.clock_cap`): it settles on the
same rows whatever order the measurements come in, and never swings."""

from __future__ import annotations

from tui.widgets.clock_cap import ClockCap

SHARE = 8
"""The rows the clock would take with nothing under it to leave room for."""


def settle(cap: ClockCap, measurements: list[int], *, held_back: bool = False) -> int | None:
    for left in measurements:
        rows = SHARE if cap.rows is None else min(SHARE, cap.rows)
        cap.measured(left, rows, held_back=held_back)
    return cap.rows


def test_a_measurement_taken_mid_layout_is_outgrown_once_seen_twice():
    assert settle(ClockCap(), [4, 4, 4]) == 4
    assert settle(ClockCap(), [1, 4, 4, 4]) == 4, "one early, too tall measurement"
    cap = ClockCap()
    assert settle(cap, [1, 4]) == 1, "seen once: not yet"


def test_a_list_that_leaves_items_out_keeps_its_rows():
    assert settle(ClockCap(), [1, 4, 4], held_back=True) == 1


def test_rows_the_clock_grew_into_are_given_back_and_it_stays():
    cap = ClockCap()
    settle(cap, [1, 4, 4])
    assert cap.rows == 4
    assert cap.measured(4, 4, held_back=True), "the list now leaves items out"
    assert cap.rows == 1
    assert settle(cap, [4, 4, 4]) == 1, "never grows again on this page"
    cap.reset()
    assert cap.rows is None and settle(cap, [4, 4]) == 4, "another page or size starts anew"


def test_nothing_measured_changes_nothing():
    cap = ClockCap()
    assert not cap.measured(None, SHARE, held_back=False)
    assert cap.rows is None
