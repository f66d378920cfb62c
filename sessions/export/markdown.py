"""The Markdown referat, written for the workplace: details, agenda as run, notes by segment."""

from __future__ import annotations

import re
from datetime import date, datetime

from sessions.i18n import t
from sessions.live import LOG_TABLE, PAUSES_TABLE, SCHEDULE_TABLE
from sessions.models import Note, NoteTag, SessionInfo
from sessions.repository import NOTES_TABLE, info_of
from sessions.schedule import Schedule
from sessions.storage.session_store import SessionStore
from sessions.timing import Pause, TimeLogRow, time_log

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START_SPECIAL = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")


def escape_markdown(text: str) -> str:
    """User text shown literally in Markdown: nothing in it becomes markup or a link."""
    lines = []
    for line in text.split("\n"):
        line = _INLINE_SPECIAL.sub(r"\\\1", line)
        line = _LINE_START_SPECIAL.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        lines.append(line)
    return "\n".join(lines)


def long_date(iso: str, language: str | None = None) -> str:
    """`2026-11-24` → `24. november 2026` (or `24 November 2026`)."""
    day = date.fromisoformat(iso)
    month = t(f"month.{day.month}", language=language)
    return t("date.long", language=language, day=day.day, month=month, year=day.year)


def export_markdown(store: SessionStore, language: str | None = None) -> str:
    info = info_of(store)
    notes = [Note.from_dict({"id": i, **d}) for i, d in store.all(NOTES_TABLE).items()]
    notes.sort(key=lambda n: n.created_at)
    rows = _time_log(store, info)

    def tr(key: str, **params: object) -> str:
        return t(key, language=language, **params)

    out: list[str] = [f"# {tr('export.title')}: {escape_markdown(info.theme_title)}", ""]
    out += _details(info, language)
    out += ["", f"## {tr('export.agenda')}", ""]
    columns = ("time", "segment", "planned", "started", "spent")
    out += ["| " + " | ".join(tr(f"export.col.{c}") for c in columns) + " |", "|---" * 5 + "|"]
    out += [_time_log_line(row, language) for row in rows]

    out += ["", f"## {tr('export.notes')}", ""]
    known = {row.item.id for row in rows}
    if not notes:
        out += [tr("export.no_notes"), ""]
    for row in rows:
        segment_notes = [n for n in notes if n.segment_id == row.item.id]
        if segment_notes:
            out += [f"### {escape_markdown(row.item.title)}", ""]
            out += [_note_line(n, language) for n in segment_notes]
            out.append("")
    orphans = [n for n in notes if n.segment_id not in known]
    if orphans:
        out += [f"### {tr('export.other_notes')}", ""]
        out += [_note_line(n, language) for n in orphans]
        out.append("")

    actions = [n for n in notes if n.tag is NoteTag.ACTION]
    if actions:
        out += [f"## {tr('export.actions')}", ""]
        out += [_note_line(n, language, with_tag=False) for n in actions]
        out.append("")
    exported = datetime.now().strftime("%Y-%m-%d %H:%M")
    out += ["---", "", f"*{tr('export.footer', when=exported)}*", ""]
    return "\n".join(out)


def _time_log(store: SessionStore, info: SessionInfo) -> list[TimeLogRow]:
    stored = store.get(SCHEDULE_TABLE, "1")
    schedule = (
        Schedule.from_dict(stored)
        if stored
        else Schedule.from_planned(info.agenda, info.details.plan)
    )
    entries = [(str(d["segment_id"]), float(d["at"])) for _, d in store.items(LOG_TABLE)]
    pauses = [
        Pause(float(d["start"]), None if d.get("end") is None else float(d["end"]))
        for _, d in store.items(PAUSES_TABLE)
    ]
    start = datetime.fromisoformat(f"{info.details.date}T{info.details.start_time}")
    return time_log(schedule, start, entries, pauses)


def _time_log_line(row: TimeLogRow, language: str | None) -> str:
    title = escape_markdown(row.item.title)
    if row.item.extra:
        title += f" ({t('agenda.extra', language=language)})"
    planned_at = row.planned_start.strftime("%H:%M") if row.planned_start else "–"
    if row.item.skipped:
        started, spent = t("export.skipped", language=language), "–"
    else:
        started = (
            datetime.fromtimestamp(row.actual_start).strftime("%H:%M") if row.actual_start else "–"
        )
        spent = f"{round(row.spent / 60)} min" if row.spent or row.actual_start else "–"
        if row.ongoing:
            spent = t("export.ongoing", language=language)
    return f"| {planned_at} | {title} | {row.item.minutes} min | {started} | {spent} |"


def _details(info: SessionInfo, language: str | None) -> list[str]:
    d = info.details
    rows = [
        (t("export.workplace", language=language), escape_markdown(d.workplace)),
        (
            t("export.date", language=language),
            f"{long_date(d.date, language)}, {t('export.at', language=language)} {d.start_time}",
        ),
        (t("export.facilitator", language=language), escape_markdown(d.facilitator) or "–"),
        (t("export.participants", language=language), str(d.participants)),
        (
            t("export.duration", language=language),
            t("export.minutes", language=language, minutes=d.plan),
        ),
        (t("export.theme", language=language), escape_markdown(info.theme_title)),
    ]
    # A backslash at the end of a line is a hard line break in CommonMark.
    return [f"**{label}:** {value}\\" for label, value in rows[:-1]] + [
        f"**{rows[-1][0]}:** {rows[-1][1]}"
    ]


def _note_line(note: Note, language: str | None, *, with_tag: bool = True) -> str:
    text = escape_markdown(note.text)
    body = "\\\n  ".join(text.split("\n"))
    if with_tag and note.tag is not None:
        return f"- **{t(f'tag.{note.tag.value}', language=language)}:** {body}"
    return f"- {body}"
