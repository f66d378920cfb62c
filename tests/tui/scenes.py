"""Sessions in a known state, for snapshots and for looking at the screens: each exercise kind
with some work done, on a fake clock."""

from __future__ import annotations

from sessions.clock import FakeClock
from sessions.exercises.cards import CardsState
from sessions.exercises.case import CaseState
from sessions.exercises.round import RoundState
from sessions.exercises.scale import ScaleState
from sessions.exercises.sorting import BoardState
from sessions.exercises.voting import VotingState
from sessions.live import LiveSession
from sessions.models import NoteTag
from sessions.repository import SessionRepository
from sessions.theme.library import ThemeLibrary
from tests.tui.helpers import new_live, page_of

SCENES = (
    "slide",
    "round",
    "reflection",
    "cards",
    "cards-result",
    "walk",
    "scale",
    "scale-result",
    "break",
    "sorting",
    "case",
    "voting",
    "voting-result",
    "action-plan",
)


def with_work(live: LiveSession) -> None:
    """What a group would have produced by the end: hands, items, agreements, votes, actions."""
    theme = live.theme

    def save(segment_id: str, state: object) -> None:
        segment = theme.segment(segment_id)
        assert segment is not None
        live.exercises.save(segment, state)  # type: ignore[arg-type]

    save("tjek-ind", RoundState(14, 30, 14, speaker=3))
    save(
        "kort",
        CardsState(
            ("Vi siger tingene lige ud", "Vi griner sammen", "Vi hjælper nye kolleger"), 1, (1, 2)
        ),
    )
    scale = ScaleState(
        ("Jeg kan sige fra", "Jeg får hjælp, når jeg beder om den"), 1, 5, ("Slet ikke", "Helt")
    )
    for value in (4, 4, 5, 3, 2, 4, 5, 4, 3, 4):
        scale = scale.add_hand(value)
    scale = scale.select(1)
    for value in (2, 3, 2, 1, 3, 2, 4, 2):
        scale = scale.add_hand(value)
    save("skala", scale)
    board = BoardState(("Stop", "Start", "Fortsæt"))
    for text, column in (
        ("Mails efter kl. 16", 0),
        ("Møder uden dagsorden", 0),
        ("Fast sparring hver fredag", 1),
        ("Tjek-ind på personalemødet", 1),
        ("Vi hjælper hinanden ved vagtskifte", 2),
    ):
        board = board.add(text, column)
    save("tavle", board.with_reason("Det giver ro"))
    save("sagen", CaseState(("Ring til en kollega samme aften", "Aftal, hvem der har bagvagt")))
    votes = VotingState(participants=14, votes_per_person=3).with_items(
        [
            "Ring til en kollega samme aften",
            "Aftal, hvem der har bagvagt",
            "Fast sparring hver fredag",
        ]
    )
    save("stemmer", votes.set_votes(9).select(1).set_votes(12).select(2).set_votes(5))
    live.plan.save(
        None, "Fast sparring hver fredag", "Ali (AMR)", "1. marts 2027", "Personalemødet i april"
    )
    live.plan.save(None, "Bagvagt står på vagtplanen", "", "", "")
    live.plan.set_next_follow_up("3. marts 2027 kl. 13")
    live.notebook.add(
        "sagen", 0, "Mange ringer ikke, fordi de ikke vil forstyrre", NoteTag.CHALLENGE
    )
    live.notebook.add("sagen", 0, "Lederen virker presset", private=True)


def scene(
    repository: SessionRepository, library: ThemeLibrary, clock: FakeClock, name: str
) -> LiveSession:
    """A session on the page of `name`, with the group's work in it and its clock running."""
    live = new_live(repository, library, clock, plan=120)
    with_work(live)
    positions = {
        "slide": 0,
        "round": page_of(live, "round"),
        "reflection": page_of(live, "reflection", 1),
        "cards": page_of(live, "cards"),
        "cards-result": page_of(live, "cards", 1),
        "walk": page_of(live, "walk-and-talk"),
        "scale": page_of(live, "scale"),
        "scale-result": page_of(live, "scale", 1),
        "break": next(i for i, p in enumerate(live.pages) if p.segment.kind.value == "break"),
        "sorting": page_of(live, "sorting"),
        "case": page_of(live, "case"),
        "voting": page_of(live, "voting"),
        "voting-result": page_of(live, "voting", 1),
        "action-plan": page_of(live, "action-plan"),
    }
    live.go_to(positions[name])
    page = live.page
    if page.seconds:
        key = f"{page.key}#speaker" if name == "round" else page.key
        seconds = 30 if name == "round" else page.seconds
        live.timers.start(key, seconds)
        clock.advance(seconds * 0.6 if name == "walk" else 12)
    live.display.change(notes_to_room=name == "case")
    return live
