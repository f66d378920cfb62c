"""The page's text wraps inside the stage: nothing runs off its right edge on a small screen
(a line cut off at 80 columns loses its end), and on a wide one the text keeps a readable
measure of at most 100 columns."""

from __future__ import annotations

import pytest

from tests.tui.helpers import EVERY_KIND, make_app, new_live
from tui.widgets.markdown_text import MarkdownText
from tui.widgets.stage import Stage

READABLE_MEASURE = 100


@pytest.mark.parametrize(
    ("theme_id", "size"),
    [(EVERY_KIND, (80, 24)), ("kraenkende-handlinger", (80, 24)), (EVERY_KIND, (200, 60))],
)
async def test_the_text_of_every_page_wraps_inside_the_stage(
    theme_id, size, library, repository, clock
):
    live = new_live(repository, library, clock, theme_id)
    app = make_app(library, repository, clock, live=live)
    async with app.run_test(size=size) as pilot:
        stage = app.screen.query_one(Stage)
        shown = 0
        for index in range(len(live.pages)):
            live.go_to(index)
            app.screen.enter_page()
            await pilot.pause()
            frame = stage.query_one("#stage-text")
            text = stage.query_one("#stage-markdown", MarkdownText)
            if not frame.display or not text.source.strip():
                continue
            shown += 1
            page = f"{theme_id} page {index}"
            assert text.region.right <= stage.content_region.right, page
            assert text.region.width <= READABLE_MEASURE, page
            assert frame.max_scroll_x == 0, page
            widest = max(line.cell_length for line in text.lines(text.size.width))
            assert 0 < widest <= text.size.width, page
        assert shown >= 3, "the theme has pages with text"
