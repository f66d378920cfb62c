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

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sessions.exercises.base import as_int
from sessions.storage.session_store import SessionStore
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

    def set_scale(self, key: ScaleKey, value: int | None) -> int | None:
        """`key`'s value now `value` (None: none); returns the one it had."""
        before = self.scale.pop(key, None) if value is None else self.scale.get(key)
        counts = self.scale_counts.setdefault(key[0], {}).setdefault(key[1], Counter())
        if before is not None:
            counts[before] -= 1
            if counts[before] <= 0:
                del counts[before]
        if value is not None:
            self.scale[key] = value
            counts[value] += 1
        return before

    def set_votes(self, key: VoteKey, votes: Mapping[str, int]) -> dict[str, int]:
        """`key`'s votes now `votes` (empty: none); returns the ones it had."""
        kept = {item: n for item, n in votes.items() if n > 0}
        before = self.votes.pop(key, {})
        total = self.vote_totals.setdefault(key[0], Counter())
        total.subtract(before)
        total.update(kept)
        for item in before:
            if total[item] <= 0:
                del total[item]
        if before:
            self.voters[key[0]] -= 1
        if kept:
            self.votes[key] = kept
            self.voters[key[0]] += 1
        return before

    def apply(self, entry: Mapping[str, Any]) -> None:
        """An answer in the first format's shape (a `batch:<n>` entry)."""
        segment, key = str(entry.get("segment_id", "")), str(entry.get("key", ""))
        if entry.get("kind") == "scale":
            statement, value = as_int(entry.get("statement")), as_int(entry.get("value"))
            self.set_scale((segment, statement, key), value)
        elif entry.get("kind") == "vote":
            self.set_votes((segment, key), dict(vote_pairs(entry.get("votes"))))

    def to_docs(self) -> dict[str, dict[str, Any]]:
        """The stored form: one document a question, each phone key with its current value."""
        docs: dict[str, dict[str, Any]] = {}
        for (segment, statement, key), value in self.scale.items():
            doc_id = f"scale:{segment}:{statement}"
            doc = docs.get(doc_id)
            if doc is None:
                doc = docs[doc_id] = {
                    "kind": "scale",
                    "segment_id": segment,
                    "statement": statement,
                    "values": {},
                }
            doc["values"][key] = value
        for (segment, key), votes in self.votes.items():
            doc_id = f"vote:{segment}"
            doc = docs.get(doc_id)
            if doc is None:
                doc = docs[doc_id] = {"kind": "vote", "segment_id": segment, "votes": {}}
            doc["votes"][key] = sorted([item, n] for item, n in votes.items())
        return docs

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


class AnswerLog:
    """The answers of one session's store. `stage` changes them in memory at once (seen by the
    rules, such as a phone's vote budget); `flush` makes every staged change durable together —
    or, if it raises, takes them all back."""

    def __init__(self, store: SessionStore) -> None:
        self.store = store
        self._latest: Latest | None = None
        self._loads = -1
        self._undo: list[tuple[str, Any, Any]] = []
        """How to take back each staged change, in the order they were made."""

    def latest(self) -> Latest:
        """The answers as they stand, staged ones included (read from the store once, and again
        only after a reader's store has read its files anew)."""
        if self._latest is None or self._loads != self.store.loads:
            self._latest = self._read()
            self._loads = self.store.loads
            self._undo.clear()
        return self._latest

    def stage_scale(self, key: ScaleKey, value: int) -> None:
        before = self.latest().set_scale(key, value)
        self._undo.append(("scale", key, before))

    def stage_votes(self, key: VoteKey, votes: Mapping[str, int]) -> None:
        before = self.latest().set_votes(key, votes)
        self._undo.append(("votes", key, before))

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
        if not self._undo:
            return
        latest = self.latest()
        undo, self._undo = self._undo, []
        try:
            self.store.put_current(PHONE_ANSWERS_TABLE, latest.to_docs())
        except BaseException:
            for what, key, before in reversed(undo):
                if what == "scale":
                    latest.set_scale(key, before)
                else:
                    latest.set_votes(key, before)
            raise

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
                self.store.put_current(PHONE_ANSWERS_TABLE, latest.to_docs())
            self.store.forget(ANSWERS_TABLE, batch_ids)
        except OplaegError:
            pass


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
