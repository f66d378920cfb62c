"""One session's database: a TinyDB snapshot file plus a journal of the changes since.

Every change is appended to the journal and fsynced before the call returns, so a change the
user was told about is on disk. The snapshot (`session.json`, a TinyDB database written by
`AtomicJSONStorage`) is rewritten from memory when the session is opened or closed and every
`COMPACT_EVERY` changes; a crash between the two steps is harmless because journal entries
carry a sequence number and the snapshot records the last one it holds.

A failed write (a full disk, an I/O error) refuses the change it was for and nothing else:
the change is not kept in memory, not left in the journal, and its sequence number is never
used again. Folding the journal into the snapshot is upkeep: when that fails, the changes are
still safe in the journal, so it is tried again later and never makes a saved change look
refused. The save that reaches `COMPACT_EVERY` does not wait for it either: the snapshot is
written in a thread of its own from the tables as they were (their documents are replaced by a
change, never altered), and the journal then keeps only the lines saved meanwhile. A crash at
any point leaves a snapshot and a journal that together hold every saved change.

The tables in `CURRENT_ONLY_TABLES` (the phones' answers) are not journalled: each lives in a
file of its own that `put_current` replaces whole, sorted, so the folder never tells in which
order their documents changed or what they held before.
"""

from __future__ import annotations

import copy
import json
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from filelock import BaseFileLock

from sessions.errors import DamagedFileError, SessionLockedError, StorageError
from sessions.i18n import t
from sessions.storage.atomic import (
    AtomicJSONStorage,
    atomic_write_bytes,
    describe_os_error,
    dump_json,
    read_json_tables,
    remove_stray_temp_files,
)
from sessions.storage.changes import Part, Sink, part_of
from sessions.storage.journal import Journal
from sessions.storage.owner import LockOwner, read_owner, remove_owner, write_owner
from sessions.storage.tables import CURRENT_ONLY_TABLES

SNAPSHOT_NAME = "session.json"
JOURNAL_NAME = "journal.jsonl"
LOCK_NAME = "lock"
META_TABLE = "_meta"
COMPACT_EVERY = 1000
COMPACT_RETRY_AFTER = 100
"""Changes to wait, after a failed compaction, before trying again (each try rewrites the
whole snapshot, which is wasted work while the disk stays full)."""
UPKEEP_DELAY = 0.02
"""Seconds a compaction in the background waits before it starts: the save that started it,
and the screen's repaint after it, go first (Python runs one thread at a time)."""
COMPACT_IN_BACKGROUND = True
"""Whether the compaction a save triggers runs in a thread (the save returns once its own line
is on disk); False runs it within the save (tests that script every file call in order)."""

Document = dict[str, Any]


def _file_lock(path: Path) -> BaseFileLock:
    """The session's one-writer lock. filelock is imported here, when a session is opened
    for writing, not when the start screen merely lists sessions."""
    from filelock import FileLock

    return FileLock(str(path), timeout=0)


