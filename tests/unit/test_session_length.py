"""Any session length from 45 to 180 minutes: the theme's own plan, or the nearest one fitted
(minimums kept, only optional segments left out, whole minutes summing exactly)."""

import pytest

from sessions.agenda.pages import build_pages
from sessions.agenda.plan_fit import PlanPart, SessionTooShortError, fit_parts, share_out
from sessions.agenda.schedule import Schedule
from sessions.details import InvalidDetailsError
from sessions.i18n import set_language
from sessions.live import LiveSession
from sessions.models import SessionDetails
from sessions.theme.library import bundled_content_dir, theme_files
from sessions.theme.parser import load_theme_file, parse_theme
from tests.conftest import DETAILS

THEMES = theme_files(bundled_content_dir())
LENGTHS = (45, 60, 90, 120, 150, 180)


def fitted(theme, minutes):
    """The theme's schedule for `minutes` (every bundled theme has a 45-minute plan)."""
    return Schedule.from_theme(theme, minutes)


def assert_fits(theme, schedule, minutes):
    assert schedule.plan == minutes
    assert schedule.total() == minutes, [i.minutes for i in schedule.active]
    for item in schedule.items:
        segment = theme.segment(item.id)
        assert item.minutes >= item.minimum >= 1 or item.skipped
        assert item.minimum == min(segment.minimum_for(schedule.base_plan), item.minutes)
        if item.skipped:
            assert segment.optional, f"{item.id} was left out but is not optional"
    pages = build_pages(theme, schedule)
    for item in schedule.active:
        seconds = [p.seconds for p in pages if p.segment.id == item.id and p.seconds is not None]
        assert all(s > 0 and s % 60 == 0 for s in seconds), (item.id, seconds)
        if len(seconds) <= item.minutes:
            assert sum(seconds) <= item.minutes * 60, (item.id, seconds, item.minutes)


@pytest.mark.parametrize("minutes", LENGTHS)
@pytest.mark.parametrize("path", THEMES, ids=lambda p: p.stem)
def test_every_bundled_theme_fits_every_length(path, minutes):
    theme, _ = load_theme_file(path)
    assert theme is not None
    schedule = fitted(theme, minutes)
    assert_fits(theme, schedule, minutes)
    if minutes in theme.plans:
        assert schedule.theme_plan is None
        assert [i.minutes for i in schedule.items] == [
            s.minutes.for_plan(minutes) for s in theme.agenda(minutes)
        ]
    else:
        assert schedule.theme_plan in theme.plans


@pytest.mark.parametrize("minutes", (45, 180))
@pytest.mark.parametrize("path", THEMES, ids=lambda p: p.stem)
def test_oplaeg_start_with_45_and_180_minutes(path, minutes, repository, clock):
    """What `oplaeg start THEME --minutes N` does: create the session, then present it."""
    theme, _ = load_theme_file(path)
    fitted(theme, minutes)
    details = SessionDetails(**{**DETAILS.__dict__, "plan": minutes})
    info, store = repository.create(theme, details)
    assert sum(s.minutes for s in info.agenda) == minutes
    live = LiveSession(repository, info, store, theme, clock)
    assert live.schedule.total() == minutes and live.pages
    assert repository.list()[0].plan == minutes
    live.close()


THEME = """---
id: kort
title: Et kort tema
summary: Til at prøve længder.
plans: 90 / 120
---

## Velkommen
kind: presentation
minutes: 10 / 10
minimum: 5

### Velkommen

Hej.

Noter:
Byd velkommen.

## Runde
kind: exercise
format: round
minutes: 20 / 25
minimum: 10

### Runden
minutes: 20 / 25

- Hvordan går det?

## Ekstra oplæg
kind: presentation
minutes: 20 / 30
optional: yes
minimum: 15

### Mere

Mere.

Noter:
Fortæl mere.

## Summe
kind: exercise
format: buzz
minutes: 10 / 15
optional: yes

### Tal sammen
minutes: 10 / 15

- Hvad tænker I?

## Handlingsplan
kind: exercise
format: action-plan
minutes: 30 / 40
minimum: 20

### Planen
minutes: 30 / 40

- Hvad gør vi?

## Kilder

- [Arbejdstilsynet](https://at.dk)
"""


def small_theme():
    theme, problems = parse_theme(THEME)
    assert theme is not None, problems
    return theme


