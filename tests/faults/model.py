"""A user typing notes into a session, and the check of what the disk holds afterwards.

The writer saves each note as the app does (`next_id`, then `put`). When a save is refused the
text stays in the form: the user tries again (the same text, a fresh `next_id`) or gives up.
Afterwards every acknowledged note must be on disk exactly once, and no note whose every try
was refused may be there.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sessions.errors import OplaegError, StorageError
from sessions.storage.session_store import JOURNAL_NAME, SessionStore

NOTES = "notes"


@dataclass
class Ledger:
    """What the user was told about each text."""

    acked: set[str] = field(default_factory=set)
    abandoned: set[str] = field(default_factory=set)  # every try refused, then given up
    refusals: int = 0

    def merge(self, other: Ledger) -> None:
        self.acked |= other.acked
        self.abandoned |= other.abandoned
        self.refusals += other.refusals


def save_note(store: SessionStore, text: str) -> bool:
    """One try at saving `text` as a new note, as the note form does; True when saved."""
    try:
        store.put(NOTES, store.next_id(NOTES), {"text": text})
    except StorageError:
        return False
    return True


@dataclass
class Findings:
    acknowledged: int = 0
    lost: int = 0
    duplicated: int = 0
    refused_but_saved: int = 0
    torn: int = 0
    seq_repeats: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, other: Findings) -> None:
        for name in ("acknowledged", "lost", "duplicated", "refused_but_saved", "torn"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seq_repeats += other.seq_repeats
        self.problems.extend(other.problems)

    @property
    def clean(self) -> bool:
        bad = (self.lost, self.duplicated, self.refused_but_saved, self.torn, self.seq_repeats)
        return not any(bad)


def journal_entries(folder: Path) -> list[dict[str, Any]]:
    """The journal's complete lines, in file order (a torn last line is left out)."""
    path = folder / JOURNAL_NAME
    if not path.exists():
        return []
    lines = path.read_bytes().split(b"\n")[:-1]
    return [json.loads(line) for line in lines]


def journal_seqs(folder: Path) -> list[int]:
    """The sequence numbers of the journal's complete lines, in file order."""
    return [int(entry["seq"]) for entry in journal_entries(folder)]


def check(folder: Path, ledger: Ledger) -> Findings:
    """Open the session as a new process would and compare it with what the user was told."""
    found = Findings(acknowledged=len(ledger.acked))
    try:
        store = SessionStore.open(folder, readonly=True)
    except OplaegError as error:
        found.torn = 1
        found.problems.append(f"cannot open: {error}")
        return found
    try:
        texts = Counter(str(doc["text"]) for _, doc in store.items(NOTES))
    finally:
        store.close()
    missing = ledger.acked - set(texts)
    found.lost = len(missing)
    found.duplicated = sum(count - 1 for count in texts.values())
    saved_anyway = ledger.abandoned & set(texts)
    found.refused_but_saved = len(saved_anyway)
    try:
        seqs = journal_seqs(folder)
    except (ValueError, KeyError) as error:
        found.torn = 1
        found.problems.append(f"damaged journal line: {error}")
        seqs = []
    found.seq_repeats = sum(1 for a, b in zip(seqs, seqs[1:], strict=False) if b <= a)
    if missing:
        found.problems.append(f"lost: {sorted(missing)[:5]}")
    if found.duplicated:
        found.problems.append(f"twice: {[t for t, c in texts.items() if c > 1][:5]}")
    if saved_anyway:
        found.problems.append(f"refused but saved: {sorted(saved_anyway)[:5]}")
    if found.seq_repeats:
        found.problems.append(f"journal sequence numbers: {seqs}")
    return found
