from tui.widgets.big_clock import BigClock, pixel_width, render_lines, rows_for


def test_digits_are_drawn_with_half_blocks():
    assert render_lines("1", 1) == ["▄█ ", " █ ", "▀▀▀"]
    assert render_lines("7:0", 1)[0] == "▀▀█ ▄ █▀█"


def test_scaling_keeps_pixels_square():
    lines = render_lines("12:34", 4)
    assert len(lines) == rows_for(4) == 10
    assert {len(line) for line in lines} == {pixel_width("12:34") * 4}


def test_fit_grows_to_the_room_and_stays_inside_it():
    clock = BigClock()
    clock.fit(56, 7)
    assert clock.scale == 2  # 34 × 5 cells on a laptop
    clock.fit(140, 20)
    assert clock.scale == 8  # 136 × 20 cells on a projector
    clock.fit(10, 2)
    assert clock.scale == 0, "too small for the drawing: plain digits on one line"
    clock.value = "5:48"
    assert str(clock.render()) == "5:48"
    assert clock.get_content_height(None, None, 10) == 1


async def test_the_drawn_rows_are_the_rendered_text_in_the_clocks_own_style():
    """The clock draws its rows straight as strips (`render_line`): the same cells as its
    text, in its colour, bold when plain, and nothing past its rows."""
    from textual.app import App, ComposeResult
    from textual.geometry import Region

    class OneClock(App[None]):
        CSS = "BigClock { color: #ff0000; }"

        def compose(self) -> ComposeResult:
            yield BigClock()

    app = OneClock()
    async with app.run_test(size=(60, 12)) as pilot:
        clock = app.query_one(BigClock)
        for scale, value in ((2, "12:34"), (1, "0:05"), (0, "5:48")):
            clock.scale, clock.value = scale, value
            await pilot.pause()
            width, height = clock.size
            strips = clock.render_lines(Region(0, 0, width, height))
            expected = render_lines(value, scale) if scale else [value]
            assert [strip.text.rstrip() for strip in strips] == [r.rstrip() for r in expected]
            assert all(strip.cell_length == width for strip in strips)
            styles = {s.style for strip in strips for s in strip if s.text.strip()}
            assert styles and all(s.color.triplet.hex == "#ff0000" for s in styles), styles
            assert all(s.bold for s in styles) == (scale == 0)
