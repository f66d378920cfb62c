"""The answer model: a second answer replaces the first, a phone keeps to its votes, answers add
up with the hands counted by keys, only the current exercise accepts answers, texts wait for the
consultant — and nothing stored can tell who answered."""

from __future__ import annotations

import json

from sessions.book import exercise_results
from sessions.exercises.case import CaseState
from sessions.exercises.scale import ScaleState
from sessions.exercises.sorting import BoardState
from sessions.exercises.voting import VotingState
from sessions.phones.answers import AnswerBook, JoinState, SlipTarget, answer_mode
from sessions.phones.devices import Devices
from sessions.phones.moderation import approve, reject
from sessions.phones.service import JoinService, Outcome
from sessions.storage.tables import ANSWERS_TABLE, EXERCISES_TABLE, PHONE_ANSWERS_TABLE
from tests.unit.phones.conftest import go_to


def segment_of(live, segment_id: str):
    return next(p.segment for p in live.pages if p.segment.id == segment_id)


def test_a_second_answer_replaces_the_first(session):
    go_to(session, "scale")
    service = JoinService(session)
    phone = service.devices.issue()
    assert service.answer_scale(phone, "skala", "0", "2") is Outcome.SAVED
    assert service.answer_scale(phone, "skala", "0", "5") is Outcome.SAVED
    assert service.answer_scale(phone, "skala", "1", "3") is Outcome.SAVED
    counts = session.answers.scale_counts("skala")
    assert counts == {0: {5: 1}, 1: {3: 1}}, "one answer per phone and statement: the last"
    assert service.question(phone).chosen == (5, 3)
    other = service.devices.issue()
    service.answer_scale(other, "skala", "0", "5")
    assert session.answers.scale_counts("skala")[0] == {5: 2}
    assert session.answers.answered("skala") == 2


def test_answers_outside_the_scale_or_its_values_are_refused(session):
    go_to(session, "scale")
    service = JoinService(session)
    phone = service.devices.issue()
    for statement, value in (("2", "3"), ("0", "6"), ("0", "0"), ("-1", "3"), ("x", "3")):
        assert service.answer_scale(phone, "skala", statement, value) is Outcome.CLOSED
    assert session.store.count(ANSWERS_TABLE) == 0


def test_a_phone_has_only_its_votes(session):
    go_to(session, "voting")
    case = segment_of(session, "sagen")
    session.exercises.save(case, CaseState(("Ring til en kollega", "Aftal bagvagt")))
    service = JoinService(session)
    phone = service.devices.issue()
    assert service.vote(phone, "stemmer", "Ring til en kollega", 1) is Outcome.SAVED
    assert service.vote(phone, "stemmer", "Ring til en kollega", 1) is Outcome.SAVED
    assert service.vote(phone, "stemmer", "Aftal bagvagt", 1) is Outcome.SAVED
    assert service.vote(phone, "stemmer", "Aftal bagvagt", 1) is Outcome.NO_VOTES, "3 each"
    assert service.vote(phone, "stemmer", "Ring til en kollega", -1) is Outcome.SAVED
    assert service.vote(phone, "stemmer", "Aftal bagvagt", 1) is Outcome.SAVED, "moved"
    assert service.vote(phone, "stemmer", "Noget helt andet", 1) is Outcome.CLOSED
    other = service.devices.issue()
    assert service.vote(other, "stemmer", "Aftal bagvagt", -1) is Outcome.NO_VOTES
    service.vote(other, "stemmer", "Aftal bagvagt", 1)
    assert session.answers.phone_votes("stemmer") == {
        "Ring til en kollega": 1,
        "Aftal bagvagt": 3,
    }
    assert dict(service.question(phone).items) == {"Ring til en kollega": 1, "Aftal bagvagt": 2}
    assert session.answers.answered("stemmer") == 2


