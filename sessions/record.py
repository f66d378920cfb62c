"""A session's own record: the booking stored in its `session` table, and the one-line summary
the start screen and the index list it by."""

from __future__ import annotations

from sessions.errors import SessionNotFoundError
from sessions.i18n import t
from sessions.models import SessionInfo, SessionSummary
from sessions.storage.session_store import SessionStore
from sessions.storage.tables import SESSION_TABLE


def info_of(store: SessionStore) -> SessionInfo:
    doc = store.get(SESSION_TABLE, "1")
    if doc is None:
        raise SessionNotFoundError(t("error.record_missing", folder=store.directory))
    return SessionInfo.from_dict(doc)


def session_ended_at(store: SessionStore) -> float | None:
    """When the session in `store` ended, or None while it is not finished."""
    from sessions.agenda.navigation import stored_entries
    from sessions.agenda.timing import ended_at

    return ended_at(stored_entries(store))


def summary_of(
    info: SessionInfo, notes: int, updated_at: float, *, ended_at: float | None = None
) -> SessionSummary:
    return SessionSummary(
        id=info.id,
        theme_id=info.theme_id,
        theme_title=info.theme_title,
        workplace=info.details.workplace,
        date=info.details.date,
        start_time=info.details.start_time,
        notes=notes,
        plan=info.details.plan,
        updated_at=updated_at,
        finished=ended_at is not None,
        ended_at=ended_at,
    )