class SessionStore:
    """The tables of one session in memory, every change durable on disk before it returns."""

    def __init__(self, directory: Path, *, readonly: bool = False) -> None:
        self.directory = directory
        self.readonly = readonly
        self._snapshot = AtomicJSONStorage(directory / SNAPSHOT_NAME)
        self._journal = Journal(directory / JOURNAL_NAME)
        self._lock: BaseFileLock | None = None  # only a writer takes it (see `_acquire`)
        self._tables: dict[str, dict[str, Document]] = {}
        self._highest_ids: dict[str, int] = {}
        self._indexes: dict[tuple[str, str], dict[Any, dict[str, Document]]] = {}
        """Documents by the value of one field (`items_where`), kept up to date by `_apply`
        and made again, when first asked for, after a load."""
        self._versions: dict[str, int] = {}
        self._loads = 0  # how many times the tables were read whole
        self._seq = 0  # the highest sequence number used, by a saved or a refused change
        self._compact_at = COMPACT_EVERY
        self._closed = False
        self.upkeep_error: StorageError | None = None
        """Why the last compaction failed (nothing was lost: the journal holds the changes)."""
        self.took_over: LockOwner | None = None
        """The process that had this session open before and ended without closing it."""
        self._claimed = False
        self.loads = 0
        """How many times the files have been read (a reader's caches are stale after one)."""
        self.revision = 0
        """Goes up with every journalled change and every read of the files: what was derived
        from the tables at one revision still holds while it stays the same."""
        self.written: Callable[[], None] | None = None
        """Called after each write to the files (from the writing thread): how the room views
        are told at once (`sessions/hints.py`)."""
        self.sink: Sink | None = None
        """Told, after every change saved (or, for a reader, every change read), which parts
        of the session it touched: the one way a window hears of a change."""
        self._unsaid = Part.NONE
        self._current_raw: dict[str, bytes] = {}
        """The last written form of each `CURRENT_ONLY_TABLES` table, read back only when
        someone asks for its documents (the writer rarely does: it keeps its own tally)."""
        self._upkeep: threading.Thread | None = None
        """A compaction running in the background, if any."""
        self._journal_lock = threading.Lock()
        """Held to append to the journal and to replace it (a compaction's last step)."""

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def create(
        cls,
        directory: Path,
        session_doc: Document,
        tables: dict[str, dict[str, Document]] | None = None,
    ) -> SessionStore:
        """Make a new session folder holding `session_doc` (and any other `tables`, as an
        import brings); the folder must not exist yet."""
        try:
            directory.mkdir(parents=True, exist_ok=False)
        except OSError as error:
            raise StorageError(
                t("error.could_not_make", path=directory, reason=describe_os_error(error))
            ) from error
        store = cls(directory)
        try:
            store._acquire()
            store._tables = copy.deepcopy(tables or {})
            store._tables["session"] = {"1": dict(session_doc)}
            for table in CURRENT_ONLY_TABLES:
                if table in store._tables:
                    store.write_current(table, current_payload(store._tables[table]))
            store._write_snapshot()
        except BaseException:
            store._release()
            shutil.rmtree(directory, ignore_errors=True)  # a session that was never made
            raise
        store._claim()
        return store

    @classmethod
    def open(cls, directory: Path, *, readonly: bool = False) -> SessionStore:
        """Open an existing session. Writers take the lock; readers never change a file."""
        store = cls(directory, readonly=readonly)
        if not readonly:
            store._acquire()
        try:
            store._load()
        except BaseException:
            store._release()
            raise
        if not readonly:
            store._claim()
        return store

    def close(self) -> None:
        """Fold the journal into the snapshot and release the lock."""
        if self._closed:
            return
        self._closed = True
        try:
            self.finish_upkeep()
            if not self.readonly and self._journal.count:
                self._try_compact()
        finally:
            self._journal.close()
            self._release()

    def _acquire(self) -> None:
        from filelock import Timeout

        try:
            self._lock = _file_lock(self.directory / LOCK_NAME)
            self._lock.acquire()
        except Timeout:
            raise SessionLockedError(self.directory.name, read_owner(self.directory)) from None
        except OSError as error:  # the lock file cannot be made: a full disk, no permission
            reason = describe_os_error(error)
            raise StorageError(
                t("error.could_not_open", path=self.directory, reason=reason)
            ) from error
        remove_stray_temp_files(self.directory)
        self.took_over = read_owner(self.directory)  # a record left means: not closed cleanly

    def _claim(self) -> None:
        write_owner(self.directory, LockOwner.me())
        self._claimed = True

    def _release(self) -> None:
        if self._claimed:
            remove_owner(self.directory)
            self._claimed = False
        if self._lock is not None and self._lock.is_locked:
            self._lock.release()

    def _load(self) -> None:
        data = self._snapshot.read()
        if data is None:
            raise DamagedFileError(self.directory / SNAPSHOT_NAME, t("error.file_missing"))
        meta = data.pop(META_TABLE, {}).get("1", {})
        self._seq = int(meta.get("seq", 0))
        self._tables = data
        self._indexes.clear()
        self._loads += 1
        entries, torn = self._journal.read()
        replayed = 0
        for entry in entries:
            if int(entry.get("seq", 0)) <= self._seq:
                continue
            self._apply(entry)
            replayed += 1
        for table, name in CURRENT_ONLY_TABLES.items():
            current = read_json_tables(self.directory / name)
            if current is not None:
                self._tables[table] = current
        self._current_raw.clear()
        self.loads += 1
        self.revision += 1
        self._unsaid = Part.NONE  # what was there when the files were opened is no change
        if not self.readonly and (entries or torn):
            self._try_compact()

    def reload(self) -> None:
        """Read the files again: how a read-only store follows the writer's changes."""
        if not self.readonly:
            raise RuntimeError("only a read-only store reloads")
        self._tables = {}
        self._highest_ids.clear()
        self._load()
        self._unsaid = Part.EVERYTHING

    def read_current(self) -> None:
        """Read the `CURRENT_ONLY_TABLES` files again (a reader, after the writer replaced
        one): the journal's tables stay as they are."""
        if not self.readonly:
            raise RuntimeError("only a read-only store reads its files again")
        for table, name in CURRENT_ONLY_TABLES.items():
            current = read_json_tables(self.directory / name)
            if current is not None:
                self._tables[table] = current
            else:
                self._tables.pop(table, None)
            self._versions[table] = self._versions.get(table, 0) + 1
            self._unsaid |= part_of(table)
            for key in [key for key in self._indexes if key[0] == table]:
                del self._indexes[key]
        self._current_raw.clear()
        self.loads += 1
        self.revision += 1

    def catch_up(self) -> None:
        """Read what the writer added to the journal since the last read: how a read-only
        store follows cheaply. When the journal is no longer the one read before (the writer
        folded it into a new snapshot), everything is read again."""
        if not self.readonly:
            raise RuntimeError("only a read-only store catches up")
        entries = self._journal.read_more()
        if entries is None:
            self.reload()
            return
        for entry in entries:
            if int(entry.get("seq", 0)) > self._seq:
                self._apply(entry)

    # -- reading -------------------------------------------------------------------------

    def get(self, table: str, doc_id: str) -> Document | None:
        """A copy of one document, or None."""
        doc = self._docs(table).get(doc_id)
        return copy.deepcopy(doc) if doc is not None else None

    def has(self, table: str, doc_id: str) -> bool:
        return doc_id in self._docs(table)

    def all(self, table: str) -> dict[str, Document]:
        """Copies of every document in `table`, by id, in insertion order."""
        return copy.deepcopy(self._docs(table))

    def items(self, table: str) -> list[tuple[str, Document]]:
        """The documents of `table` without copying them: read them, never change them."""
        return list(self._docs(table).items())

    def items_where(self, table: str, field: str, value: object) -> list[tuple[str, Document]]:
        """The documents of `table` whose `field` is `value`, without copying them (read them,
        never change them), in the order they were first put. Found through an index made on
        the first call, so a table of thousands answers for one value without a scan."""
        index = self._indexes.get((table, field))
        if index is None:
            index = {}
            for doc_id, doc in self._tables.get(table, {}).items():
                index.setdefault(_index_key(doc.get(field)), {})[doc_id] = doc
            self._indexes[(table, field)] = index
        return list(index.get(_index_key(value), {}).items())

    def version(self, table: str) -> tuple[int, int]:
        """Changes when anything in `table` may have changed: a cache of what was read from it
        is good while this stays the same."""
        return (self._loads, self._versions.get(table, 0))

    def count(self, table: str) -> int:
        return len(self._docs(table))

    def _docs(self, table: str) -> dict[str, Document]:
        raw = self._current_raw.pop(table, None)
        if raw is not None:  # written since last asked: read back what was written
            self._tables[table] = json.loads(raw)
        return self._tables.get(table, {})

    def next_id(self, table: str) -> str:
        """A fresh document id for `table` (never one used earlier while the store is open)."""
        if table not in self._highest_ids:
            ids = [int(i) for i in self._tables.get(table, {}) if i.isdigit()]
            self._highest_ids[table] = max(ids, default=0)
        return str(self._highest_ids[table] + 1)

    def export_tables(self) -> dict[str, dict[str, Document]]:
        """A deep copy of every table, for export."""
        for table in list(self._current_raw):
            self._docs(table)
        return copy.deepcopy(self._tables)

    # -- writing -------------------------------------------------------------------------

    def put(self, table: str, doc_id: str, doc: Document) -> None:
        """Insert or replace one document; durable when this returns."""
        self._change({"op": "put", "table": table, "id": doc_id, "doc": doc})

    def put_current(self, table: str, payload: bytes) -> None:
        """Replace the whole of `table`, one of `CURRENT_ONLY_TABLES`, with `payload` (its
        documents as a JSON object, keys sorted: no order of arrival, no history); durable when
        this returns, unchanged when it raises."""
        self.write_current(table, payload)
        self.current_written(table, payload)

    def write_current(self, table: str, payload: bytes) -> None:
        """The file half of `put_current`: only writes the file, so it may run in a worker
        thread while the event loop goes on. Call `current_written` once it has returned.
        Nothing else happens here: each system call in a worker waits for the interpreter's
        lock while the loop is busy (under a burst of phones, up to 5 ms each)."""
        if self.readonly or self._closed:
            raise RuntimeError("this session is not open for writing")
        atomic_write_bytes(self.directory / CURRENT_ONLY_TABLES[table], payload)

    def current_written(self, table: str, payload: bytes) -> None:
        """`payload` is on disk: it is the table now (the room views hear it at once)."""
        self._hint()
        self._current_raw[table] = payload
        self._tables.pop(table, None)
        self._unsaid |= part_of(table)
        self.tell()

    def forget(self, table: str, doc_ids: list[str]) -> None:
        """Remove many documents at once by folding the journal into a snapshot without them:
        how an older format is retired after it was written anew (a crash before this
        returns leaves them, and the caller retires them again next time)."""
        if self.readonly or self._closed:
            raise RuntimeError("this session is not open for writing")
        kept = self._docs(table)
        removed = {doc_id: kept.pop(doc_id) for doc_id in doc_ids if doc_id in kept}
        try:
            self.compact()
        except BaseException:
            kept.update(removed)
            raise
        self._unsaid |= part_of(table)
        self.tell()

    def delete(self, table: str, doc_id: str) -> None:
        """Remove one document; durable when this returns."""
        self._change({"op": "delete", "table": table, "id": doc_id})

    def compact(self) -> None:
        """Write the snapshot and empty the journal (after any compaction under way)."""
        self.finish_upkeep()
        self._write_snapshot()
        self._journal.reset()
        self._hint()

    def finish_upkeep(self) -> None:
        """Wait for a compaction running in the background to end."""
        upkeep = self._upkeep
        if upkeep is not None and upkeep is not threading.current_thread():
            upkeep.join()

    def _start_compaction(self) -> None:
        """Fold the journal into a snapshot without making the save that asked wait: the
        tables as they are now (a shallow copy: a change replaces a document, never alters
        it) are written in a thread, and the journal then keeps only what came after."""
        if not COMPACT_IN_BACKGROUND:
            self._try_compact()
            return
        tables = {
            name: dict(docs)
            for name, docs in self._tables.items()
            if name not in CURRENT_ONLY_TABLES
        }
        upkeep = threading.Thread(
            target=self._compact_in_background,
            args=(self._seq, self._journal.size, tables),
            name="oplaeg-compaction",
            daemon=True,
        )
        self._upkeep = upkeep
        upkeep.start()

    def _compact_in_background(
        self, seq: int, journal_size: int, tables: dict[str, dict[str, Document]]
    ) -> None:
        time.sleep(UPKEEP_DELAY)  # the save that started it returns first, not after a turn
        try:
            atomic_write_bytes(self.directory / SNAPSHOT_NAME, _snapshot_bytes(seq, tables))
            with self._journal_lock:
                self._journal.keep_from(journal_size)
        except StorageError as error:
            self._compaction_ended(error)
        else:
            self._compaction_ended(None)
            self._hint()  # the journal is shorter now: a room view reads it from the start
        finally:
            self._upkeep = None

    def _try_compact(self) -> None:
        """Compact, or keep the journal as it is when that cannot be done now."""
        try:
            self.compact()
        except StorageError as error:
            self._compaction_ended(error)
        else:
            self._compaction_ended(None)

    def _compaction_ended(self, error: StorageError | None) -> None:
        """A failed compaction is tried again a little later; the journal keeps everything."""
        self.upkeep_error = error
        if error is None:
            self._compact_at = COMPACT_EVERY
        else:
            self._compact_at = self._journal.count + COMPACT_RETRY_AFTER

    def _change(self, entry: Document) -> None:
        if self.readonly or self._closed:
            raise RuntimeError("this session is not open for writing")
        self._seq += 1  # used up even when the change is refused: it is never written twice
        entry = {"seq": self._seq, **copy.deepcopy(entry)}
        with self._journal_lock:
            self._journal.append(entry)
        self._apply(entry)
        if self._journal.count >= self._compact_at and self._upkeep is None:
            self._start_compaction()  # the change is saved: upkeep never makes it look refused
        self._hint()
        self.tell()

    def _hint(self) -> None:
        """The files changed: whoever follows them hears it now."""
        if self.written is not None:
            self.written()

    def tell(self) -> None:
        """Tell the sink which parts changed since it was last told (a writer calls this after
        each change; a reader after reading what the writer added)."""
        parts, self._unsaid = self._unsaid, Part.NONE
        if parts and self.sink is not None:
            self.sink(parts)

    def _apply(self, entry: Document) -> None:
        self.revision += 1
        name = str(entry["table"])
        self._unsaid |= part_of(name)
        table = self._tables.setdefault(name, {})
        doc_id = str(entry["id"])
        self._versions[name] = self._versions.get(name, 0) + 1
        for (indexed, field), index in self._indexes.items():
            if indexed == name:
                _reindex(index, field, doc_id, table.get(doc_id), entry.get("doc"))
        if entry["op"] == "put":
            table[doc_id] = entry["doc"]
            if doc_id.isdigit() and entry["table"] in self._highest_ids:
                highest = self._highest_ids[entry["table"]]
                self._highest_ids[entry["table"]] = max(highest, int(doc_id))
        elif entry["op"] == "delete":
            table.pop(doc_id, None)
        self._seq = max(self._seq, int(entry["seq"]))

    def _write_snapshot(self) -> None:
        data: dict[str, dict[str, Document]] = {META_TABLE: {"1": {"seq": self._seq, "format": 1}}}
        data.update(
            (name, docs) for name, docs in self._tables.items() if name not in CURRENT_ONLY_TABLES
        )
        self._snapshot.write(data)


