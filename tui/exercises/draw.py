"""Small drawing helpers the exercise widgets share: bars, counts and highlighted lines, all as
`Content`, so user text is never parsed as markup."""

from __future__ import annotations

from textual.content import Content

from sessions.i18n import t

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


def wrapped(text: str, width: int, *, indent: str = "  ") -> list[str]:
    """`text` in lines of at most `width` cells, broken between words (a word is cut only when
    it is longer than a whole line), continuation lines indented under the first's text."""
    from textwrap import wrap

    width = max(len(indent) + 4, width)
    return wrap(
        text, width, subsequent_indent=indent, break_on_hyphens=False, drop_whitespace=True
    ) or [""]


def join_lines(lines: list[Content]) -> Content:
    return Content("\n").join(lines)


def visible_window(count: int, selected: int | None, rows: int) -> tuple[int, int]:
    """Which of `count` lines to show in `rows`: (first, last+1), around `selected`. A list
    longer than the window pages instead of hiding behind a scrollbar the room cannot use."""
    if count <= rows:
        return 0, count
    rows = max(1, rows - 2)  # a line each for "more above" and "more below"
    anchor = selected if selected is not None else 0
    first = min(max(anchor - rows // 2, 0), count - rows)
    return first, first + rows


def holds_back(blocks: list[list[Content]], rows: int) -> bool:
    """Whether `windowed_blocks` leaves items out of `rows`."""
    return sum(len(block) for block in blocks) > rows


def windowed_blocks(blocks: list[list[Content]], selected: int | None, rows: int) -> list[Content]:
    """Items of one or more lines each, cut to `rows` around the selected item: whole items
    only, with "▲ n mere" / "▼ n mere" counting the items left out."""
    heights = [len(block) for block in blocks]
    if not holds_back(blocks, rows):
        return [each for block in blocks for each in block]
    budget = max(1, rows - 2)
    anchor = min(selected or 0, len(blocks) - 1)
    first, last, used = anchor, anchor + 1, heights[anchor]
    grew = True
    while grew:
        grew = False
        if first > 0 and used + heights[first - 1] <= budget:
            first, used, grew = first - 1, used + heights[first - 1], True
        if last < len(blocks) and used + heights[last] <= budget:
            last, used, grew = last + 1, used + heights[last], True
    shown = [each for block in blocks[first:last] for each in block]
    if first:
        shown.insert(0, Content.styled(t("board.more_above").format(count=first), MUTED))
    if last < len(blocks):
        left_out = len(blocks) - last
        shown.append(Content.styled(t("board.more_below").format(count=left_out), MUTED))
    return shown
