"""The referat as Markdown, and the escaping that keeps user text literal in any Markdown
renderer: CommonMark, GitHub (GFM autolinks, emoji shortcodes), pandoc (@citations)."""

from __future__ import annotations

import re

from sessions.export.document import (
    Block,
    Bullets,
    Definitions,
    Document,
    Heading,
    Item,
    PageBreak,
    Paragraph,
    Private,
    Role,
    Style,
    Table,
)

# The TUI takes these from here today; they live in labels.py.
from sessions.export.labels import followup_cells, followup_headers, note_prefix

__all__ = [
    "escape_inline",
    "escape_markdown",
    "export_markdown",
    "followup_cells",
    "followup_headers",
    "note_prefix",
]

_ALWAYS = re.compile(r"([\\`*_\[|~^])")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_MENTION = re.compile(r"@(?=\w)")
_SCHEME = re.compile(r"(?i)\b(https?|ftp|mailto|file|www)([:.])")
_EMOJI = re.compile(r"(?<![\w\\]):(?=[\w+-]+:)")
# A host name a linkifier would turn into a link: known generic endings or a country code.
_HOST = re.compile(
    r"(?i)\b[\w-]+(?:\.[\w-]+)*\.(?:[a-z]{2}|com|org|net|edu|gov|biz|info|pro|shop|name|web)\b"
)
_BLOCK_START = re.compile(
    r"^(\s*)(?:(#{1,6}|[-+])(?=\s|$)|(>)|(-[\s-]*$|=[\s=]*$)|(\d{1,9})([.)])(?=\s|$))"
)


def escape_inline(text: str) -> str:
    """User text shown literally inside a line of Markdown (a table cell, a list item): no
    emphasis, link, autolink, HTML, emoji or citation can come out of it."""
    text = _ALWAYS.sub(r"\\\1", text.replace("\n", " "))
    text = _TAG_START.sub(r"\\<", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _MENTION.sub(r"\\@", text)
    text = _SCHEME.sub(r"\1\\\2", text)
    text = _EMOJI.sub(r"\\:", text)
    return _HOST.sub(lambda match: match[0].replace(".", "\\."), text)


def escape_markdown(text: str) -> str:
    """Like `escape_inline`, line by line, so no line can start a heading, list or quote."""
    return "\n".join(
        _BLOCK_START.sub(_escape_block_start, escape_inline(line)) for line in text.split("\n")
    )


def _escape_block_start(match: re.Match[str]) -> str:
    indent, mark, quote, rule, digits, punctuation = match.groups()
    if digits:  # "1. x": the escape goes before the dot
        return f"{indent}{digits}\\{punctuation}"
    return f"{indent}\\{mark or quote or rule}"


def export_markdown(document: Document) -> str:
    out: list[str] = []
    for block in document.blocks:
        out += _block(block)
    return "\n".join(out).rstrip("\n") + "\n"


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return ["#" * block.level + " " + escape_inline(block.text), ""]
    if isinstance(block, Paragraph):
        text = escape_markdown(block.text.strip())
        if block.style is Style.NOTICE:
            return [f"> **{text}**", ""]
        if block.style is Style.SMALL:
            return ["---", "", f"*{text}*", ""]
        return [text, ""]
    if isinstance(block, Definitions):
        return [f"- **{label}:** {escape_inline(value)}" for label, value in block.items] + [""]
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Bullets):
        return [_item(item) for item in block.items] + [""]
    if isinstance(block, Private):
        inner = [line for b in block.blocks for line in _block(b)]
        quoted = [f"> {line}" if line else ">" for line in inner]
        return [f"## {escape_inline(block.title)}", "", *quoted[:-1], ""]
    assert isinstance(block, PageBreak)
    return []


def _table(table: Table) -> list[str]:
    def row(cells: tuple[str, ...], bold: bool = False) -> str:
        shown = (escape_inline(c) for c in cells)
        return "| " + " | ".join(f"**{c}**" if bold and c else c for c in shown) + " |"

    rule = "|" + "|".join("---:" if c.role is Role.NUMBER else "---" for c in table.columns) + "|"
    lines = [row(tuple(c.header for c in table.columns)), rule, *map(row, table.rows)]
    if table.total:
        lines.append(row(table.total, bold=True))
    return [*lines, ""]


def _item(item: Item) -> str:
    lines = escape_markdown(item.text.strip("\n")).split("\n")
    body = "\\\n  ".join([lines[0].lstrip(), *lines[1:]])
    return f"- **{escape_inline(item.label)}:** {body}" if item.label else f"- {body}"
