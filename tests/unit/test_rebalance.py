"""Rebalancing (`j`): a preview that never drops anything by itself, is idempotent, keeps whole
minutes, and can be undone in one call."""

import pytest

from sessions.agenda.history import AgendaChange
from sessions.agenda.pages import build_pages
from sessions.agenda.rebalance import plan_rebalance, preview
from sessions.agenda.schedule import AgendaItem, Schedule
from sessions.agenda.timing import ItemProgress, ItemState, status
from sessions.live import LiveSession
from sessions.models import SessionDetails
from sessions.theme.library import bundled_content_dir, theme_files
from sessions.theme.model import ExerciseFormat, SegmentKind
from tests.conftest import DETAILS, reopen

THEMES = [path.stem for path in theme_files(bundled_content_dir())]


def item(item_id, minutes, minimum, kind=SegmentKind.EXERCISE, fmt=None, optional=False):
    return AgendaItem(
        item_id, item_id.title(), kind, minutes, minimum, minutes, format=fmt, optional=optional
    )


def small_agenda() -> Schedule:
    return Schedule(
        (
            item("velkommen", 5, 3, SegmentKind.PRESENTATION),
            item("runde", 10, 6, fmt=ExerciseFormat.ROUND),
            item("oplaeg", 20, 12, SegmentKind.PRESENTATION, optional=True),
            item("pause", 10, 5, SegmentKind.BREAK),
            item("case", 25, 15, fmt=ExerciseFormat.CASE),
            item("summe", 5, 3, fmt=ExerciseFormat.BUZZ, optional=True),
            item("handlingsplan", 10, 6, fmt=ExerciseFormat.ACTION_PLAN),
            item("afrunding", 5, 3, fmt=ExerciseFormat.ROUND),
        ),
        90,
    )


def coming_after(schedule: Schedule, current: str) -> list[ItemProgress]:
    """Progress with `current` being run and everything after it still to come."""
    index = schedule.index_of(current)
    rows = []
    for position, agenda_item in enumerate(schedule.items):
        state = (
            ItemState.DONE
            if position < index
            else ItemState.NOW
            if position == index
            else ItemState.TO_COME
        )
        rows.append(ItemProgress(agenda_item, state, None, 0.0, agenda_item.minutes * 60.0))
    return rows


def test_behind_shortens_only_coming_items_down_to_their_minimums():
    schedule = small_agenda()
    result = plan_rebalance(schedule, coming_after(schedule, "runde"), 8)
    assert result.missing == 0 and result.spare == 0 and not result.skip_choices
    assert sum(c.before - c.after for c in result.changes) == 8
    assert {c.item_id for c in result.changes} <= {
        "oplaeg",
        "pause",
        "case",
        "summe",
        "handlingsplan",
        "afrunding",
    }
    for change in result.changes:
        assert change.after >= schedule.item(change.item_id).minimum and not change.skipped
    assert result.after.total() == 82
    assert result.before == schedule and result.after != schedule


def test_far_behind_drops_nothing_but_offers_skips_as_choices():
    """The UX test saw `j` skip Oplæg 2, the case and the vote without a question."""
    schedule = small_agenda()
    result = plan_rebalance(schedule, coming_after(schedule, "velkommen"), 70)
    assert [i.id for i in result.after.active] == [i.id for i in schedule.active]
    assert all(i.minutes == i.minimum for i in result.after.items[1:])
    slack = sum(i.minutes - i.minimum for i in schedule.items[1:])
    assert result.missing == 70 - slack
    choices = [c.item_id for c in result.skip_choices]
    assert choices[:2] == ["summe", "oplaeg"], "optional items first, from the back"
    assert set(choices) == {"summe", "oplaeg", "runde", "case"}, "never the plan, last or a break"
    assert all(c.minutes == result.after.item(c.item_id).minutes for c in result.skip_choices)

    # The consultant chooses to skip the optional talk: worked out again with that choice.
    chosen = plan_rebalance(schedule, coming_after(schedule, "velkommen"), 70, skips=["oplaeg"])
    assert chosen.skips == ("oplaeg",)
    assert chosen.after.item("oplaeg").skipped
    assert [c for c in chosen.changes if c.skipped] == [
        c for c in chosen.changes if c.item_id == "oplaeg"
    ]
    assert chosen.missing == result.missing - schedule.item("oplaeg").minimum
    assert "oplaeg" not in {c.item_id for c in chosen.skip_choices}
    # Skips the rules do not allow are ignored.
    ignored = plan_rebalance(
        schedule, coming_after(schedule, "velkommen"), 70, skips=["handlingsplan"]
    )
    assert not ignored.after.item("handlingsplan").skipped


