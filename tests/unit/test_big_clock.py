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
