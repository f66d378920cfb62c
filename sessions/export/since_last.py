"""The referat's "Siden sidst": the earlier session's actions and how far they have come, and the
statements asked again, last time beside now, with the dates of both sessions."""

from __future__ import annotations

from functools import partial

from sessions.export.dates import long_date
from sessions.export.document import Block, Column, Heading, Paragraph, Role, Table
from sessions.export.labels import decimal, followup_cells, followup_headers
from sessions.export.referat import Referat
from sessions.followup.repeat import Change
from sessions.i18n import t

MOVERS_IN_HIGHLIGHTS = 2


def last_date(referat: Referat) -> str:
    """The earlier session's date (ISO), from the follow-up or the statements asked again."""
    if referat.followups:
        return referat.followups[0].from_date
    return referat.repeat.from_date if referat.repeat else ""


def _date(value: str, language: str | None) -> str:
    try:
        return long_date(value, language)
    except ValueError:
        return value or "–"


def signed(value: float | None, language: str | None) -> str:
    """`+0,6`, `−0,3`, `0,0`; `–` when one side has no answers."""
    if value is None:
        return "–"
    shown = decimal(abs(value), language)
    if shown in ("0,0", "0.0"):
        return shown
    return ("+" if value > 0 else "−") + shown


def average(value: float | None, language: str | None) -> str:
    return "–" if value is None else decimal(value, language)


def since_last(referat: Referat, language: str | None) -> list[Block]:
    """The section, or nothing when the session follows nothing up."""
    if not referat.followups and not referat.changes:
        return []
    tr = partial(t, language=language)
    last, now = last_date(referat), referat.info.details.date
    blocks: list[Block] = [
        Heading(tr("export.since_last"), 2),
        Paragraph(
            tr(
                "export.since_last.dates",
                last=_date(last, language),
                now=_date(now, language),
            )
        ),
    ]
    if referat.followups:
        blocks.append(Heading(tr("export.since_last.actions"), 3))
        columns = tuple(
            Column(header, role)
            for header, role in zip(
                followup_headers(language),
                (Role.TEXT, Role.SHORT, Role.SHORT, Role.TEXT),
                strict=True,
            )
        )
        rows = tuple(
            tuple(cell or "–" for cell in followup_cells(f, language)) for f in referat.followups
        )
        blocks.append(Table(columns, rows))
    if referat.changes:
        repeat_date = referat.repeat.from_date if referat.repeat else last
        blocks.append(Heading(tr("export.since_last.statements"), 3))
        columns = (
            Column(tr("export.col.statement")),
            Column(tr("export.col.last", date=_date(repeat_date, language)), Role.NUMBER),
            Column(tr("export.col.now", date=_date(now, language)), Role.NUMBER),
            Column(tr("export.col.change"), Role.NUMBER),
            Column(tr("export.col.last_hands"), Role.NUMBER),
            Column(tr("export.col.now_hands"), Role.NUMBER),
        )
        blocks.append(Table(columns, tuple(change_cells(c, language) for c in referat.changes)))
    return blocks


def change_cells(change: Change, language: str | None) -> tuple[str, ...]:
    return (
        change.statement,
        average(change.last_average, language),
        average(change.now_average, language),
        signed(change.change, language),
        str(change.last_hands),
        str(change.now_hands),
    )


def change_highlights(referat: Referat, language: str | None) -> list[str]:
    """For "Det vigtigste": the statements that moved most since last time."""
    moved = [c for c in referat.changes if c.change is not None and round(c.change, 1) != 0]
    moved.sort(key=lambda c: abs(c.change or 0.0), reverse=True)
    return [
        t(
            "export.highlight.change",
            language=language,
            statement=c.statement,
            last=average(c.last_average, language),
            now=average(c.now_average, language),
        )
        for c in moved[:MOVERS_IN_HIGHLIGHTS]
    ]