def _snapshot_bytes(seq: int, tables: dict[str, dict[str, Document]]) -> bytes:
    """The snapshot file's bytes (as `dump_json` writes them), made a document at a time: a
    compaction in the background leaves the event loop a turn between documents instead of
    holding it for the whole session."""
    parts = [b'{"', META_TABLE.encode(), b'":', dump_json({"1": {"seq": seq, "format": 1}})]
    for name, docs in tables.items():
        parts += [b",", dump_json(name), b":{"]
        parts.append(
            b",".join(dump_json(doc_id) + b":" + dump_json(doc) for doc_id, doc in docs.items())
        )
        parts.append(b"}")
    parts.append(b"}")
    return b"".join(parts)


def _index_key(value: object) -> object:
    """A field's value as an index key (a list or a mapping, which cannot be one, by its text)."""
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value


def _reindex(
    index: dict[Any, dict[str, Document]],
    field: str,
    doc_id: str,
    old: Document | None,
    new: Document | None,
) -> None:
    """Move `doc_id` in `index` from where `old` had it to where `new` has it (None: absent)."""
    new_key = _index_key(new.get(field)) if new is not None else None
    if old is not None:
        key = _index_key(old.get(field))
        bucket = index.get(key)
        if bucket is not None:
            if new is not None and key == new_key:
                bucket[doc_id] = new  # the same place in its bucket, as in its table
                return
            bucket.pop(doc_id, None)
            if not bucket:
                del index[key]
    if new is not None:
        index.setdefault(new_key, {})[doc_id] = new


def current_payload(docs: dict[str, Document]) -> bytes:
    """How a `CURRENT_ONLY_TABLES` table is written: every key sorted, at every level."""
    return json.dumps(docs, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
