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
        monkeypatch.setattr(
            line,
            "update",
            lambda c, layout=True: (updates.append(str(c)), original(c, layout=layout)),
        )
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


class Sized(App[None]):
    """One ContentLine, its width set by `css`."""

    def __init__(self, css: str) -> None:
        super().__init__()
        self.stylesheet.add_source(css, read_from=("test", "Sized"))

    def compose(self) -> ComposeResult:
        yield ContentLine()


async def test_text_as_tall_as_before_is_repainted_without_a_layout_and_taller_text_is_laid_out():
    app = Sized("ContentLine { width: 30; }")
    async with app.run_test(size=(40, 12)) as pilot:
        block = app.query_one(ContentLine)
        block.show("3 svar · gns. 2,5\nstress")
        await pilot.pause()
        layouts: list[bool] = []
        original = block.update
        monkey = lambda c, *, layout=True: (layouts.append(layout), original(c, layout=layout))  # noqa: E731
        block.update = monkey  # type: ignore[method-assign]
        block.show("4 svar · gns. 2,8\nstress")
        await pilot.pause()
        assert layouts == [False], "a count that ticks up lays nothing out"
        assert "4 svar" in str(block.render())
        block.show("4 svar · gns. 2,8\nstress\nog travlhed")
        await pilot.pause()
        assert layouts == [False, True], "a line more is laid out"
        assert block.size.height == 3
        block.show("et meget langt udsagn om arbejdet som ikke kan stå på én linje")
        await pilot.pause()
        assert layouts[-1] is False and block.size.height == 3, "wraps to three lines: as tall"
        assert "linje" in "".join(str(block.render_line(y).text) for y in range(3))
        block.show("x\ny")
        await pilot.pause()
        assert layouts[-1] is True and block.size.height == 2, "shorter text is laid out too"


async def test_a_line_as_wide_as_its_text_is_always_laid_out():
    app = Sized("ContentLine { width: auto; }")
    async with app.run_test(size=(40, 5)) as pilot:
        line = app.query_one(ContentLine)
        line.show("kort")
        await pilot.pause()
        line.show("en hel del længere")
        await pilot.pause()
        assert line.size.width == len("en hel del længere")
