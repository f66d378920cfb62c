"""The phone's text form asks one question: the one its form collects (a case's agreement is
not asked under the case's discussion question), and it keeps the board's column a phone last
chose (where the page's few lines of script run)."""

from __future__ import annotations

import re
from typing import Any

from sessions.exercises.base import ExerciseKind
from sessions.exercises.case import CaseKind, CaseState
from sessions.exercises.sorting import BoardState, SortingKind
from sessions.exercises.steps import ReflectionKind
from sessions.phones.service import Question
from sessions.theme.model import Minutes, Segment, SegmentKind
from tui.phones.page import render_page

CASE_QUESTION = "Hvad belaster Sanne mest?"
COLUMNS = ("Fungerer godt", "Bør blive bedre")
SEGMENT = Segment("seg", "Case", SegmentKind.EXERCISE, Minutes({90: 10}), 1)


def page(kind: ExerciseKind[Any], state: object = None) -> str:
    """The page a phone sees for `kind`'s question, as the kind describes it."""
    ask = kind.phone_ask(SEGMENT, state)
    assert ask is not None
    question = Question.asking(ask, SEGMENT.id, SEGMENT.title, CASE_QUESTION)
    return render_page(question, "1234", "tok", None, "nonce")


def test_an_agreement_form_is_not_headed_by_the_discussion_question():
    html = page(CaseKind(), CaseState())
    assert CASE_QUESTION not in html
    assert "Foreslå en aftale" in html or "aftale" in html.lower()


def test_a_board_form_is_not_headed_by_its_first_column_question():
    html = page(SortingKind(), BoardState(COLUMNS))
    assert CASE_QUESTION not in html
    assert html.count('type="radio" name="column"') == 2


def test_a_note_form_keeps_the_question_it_asks():
    assert CASE_QUESTION in page(ReflectionKind())


def test_every_text_on_the_page_is_escaped():
    hostile = '<script>alert("x")</script>'
    html = page(SortingKind(), BoardState((hostile, f"{hostile}&amp;")))
    assert hostile not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert html.count("<script") == 1, "only the page's own script"


def test_the_chosen_column_is_remembered_by_the_page_script():
    html = page(SortingKind(), BoardState(COLUMNS))
    script = re.search(r"<script nonce=\"nonce\">(.*)</script>", html, re.S)
    assert script is not None
    assert "sessionStorage.setItem" in script.group(1)
    assert 'input[name="column"]:checked' in script.group(1)
    assert "[0-9]+" in script.group(1), "only a column number is ever read back"


def test_each_phone_sees_its_own_values_and_votes_though_the_parts_are_kept():
    from sessions.exercises.phone import AnswerMode

    statements = ("Jeg når mine opgaver", "Jeg får hjælp <når> jeg beder om det")
    values = ((1, "Slet ikke"), (2, ""), (3, "Helt"))

    def pressed(chosen: tuple[int | None, ...]) -> list[list[str]]:
        q = Question(AnswerMode.SCALE, "s", "Skala", "", statements, values, chosen, version="v")
        html = render_page(q, "1234", "tok", None, "nonce")
        forms = re.findall(r'<form method="post".*?</form>', html, re.S)
        return [re.findall(r'value="(\d)" aria-pressed="true"', form) for form in forms]

    assert pressed((1, None)) == [["1"], []]
    assert pressed((3, 2)) == [["3"], ["2"]], "another phone: its own values"
    assert pressed((1, None)) == [["1"], []], "the first again, from kept parts"
    html = render_page(
        Question(AnswerMode.SCALE, "s", "Skala", "", statements, values, (), version="v"),
        "1234", "tok", None, "nonce",
    )  # fmt: skip
    assert "Jeg får hjælp &lt;når&gt; jeg beder om det" in html, "kept parts are escaped too"

    def votes(items: tuple[tuple[str, int], ...]) -> str:
        q = Question(AnswerMode.VOTE, "v", "Afstemning", "", items=items, votes_each=2, version="v")
        return render_page(q, "1234", "tok", None, "nonce")

    spent = votes((("Møder", 2), ("Mails", 0)))
    assert spent.count('value="1" disabled') == 2, "no votes left: no item takes one more"
    fresh = votes((("Møder", 0), ("Mails", 0)))
    assert 'value="1" disabled' not in fresh and fresh.count('value="-1" disabled') == 2


def test_a_kept_part_is_drawn_anew_in_another_language():
    from sessions.exercises.phone import AnswerMode
    from sessions.i18n import current_language, set_language

    q = Question(AnswerMode.VOTE, "v", "Afstemning", "", items=(("Møder", 1),), votes_each=2)
    before = current_language()
    danish = render_page(q, "1234", "tok", None, "nonce")
    try:
        set_language("en")
        english = render_page(q, "1234", "tok", None, "nonce")
    finally:
        set_language(before)
    part = re.compile(r'<li id="i0">.*?</li>', re.S)
    assert part.search(danish) and part.search(english)
    assert part.search(danish).group(0) != part.search(english).group(0)  # type: ignore[union-attr]
