"""The phones' scale values and votes as they stand: one current answer per phone key and
question, added up as each arrives (O(1) an answer, never a rescan of what came before).

Stored as the current state only, in the store's `phone_answers` table (a file of its own,
rewritten whole and sorted: `SessionStore.put_current`), so nothing in the data folder says in
which order answers came or what a phone answered before it changed its mind. One document a
question:

- `scale:<segment>:<statement>` — {"kind": "scale", "segment_id", "statement",
  "values": {key: value}};
- `vote:<segment>` — {"kind": "vote", "segment_id", "votes": {key: [[item, n], …]}}.

Answers that arrive together are written at once (`stage`, then one `flush`): a room of phones
answering at the same moment costs a few writes, not one per tap, and the console's event loop
— its countdown — keeps its pace.

Sessions from before kept every answer as it came, in numbered `batch:<n>` documents of the
`answers` table; they are read as they were (the latest of each phone counts) and, in a session
open for writing, written once in the new form and retired.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sessions.exercises.base import as_int
from sessions.storage.session_store import SessionStore, current_payload
from sessions.storage.tables import ANSWERS_TABLE, PHONE_ANSWERS_TABLE

BATCH = "batch"
ScaleKey = tuple[str, int, str]  # segment, statement, phone key
VoteKey = tuple[str, str]  # segment, phone key


@dataclass
class Latest:
    """Every phone's current answers, and their totals kept up to date with each change."""

    scale: dict[ScaleKey, int] = field(default_factory=dict)
    votes: dict[VoteKey, dict[str, int]] = field(default_factory=dict)
    scale_counts: dict[str, dict[int, Counter[int]]] = field(default_factory=dict)
    """Per segment and statement, the phones per value."""
    vote_totals: dict[str, Counter[str]] = field(default_factory=dict)
    """Per segment, every phone's votes together per item."""
    voters: Counter[str] = field(default_factory=Counter)
    questions: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per stored document id (`scale:<segment>:<statement>`, `vote:<segment>`), each phone
    key's current value there: what a document is written from, without a search."""

    def set_scale(self, key: ScaleKey, value: int | None) -> int | None:
        """`key`'s value now `value` (None: none); returns the one it had."""
        segment, statement, phone = key
        before = self.scale.pop(key, None) if value is None else self.scale.get(key)
        counts = self.scale_counts.setdefault(segment, {}).setdefault(statement, Counter())
        values = self.questions.setdefault(scale_id(segment, statement), {})
        if before is not None:
            counts[before] -= 1
            if counts[before] <= 0:
                del counts[before]
        if value is not None:
            self.scale[key] = value
            counts[value] += 1
            values[phone] = value
        else:
            values.pop(phone, None)
        return before

    def set_votes(self, key: VoteKey, votes: Mapping[str, int]) -> dict[str, int]:
        """`key`'s votes now `votes` (empty: none); returns the ones it had."""
        segment, phone = key
        kept = {item: n for item, n in votes.items() if n > 0}
        before = self.votes.pop(key, {})
        total = self.vote_totals.setdefault(segment, Counter())
        total.subtract(before)
        total.update(kept)
        for item in before:
            if total[item] <= 0:
                del total[item]
        phones = self.questions.setdefault(vote_id(segment), {})
        if before:
            self.voters[segment] -= 1
            phones.pop(phone, None)
        if kept:
            self.votes[key] = kept
            self.voters[segment] += 1
            phones[phone] = kept
        return before

    def apply(self, entry: Mapping[str, Any]) -> None:
        """An answer in the first format's shape (a `batch:<n>` entry)."""
        segment, key = str(entry.get("segment_id", "")), str(entry.get("key", ""))
        if entry.get("kind") == "scale":
            statement, value = as_int(entry.get("statement")), as_int(entry.get("value"))
            self.set_scale((segment, statement, key), value)
        elif entry.get("kind") == "vote":
            self.set_votes((segment, key), dict(vote_pairs(entry.get("votes"))))

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """The stored form of one question (None: nobody's answer is there now)."""
        phones = self.questions.get(doc_id)
        if not phones:
            return None
        kind, _, rest = doc_id.partition(":")
        if kind == "scale":
            segment, _, statement = rest.rpartition(":")
            return {
                "kind": "scale",
                "segment_id": segment,
                "statement": int(statement),
                "values": dict(phones),
            }
        votes = {phone: sorted([item, n] for item, n in v.items()) for phone, v in phones.items()}
        return {"kind": "vote", "segment_id": rest, "votes": votes}

    def to_docs(self) -> dict[str, dict[str, Any]]:
        """The stored form: one document a question, each phone key with its current value."""
        docs = {doc_id: self.document(doc_id) for doc_id in self.questions}
        return {doc_id: doc for doc_id, doc in docs.items() if doc is not None}

    def load(self, docs: Mapping[str, Mapping[str, Any]]) -> None:
        """Add the stored documents (`to_docs`' form); anything unreadable is skipped."""
        for doc in docs.values():
            segment = str(doc.get("segment_id", ""))
            if doc.get("kind") == "scale" and isinstance(doc.get("values"), Mapping):
                statement = as_int(doc.get("statement"))
                for key, value in doc["values"].items():
                    self.set_scale((segment, statement, str(key)), as_int(value))
            elif doc.get("kind") == "vote" and isinstance(doc.get("votes"), Mapping):
                for key, pairs in doc["votes"].items():
                    self.set_votes((segment, str(key)), dict(vote_pairs(pairs)))


