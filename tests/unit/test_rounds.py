"""Go-rounds that fit the room: sizing one round, and every round of every bundled theme for
8, 14, 25 and 30 participants."""

import pytest

from sessions.agenda.rounds import agenda_rounds, rounds_that_do_not_fit
from sessions.agenda.schedule import Schedule
from sessions.agenda.timers import speaker_key
from sessions.exercises.round import (
    HANDOVER_SECONDS,
    MOST_VOLUNTEERS,
    SHORTEST_TURN,
    RoundOptions,
    RoundState,
    RoundWay,
    plan_round,
    preferred_way,
    turn_seconds,
    ways_that_work,
)
from sessions.models import SessionDetails
from sessions.theme.library import bundled_content_dir, theme_files
from sessions.theme.parser import load_theme_file
from tests.conftest import DETAILS

THEMES = theme_files(bundled_content_dir())
ROOMS = (8, 14, 25, 30)


def test_a_round_that_fits_is_run_with_everyone():
    plan = plan_round(RoundOptions(30), 8, 5 * 60)
    assert plan.needed == 8 * (30 + HANDOVER_SECONDS) == 280 and plan.fits
    assert preferred_way(RoundOptions(30), plan) is RoundWay.EVERYONE
    assert ways_that_work(RoundOptions(30), plan) == (RoundWay.EVERYONE,)


def test_a_round_too_big_for_its_step_offers_every_way_that_fits():
    """Selvledelse 90 min with 20 participants: 20 × 30 s in a 5-minute step."""
    options = RoundOptions(30)
    plan = plan_round(options, 20, 5 * 60)
    assert not plan.fits and plan.needed == 700
    assert plan.shorter_seconds == 10 and turn_seconds(20, 10) <= 300
    assert (plan.groups, plan.group_size, plan.group_seconds) == (4, 5, 30)
    assert plan.needs(RoundWay.GROUPS) == 175 <= 300
    assert plan.pluk == MOST_VOLUNTEERS == 5, "8 would fit, but a pluk is a few voices"
    assert plan.needs(RoundWay.PLUK) <= 300
    assert ways_that_work(options, plan) == (RoundWay.GROUPS, RoundWay.PLUK, RoundWay.SHORTER)
    assert preferred_way(options, plan) is RoundWay.GROUPS


def test_the_themes_fallback_comes_first_when_it_works():
    options = RoundOptions(30, fallback=RoundWay.PLUK)
    plan = plan_round(options, 20, 5 * 60)
    assert preferred_way(options, plan) is RoundWay.PLUK
    assert ways_that_work(options, plan)[0] is RoundWay.PLUK
    # A fallback that cannot work is passed over.
    shorter_first = RoundOptions(45, min_seconds_per_person=30, fallback=RoundWay.SHORTER)
    tight = plan_round(shorter_first, 20, 5 * 60)
    assert tight.shorter_seconds is None
    assert preferred_way(shorter_first, tight) is RoundWay.GROUPS


def test_shorter_turns_respect_the_themes_floor():
    floor = RoundOptions(45, min_seconds_per_person=20)
    assert plan_round(floor, 14, 7 * 60).shorter_seconds == 25  # 420 // 14 - 5, a multiple of 5
    assert plan_round(floor, 16, 7 * 60).shorter_seconds == 20  # 21 s fit, rounded down to 20
    assert plan_round(floor, 17, 7 * 60).shorter_seconds is None  # 19 s would fit: below the floor
    odd_floor = RoundOptions(45, min_seconds_per_person=12)
    assert plan_round(odd_floor, 24, 7 * 60).shorter_seconds == 12  # 12 s fit; 10 would be below
    assert plan_round(RoundOptions(12), 20, 5 * 60).shorter_seconds == 10  # the default floor
    assert plan_round(RoundOptions(10), 30, 5 * 60).shorter_seconds is None, "never below 10 s"
    assert SHORTEST_TURN == 10


def test_one_participant():
    plan = plan_round(RoundOptions(60), 1, 5 * 60)
    assert plan.fits and plan.participants == 1
    tiny = plan_round(RoundOptions(60), 1, 30)
    assert not tiny.fits
    assert tiny.shorter_seconds == 25
    assert not tiny.possible(RoundWay.GROUPS) and not tiny.possible(RoundWay.PLUK)
    assert preferred_way(RoundOptions(60), tiny) is RoundWay.SHORTER
    assert plan_round(RoundOptions(60), 0, 300).participants == 1, "never a round of nobody"


