"""All sessions in a data folder: create, list, find and open them."""

from __future__ import annotations

import builtins
import contextlib
import os
import shutil
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from sessions.clock import Clock
from sessions.details import InvalidDetailsError, validate_details
from sessions.errors import OplaegError, SessionNotFoundError, StorageError
from sessions.i18n import t
from sessions.models import (
    Action,
    SessionDetails,
    SessionInfo,
    SessionSummary,
    is_session_id,
)
from sessions.record import info_of, session_ended_at, summary_of
from sessions.storage.durable import rename
from sessions.storage.index import SessionIndex
from sessions.storage.locations import index_path, sessions_dir
from sessions.storage.session_store import JOURNAL_NAME, SNAPSHOT_NAME, SessionStore
from sessions.storage.tables import SESSION_TABLE
from sessions.storage.workplaces import WorkplaceNames
from sessions.text import clean_line

if TYPE_CHECKING:
    # The start screen lists sessions; what creating, importing or finishing one needs loads
    # when that is done.
    from sessions.followup.repeat import Repeat
    from sessions.imports.check import Tables
    from sessions.theme.model import Theme

NOTES_TABLE = "notes"
ACTIONS_TABLE = "actions"
TRASH_FOLDER = "trash"
TRASH_DAYS = 30
RESUME_WITHIN_SECONDS = 12 * 3600
"""A session changed this recently (and not finished) is offered to go on with at start-up."""


LIST_FRESH_SECONDS = 0.5
"""How long a list of the sessions is given again while nothing it was read from changed."""


