"""The phone's text form asks one question: the one its form collects (a case's agreement is
not asked under the case's discussion question), and it keeps the board's column a phone last
chose (where the page's few lines of script run)."""

from __future__ import annotations

import re

from sessions.phones.answers import AnswerMode, SlipTarget
from sessions.phones.service import Question
from tui.phones.page import render_page

CASE_QUESTION = "Hvad belaster Sanne mest?"


def page(target: SlipTarget, columns: tuple[str, ...] = ()) -> str:
    question = Question(
        AnswerMode.SLIP, "seg", "Case", CASE_QUESTION, target=target, columns=columns
    )
    return render_page(question, "1234", "tok", None, "nonce")


def test_an_agreement_form_is_not_headed_by_the_discussion_question():
    html = page(SlipTarget.AGREEMENT)
    assert CASE_QUESTION not in html
    assert "Foreslå en aftale" in html or "aftale" in html.lower()


def test_a_board_form_is_not_headed_by_its_first_column_question():
    html = page(SlipTarget.COLUMN, ("Fungerer godt", "Bør blive bedre"))
    assert CASE_QUESTION not in html
    assert html.count('type="radio" name="column"') == 2


def test_a_note_form_keeps_the_question_it_asks():
    assert CASE_QUESTION in page(SlipTarget.NOTE)


def test_the_chosen_column_is_remembered_by_the_page_script():
    html = page(SlipTarget.COLUMN, ("Fungerer godt", "Bør blive bedre"))
    script = re.search(r"<script nonce=\"nonce\">(.*)</script>", html, re.S)
    assert script is not None
    assert "sessionStorage.setItem" in script.group(1)
    assert 'input[name="column"]:checked' in script.group(1)
    assert "[0-9]+" in script.group(1), "only a column number is ever read back"
