"""Every export opened for real, with hostile text that must survive exactly and safely."""

import csv
import io
import json
from html.parser import HTMLParser

import pytest

from sessions.export import FORMATS, export_session
from sessions.models import NoteTag

HOSTILE = (
    '[bold]x[/] [@click=app.quit]klik[/] <script>alert("x")</script> <b>fed</b> '
    "'citat', \"anførsel\"; komma, semikolon;\ttab æøå ÆØÅ 🎉 & &amp; # *stjerne*"
)
LONG = "ø" * 10_000
MULTILINE = "første linje\nanden linje, med komma\n\ntredje; efter tom"


@pytest.fixture
def filled(live):
    live.start()
    live.add_note(HOSTILE, NoteTag.IDEA)
    live.add_note(LONG)
    live.add_note(MULTILINE, NoteTag.ACTION)
    live.add_note("Kun til konsulenten", private=True)
    live.save_action(None, HOSTILE, "Ledelsen, AMR", "1. marts", "På næste personalemøde")
    live.save_action(None, "Fast tjek-ind på teammøder", "", "", "")
    return live


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return "".join(self.chunks)


def test_html_is_self_contained_and_escapes_everything(filled):
    page = export_session(filled.store, "html").decode("utf-8")
    parsed = Collect()
    parsed.feed(page)
    assert "script" not in parsed.tags and "b" not in parsed.tags
    assert not any(name in ("src", "href") for name, _ in parsed.attrs), "no external assets"
    assert "link" not in parsed.tags
    assert HOSTILE in parsed.text
    assert LONG in parsed.text
    assert MULTILINE in parsed.text, "line breaks kept (shown with pre-wrap)"
    assert "Kun til konsulenten" not in parsed.text
    assert "@page { size: A4" in page
    assert "Ledelsen, AMR" in parsed.text


def test_docx_opens_with_python_docx(filled):
    from docx import Document

    document = Document(io.BytesIO(export_session(filled.store, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert HOSTILE in text and LONG in text and MULTILINE in text
    assert "Kun til konsulenten" not in text
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Dagsorden" in headings and "Noter" in headings and "Handlinger" in headings
    plan = document.tables[-1]
    rows = [[cell.text for cell in row.cells] for row in plan.rows]
    assert rows[0] == [
        "Hvad gør vi?",
        "Hvem (tovholder)",
        "Hvornår",
        "Opfølgning (hvordan og hvornår)",
    ]
    assert rows[1] == [HOSTILE, "Ledelsen, AMR", "1. marts", "På næste personalemøde"]


def test_csv_opens_in_excel_and_with_the_csv_module(filled):
    raw = export_session(filled.store, "csv")
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Hvad gør vi?"
    assert rows[1] == [HOSTILE, "Ledelsen, AMR", "1. marts", "På næste personalemøde"]
    assert rows[2] == ["Fast tjek-ind på teammøder", "", "", ""]
    assert rows[3] == [MULTILINE, "", "", ""], "a note tagged 'handling' joins the plan"


def test_markdown_keeps_private_notes_out_unless_asked(filled):
    assert "Kun til konsulenten" not in export_session(filled.store, "md").decode()
    with_private = export_session(filled.store, "md", include_private=True).decode()
    assert "Kun til konsulenten" in with_private
    assert "| \\[bold\\]x\\[/\\]" in with_private, "the action plan table is escaped"


def test_json_keeps_everything(filled):
    data = json.loads(export_session(filled.store, "json"))
    texts = [n["text"] for n in data["tables"]["notes"].values()]
    assert HOSTILE in texts and LONG in texts and "Kun til konsulenten" in texts
    assert [a["what"] for a in data["tables"]["actions"].values()][0] == HOSTILE


def test_every_format_exports(filled):
    for export_format in FORMATS:
        assert export_session(filled.store, export_format)
