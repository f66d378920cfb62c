"""Small pieces of referat text shared by the formats and the UI: note labels, follow-up cells,
numbers with the reader's decimal sign, an action's status."""

from __future__ import annotations

import re

from sessions.i18n import t
from sessions.models import Action, FollowUp, Note

# What XML 1.0 cannot hold (Word and Excel files are XML): C0 controls but tab and line
# breaks, lone surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def note_prefix(note: Note, language: str | None) -> str:
    """`Idé`, `Kort 3`, `Kort 3 · Idé` or nothing."""
    parts = []
    if note.card is not None:
        parts.append(t("cards.card", language=language, card=note.card + 1))
    if note.tag:
        parts.append(t(f"tag.{note.tag.value}", language=language))
    return " · ".join(parts)


def followup_headers(language: str | None) -> list[str]:
    columns = ("what", "who", "status", "comment")
    return [t(f"followup.col.{c}", language=language) for c in columns]


def followup_cells(followup: FollowUp, language: str | None) -> list[str]:
    status = followup.status.value if followup.status else "none"
    return [
        followup.action.what,
        followup.action.who,
        t(f"followup.status.{status}", language=language),
        followup.comment,
    ]


def decimal(value: float, language: str | None) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if t("decimal.comma", language=language) == "," else text


def is_agreed(action: Action) -> bool:
    """An action with someone to carry it and a time is agreed; otherwise it is a proposal."""
    return bool(action.who.strip() and action.when.strip())


def action_status(action: Action, language: str | None) -> str:
    return t(
        "export.status.agreed" if is_agreed(action) else "export.status.proposal", language=language
    )
