"""The phones' scale and vote answers as an append-only log: answers that arrive together are
written as one batch document (one journal line, one fsync), and the latest answer of a phone
to a question is the one that counts. A room of phones answering at once then costs a few
fsyncs, not one per tap, and the console's event loop — its countdown — keeps its pace.

A batch document (`batch:<n>` in the `answers` table):
{"kind": "batch", "answers": [{"kind": "scale", "segment_id", "statement", "key", "value"} |
                              {"kind": "vote", "segment_id", "key", "votes": [[item, n], …]}]}
A vote entry holds all of the phone's votes in that exercise (none: it took them all back).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sessions.exercises.base import as_int
from sessions.storage.session_store import SessionStore
from sessions.storage.tables import ANSWERS_TABLE

BATCH = "batch"
ScaleKey = tuple[str, int, str]  # segment, statement, phone key
VoteKey = tuple[str, str]  # segment, phone key


@dataclass
class Latest:
    """Every phone's latest answers."""

    scale: dict[ScaleKey, int] = field(default_factory=dict)
    votes: dict[VoteKey, dict[str, int]] = field(default_factory=dict)

    def apply(self, entry: Mapping[str, Any]) -> None:
        segment, key = str(entry.get("segment_id", "")), str(entry.get("key", ""))
        if entry.get("kind") == "scale":
            self.scale[(segment, as_int(entry.get("statement")), key)] = as_int(entry.get("value"))
        elif entry.get("kind") == "vote":
            votes = dict(vote_pairs(entry.get("votes")))
            if votes:
                self.votes[(segment, key)] = votes
            else:
                self.votes.pop((segment, key), None)


class AnswerLog:
    """The log of one session's store. `stage` adds answers in memory (seen at once by the
    rules, such as a phone's vote budget); `flush` writes them as one batch — durable when it
    returns, or, if it raises, gone."""

    def __init__(self, store: SessionStore) -> None:
        self.store = store
        self._pending: list[dict[str, Any]] = []
        self._last: int | None = None
        self._cache: tuple[object, Latest] | None = None

    def latest(self) -> Latest:
        """The answers as they stand, staged ones included."""
        batches = [
            (doc_id, doc) for doc_id, doc in self.store.items(ANSWERS_TABLE) if _is_batch(doc)
        ]
        stamp = (len(batches), batches[-1][0] if batches else "", len(self._pending))
        if self._cache is not None and self._cache[0] == stamp:
            return self._cache[1]
        latest = Latest()
        for _, doc in sorted(batches, key=lambda pair: batch_number(pair[0])):
            for entry in doc.get("answers", []) or []:
                if isinstance(entry, Mapping):
                    latest.apply(entry)
        for entry in self._pending:
            latest.apply(entry)
        self._cache = (stamp, latest)
        return latest

    def stage(self, entry: dict[str, Any]) -> None:
        self._pending.append(entry)
        self._cache = None

    @property
    def pending(self) -> int:
        return len(self._pending)

    def flush(self) -> None:
        """Write the staged answers as one batch. On a storage error they are dropped (the
        phones were not told they are saved) and the error goes on to the caller."""
        if not self._pending:
            return
        entries, self._pending = self._pending, []
        self._cache = None
        if self._last is None:
            numbers = [batch_number(i) for i, d in self.store.items(ANSWERS_TABLE) if _is_batch(d)]
            self._last = max(numbers, default=0)
        self._last += 1
        self.store.put(ANSWERS_TABLE, f"{BATCH}:{self._last}", {"kind": BATCH, "answers": entries})


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
