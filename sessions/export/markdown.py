"""The Markdown referat, written for the workplace: details, agenda as run, notes by item,
the action plan."""

from __future__ import annotations

import re
from datetime import date, datetime

from sessions.export.referat import Referat
from sessions.i18n import t
from sessions.models import FollowUp, Note
from sessions.timing import TimeLogRow

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START_SPECIAL = re.compile(r"^(\s*)(?:([#>+\-=])|(\d+)([.)]))")


def escape_markdown(text: str) -> str:
    """User text shown literally in Markdown: nothing in it becomes markup or a link."""
    lines = []
    for line in text.split("\n"):
        line = _INLINE_SPECIAL.sub(r"\\\1", line)
        line = _LINE_START_SPECIAL.sub(_escape_line_start, line)
        lines.append(line)
    return "\n".join(lines)


def escape_inline(text: str) -> str:
    """Like `escape_markdown`, for text inside a line (a table cell, after a label)."""
    return _INLINE_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def _escape_line_start(match: re.Match[str]) -> str:
    indent, mark, digits, punctuation = match.groups()
    if mark:  # "# x", "- x", "> x" …
        return f"{indent}\\{mark}"
    return f"{indent}{digits}\\{punctuation}"  # "1. x": the escape goes before the dot


def long_date(iso: str, language: str | None = None) -> str:
    """`2026-11-24` → `24. november 2026` (or `24 November 2026`)."""
    day = date.fromisoformat(iso)
    month = t(f"month.{day.month}", language=language)
    return t("date.long", language=language, day=day.day, month=month, year=day.year)


def details(referat: Referat, language: str | None) -> list[tuple[str, str]]:
    """The session's particulars as (label, value), for every format."""
    info = referat.info
    d = info.details
    return [
        (t("export.workplace", language=language), d.workplace),
        (
            t("export.date", language=language),
            f"{long_date(d.date, language)}, {t('export.at', language=language)} {d.start_time}",
        ),
        (t("export.facilitator", language=language), d.facilitator or "–"),
        (t("export.participants", language=language), str(d.participants)),
        (
            t("export.duration", language=language),
            t("export.minutes", language=language, minutes=d.plan),
        ),
        (t("export.theme", language=language), info.theme_title),
    ] + (
        [(t("export.next_follow_up", language=language), referat.next_follow_up)]
        if referat.next_follow_up
        else []
    )


def time_log_cells(row: TimeLogRow, language: str | None) -> list[str]:
    """Planned time, item, planned minutes, actual start, time spent — as plain text."""
    title = row.item.title
    if row.item.extra:
        title += f" ({t('agenda.extra', language=language)})"
    planned_at = row.planned_start.strftime("%H:%M") if row.planned_start else "–"
    if row.item.skipped:
        return [
            planned_at,
            title,
            f"{row.item.minutes} min",
            t("export.skipped", language=language),
            "–",
        ]
    started = (
        datetime.fromtimestamp(row.actual_start).strftime("%H:%M") if row.actual_start else "–"
    )
    spent = f"{round(row.spent / 60)} min" if row.actual_start else "–"
    if row.ongoing:
        spent = t("export.ongoing", language=language)
    return [planned_at, title, f"{row.item.minutes} min", started, spent]


def time_log_headers(language: str | None) -> list[str]:
    columns = ("time", "segment", "planned", "started", "spent")
    return [t(f"export.col.{c}", language=language) for c in columns]


def action_headers(language: str | None) -> list[str]:
    columns = ("what", "who", "when", "follow_up")
    return [t(f"handout.col.{c}", language=language) for c in columns]


def followup_headers(language: str | None) -> list[str]:
    columns = ("what", "who", "status", "comment")
    return [t(f"followup.col.{c}", language=language) for c in columns]


def followup_cells(followup: FollowUp, language: str | None) -> list[str]:
    status = followup.status.value if followup.status else "none"
    return [
        followup.action.what,
        followup.action.who,
        t(f"followup.status.{status}", language=language),
        followup.comment,
    ]


def followup_title(referat: Referat, language: str | None) -> str:
    first = referat.followups[0]
    return t("followup.title", language=language, date=long_date(first.from_date, language))


def note_prefix(note: Note, language: str | None) -> str:
    """`Idé`, `Kort 3`, `Kort 3 · Idé` or nothing."""
    parts = []
    if note.card is not None:
        parts.append(t("cards.card", language=language, card=note.card + 1))
    if note.tag:
        parts.append(t(f"tag.{note.tag.value}", language=language))
    return " · ".join(parts)


def export_markdown(referat: Referat, language: str | None = None) -> str:
    def tr(key: str, **params: object) -> str:
        return t(key, language=language, **params)

    def row(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    out = [f"# {tr('export.title')}: {escape_inline(referat.info.theme_title)}", ""]
    lines = details(referat, language)
    # A backslash at the end of a line is a hard line break in CommonMark.
    out += [f"**{label}:** {escape_inline(value)}\\" for label, value in lines[:-1]]
    out += [f"**{lines[-1][0]}:** {escape_inline(lines[-1][1])}"]

    out += ["", f"## {tr('export.agenda')}", "", row(time_log_headers(language)), "|---" * 5 + "|"]
    out += [
        row([escape_inline(cell) for cell in time_log_cells(entry, language)])
        for entry in referat.time_log
    ]

    if referat.followups:
        out += ["", f"## {escape_inline(followup_title(referat, language))}", ""]
        out += [row(followup_headers(language)), "|---" * 4 + "|"]
        out += [
            row([escape_inline(c) or "–" for c in followup_cells(f, language)])
            for f in referat.followups
        ]

    if referat.exercises:
        out += ["", f"## {tr('export.exercises')}"]
        for result in referat.exercises:
            out += ["", f"### {escape_inline(result.title)}", ""]
            out += [escape_inline(line) for line in result.lines]
            if result.headers:
                out += [
                    row([escape_inline(h) for h in result.headers]),
                    "|---" * len(result.headers) + "|",
                ]
                out += [row([escape_inline(c) for c in cells]) for cells in result.rows]
            elif result.rows:
                out += ["", *(f"- {escape_inline(cells[0])}" for cells in result.rows)]

    out += ["", f"## {tr('export.notes')}", ""]
    if not referat.has_notes:
        out += [tr("export.no_notes"), ""]
    for group in referat.groups:
        if group.notes:
            out += [f"### {escape_inline(group.title)}", ""]
            out += [_note_line(n, language) for n in group.notes]
            out.append("")
    if referat.other_notes:
        out += [f"### {tr('export.other_notes')}", ""]
        out += [_note_line(n, language) for n in referat.other_notes]
        out.append("")

    if referat.actions or referat.action_notes:
        out += [f"## {tr('export.actions')}", ""]
    if referat.actions:
        out += [row(action_headers(language)), "|---" * 4 + "|"]
        out += [
            row([escape_inline(v) or "–" for v in (a.what, a.who, a.when, a.follow_up)])
            for a in referat.actions
        ]
        out.append("")
    if referat.action_notes:
        out += [_note_line(n, language, with_tag=False) for n in referat.action_notes]
        out.append("")
    exported = datetime.now().strftime("%Y-%m-%d %H:%M")
    out += ["---", "", f"*{tr('export.footer', when=exported)}*", ""]
    return "\n".join(out)


def _note_line(note: Note, language: str | None, *, with_tag: bool = True) -> str:
    text = escape_markdown(note.text)
    body = "\\\n  ".join(text.split("\n"))
    prefix = note_prefix(note, language) if with_tag else ""
    return f"- **{prefix}:** {body}" if prefix else f"- {body}"
