"""The consultant's preparation sheet (`oplaeg handout THEME --prep`): the theme's `## Før
mødet` checklist with a box to tick per item, and the workplace's own facts to find (the
guidelines, the psykologordning, the AMR's and TR's names) as lines to write on. One A4 page,
for the consultant only."""

from __future__ import annotations

from functools import partial

from sessions.export.handout import BLANK, markdown_html
from sessions.export.print_css import BASE_CSS
from sessions.export.templating import render_page, trusted
from sessions.i18n import t
from sessions.theme.model import Theme

PREP_CSS = """
@page { margin: 13mm 15mm 12mm; }
body { font-size: 9.5pt; line-height: 1.25; margin-top: 0; }
h1 { font-size: 15pt; }
h2 { font-size: 11.5pt; margin: 0.7em 0 0.3em; }
p.fill { margin: 0.4em 0 0; }
ul.check { list-style: none; padding-left: 0; margin: 0.2em 0; }
ul.check li { position: relative; padding-left: 1.5em; margin: 0.28em 0; break-inside: avoid; }
ul.check li::before { content: "☐"; position: absolute; left: 0; top: -0.1em; font-size: 11pt; }
table.facts { break-inside: avoid; }
table.facts td { height: 1.6em; padding: 0.15em 0.4em; }
table.facts td.label { width: 40%; font-weight: bold; }
"""
BOX = "☐"


def prep_markdown(theme: Theme, language: str | None = None) -> str:
    tr = partial(t, language=language)
    out = [f"# {tr('prep.title')}: {theme.title}", "", f"*{tr('prep.kind')}*", ""]
    out += [f"**{tr('export.workplace')}:** {BLANK}  **{tr('export.date')}:** {BLANK[:12]}", ""]
    checks = [item for item in theme.preparation if not item.blank]
    blanks = [item for item in theme.preparation if item.blank]
    out += [f"## {tr('prep.checklist')}", ""]
    out += [f"- {BOX} {item.text}" for item in checks] or [tr("prep.none")]
    if blanks:
        out += ["", f"## {tr('prep.facts')}", ""]
        out += [f"- **{item.text}:** {BLANK}" for item in blanks]
    out.append("")
    return "\n".join(out)


def prep_html(theme: Theme, language: str | None = None) -> str:
    tr = partial(t, language=language)
    return render_page(
        "prep.html",
        title=f"{tr('prep.title')}: {theme.title}",
        language=language or theme.language,
        css=BASE_CSS + PREP_CSS,
        theme=theme,
        blank=BLANK,
        checks=[
            trusted(markdown_html(item.text, inline=True))
            for item in theme.preparation
            if not item.blank
        ],
        facts=[
            trusted(markdown_html(item.text, inline=True))
            for item in theme.preparation
            if item.blank
        ],
    )
