"""Digits drawn from a 3×5 pixel font, scaled to the room: small on a laptop, huge on a projector.

Each text row holds two pixel rows (▀ ▄ █), so a pixel is as wide as it is tall.
"""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

GLYPHS: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    ".": (".", ".", ".", ".", "#"),
    " ": ("...",) * 5,
}
GLYPH_ROWS = 5


def pixel_rows(text: str) -> list[str]:
    """The text as rows of pixels ('#' on, '.' off), one blank pixel between glyphs."""
    glyphs = [GLYPHS.get(char, GLYPHS[" "]) for char in text]
    return [".".join(glyph[row] for glyph in glyphs) for row in range(GLYPH_ROWS)]


def pixel_width(text: str) -> int:
    return len(pixel_rows(text)[0])


def glyph_spans(text: str) -> list[tuple[int, int]]:
    """Where each character is drawn: (first pixel column, pixel width)."""
    spans = []
    column = 0
    for char in text:
        width = len(GLYPHS.get(char, GLYPHS[" "])[0])
        spans.append((column, width))
        column += width + 1
    return spans


def render_lines(text: str, scale: int) -> list[str]:
    """The text drawn at `scale` (pixels of scale × scale cells' halves)."""
    pixels = [row for row in pixel_rows(text) for _ in range(scale)]
    pixels = ["".join(p * scale for p in row) for row in pixels]
    if len(pixels) % 2:
        pixels.append("." * len(pixels[0]))
    lines = []
    for top, bottom in zip(pixels[::2], pixels[1::2], strict=True):
        lines.append(
            "".join(
                "█" if t == b == "#" else "▀" if t == "#" else "▄" if b == "#" else " "
                for t, b in zip(top, bottom, strict=True)
            )
        )
    return lines


@lru_cache(maxsize=64)
def drawn(text: str, scale: int) -> tuple[str, ...]:
    """The rows a clock shows for `text` at `scale` (scale 0: the plain text on one row)."""
    return tuple(render_lines(text, scale)) if scale else (text,)


BOLD = RichStyle(bold=True)


def rows_for(scale: int) -> int:
    return -(-GLYPH_ROWS * scale // 2)


def scale_to_fit(widest: str, width: int, height: int) -> int:
    """The largest scale (at least 1) at which `widest` fits in `width` × `height` cells."""
    scale = 1
    while pixel_width(widest) * (scale + 1) <= width and rows_for(scale + 1) <= height:
        scale += 1
    return scale


class BigClock(Widget):
    """Shows `value` (digits and colons) as large as `fit` allows."""

    DEFAULT_CSS = """
    BigClock {
        width: auto;
        height: auto;
    }
    """

    value: reactive[str] = reactive("0:00", repaint=False)
    """The text shown, e.g. `12:34` (repainted by `watch_value`, only where it changed)."""
    scale: reactive[int] = reactive(1, layout=True)
    """How many cells wide one pixel of the font is."""

    def watch_value(self, old: str, new: str) -> None:
        # Each second changes a digit or two, rarely the size: lay the screen out again only
        # when the clock's width changes (every digit is as wide as every other), and otherwise
        # repaint only the glyphs that changed (on a projector the clock fills the screen).
        if pixel_width(old) != pixel_width(new) or len(old) != len(new):
            self.refresh(layout=True)
            return
        changed = [span for span, a, b in zip(glyph_spans(new), old, new, strict=True) if a != b]
        if changed and not self.scale:
            self.refresh()
        elif changed:
            start, end = changed[0][0], changed[-1][0] + changed[-1][1]
            scale = self.scale
            self.refresh(Region(start * scale, 0, (end - start) * scale, rows_for(scale)))

    def fit(self, width: int, height: int, widest: str = "00:00") -> None:
        """Choose the largest scale at which `widest` fits in `width` × `height` cells; scale 0
        (plain digits on one line) when not even the smallest drawing fits."""
        if rows_for(1) > height or pixel_width(widest) > width:
            self.scale = 0
            return
        self.scale = scale_to_fit(widest, width, height)

    def render(self) -> Content:
        if not self.scale:
            return Content.styled(self.value, "bold")
        return Content("\n".join(drawn(self.value, self.scale)))

    def render_line(self, y: int) -> Strip:
        """Row `y` of the digits, made straight into a strip (the same cells `render` gives).
        The clock is redrawn every second in both windows; going through `Content` to the
        strips was the largest part of each window's idle second."""
        style = self.visual_style.rich_style
        if not self.scale:
            style += BOLD
        rows = drawn(self.value, self.scale)
        width = self.size.width
        if y >= len(rows):
            return Strip.blank(width, style)
        return Strip([Segment(rows[y], style)]).adjust_cell_length(width, style)

    def get_content_width(self, container: object, viewport: object) -> int:
        if not self.scale:
            return len(self.value)
        return pixel_width(self.value) * self.scale

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return rows_for(self.scale) if self.scale else 1


class BigTime(Widget):
    """A time of day in the same large digits (a break's "14.35"), at a scale set from outside
    so it can match the countdown's. Not a `BigClock`: screens find the countdown's clock by
    its type."""

    DEFAULT_CSS = """
    BigTime { width: auto; height: auto; }
    """

    value: reactive[str] = reactive("", layout=True)
    scale: reactive[int] = reactive(1, layout=True)

    def fit(self, width: int, height: int) -> None:
        """The largest scale at which the value fits in `width` × `height` cells."""
        widest = "".join("0" if c.isdigit() else c for c in self.value)
        self.scale = scale_to_fit(widest, width, height)

    def render(self) -> Content:
        return Content("\n".join(render_lines(self.value, self.scale))) if self.value else Content()

    def get_content_width(self, container: object, viewport: object) -> int:
        return pixel_width(self.value) * self.scale if self.value else 0

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return rows_for(self.scale) if self.value else 0
