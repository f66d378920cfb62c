"""The referat as one self-contained HTML page (no external assets), made to be printed on A4
from a browser: page numbers and a running header in print. All user text is escaped."""

from __future__ import annotations

from typing import Any

from sessions.export.document import (
    Block,
    Bullets,
    Definitions,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Private,
    Role,
    Style,
    Table,
)
from sessions.export.print_css import BASE_CSS, FONTS, css_string
from sessions.export.templating import render_page
from sessions.i18n import t

REFERAT_CSS = """
dl.details { display: grid; grid-template-columns: max-content auto; gap: 0.15em 1em; }
dl.details dt { font-weight: bold; }
dl.details dd { margin: 0; }
ul.notes li { white-space: pre-wrap; margin-bottom: 0.25em; }
.label { font-weight: bold; }
tr.total td { font-weight: bold; border-top: 2px solid #444; }
p.notice { border: 2px solid #b00020; color: #b00020; padding: 0.4em 0.6em; font-weight: bold; }
p.small { margin-top: 2em; color: #555; font-size: 9pt; }
section.private { border-left: 4px solid #b00020; padding-left: 0.8em; }
section.private h2 { color: #b00020; }
"""


def export_html(document: Document) -> str:
    return render_page(
        "referat.html",
        title=document.file_title,
        language=document.language,
        css=BASE_CSS + REFERAT_CSS + _page_css(document),
        blocks=[_block(block) for block in document.blocks],
    )


def _page_css(document: Document) -> str:
    """Page margin boxes: the workplace and date on top of every page, "Side 2 af 5" below."""
    page, of = (t(key, language=document.language) for key in ("export.page", "export.page_of"))
    counter = f"{css_string(page + ' ')} counter(page) {css_string(' ' + of + ' ')} counter(pages)"
    box = f"font-family: {FONTS}; font-size: 8.5pt; color: #555;"
    return (
        f"@page {{ @top-left {{ content: {css_string(document.running_title)}; {box} }}\n"
        f"  @bottom-right {{ content: {counter}; {box} }} }}\n"
    )


def _block(block: Block) -> dict[str, Any]:
    """One block of the document as the template's plain values (all text escaped there)."""
    if isinstance(block, Heading):
        return {"kind": "heading", "level": block.level, "text": block.text}
    if isinstance(block, Paragraph):
        css = "" if block.style is Style.BODY else block.style.value
        return {"kind": "paragraph", "css": css, "text": block.text}
    if isinstance(block, Definitions):
        return {"kind": "definitions", "entries": list(block.items)}
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Bullets):
        return {"kind": "bullets", "entries": list(block.items)}
    if isinstance(block, Private):
        return {
            "kind": "private",
            "title": block.title,
            "blocks": [_block(b) for b in block.blocks],
        }
    assert isinstance(block, PageBreak)
    return {"kind": "page-break"}


def _table(table: Table) -> dict[str, Any]:
    classes = ["num" if c.role is Role.NUMBER else c.role.value for c in table.columns]

    def cells(values: tuple[str, ...]) -> list[tuple[str, str]]:
        return list(zip(values, classes, strict=True))

    return {
        "kind": "table",
        "keep": table.keep_together,
        "headers": cells(tuple(c.header for c in table.columns)),
        "rows": [cells(row) for row in table.rows],
        "total": cells(table.total) if table.total else [],
    }
