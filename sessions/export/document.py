"""The referat as a neutral document: a few typed blocks in the reader's order, built once and
rendered by `markdown.py`, `html_export.py` and `docx_export.py`. No format walks the referat."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    """What a table column holds, so each format can size and align it."""

    TEXT = "text"  # sentences: takes the room that is left, wraps between words
    SHORT = "short"  # a name, a clock time, a status: a few words
    NUMBER = "number"  # digits: narrow, right-aligned


class Style(StrEnum):
    BODY = "body"
    NOTICE = "notice"  # a warning the reader must not miss
    SMALL = "small"  # the colophon


@dataclass(frozen=True)
class Column:
    header: str
    role: Role = Role.TEXT


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1: the document's title, 2: a section, 3: an agenda item, 4: within an item


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Style = Style.BODY


@dataclass(frozen=True)
class Definitions:
    """Label–value pairs: the referat's particulars."""

    items: tuple[tuple[str, str], ...]


KEEP_TOGETHER_ROWS = 12


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None = None  # a last row set apart: sums, the end

    @property
    def keep_together(self) -> bool:
        """A table this short moves to the next page whole rather than splitting."""
        return len(self.rows) + bool(self.total) <= KEEP_TOGETHER_ROWS

    def __post_init__(self) -> None:
        width = len(self.columns)
        if any(len(row) != width for row in (*self.rows, *([self.total] if self.total else []))):
            raise ValueError("every row of a table has one cell per column")


@dataclass(frozen=True)
class Item:
    text: str
    label: str = ""  # shown in bold before the text: a note's tag, an item's title


@dataclass(frozen=True)
class Bullets:
    items: tuple[Item, ...]


@dataclass(frozen=True)
class PageBreak:
    """A hint: in print, what follows starts on a new page."""


@dataclass(frozen=True)
class Private:
    """Notes marked "kun til mig", set apart and labelled in every format."""

    title: str
    blocks: tuple[Block, ...]


Block = Heading | Paragraph | Definitions | Table | Bullets | PageBreak | Private


@dataclass(frozen=True)
class Document:
    title: str  # the heading on the first page
    language: str
    workplace: str
    date: str  # as the reader writes it: "24. november 2026"
    author: str
    created: datetime
    kind: str  # "Referat": with workplace and date, the running header and the file's title
    blocks: tuple[Block, ...]

    @property
    def running_title(self) -> str:
        """What every printed page carries: `Botilbuddet Solsikken · Referat 24. november 2026`."""
        return f"{self.workplace} · {self.kind} {self.date}"

    @property
    def file_title(self) -> str:
        """The title a file manager, Word or a PDF printer shows."""
        return f"{self.kind} – {self.workplace} – {self.date}"

    @property
    def has_private(self) -> bool:
        return any(isinstance(block, Private) for block in self.blocks)
