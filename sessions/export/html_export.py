"""The referat as one self-contained HTML page (no external assets), made to be printed on A4
from a browser: page numbers and a running header in print. All user text is escaped."""

from __future__ import annotations

import html

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


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def export_html(document: Document) -> str:
    page_css = _page_css(document)
    body = "\n".join(_block(block) for block in document.blocks)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(document.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(document.file_title)}</title>\n"
        f"<style>{BASE_CSS}{REFERAT_CSS}{page_css}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
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


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{_e(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        css = "" if block.style is Style.BODY else f' class="{block.style.value}"'
        return f"<p{css}>{_e(block.text)}</p>"
    if isinstance(block, Definitions):
        items = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in block.items)
        return f'<dl class="details">{items}</dl>'
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Bullets):
        items = "".join(
            "<li>"
            + (f'<span class="label">{_e(item.label)}:</span> ' if item.label else "")
            + f'<span dir="auto">{_e(item.text)}</span></li>'
            for item in block.items
        )
        return f'<ul class="notes">{items}</ul>'
    if isinstance(block, Private):
        inner = "\n".join(_block(b) for b in block.blocks)
        return f'<section class="private"><h2>{_e(block.title)}</h2>\n{inner}</section>'
    assert isinstance(block, PageBreak)
    return '<div class="page-break"></div>'


def _table(table: Table) -> str:
    classes = ["num" if c.role is Role.NUMBER else c.role.value for c in table.columns]

    def cells(values: tuple[str, ...], tag: str) -> str:
        return "".join(
            f'<{tag} class="{css}">{_e(v)}</{tag}>' for v, css in zip(values, classes, strict=True)
        )

    head = cells(tuple(c.header for c in table.columns), "th")
    body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in table.rows)
    if table.total:
        body += f'<tr class="total">{cells(table.total, "td")}</tr>'
    keep = ' class="keep"' if table.keep_together else ""
    return f"<table{keep}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
