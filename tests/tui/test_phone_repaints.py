"""A room answering at once is drawn at most ten times a second (`PHONE_REPAINT_SECONDS`): the
phones' answers alone wait for the next tenth of a second, together; any other change is drawn
at once, with the answers that were waiting; and nothing that waited is lost."""

from __future__ import annotations

import asyncio

from textual.app import App

from sessions.storage.changes import Part
from tui.changes import PHONE_REPAINT_SECONDS, SessionScreen
from tui.messages import SessionChanged


class Shown(SessionScreen):
    def __init__(self) -> None:
        super().__init__()
        self.drawn: list[Part] = []

    def on_mount(self) -> None:
        self.watch(self, "changes", lambda parts: self.drawn.append(parts), init=False)


class OneScreen(App[None]):
    def on_mount(self) -> None:
        self.push_screen(Shown())


async def shown(pilot) -> Shown:  # type: ignore[no-untyped-def]
    """The screen that records what it drew, once it is up."""
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, Shown)
    return screen


async def test_a_burst_of_answers_is_drawn_a_few_times_and_nothing_is_lost():
    app = OneScreen()
    async with app.run_test() as pilot:
        screen = await shown(pilot)
        began = asyncio.get_running_loop().time()
        for _ in range(30):  # 30 writes in 0.3 s, as 300 phones made
            screen.post_message(SessionChanged(Part.ANSWERS))
            await asyncio.sleep(0.01)
        await asyncio.sleep(PHONE_REPAINT_SECONDS * 2)
        took = asyncio.get_running_loop().time() - began
        assert all(parts == Part.ANSWERS for parts in screen.drawn)
        assert 2 <= len(screen.drawn) <= took / PHONE_REPAINT_SECONDS + 1, screen.drawn
        last = len(screen.drawn)
        await asyncio.sleep(PHONE_REPAINT_SECONDS * 2)
        assert len(screen.drawn) == last, "nothing left waiting after the burst"


async def test_another_change_is_drawn_at_once_with_the_answers_that_waited():
    app = OneScreen()
    async with app.run_test() as pilot:
        screen = await shown(pilot)
        screen.post_message(SessionChanged(Part.ANSWERS))  # drawn: none drawn just before
        await pilot.pause()
        screen.post_message(SessionChanged(Part.ANSWERS))  # waits its tenth of a second
        await pilot.pause()
        assert screen.drawn == [Part.ANSWERS]
        screen.post_message(SessionChanged(Part.PAGE))  # the consultant turns the page
        await pilot.pause()
        assert screen.drawn == [Part.ANSWERS, Part.PAGE | Part.ANSWERS]
        await asyncio.sleep(PHONE_REPAINT_SECONDS * 2)
        assert len(screen.drawn) == 2, "what waited was drawn with the page, not again"
        screen.post_message(SessionChanged(Part.ANSWERS | Part.NOTES))  # not the phones alone
        await pilot.pause()
        assert screen.drawn[-1] == Part.ANSWERS | Part.NOTES, "drawn at once"
