"""Paper for the groups (`oplaeg handout THEME --cases`): every case on its own A4 page with the
questions the groups work on, a case that offers a choice (`**Mette** …`, `**Sanne** …`) one
page per choice, and every deck of dialogue cards as a sheet to cut up — the questions for the
plenum after it apart, so they are never cut out as cards. The consultant prints one copy per
group. Every case and deck of the theme is printed, whichever session length is chosen: a case
that only the longer plan runs is still the one a consultant may swap in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

from markupsafe import Markup

from sessions.export.handout import markdown_html
from sessions.export.print_css import BASE_CSS
from sessions.export.templating import render_page, trusted
from sessions.i18n import t
from sessions.theme.model import ExerciseFormat, Segment, StepMode, Theme

SHEETS_CSS = """
body { font-size: 12pt; line-height: 1.45; }
section.case { break-after: page; }
section.case:last-of-type { break-after: auto; }
section.case h1 { font-size: 18pt; }
section.case .story { font-size: 13pt; margin: 0.6em 0 1em; }
section.case ul { padding-left: 1.2em; }
section.case li { margin: 0.5em 0 2.6em; }
section.cards { break-before: page; }
.deck { display: grid; grid-template-columns: 1fr 1fr; gap: 0; }
.card { border: 1px dashed #555; min-height: 30mm; padding: 5mm; display: flex;
        align-items: center; justify-content: center; text-align: center; font-size: 14pt;
        break-inside: avoid; }
.plenum { margin-top: 1.2em; border-top: 2px solid #333; padding-top: 0.4em; }
"""
_CHOICE = re.compile(r"^\*\*([^*]+)\*\*")


@dataclass(frozen=True)
class CaseSheet:
    segment: str
    title: str
    story: str  # theme Markdown
    questions: tuple[tuple[str, tuple[str, ...]], ...]  # (step title, questions)


@dataclass(frozen=True)
class CardSheet:
    segment: str
    cards: tuple[str, ...]
    plenum: tuple[str, ...]


def case_sheets(theme: Theme) -> list[CaseSheet]:
    sheets: list[CaseSheet] = []
    for segment in theme.segments:
        if segment.format is not ExerciseFormat.CASE:
            continue
        questions = tuple(
            (step.title, step.questions)
            for step in segment.steps
            if step.questions and step.mode is not StepMode.PLENUM
        )
        paragraphs = [p.strip() for p in segment.intro.split("\n\n") if p.strip()]
        choices = [p for p in paragraphs if _CHOICE.match(p)]
        if len(choices) >= 2:
            for choice in choices:
                name = _CHOICE.match(choice)
                title = f"{segment.title}: {name.group(1).strip()}" if name else segment.title
                sheets.append(CaseSheet(segment.title, title, choice, questions))
        else:
            sheets.append(CaseSheet(segment.title, segment.title, segment.intro, questions))
    return sheets


def card_sheets(theme: Theme) -> list[CardSheet]:
    return [_cards(s) for s in theme.segments if s.format is ExerciseFormat.CARDS]


def _cards(segment: Segment) -> CardSheet:
    steps = segment.steps
    deck_index = next((i for i, s in enumerate(steps) if s.questions), None)
    deck = steps[deck_index].questions if deck_index is not None else ()
    plenum = tuple(
        q for i, s in enumerate(steps) if i != deck_index for q in s.questions if q not in deck
    )
    return CardSheet(segment.title, deck, plenum)


def cases_markdown(theme: Theme, language: str | None = None) -> str:
    tr = partial(t, language=language)
    out: list[str] = []
    for sheet in case_sheets(theme):
        out += [f"# {sheet.title}", "", sheet.story, ""]
        for step, questions in sheet.questions:
            out += [f"## {step}", "", *(f"- {q}" for q in questions), ""]
        out += ["---", ""]
    for cards in card_sheets(theme):
        out += [f"# {cards.segment} – {tr('cases.cut')}", ""]
        out += [f"- {card}" for card in cards.cards]
        if cards.plenum:
            out += ["", f"## {tr('cases.plenum')}", "", *(f"- {q}" for q in cards.plenum)]
        out += [""]
    if not out:
        out = [tr("cases.none"), ""]
    return "\n".join(out)


def cases_html(theme: Theme, language: str | None = None) -> str:
    tr = partial(t, language=language)

    def inline(text: str) -> Markup:
        return trusted(markdown_html(text, inline=True))

    return render_page(
        "cases.html",
        title=f"{tr('cases.title')}: {theme.title}",
        language=language or theme.language,
        css=BASE_CSS + SHEETS_CSS,
        theme=theme,
        sheets=[
            {
                "title": sheet.title,
                "story": trusted(markdown_html(sheet.story)),
                "questions": [
                    (step, [inline(q) for q in questions]) for step, questions in sheet.questions
                ],
            }
            for sheet in case_sheets(theme)
        ],
        decks=[
            {
                "segment": cards.segment,
                "cards": [inline(card) for card in cards.cards],
                "plenum": [inline(q) for q in cards.plenum],
            }
            for cards in card_sheets(theme)
        ],
    )
