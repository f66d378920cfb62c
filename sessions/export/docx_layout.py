"""The Word file's page and house style, as a Danish office expects it: A4 with 2.2 cm margins,
Calibri, Danish proofing on every style, real document properties, "Side X af Y" in the footer,
and tables whose columns fit their content, whose header repeats and whose rows never split.

python-docx covers most of it; the rest (languages, fields, row properties) is a few elements
of WordprocessingML written here."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from sessions.export.document import Document, Role, Table

FONT = "Calibri"
PAGE_WIDTH_MM, PAGE_HEIGHT_MM, MARGIN_MM = 210, 297, 22
TEXT_WIDTH_MM = PAGE_WIDTH_MM - 2 * MARGIN_MM
TABLE_POINTS = 10
CELL_PADDING_MM = 5.0  # Word's default cell margins, left and right, and the borders
MAX_WORD_MM = 60  # a longer "word" (a link, a row of ø) may break
LANGUAGES = {"da": "da-DK", "en": "en-GB"}
MAX_PROPERTY = 255
_MAX_WANTED_MM = {Role.TEXT: 150.0, Role.SHORT: 50.0, Role.NUMBER: 20.0}


def w(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def element(tag: str, **attributes: str) -> Any:
    from docx.oxml import OxmlElement

    node = OxmlElement(tag)
    for name, value in attributes.items():
        node.set(w(name), value)
    return node


def set_up(docx: Any, document: Document) -> None:
    """Page, styles, language and properties of a new python-docx document."""
    from docx.shared import Mm

    section = docx.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.left_margin = section.right_margin = Mm(MARGIN_MM)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    language = LANGUAGES.get(document.language, document.language)
    _house_style(docx, language)
    properties = docx.core_properties
    # Word's document properties hold at most 255 characters (a workplace can be longer).
    properties.title = document.file_title[:MAX_PROPERTY]
    properties.subject = document.title[:MAX_PROPERTY]
    properties.author = properties.last_modified_by = document.author[:MAX_PROPERTY]
    created = document.created.astimezone(UTC).replace(tzinfo=None)
    properties.created = properties.modified = created
    properties.language = language
    properties.comments = properties.keywords = properties.category = ""
    properties.revision = 1
    # "Already proofread" would stop Word from checking the Danish text.
    for proof_state in docx.settings.element.findall(w("w:proofState")):
        docx.settings.element.remove(proof_state)


def _house_style(docx: Any, language: str) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    defaults = docx.styles.element.find(w("w:docDefaults"))
    run_defaults = defaults.find(w("w:rPrDefault")).find(w("w:rPr"))
    _fonts_and_language(run_defaults, language)
    paragraph_defaults = defaults.find(w("w:pPrDefault")).find(w("w:pPr"))
    spacing = paragraph_defaults.find(w("w:spacing"))
    spacing.set(w("w:after"), "120")
    spacing.set(w("w:line"), "264")
    for style in docx.styles:
        if style.type is not WD_STYLE_TYPE.LIST:
            _fonts_and_language(style.element.get_or_add_rPr(), language)
    _one_font(docx.styles.element)
    docx.styles["Normal"].font.size = Pt(11)
    docx.styles["Title"].font.size = Pt(20)
    for name, size, before in (
        ("Heading 1", 14, 280),
        ("Heading 2", 12, 200),
        ("Heading 3", 11, 160),
    ):
        style = docx.styles[name]
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(before / 20)
        style.paragraph_format.space_after = Pt(4)


def _fonts_and_language(run_properties: Any, language: str) -> None:
    if run_properties.find(w("w:rFonts")) is None:
        run_properties.insert(0, element("w:rFonts"))
    lang = run_properties.find(w("w:lang"))
    if lang is None:
        lang = element("w:lang")
        later = [
            run_properties.find(w(t)) for t in ("w:eastAsianLayout", "w:specVanish", "w:oMath")
        ]
        following = next((node for node in later if node is not None), None)
        if following is not None:
            following.addprevious(lang)
        else:
            run_properties.append(lang)
    lang.set(w("w:val"), language)


def _one_font(styles: Any) -> None:
    """Calibri everywhere, not the template's theme fonts (Cambria for the body)."""
    for fonts in styles.iter(w("w:rFonts")):
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(w(theme), None)
        for script in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(w(script), FONT)


