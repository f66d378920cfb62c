"""The `## Før mødet` section of a theme: the checklist a consultant goes through the evening
before, with the workplace's own facts to find as blanks (`Arbejdsmiljørepræsentant: ___`)."""

from __future__ import annotations

import re

from sessions.theme.model import PrepItem
from sessions.theme.sections import Section

PREP_TITLES = {"før mødet", "before the session"}
BLANK = re.compile(r"\s*_{3,}\s*$")
"""Three or more underscores at the end of an item: a fact to write down."""


def is_preparation(title: str) -> bool:
    return title.strip().lower() in PREP_TITLES


def read_preparation(section: Section) -> tuple[PrepItem, ...]:
    """Every top-level list item of the section, in order."""
    items: list[PrepItem] = []
    depth = 0
    awaiting = False
    for token in section.tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "list_item_open" and depth == 1:
            awaiting = True
        elif token.type == "inline" and awaiting:
            awaiting = False
            text = " ".join(token.content.split())
            line = (token.map[0] + 1) if token.map else section.line
            if BLANK.search(text):
                label = BLANK.sub("", text).rstrip(" :")
                items.append(PrepItem(label, line, blank=True))
            else:
                items.append(PrepItem(text, line))
    return tuple(items)
