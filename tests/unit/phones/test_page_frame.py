"""A phone page is its question's kept frame with the response's parts filled in (`render_page`):
byte for byte the page drawn straight through (`whole_page`), for any question, any phone's
marks, any notice and any text a theme or a phone can bring — a fake hole included."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.exercises.phone import AnswerMode, PhoneAsk, SlipTarget
from sessions.i18n import current_language, set_language
from sessions.phones.service import Question
from tui.phones.page import HOLE, NOTICES, render_page, whole_page

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30) | st.sampled_from(
    ["<b>", "&amp;", '"', "\x00", "}}", "\x00" + "ab" * 8 + "\x00statement:0\x00"]
)
"""Any text, and what might break a page: markup, a NUL, a hole of the frame's shape."""


@contextlib.contextmanager
def use_language(language: str) -> Iterator[None]:
    before = current_language()
    set_language(language)
    try:
        yield
    finally:
        set_language(before)


NOTICE = st.none() | st.sampled_from(sorted(NOTICES)) | TEXT


@st.composite
def questions(draw: st.DrawFn) -> Question:
    mode = draw(st.sampled_from([*AnswerMode, None]))
    if mode is None:
        return Question(None, version=draw(TEXT))
    statements = tuple(draw(st.lists(TEXT, max_size=9)))
    values = tuple(
        (value, draw(TEXT)) for value in draw(st.lists(st.integers(0, 10), max_size=6, unique=True))
    )
    items = tuple(draw(st.lists(TEXT, max_size=8, unique=True)))
    ask = PhoneAsk(
        mode,
        statements=statements,
        values=values,
        items=items,
        votes_each=draw(st.integers(0, 5)),
        target=draw(st.sampled_from(SlipTarget)),
        columns=tuple(draw(st.lists(TEXT, max_size=3))),
        shows_prompt=draw(st.booleans()),
    )
    known = [value for value, _ in values]
    chosen = tuple(
        draw(st.none() | (st.sampled_from(known) if known else st.none())) for _ in statements
    )
    mine = {item: draw(st.integers(0, 3)) for item in items}
    return Question.asking(ask, draw(TEXT), draw(TEXT), draw(TEXT), chosen, mine, draw(TEXT))


@settings(max_examples=300, deadline=None)
@given(questions(), TEXT, NOTICE, st.sampled_from(["da", "en"]))
def test_the_filled_frame_is_the_page_drawn_whole(
    question: Question, code: str, notice: str | None, language: str
) -> None:
    nonce = "n0nce-ABC_123"
    with use_language(language):
        framed = render_page(question, code, "tok", notice, nonce)
        assert framed == whole_page(question, code, "tok", notice, nonce)
    assert HOLE not in framed
    assert framed.count(f'nonce="{nonce}"') == 2


def test_two_phones_share_the_frame_and_keep_their_own_marks() -> None:
    ask = PhoneAsk(AnswerMode.SCALE, statements=("Jeg når mit arbejde",), values=((1, ""), (2, "")))
    first = Question.asking(ask, "skala", "Belastning", "", chosen=(1,), version="v")
    second = Question.asking(ask, "skala", "Belastning", "", chosen=(2,), version="v")
    one = render_page(first, "1234", "tok", None, "aaaa")
    two = render_page(second, "1234", "tok", None, "bbbb")
    pressed = re.compile(r'value="(\d)" aria-pressed="true"')
    assert pressed.findall(one) == ["1"] and pressed.findall(two) == ["2"]
    assert 'nonce="aaaa"' in one and "bbbb" not in one
    again = render_page(first, "1234", "tok", None, "aaaa")
    assert again == one, "the kept frame gives the same page"


def test_a_new_question_gets_a_new_frame() -> None:
    ask = PhoneAsk(AnswerMode.VOTE, items=("Møder", "Pauser"), votes_each=3)
    before = Question.asking(ask, "prio", "Prioriter", "", mine={"Møder": 1}, version="1")
    renamed = PhoneAsk(AnswerMode.VOTE, items=("Møder", "Frokost"), votes_each=3)
    after = Question.asking(renamed, "prio", "Prioriter", "", mine={"Møder": 1}, version="2")
    assert "Pauser" in render_page(before, "1234", "tok", None, "n")
    page = render_page(after, "1234", "tok", None, "n")
    assert "Frokost" in page and "Pauser" not in page
    assert 'data-v="2"' in page