def add_footer(docx: Any, document: Document, page: str, of: str) -> None:
    """`Botilbuddet Solsikken · Referat 24. november 2026 · Side 2 af 5` on every page."""
    from docx.shared import Pt, RGBColor

    paragraph = docx.sections[0].footer.paragraphs[0]
    runs = [paragraph.add_run(f"{document.running_title} · {page} ")]
    runs += _field(paragraph, "PAGE")
    runs.append(paragraph.add_run(f" {of} "))
    runs += _field(paragraph, "NUMPAGES")
    for run in runs:
        run.font.size = Pt(8.5)
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _field(paragraph: Any, instruction: str) -> list[Any]:
    """A Word field (`PAGE`, `NUMPAGES`) that Word and LibreOffice fill in on every page."""
    begin, code, separate, shown, end = (paragraph.add_run() for _ in range(5))
    begin._r.append(element("w:fldChar", **{"w:fldCharType": "begin"}))
    instruction_text = element("w:instrText")
    instruction_text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instruction_text.text = f" {instruction} "
    code._r.append(instruction_text)
    separate._r.append(element("w:fldChar", **{"w:fldCharType": "separate"}))
    shown.text = "1"
    end._r.append(element("w:fldChar", **{"w:fldCharType": "end"}))
    return [begin, code, separate, shown, end]


def column_widths_mm(table: Table) -> list[float]:
    """Widths that fit the content: every column at least as wide as its longest word (so no
    word breaks inside), numbers narrow, and the room left to the columns that want more."""
    least, wanted = [], []
    for index, column in enumerate(table.columns):
        cells = [row[index] for row in (*table.rows, *([table.total] if table.total else []))]
        lines = [line for text in cells for line in text.split("\n")]
        words = [
            *(text_width_mm(word) for line in lines for word in line.split()),
            *(text_width_mm(word, bold=True) for word in column.header.split()),
        ]
        least.append(min(max(words, default=0), MAX_WORD_MM) + CELL_PADDING_MM)
        longest = max((text_width_mm(line) for line in lines), default=0)
        if column.role is Role.TEXT:
            longest = max(longest, text_width_mm(column.header, bold=True))
        wanted.append(max(min(longest, _MAX_WANTED_MM[column.role]) + CELL_PADDING_MM, least[-1]))
    spare = TEXT_WIDTH_MM - sum(least)
    if spare <= 0:
        return [width * TEXT_WIDTH_MM / sum(least) for width in least]
    extra = [want - low for want, low in zip(wanted, least, strict=True)]
    if sum(extra) > spare:
        return [low + spare * more / sum(extra) for low, more in zip(least, extra, strict=True)]
    growing = [i for i, c in enumerate(table.columns) if c.role is Role.TEXT] or list(
        range(len(wanted))
    )
    left = TEXT_WIDTH_MM - sum(wanted)
    share = sum(wanted[i] for i in growing)
    return [width + (left * width / share if i in growing else 0) for i, width in enumerate(wanted)]


def text_width_mm(text: str, *, bold: bool = False) -> float:
    """About how wide `text` is at the table's size, in the widest common sans-serif (DejaVu
    Sans, LibreOffice's stand-in for Calibri): sized for it, a column fits in Calibri too."""
    ems = sum(
        0.36 if ch in _NARROW else 1.0 if ch in _WIDE else 0.77 if ch.isupper() else 0.66
        for ch in text
    )
    return ems * TABLE_POINTS * 0.3528 * (1.13 if bold else 1.0)


_NARROW = frozenset("iljtfrI.,:;'|!()[] ")
_WIDE = frozenset("mwMWæÆœŒ")


def fix_table(table: Any, widths_mm: list[float]) -> None:
    """Fixed column widths, a header row that repeats on every page, rows that never split."""
    from docx.shared import Mm

    table.autofit = False  # also makes the layout fixed, so Word keeps the widths
    properties = table._tbl.tblPr
    width = properties.find(w("w:tblW"))  # python-docx always writes one
    width.set(w("w:w"), str(round(sum(widths_mm) / 25.4 * 1440)))
    width.set(w("w:type"), "dxa")
    margins = element("w:tblCellMar")
    for side in ("top", "bottom"):
        margins.append(element(f"w:{side}", **{"w:w": "30", "w:type": "dxa"}))
    properties.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")
    for column, size in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(size)
    for number, row in enumerate(table.rows):
        row_properties = row._tr.get_or_add_trPr()
        row_properties.append(element("w:cantSplit"))
        if number == 0:
            row_properties.append(element("w:tblHeader"))
        for cell, size in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(size)


def shade(cell: Any, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(element("w:shd", **{"w:val": "clear", "w:fill": fill}))


def left_border(paragraph: Any, color: str) -> None:
    borders = element("w:pBdr")
    borders.append(
        element("w:left", **{"w:val": "single", "w:sz": "18", "w:space": "8", "w:color": color})
    )
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_BORDER)


def shade_paragraph(paragraph: Any, fill: str) -> None:
    shading = element("w:shd", **{"w:val": "clear", "w:fill": fill})
    paragraph._p.get_or_add_pPr().insert_element_before(shading, *_AFTER_BORDER[1:])


# What follows `w:pBdr` in a paragraph's properties (WordprocessingML wants this order).
_AFTER_BORDER = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
