"""A page change is one frame: the new page's heading, text, exercise, notes and keys arrive
together, never a frame of the new heading over the old exercise or the notes at their old
height followed by the rest (each such frame is a flash on the wall and time a person waits)."""

from __future__ import annotations

import re

import pytest

from tests.tui.helpers import EVERY_KIND, make_app, new_live

DIGITS = re.compile(r"[0-9]")
SCROLLBAR = re.compile(r"[▁▂▃▄▅▆▇█]+$")


def picture(screen, thumbs: bool = False) -> tuple[str, ...]:
    """The screen's text, a ticking digit (and, unless `thumbs`, a scrollbar's thumb) not
    counted."""
    return tuple(
        (lambda text: text if thumbs else SCROLLBAR.sub("", text).rstrip())(
            DIGITS.sub("#", strip.text).rstrip()
        )
        for strip in screen._compositor.render_strips()
    )


CASES = [
    ("console", (120, 40)),
    ("single", (120, 40)),
    ("single", (80, 24)),
    pytest.param(
        "console",
        (80, 24),
        marks=pytest.mark.xfail(
            reason="at 80x24 a scale windows its statements for the rows it was given after "
            "the layout: one more frame on its page",
            strict=True,
        ),
    ),
]


@pytest.mark.parametrize(("layout", "size"), CASES)
async def test_every_page_change_is_one_frame(layout, size, library, repository, clock):
    live = new_live(repository, library, clock, EVERY_KIND)
    app = make_app(library, repository, clock, live=live, layout=layout)
    frames: list[tuple[str, ...]] = []
    display = app._display

    def recording(screen, renderable):
        if renderable is not None and not app._batch_count:
            frames.append(picture(screen))
        return display(screen, renderable)

    app._display = recording  # type: ignore[method-assign]
    many: list[str] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.3)
        for _ in range(len(live.pages) - 1):
            before = picture(app.screen)
            frames.clear()
            await pilot.press("pagedown")
            await pilot.pause(0.15)
            shown = [frame for frame in frames if frame != before]
            distinct = [f for n, f in enumerate(shown) if n == 0 or f != shown[n - 1]]
            if len(distinct) > 1:
                page = live.page
                many.append(f"page {live.position} ({page.segment.format}): {len(distinct)}")
    assert not many, many


async def test_the_speaker_notes_scrollbar_comes_with_the_notes(library, repository, clock):
    """Speaker notes that overflow their box bring their scrollbar's thumb in the page's frame
    (the bar is always there, so a layout never has to add it: one that appeared after the
    layout was drawn a frame later). Counted with the thumbs, over a talk's pages whose notes
    are short and long in turn."""
    live = new_live(repository, library, clock, "tid-og-kerneopgaven")
    app = make_app(library, repository, clock, live=live, layout="console")
    frames: list[tuple[str, ...]] = []
    display = app._display

    def recording(screen, renderable):
        if renderable is not None and not app._batch_count:
            frames.append(picture(screen, thumbs=True))
        return display(screen, renderable)

    app._display = recording  # type: ignore[method-assign]
    talk = [n for n, page in enumerate(live.pages) if page.slide is not None]
    many: list[str] = []
    overflowing = 0
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        for number in talk[1:]:
            live.go_to(number - 1)
            await pilot.pause(0.15)
            before = picture(app.screen, thumbs=True)
            frames.clear()
            await pilot.press("pagedown")
            await pilot.pause(0.15)
            notes = app.screen.query_one("#console-main")
            overflowing += notes.max_scroll_y > 0
            shown = [frame for frame in frames if frame != before]
            distinct = [f for n, f in enumerate(shown) if n == 0 or f != shown[n - 1]]
            if len(distinct) > 1:
                many.append(f"page {live.position}: {len(distinct)} frames")
    assert overflowing >= 2, "the walk must show notes that overflow (or the test proves nothing)"
    assert not many, many


async def test_a_change_waits_for_what_it_mounted_but_never_longer_than_the_limit(
    library, repository, clock
):
    """Something held for the frame that never finishes (a machine too busy to mount) delays
    the change's frame by the limit at most, and is not cancelled."""
    import asyncio
    import time

    from tui.changes import HOLD_LIMIT, SessionScreen

    live = new_live(repository, library, clock, EVERY_KIND)
    app = make_app(library, repository, clock, live=live, layout="console")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        slow = asyncio.ensure_future(asyncio.sleep(5))
        screen.hold_frame(slow)
        begin = time.monotonic()
        position = live.position
        await pilot.press("pagedown")
        while (live.position == position or app._batch_count) and time.monotonic() - begin < 5:
            await asyncio.sleep(0.01)
        await pilot.pause()
        assert time.monotonic() - begin < HOLD_LIMIT + 1.0
        assert not slow.cancelled()
        slow.cancel()


async def test_what_is_held_while_the_frame_waits_is_waited_for_too(library, repository, clock):
    """A repaint the change set off may hold the frame for something of its own (the stage's
    clock fit waits for the exercise's mount): the frame waits for that as well."""
    import asyncio

    from tui.changes import SessionScreen

    live = new_live(repository, library, clock, EVERY_KIND)
    app = make_app(library, repository, clock, live=live, layout="console")
    done: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, SessionScreen)

        async def second() -> None:
            await asyncio.sleep(0.02)
            done.append("second")

        async def first() -> None:
            await asyncio.sleep(0.02)
            screen.hold_frame(second())
            done.append("first")

        original = screen.hold_frame
        seen_batches: list[int] = []

        def watch(parts) -> None:
            if not done and not seen_batches:
                seen_batches.append(app._batch_count)
                original(first())

        screen.watch(screen, "changes", watch, init=False)
        await pilot.press("pagedown")
        while app._batch_count or not seen_batches:
            await asyncio.sleep(0.005)
        assert done == ["first", "second"], "both were in before the batch ended"
