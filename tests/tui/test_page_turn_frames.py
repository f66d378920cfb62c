"""A page change goes from the old page to the new one in one step: no frame in between shows
the new heading over a blank (hidden) text, and the screen is laid out about as often as a bare
Markdown update lays out its own."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Markdown, Static
from textual.widgets._markdown import MarkdownBlock

from sessions.clock import FakeClock
from tests.tui.helpers import make_app, new_live
from tui.screens.presenter import PresenterScreen
from tui.widgets import reveal

CHANGES = 8


def hidden(markdown: Markdown) -> bool:
    parent = markdown.parent
    return markdown.styles.visibility == "hidden" or (
        parent is not None and parent.styles.visibility == "hidden"
    )


async def test_a_page_change_is_drawn_whole_in_one_step(
    library, repository, clock: FakeClock, monkeypatch
):
    monkeypatch.setattr(reveal, "HOLD_SECONDS", 10.0)  # however slow the machine: the hold
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live, layout="console")
    problems: list[str] = []
    layouts = [0]
    display = app._display

    def drawn(screen, renderable):  # type: ignore[no-untyped-def]
        if renderable is not None and not app._batch_count and isinstance(screen, PresenterScreen):
            for part in ("#stage-markdown", "#console-speaker-notes"):
                markdown = screen.query_one(part, Markdown)
                if markdown.display and hidden(markdown):
                    title = str(screen.query_one("#stage-title", Static).render()).split("\n")[0]
                    problems.append(f"{title!r} drawn with {part} hidden")
        return display(screen, renderable)

    refresh_layout = Screen._refresh_layout

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        layouts[0] += 1
        return refresh_layout(self, *args, **kwargs)

    app._display = drawn  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        monkeypatch.setattr(Screen, "_refresh_layout", counting)
        for _ in range(CHANGES):
            await pilot.press("pagedown")
            await pilot.pause(0.3)
            assert not reveal.pending_reveals()
            assert app.screen.query(MarkdownBlock), "the text is there"
        monkeypatch.setattr(Screen, "_refresh_layout", refresh_layout)
    assert not problems, problems[:3]
    assert layouts[0] <= 2.5 * CHANGES, f"{layouts[0] / CHANGES:.1f} layouts a page change"
