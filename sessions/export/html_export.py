"""The referat as one self-contained HTML page (no external assets), print-friendly for A4.
Every piece of user text goes through `html.escape`."""

from __future__ import annotations

import html
from datetime import datetime

from sessions.export.handout import PRINT_CSS
from sessions.export.markdown import (
    action_headers,
    details,
    followup_cells,
    followup_headers,
    followup_title,
    note_prefix,
    time_log_cells,
    time_log_headers,
)
from sessions.export.referat import Referat
from sessions.i18n import t
from sessions.models import Note

EXTRA_CSS = """
dl.details { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
dl.details dt { font-weight: bold; }
dl.details dd { margin: 0; }
ul.notes li { white-space: pre-wrap; margin-bottom: 0.3em; }
.tag { font-weight: bold; }
td.skipped { color: #666; font-style: italic; }
footer { margin-top: 2em; color: #555; font-size: 9pt; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _notes(notes: list[Note], language: str | None, *, with_tag: bool = True) -> str:
    items = []
    for note in notes:
        prefix = note_prefix(note, language) if with_tag else ""
        tag = f'<span class="tag">{_e(prefix)}:</span> ' if prefix else ""
        items.append(f"<li>{tag}{_e(note.text)}</li>")
    return '<ul class="notes">' + "".join(items) + "</ul>"


def export_html(referat: Referat, language: str | None = None) -> str:
    def tr(key: str, **params: object) -> str:
        return t(key, language=language, **params)

    title = f"{tr('export.title')}: {referat.info.theme_title}"
    parts = [f"<h1>{_e(title)}</h1>", '<dl class="details">']
    parts += [
        f"<dt>{_e(label)}</dt><dd>{_e(value)}</dd>" for label, value in details(referat, language)
    ]
    parts.append("</dl>")
    parts.append(f"<h2>{_e(tr('export.agenda'))}</h2>")
    parts.append(
        _table(time_log_headers(language), [time_log_cells(r, language) for r in referat.time_log])
    )
    if referat.followups:
        parts.append(f"<h2>{_e(followup_title(referat, language))}</h2>")
        rows = [followup_cells(f, language) for f in referat.followups]
        parts.append(_table(followup_headers(language), rows))
    if referat.exercises:
        parts.append(f"<h2>{_e(tr('export.exercises'))}</h2>")
        for result in referat.exercises:
            parts.append(f"<h3>{_e(result.title)}</h3>")
            parts += [f"<p>{_e(line)}</p>" for line in result.lines]
            if result.headers:
                parts.append(_table(result.headers, result.rows))
            elif result.rows:
                items = "".join(f"<li>{_e(r[0])}</li>" for r in result.rows)
                parts.append(f"<ul>{items}</ul>")
    parts.append(f"<h2>{_e(tr('export.notes'))}</h2>")
    if not referat.has_notes:
        parts.append(f"<p>{_e(tr('export.no_notes'))}</p>")
    for group in referat.groups:
        if group.notes:
            parts.append(f"<h3>{_e(group.title)}</h3>" + _notes(group.notes, language))
    if referat.other_notes:
        parts.append(f"<h3>{_e(tr('export.other_notes'))}</h3>")
        parts.append(_notes(referat.other_notes, language))
    if referat.actions or referat.action_notes:
        parts.append(f"<h2>{_e(tr('export.actions'))}</h2>")
    if referat.actions:
        rows = [[a.what, a.who, a.when, a.follow_up] for a in referat.actions]
        parts.append(_table(action_headers(language), rows))
    if referat.action_notes:
        parts.append(_notes(referat.action_notes, language, with_tag=False))
    exported = datetime.now().strftime("%Y-%m-%d %H:%M")
    parts.append(f"<footer>{_e(tr('export.footer', when=exported))}</footer>")
    lang = language or referat.info.language
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(title)}</title>\n<style>{PRINT_CSS}{EXTRA_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(parts)
        + "\n</body>\n</html>\n"
    )
