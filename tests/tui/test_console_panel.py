"""The consultant's panel: the page's speaker notes a thought to a line, what comes next."""

from __future__ import annotations

from textual.widgets import Markdown
from textual.widgets._markdown import MarkdownParagraph

from tests.tui.helpers import make_app, new_live
from tui.widgets.console_panel import ConsolePanel


async def test_each_line_of_the_speaker_notes_stays_its_own_line(library, repository, clock):
    live = new_live(repository, library, clock, "omgangstone")
    app = make_app(library, repository, clock, live=live, layout="console")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(ConsolePanel)
        notes = panel.query_one("#console-speaker-notes", Markdown)
        paragraph = notes.query(MarkdownParagraph).first()
        written = [line for line in live.page.slide.notes.splitlines() if line.strip()]
        assert len(written) >= 3
        shown = str(paragraph.render()).splitlines()
        assert len(shown) >= len(written), "a line break in the notes is a line break on screen"
        assert all(line.strip() in str(paragraph.render()).replace("\n", " ") for line in written)
