"""A participant handout for a theme: the key points, the exercise questions, and an empty
action-plan table to fill in. Markdown, or one self-contained HTML page for print."""

from __future__ import annotations

import html

from sessions.i18n import t
from sessions.theme.model import SegmentKind, Theme

EMPTY_ACTION_ROWS = 6

PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; font-size: 11pt;
       line-height: 1.45; color: #111; max-width: 44em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 20pt; margin-bottom: 0.2em; }
h2 { font-size: 14pt; border-bottom: 1px solid #999; padding-bottom: 0.15em; margin-top: 1.6em; }
h3 { font-size: 12pt; margin-bottom: 0.3em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #666; padding: 0.4em; text-align: left; vertical-align: top; }
td { height: 2.2em; }
@media print { a { color: inherit; text-decoration: none; } h2 { break-after: avoid; } }
"""


def handout_markdown(theme: Theme, plan: int, language: str | None = None) -> str:
    """The handout as Markdown. Theme text is Markdown by design and is kept as written."""

    def tr(key: str) -> str:
        return t(key, language=language)

    out = [f"# {theme.title}", "", theme.summary, ""]
    agenda = theme.agenda(plan)
    out += [f"## {tr('handout.key_points')}", ""]
    for segment in agenda:
        for slide in segment.slides if segment.kind is SegmentKind.PRESENTATION else ():
            out += [f"### {slide.title}", "", slide.body.strip(), ""]
    exercises = [s for s in agenda if s.kind is SegmentKind.EXERCISE and s.steps]
    out += [f"## {tr('handout.questions')}", ""]
    for segment in exercises:
        out += [f"### {segment.title}", ""]
        if segment.intro:
            out += [segment.intro.strip(), ""]
        for step in segment.steps:
            if step.minutes.for_plan(plan) is None or not step.questions:
                continue
            out += [f"**{step.title}**", ""]
            out += [f"- {question}" for question in step.questions]
            out.append("")
    columns = [tr(f"handout.col.{name}") for name in ("what", "who", "when", "follow_up")]
    out += [f"## {tr('handout.action_plan')}", "", "| " + " | ".join(columns) + " |"]
    out.append("|" + "---|" * len(columns))
    out += ["|" + "   |" * len(columns)] * EMPTY_ACTION_ROWS
    out += ["", f"## {tr('handout.sources')}", ""]
    out += [
        f"- [{source.title}]({source.url})" if source.url else f"- {source.title}"
        for source in theme.sources
    ]
    out.append("")
    return "\n".join(out)


def handout_html(theme: Theme, plan: int, language: str | None = None) -> str:
    """The handout as one self-contained, print-friendly HTML page; raw HTML is escaped."""
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": False}).enable("table")
    body = renderer.render(handout_markdown(theme, plan, language))
    lang = language or theme.language
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(theme.title)}</title>\n"
        f"<style>{PRINT_CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
