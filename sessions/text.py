"""Cleaning of user-typed text: it is data, so nothing in it may reach the terminal as control."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# A whole ANSI escape sequence (CSI or OSC), so its printable tail goes with the ESC.
_ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")


def clean_text(text: str) -> str:
    """Return `text` with line breaks normalised and control characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ANSI.sub("", text)
    return _UNSAFE.sub("", text)


def clean_line(text: str) -> str:
    """Like `clean_text`, for one-line fields: line breaks become spaces; ends are trimmed."""
    return " ".join(clean_text(text).split("\n")).strip()
