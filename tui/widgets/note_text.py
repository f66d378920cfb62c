"""A note as one entry of a list: its tag, then its text exactly as typed."""

from __future__ import annotations

from textual.content import Content

from sessions.i18n import t
from sessions.models import Note


def note_line(note: Note, *, reveal_private: bool = False) -> Content:
    """`• Idé: text` (continuation lines indented); a private note's text only when revealed."""
    if note.private and not reveal_private:
        return Content("• " + t("room.private_note"))
    tag = f"{t(f'tag.{note.tag.value}')}: " if note.tag else ""
    lock = "🔒 " if note.private else ""
    return Content.assemble("• ", lock, (tag, "bold"), note.text.replace("\n", "\n  "))
