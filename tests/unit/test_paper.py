"""The paper a consultant prints before the day: the 'Før mødet' checklist on one page
(`--prep`), every case on its own A4 and the dialogue cards as a cut sheet (`--cases`), and the
participants' handout keeping the cards apart from the plenum questions."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from sessions.export.case_sheets import card_sheets, case_sheets, cases_html, cases_markdown
from sessions.export.handout import exercise_questions, handout_markdown
from sessions.export.prep_sheet import prep_html, prep_markdown
from sessions.theme.parser import parse_theme


def test_the_checklist_has_a_box_per_item_and_a_line_per_fact(library):
    theme = library.get("kraenkende-handlinger")
    text = prep_markdown(theme)
    assert text.startswith("# Før mødet: Krænkende handlinger")
    assert "- ☐ Aftal med lederen og AMR/TR" in text
    assert "- **Arbejdsmiljørepræsentant (AMR):** ____" in text
    assert "- **Psykologordning eller krisehjælp – telefon:** ____" in text
    assert "Pointe" not in text and "Noter" not in text
    page = prep_html(theme)
    assert '<ul class="check">' in page and '<table class="facts">' in page
    assert '<td class="label">Tillidsrepræsentant (TR)</td><td></td>' in page


def test_a_case_with_a_choice_is_one_sheet_per_choice_with_the_group_questions(library):
    theme = library.get("hoeje-foelelsesmaessige-krav")
    sheets = case_sheets(theme)
    assert [s.title for s in sheets] == [
        "Case: Det hører med til jobbet: Mette",
        "Case: Det hører med til jobbet: Sanne",
    ]
    assert "Facebook" in sheets[0].story and "Sanne" not in sheets[0].story
    asked = [q for _, questions in sheets[0].questions for q in questions]
    assert "Hvad kan kollegerne og lederen gøre allerede i morgen?" in asked
    assert "Hvad aftaler vi hos os?" not in asked, "the plenum's questions are on the wall"
    page = cases_html(theme)
    assert page.count('<section class="case">') == 2
    assert "section.case { break-after: page; }" in page


def test_cards_are_a_cut_sheet_and_the_plenum_questions_stay_apart(library):
    theme = library.get("omgangstone")
    (cards,) = card_sheets(theme)
    assert len(cards.cards) == 8
    assert cards.plenum == (
        "Hvilket kort satte mest i gang i jeres gruppe?",
        "Hvad er det ene, vi skal arbejde videre med?",
    )
    assert not set(cards.plenum) & set(cards.cards)
    markdown = cases_markdown(theme)
    cut, after = markdown.split("## Til plenum bagefter (klip ikke ud)")
    assert "Vores humor rummer alle" in cut and "Hvilket kort satte mest" in after
    handout = {q.exercise: q.questions for q in exercise_questions(theme, 90)}
    assert "Hvilket kort satte mest i gang i jeres gruppe?" not in handout["Dialogkort"]
    assert "Hvilket kort satte mest i gang i jeres gruppe?" in handout["Dialogkort – i plenum"]
    assert "### Dialogkort – i plenum" in handout_markdown(theme, 90)


def test_a_case_only_the_long_plan_runs_is_printed_too(library):
    theme = library.get("selvledelse")
    assert [s.title for s in case_sheets(theme)] == ["Case: Telefonen er altid tændt"]


def test_theme_text_in_the_paper_is_escaped():
    text = """---
id: x
title: <b>T</b>
summary: s
---

## Før mødet

- Tjek <script>alert(1)</script>
- Navn: ___

## Oplæg
kind: presentation
minutes: 90 / 120

### Slide

Tekst

## Kilder

- [K](https://at.dk)
"""
    theme, problems = parse_theme(text)
    assert theme is not None, problems
    page = prep_html(theme)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<b>T</b>" not in page
    assert "har ingen cases" in cases_markdown(theme)
    case = text.replace(
        "## Kilder",
        "## Case\nkind: exercise\nformat: case\nminutes: 5 / 5\n\n"
        "Historien <img src=x onerror=alert(1)>\n\n### Grupper\nminutes: 5 / 5\nmode: gruppe\n\n"
        "- Hvad <b>nu</b>?\n\n## Kilder",
    ).replace("minutes: 90 / 120\n\n### Slide", "minutes: 85 / 115\n\n### Slide")
    with_case, problems = parse_theme(case)
    assert with_case is not None, problems
    sheet = cases_html(with_case)
    assert "<img" not in sheet and "&lt;img" in sheet and "<b>nu</b>" not in sheet


@pytest.mark.skipif(
    shutil.which("chromium") is None or shutil.which("pdfinfo") is None,
    reason="needs chromium and poppler",
)
@pytest.mark.parametrize(
    ("kind", "theme_id", "pages"),
    [("prep", "kraenkende-handlinger", 1), ("prep", "alene-arbejde", 1),
     ("cases", "hoeje-foelelsesmaessige-krav", 2), ("cases", "omgangstone", 2)],
)  # fmt: skip
def test_printed_as_pdf(library, tmp_path: Path, kind: str, theme_id: str, pages: int):
    """One page of preparation; one case per A4 (the cards on their own sheet)."""
    theme = library.get(theme_id)
    page = prep_html(theme) if kind == "prep" else cases_html(theme)
    source, pdf = tmp_path / "paper.html", tmp_path / "paper.pdf"
    source.write_text(page, encoding="utf-8")
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", source.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    lines = [line for line in info.stdout.splitlines() if line.startswith("Pages:")]
    assert int(lines[0].split()[1]) == pages