def test_skipping_more_than_needed_leaves_the_rest_as_it_was_and_reports_spare():
    schedule = small_agenda()
    result = plan_rebalance(schedule, coming_after(schedule, "velkommen"), 3, skips=["case"])
    assert [c.item_id for c in result.changes] == ["case"]
    assert result.spare == 22 and result.missing == 0


def test_ahead_lengthens_exercises_from_their_planned_minutes_never_again():
    """The UX test saw Afrunding 5→7, then 7→10 on a second press."""
    schedule = small_agenda()
    first = plan_rebalance(schedule, coming_after(schedule, "velkommen"), -30)
    assert all(schedule.item(c.item_id).kind is SegmentKind.EXERCISE for c in first.changes)
    for change in first.changes:
        planned = schedule.item(change.item_id).planned_minutes
        assert change.after <= planned + planned // 2
    assert first.after.item("afrunding").minutes <= 7
    assert first.spare == 30 - sum(c.after - c.before for c in first.changes) > 0
    # Asked again (still ahead): the exercises are full, nothing grows any more.
    second = plan_rebalance(first.after, coming_after(first.after, "velkommen"), -30)
    assert second.empty and second.after == first.after and second.spare == 30


def test_lengthening_after_shortening_counts_from_the_plan():
    schedule = small_agenda()
    short = plan_rebalance(schedule, coming_after(schedule, "velkommen"), 20).after
    longer = plan_rebalance(short, coming_after(short, "velkommen"), -60).after
    for agenda_item in longer.items:
        assert (
            agenda_item.minutes <= agenda_item.planned_minutes * 3 // 2
            or agenda_item.kind is not SegmentKind.EXERCISE
        )


def test_nothing_to_do_when_on_time():
    schedule = small_agenda()
    assert plan_rebalance(schedule, coming_after(schedule, "runde"), 0).empty


def test_items_used_or_running_are_never_touched():
    schedule = small_agenda()
    progress = coming_after(schedule, "case")
    result = plan_rebalance(schedule, progress, 40)
    assert {c.item_id for c in result.changes} <= {"summe", "handlingsplan", "afrunding"}


def test_a_partly_used_coming_item_is_not_cut_below_what_it_used():
    schedule = small_agenda()
    progress = coming_after(schedule, "velkommen")
    # The case was visited for 20 minutes, then the consultant went back.
    progress = [
        ItemProgress(p.item, p.state, 0.0, 1200.0, 300.0) if p.item.id == "case" else p
        for p in progress
    ]
    result = plan_rebalance(schedule, progress, 60)
    assert result.after.item("case").minutes == 20


# -- with a real session on a fake clock ------------------------------------------------------


def walk(live, clock, seconds_per_item, items):
    """Run the first `items` agenda items, `seconds_per_item` each, and enter the next one."""
    live.nav.start()
    for agenda_item in live.schedule.active[1 : items + 1]:
        clock.advance(seconds_per_item)
        live.go_to(next(i for i, p in enumerate(live.pages) if p.segment.id == agenda_item.id))


def test_rebalance_when_behind_is_idempotent_and_lands_on_time(live, clock):
    live.nav.start()
    clock.advance((live.schedule.items[0].minutes + 6) * 60 + 30)
    live.go_to(
        next(i for i, p in enumerate(live.pages) if p.segment.id == live.schedule.items[1].id)
    )
    proposal = live.rebalance()
    assert proposal.minutes == 6 and not proposal.empty and proposal.missing == 0
    assert live.apply_rebalance(proposal)
    assert abs(live.timing().behind) < 60
    assert live.rebalance().empty, "asking again changes nothing"
    assert not live.apply_rebalance(proposal), "a stale preview is refused"


