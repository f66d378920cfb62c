import pytest

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


# -- invisible formatting (bidi controls, zero-width characters) ----------------------------


def test_a_right_to_left_override_cannot_turn_a_name_around():
    """A phone's `‮gnp.exe‬` reads "exe.png" in Word and a browser: the override goes, the
    text stays as the consultant saw it approved."""
    assert clean_text("P06 RTL \u202egnp.exe\u202c") == "P06 RTL gnp.exe"
    assert clean_line("\u202egnp.exe\u202c") == "gnp.exe"


@pytest.mark.parametrize(
    "control",
    [
        *(chr(c) for c in range(0x202A, 0x202F)),  # embeddings, overrides, pop
        *(chr(c) for c in range(0x2066, 0x206A)),  # isolates
        "\u200e",  # left-to-right mark
        "\u200f",  # right-to-left mark
        "\u061c",  # Arabic letter mark
    ],
)
def test_bidi_controls_are_removed(control):
    assert clean_text(f"a{control}b") == "ab"


@pytest.mark.parametrize(
    "invisible", ["\u200b", "\u200c", "\u2060", "\u2061", "\u2064", "\ufeff", "\u180e"]
)
def test_zero_width_characters_are_removed(invisible):
    assert clean_text(f"ja{invisible}tak") == "jatak"


@pytest.mark.parametrize(
    "emoji",
    [
        "👩\u200d💻",  # woman technologist
        "👨\u200d👩\u200d👧",  # family
        "🏳\ufe0f\u200d🌈",  # rainbow flag: the joiner follows a variation selector
        "🏃🏽\u200d\u2640\ufe0f",  # woman running, with a skin tone
        "🧑🏽\u200d🚀",  # astronaut with a skin tone
        "❤\ufe0f\u200d🔥",  # heart on fire (a pictograph from the BMP)
        "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # Scotland's flag
    ],
)
def test_emoji_sequences_keep_their_joiners(emoji):
    assert clean_text(f"godt {emoji} gået") == f"godt {emoji} gået"


def test_a_joiner_outside_an_emoji_sequence_is_removed():
    assert clean_text("a\u200db") == "ab"
    assert clean_text("👩\u200d") == "👩"
    assert clean_text("\u200d💻") == "💻"
    assert clean_text("👩\u200d\u202e💻") == "👩\u200d💻"  # the override goes, the emoji holds


def test_hidden_tag_text_is_removed():
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "ignore")
    assert clean_text(f"fint{hidden}") == "fint"


def test_unicode_line_separators_become_line_breaks():
    assert clean_text("a\u2028b\u2029c") == "a\nb\nc"
    assert clean_line("a\u2028b") == "a b"
