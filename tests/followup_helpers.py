"""Three sessions for one workplace, each following up the one before: a scale answered in the
first, asked again in the second and the third (hands, and in the third phones too), actions
made and followed up. Dates are fixed; the clock is a `FakeClock`."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sessions.clock import FakeClock
from sessions.exercises.scale import ScaleState
from sessions.followup.repeat import REPEAT_ITEM_ID
from sessions.live import LiveSession
from sessions.models import FollowUpStatus, SessionDetails
from sessions.repository import SessionRepository
from sessions.theme.library import ThemeLibrary

THEME = "hoeje-foelelsesmaessige-krav"
WORKPLACE = "Bofællesskabet Lærken"
DETAILS = SessionDetails(
    workplace=WORKPLACE,
    date="2027-03-10",
    start_time="09:00",
    facilitator="Mette Lund",
    participants=12,
    plan=90,
)
DATES = ("2027-03-10", "2027-06-09", "2027-09-08")
ITEM_TITLE = "Sidst og nu"
# Hands per value 1–5 for the first two statements, session by session (the others unanswered
# after the first session, so only these two are asked again).
HANDS = (
    ((0, 4, 6, 2, 0), (2, 8, 2, 0, 0)),  # 2,8 · 2,0
    ((0, 0, 6, 4, 0), (0, 5, 5, 0, 0)),  # 3,4 · 2,5
    ((0, 0, 0, 6, 2), (0, 4, 4, 2, 0)),  # with 2 phones on 5 for the first: 4,4 · 2,8
)
PHONES_THIRD = {0: 5}  # two phones answer 5 to the first statement in the third session


@dataclass(frozen=True)
class Made:
    ids: tuple[str, ...]
    statements: tuple[str, str]


def _scale_page(live: LiveSession, segment_id: str | None) -> int:
    return next(
        i
        for i, page in enumerate(live.pages)
        if page.index == 0
        and page.segment.format is not None
        and page.segment.format.value == "scale"
        and (segment_id is None or page.segment.id == segment_id)
    )


def _count(live: LiveSession, segment_id: str | None, hands: tuple[tuple[int, ...], ...]) -> None:
    live.go_to(_scale_page(live, segment_id))
    segment = live.page.segment
    state = live.exercises.state(segment)
    assert isinstance(state, ScaleState)
    width = len(state.values)
    rows = [*hands, *((0,) * width for _ in state.statements[len(hands) :])]
    live.exercises.save(segment, replace(state, counts=tuple(rows)))


def session(
    repository: SessionRepository, library: ThemeLibrary, clock: FakeClock, number: int
) -> LiveSession:
    """Session `number` (0, 1, 2) of the workplace, open, on the page where the scale was
    counted; the ones before it must exist (see `three_sessions`)."""
    theme = library.get(THEME)
    info, store = repository.create(theme, replace(DETAILS, date=DATES[number]))
    live = LiveSession(repository, info, store, theme, clock)
    if number:
        earlier = repository.previous_actions(WORKPLACE, exclude=info.id)
        assert earlier is not None
        live.carry_over(earlier[0], earlier[1], "Opfølgning på sidste handlingsplan")
        offered = repository.previous_scales(WORKPLACE, exclude=info.id)
        assert offered is not None
        live.ask_again(offered, ITEM_TITLE)
    live.nav.start()
    if number:
        for followup in live.plan.followups():
            live.plan.set_followup(followup.id, FollowUpStatus.ONGOING, "")
        live.plan.set_followup("1", FollowUpStatus.DONE, "Kører")
    _count(live, REPEAT_ITEM_ID if number else None, HANDS[number])
    if number == 2:
        for key in range(2):
            live.answers.answer_scale(
                REPEAT_ITEM_ID, 0, f"{key:032x}", PHONES_THIRD[0]
            )  # keys as the server makes them (hex)
    live.plan.save(None, f"Handling {number + 1}a", "AMR", "Om en måned", "")
    live.plan.save(None, f"Handling {number + 1}b", "Leder", "Næste møde", "")
    return live


def three_sessions(
    repository: SessionRepository, library: ThemeLibrary, clock: FakeClock, *, last: int = 3
) -> Made:
    """Make the first `last` sessions, each finished and closed."""
    ids: list[str] = []
    statements: tuple[str, str] = ("", "")
    for number in range(last):
        live = session(repository, library, clock, number)
        state = live.exercises.state(live.page.segment)
        statements = (state.statements[0], state.statements[1])
        clock.advance(3600)
        live.finish()
        live.close()
        ids.append(live.info.id)
        clock.advance(86400)
    return Made(tuple(ids), statements)
