import json
from datetime import datetime

import pytest

from sessions.errors import OplaegError
from sessions.export import export_session, write_export
from sessions.export.markdown import escape_inline, escape_markdown
from sessions.models import NoteTag
from sessions.theme.model import SegmentKind
from tests.sessions_helpers import add_note
from tests.unit.test_live import HOSTILE

NOW = datetime(2026, 11, 24, 15, 30)


def md(live, **options) -> str:
    return export_session(live.store, "md", now=NOW, **options).decode()


def sections(text: str) -> list[str]:
    return [line[3:] for line in text.splitlines() if line.startswith("## ")]


def test_markdown_referat_in_the_readers_order(live, clock):
    live.nav.start()
    add_note(live, "Vi hjælper hinanden, når det brænder på", NoteTag.POSITIVE)
    clock.advance(70 * 60)
    live.go_to(len(live.pages) - 1)
    add_note(live, "Nyt møde om vagtplan", NoteTag.ACTION)
    live.plan.save(None, "Fast tjek-ind", "AMR", "1. marts 2027", "Personalemødet")
    clock.advance(8 * 60)
    live.finish()
    text = md(live)
    assert text.startswith("# Referat: Social støtte")
    assert "- **Arbejdsplads:** Botilbuddet Solsikken\n- **Dato:** 24. november 2026\n" in text
    assert "- **Tidspunkt:** kl. 13.00–14.18, 78 minutter (planlagt 90 minutter)" in text
    assert "- **Deltagere:** 14\n- **Facilitator:** Dorthe" in text
    assert sections(text) == [
        "Det vigtigste",
        "Handlingsplan",
        "Punkt for punkt",
        "Tidsforløb",
        "Næste skridt",
    ]
    assert "| Fast tjek-ind | AMR | 1. marts 2027 | Personalemødet | Aftalt |" in text
    assert "- **Positivt:** Vi hjælper hinanden, når det brænder på" in text
    assert text.count("Nyt møde om vagtplan") == 1, "a note tagged handling is listed once"
    assert text.endswith("*Lavet med oplaeg 24. november 2026 kl. 15.30.*\n")
    assert "\\\n" not in text.split("## Det vigtigste")[0], "no backslashes in the header block"


def test_an_action_without_who_or_when_is_a_proposal(live):
    live.plan.save(None, "Kaffe efter svære episoder", "", "", "")
    live.plan.save(None, "Supervision", "Ledelsen", "", "")
    text = md(live)
    assert "| Kaffe efter svære episoder | – | – | – | Forslag |" in text
    assert "| Supervision | Ledelsen | – | – | Forslag |" in text
    assert "Forslag: der mangler hvem eller hvornår." in text
    assert "- Handlingsplan: 0 aftalt med hvem og hvornår, 2 forslag" in text


def test_next_steps_point_to_the_follow_up(live):
    text = md(live)
    next_steps = text.split("## Næste skridt")[1]
    assert "Der er ikke sat en dato for opfølgningen" in next_steps
    assert "ny session" in next_steps and "denne handlingsplan" in next_steps
    live.plan.set_next_follow_up("3. marts 2027 (personalemødet)")
    assert "Næste opfølgning: 3. marts 2027 (personalemødet)." in md(live).split("## Næste")[1]


def test_the_time_log_shows_planned_against_actual(live, clock):
    live.nav.start()
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
    with_break, _ = changed.add_extra(schedule.items[2].id, SegmentKind.BREAK, "Kaffe")
    live.set_schedule(with_break)
    text = md(live).split("## Tidsforløb")[1]
    assert "| Planlagt kl. | Punkt | Planlagt min. | Startede kl. | Brugt min. |" in text
    assert "|---|---|---:|---|---:|" in text, "numbers are right-aligned"
    assert "| 13.00 | Velkommen | 5 | 13.00 | 8 |" in text
    second_item = live.schedule.item(live.pages[second].segment.id)
    assert second_item is not None
    minutes = second_item.minutes
    assert f"| 13.05 | {second_item.title} | {minutes} | 13.08 | 6 |" in text
    third_planned = 5 + minutes + 5  # the pause pushes what is still to come
    assert f"| 13.{third_planned:02d} |" in text and "i gang |" in text
    assert "sprunget over" in text
    assert "| Kaffe |" in text and "tilføjet" not in text
    assert "| Slut |  | – |  |" in text, "not finished yet"
    assert "|  | **I alt** | **" in text


