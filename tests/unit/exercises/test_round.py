"""A go-round: speakers in turn, and the ways to run it when the room is too big for the time."""

import pytest

from sessions.exercises.round import (
    HANDOVER_SECONDS,
    RoundKind,
    RoundOptions,
    RoundState,
    RoundWay,
    plan_round,
    preferred_way,
)

KIND = RoundKind()


def test_everyone_fits_when_the_step_is_long_enough():
    plan = plan_round(RoundOptions(30), participants=8, available=5 * 60)
    assert plan.needed == 8 * (30 + HANDOVER_SECONDS)
    assert plan.fits
    assert preferred_way(RoundOptions(30), plan) is RoundWay.EVERYONE


@pytest.mark.parametrize("participants", [14, 20, 25, 30])
def test_a_big_room_gets_ways_that_fit(participants):
    options = RoundOptions(45, min_seconds_per_person=10)
    plan = plan_round(options, participants, available=7 * 60)
    assert not plan.fits
    if plan.possible(RoundWay.SHORTER):
        assert turn(participants, plan.seconds(RoundWay.SHORTER)) <= plan.available
        assert plan.seconds(RoundWay.SHORTER) >= options.floor
        assert plan.seconds(RoundWay.SHORTER) % 5 == 0
    assert 4 <= plan.group_size <= 6
    assert plan.groups * plan.group_size >= participants
    assert turn(plan.group_size, plan.seconds(RoundWay.GROUPS)) <= plan.available
    assert turn(plan.pluk, plan.seconds(RoundWay.PLUK)) <= plan.available
    assert 1 <= plan.pluk < participants


def turn(speakers, seconds):
    return speakers * (seconds + HANDOVER_SECONDS)


def test_shorter_turns_never_go_below_the_themes_floor():
    plan = plan_round(RoundOptions(45, min_seconds_per_person=30), participants=25, available=300)
    assert plan.shorter_seconds is None
    assert not plan.possible(RoundWay.SHORTER)
    assert preferred_way(RoundOptions(45, 30), plan) is RoundWay.GROUPS


def test_the_themes_fallback_is_preferred_when_it_works():
    options = RoundOptions(30, fallback=RoundWay.PLUK)
    plan = plan_round(options, participants=25, available=300)
    assert preferred_way(options, plan) is RoundWay.PLUK


def test_one_participant_and_a_tiny_step():
    plan = plan_round(RoundOptions(60), participants=1, available=30)
    assert not plan.fits
    assert plan.group_size == 1
    assert not plan.possible(RoundWay.GROUPS)
    assert plan.pluk == 0, "not even one volunteer's 60 s fit in 30 s"
    assert not plan.possible(RoundWay.PLUK)


def test_speakers_in_turn_and_back():
    state = RoundState(participants=3, seconds_each=30, speakers=3)
    assert not state.begun and state.previous_speaker() is None
    first = state.next_speaker()
    assert first is not None and first.speaker == 1 and first.begun
    assert first.previous_speaker() is None
    third = first.next_speaker().next_speaker()
    assert third.speaker == 3 and third.last_speaker
    assert third.next_speaker() is None
    assert third.previous_speaker().speaker == 2


def test_running_it_another_way_starts_over_with_that_ways_speakers():
    plan = plan_round(RoundOptions(45), participants=20, available=300)
    state = RoundState(20, 45, 20).next_speaker()
    grouped = state.run_as(RoundWay.GROUPS, plan)
    assert grouped.way is RoundWay.GROUPS and grouped.chosen
    assert grouped.speaker == 0
    assert grouped.speakers == plan.group_size
    assert grouped.seconds_each == plan.seconds(RoundWay.GROUPS)


def test_the_state_survives_storage_and_tolerates_old_documents():
    state = RoundState(14, 30, 5, RoundWay.PLUK, 2, True)
    assert KIND.load(state.to_doc()) == state
    old = KIND.load({"speaker": 4, "participants": 14})
    assert old.speaker == 4 and old.speakers == 14 and old.way is RoundWay.EVERYONE
    assert KIND.load({"way": "nonsense", "speaker": "x"}).speaker == 0


def test_options_are_checked():
    options, problems = KIND.parse_options(
        {"seconds-per-person": "20", "min-seconds-per-person": "30", "fallback": "sideways"}, 7
    )
    keys = {p.key for p in problems}
    assert keys == {"theme.problem.round_floor", "theme.problem.round_fallback"}
    assert all(p.line == 7 for p in problems)
    assert isinstance(options, RoundOptions) and options.seconds_per_person == 20


def test_the_referat_says_how_the_round_went():
    assert KIND.result(RoundState(14, 30, 14), "Tjek-ind", "tjek-ind", "da") is None
    result = KIND.result(RoundState(14, 30, 5, RoundWay.GROUPS, 5), "Tjek-ind", "tjek-ind", "da")
    assert result is not None and result.segment_id == "tjek-ind"
    assert "grupper på 5" in result.lines[0] and "30 sek." in result.lines[0]
    chosen = RoundState(14, 30, 5, RoundWay.GROUPS, 0, chosen=True)
    result = KIND.result(chosen, "Tjek-ind", "tjek-ind", "da")
    assert result is not None, "the choice is in the referat even if no speaker was called"
    shorter = RoundState(14, 20, 14, RoundWay.SHORTER, 0, chosen=True)
    assert KIND.result(shorter, "Tjek-ind", "tjek-ind", "da") is None, "no '0 af 14 talte'"