def test_taking_back_every_vote_leaves_nothing_stored(session):
    go_to(session, "voting")
    session.exercises.save(segment_of(session, "sagen"), CaseState(("A",)))
    service = JoinService(session)
    phone = service.devices.issue()
    service.vote(phone, "stemmer", "A", 1)
    service.vote(phone, "stemmer", "A", -1)
    votes = [d for _, d in session.store.items(PHONE_ANSWERS_TABLE) if d.get("kind") == "vote"]
    assert votes == []


def test_only_the_current_exercise_accepts_answers(session):
    service = JoinService(session)
    phone = service.devices.issue()
    go_to(session, "scale", step=1)  # the scale's result step
    assert service.question(phone).mode is None
    assert service.answer_scale(phone, "skala", "0", "3") is Outcome.CLOSED
    go_to(session, "case")
    assert service.answer_scale(phone, "skala", "0", "3") is Outcome.CLOSED
    assert service.send_slip("tavle", "Stop med mails", "0") is Outcome.CLOSED
    assert session.store.count(ANSWERS_TABLE) == 0
    go_to(session, "scale")
    service.close()
    assert service.answer_scale(phone, "skala", "0", "3") is Outcome.CLOSED, "joining stopped"
    assert session.store.count(ANSWERS_TABLE) == session.store.count(PHONE_ANSWERS_TABLE) == 0


def test_what_each_kind_of_page_asks(session):
    asks = {}
    for page in session.pages:
        mode = answer_mode(page)
        asks.setdefault(page.segment.id, []).append(mode.value if mode else None)
    assert asks["skala"] == ["scale", None]
    assert asks["stemmer"] == ["vote", None]
    assert asks["tavle"] == ["slip"]
    assert asks["sagen"] == ["slip"]
    assert asks["refleksion"] == ["slip", "slip"]
    assert asks["tjek-ind"] == [None] and asks["kort"] == [None, None]


def test_phone_answers_join_the_hands_in_the_referat_even_without_hands(session):
    go_to(session, "scale")
    service = JoinService(session)
    for value in ("4", "4", "2"):
        service.answer_scale(service.devices.issue(), "skala", "0", value)
    [scale] = [r for r in exercise_results(session.store, "da") if r.segment_id == "skala"]
    assert scale.rows[0][1:] == ["0", "1", "0", "2", "0", "3,3", "3"]
    assert "Heraf svar fra 3 mobiler" in scale.lines
    segment = session.page.segment
    state = session.exercises.state(segment)
    session.exercises.save(segment, state.add_hand(5).add_hand(5))
    [scale] = [r for r in exercise_results(session.store, "da") if r.segment_id == "skala"]
    assert scale.rows[0][-1] == "5", "hands and phones together"


def test_phone_votes_join_the_votes_in_the_referat(session):
    session.exercises.save(segment_of(session, "sagen"), CaseState(("A", "B")))
    go_to(session, "voting")
    segment = session.page.segment
    state = session.exercises.state(segment)
    assert isinstance(state, VotingState)
    session.exercises.save(segment, state.set_votes(2))  # A: two hands
    service = JoinService(session)
    service.vote(service.devices.issue(), "stemmer", "B", 1)
    service.vote(service.devices.issue(), "stemmer", "A", 1)
    [vote] = [r for r in exercise_results(session.store, "da") if r.segment_id == "stemmer"]
    assert vote.rows == [["A", "3"], ["B", "1"]]


