from sessions.text import clean_line, clean_text


def test_keeps_danish_emoji_markup_and_line_breaks():
    text = "Æbler, øl & å — 🎉 [bold]x[/] [@click=app.quit]x[/]\nlinje 2\tmed tab"
    assert clean_text(text) == text


def test_strips_ansi_escapes_and_control_characters():
    assert clean_text("rød \x1b[31mtekst\x1b[0m") == "rød tekst"
    assert clean_text("titel \x1b]0;hacked\x07slut") == "titel slut"
    assert clean_text("a\x00b\x07c\x7fd\x9be") == "abcde"


def test_normalises_line_breaks():
    assert clean_text("a\r\nb\rc") == "a\nb\nc"


def test_removes_lone_surrogates():
    assert clean_text("a\ud800b") == "ab"


def test_clean_line_joins_lines_and_trims():
    assert clean_line("  Bo\nstøtte \x1b[1m ") == "Bo støtte"
