"""Where the exercises keep their state: one document per exercise, shared by its steps; votes
over earlier lists; the referat's results; sessions stored in the first format."""

from sessions.agenda.countdown import Countdown
from sessions.book import exercise_results
from sessions.clock import FakeClock
from sessions.exercises.case import CaseState
from sessions.exercises.sorting import BoardState
from sessions.exercises.voting import VotingState
from sessions.exercises.walk import WalkPhase, walk_phase
from sessions.live import LiveSession
from sessions.models import NoteTag, SessionDetails
from sessions.storage.tables import EXERCISES_TABLE
from sessions.theme.parser import parse_theme

THEME = """---
id: stemmer
title: Stemmer
summary: Sortér, drøft, stem.
---

## Velkommen
kind: presentation
minutes: 10 / 20

### Velkommen

Hej.

## Sortering
kind: exercise
id: tavle
format: sorting
columns: Kan | Skal
minutes: 20

### Skriv
minutes: 20

## Case
kind: exercise
id: sagen
format: case
minutes: 20

Mette og Ahmed …

### Drøft
minutes: 20

## Stem om aftalerne
kind: exercise
format: voting
source: sagen | tavle#Kan
minutes: 20 / 30

### Stem
minutes: 15 / 20

### Se resultatet
minutes: 5 / 10
show: results

## Stem om alt
kind: exercise
id: alt
format: voting
minutes: 20 / 30

### Stem
minutes: 20

## Kilder

- [Kilde](https://example.org)
"""


def live_session(repository, clock: FakeClock) -> LiveSession:
    theme, problems = parse_theme(THEME)
    assert theme is not None, [str(p) for p in problems]
    info, store = repository.create(
        theme, SessionDetails("Solsikken", "2026-11-24", "13:00", "", 12, 90)
    )
    return LiveSession(repository, info, store, theme, clock)


def segment(live: LiveSession, segment_id: str):
    found = live.theme.segment(segment_id)
    assert found is not None
    return found


def test_steps_share_one_state_so_the_result_step_shows_the_votes(repository, clock):
    live = live_session(repository, clock)
    vote = segment(live, "stem-om-aftalerne")
    book = live.exercises
    assert isinstance(book.state(vote), VotingState)
    board = book.state(segment(live, "tavle")).add("Kaffe", 0).add("Dokumentation", 1)
    book.save(segment(live, "tavle"), board)
    book.save(segment(live, "sagen"), CaseState().add("Ring samme aften"))
    state = book.state(vote)
    assert state.items == ("Ring samme aften", "Kaffe"), "the case, then the Kan column only"
    assert state.participants == 12 and state.budget == 36
    book.save(vote, state.set_votes(5))
    assert book.state(vote).count("Ring samme aften") == 5
    assert len(live.store.items(EXERCISES_TABLE)) == 3
    live.close()


def test_without_a_source_the_vote_takes_every_earlier_board_or_the_tagged_notes(repository, clock):
    live = live_session(repository, clock)
    everything = segment(live, "alt")
    live.notebook.add("alt", 0, "Idé: faste pauser", NoteTag.IDEA)
    live.notebook.add("alt", 0, "hemmeligt", NoteTag.IDEA, private=True)
    assert live.exercises.candidates(everything) == ("Idé: faste pauser",)
    live.exercises.save(segment(live, "tavle"), BoardState(("Kan", "Skal")).add("Møder", 1))
    assert live.exercises.candidates(everything) == ("Møder",)
    live.close()


def test_the_referat_gets_each_exercises_result(repository, clock):
    live = live_session(repository, clock)
    live.exercises.save(segment(live, "sagen"), CaseState().add("Ring samme aften"))
    results = exercise_results(live.store, "da")
    assert [(r.segment_id, r.highlights) for r in results] == [
        ("sagen", ["Aftale: Ring samme aften"])
    ]
    live.close()


def test_a_session_stored_in_the_first_format_is_still_read(repository, clock):
    live = live_session(repository, clock)
    store = live.store
    store.put(
        EXERCISES_TABLE,
        "1",
        {
            "segment_id": "tavle",
            "step": -1,
            "format": "sorting",
            "title": "Sortering",
            "items": [{"text": "Møder", "column": 1, "reason": ""}],
            "columns": ["Kan", "Skal"],
        },
    )
    store.put(
        EXERCISES_TABLE,
        "2",
        {
            "segment_id": "alt",
            "step": 0,
            "format": "voting",
            "title": "Stem om alt",
            "items": ["Møder"],
            "votes": [4],
        },
    )
    board = live.exercises.state(segment(live, "tavle"))
    assert board.items[0].text == "Møder"
    assert live.exercises.state(segment(live, "alt")).count("Møder") == 4
    assert {r.segment_id for r in exercise_results(store, "da")} == {"tavle", "alt"}
    live.close()


def test_walk_and_talk_swaps_at_half_time_and_comes_back_at_zero(clock):
    countdown = Countdown.new(clock, 600)
    assert walk_phase(countdown) is None and walk_phase(None) is None
    countdown.start()
    clock.advance(299)
    assert walk_phase(countdown) is None
    clock.advance(2)
    assert walk_phase(countdown) is WalkPhase.SWAP
    clock.advance(300)
    assert walk_phase(countdown) is WalkPhase.BACK
