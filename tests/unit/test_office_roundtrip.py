"""The exports opened by the programs their recipients use: LibreOffice (Writer and Calc, as a
stand-in for Word and Excel) and Chromium's print to PDF. Skipped, with the reason, where those
programs are not installed (`.ci/run` installs them)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sessions.export import export_session
from sessions.export.handout import handout_html
from sessions.export.invitation import invitation_html
from tests.export_samples import EXPORTED_AT, realistic_session

PLANS = (45, 90, 120)

SOFFICE, CHROMIUM = shutil.which("soffice"), shutil.which("chromium")
PDFINFO = shutil.which("pdfinfo") and shutil.which("pdftotext")
needs_soffice = pytest.mark.skipif(
    not (SOFFICE and PDFINFO),
    reason="LibreOffice (soffice) and poppler-utils (pdfinfo) are not installed",
)
needs_chromium = pytest.mark.skipif(
    not (CHROMIUM and PDFINFO),
    reason="chromium and poppler-utils (pdfinfo) are not installed",
)
# What Danish Excel does on a double click, in LibreOffice's words: ';' between fields, '"'
# around them, UTF-8, and formulas evaluated (so an unneutralised "=" would become one).
CSV_AS_EXCEL = "CSV:59,34,76,1,,1030,false,true,false,false,false,-1,true"


@pytest.fixture
def session(repository, library, clock):
    live = realistic_session(repository, library, clock)
    yield live
    live.close()


def soffice(folder: Path, target: str, *files: Path, infilter: str | None = None) -> None:
    profile = f"-env:UserInstallation=file://{folder / 'lo-profile'}"
    command = [str(SOFFICE), profile, "--headless", "--convert-to", target]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--outdir", str(folder / "out"), *map(str, files)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)[1])  # type: ignore[index]


def page_text(pdf: Path, page: int) -> str:
    command = ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


@needs_soffice
def test_word_and_calc_open_the_exports_as_intended(session, tmp_path):
    files = {}
    for name, export_format, private in [
        ("referat.docx", "docx", False),
        ("privat.docx", "docx", True),
        ("plan.xlsx", "xlsx", False),
    ]:
        files[name] = tmp_path / name
        payload = export_session(
            session.store, export_format, include_private=private, now=EXPORTED_AT
        )
        files[name].write_bytes(payload)
    soffice(tmp_path, "pdf", files["referat.docx"], files["privat.docx"])
    soffice(tmp_path, "fods", files["plan.xlsx"])
    out = tmp_path / "out"

    referat = out / "referat.pdf"
    count = pages(referat)
    assert 2 <= count <= 4, count
    first, last = page_text(referat, 1), page_text(referat, count)
    assert "Det vigtigste" in first and "Handlingsplan" in first
    assert "Side 1 af" in first and f"Side {count} af {count}" in last
    body = last.replace("Botilbuddet Solsikken · Referat 24. november 2026", "")
    assert "Næste skridt" in body, "the last page is more than the footer line"
    everything = "".join(page_text(referat, page) for page in range(1, count + 1))
    for word in ("Handlingsplan", "Hænder", "Startede", "Gennemført", "Teamlederne"):
        assert word in everything, f"{word} is broken inside the word"
    assert pages(out / "privat.pdf") == count + 1, "the private notes on a page of their own"
    assert "Privat — kun til konsulenten" in page_text(out / "privat.pdf", count + 1)

    calc = (out / "plan.fods").read_text(encoding="utf-8")
    assert "table:formula" not in calc, "no cell holds a formula"
    assert "=SUM(A1:A2) – budget til ekstern supervision" in calc
    assert 'office:value-type="date" office:date-value="2027-03-01"' in calc


@needs_soffice
def test_calc_reads_the_csv_as_text_not_formulas(session, tmp_path):
    path = tmp_path / "plan.csv"
    path.write_bytes(export_session(session.store, "csv", now=EXPORTED_AT))
    soffice(tmp_path, "fods", path, infilter=CSV_AS_EXCEL)
    flat = (tmp_path / "out" / "plan.fods").read_text(encoding="utf-8")
    assert "table:formula" not in flat
    assert "&apos;=SUM(A1:A2) – budget" in flat or "'=SUM(A1:A2) – budget" in flat
    assert "Botilbuddet Solsikken" in flat and "Forslag" in flat


def chromium_pdf(html: str, folder: Path, name: str) -> Path:
    source, target = folder / f"{name}.html", folder / f"{name}.pdf"
    source.write_text(html, encoding="utf-8")
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={folder / 'chromium-profile'}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={target}",
        source.as_uri(),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    return target


@needs_chromium
def test_the_html_referat_prints_with_page_numbers_and_header(session, tmp_path):
    html = export_session(session.store, "html", now=EXPORTED_AT).decode()
    pdf = chromium_pdf(html, tmp_path, "referat")
    count = pages(pdf)
    assert 2 <= count <= 4
    for page in range(1, count + 1):
        text = page_text(pdf, page)
        assert f"Side {page} af {count}" in text
        assert "Botilbuddet Solsikken · Referat 24. november 2026" in text


@needs_chromium
def test_every_handout_fits_on_two_pages_and_every_invitation_on_one(library, tmp_path):
    for entry in library.entries():
        theme = library.get(entry.id)
        for plan in PLANS:
            pdf = chromium_pdf(handout_html(theme, plan), tmp_path, f"{entry.id}-{plan}")
            count = pages(pdf)
            assert count <= 2, (entry.id, plan)
            texts = [page_text(pdf, page) for page in range(1, count + 1)]
            # A split table repeats its header on the next page.
            assert sum(text.count("Hvad gør vi?") for text in texts) == 1, (entry.id, plan)
        longest = max(PLANS)
        pdf = chromium_pdf(invitation_html(theme, longest), tmp_path, f"invitation-{entry.id}")
        assert pages(pdf) == 1, entry.id