def test_texts_wait_for_the_consultant_and_become_what_the_exercise_makes(session):
    service = JoinService(session)
    go_to(session, "sorting")
    assert service.send_slip("tavle", "  Mails efter kl. 16\n", "0") is Outcome.HELD
    assert service.send_slip("tavle", "Fast sparring", "1") is Outcome.HELD
    assert service.send_slip("tavle", "   ", "0") is Outcome.EMPTY
    assert service.send_slip("tavle", "x" * 201, "0") is Outcome.TOO_LONG
    assert service.send_slip("tavle", "Forkert kolonne", "7") is Outcome.CLOSED
    board = segment_of(session, "tavle")
    assert session.exercises.state(board).items == (), "nothing on the wall unseen"
    go_to(session, "case")
    service.send_slip("sagen", "Ring til en kollega", "")
    go_to(session, "reflection")
    service.send_slip("refleksion", "Da min kollega tog over", "")
    pending = session.answers.pending()
    assert [(s.text, s.target) for s in pending] == [
        ("Mails efter kl. 16", SlipTarget.COLUMN),
        ("Fast sparring", SlipTarget.COLUMN),
        ("Ring til en kollega", SlipTarget.AGREEMENT),
        ("Da min kollega tog over", SlipTarget.NOTE),
    ]
    first, second, agreement, thought = pending
    assert approve(session, first)
    assert approve(session, second, "Fast sparring hver fredag")
    assert reject(session, agreement) is not None
    assert approve(session, thought)
    assert not approve(session, first), "already handled"
    state = session.exercises.state(board)
    assert isinstance(state, BoardState)
    assert [(i.text, i.column) for i in state.items] == [
        ("Mails efter kl. 16", 0),
        ("Fast sparring hver fredag", 1),
    ]
    assert session.exercises.state(segment_of(session, "sagen")).agreements == ()
    assert [n.text for n in session.notebook.all("refleksion")] == ["Da min kollega tog over"]
    assert session.answers.pending() == []
    session.answers.put_back(agreement)
    assert [s.text for s in session.answers.pending()] == ["Ring til en kollega"]


def test_new_texts_never_take_the_number_of_one_rejected(session):
    service = JoinService(session)
    go_to(session, "case")
    service.send_slip("sagen", "Første", "")
    rejected = reject(session, session.answers.pending()[0])
    service.send_slip("sagen", "Anden", "")
    session.answers.put_back(rejected)
    assert [s.text for s in session.answers.pending()] == ["Første", "Anden"]


def test_nothing_stored_can_tell_who_answered(session, repository):
    service = JoinService(session)
    phone = service.devices.issue()
    go_to(session, "scale")
    service.answer_scale(phone, "skala", "0", "1")
    service.answer_scale(phone, "skala", "1", "1")
    session.exercises.save(segment_of(session, "sagen"), CaseState(("A",)))
    go_to(session, "voting")
    service.vote(phone, "stemmer", "A", 1)
    go_to(session, "case")
    service.send_slip("sagen", "En tanke", "")
    docs = session.store.all(ANSWERS_TABLE)
    current = session.store.all(PHONE_ANSWERS_TABLE)
    stored = json.dumps([docs, current])
    raw, _, signature = phone.partition(".")
    assert raw not in stored and signature not in stored, "the cookie is never stored"
    assert {frozenset(d) for d in current.values()} <= {
        frozenset({"kind", "segment_id", "statement", "values"}),
        frozenset({"kind", "segment_id", "votes"}),
    }, "no address, browser, time or cookie"
    slip = next(d for d in docs.values() if d["kind"] == "slip")
    assert set(slip) == {"kind", "segment_id", "step", "text", "target", "column"}, "no key"
    keys = [k for d in current.values() for k in (d.get("values") or d.get("votes"))]
    assert len(keys) == 3 and len(set(keys)) == 3, "an unrelated key for each question"
    files = "".join(
        p.read_text(encoding="utf-8") for p in (repository.root / session.info.id).glob("*.json*")
    )
    assert raw not in files and "127.0.0.1" not in files


def test_keys_cannot_be_matched_between_sessions():
    phone = "the-same-cookie.value"
    first, second = Devices(), Devices()
    assert first.key(phone, "skala", 0) == first.key(phone, "skala", 0)
    assert first.key(phone, "skala", 0) != second.key(phone, "skala", 0)
    assert first.key(phone, "skala", 0) != first.key(phone, "skala", 1)


def test_only_cookies_the_server_issued_count():
    devices = Devices()
    cookie = devices.issue()
    assert devices.genuine(cookie)
    raw, _, signature = cookie.partition(".")
    assert not devices.genuine(f"{raw}.{'0' * len(signature)}")
    assert not devices.genuine(Devices().issue())
    assert not devices.genuine(None) and not devices.genuine("") and not devices.genuine("a.b.c")