def test_shortening_drops_optional_segments_last_first_only_when_minimums_need_it():
    theme = small_theme()
    # 90 → 75: the minimums (5+10+15+5+20 = 55) fit, nothing is left out.
    schedule = Schedule.from_theme(theme, 75)
    assert not any(i.skipped for i in schedule.items) and schedule.total() == 75
    assert schedule.theme_plan == 90
    # 50: the minimums do not fit; the last optional segment (Summe, 5) goes first: 50 fits.
    schedule = Schedule.from_theme(theme, 50)
    assert [i.id for i in schedule.items if i.skipped] == ["summe"]
    assert [i.minutes for i in schedule.active] == [5, 10, 15, 20]
    # 45: the earlier optional segment goes too.
    schedule = Schedule.from_theme(theme, 45)
    assert [i.id for i in schedule.items if i.skipped] == ["ekstra-oplaeg", "summe"]
    assert schedule.total() == 45 and all(i.minutes >= i.minimum for i in schedule.active)


def test_too_short_is_a_clear_error_naming_the_shortest_length(repository):
    theme = small_theme()
    with pytest.raises(SessionTooShortError) as caught:
        Schedule.from_theme(theme, 34)
    assert caught.value.shortest == 35
    assert str(caught.value) == "«Et kort tema» kan ikke gøres kortere end 35 minutter."
    set_language("en")
    assert "cannot be made shorter than 35 minutes" in str(SessionTooShortError("X", 35))
    set_language("da")
    assert Schedule.from_theme(theme, 35).total() == 35
    with pytest.raises(InvalidDetailsError) as refused:
        repository.create(theme, SessionDetails(**{**DETAILS.__dict__, "plan": 34}))
    assert refused.value.field == "plan"


def test_lengthening_scales_from_the_nearest_plan():
    theme = small_theme()
    schedule = Schedule.from_theme(theme, 180)
    assert schedule.theme_plan == 120 and schedule.total() == 180
    assert [i.minutes for i in schedule.items] == [15, 38, 45, 22, 60]
    # A length between the plans starts from the nearest one (the longer on a tie).
    assert Schedule.from_theme(theme, 100).theme_plan == 90
    assert Schedule.from_theme(theme, 105).theme_plan == 120
    assert Schedule.from_theme(theme, 110).theme_plan == 120


def test_share_out_is_exact_proportional_and_respects_floors():
    assert share_out([10, 20, 30], [0, 0, 0], 120) == [20, 40, 60]
    assert sum(share_out([3, 5, 15, 7], [2, 3, 10, 4], 29)) == 29
    shares = share_out([10, 20, 20, 30], [8, 5, 5, 5], 40)
    assert sum(shares) == 40 and shares[0] == 8 and all(s >= 5 for s in shares)
    assert share_out([], [], 10) == []
    assert fit_parts([PlanPart(10, 8), PlanPart(10, 8, optional=True)], 9) == [9, None]
    assert fit_parts([PlanPart(10, 8)], 7) is None


def test_check_warns_about_a_theme_that_cannot_be_made_45_minutes():
    _, problems = parse_theme(THEME)
    assert not [p for p in problems if "kortere end" in str(p)]
    _, problems = parse_theme(THEME.replace("optional: yes", "optional: no"))
    (warning,) = [p for p in problems if "kortere end" in str(p)]
    assert warning.warning and "55 minutter" in str(warning)
    with_short_plan = (
        THEME.replace("optional: yes", "optional: no")
        .replace("plans: 90 / 120", "plans: 45 / 90 / 120")
        .replace("minutes: 10 / 10\n", "minutes: 5 / 10 / 10\n")
        .replace("minutes: 20 / 25\n", "minutes: 10 / 20 / 25\n")
        .replace("minutes: 20 / 30\n", "minutes: - / 20 / 30\n")
        .replace("minutes: 10 / 15\n", "minutes: - / 10 / 15\n")
        .replace("minutes: 30 / 40\n", "minutes: 30 / 30 / 40\n")
    )
    theme, problems = parse_theme(with_short_plan)
    assert theme is not None and theme.plans == (45, 90, 120), problems
    assert not [p for p in problems if "kortere end" in str(p)], problems
    assert Schedule.from_theme(theme, 45).total() == 45
