"""The Markdown referat, written for the workplace: details, agenda as run, notes by segment."""

from __future__ import annotations

import re
from datetime import date, datetime

from sessions.agenda import agenda_rows
from sessions.i18n import t
from sessions.live import LOG_TABLE
from sessions.models import Note, NoteTag, SessionInfo
from sessions.repository import NOTES_TABLE, info_of
from sessions.storage.session_store import SessionStore

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
    entered: dict[str, float] = {}
    for doc in store.all(LOG_TABLE).values():
        entered.setdefault(str(doc["segment_id"]), float(doc["at"]))

    def tr(key: str, **params: object) -> str:
        return t(key, language=language, **params)

    out: list[str] = [f"# {tr('export.title')}: {escape_markdown(info.theme_title)}", ""]
    out += _details(info, language)
    out += ["", f"## {tr('export.agenda')}", ""]
    out += [
        f"| {tr('export.col.time')} | {tr('export.col.segment')} | "
        f"{tr('export.col.planned')} | {tr('export.col.started')} |",
        "|---|---|---|---|",
    ]
    rows = agenda_rows(info.agenda, info.details.date, info.details.start_time, entered)
    for row in rows:
        started = row.actual_start.strftime("%H:%M") if row.actual_start else "–"
        out.append(
            f"| {row.planned_start:%H:%M} | {escape_markdown(row.segment.title)} | "
            f"{row.segment.minutes} min | {started} |"
        )

    out += ["", f"## {tr('export.notes')}", ""]
    known = {s.id for s in info.agenda}
    if not notes:
        out += [tr("export.no_notes"), ""]
    for row in rows:
        segment_notes = [n for n in notes if n.segment_id == row.segment.id]
        if segment_notes:
            out += [f"### {escape_markdown(row.segment.title)}", ""]
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