class SessionRepository:
    """The sessions stored under one data folder."""

    def __init__(self, data_dir: Path, clock: Clock) -> None:
        self.data_dir = data_dir
        self.clock = clock
        self.root = sessions_dir(data_dir)
        self.index = SessionIndex(index_path(data_dir))
        self.workplaces = WorkplaceNames(data_dir)
        self.takeovers: list[str] = []
        """Messages about sessions taken over from a process that ended without closing them;
        whoever shows messages to the user takes them from here."""
        self._listing = threading.Lock()
        self._listed: tuple[tuple[object, ...], float, builtins.list[SessionSummary]] | None = None

    def create(self, theme: Theme, details: SessionDetails) -> tuple[SessionInfo, SessionStore]:
        """Create and save a new session; it is returned open for writing."""
        from sessions.agenda.pages import planned_agenda
        from sessions.agenda.plan_fit import SessionTooShortError

        details = validate_details(details)
        try:
            agenda = planned_agenda(theme, details.plan)
        except SessionTooShortError as error:
            raise InvalidDetailsError("plan", str(error)) from None
        session_id = self._new_id(details)
        info = SessionInfo(
            id=session_id,
            theme_id=theme.id,
            theme_title=theme.title,
            details=details,
            created_at=self.clock.wall(),
            agenda=agenda,
            language=theme.language,
        )
        self.root.mkdir(parents=True, exist_ok=True)
        store = SessionStore.create(self.root / session_id, info.to_dict())
        self._update_index(summary_of(info, 0, self.clock.wall()))
        self._hint_rooms(store, session_id)
        return info, store

    def import_export(self, data: object) -> SessionInfo:
        """Create a session from a JSON export (`oplaeg export --format json`). The whole
        document is checked before anything is written (`ImportProblem` says what is wrong and
        where); a session with the same id gets a new one."""
        from sessions.imports.check import check_export

        return self.import_tables(check_export(data))

    def import_tables(self, tables: Tables) -> SessionInfo:
        """Create a session from the tables `check_export` or `read_export` returned."""
        info = SessionInfo.from_dict(tables["session"]["1"])
        session_id = info.id
        number = 2
        while (self.root / session_id).exists():
            session_id, number = f"{info.id}-{number}", number + 1
        folder = self.root / session_id
        if not is_session_id(session_id) or folder.parent != self.root:
            raise OplaegError(t("error.bad_session_id", id=session_id))  # checked before
        info = replace(info, id=session_id)
        store = SessionStore.create(folder, info.to_dict(), tables)
        notes = store.count(NOTES_TABLE)
        ended = session_ended_at(store)
        store.close()
        self._update_index(summary_of(info, notes, self.clock.wall(), ended_at=ended))
        return info

    def _update_index(self, summary: SessionSummary) -> None:
        """Best effort: a session missing from the index is read from its folder instead."""
        with contextlib.suppress(StorageError):
            self.index.put(summary.to_dict())

    def sessions_of(self, workplace: str) -> list[SessionSummary]:
        """The readable sessions of one workplace, newest first: matched by name, ignoring case,
        and by the spellings joined to it (`WorkplaceNames`)."""
        aliases = self.workplaces.aliases()
        wanted = self.workplaces.key(workplace, aliases)
        return [
            s
            for s in self.list()
            if not s.problem and self.workplaces.key(s.workplace, aliases) == wanted
        ]

    def previous_scales(self, workplace: str, exclude: str) -> Repeat | None:
        """The statements the latest earlier session for the same workplace answered on a
        scale, to ask again (see `sessions.followup.repeat`)."""
        from sessions.followup.repeat import earlier_scales

        for summary in self.sessions_of(workplace):
            if summary.id == exclude:
                continue
            info, store = self.open(summary.id, readonly=True)
            try:
                found = earlier_scales(info, store)
            finally:
                store.close()
            if found is not None and found.statements:
                return found
        return None

    def previous_actions(
        self, workplace: str, exclude: str
    ) -> tuple[SessionInfo, list[Action]] | None:
        """The latest earlier session for the same workplace that made an action plan."""
        for summary in self.sessions_of(workplace):  # newest first
            if summary.id == exclude:
                continue
            info, store = self.open(summary.id, readonly=True)
            try:
                actions = [Action.from_dict({"id": i, **d}) for i, d in store.items(ACTIONS_TABLE)]
            finally:
                store.close()
            if actions:
                return info, sorted(actions, key=lambda a: a.created_at)
        return None

    def rename(self, session_id: str, workplace: str) -> SessionInfo:
        """Change the workplace a session is listed under (its id stays)."""
        name = clean_line(workplace)
        if not name:
            raise InvalidDetailsError("workplace", t("error.workplace_needed"))
        info, store = self.open(session_id)
        try:
            info = replace(info, details=replace(info.details, workplace=name))
            store.put(SESSION_TABLE, "1", info.to_dict())
        finally:
            self.close(store)
        return info

    def delete(self, session_id: str) -> Path:
        """Move a session to the trash folder (kept there; `restore` brings it back)."""
        session_id = self.resolve_id(session_id)
        store = SessionStore.open(self.root / session_id)  # refuses a session open elsewhere
        self._note_takeover(store)
        store.close()
        trash = self.data_dir / TRASH_FOLDER
        trash.mkdir(exist_ok=True)
        stamp = time.strftime(TRASH_STAMP, time.localtime(self.clock.wall()))
        target = trash / f"{session_id}--{stamp}"
        rename(self.root / session_id, target)
        self.index.remove(session_id)
        return target

    def trashed(self) -> list[Path]:
        trash = self.data_dir / TRASH_FOLDER
        return sorted(trash.iterdir()) if trash.is_dir() else []

    def restore(self, name: str) -> str:
        """Bring a deleted session back from the trash; returns its id."""
        matches = [p for p in self.trashed() if p.name == name or p.name.startswith(name)]
        if len(matches) != 1:
            raise SessionNotFoundError(t("error.no_deleted_session", name=name))
        session_id = matches[0].name.split("--")[0]
        if (self.root / session_id).exists():
            raise OplaegError(t("error.session_exists", id=session_id))
        rename(matches[0], self.root / session_id)
        store = SessionStore.open(self.root / session_id, readonly=True)
        try:
            self.index.put(
                summary_of(
                    info_of(store),
                    store.count(NOTES_TABLE),
                    self.clock.wall(),
                    ended_at=session_ended_at(store),
                ).to_dict()
            )
        finally:
            store.close()
        return session_id

    def empty_trash(self, older_than_days: int = TRASH_DAYS) -> None:
        """Remove deleted sessions that have been in the trash longer than `older_than_days`.

        A session's age is read from the deletion time in its folder name (written by
        `delete` from the injected clock), never from the file system's clock; a folder
        whose name holds no such time is kept."""
        limit = self.clock.wall() - older_than_days * 86400
        for folder in self.trashed():
            deleted_at = trashed_at(folder.name)
            if deleted_at is not None and deleted_at < limit:
                shutil.rmtree(folder, ignore_errors=True)

    def list(self) -> list[SessionSummary]:
        """Every session, newest first; unreadable ones carry a `problem`. Asked again within
        `LIST_FRESH_SECONDS` while neither the sessions' folder nor the index changed (the
        start screen and the offer to resume both ask at start-up, from two threads), the
        same list is given again instead of looking at every session once more."""
        with self._listing:
            key = (_stamp(self.root), _stamp(self.index.path))
            now = time.monotonic()
            if self._listed is not None:
                was, when, listed = self._listed
                if was == key and now - when < LIST_FRESH_SECONDS:
                    return list(listed)
            listed = self._list()
            self._listed = (key, now, listed)
            return list(listed)

    def _list(self) -> builtins.list[SessionSummary]:
        indexed = self.index.read()
        summaries: list[SessionSummary] = []
        for folder in _session_folders(self.root):
            # One look at the journal per session (the start screen lists hundreds): its size,
            # or that there is none (then a snapshot must be there).
            try:
                unchanged = os.stat(folder / JOURNAL_NAME).st_size == 0
            except FileNotFoundError:
                if not (folder / SNAPSHOT_NAME).exists():
                    continue
                unchanged = True
            except OSError:
                unchanged = False  # read from the folder, which says what is wrong
            entry = indexed.get(folder.name)
            # An entry from before sessions could be finished is read again from the folder.
            if entry is not None and "finished" in entry and unchanged:
                summaries.append(SessionSummary(**entry))
            else:
                summaries.append(self._read_summary(folder))
        return sorted(summaries, key=lambda s: (s.date, s.start_time, s.id), reverse=True)

    def recent(self, now: float) -> SessionSummary | None:
        """The session to offer to go on with at start-up: of the readable, unfinished sessions
        changed within `RESUME_WITHIN_SECONDS` of `now`, the one changed last. A finished
        session is never offered (it is reopened only by choosing it)."""
        candidates = [
            s
            for s in self.list()
            if not s.problem and not s.finished and now - s.updated_at < RESUME_WITHIN_SECONDS
        ]
        return max(candidates, key=lambda s: (s.updated_at, s.id), default=None)

    def resolve_id(self, text: str) -> str:
        """The id of the session named by `text`: its full id or a unique beginning of it."""
        names = [p.name for p in self.root.glob("*") if (p / SNAPSHOT_NAME).exists()]
        if text in names:
            return text
        matches = [n for n in names if n.startswith(text)] if text else []
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            shown = ", ".join(sorted(matches)[:5])
            raise SessionNotFoundError(
                t("error.ambiguous_session", text=text, count=len(matches), matches=shown)
            )
        raise SessionNotFoundError(t("error.no_session", text=text))

    def open(self, session_id: str, *, readonly: bool = False) -> tuple[SessionInfo, SessionStore]:
        """Open a session; writers get the session's lock or `SessionLockedError`."""
        folder = self.root / self.resolve_id(session_id)
        store = SessionStore.open(folder, readonly=readonly)
        self._note_takeover(store)
        info = info_of(store)
        if not readonly:
            self._hint_rooms(store, info.id)
        return info, store

    def _hint_rooms(self, store: SessionStore, session_id: str) -> None:
        """The room views that follow this session hear of each write at once."""
        from sessions.hints import RoomHints

        store.written = RoomHints(self.data_dir, session_id).send

    def _note_takeover(self, store: SessionStore) -> None:
        if store.took_over is not None:
            self.takeovers.append(store.took_over.taken_over(store.directory.name))

    def close(self, store: SessionStore) -> None:
        """Close a writable session and bring its index entry up to date."""
        try:
            store.close()
        finally:
            if not store.readonly:
                self.update_summary(store)

    def update_summary(self, store: SessionStore) -> SessionSummary:
        """Bring the session's index entry up to date (notes, finished or not) now."""
        summary = summary_of(
            info_of(store),
            store.count(NOTES_TABLE),
            self.clock.wall(),
            ended_at=session_ended_at(store),
        )
        self.index.put(summary.to_dict())
        return summary

    def _read_summary(self, folder: Path) -> SessionSummary:
        try:
            store = SessionStore.open(folder, readonly=True)
        except OplaegError as error:
            return SessionSummary(folder.name, "", "", "", "", "", 0, 0, problem=str(error))
        try:
            changed = max(p.stat().st_mtime for p in folder.iterdir())
            return summary_of(
                info_of(store),
                store.count(NOTES_TABLE),
                changed,
                ended_at=session_ended_at(store),
            )
        finally:
            store.close()

    def _new_id(self, details: SessionDetails) -> str:
        stamp = details.date.replace("-", "") + "-" + details.start_time.replace(":", "")
        from sessions.theme.parser import slugify

        base = f"{stamp}-{slugify(details.workplace)[:32].strip('-')}"
        candidate, number = base, 2
        while (self.root / candidate).exists():
            candidate, number = f"{base}-{number}", number + 1
        return candidate


TRASH_STAMP = "%Y%m%d-%H%M%S"


def trashed_at(folder_name: str) -> float | None:
    """When a trashed session was deleted, from its folder name (`<id>--<stamp>`)."""
    _, separator, stamp = folder_name.rpartition("--")
    if not separator:
        return None
    try:
        return time.mktime(time.strptime(stamp, TRASH_STAMP))
    except (ValueError, OverflowError):
        return None


def _session_folders(root: Path) -> list[Path]:
    """The folders in `root`, sorted by name (files beside them are not sessions)."""
    try:
        with os.scandir(root) as entries:
            names = sorted(entry.name for entry in entries if entry.is_dir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [root / name for name in names]


def _stamp(path: Path) -> tuple[int, int] | None:
    """What changes when `path` changes (a file written, a folder added or removed)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size)