def test_private_notes_only_when_asked_and_then_marked(live):
    add_note(live, "Offentlig note")
    add_note(live, "Kun til konsulenten", private=True)
    assert "Kun til konsulenten" not in md(live)
    assert "Privat" not in md(live)
    text = md(live, include_private=True)
    assert sections(text)[-1] == "Privat — kun til konsulenten"
    private = text.split("## Privat — kun til konsulenten")[1]
    assert "> - **Velkommen:** Kun til konsulenten" in private
    assert "Kun til konsulenten" not in text.split("## Privat")[0]
    assert text.split("\n")[2].startswith("> **Denne udgave indeholder private noter")


def test_markdown_escapes_user_text():
    escaped = escape_markdown("# ikke en overskrift\n- ikke en liste\n" + HOSTILE)
    assert escaped.startswith("\\# ikke en overskrift\n\\- ikke en liste\n")
    assert "\\<script>" in escaped
    assert "\\[@click=app.quit]" not in escaped and "\\[\\@click=app.quit]" in escaped
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(escaped)
    assert "<script>" not in html and "<h1>" not in html and "<ul>" not in html
    assert "[@click=app.quit]klik[/]" in html


@pytest.mark.parametrize(
    "text",
    [
        "se https://evil.example/x og www.evil.dk",
        "skriv til leder@firma.dk",
        "mange smil :smile: :+1:",
        "som @leder sagde",
        "besøg detdumærker.dk",
    ],
)
def test_markdown_defuses_autolinks_emoji_and_mentions(text):
    from markdown_it import MarkdownIt

    escaped = escape_inline(text)
    for renderer in (MarkdownIt("commonmark"), MarkdownIt("gfm-like")):  # gfm-like: linkify
        html = renderer.render(escaped)
        assert "<a" not in html, (renderer, html)
        assert text.replace("&", "&amp;") in html, "the text is unchanged"


def test_markdown_leaves_ordinary_text_alone():
    plain = "Kl. 13:00 tog vi f.eks. en snak; =SUM(A1) og -2+3 og +45 12 34 56"
    assert escape_markdown(plain) == plain
    assert escape_markdown("=== \n---") == "\\=== \n\\---"


def test_multiline_notes_stay_in_their_item(live):
    add_note(live, "linje 1\nlinje 2\n\nlinje 4")
    assert "- linje 1\\\n  linje 2\\\n  \\\n  linje 4" in md(live)


def test_json_says_first_whether_it_holds_private_notes(live):
    note = add_note(live, HOSTILE, NoteTag.IDEA)
    data = json.loads(export_session(live.store, "json").decode())
    assert next(iter(data)) == "private_notes" and data["private_notes"] is False
    assert data["format"] == "oplaeg-session"
    assert data["tables"]["notes"][note.id]["text"] == HOSTILE
    assert data["tables"]["session"]["1"]["details"]["participants"] == 14
    add_note(live, "hemmelig", private=True)
    raw = export_session(live.store, "json").decode()
    assert raw.startswith('{\n  "private_notes": true,')


def test_write_export_never_overwrites_silently(tmp_path):
    target = tmp_path / "referat.md"
    write_export("første", target)
    with pytest.raises(OplaegError, match="findes allerede"):
        write_export("anden", target)
    assert target.read_text() == "første"
    write_export("anden", target, force=True)
    assert target.read_text() == "anden"
    with pytest.raises(OplaegError, match="findes ikke"):
        write_export("x", tmp_path / "nope" / "r.md")


def test_english_referat(live):
    text = export_session(live.store, "md", language="en", now=NOW).decode()
    assert text.startswith("# Minutes: ")
    assert "- **Date:** 24 November 2026" in text
    assert "planned at 13:00, 90 minutes – not begun" in text
    assert sections(text) == ["Key points", "Action plan", "Item by item", "Time log", "Next steps"]


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
