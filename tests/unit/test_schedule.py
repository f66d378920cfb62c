from datetime import datetime

from sessions.agenda.schedule import AgendaItem, Schedule
from sessions.theme.model import ExerciseFormat, SegmentKind


def test_from_theme_follows_the_plan(theme):
    schedule = Schedule.from_theme(theme, 90)
    assert schedule.total() == 90 and schedule.difference() == 0
    assert [i.id for i in schedule.items] == [s.id for s in theme.agenda(90)]
    assert all(i.minimum <= i.minutes for i in schedule.items)
    assert schedule.theme_plan is None and schedule.base_plan == 90
    assert all(i.planned_minutes == i.minutes == i.original_minutes for i in schedule.items)


def test_change_the_agenda(theme):
    schedule = Schedule.from_theme(theme, 90)
    first, second = schedule.items[0].id, schedule.items[1].id
    longer = schedule.set_minutes(first, schedule.items[0].minutes + 5)
    assert longer.difference() == 5
    assert schedule.difference() == 0, "schedules are values: the old one is unchanged"
    skipped = longer.toggle_skip(second)
    assert skipped.difference() == 5 - schedule.items[1].minutes
    assert second not in [i.id for i in skipped.active]
    assert skipped.set_skipped(second, False) == longer
    too_short = schedule.set_minutes(first, 0)
    assert too_short.items[0].minutes == 1 and too_short.items[0].below_minimum
    assert not schedule.items[0].below_minimum
    moved = schedule.move(first, 1)
    assert [i.id for i in moved.items[:2]] == [second, first]
    with_break, break_id = schedule.add_extra(first, SegmentKind.BREAK, "Ekstra pause")
    assert break_id == "extra-1" == with_break.items[1].id
    assert with_break.items[1].minutes == 10 and with_break.items[1].is_break
    assert with_break.difference() == 10
    with_round, round_id = with_break.add_extra(None, SegmentKind.EXERCISE, "Ekstra runde")
    assert round_id == "extra-2" == with_round.items[0].id
    assert with_round.items[0].format is ExerciseFormat.ROUND
    assert with_round.remove_extra("extra-1").difference() == 5
    assert with_round.remove_extra(first) == with_round, "theme items are skipped, not removed"
    assert Schedule.from_dict(with_round.to_dict()) == with_round


def test_add_extra_never_reuses_an_id(theme):
    schedule, first = Schedule.from_theme(theme, 90).add_extra(None, SegmentKind.BREAK, "A")
    schedule, second = schedule.add_extra(None, SegmentKind.BREAK, "B")
    schedule = schedule.remove_extra(first)
    schedule, third = schedule.add_extra(None, SegmentKind.BREAK, "C")
    assert len({first, second, third}) == 3
    assert third not in {i.id for i in schedule.items if i.id != third}


def test_kind_and_format_are_enums_even_from_strings_and_old_stored_agendas():
    item = AgendaItem("x", "X", "break", 10, 5, 10)  # type: ignore[arg-type]
    assert item.kind is SegmentKind.BREAK and item.is_break
    stored = {"id": "a", "title": "A", "kind": "exercise", "minutes": 7, "format": "action-plan"}
    old = AgendaItem.from_dict(stored)
    assert old.format is ExerciseFormat.ACTION_PLAN and old.is_action_plan
    assert old.original_minutes == old.planned_minutes == 7 and old.minimum == 0
    assert old.to_dict()["kind"] == "exercise" and old.to_dict()["format"] == "action-plan"


def test_timetable_gives_clock_times(theme):
    schedule = Schedule.from_theme(theme, 120)
    rows = schedule.timetable(datetime(2026, 11, 24, 13, 0))
    assert rows[0].starts == datetime(2026, 11, 24, 13, 0)
    assert rows[-1].ends == datetime(2026, 11, 24, 15, 0)
