import json

import pytest

from sessions.errors import OplaegError
from sessions.export import export_session, write_export
from sessions.export.markdown import escape_markdown
from sessions.models import NoteTag
from tests.unit.test_live import HOSTILE


def test_markdown_referat(live, repository):
    live.start()
    live.add_note("Vi hjælper hinanden, når det brænder på", NoteTag.POSITIVE)
    live.go_to(len(live.pages) - 1)
    live.add_note("Nyt møde om vagtplan", NoteTag.ACTION)
    text = export_session(live.store, "md").decode()
    assert text.startswith("# Referat: Social støtte")
    assert "**Arbejdsplads:** Botilbuddet Solsikken" in text
    assert "24. november 2026, kl. 13:00" in text
    assert "| 13:00 | Velkommen | 5 min |" in text
    assert "- **Positivt:** Vi hjælper hinanden, når det brænder på" in text
    assert "## Handlinger\n\n- Nyt møde om vagtplan" in text


def test_markdown_escapes_user_text():
    escaped = escape_markdown("# ikke en overskrift\n- ikke en liste\n" + HOSTILE)
    assert escaped.startswith("\\# ikke en overskrift\n\\- ikke en liste\n")
    assert "\\<script\\>" in escaped
    assert "\\[@click=app.quit\\]" in escaped
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(escaped)
    assert "<script>" not in html and "<h1>" not in html and "<ul>" not in html
    assert "[@click=app.quit]klik[/]" in html


def test_multiline_notes_stay_in_their_item(live):
    live.add_note("linje 1\nlinje 2\n\nlinje 4")
    text = export_session(live.store, "md").decode()
    assert "- linje 1\\\n  linje 2\\\n  \\\n  linje 4" in text


def test_json_is_lossless(live):
    note = live.add_note(HOSTILE, NoteTag.IDEA)
    data = json.loads(export_session(live.store, "json").decode())
    assert data["format"] == "oplaeg-session"
    assert data["tables"]["notes"][note.id]["text"] == HOSTILE
    assert data["tables"]["session"]["1"]["details"]["participants"] == 14


def test_write_export_never_overwrites_silently(tmp_path):
    target = tmp_path / "referat.md"
    write_export("første", target)
    with pytest.raises(OplaegError, match="exists already"):
        write_export("anden", target)
    assert target.read_text() == "første"
    write_export("anden", target, force=True)
    assert target.read_text() == "anden"
    with pytest.raises(OplaegError, match="does not exist"):
        write_export("x", tmp_path / "nope" / "r.md")


def test_english_referat(live):
    text = export_session(live.store, "md", language="en").decode()
    assert text.startswith("# Minutes: ")
    assert "24 November 2026, at 13:00" in text


def test_the_referat_shows_planned_against_actual(live, clock):
    live.start()
    clock.advance(8 * 60)  # the welcome (5 min planned) takes 8
    second = next(i for i, p in enumerate(live.pages) if p.segment.id != live.pages[0].segment.id)
    live.go_to(second)
    live.pause_session()
    clock.advance(300)  # a pause does not count as time spent
    live.resume_session()
    clock.advance(6 * 60)
    third = next(
        i
        for i, p in enumerate(live.pages)
        if p.segment.id not in {live.pages[0].segment.id, live.pages[second].segment.id}
    )
    live.go_to(third)
    schedule = live.schedule
    changed = schedule.toggle_skip(schedule.items[-2].id)
    live.set_schedule(changed.add_extra(schedule.items[2].id, "break", "Kaffe"))
    text = export_session(live.store, "md").decode()
    assert "| Tid | Punkt | Planlagt | Startede | Brugt |" in text
    assert "| 13:00 | Velkommen | 5 min | 13:00 | 8 min |" in text
    assert f"| 13:05 | {live.pages[second].segment.title} | 7 min | 13:08 | 6 min |" in text
    assert "| 13:12 |" in text and "i gang |" in text
    assert "sprunget over" in text
    assert "Kaffe (tilføjet)" in text


def test_numbers_at_the_start_of_a_line_stay_numbers():
    from markdown_it import MarkdownIt

    escaped = escape_markdown("24. november\n1) punkt\n- streg")
    assert escaped == "24\\. november\n1\\) punkt\n\\- streg"
    html = MarkdownIt("commonmark").render(escaped)
    assert "<ol>" not in html and "<ul>" not in html
    assert "24. november" in html and "1) punkt" in html and "- streg" in html


def test_an_export_file_can_be_shared_but_data_stays_private(tmp_path, live):
    import stat

    target = tmp_path / "referat.md"
    write_export("tekst", target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    snapshot = live.store.directory / "session.json"
    assert stat.S_IMODE(snapshot.stat().st_mode) == 0o600
