"""SVG snapshots of the key screens at 80×24, the smallest size oplaeg supports.

Update them with `pytest --snapshot-update` after a deliberate change, and look at the result.
"""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from sessions.models import NoteTag
from tests.tui.helpers import HOSTILE, arrive_on_time, first_timed_page, make_app, new_live, page_of

SIZE = (80, 24)


def test_start_screen(snap_compare, library, repository, clock):
    live = new_live(repository, library, clock)
    live.add_note("en note")
    live.close()
    assert snap_compare(make_app(library, repository, clock), terminal_size=SIZE)


def test_slide(snap_compare, library, repository, clock):
    live = new_live(repository, library, clock)
    arrive_on_time(live, clock, next(i for i, p in enumerate(live.pages) if p.slide and i > 2))
    app = make_app(library, repository, clock, live=live)
    assert snap_compare(app, terminal_size=SIZE)


def test_exercise_with_a_running_timer(snap_compare, library, repository, clock):
    live = new_live(repository, library, clock)
    live.start()
    clock.advance(live.schedule.items[0].minutes * 60)  # the welcome took its planned time
    live.go_to(first_timed_page(live))
    live.add_note(HOSTILE)
    countdown = live.countdown()
    countdown.start()
    clock.advance(95)
    app = make_app(library, repository, clock, live=live)
    assert snap_compare(app, terminal_size=SIZE)


def test_note_form(snap_compare, library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live)

    async def write(pilot):
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("Vi siger for sjældent tak.\n" + HOSTILE)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=write)


def test_agenda_planner(snap_compare, library, repository, clock):
    live = new_live(repository, library, clock)
    live.start()
    live.set_schedule(live.schedule.set_minutes(live.schedule.items[0].id, 8))
    app = make_app(library, repository, clock, live=live)
    assert snap_compare(app, terminal_size=SIZE, press=["a", "down"])


def test_behind_schedule_at_projector_size(snap_compare, library, repository, clock):
    live = new_live(repository, library, clock)
    live.start()
    live.go_to(first_timed_page(live))
    live.countdown().start()
    clock.advance(14 * 60)
    app = make_app(library, repository, clock, live=live)
    assert snap_compare(app, terminal_size=(160, 45))


def test_dialogue_card(snap_compare, library, repository, clock):
    live = new_live(repository, library, clock, "omgangstone")
    arrive_on_time(live, clock, page_of(live, "cards"))
    app = make_app(library, repository, clock, live=live)
    assert snap_compare(app, terminal_size=SIZE, press=["pagedown", "i"])


def test_scale_with_hands_counted(snap_compare, library, repository, clock):
    live = new_live(repository, library, clock)
    arrive_on_time(live, clock, page_of(live, "scale"))
    app = make_app(library, repository, clock, live=live)
    assert snap_compare(app, terminal_size=(100, 30), press=["4", "4", "5", "2", "3", "4"])


EXERCISE_SNAPSHOTS = {
    # kind: (theme, plan, keys pressed on the page)
    "reflection": ("social-stoette", 90, ["t"]),
    "sorting": (
        "tid-og-kerneopgaven",
        90,
        [
            "enter",
            *"Dokumentation",
            "enter",
            "enter",
            *"Kaffe",
            "enter",
            "greater_than_sign",
            "w",
            *"holder os sammen",
            "enter",
        ],
    ),
    "case": ("social-stoette", 90, ["enter", *"Vi spørger ind", "enter"]),
    "walk-and-talk": ("alene-arbejde", 120, ["t"]),
    "action-plan": ("social-stoette", 90, []),
}


@pytest.mark.parametrize("kind", EXERCISE_SNAPSHOTS)
def test_exercise_kind(snap_compare, library, repository, clock, kind):
    theme_id, plan, keys = EXERCISE_SNAPSHOTS[kind]
    live = new_live(repository, library, clock, theme_id, plan)
    arrive_on_time(live, clock, page_of(live, kind))
    app = make_app(library, repository, clock, live=live)
    assert snap_compare(app, terminal_size=SIZE, press=keys)


def test_break(snap_compare, library, repository, clock):
    live = new_live(repository, library, clock, plan=120)
    arrive_on_time(
        live, clock, next(i for i, p in enumerate(live.pages) if p.segment.kind.value == "break")
    )
    app = make_app(library, repository, clock, live=live)
    assert snap_compare(app, terminal_size=SIZE, press=["t"])


def test_voting_after_sorting(snap_compare, library, repository, clock):
    live = new_live(repository, library, clock, "tid-og-kerneopgaven")
    arrive_on_time(live, clock, page_of(live, "voting"))
    for text in ("Dokumentation", "Kaffe", "Møder"):
        live.add_note(text, NoteTag.IDEA)
    app = make_app(library, repository, clock, live=live)
    assert snap_compare(
        app,
        terminal_size=SIZE,
        press=["enter", "ctrl+u", "5", "enter", "down", "enter", "ctrl+u", "8", "enter"],
    )


def test_action_plan_screen(snap_compare, library, repository, clock):
    live = new_live(repository, library, clock)
    live.save_action(
        None, "Fast tjek-ind på teammøder", "AMR", "Fra 1. marts", "Personalemøde i april"
    )
    live.save_action(None, HOSTILE, "Leder", "Nu", "")
    live.set_next_follow_up("uge 14")
    app = make_app(library, repository, clock, live=live)
    assert snap_compare(app, terminal_size=SIZE, press=["h"])
