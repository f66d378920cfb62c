"""The referat arranged for its reader: who, when and how long; what matters most; the action
plan; what happened item by item; the time log; what comes next."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from functools import partial

from sessions.agenda.timing import TimeLogRow
from sessions.export.dates import clock, clock_text, long_date
from sessions.export.document import (
    Block,
    Bullets,
    Column,
    Definitions,
    Document,
    Heading,
    Item,
    PageBreak,
    Paragraph,
    Private,
    Role,
    Style,
    Table,
)
from sessions.export.labels import (
    action_status,
    is_agreed,
    note_prefix,
)
from sessions.export.referat import ExerciseResult, Referat
from sessions.export.since_last import change_highlights, since_last
from sessions.i18n import current_language, plural, t
from sessions.live import FOLLOWUP_ITEM_ID
from sessions.models import Note

# "Det vigtigste" leads with what was agreed, then what the group chose, then the signals.
_HIGHLIGHT_ORDER = {"case": 0, "voting": 1, "cards": 2, "scale": 3}


def build_document(referat: Referat, language: str | None = None) -> Document:
    language = language or current_language()
    tr = partial(t, language=language)
    details = referat.info.details
    title = f"{tr('export.title')}: {referat.info.theme_title}"
    blocks: list[Block] = [Heading(title, 1)]
    if referat.private_notes:
        blocks.append(Paragraph(tr("export.private_banner"), Style.NOTICE))
    blocks.append(Definitions(tuple(_particulars(referat, language))))
    blocks += _most_important(referat, language)
    blocks += since_last(referat, language)
    blocks += _action_plan(referat, language)
    blocks += _item_by_item(referat, language)
    blocks += _time_log(referat, language)
    blocks += _next_steps(referat, language)
    made = f"{long_date(referat.created.date(), language)} {tr('export.at')} "
    blocks.append(
        Paragraph(tr("export.footer", when=made + clock(referat.created, language)), Style.SMALL)
    )
    if referat.private_notes:
        blocks += [PageBreak(), _private(referat, language)]
    return Document(
        title=title,
        language=language,
        workplace=details.workplace,
        date=long_date(details.date, language),
        author=details.facilitator or "oplaeg",
        created=referat.created,
        kind=tr("export.title"),
        blocks=tuple(blocks),
    )


def _particulars(referat: Referat, language: str | None) -> list[tuple[str, str]]:
    tr = partial(t, language=language)
    details = referat.info.details
    planned = plural(details.plan, "export.minute", "export.minutes", language)
    start, end = referat.started_at, referat.ended_at
    if start is None:
        when = tr(
            "export.time_not_begun", start=clock_text(details.start_time, language), plan=planned
        )
    elif end is None:
        when = tr("export.time_unfinished", start=clock(start, language), plan=planned)
    else:
        when = tr(
            "export.time_run",
            start=clock(start, language),
            end=clock(end, language),
            minutes=plural(round((end - start) / 60), "export.minute", "export.minutes", language),
            plan=planned,
        )
        if referat.paused_seconds >= 60:
            when += tr("export.time_paused", minutes=round(referat.paused_seconds / 60))
    return [
        (tr("export.workplace"), details.workplace),
        (tr("export.date"), long_date(details.date, language)),
        (tr("export.time"), when),
        (tr("export.participants"), str(details.participants)),
        (tr("export.facilitator"), details.facilitator or "–"),
    ]


def _most_important(referat: Referat, language: str | None) -> list[Block]:
    tr = partial(t, language=language)
    lines = []
    if referat.followups:
        counted = Counter(f.status.value if f.status else "none" for f in referat.followups)
        parts = [f"{count} {_status_word(status, language)}" for status, count in counted.items()]
        lines.append(
            tr(
                "export.summary.followup",
                date=long_date(referat.followups[0].from_date, language),
                counts=", ".join(parts),
            )
        )
    results = sorted(referat.exercises, key=lambda r: _HIGHLIGHT_ORDER.get(r.kind, 9))
    lines += [line for result in results for line in result.highlights]
    lines += change_highlights(referat, language)
    if referat.actions:
        agreed = sum(1 for a in referat.actions if is_agreed(a))
        proposals = len(referat.actions) - agreed
        summary = tr("export.summary.agreed", count=agreed)
        if proposals:
            summary += tr("export.summary.proposals", count=proposals)
        lines.append(summary + ".")
    heading = Heading(tr("export.most_important"), 2)
    if not lines:
        return [heading, Paragraph(tr("export.nothing_agreed"))]
    return [heading, Bullets(tuple(Item(line) for line in lines))]


def _status_word(status: str, language: str | None) -> str:
    key = "export.no_status" if status == "none" else f"followup.status.{status}"
    return t(key, language=language).lower()


def _action_plan(referat: Referat, language: str | None) -> list[Block]:
    tr = partial(t, language=language)
    heading = Heading(tr("export.action_plan"), 2)
    if not referat.actions:
        return [heading, Paragraph(tr("export.no_actions"))]
    columns = (
        Column(tr("export.col.what")),
        Column(tr("export.col.who"), Role.SHORT),
        Column(tr("export.col.when"), Role.SHORT),
        Column(tr("export.col.follow_up")),
        Column(tr("export.col.status"), Role.SHORT),
    )
    rows = tuple(
        (a.what, a.who or "–", a.when or "–", a.follow_up or "–", action_status(a, language))
        for a in referat.actions
    )
    blocks: list[Block] = [heading, Table(columns, rows)]
    if any(not is_agreed(a) for a in referat.actions):
        blocks.append(Paragraph(tr("export.proposal_explained")))
    return blocks


def _item_by_item(referat: Referat, language: str | None) -> list[Block]:
    tr = partial(t, language=language)
    blocks: list[Block] = [Heading(tr("export.item_by_item"), 2)]
    placed = {group.segment_id for group in referat.groups}
    for group in referat.groups:
        results = [r for r in referat.exercises if r.segment_id == group.segment_id]
        followups = group.segment_id == FOLLOWUP_ITEM_ID and bool(referat.followups)
        if not (group.notes or results or followups):
            continue
        blocks.append(Heading(group.title, 3))
        if followups:
            blocks.append(Paragraph(tr("export.since_last.see")))  # the table is there
        for result in results:
            blocks += _result(result, group.title, language)
        if group.notes:
            blocks.append(_notes(group.notes, language))
    strays = [r for r in referat.exercises if r.segment_id not in placed]
    if referat.other_notes or strays:
        blocks.append(Heading(tr("export.other_notes"), 3))
        for result in strays:
            blocks += _result(result, "", language)
        if referat.other_notes:
            blocks.append(_notes(referat.other_notes, language))
    if len(blocks) == 1:
        blocks.append(Paragraph(tr("export.no_notes")))
    return blocks


def _result(result: ExerciseResult, item_title: str, language: str | None) -> list[Block]:
    blocks: list[Block] = []
    if result.title and result.title != item_title:
        blocks.append(Heading(result.title, 4))
    listed = [row[0] for row in result.rows] if not result.headers else []
    if listed and all(any(item in line for line in result.highlights) for item in listed):
        # Word for word under "Det vigtigste" already: point there instead of repeating it.
        what = " ".join(result.lines) or result.title
        return [*blocks, Paragraph(t("export.see_most_important", language=language, what=what))]
    blocks += [Paragraph(line) for line in result.lines]
    if result.headers:
        columns = tuple(
            Column(h, Role.NUMBER if i in result.numeric_columns else Role.TEXT)
            for i, h in enumerate(result.headers)
        )
        blocks.append(Table(columns, tuple(tuple(row) for row in result.rows)))
    elif listed:
        blocks.append(Bullets(tuple(Item(item) for item in listed)))
    return blocks


def _notes(notes: list[Note], language: str | None) -> Bullets:
    return Bullets(tuple(Item(note.text, note_prefix(note, language)) for note in notes))


def _time_log(referat: Referat, language: str | None) -> list[Block]:
    tr = partial(t, language=language)
    columns = (
        Column(tr("export.col.time"), Role.SHORT),
        Column(tr("export.col.segment")),
        Column(tr("export.col.planned"), Role.NUMBER),
        Column(tr("export.col.started"), Role.SHORT),
        Column(tr("export.col.spent"), Role.NUMBER),
    )
    rows = tuple(_time_log_cells(row, language) for row in referat.time_log)
    active = [row for row in referat.time_log if not row.item.skipped]
    spent = sum(row.spent for row in active if row.actual_start and not row.ongoing)
    total = (
        "",
        tr("export.total"),
        str(sum(r.item.minutes for r in active)),
        "",
        str(round(spent / 60)),
    )
    planned_end = next(
        (
            r.planned_start + timedelta(minutes=r.item.minutes)
            for r in reversed(active)
            if r.planned_start
        ),
        None,
    )
    end_row = (
        clock(planned_end, language) if planned_end else "–",
        tr("export.end"),
        "",
        clock(referat.ended_at, language) if referat.ended_at else "–",
        "",
    )
    table = Table(columns, (*rows, end_row), total)
    return [Heading(tr("export.time_log"), 2), table]


def _time_log_cells(row: TimeLogRow, language: str | None) -> tuple[str, ...]:
    tr = partial(t, language=language)
    planned_at = clock(row.planned_start, language) if row.planned_start else "–"
    if row.item.skipped:
        return (planned_at, row.item.title, "–", tr("export.skipped"), "–")
    started = clock(row.actual_start, language) if row.actual_start else "–"
    spent = str(round(row.spent / 60)) if row.actual_start else "–"
    if row.ongoing:
        spent = tr("export.ongoing")
    return (planned_at, row.item.title, str(row.item.minutes), started, spent)


def _next_steps(referat: Referat, language: str | None) -> list[Block]:
    tr = partial(t, language=language)
    when = referat.next_follow_up
    first = tr("export.next.when", when=when) if when else tr("export.next.no_date")
    return [
        Heading(tr("export.next_steps"), 2),
        Paragraph(first),
        Paragraph(tr("export.next.session")),
    ]


def _private(referat: Referat, language: str | None) -> Private:
    tr = partial(t, language=language)
    titles = {group.segment_id: group.title for group in referat.groups}
    items = []
    for note in referat.private_notes:
        label = " · ".join(
            p for p in (titles.get(note.segment_id, ""), note_prefix(note, language)) if p
        )
        items.append(Item(note.text, label))
    return Private(
        tr("export.private_title"),
        (Paragraph(tr("export.private_explained")), Bullets(tuple(items))),
    )
