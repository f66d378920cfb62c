"""The participant server through aiohttp's test client: every endpoint, and what a hostile or
careless client sends — no token, a wrong one, huge bodies, markup, bad UTF-8, wrong content
types, answers to an exercise that is not on the wall."""

from __future__ import annotations

import re

import aiohttp
import pytest

from sessions.exercises.case import CaseState
from sessions.i18n import set_language
from sessions.phones.service import JoinService, item_reference
from sessions.storage.tables import ANSWERS_TABLE, PHONE_ANSWERS_TABLE
from tests.unit.phones.conftest import go_to
from tui.phones.server import COOKIE, MAX_BODY, JoinApp, JoinServer

SCRIPT = "<script>alert('x')</script> & \"quoted\""
FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def service(session):
    return JoinService(session)


@pytest.fixture
async def phone(aiohttp_client, service):
    """A phone that has opened the page once (so it has its cookie)."""
    client = await aiohttp_client(JoinApp(service).application())
    response = await client.get(f"/{service.token}")
    assert response.status == 200
    return client


async def post(client, service, **fields: str):
    return await client.post(f"/{service.token}/answer", data=fields, allow_redirects=False)


def stored(session) -> list[dict]:
    tables = (ANSWERS_TABLE, PHONE_ANSWERS_TABLE)
    return [d for table in tables for _, d in session.store.items(table)]


async def test_nothing_is_served_without_the_token(aiohttp_client, service):
    client = await aiohttp_client(JoinApp(service).application())
    wrong = "a" * len(service.token)
    for path in ("/", f"/{wrong}", f"/{service.token}x", f"/{wrong}/status", "/favicon.ico"):
        response = await client.get(path)
        assert response.status == 404, path
        body = await response.text()
        assert "oplaeg" not in body and service.code not in body
        assert COOKIE not in response.headers.get("Set-Cookie", "")
    response = await client.post(f"/{wrong}/answer", data={"kind": "scale"})
    assert response.status == 404
    assert "Server" not in response.headers


async def test_the_page_asks_the_scale_with_its_labelled_values(aiohttp_client, service, session):
    go_to(session, "scale")
    client = await aiohttp_client(JoinApp(service).application())
    response = await client.get(f"/{service.token}")
    assert response.status == 200
    html = await response.text()
    assert "Jeg kan sige fra" in html and "Jeg får hjælp, når jeg beder om den" in html
    assert "Slet ikke" in html and "Helt" in html
    assert f"Rum {service.code}" in html
    assert html.count('name="value"') == 10, "five values for each of two statements"
    assert 'lang="da"' in html
    cookie = response.headers["Set-Cookie"]
    assert f"Path=/{service.token}" in cookie and "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert response.headers["Cache-Control"] == "no-store"
    assert "Server" not in response.headers
    assert "http" not in re.sub(r"http-equiv|https?://(www\.)?w3\.org", "", html.split("<main>")[1])


async def test_an_answer_is_stored_before_the_phone_is_sent_back(phone, service, session):
    go_to(session, "scale")
    response = await post(phone, service, kind="scale", segment="skala", statement="1", value="4")
    assert response.status == 303
    assert response.headers["Location"] == f"/{service.token}?n=saved#s1"
    assert session.answers.scale_counts("skala") == {1: {4: 1}}
    await post(phone, service, kind="scale", segment="skala", statement="1", value="2")
    assert session.answers.scale_counts("skala") == {1: {2: 1}}, "replaced, not added"
    html = await (await phone.get(f"/{service.token}?n=saved")).text()
    assert "Tak — dit svar er gemt." in html
    assert re.search(r'value="2" aria-pressed="true"', html)
    assert html.split("<main>")[1].count('aria-pressed="true"') == 1


async def test_a_vote_keeps_to_the_budget_and_escapes_the_items(phone, service, session):
    case = next(p.segment for p in session.pages if p.segment.id == "sagen")
    session.exercises.save(case, CaseState((SCRIPT, "Aftal bagvagt")))
    go_to(session, "voting")
    html = await (await phone.get(f"/{service.token}")).text()
    assert SCRIPT not in html and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "Du har 3 af 3 stemmer tilbage." in html
    first = item_reference(0, SCRIPT)
    assert f'name="item" value="{first}"' in html
    for _ in range(3):
        response = await post(
            phone, service, kind="vote", segment="stemmer", item=first, change="1", anchor="i0"
        )
        assert response.headers["Location"].endswith("?n=saved#i0")
    response = await post(phone, service, kind="vote", segment="stemmer", item=first, change="1")
    assert "n=no_votes" in response.headers["Location"]
    for stale in (item_reference(0, "Aftal bagvagt"), "7-0000000000", SCRIPT, ""):
        response = await post(
            phone, service, kind="vote", segment="stemmer", item=stale, change="-1"
        )
        assert response.headers["Location"].endswith("n=closed"), stale
    assert session.answers.phone_votes("stemmer") == {SCRIPT: 3}
    html = await (await phone.get(f"/{service.token}")).text()
    assert "Du har 0 af 3 stemmer tilbage." in html and "Dine stemmer: 3" in html
    response = await post(phone, service, kind="vote", segment="stemmer", item=first, change="5")
    assert response.status == 400


