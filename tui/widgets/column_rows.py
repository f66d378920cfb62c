"""The rows the parts of a column need, for the clock under them to take only what they leave:
read after the layout (`rows_laid_out`), or worked out before it from the styles and each
content's height at the width it will get (`rows_to_come`), so the first frame of a page can
already draw the clock at its size.

A part that fills the rest of its column (`1fr`) needs what its own parts need; one with no
parts (a board's column) needs none of its own: it shows less ("▼ N mere") rather than run
under the clock, and measuring it as laid out would make the clock's size depend on the order
of the layouts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.geometry import Size
from textual.widget import Widget

DEPTH = 3
"""How deep into parts that fill the rest the needs are added up."""


def docked(widget: Widget) -> bool:
    return str(widget.styles.dock or "none") != "none"


def fills(widget: Widget) -> bool:
    """Whether `widget` takes whatever height it is given (`1fr`, a percentage)."""
    height = widget.styles.height
    return height is not None and not (height.is_auto or height.is_cells)


def in_flow(widget: Widget) -> list[Widget]:
    """The parts of `widget` shown one after another (not docked, not hidden)."""
    return [part for part in widget.displayed_children if not docked(part)]


def with_margins(need: Callable[[Widget], int], parts: Iterable[Widget]) -> list[int]:
    return [need(part) + part.styles.margin.top + part.styles.margin.bottom for part in parts]


def _together(widget: Widget, needs: list[int]) -> int:
    """Parts side by side need the tallest; one above another, all of them."""
    across = str(widget.styles.layout.name if widget.styles.layout else "") == "horizontal"
    return (max(needs) if across else sum(needs)) + widget.styles.gutter.height


def rows_laid_out(widget: Widget, depth: int = 0) -> int:
    """The rows `widget` needs, as laid out now."""
    parts = in_flow(widget)
    if fills(widget) and not parts:
        return 0
    if not fills(widget) or depth > DEPTH:
        return widget.outer_size.height
    return _together(widget, with_margins(lambda part: rows_laid_out(part, depth + 1), parts))


def rows_to_come(widget: Widget, container: Size, viewport: Size, depth: int = 0) -> int:
    """The rows `widget` will need for what it shows now, before the layout."""
    styles = widget.styles
    gutter = styles.gutter
    width = container.width
    if styles.width is not None and styles.width.is_cells:
        width = int(styles.width.value)
    inner = Size(max(0, width - gutter.width), container.height)
    height = styles.height
    if height is not None and height.is_cells:
        rows = int(height.value)
    elif fills(widget):
        parts = in_flow(widget)
        if not parts or depth > DEPTH:
            return 0
        need = lambda part: rows_to_come(part, inner, viewport, depth + 1)  # noqa: E731
        return _together(widget, with_margins(need, parts))
    else:
        rows = widget.get_content_height(container, viewport, inner.width) + gutter.height
    if styles.max_height is not None:
        rows = min(rows, int(styles.max_height.resolve(container, viewport)))
    if styles.min_height is not None:
        rows = max(rows, int(styles.min_height.resolve(container, viewport)))
    return rows
