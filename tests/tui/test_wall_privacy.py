"""Nothing private or for the consultant alone reaches the wall, in any window: every page of
every bundled theme and of the fixture with every exercise kind, drawn as the room sees it (the
room view, and the single window that is mirrored to the projector), with a private note, a
shared note, speaker notes, an overfull round and more hands than participants present."""

from __future__ import annotations

import dataclasses
import re

import pytest

from sessions.live import LiveSession
from sessions.theme.model import Theme
from tests.conftest import DETAILS
from tests.tui.helpers import EVERY_KIND, make_app
from tui.room import RoomApp, RoomScreen

PRIVATE = "PRIVAT-HEMMELIGHED-42"
SHARED = "En delt note fra salen"
ARITHMETIC = re.compile(r"×|≈|\d+\s*talere\s*[×x]")
FORBIDDEN_WORDS = ("skjulte", "Noter:", "flere end", "deltagere)", "j: ")
"""`j: …` is the agenda's standing suggestion: the consultant's arithmetic, never the room's."""
PARTICIPANTS = 40
"""Too many for any round in the themes at its planned seconds: every round overflows."""
SIZE = (160, 48)


def screen_text(app) -> str:
    """What the window shows, row by row, as plain text."""
    update = app.screen._compositor.render_full_update()
    return "\n".join("".join(segment.text for segment in strip) for strip in update.strips)


def flat(text: str) -> str:
    return " ".join(text.split())


def note_lines(theme: Theme) -> list[str]:
    """The speaker notes' lines worth looking for: long enough to be the notes' own words, and
    not also words the room is meant to see on some page."""
    visible = flat(
        " ".join(
            [s.intro + " " + " ".join(st.body for st in s.steps) for s in theme.segments]
            + [sl.body + " " + sl.title for s in theme.segments for sl in s.slides]
        )
    )
    notes = [s.notes for s in theme.segments]
    notes += [st.notes for s in theme.segments for st in s.steps]
    notes += [sl.notes for s in theme.segments for sl in s.slides]
    lines = []
    for block in notes:
        for line in block.splitlines():
            words = flat(re.sub(r"[*_`#>]|^\s*[-•]\s*|^\s*\d+\.\s*", "", line))
            if len(words) >= 25 and words[:40] not in visible:
                lines.append(words[:40])
    return lines


def seed(live: LiveSession) -> None:
    """A private and a shared note on every agenda item, and one hand too many on every scale."""
    for segment in live.theme.segments:
        live.notebook.add(segment.id, 0, PRIVATE, private=True)
        live.notebook.add(segment.id, 0, SHARED)
    for page in live.pages:
        if page.segment.format is not None and page.segment.format.value == "scale":
            state = live.exercises.state(page.segment)
            for _ in range(PARTICIPANTS + 1):
                state = state.add_hand(3)
            live.exercises.save(page.segment, state)


def assert_clean(text: str, where: str, notes: list[str]) -> None:
    assert PRIVATE not in text, f"{where}: a private note's text"
    for word in FORBIDDEN_WORDS:
        assert word not in text, f"{where}: {word!r} on the wall\n{text}"
    assert not ARITHMETIC.search(text), f"{where}: the consultant's arithmetic\n{text}"
    flattened = flat(text)
    for line in notes:
        assert line not in flattened, f"{where}: speaker notes {line!r}"


def theme_ids(library) -> list[str]:
    return sorted({entry.id for entry in library.entries()})


async def walk(library, repository, clock, theme_id: str, *, notes_open: bool) -> int:
    theme = library.get(theme_id)
    details = dataclasses.replace(DETAILS, participants=PARTICIPANTS, plan=theme.plans[0])
    info, store = repository.create(theme, details)
    live = LiveSession(repository, info, store, theme, clock)
    live.nav.start()
    seed(live)
    if notes_open:
        live.display.change(notes_to_room=True)
    notes = note_lines(theme)
    assert notes, "the theme has speaker notes to look for"
    desk = make_app(library, repository, clock, live=live, layout="single")
    room = RoomApp(repository, library, info.id, clock=clock)
    async with desk.run_test(size=SIZE) as desk_pilot, room.run_test(size=SIZE) as room_pilot:
        screen = room.screen
        assert isinstance(screen, RoomScreen)
        for position in range(len(live.pages)):
            live.go_to(position)
            desk.screen.enter_page()
            screen.follow()
            await desk_pilot.pause()
            await room_pilot.pause()
            where = f"{theme_id} page {position + 1} ({live.page.title})"
            assert_clean(screen_text(room), f"room view, {where}", notes)
            assert_clean(screen_text(desk), f"single window, {where}", notes)
        if notes_open:
            assert SHARED in screen_text(room), "the shared notes are shown when opened"
    live.close()
    return len(live.pages)


async def test_the_fixture_with_every_kind_shows_nothing_private(library, repository, clock):
    pages = await walk(library, repository, clock, EVERY_KIND, notes_open=False)
    assert pages > 10
    await walk(library, repository, clock, EVERY_KIND, notes_open=True)


@pytest.mark.parametrize(
    "theme_id",
    [
        "alene-arbejde",
        "hoeje-foelelsesmaessige-krav",
        "kraenkende-handlinger",
        "omgangstone",
        "selvledelse",
        "smidighed",
        "social-stoette",
        "tid-og-kerneopgaven",
        "vaner-og-rytmer",
    ],
)
async def test_no_bundled_theme_shows_anything_private(library, repository, clock, theme_id):
    assert theme_id in theme_ids(library), "the list names every bundled theme"
    await walk(library, repository, clock, theme_id, notes_open=False)


def test_every_bundled_theme_is_walked(library):
    bundled = {e.id for e in library.entries() if e.id != EVERY_KIND}
    walked = set(test_no_bundled_theme_shows_anything_private.pytestmark[0].args[1])
    assert bundled <= walked
