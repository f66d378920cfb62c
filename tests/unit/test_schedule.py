from datetime import datetime

from sessions.schedule import Schedule, apply, suggest


def test_from_theme_follows_the_plan(theme):
    schedule = Schedule.from_theme(theme, 90)
    assert schedule.total() == 90 and schedule.difference() == 0
    assert [i.id for i in schedule.items] == [s.id for s in theme.agenda(90)]
    assert all(i.minimum <= i.minutes for i in schedule.items)


def test_change_the_agenda(theme):
    schedule = Schedule.from_theme(theme, 90)
    first, second = schedule.items[0].id, schedule.items[1].id
    longer = schedule.set_minutes(first, schedule.items[0].minutes + 5)
    assert longer.difference() == 5
    assert schedule.difference() == 0, "schedules are values: the old one is unchanged"
    skipped = longer.toggle_skip(second)
    assert skipped.difference() == 5 - schedule.items[1].minutes
    assert second not in [i.id for i in skipped.active]
    moved = schedule.move(first, 1)
    assert [i.id for i in moved.items[:2]] == [second, first]
    with_break = schedule.add_extra(first, "break", "Ekstra pause")
    assert with_break.items[1].id == "extra-1" and with_break.items[1].minutes == 10
    assert with_break.difference() == 10
    with_round = with_break.add_extra(None, "exercise", "Ekstra runde")
    assert with_round.items[0].id == "extra-2" and with_round.items[0].format == "round"
    assert with_round.remove_extra("extra-1").difference() == 5
    assert with_round.remove_extra(first) == with_round, "theme items are skipped, not removed"
    assert Schedule.from_dict(with_round.to_dict()) == with_round


def test_timetable_gives_clock_times(theme):
    schedule = Schedule.from_theme(theme, 120)
    rows = schedule.timetable(datetime(2026, 11, 24, 13, 0))
    assert rows[0].starts == datetime(2026, 11, 24, 13, 0)
    assert rows[-1].ends == datetime(2026, 11, 24, 15, 0)


def test_suggestion_when_behind_respects_minimums(theme):
    schedule = Schedule.from_theme(theme, 90)
    current = schedule.items[1].id
    later = schedule.items[2:]
    changes = suggest(schedule, current, 8)
    assert sum(c.old_minutes - c.new_minutes for c in changes) == 8
    by_id = {i.id: i for i in later}
    assert all(c.new_minutes >= by_id[c.item_id].minimum for c in changes)
    fixed = apply(schedule, changes)
    assert fixed.minutes_after(current) == schedule.minutes_after(current) - 8


def test_far_behind_skips_optional_items_but_never_the_action_plan(theme):
    schedule = Schedule.from_theme(theme, 90)
    current = schedule.items[0].id
    changes = suggest(schedule, current, 60)
    skipped = [c.item_id for c in changes if c.skips]
    assert skipped
    kinds = {i.id: i for i in schedule.items}
    assert all(kinds[s].format != "action-plan" for s in skipped)
    assert schedule.items[-1].id not in skipped
    fixed = apply(schedule, changes)
    assert fixed.minutes_after(current) <= schedule.minutes_after(current) - 60


def test_suggestion_when_ahead_lengthens_exercises(theme):
    schedule = Schedule.from_theme(theme, 90)
    current = schedule.items[1].id
    changes = suggest(schedule, current, -6)
    assert sum(c.new_minutes - c.old_minutes for c in changes) == 6
    kinds = {i.id: i.kind for i in schedule.items}
    assert all(kinds[c.item_id] == "exercise" for c in changes)
    assert suggest(schedule, current, 0) == []
