"""A line that knows what it shows (`ContentLine`): the same text with the same styles again
updates nothing; the same text in another style does (a selected note, a chosen item)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content

from tui.widgets.content_line import ContentLine


class OneLine(App[None]):
    def compose(self) -> ComposeResult:
        yield ContentLine(id="line", hide_empty=True)


async def test_the_same_content_updates_nothing_and_another_style_does(monkeypatch):
    app = OneLine()
    async with app.run_test() as pilot:
        line = app.query_one(ContentLine)
        updates: list[str] = []
        original = line.update
        monkeypatch.setattr(line, "update", lambda c: (updates.append(str(c)), original(c)))
        line.show("[b]Mails[/b] efter kl. 16")
        line.show(Content("[b]Mails[/b] efter kl. 16"))
        assert updates == ["[b]Mails[/b] efter kl. 16"], "the same again, and never markup"
        line.show(Content.styled("[b]Mails[/b] efter kl. 16", "bold"))
        assert len(updates) == 2, "the same text in another style is shown"
        await pilot.pause()
        assert line.display
        assert "[b]Mails[/b]" in str(line.render()), "user text is never markup"
        line.show("")
        await pilot.pause()
        assert not line.display, "hidden while it shows nothing"
