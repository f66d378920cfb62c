"""The referat's content: exercise results as the export layer reads them today, the neutral
document built from them, dates read back from an action plan, column widths that fit."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from sessions.book import exercise_result
from sessions.export.dates import clock_text, long_date, parse_date
from sessions.export.document import Bullets, Column, Heading, Paragraph, Role, Table
from sessions.export.docx_layout import TEXT_WIDTH_MM, column_widths_mm, text_width_mm
from sessions.export.referat import ExerciseResult, build_referat
from sessions.export.referat_document import build_document
from tests.sessions_helpers import save_exercise


def test_the_exercise_result_shape_the_lead_ports_to():
    names = [(f.name, f.default) for f in dataclasses.fields(ExerciseResult)]
    missing = dataclasses.MISSING
    assert names == [
        ("title", missing),
        ("segment_id", missing),
        ("kind", missing),
        ("lines", missing),
        ("headers", missing),
        ("rows", missing),
        ("highlights", missing),
        ("numeric_columns", ()),
    ]


def doc(kind: str, **state) -> dict:
    return {"title": "Øvelsen", "segment_id": "s1", "step": 0, "format": kind, **state}


def test_a_scale_flags_more_hands_than_participants_and_names_the_lowest():
    result = exercise_result(
        doc(
            "scale",
            statements=["Vi hjælper", "Vi lytter", "Vi roser"],
            scale="1-5",
            counts={"0": {"4": 10}, "1": {"2": 20, "3": 4}, "2": {"1": 3, "2": 2}},
        ),
        14,
        "da",
    )
    assert result is not None and result.kind == "scale" and result.segment_id == "s1"
    assert result.headers == ["Udsagn", "1", "2", "3", "4", "5", "Gns.", "Hænder"]
    assert result.rows[1] == ["Vi lytter", "0", "20", "4", "0", "0", "2,2", "24"]
    assert result.numeric_columns == (1, 2, 3, 4, 5, 6, 7)
    assert result.lines == [
        "«Vi lytter»: 24 hænder – flere end deltagerne (14). Tallet er nok talt forkert."
    ]
    assert result.highlights == [
        "Lavest på skalaen 1–5: «Vi roser» (gns. 1,4)",
        "Lavest på skalaen 1–5: «Vi lytter» (gns. 2,2)",
    ]


def test_votes_cards_cases_boards_and_rounds():
    votes = exercise_result(
        doc("voting", items=["A", "B", "C", "D", "E"], votes=[2, 8, 0, 5, 1]), 14, "da"
    )
    assert votes is not None and votes.rows == [["B", "8"], ["D", "5"], ["A", "2"], ["E", "1"]]
    assert votes.highlights == ["Flest stemmer: «B» (8), «D» (5), «A» (2)"]
    assert votes.numeric_columns == (1,)
    cards = exercise_result(
        doc("cards", cards=["K1", "K2", "K3"], card=2, important=[0, 2]), 14, None
    )
    assert cards is not None and cards.highlights == ["Vigtigt kort: «K1»", "Vigtigt kort: «K3»"]
    case = exercise_result(doc("case", agreements=["Ring samme aften"]), 14, None)
    assert case is not None and case.highlights == ["Aftale: Ring samme aften"]
    board = exercise_result(
        doc(
            "sorting",
            columns=["Stjerne", "Ønske"],
            items=[
                {"text": "a", "column": 0},
                {"text": "b", "column": 1},
                {"text": "c", "column": 0},
            ],
        ),
        14,
        None,
    )
    assert board is not None and board.headers == ["Kolonne", "Punkt"], "no empty reason column"
    assert board.rows == [["Stjerne", "a"], ["", "c"], ["Ønske", "b"]], "grouped by column"
    spoke = exercise_result(doc("round", speaker=12, participants=14), 14, None)
    assert spoke is not None and spoke.lines[0].startswith("Runde: 12 af 14 talte")
    assert exercise_result(doc("round"), 14, None) is None
    assert exercise_result(doc("voting", items=["A"], votes=[0]), 14, None) is None
    assert exercise_result(doc("reflection"), 14, None) is None


def test_results_sit_under_their_item_and_lead_the_summary(live):
    scale = next(p for p in live.pages if p.segment.format and p.segment.format.value == "scale")
    case = next(p for p in live.pages if p.segment.format and p.segment.format.value == "case")
    save_exercise(live, {"statements": ["Vi lytter"], "counts": [[0, 3, 0, 0, 0]]}, scale)
    save_exercise(live, {"agreements": ["Ring samme aften"]}, case)
    document = build_document(build_referat(live.store), "da")
    blocks = list(document.blocks)
    summary = blocks[blocks.index(Heading("Det vigtigste", 2)) + 1]
    assert isinstance(summary, Bullets)
    assert [item.text for item in summary.items] == [
        "Aftale: Ring samme aften",
        "Lavest på skalaen 1–5: «Vi lytter» (gns. 2,0)",
    ], "agreements first"
    at_scale = blocks.index(Heading(scale.segment.title, 3))
    assert any(isinstance(block, Table) for block in blocks[at_scale + 1 : at_scale + 3])
    at_case = blocks.index(Heading(case.segment.title, 3))
    assert blocks[at_case + 1] == Paragraph("Aftaler: se «Det vigtigste» øverst."), "not twice"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-03-01", date(2027, 3, 1)),
        ("1. marts 2027", date(2027, 3, 1)),
        ("1 March 2027", date(2027, 3, 1)),
        ("March 1, 2027", date(2027, 3, 1)),
        ("1/3-2027", date(2027, 3, 1)),
        ("1/3 2027", date(2027, 3, 1)),
        ("01-03-2027", date(2027, 3, 1)),
        ("1.3.27", date(2027, 3, 1)),
        ("mandag den 1. marts 2027", date(2027, 3, 1)),
        ("1. mar. 2027", date(2027, 3, 1)),
        ("uge 10", None),
        ("1. marts", None),
        ("31/2-2027", None),
        ("efter sommerferien 2027", None),
        ("1. marts 2027 kl. 13", None),
        ("", None),
    ],
)
def test_dates_in_an_action_plan(text, expected):
    assert parse_date(text) == expected


def test_dates_and_times_the_readers_way():
    assert long_date("2026-11-24", "da") == "24. november 2026"
    assert long_date(date(2026, 11, 24), "en") == "24 November 2026"
    assert clock_text("13:05", "da") == "13.05" and clock_text("13:05", "en") == "13:05"


def test_columns_fit_their_longest_word_and_fill_the_width():
    table = Table(
        (
            Column("Udsagn"),
            *(Column(str(n), Role.NUMBER) for n in range(1, 6)),
            Column("Gns.", Role.NUMBER),
            Column("Hænder", Role.NUMBER),
        ),
        tuple(
            ("Ingen står uden for fællesskabet her " * 2, "0", "0", "6", "16", "2", "3,8", "24")
            for _ in range(3)
        ),
    )
    widths = column_widths_mm(table)
    assert abs(sum(widths) - TEXT_WIDTH_MM) < 0.01
    assert widths[-1] > text_width_mm("Hænder", bold=True) + 3, "the header fits on one line"
    assert widths[1] < 12 and widths[0] > 80, "numbers narrow, the statement wide"
    plan = Table(
        (Column("Punkt"), Column("Hvem", Role.SHORT)),
        (("Handlingsplan", "Teamlederne"), ("Opfølgning på sidste handlingsplan", "AMR")),
    )
    widths = column_widths_mm(plan)
    assert widths[1] > text_width_mm("Teamlederne") + 3
