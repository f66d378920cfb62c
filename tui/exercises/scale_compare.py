"""A scale asked again, drawn beside last time: per statement "sidst 2,8 → nu 3,4" and the two
distributions (last time's in a light shade, today's solid), hands and phones counted together.

The scale widget draws this instead of its own list when the exercise is the session's
statements asked again (`sessions.followup.repeat`)."""

from __future__ import annotations

import textwrap

from textual.content import Content

from sessions.exercises.scale import ScaleState, counts_shown, decimal, label_for
from sessions.export.dates import long_date
from sessions.followup.repeat import Change, Repeat
from sessions.i18n import t
from tui.exercises.draw import EMPHASIS, MUTED, holds_back, windowed_blocks

LAST_STYLE, NOW_STYLE = "$text-muted", "$success"
LAST_BAR, NOW_BAR = "▒", "█"


def average(value: float | None) -> str:
    return "–" if value is None else decimal(value, None)


def signed(value: float | None) -> str:
    if value is None:
        return ""
    shown = decimal(abs(value), None)
    if round(value, 1) == 0:
        return f"±{shown}"
    return ("▲ +" if value > 0 else "▼ −") + shown


def last_now(change: Change) -> Content:
    """`sidst 2,8 → nu 3,4  ▲ +0,6`."""
    text = t("repeat.last_now", last=average(change.last_average), now=average(change.now_average))
    moved = signed(change.change)
    moved_by = round(change.change or 0.0, 1)
    style = "$success" if moved_by > 0 else "$error" if moved_by < 0 else MUTED
    return Content.assemble((text, "bold"), ("  " + moved, style) if moved else "")


def legend_line(repeat: Repeat) -> Content:
    try:
        date = long_date(repeat.from_date)
    except ValueError:
        date = repeat.from_date
    last, now = t("repeat.legend", date=date).split(" · ", 1)
    return Content.assemble((last, LAST_STYLE), " · ", (now, NOW_STYLE))


def average_bars(change: Change, high: int, width: int) -> list[Content]:
    """Last time's and today's averages as two bars on the scale's length."""
    words = (t("repeat.last"), t("repeat.now"))
    label = max(len(w) for w in words) + 1
    room = max(6, min(60, width - label - 12))

    def bar(value: float | None, cell: str) -> str:
        return "" if value is None else cell * max(1, round(value / high * room))

    return [
        Content.assemble(
            "    ",
            (words[0].ljust(label), MUTED),
            (bar(change.last_average, LAST_BAR), LAST_STYLE),
            (f" {average(change.last_average)}", MUTED),
        ),
        Content.assemble(
            "    ",
            (words[1].ljust(label), "bold"),
            (bar(change.now_average, NOW_BAR), NOW_STYLE),
            (f" {average(change.now_average)}", "bold"),
        ),
    ]


def statement_block(change: Change, width: int, *, chosen: bool, bars: int | None) -> list[Content]:
    """The statement (wrapped, never cut), "sidst 2,8 → nu 3,4", and with `bars` (the scale's
    highest value) both averages as bars."""
    marker = ("▶ " if chosen else "  ", "bold")
    wrapped = textwrap.wrap(change.statement, max(10, width - 2)) or [""]
    style = "bold reverse" if chosen else ""
    block = [
        Content.assemble(marker if n == 0 else "  ", (part, style))
        for n, part in enumerate(wrapped)
    ]
    answers = t("repeat.answers", last=change.last_hands, now=change.now_hands)
    block.append(Content.assemble("    ", last_now(change), ("   " + answers, MUTED)))
    if bars is not None:
        block += average_bars(change, bars, width)
    return block


def distribution(
    state: ScaleState, change: Change, width: int, *, now_shown: bool
) -> list[Content]:
    """The chosen statement value by value: last time's bar beside today's."""
    most = max([*change.last.values(), *change.now.values(), 0])
    names = {value: label_for(state, value) for value in state.values}
    label_width = max((len(n) for n in names.values()), default=0)
    half = max(4, (width - label_width - 18) // 2)
    lines = []
    for value in state.values:
        last, now = change.last.get(value, 0), change.now.get(value, 0)
        parts: list[str | tuple[str, str]] = [
            (f"  {value} ", "bold"),
            (names[value].ljust(label_width) + " ", MUTED),
            (_bar(last, most, half, LAST_BAR).ljust(half), LAST_STYLE),
            (f" {last:>3}", MUTED),
        ]
        if now_shown:
            parts += [
                "   ",
                (_bar(now, most, half, NOW_BAR).ljust(half), NOW_STYLE),
                (f" {now:>3}", "bold"),
            ]
        lines.append(Content.assemble(*parts))
    if not now_shown:
        lines.append(Content.styled(t("repeat.hidden"), MUTED))
    return lines


def _bar(count: int, most: int, width: int, cell: str) -> str:
    if count <= 0 or most <= 0:
        return ""
    return cell * max(1, round(count / most * width))


def comparison(
    repeat: Repeat,
    state: ScaleState,
    found: list[Change],
    *,
    participants: int,
    counting: bool,
    width: int,
    height: int,
) -> tuple[Content, bool]:
    """Everything under the scale's legend: the statements with last time and now, and (while
    counting) the chosen statement's two distributions; on the result step both averages as
    bars, and every statement's distributions when the wall has room. In a small group
    today's hands per value wait for the result step."""
    results = not counting
    shown = counts_shown(participants, results)
    blocks = [
        statement_block(
            change,
            width,
            chosen=counting and index == state.selected,
            bars=state.high if results else None,
        )
        for index, change in enumerate(found)
    ]
    room = max(3, height - 3)
    if results:
        # Room to spare (a large wall): each statement with its two distributions as well.
        detailed = [
            [*block, *distribution(state, change, width, now_shown=True), Content("")]
            for block, change in zip(blocks, found, strict=True)
        ]
        if sum(len(block) for block in detailed) <= room:
            blocks = detailed
    below: list[Content] = []
    if counting and found:
        below = distribution(state, found[state.selected], width, now_shown=shown)
    room = max(3, height - 3 - (len(below) + 1 if below else 0))
    lines = [legend_line(repeat)]
    if results:
        lines.insert(0, Content.styled(t("repeat.result_title"), EMPHASIS))
    lines += windowed_blocks(blocks, state.selected if counting else None, room)
    if below:
        lines += [Content(""), *below]
    return Content("\n").join(lines), holds_back(blocks, room)