def test_the_room_code_shows_where_answers_are_asked_and_the_consultant_can_hide_it(session):
    go_to(session, "scale")
    scale = session.page
    go_to(session, "case")
    case = session.page
    slide = session.pages[0]
    state = JoinState(on=True, url="http://x", address="x", code="4821")
    assert state.code_visible(scale) and state.code_visible(case)
    assert not state.code_visible(slide)
    hidden = state.toggle_code(scale)
    assert not hidden.code_visible(scale) and hidden.code_visible(case), "hidden on that page"
    assert hidden.toggle_code(scale).code_visible(scale)
    shown = state.toggle_code(slide)
    assert shown.code_visible(slide), "shown on a slide, to scan before the exercise"
    assert not JoinState(on=False, code="4821").code_visible(scale)
    book = AnswerBook(session.store)
    book.set_join_state(hidden)
    assert book.join_state() == hidden


def test_a_scale_state_with_phones_shows_their_answers(session):
    go_to(session, "scale")
    service = JoinService(session)
    service.answer_scale(service.devices.issue(), "skala", "0", "5")
    state = session.exercises.state(session.page.segment)
    assert isinstance(state, ScaleState)
    stats = state.stats(0, session.answers.scale_counts("skala").get(0))
    assert stats.hands == 1 and stats.counts[5] == 1


def test_the_exported_referat_counts_the_phones(session):
    from sessions.export import export_session

    go_to(session, "scale")
    service = JoinService(session)
    for value in ("5", "5", "1"):
        service.answer_scale(service.devices.issue(), "skala", "1", value)
    referat = export_session(session.store, "md").decode("utf-8")
    assert "Heraf svar fra 3 mobiler" in referat
    assert "Jeg får hjælp, når jeg beder om den" in referat
    assert "3,7" in referat, "the average of the phones' answers"


def test_a_session_with_phone_answers_moves_to_another_laptop(session, repository):
    from sessions.export import export_session
    from sessions.storage.session_store import SessionStore

    go_to(session, "scale")
    service = JoinService(session)
    service.answer_scale(service.devices.issue(), "skala", "0", "4")
    go_to(session, "case")
    service.send_slip("sagen", "En tanke", "")
    session.answers.set_join_state(JoinState(on=True, url="http://x/y", address="x/y", code="1234"))
    exported = json.loads(export_session(session.store, "json"))
    info = repository.import_export(exported)
    store = SessionStore.open(repository.root / info.id, readonly=True)
    try:
        book = AnswerBook(store)
        assert book.scale_counts("skala") == {0: {4: 1}}
        assert [s.text for s in book.pending()] == ["En tanke"]
        assert not book.join_state().on, "an imported session never has phones on"
    finally:
        store.close()
    exported["tables"]["answers"]["bad key"] = {}
    import pytest

    from sessions.imports.shapes import ImportProblem

    with pytest.raises(ImportProblem, match="answers"):
        repository.import_export(exported)


def test_identical_texts_are_one_group_put_up_once(session):
    from sessions.phones.moderation import approve_group, group_slips

    service = JoinService(session)
    go_to(session, "sorting")
    for text, column in (
        ("Mails efter kl. 16", "0"),
        ("mails  efter KL. 16", "0"),
        ("Mails efter kl. 16", "1"),  # another column: another place
        ("Møder uden dagsorden", "0"),
        ("Mails efter kl. 16 ", "0"),
    ):
        assert service.send_slip("tavle", text, column) is Outcome.HELD
    groups = group_slips(session.answers.pending())
    assert [(g.first.text, g.count) for g in groups] == [
        ("Mails efter kl. 16", 3),
        ("Mails efter kl. 16", 1),
        ("Møder uden dagsorden", 1),
    ]
    assert approve_group(session, groups[0])
    board = session.exercises.state(segment_of(session, "tavle"))
    assert [(i.text, i.column) for i in board.items] == [("Mails efter kl. 16", 0)], "once"
    assert [s.text for s in session.answers.pending()] == [
        "Mails efter kl. 16",
        "Møder uden dagsorden",
    ]
    assert not approve_group(session, groups[0]), "already handled"