def test_a_tiny_step():
    options = RoundOptions(30)
    plan = plan_round(options, 14, 60)
    assert plan.shorter_seconds is None  # 60 // 14 - 5 = -1
    assert plan.group_size == 4 and plan.group_seconds == 10
    assert plan.needs(RoundWay.GROUPS) <= 60 and plan.possible(RoundWay.GROUPS)
    assert plan.pluk == 1
    nothing = plan_round(options, 14, 20)
    assert ways_that_work(options, nothing) == ()
    assert preferred_way(options, nothing) is RoundWay.EVERYONE, "no way fits: run it, it runs over"
    assert plan_round(options, 14, 0).pluk == 0


def test_run_as_stores_the_chosen_way():
    options = RoundOptions(30)
    plan = plan_round(options, 20, 300)
    state = RoundState(20, 30, 20).run_as(RoundWay.GROUPS, plan)
    assert (state.way, state.speakers, state.seconds_each, state.chosen) == (
        RoundWay.GROUPS,
        5,
        30,
        True,
    )
    assert state.to_doc()["way"] == "groups"


@pytest.mark.parametrize("participants", ROOMS)
@pytest.mark.parametrize("path", THEMES, ids=lambda p: p.stem)
def test_every_round_of_every_bundled_theme_fits_the_room_or_says_how(path, participants):
    theme, _ = load_theme_file(path)
    assert theme is not None
    for plan in theme.plans:
        schedule = Schedule.from_theme(theme, plan)
        rounds = agenda_rounds(theme, schedule, participants)
        unfit = rounds_that_do_not_fit(theme, schedule, participants)
        assert [r.item_id for r in unfit] == [
            r.item_id
            for r in rounds
            if participants * (r.options.seconds_per_person + HANDOVER_SECONDS) > r.available
        ]
        for fit in rounds:
            assert fit.available == fit.page.seconds
            assert fit.page.segment.id == fit.item_id
        for fit in unfit:
            assert fit.ways, f"{theme.id} {fit.title} {plan} min has a way for {participants}"
            assert fit.preferred is fit.ways[0]
            if fit.options.fallback in fit.ways:
                assert fit.preferred is fit.options.fallback
            for way in fit.ways:
                assert fit.plan.needs(way) <= fit.available
                assert fit.plan.seconds(way) >= fit.options.floor or way is RoundWay.PLUK
                assert 0 < fit.plan.speakers(way) <= participants


def test_the_bundled_themes_have_rounds_to_size():
    themes = [load_theme_file(path)[0] for path in THEMES]
    sized = [
        fit
        for theme in themes
        for plan in theme.plans
        for fit in agenda_rounds(theme, Schedule.from_theme(theme, plan), 30)
    ]
    assert len(sized) >= len(themes), "the test above is not about nothing"


def test_the_live_session_lists_the_rounds_and_stores_the_choice(repository, library, clock):
    from sessions.live import LiveSession

    theme = library.get("social-stoette")
    details = SessionDetails(**{**DETAILS.__dict__, "participants": 30})
    info, store = repository.create(theme, details)
    live = LiveSession(repository, info, store, theme, clock)
    unfit = live.rounds_that_do_not_fit()
    assert unfit and all(not r.fits for r in unfit)
    assert {r.item_id for r in unfit} <= {r.item_id for r in live.rounds()}
    live.go_to(next(i for i, p in enumerate(live.pages) if p.segment.id == unfit[0].item_id))
    here = live.round_here()
    assert here is not None and here.item_id == unfit[0].item_id
    state = live.run_round_as(here.preferred)
    assert state.way is here.preferred and state.chosen
    stored = live.exercises.state(here.page.segment)
    assert stored.way is here.preferred and stored.speakers == here.plan.speakers(here.preferred)
    speaker = live.timers.get(speaker_key(here.page), 1)
    assert speaker.duration == here.plan.seconds(here.preferred)
    live.go_to(0)
    assert live.round_here() is None and live.run_round_as(RoundWay.PLUK) is None
    live.close()