Undo = tuple[str, Any, Any, Any]  # what ("scale" | "votes"), key, value before, value after


class AnswerLog:
    """The answers of one session's store. `stage_*` changes them in memory at once (seen by
    the rules, such as a phone's vote budget); `flush` (or `flush_async`, whose file write runs
    in a worker thread while the console's loop goes on) makes every staged change durable
    together — or, if it fails, takes them back."""

    def __init__(self, store: SessionStore) -> None:
        self.store = store
        self._latest: Latest | None = None
        self._loads = -1
        self._undo: list[Undo] = []
        """How to take back each staged change, in the order they were made."""
        self._fragments: dict[str, bytes] = {}
        """Each question's document as written last time (only changed ones are redone)."""
        self._dirty: set[str] = set()

    def latest(self) -> Latest:
        """The answers as they stand, staged ones included (read from the store once, and again
        only after a reader's store has read its files anew)."""
        if self._latest is None or self._loads != self.store.loads:
            self._latest = self._read()
            self._loads = self.store.loads
            self._undo.clear()
            self._fragments.clear()
            self._dirty = set(self._latest.questions)
        return self._latest

    def stage_scale(self, key: ScaleKey, value: int) -> None:
        before = self.latest().set_scale(key, value)
        self._undo.append(("scale", key, before, value))
        self._dirty.add(scale_id(key[0], key[1]))

    def stage_votes(self, key: VoteKey, votes: Mapping[str, int]) -> None:
        after = {item: n for item, n in votes.items() if n > 0}
        before = self.latest().set_votes(key, votes)
        self._undo.append(("votes", key, before, after))
        self._dirty.add(vote_id(key[0]))

    def stage(self, entry: Mapping[str, Any]) -> None:
        """An answer in the first format's shape (kept for callers and tests that have one)."""
        segment, key = str(entry.get("segment_id", "")), str(entry.get("key", ""))
        if entry.get("kind") == "scale":
            statement = as_int(entry.get("statement"))
            self.stage_scale((segment, statement, key), as_int(entry.get("value")))
        elif entry.get("kind") == "vote":
            self.stage_votes((segment, key), dict(vote_pairs(entry.get("votes"))))

    @property
    def pending(self) -> int:
        return len(self._undo)

    def flush(self) -> None:
        """Write the answers as they stand now. On a storage error the staged changes are
        taken back (the phones were not told they are saved) and the error goes on."""
        batch = self._begin()
        if batch is None:
            return
        payload, undo = batch
        try:
            self.store.write_current(PHONE_ANSWERS_TABLE, payload)
        except BaseException:
            self._take_back(undo)
            raise
        self.store.current_written(PHONE_ANSWERS_TABLE, payload)

    async def flush_async(self) -> None:
        """`flush`, with the file written in a worker thread: answers staged meanwhile wait
        for the next flush (one at a time: the caller awaits each before the next)."""
        batch = self._begin()
        if batch is None:
            return
        payload, undo = batch
        try:
            await asyncio.to_thread(self.store.write_current, PHONE_ANSWERS_TABLE, payload)
        except BaseException:
            self._take_back(undo)
            raise
        self.store.current_written(PHONE_ANSWERS_TABLE, payload)

    def _begin(self) -> tuple[bytes, list[Undo]] | None:
        """The file's new contents, from the questions changed since the last write."""
        if not self._undo:
            return None
        latest = self.latest()
        undo, self._undo = self._undo, []
        for doc_id in self._dirty:
            doc = latest.document(doc_id)
            if doc is None:
                self._fragments.pop(doc_id, None)
            else:
                self._fragments[doc_id] = current_payload(doc)
        self._dirty = set()
        parts = [
            json.dumps(i).encode() + b":" + self._fragments[i] for i in sorted(self._fragments)
        ]
        return b"{" + b",".join(parts) + b"}", undo

    def _take_back(self, undo: list[Undo]) -> None:
        """Undo a batch that could not be written — each change only where nothing staged
        since has changed the same answer again."""
        latest = self.latest()
        for what, key, before, after in reversed(undo):
            if what == "scale":
                if latest.scale.get(key) == after:
                    latest.set_scale(key, before)
                self._dirty.add(scale_id(key[0], key[1]))
            else:
                if latest.votes.get(key, {}) == after:
                    latest.set_votes(key, before)
                self._dirty.add(vote_id(key[0]))

    def _read(self) -> Latest:
        latest = Latest()
        batches = [
            (doc_id, doc) for doc_id, doc in self.store.items(ANSWERS_TABLE) if _is_batch(doc)
        ]
        current = self.store.items(PHONE_ANSWERS_TABLE)
        if current:
            latest.load(dict(current))  # written from the batches: they are only left over
        else:
            for _, doc in sorted(batches, key=lambda pair: batch_number(pair[0])):
                for entry in doc.get("answers", []) or []:
                    if isinstance(entry, Mapping):
                        latest.apply(entry)
        if batches and not self.store.readonly:
            self._retire([doc_id for doc_id, _ in batches], latest)
        return latest

    def _retire(self, batch_ids: list[str], latest: Latest) -> None:
        """Write answers of the first format in the new one and remove the old documents
        (which keep their order of arrival). Tried again next time if it cannot be done now."""
        from sessions.errors import OplaegError

        try:
            if not self.store.items(PHONE_ANSWERS_TABLE):
                self.store.put_current(PHONE_ANSWERS_TABLE, current_payload(latest.to_docs()))
            self.store.forget(ANSWERS_TABLE, batch_ids)
        except OplaegError:
            pass


def scale_id(segment: str, statement: int) -> str:
    return f"scale:{segment}:{statement}"


def vote_id(segment: str) -> str:
    return f"vote:{segment}"


def vote_pairs(raw: object) -> list[tuple[str, int]]:
    if not isinstance(raw, list):
        return []
    return [
        (str(pair[0]), max(0, as_int(pair[1])))
        for pair in raw
        if isinstance(pair, list | tuple) and len(pair) == 2
    ]


def batch_number(doc_id: str) -> int:
    return as_int(doc_id.rpartition(":")[2])


def _is_batch(doc: Mapping[str, Any]) -> bool:
    return doc.get("kind") == BATCH
