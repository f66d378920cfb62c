"""Cleaning of user-typed text: it is data, so nothing in it may reach the terminal as control,
nor make a referat read differently from what the consultant saw and approved."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# A whole ANSI escape sequence (CSI or OSC), so its printable tail goes with the ESC.
_ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")
# Characters that change how the text around them is drawn while showing nothing themselves:
# bidi embeddings, overrides, isolates and marks (`‮gnp.exe‬` would read "exe.png" in Word),
# and zero-width spaces, joiners that join nothing, invisible operators and the BOM.
_INVISIBLE = re.compile(
    "[\u061c\u180e\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_SEPARATORS = re.compile("[\u2028\u2029]")  # Unicode's own line and paragraph separators
# The zero-width joiner has one honest use here: inside an emoji sequence (👩‍💻, 🏳️‍🌈), between
# a pictograph (or its variation selector or skin tone) and the next pictograph.
_PICTOGRAPH = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u27bf"
    "\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff"
)
_STRAY_JOINER = re.compile(
    f"(?<![{_PICTOGRAPH}\ufe0f\U0001f3fb-\U0001f3ff])\u200d|\u200d(?![{_PICTOGRAPH}])"
)
# Tag characters are invisible text; they belong only in a subdivision flag (🏴 + tags + end).
_TAGS = re.compile("(\U0001f3f4[\U000e0020-\U000e007e]{1,8}\U000e007f)|[\U000e0000-\U000e007f]")


def clean_text(text: str) -> str:
    """Return `text` with line breaks normalised and control and invisible formatting
    characters removed (the joiner inside an emoji sequence is kept)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SEPARATORS.sub("\n", text)
    text = _ANSI.sub("", text)
    text = _UNSAFE.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _STRAY_JOINER.sub("", text)
    return _TAGS.sub(lambda match: match.group(1) or "", text)


def clean_line(text: str) -> str:
    """Like `clean_text`, for one-line fields: line breaks become spaces; ends are trimmed."""
    return " ".join(clean_text(text).split("\n")).strip()
