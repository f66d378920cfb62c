"""The consultant's panel: the page's speaker notes a thought to a line, what comes next."""

from __future__ import annotations

from tests.tui.helpers import make_app, new_live
from tui.widgets.console_panel import ConsolePanel
from tui.widgets.markdown_text import MarkdownText


async def test_each_line_of_the_speaker_notes_stays_its_own_line(library, repository, clock):
    live = new_live(repository, library, clock, "omgangstone")
    app = make_app(library, repository, clock, live=live, layout="console")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(ConsolePanel)
        notes = panel.query_one("#console-speaker-notes", MarkdownText)
        written = [line.strip() for line in live.page.slide.notes.splitlines() if line.strip()]
        assert len(written) >= 3
        shown = [line.plain.strip() for line in notes.lines(notes.size.width)]
        assert len(shown) >= len(written), "a line break in the notes is a line break on screen"
        # Each written line starts a line of its own on the screen (wrapped lines follow it).
        starts = [line for line in shown if line]
        for line in written:
            assert any(line.startswith(start) for start in starts), line


async def test_the_console_lists_the_newest_notes_and_says_how_many_came_before(
    library, repository, clock
):
    from tests.sessions_helpers import add_note
    from tui.widgets.console_panel import CONSOLE_NOTES
    from tui.widgets.newest_lines import NewestLines

    live = new_live(repository, library, clock)
    for number in range(CONSOLE_NOTES + 12):
        add_note(live, f"note {number}")
    app = make_app(library, repository, clock, live=live, layout="console")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        notes = app.screen.query_one("#console-notes", NewestLines)
        listed = notes.plain
        assert "12 tidligere" in listed
        assert "note 11\n" not in listed + "\n" and "note 12" in listed
        # As many as fit, the newest at the bottom: in view with no scrolling.
        drawn = str(notes.render()).splitlines()
        assert len(drawn) == notes.size.height <= 11
        assert drawn[-1].endswith(f"note {CONSOLE_NOTES + 11}"), "the newest is in view"


def test_the_next_pages_first_line_reads_as_text_not_markdown():
    from tui.widgets.console_panel import plain_line

    assert plain_line("- Linje 1") == "• Linje 1"
    assert plain_line("1. **Først** det _vigtige_") == "• Først det vigtige"
    assert plain_line("## Rammer") == "Rammer"
    assert plain_line("snake_case og 3 * 4") == "snake_case og 3 * 4", "only real emphasis"
