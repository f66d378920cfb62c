"""Small drawing helpers the exercise widgets share: bars, counts and highlighted lines, all as
`Content`, so user text is never parsed as markup."""

from __future__ import annotations

from textual.content import Content

SELECTED = "bold reverse"
MUTED = "$text-muted"
EMPHASIS = "bold $primary"


def bar(count: int, most: int, width: int) -> str:
    """A bar of `count` out of `most`, `width` cells at most (at least one cell for any count)."""
    if count <= 0 or most <= 0:
        return ""
    return "█" * max(1, round(count / most * width))


def line(text: str, *, selected: bool = False, style: str = "") -> Content:
    """One line of user text, highlighted when selected."""
    return Content.styled(text, SELECTED if selected else style)


def join_lines(lines: list[Content]) -> Content:
    return Content("\n").join(lines)