async def test_a_text_is_held_for_the_consultant(phone, service, session):
    go_to(session, "sorting")
    html = await (await phone.get(f"/{service.token}")).text()
    assert "Send en seddel" in html and 'name="column"' in html and "Fortsæt" in html
    response = await post(phone, service, kind="slip", segment="tavle", text=SCRIPT, column="2")
    assert response.headers["Location"] == f"/{service.token}?n=held"
    [slip] = session.answers.pending()
    assert slip.text == SCRIPT and slip.column == 2
    html = await (await phone.get(response.headers["Location"])).text()
    assert "venter hos konsulenten" in html


async def test_answers_to_an_exercise_not_on_the_wall_are_not_stored(phone, service, session):
    go_to(session, "case")
    for fields in (
        {"kind": "scale", "segment": "skala", "statement": "0", "value": "3"},
        {"kind": "slip", "segment": "tavle", "text": "Stop", "column": "0"},
        {"kind": "vote", "segment": "stemmer", "item": "x", "change": "1"},
    ):
        response = await post(phone, service, **fields)
        assert response.status == 303
        assert response.headers["Location"] == f"/{service.token}?n=closed"
    go_to(session, "scale", step=1)
    response = await post(phone, service, kind="scale", segment="skala", statement="0", value="3")
    assert response.headers["Location"].endswith("n=closed")
    assert stored(session) == []
    html = await (await phone.get(f"/{service.token}")).text()
    assert "Kig op på skærmen" in html


async def test_hostile_requests_are_refused_and_store_nothing(phone, service, session):
    go_to(session, "case")
    url = f"/{service.token}/answer"
    huge = "kind=slip&segment=sagen&text=" + "x" * (MAX_BODY * 4)
    response = await phone.post(url, data=huge, headers={"Content-Type": FORM})
    assert response.status == 413
    response = await phone.post(url, json={"kind": "slip", "segment": "sagen", "text": "hej"})
    assert response.status == 415
    form = aiohttp.FormData({"kind": "slip", "segment": "sagen", "text": "hej"})
    form.add_field("file", b"x", filename="x.txt")
    response = await phone.post(url, data=form)
    assert response.status == 415, "multipart is not what the page sends"
    for body in (
        b"kind=slip&segment=sagen&text=%ff%fe",  # not UTF-8
        "kind=slip&segment=sagen&text=æøå".encode(),  # not URL-encoded
        b"&".join(b"f%d=1" % n for n in range(20)),  # too many fields
        b"kind=nothing&segment=sagen",
    ):
        response = await phone.post(url, data=body, headers={"Content-Type": FORM})
        assert response.status == 400, body
    response = await phone.get(f"/{service.token}/answer")
    assert response.status == 405
    assert stored(session) == []


async def test_a_post_without_the_page_s_cookie_is_sent_to_the_page_and_spends_none(
    aiohttp_client, service, session
):
    go_to(session, "scale")
    app = JoinApp(service)
    client = await aiohttp_client(app.application())
    for _ in range(20):
        response = await post(
            client, service, kind="scale", segment="skala", statement="0", value="3"
        )
        assert response.headers["Location"] == f"/{service.token}?n=cookie"
        assert "Set-Cookie" not in response.headers, "a post is never given a cookie"
    assert app.cookies.issued == 0 and app.cookies.refused == 0, "nor spends one"
    assert stored(session) == []
    response = await client.get(f"/{service.token}?n=cookie")
    assert COOKIE in response.headers["Set-Cookie"], "the page load gets it"
    forger = await aiohttp_client(JoinApp(service).application())
    response = await forger.post(
        f"/{service.token}/answer",
        data={"kind": "scale", "segment": "skala", "statement": "0", "value": "3"},
        headers={"Cookie": f"{COOKIE}=made.up"},
        allow_redirects=False,
    )
    assert response.headers["Location"].endswith("n=cookie"), "a forged cookie is not a phone"
    assert stored(session) == []


async def test_a_phone_that_sends_too_fast_is_slowed_down(phone, service, session):
    go_to(session, "scale")
    statuses = []
    for n in range(30):
        value = str(1 + n % 5)
        response = await post(
            phone, service, kind="scale", segment="skala", statement="0", value=value
        )
        statuses.append(response.status)
    assert statuses[:20] == [303] * 20 and 429 in statuses
    limited = next(r for r in [response] if r.status == 429)
    assert "Vent et øjeblik" in await limited.text()


async def test_the_status_tells_the_page_when_the_question_changes(phone, service, session):
    go_to(session, "scale")
    first = await (await phone.get(f"/{service.token}/status")).json()
    await post(phone, service, kind="scale", segment="skala", statement="0", value="3")
    again = await (await phone.get(f"/{service.token}/status")).json()
    assert again == first == {"v": first["v"], "code": service.code}, "answers change nothing"
    go_to(session, "case")
    moved = await (await phone.get(f"/{service.token}/status")).json()
    assert moved["v"] != first["v"]


