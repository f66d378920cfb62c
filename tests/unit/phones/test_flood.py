"""V2, with time compressed: the red team's 60-second flood from 200 cookies made every answer
re-apply every stored batch (O(n) per answer, O(n²) in all) and kept each change of mind for
ever. Here 12,000 answers — more than their first minute — go through the answer book in
batches as the server writes them: each is applied once, the store is never searched again,
only the questions that changed are written again, and what is kept stays one value per phone
and question."""

from __future__ import annotations

from sessions.phones.answer_log import Latest
from sessions.storage import session_store
from sessions.storage.tables import PHONE_ANSWERS_TABLE
from tests.unit.phones.conftest import go_to

COOKIES, STATEMENTS, ANSWERS, BATCH = 200, 8, 12_000, 60


def test_a_flood_of_answers_costs_the_same_per_answer_at_the_end_as_at_the_start(
    session, monkeypatch
):
    go_to(session, "scale")
    book = session.answers
    applied = searched = serialised = 0
    set_scale, items = Latest.set_scale, session.store.items
    payload = session_store.current_payload

    def counting_set_scale(self, key, value):
        nonlocal applied
        applied += 1
        return set_scale(self, key, value)

    def counting_items(table):
        nonlocal searched
        searched += 1
        return items(table)

    def counting_payload(docs):
        nonlocal serialised
        serialised += 1
        return payload(docs)

    book.log.latest()  # read once when the session opens
    monkeypatch.setattr(Latest, "set_scale", counting_set_scale)
    monkeypatch.setattr(session.store, "items", counting_items)
    monkeypatch.setattr("sessions.phones.answer_log.current_payload", counting_payload)
    writes = 0
    for number in range(ANSWERS):
        phone, statement = number % COOKIES, (number // COOKIES) % STATEMENTS
        value = 1 + (number // (COOKIES * STATEMENTS) + phone) % 5  # minds change each round
        book.answer_scale("skala", statement % 2, f"{phone:024x}{statement}", value, defer=True)
        if number % BATCH == BATCH - 1:
            book.flush()
            writes += 1
    assert searched == 0, "the stored answers are never searched again"
    assert applied <= ANSWERS, "each answer is applied once, never re-applied"
    assert serialised <= writes * 2, "only the questions a batch changed are written again"
    stored = session.store.all(PHONE_ANSWERS_TABLE)
    kept = sum(len(doc["values"]) for doc in stored.values())
    assert kept == COOKIES * STATEMENTS, "one value per phone and question, no history"
    counts = book.scale_counts("skala")
    assert sum(sum(values.values()) for values in counts.values()) == kept
    assert book.answered("skala") == COOKIES * STATEMENTS // 2


def test_a_write_that_fails_takes_back_only_its_own_answers(session, monkeypatch):
    """With the file written while the loop goes on, an answer may come in for the same phone
    after a batch was taken for writing; if that batch fails, the newer answer stays."""
    import asyncio

    from sessions.errors import StorageError

    go_to(session, "scale")
    book = session.answers
    book.answer_scale("skala", 0, "a" * 24, 2)

    def full(table, payload):
        raise StorageError("No space left on device")

    async def scenario() -> None:
        book.answer_scale("skala", 0, "a" * 24, 3, defer=True)
        book.answer_scale("skala", 1, "b" * 24, 4, defer=True)
        monkeypatch.setattr(session.store, "write_current", full)
        writing = asyncio.ensure_future(book.flush_async())
        await asyncio.sleep(0)
        book.answer_scale("skala", 1, "b" * 24, 5, defer=True)  # arrives while writing
        try:
            await writing
        except StorageError:
            pass
        else:
            raise AssertionError("the failed write was not reported")

    asyncio.run(scenario())
    assert book.scale_value("skala", 0, "a" * 24) == 2, "the failed answer is taken back"
    assert book.scale_value("skala", 1, "b" * 24) == 5, "the newer one is not"
    monkeypatch.undo()
    book.flush()
    assert book.scale_counts("skala") == {0: {2: 1}, 1: {5: 1}}
