"""A small group's wall: a scale's hands per value only on the result step (a lone answer would
be recognisable the moment eyes open); the consultant's console still sees every count."""

from __future__ import annotations

import dataclasses

from sessions.live import LiveSession
from tests.conftest import DETAILS
from tests.tui.helpers import EVERY_KIND
from tests.tui.test_exercise_widgets import host, shown


def small_live(repository, library, clock, participants: int) -> LiveSession:
    theme = library.get(EVERY_KIND)
    details = dataclasses.replace(DETAILS, participants=participants)
    info, store = repository.create(theme, details)
    live = LiveSession(repository, info, store, theme, clock)
    live.nav.start()
    return live


async def count_one_hand(live: LiveSession) -> None:
    console = host(live, "scale")
    async with console.run_test() as pilot:
        await pilot.press("1")
        assert "1 svar" in shown(console, "#scale-statements")
        assert "gns. 1,0" in shown(console, "#scale-statements"), "the console sees the count"


async def test_eight_people_see_only_how_many_answered_until_the_result_step(
    repository, library, clock
):
    live = small_live(repository, library, clock, 8)
    await count_one_hand(live)
    wall = host(live, "scale", interactive=False)
    async with wall.run_test():
        text = shown(wall, "#scale-statements")
        assert "1 svar" in text and "gns." not in text
        assert "▁" not in text and "█" not in text, "no bars per value"
    result = host(live, "scale", step=1, interactive=False)
    async with result.run_test():
        assert "gns. 1,0" in shown(result, "#scale-statements")


async def test_a_larger_group_sees_the_counts_while_they_are_counted(repository, library, clock):
    live = small_live(repository, library, clock, 11)
    await count_one_hand(live)
    wall = host(live, "scale", interactive=False)
    async with wall.run_test():
        assert "gns. 1,0" in shown(wall, "#scale-statements")
