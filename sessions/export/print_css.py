"""The print style the HTML referat and the handouts share: A4, a sans-serif a Danish office
knows, headings kept with what follows, table rows never split across pages."""

from __future__ import annotations

FONTS = 'Calibri, Carlito, "Segoe UI", "Helvetica Neue", Arial, sans-serif'
BASE_CSS = """
@page { size: A4; margin: 20mm 18mm 18mm; }
body { font-family: Calibri, Carlito, "Segoe UI", "Helvetica Neue", Arial, sans-serif;
       font-size: 11pt; line-height: 1.4; color: #111; max-width: 46em; margin: 2em auto;
       padding: 0 1em; }
h1 { font-size: 19pt; margin: 0 0 0.3em; }
h2 { font-size: 14pt; border-bottom: 1px solid #999; padding-bottom: 0.15em;
     margin: 1.4em 0 0.5em; }
h3 { font-size: 12pt; margin: 1em 0 0.3em; }
h4 { font-size: 11pt; margin: 0.8em 0 0.2em; }
h1, h2, h3, h4 { break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0.3em 0 0.7em; }
th, td { border: 1px solid #888; padding: 0.25em 0.45em; text-align: left; vertical-align: top; }
th { background: #eee; }
td.text, li { overflow-wrap: anywhere; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
table.keep { break-inside: avoid; }
p, li { orphans: 2; widows: 2; }
.page-break { break-before: page; }
p.kind { margin: 0; color: #555; font-size: 9pt; text-transform: uppercase; }
@media screen { .page-break { border-top: 1px dashed #999; margin: 2em 0; } }
@media print { body { margin: 0; max-width: none; padding: 0; }
               a { color: inherit; text-decoration: none; } }
"""


def css_string(text: str) -> str:
    """`text` as a CSS string literal: anything but letters, digits and spaces is written as a
    hex escape, so no quote, backslash or `</style>` in user text can end it. The space after
    each escape ends it and is not shown."""
    return (
        '"' + "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} " for ch in text) + '"'
    )
