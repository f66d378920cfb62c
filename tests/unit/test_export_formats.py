"""Every export read back the way its recipients' programs read it: structure, page set-up,
properties, cell types — and hostile text that must come out literal, never as markup or a
formula."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import date, datetime
from html.parser import HTMLParser

import pytest

from sessions.export import FORMATS, export_session
from sessions.models import NoteTag
from tests.sessions_helpers import add_note

NOW = datetime(2026, 11, 24, 15, 30)
HOSTILE = [
    "[bold]x[/] [@click=app.quit]x[/]",
    '<script>alert("x")</script> <b>fed</b> &amp;',
    '=HYPERLINK("http://e.vil","x")',
    "+1",
    "-2+3",
    "@SUM(1)",
    "עברית שלום עולם 123",
    "🙂👍🏽🇩🇰 æøå ÆØÅ",
]
LONG = "ø" * 10_000
READER_ORDER = ["Det vigtigste", "Handlingsplan", "Punkt for punkt", "Tidsforløb", "Næste skridt"]


@pytest.fixture
def filled(live, clock):
    live.nav.start()
    for text in [*HOSTILE, LONG]:
        add_note(live, text, NoteTag.IDEA)
    add_note(live, "Skal vi have supervision?", NoteTag.ACTION)
    add_note(live, "Kun til konsulenten", private=True)
    for text in HOSTILE:
        live.plan.save(None, text, text, "1. marts 2027", text)
    live.plan.save(None, "Fast tjek-ind på teammøder", "Ledelsen, AMR", "uge 10", "")
    live.plan.save(None, LONG, "", "", "")
    # As an import could bring them: a tab and a carriage return at the start of a cell.
    live.store.put("actions", "90", {"what": "\tTAB", "who": "\rCR", "created_at": 1e10})
    clock.advance(60 * 60)
    live.finish()
    return live


def export(live, export_format: str, **options) -> bytes:
    return export_session(live.store, export_format, now=NOW, **options)


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.chunks: list[str] = []
        self.headings: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self._in = tag if tag in ("h2", "title") else None

    def handle_data(self, data):
        self.chunks.append(data)
        if self._in == "h2":
            self.headings.append(data)
        elif self._in == "title":
            self.title = data

    def handle_endtag(self, tag):
        self._in = None

    @property
    def text(self) -> str:
        return "".join(self.chunks)


def parsed_html(live, **options) -> tuple[str, Collect]:
    page = export(live, "html", **options).decode("utf-8")
    collected = Collect()
    collected.feed(page)
    return page, collected


def test_html_reads_in_order_and_prints_with_page_numbers(filled):
    page, parsed = parsed_html(filled)
    assert parsed.headings == READER_ORDER
    assert parsed.title == "Referat – Botilbuddet Solsikken – 24. november 2026"
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "counter(page)" in page and "counter(pages)" in page and "@top-left" in page
    assert re.search(r"h1, h2, h3, h4 \{ break-after: avoid; \}", page)
    assert "tr { break-inside: avoid; }" in page
    assert "2.2em" not in page, "only the handout's blank table has tall rows"
    assert '<td class="num">' in page and ".num { text-align: right;" in page
    assert "24. november 2026" in parsed.text


def test_html_is_self_contained_and_escapes_everything(filled):
    page, parsed = parsed_html(filled)
    assert "script" not in parsed.tags and "b" not in parsed.tags
    assert not any(name in ("src", "href") for name, _ in parsed.attrs), "no external assets"
    assert "link" not in parsed.tags
    for text in [*HOSTILE, LONG]:
        assert text in parsed.text
    assert "Kun til konsulenten" not in parsed.text


def test_html_running_header_cannot_break_out_of_the_style(live, repository, theme):
    import dataclasses

    from tests.conftest import DETAILS

    evil = dataclasses.replace(DETAILS, workplace='Bo"; } </style><script>x</script> \\ A/S')
    info, store = repository.create(theme, evil)
    page = export_session(store, "html").decode()
    store.close()
    style = page.split("<style>")[1].split("</style>")[0]
    assert "<" not in style and '"; }' not in style
    assert "<script>" not in page


def test_private_notes_are_marked_in_every_document_format(filled):
    _, parsed = parsed_html(filled, include_private=True)
    assert parsed.headings[-1] == "Privat — kun til konsulenten"
    assert '<section class="private">' in export(filled, "html", include_private=True).decode()
    assert "Denne udgave indeholder private noter" in parsed.text
    from docx import Document

    document = Document(io.BytesIO(export(filled, "docx", include_private=True)))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[-1] == "Privat — kun til konsulenten"
    texts = [p.text for p in document.paragraphs]
    private_at = texts.index("Privat — kun til konsulenten")
    assert any("Kun til konsulenten" in t for t in texts[private_at:])
    assert not any("Kun til konsulenten" in t for t in texts[:private_at])
    assert document.paragraphs[private_at].paragraph_format.page_break_before


def docx_of(live, **options):
    from docx import Document

    return Document(io.BytesIO(export(live, "docx", **options)))


def docx_xml(live, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(export(live, "docx"))) as archive:
        return archive.read(part).decode("utf-8")


def test_docx_is_a4_with_danish_margins_language_font_and_properties(filled):
    document = docx_of(filled)
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    for margin in (section.left_margin, section.right_margin, section.top_margin):
        assert 20 <= margin.mm <= 25
    styles = docx_xml(filled, "word/styles.xml")
    defaults = styles.split("<w:docDefaults>")[1].split("</w:docDefaults>")[0]
    assert 'w:val="da-DK"' in defaults and 'w:ascii="Calibri"' in defaults
    assert styles.count('w:val="en-US"') == 0 and styles.count("asciiTheme") == 0
    paragraph_styles = re.findall(r'<w:style w:type="paragraph".*?</w:style>', styles, re.S)
    assert all('<w:lang w:val="da-DK"/>' in style for style in paragraph_styles)
    properties = document.core_properties
    assert properties.title == "Referat – Botilbuddet Solsikken – 24. november 2026"
    assert properties.author == "Dorthe" and properties.language == "da-DK"
    assert "python-docx" not in (properties.comments + properties.author)
    assert properties.created.date() == date(2026, 11, 24) and properties.created.year != 2013
    assert "proofState" not in docx_xml(filled, "word/settings.xml")


def test_docx_reads_in_order_with_the_danish_date(filled):
    document = docx_of(filled)
    assert document.paragraphs[0].style.name == "Title"
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == READER_ORDER
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Dato:\t24. november 2026" in text
    for value in [*HOSTILE, LONG]:
        assert value in text
    assert "Kun til konsulenten" not in text


def test_docx_tables_repeat_their_header_never_split_and_fit_their_words(filled):
    document = docx_of(filled)
    for table in document.tables:
        rows = table._tbl.findall(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tr"
        )
        assert "tblHeader" in _xml(rows[0])
        assert all("cantSplit" in _xml(row) for row in rows)
        assert 'w:type="fixed"' in _xml(table._tbl.tblPr)
    plan = next(t for t in document.tables if t.rows[0].cells[0].text == "Hvad")
    header = [cell.text for cell in plan.rows[0].cells]
    assert header == ["Hvad", "Hvem", "Hvornår", "Opfølgning", "Status"]
    first = HOSTILE[0]
    assert [c.text for c in plan.rows[1].cells] == [first, first, "1. marts 2027", first, "Aftalt"]
    widths = [column.width.mm for column in plan.columns]
    assert abs(sum(widths) - 166) < 1, "the table fills the text width"
    time_log = document.tables[-1]
    assert time_log.rows[0].cells[2].text == "Planlagt min."
    number, text = time_log.columns[2].width.mm, time_log.columns[1].width.mm
    assert number < 25 < text, "numbers narrow, the item's title wide"
    assert time_log.rows[1].cells[2].paragraphs[0].alignment == 2  # right


def test_docx_footer_has_the_page_of_pages_with_workplace_and_date(filled):
    footer = docx_xml(filled, "word/footer1.xml")
    assert "Botilbuddet Solsikken · Referat 24. november 2026 · Side " in footer
    assert "> PAGE <" in footer and "> NUMPAGES <" in footer
    document = docx_xml(filled)
    assert "instrText" not in document, "user text never becomes a Word field"
    assert "Lavet med oplaeg" in document


def xlsx_sheet(live):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(export(live, "xlsx"))).active


def test_xlsx_has_one_typed_row_per_action(filled):
    sheet = xlsx_sheet(filled)
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Arbejdsplads",
        "Dato",
        "Tema",
        "Hvad",
        "Hvem",
        "Hvornår",
        "Opfølgning",
        "Status",
    )
    assert len(rows) == 1 + len(HOSTILE) + 3, "one row per action, no notes"
    first = rows[1]
    assert first[0] == "Botilbuddet Solsikken" and first[2].startswith("Social støtte")
    assert first[1] == datetime(2026, 11, 24) and sheet["B2"].number_format == "DD-MM-YYYY"
    assert first[5] == datetime(2027, 3, 1), "a date written the Danish way is a date"
    tjek = next(r for r in rows if r[3] == "Fast tjek-ind på teammøder")
    assert tjek[5] == "uge 10" and tjek[7] == "Aftalt"
    assert rows[-2][7] == "Forslag" and rows[-2][3] == LONG
    assert not any("Skal vi have supervision?" in str(r) for r in rows)
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:H{len(rows)}"
    assert sheet["A1"].font.bold
    widths = {c: sheet.column_dimensions[c].width for c in "ABCDEFGH"}
    assert all(width and width >= 8 for width in widths.values())
    assert widths["D"] > widths["B"], "the action's text gets more room than the date"


def test_xlsx_never_holds_a_formula(filled):
    sheet = xlsx_sheet(filled)
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type in ("s", "d", "n") for cell in cells if cell.value is not None)
    strings = [cell for cell in cells if isinstance(cell.value, str)]
    assert all(cell.data_type == "s" for cell in strings)
    for text in ['=HYPERLINK("http://e.vil","x")', "+1", "-2+3", "@SUM(1)", "\tTAB", "\rCR"]:
        found = [cell for cell in strings if cell.value == text]
        assert found and all(cell.quotePrefix for cell in found), text
    with zipfile.ZipFile(io.BytesIO(export(filled, "xlsx"))) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml


def csv_rows(live) -> list[list[str]]:
    raw = export(live, "csv")
    assert raw.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def test_csv_has_the_xlsx_columns_and_neutralises_formulas(filled):
    rows = csv_rows(filled)
    assert rows[0] == [
        "Arbejdsplads",
        "Dato",
        "Tema",
        "Hvad",
        "Hvem",
        "Hvornår",
        "Opfølgning",
        "Status",
    ]
    assert len(rows) == 1 + len(HOSTILE) + 3
    assert rows[1][:2] == ["Botilbuddet Solsikken", "2026-11-24"]
    whats = [row[3] for row in rows[1:]]
    assert '\'=HYPERLINK("http://e.vil","x")' in whats
    assert {"'+1", "'-2+3", "'@SUM(1)", "'\tTAB"} <= set(whats)
    assert "'\rCR" in [row[4] for row in rows[1:]]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r)
    assert HOSTILE[0] in whats and HOSTILE[6] in whats and LONG in whats
    assert not any("Skal vi have supervision?" in cell for r in rows for cell in r)


def test_hostile_text_is_literal_in_every_format(filled):
    from docx import Document
    from markdown_it import MarkdownIt

    for export_format in FORMATS:
        raw = export(filled, export_format)
        if export_format == "md":
            collected = Collect()
            collected.feed(MarkdownIt("gfm-like").render(raw.decode()))
            assert "a" not in collected.tags and "script" not in collected.tags
            found = collected.text
        elif export_format == "html":
            found = parsed_html(filled)[1].text
        elif export_format == "docx":
            document = Document(io.BytesIO(raw))
            cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
            found = "\n".join([p.text for p in document.paragraphs] + cells)
        elif export_format == "xlsx":
            found = "\n".join(str(c.value) for row in xlsx_sheet(filled).iter_rows() for c in row)
        elif export_format == "csv":
            found = "\n".join(cell.removeprefix("'") for r in csv_rows(filled) for cell in r)
        else:
            tables = json.loads(raw)["tables"]
            found = "\n".join(
                [n["text"] for n in tables["notes"].values()]
                + [a["what"] for a in tables["actions"].values()]
            )
        for text in HOSTILE:
            assert text in found, (export_format, text)
        assert LONG in found, export_format


def _xml(element) -> str:
    from lxml import etree

    return etree.tostring(element).decode()
