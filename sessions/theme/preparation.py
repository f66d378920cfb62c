"""The `## Før mødet` section of a theme: the checklist a consultant goes through the evening
before, with the workplace's own facts to find as blanks (`Arbejdsmiljørepræsentant: ___`)."""

from __future__ import annotations

import re

from sessions.theme.model import PrepItem
from sessions.theme.sections import Section, list_items_with_lines

PREP_TITLES = {"før mødet", "before the session"}
BLANK = re.compile(r"\s*_{3,}\s*$")
"""Three or more underscores at the end of an item: a fact to write down."""


def is_preparation(title: str) -> bool:
    return title.strip().lower() in PREP_TITLES


def read_preparation(section: Section) -> tuple[PrepItem, ...]:
    """Every top-level list item of the section, in order."""
    items: list[PrepItem] = []
    for text, line in list_items_with_lines(section.tokens):
        where = section.line if line is None else line
        if BLANK.search(text):
            label = BLANK.sub("", text).rstrip(" :")
            items.append(PrepItem(label, where, blank=True))
        else:
            items.append(PrepItem(text, where))
    return tuple(items)
