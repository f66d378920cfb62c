"""V8 from the red team: a phone's text with a right-to-left override (`‮gnp.exe‬`) was shown
one way in the terminal and read "exe.png" in the Word and HTML referat. Invisible formatting
is taken out where the text enters, so what the consultant approves is what every file says."""

from __future__ import annotations

import io
import zipfile

from sessions.export import export_session
from sessions.phones.moderation import approve
from sessions.phones.service import JoinService
from tests.unit.phones.conftest import go_to

TURNED = "P06 RTL \u202egnp.exe\u202c og\u200b usynligt\u2066 \u2069"


def test_a_phone_text_is_approved_and_exported_as_it_reads(session):
    go_to(session, "sorting")
    service = JoinService(session)
    service.send_slip("tavle", TURNED, "0")
    [slip] = session.answers.pending()
    assert slip.text == "P06 RTL gnp.exe og usynligt"
    assert approve(session, slip)
    html = export_session(session.store, "html").decode()
    assert "P06 RTL gnp.exe og usynligt" in html
    markdown = export_session(session.store, "md").decode()
    assert "gnp.exe og usynligt" in markdown
    with zipfile.ZipFile(io.BytesIO(export_session(session.store, "docx"))) as docx:
        body = docx.read("word/document.xml").decode()
    assert "P06 RTL gnp.exe og usynligt" in body
    for exported in (html, markdown, body):
        assert not any(c in exported for c in "\u202e\u202c\u200b\u2066\u2069")


def test_a_text_of_only_invisible_characters_is_empty(session):
    go_to(session, "sorting")
    outcome = JoinService(session).send_slip("tavle", "\u202e\u200b\u2060", "0")
    assert outcome.name == "EMPTY"
    assert session.answers.pending() == []