def test_reject_all_identical_and_all_waiting_and_put_them_back(session):
    from sessions.phones.moderation import put_back, reject_all, reject_identical

    service = JoinService(session)
    go_to(session, "sorting")
    for text in ("Spam", "SPAM", "Godt forslag", "spam"):
        service.send_slip("tavle", text, "0")
    first = session.answers.pending()[0]
    rejected = reject_identical(session, first)
    assert [s.text for s in rejected] == ["Spam", "SPAM", "spam"]
    assert [s.text for s in session.answers.pending()] == ["Godt forslag"]
    put_back(session, rejected)
    assert [s.text for s in session.answers.pending()] == ["Spam", "SPAM", "Godt forslag", "spam"]
    everything = reject_all(session)
    assert len(everything) == 4 and session.answers.pending() == []
    board = session.exercises.state(segment_of(session, "tavle"))
    assert board.items == (), "rejected texts never reach the wall"
    put_back(session, everything)
    assert session.answers.pending_count() == 4


def test_a_kept_key_is_the_key_worked_out_anew_and_the_kept_keys_are_bounded(monkeypatch):
    from sessions.phones import devices as devices_module

    monkeypatch.setattr(devices_module, "KEYS_KEPT", 3)
    devices = Devices()
    phone = devices.issue()
    first = [devices.key(phone, "skala", n) for n in range(5)]
    assert len(devices._keys) <= 3, "never more than KEYS_KEPT"
    fresh = Devices()
    fresh._salt = devices._salt
    assert [fresh.key(phone, "skala", n) for n in range(5)] == first
    assert [devices.key(phone, "skala", n) for n in range(5)] == first, "kept or not, the same"


def test_what_is_asked_is_worked_out_again_when_the_session_changes_not_when_phones_answer(session):
    go_to(session, "voting")
    case = segment_of(session, "sagen")
    session.exercises.save(case, CaseState(("Ring til en kollega",)))
    service = JoinService(session)
    phone = service.devices.issue()
    first = service.question(phone)
    assert [item for item, _ in first.items] == ["Ring til en kollega"]
    service.vote(phone, "stemmer", "Ring til en kollega", 1)
    answered = service.question(phone)
    assert answered.version == first.version, "an answer changes nothing the page reloads for"
    assert dict(answered.items) == {"Ring til en kollega": 1}, "but the phone's own votes show"
    session.exercises.save(case, CaseState(("Ring til en kollega", "Aftal bagvagt")))
    grown = service.question(phone)
    assert [item for item, _ in grown.items] == ["Ring til en kollega", "Aftal bagvagt"]
    assert grown.version != first.version, "a new item: the page reloads"
    go_to(session, "scale")
    assert service.question(phone).statements and service.question(phone).version != grown.version


def test_a_checked_cookie_is_kept_and_a_forged_one_never_is():
    devices = Devices()
    cookie = devices.issue()
    assert devices.genuine(cookie) and devices.genuine(cookie), "checked once, kept"
    raw, _, signature = cookie.partition(".")
    forged = f"{raw}.{'f' * len(signature)}"
    assert not devices.genuine(forged) and not devices.genuine(forged)
    assert forged not in devices._genuine
    assert not Devices().genuine(cookie), "another server's keys: not genuine there"


def test_the_exercise_is_kept_when_a_phone_is_first_shown_its_question(session):
    """Kept before the first answer (the referat has the exercise even if no hand was
    counted), and not in the way of the first wave of answers: a room answers at once."""
    go_to(session, "scale")
    service = JoinService(session)
    assert not session.store.has(EXERCISES_TABLE, "skala")
    told: list[object] = []
    session.sink = told.append
    question = service.question(None)
    assert question.mode is not None
    assert session.store.has(EXERCISES_TABLE, "skala")
    assert told, "the windows heard of it"
    told.clear()
    phone = service.devices.issue()
    assert service.answer_scale(phone, "skala", "0", "2", defer=True) is Outcome.SAVED
    assert not told, "the first answer writes nothing on its own: the group commit writes it"