def test_rebalance_when_ahead_is_idempotent(live, clock):
    walk(live, clock, 20, 4)
    assert live.pace().minutes >= 5 and live.pace().suggests
    proposal = live.rebalance()
    assert proposal.minutes < 0 and not proposal.empty
    live.apply_rebalance(proposal)
    timing = live.timing()
    assert abs(timing.behind / 60 + proposal.spare) < 1, "what is left is exactly the spare"
    again = live.rebalance()
    assert again.empty, "pressing j again lengthens nothing"
    clock.advance(5)
    assert live.rebalance().empty


def test_step_timers_stay_on_whole_minutes_after_rebalancing(library):
    for theme_id in THEMES:
        theme = library.get(theme_id)
        for plan in theme.plans:
            schedule = Schedule.from_theme(theme, plan)
            first = schedule.active[0].id
            for minutes in (7, 25, -9, -40):
                progress = coming_after(schedule, first)
                after = plan_rebalance(schedule, progress, minutes).after
                for page in build_pages(theme, after):
                    assert page.seconds is None or page.seconds % 60 == 0, (theme_id, page.key)
                for agenda_item in after.active:
                    steps = [
                        p.seconds
                        for p in build_pages(theme, after)
                        if p.segment.id == agenda_item.id and p.seconds
                    ]
                    if len(steps) <= agenda_item.minutes:
                        assert sum(steps) <= agenda_item.minutes * 60, (theme_id, agenda_item.id)


@pytest.mark.parametrize("theme_id", THEMES)
def test_far_behind_in_every_bundled_theme_skips_nothing_by_itself(
    theme_id, repository, library, clock
):
    theme = library.get(theme_id)
    plan = max(theme.plans)
    info, store = repository.create(theme, SessionDetails(**{**DETAILS.__dict__, "plan": plan}))
    live = LiveSession(repository, info, store, theme, clock)
    live.nav.start()
    clock.advance((live.schedule.items[0].minutes + 70) * 60)
    proposal = live.rebalance()
    assert not any(c.skipped for c in proposal.changes)
    assert [i.id for i in proposal.after.active] == [i.id for i in live.schedule.active]
    assert proposal.missing > 0
    last = live.schedule.active[-1].id
    for choice in proposal.skip_choices:
        chosen = live.schedule.item(choice.item_id)
        assert choice.item_id != last and not chosen.is_action_plan and not chosen.is_break
    assert live.apply_rebalance(proposal)
    again = live.rebalance()
    assert again.empty and again.missing == proposal.missing, "nothing more to cut, says so again"
    assert [c.item_id for c in again.skip_choices] == [c.item_id for c in proposal.skip_choices]
    live.close()


def test_one_call_undoes_the_last_rebalance_even_after_a_restart(live, repository, library, clock):
    live.nav.start()
    clock.advance((live.schedule.items[0].minutes + 5) * 60)
    before = live.schedule
    assert live.apply_rebalance(live.rebalance())
    assert live.schedule != before
    assert live.history.last().change is AgendaChange.REBALANCE
    live.store._lock.release()
    again = reopen(repository, library, live.info.id, clock)
    undone = again.undo_agenda()
    assert undone is not None and undone.change is AgendaChange.REBALANCE
    assert again.schedule == before
    assert again.undo_agenda() is None, "one step of undo"
    again.close()


def test_a_visit_to_the_planner_is_undone_as_one(live):
    before = live.schedule
    first = before.items[0].id
    live.set_schedule(before.set_minutes(first, 9))
    live.set_schedule(live.schedule.set_minutes(first, 10), change=None)
    live.set_schedule(live.schedule.toggle_skip(before.items[1].id), change=None)
    point = live.undo_agenda()
    assert point.change is AgendaChange.EDIT and live.schedule == before


def test_preview_is_a_pure_function_of_schedule_and_status(theme, clock):
    schedule = Schedule.from_theme(theme, 90)
    first, second = schedule.items[0].id, schedule.items[1].id
    entries = [(first, 0.0), (second, (schedule.items[0].minutes + 4) * 60.0)]
    now = entries[1][1] + 30
    proposal = preview(schedule, status(schedule, second, 0.0, entries, [], now))
    assert proposal.minutes == 4
    again = preview(proposal.after, status(proposal.after, second, 0.0, entries, [], now))
    assert again.empty
