"""Markdown drawn as lines by one widget: what a theme's slide or the consultant's notes look
like, at any width, and that no text in them is ever taken as markup."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult

from tui.widgets.markdown_text import MarkdownText, parse_blocks


def shown(markdown: str, width: int, *, line_breaks: bool = False) -> list[str]:
    widget = MarkdownText(markdown, line_breaks=line_breaks)
    return [line.plain.rstrip() for line in widget.lines(width)]


def test_a_list_hangs_under_its_bullets_and_a_tight_list_has_no_gaps():
    lines = shown(
        "Indledning.\n\n- Et punkt der er langt nok til at blive brudt\n"
        "- To\n  - Under\n- Tre\n\nSlut.",
        24,
    )
    assert lines == [
        "Indledning.",
        "",
        "• Et punkt der er langt",
        "  nok til at blive brudt",
        "• To",
        "  ▪ Under",
        "• Tre",
        "",
        "Slut.",
    ]


def test_a_loose_list_keeps_a_blank_line_between_its_items():
    assert shown("1. En\n\n2. To", 20) == ["1. En", "", "2. To"]


def test_a_numbered_list_starts_where_the_source_starts_it():
    assert shown("3. Tre\n4. Fire", 20) == ["3. Tre", "4. Fire"]


def test_a_quote_has_its_bar_on_every_line():
    lines = shown("> Et citat der brydes over flere linjer", 16)
    assert len(lines) > 1 and all(line.startswith("▌ ") for line in lines)


def test_headings_emphasis_and_code_keep_their_words_and_lose_their_marks():
    lines = shown("# Titel\n\nMed **fed**, *kursiv*, `kode` og [et link](https://x.dk).", 60)
    assert lines[0].strip() == "Titel"
    assert lines[2] == "Med fed, kursiv, kode og et link."


def test_notes_keep_each_line_when_asked():
    notes = "Spørg: Hvordan går det?\nValgfrit: Et eksempel"
    assert shown(notes, 60) == ["Spørg: Hvordan går det? Valgfrit: Et eksempel"]
    assert shown(notes, 60, line_breaks=True) == [
        "Spørg: Hvordan går det?",
        "Valgfrit: Et eksempel",
    ]


def test_markup_html_and_escapes_are_shown_as_written():
    text = "[bold]fed[/bold] <script>alert(1)</script> $primary \x1b[31m"
    (line,) = shown(text, 200)
    assert "[bold]fed[/bold]" in line
    assert "<script>alert(1)</script>" in line
    assert "$primary" in line


def test_a_table_and_a_rule_are_drawn_as_lines():
    lines = shown("| a | bb |\n|---|----|\n| 1 | 2 |\n\n---", 20)
    assert lines[:3] == ["a │ bb", "──┼───", "1 │ 2"]
    assert lines[-1] == "─" * 20


PIECES = [*"abcæøå ÆØÅ-*_#>`[]()!|\n.1234567890:漢", "  ", "\n\n", "- ", "1. ", "> ", "---\n"]
NESTED = "> - > 1. - > - text in deep nesting\n"
TEXT = st.lists(st.sampled_from([*PIECES, NESTED]), max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(min_value=1, max_value=120), st.booleans())
def test_no_line_is_ever_wider_than_the_widget(markdown, width, line_breaks):
    widget = MarkdownText(markdown, line_breaks=line_breaks)
    for line in widget.lines(width):
        assert line.cell_length <= width or width < 2  # a wide letter takes two cells


WORDS = st.lists(st.from_regex(r"[a-zæøå]{1,12}", fullmatch=True), min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(WORDS, st.integers(min_value=12, max_value=100))
def test_every_word_of_a_paragraph_is_shown_in_order(words, width):
    lines = shown(" ".join(words), width)
    assert re.findall(r"\S+", " ".join(lines)) == words


def test_parsing_keeps_blocks_in_order():
    blocks = parse_blocks("# A\n\nB\n\n- C\n- D\n\n> E")
    assert [block.body.plain for block in blocks] == ["A", "B", "C", "D", "E"]
    assert [block.gap for block in blocks] == [False, True, True, False, True]


async def test_the_widget_is_as_tall_as_its_lines_and_updates_in_the_same_frame():
    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield MarkdownText("- a\n- b", id="text")

    app = One()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        widget = app.query_one(MarkdownText)
        assert widget.size.height == 2
        widget.update("Et\n\nTo\n\nTre")
        assert widget.source == "Et\n\nTo\n\nTre"
        await pilot.pause()
        assert widget.size.height == 5
        assert widget.plain.splitlines() == ["Et", "", "To", "", "Tre"]
        assert not widget.children, "one widget: nothing mounted per block"


def test_deep_nesting_on_a_narrow_screen_gives_the_text_the_room():
    for width in (6, 10, 16, 24):
        lines = shown(NESTED, width)
        assert all(len(line) <= width for line in lines), (width, lines)
        if width >= 16:  # half the width for the text: its words stay whole
            assert "text in deep nesting" in " ".join(line[width // 2 :] for line in lines)
