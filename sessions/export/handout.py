"""The participants' handout for a theme: what it is, the key points from the slides, the
exercise questions, an empty action plan to fill in and the sources — at most two A4 pages.
Markdown, or one self-contained HTML page for print.

Only what participants saw on the wall goes in: slide bodies and exercise questions, never the
speaker notes or the facilitator's instructions. The opening item (welcome, the frame for the
day) is said in the room and left out."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from functools import partial
from urllib.parse import unquote, urlsplit

from sessions.export.print_css import BASE_CSS
from sessions.export.templating import render_page, trusted
from sessions.i18n import t
from sessions.theme.model import ExerciseFormat, SegmentKind, Source, Theme

EMPTY_ACTION_ROWS = 6
BLANK = "_" * 24
# Formats whose questions are not for participants to take home: the action plan is the table
# below, and a follow-up goes through the last plan.
_NO_QUESTIONS = {ExerciseFormat.ACTION_PLAN, ExerciseFormat.FOLLOW_UP}

HANDOUT_CSS = """
body { font-size: 10pt; line-height: 1.3; }
h1 { font-size: 17pt; }
h2 { font-size: 12pt; margin: 0.9em 0 0.35em; }
h3 { font-size: 10pt; margin: 0 0 0.15em; }
p.fill { margin: 0.6em 0 0; }
.columns { column-count: 2; column-gap: 1.6em; }
.point { break-inside: avoid; margin-bottom: 0.5em; }
.point p, .point ul { margin: 0.1em 0; }
.point ul { padding-left: 1.2em; }
section.plan { break-inside: avoid; }
table.blank td { height: 2.2em; }
section.sources ul { padding-left: 1.2em; font-size: 8pt; column-count: 2; column-gap: 1.6em; }
section.sources li { break-inside: avoid; overflow-wrap: anywhere; }
@media print { a[href]::after { content: " (" attr(data-url) ")"; font-size: 7pt; color: #444; } }
"""


@dataclass(frozen=True)
class KeyPoint:
    title: str
    body: str  # theme Markdown, as written


@dataclass(frozen=True)
class Questions:
    exercise: str
    questions: tuple[str, ...]


def key_points(theme: Theme, plan: int) -> list[KeyPoint]:
    agenda = theme.agenda(plan)
    talks = [s for s in agenda if s.kind is SegmentKind.PRESENTATION]
    if len(talks) > 1 and agenda and agenda[0] is talks[0]:
        talks = talks[1:]  # the welcome and the frame for the day
    return [KeyPoint(slide.title, slide.body.strip()) for s in talks for slide in s.slides]


def exercise_questions(theme: Theme, plan: int) -> list[Questions]:
    found = []
    for segment in theme.agenda(plan):
        if segment.kind is not SegmentKind.EXERCISE or segment.format in _NO_QUESTIONS:
            continue
        asked = dict.fromkeys(
            question
            for step in segment.steps
            if step.minutes.for_plan(plan) is not None
            for question in step.questions
        )
        if segment.format is ExerciseFormat.CARDS:
            # The deck apart from the questions for the plenum after it: cards get cut out.
            steps = [s for s in segment.steps if s.minutes.for_plan(plan) is not None]
            deck = next((s.questions for s in steps if s.questions), ())
            after = tuple(q for q in asked if q not in deck)
            if deck:
                found.append(Questions(segment.title, deck))
            if after:
                found.append(Questions(t("handout.plenum_after", exercise=segment.title), after))
            continue
        if asked:
            found.append(Questions(segment.title, tuple(asked)))
    return found


def shown_url(url: str, *, scheme: bool = False) -> str:
    """`https://xn--detdumrker-i6a.dk/a%C3%A6/` → `detdumærker.dk/aæ`: what a reader types."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    with contextlib.suppress(UnicodeError):  # not punycode: shown as it is
        host = host.encode("ascii").decode("idna")
    path = unquote(parts.path)
    if " " in path:
        path = parts.path  # a space would end the address on paper
    shown = (host + path + (f"?{parts.query}" if parts.query else "")).rstrip("/")
    if not host:
        return url
    return f"{parts.scheme}://{shown}" if scheme else shown


def handout_markdown(theme: Theme, plan: int, language: str | None = None) -> str:
    """The handout as Markdown. Theme text is Markdown by design and is kept as written."""
    tr = partial(t, language=language)
    out = [f"# {theme.title}", "", f"*{tr('handout.what')}*", "", theme.summary, ""]
    out += [f"**{tr('export.workplace')}:** {BLANK}  **{tr('export.date')}:** {BLANK[:12]}", ""]
    out += [f"## {tr('handout.key_points')}", ""]
    for point in key_points(theme, plan):
        out += [f"### {point.title}", "", point.body, ""]
    out += [f"## {tr('handout.questions')}", ""]
    for asked in exercise_questions(theme, plan):
        out += [f"### {asked.exercise}", "", *(f"- {q}" for q in asked.questions), ""]
    columns = _plan_columns(language)
    out += [f"## {tr('handout.action_plan')}", "", "| " + " | ".join(columns) + " |"]
    out.append("|" + "---|" * len(columns))
    out += ["|" + "   |" * len(columns)] * EMPTY_ACTION_ROWS
    out += ["", f"## {tr('handout.sources')}", ""]
    out += [_source_markdown(source) for source in theme.sources]
    out.append("")
    return "\n".join(out)


def handout_html(theme: Theme, plan: int, language: str | None = None) -> str:
    """The handout as one self-contained, print-friendly HTML page; raw HTML is escaped."""
    tr = partial(t, language=language)
    return render_page(
        "handout.html",
        title=f"{tr('handout.title')}: {theme.title}",
        language=language or theme.language,
        css=BASE_CSS + HANDOUT_CSS,
        theme=theme,
        blank=BLANK,
        points=[
            {"title": p.title, "body": trusted(markdown_html(p.body))}
            for p in key_points(theme, plan)
        ],
        questions=[
            {
                "exercise": q.exercise,
                "questions": [trusted(markdown_html(x, inline=True)) for x in q.questions],
            }
            for q in exercise_questions(theme, plan)
        ],
        columns=_plan_columns(language),
        empty_rows=EMPTY_ACTION_ROWS,
        sources=[
            {"title": s.title, "url": s.url, "shown": shown_url(s.url) if s.url else ""}
            for s in theme.sources
        ],
    )


def _plan_columns(language: str | None) -> list[str]:
    return [
        t(f"handout.col.{name}", language=language) for name in ("what", "who", "when", "follow_up")
    ]


def _source_markdown(source: Source) -> str:
    if not source.url:
        return f"- {source.title}"
    return f"- {source.title}: <{shown_url(source.url, scheme=True)}>"


def markdown_html(markdown: str, *, inline: bool = False) -> str:
    """Theme Markdown as HTML: raw HTML in it is escaped, links show their address in print."""
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = renderer.parseInline(markdown) if inline else renderer.parse(markdown)
    for token in tokens:
        for child in token.children or ():
            if child.type == "link_open":
                child.attrSet("data-url", shown_url(str(child.attrGet("href") or "")))
    return str(renderer.renderer.render(tokens, renderer.options, {}))