async def test_the_page_speaks_english_with_lang_en(phone, service, session):
    go_to(session, "case")
    set_language("en")
    html = await (await phone.get(f"/{service.token}")).text()
    assert 'lang="en"' in html and "Propose an agreement" in html and "Room " in html


async def test_nothing_is_served_once_joining_stops(phone, service, session):
    go_to(session, "scale")
    service.close()
    assert (await phone.get(f"/{service.token}")).status == 404
    response = await post(phone, service, kind="scale", segment="skala", statement="0", value="3")
    assert response.status == 404
    assert stored(session) == []


async def test_the_server_listens_on_loopback_and_stops(service, session):
    go_to(session, "scale")
    server = JoinServer(service, "127.0.0.1")
    await server.start()
    other = JoinServer(JoinService(session), "127.0.0.1")
    await other.start()
    try:
        assert server.port and other.port and server.port != other.port
        assert server.url == f"http://127.0.0.1:{server.port}/{service.token}"
        async with aiohttp.ClientSession() as browser, browser.get(server.url) as response:
            assert response.status == 200
    finally:
        await other.stop()
        await server.stop()
    async with aiohttp.ClientSession() as browser:
        with pytest.raises(aiohttp.ClientConnectionError):
            await browser.get(server.url)


async def test_an_answer_that_cannot_be_saved_says_so_and_stores_nothing(
    phone, service, session, monkeypatch
):
    from sessions.errors import StorageError

    go_to(session, "scale")
    session.exercises.save(session.page.segment, session.exercises.state(session.page.segment))
    failures = []
    service.listen(failures.append)

    def full(*args, **kwargs):
        raise StorageError("No space left on device")

    monkeypatch.setattr(session.store, "write_current", full)
    response = await post(phone, service, kind="scale", segment="skala", statement="0", value="3")
    assert response.status == 503
    assert "Svaret blev ikke gemt" in await response.text()
    assert [str(f) for f in failures] == ["No space left on device"]
    monkeypatch.undo()
    assert stored(session) == []
    assert session.answers.scale_counts("skala") == {}, "taken back in memory too"


async def test_phones_answering_together_share_one_write(
    aiohttp_client, service, session, monkeypatch
):
    import asyncio

    go_to(session, "scale")
    writes = []
    write_current = session.store.write_current
    monkeypatch.setattr(
        session.store, "write_current", lambda *a: (writes.append(1), write_current(*a))
    )
    app = JoinApp(service, cookies_per_address=12).application()
    phones = [await aiohttp_client(app) for _ in range(12)]
    for phone in phones:
        await phone.get(f"/{service.token}")

    async def answer(phone, value: str):
        response = await post(
            phone, service, kind="scale", segment="skala", statement="0", value=value
        )
        return response.headers["Location"]

    locations = await asyncio.gather(*(answer(p, str(1 + n % 5)) for n, p in enumerate(phones)))
    assert all(location.endswith("?n=saved#s0") for location in locations)
    assert sum(session.answers.scale_counts("skala")[0].values()) == 12
    assert 1 <= len(writes) < 12, "answers that arrive together are written together"


async def test_answers_read_back_the_same_after_a_restart(phone, service, session, repository):
    from sessions.phones.answers import AnswerBook
    from sessions.storage.session_store import SessionStore

    go_to(session, "scale")
    for value in ("1", "4", "2"):  # the same phone changing its mind: the last one counts
        await post(phone, service, kind="scale", segment="skala", statement="1", value=value)
    reader = SessionStore.open(repository.root / session.info.id, readonly=True)
    try:
        assert AnswerBook(reader).scale_counts("skala") == {1: {2: 1}}
    finally:
        reader.close()


async def test_one_device_with_many_cookies_puts_only_its_share_of_votes(
    aiohttp_client, service, session
):
    """V1: the red team took 149 cookies from one device and put 447 votes on one item. Now a
    device gets a few cookies (its address's share), so its votes are those few phones'."""
    from tui.phones.cookies import COOKIES_PER_ADDRESS

    go_to(session, "voting")
    session.exercises.save(segment_of(session, "sagen"), CaseState(("Stuffed", "Honest")))
    app = JoinApp(service).application()
    state = session.exercises.state(session.page.segment)
    reference = item_reference(0, "Stuffed")
    accepted = 0
    for _ in range(60):  # a fresh cookie jar each time: "a new phone" per attempt
        device = await aiohttp_client(app)
        await device.get(f"/{service.token}")
        for _ in range(state.votes_per_person + 2):
            response = await post(
                device, service, kind="vote", segment="stemmer", item=reference, change="1"
            )
            accepted += response.headers.get("Location", "").split("#")[0].endswith("n=saved")
    assert session.answers.phone_votes("stemmer") == {"Stuffed": accepted}
    assert accepted == COOKIES_PER_ADDRESS * state.votes_per_person, "its share, no more"
    denied = await aiohttp_client(app)
    response = await denied.get(f"/{service.token}")
    assert "Set-Cookie" not in response.headers
    assert "kan ikke komme med lige nu" in await response.text(), "the phone is told why"


def segment_of(live, segment_id):
    return next(p.segment for p in live.pages if p.segment.id == segment_id)
