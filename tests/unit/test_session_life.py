"""A session's life: ended sessions are marked finished in the list, never offered to go on
with, and reopened only by choice."""

import json
import os

from sessions.live import LiveSession
from sessions.models import SessionDetails
from sessions.repository import RESUME_WITHIN_SECONDS
from sessions.storage.locations import index_path
from tests.conftest import DETAILS


def create(repository, theme, clock, workplace="Botilbuddet Solsikken"):
    details = SessionDetails(**{**DETAILS.__dict__, "workplace": workplace})
    info, store = repository.create(theme, details)
    return LiveSession(repository, info, store, theme, clock)


def test_ending_marks_the_session_finished_in_the_list(repository, theme, clock):
    live = create(repository, theme, clock)
    live.nav.start()
    clock.advance(90 * 60)
    live.finish()
    ended = clock.wall()
    (summary,) = repository.list()
    assert summary.finished and summary.ended_at == ended, "at once, not only when closed"
    clock.advance(60)
    live.close()
    (summary,) = repository.list()
    assert summary.finished and summary.ended_at == ended
    assert summary.to_dict()["finished"] is True


def test_the_resume_offer_is_the_latest_unfinished_session_of_the_last_12_hours(
    repository, theme, clock
):
    assert repository.recent(clock.wall()) is None
    first = create(repository, theme, clock, "Hjemmeplejen Nord")
    first.nav.start()
    first.close()
    clock.advance(3600)
    second = create(repository, theme, clock, "Botilbuddet Solsikken")
    second.nav.start()
    second.close()
    assert repository.recent(clock.wall()).id == second.info.id
    # Finishing the latest leaves the earlier one to offer; finished ones never are.
    info, store = repository.open(second.info.id)
    again = LiveSession(repository, info, store, theme, clock)
    again.finish()
    again.close()
    assert repository.recent(clock.wall()).id == first.info.id
    # Twelve hours after its last change, nothing is offered.
    clock.advance(RESUME_WITHIN_SECONDS - 3600)
    assert repository.recent(clock.wall()) is None


def test_a_session_reopened_by_choice_is_unfinished_again(repository, theme, clock):
    live = create(repository, theme, clock)
    live.nav.start()
    live.finish()
    assert repository.recent(clock.wall()) is None
    assert live.reopen()
    (summary,) = repository.list()
    assert not summary.finished and summary.ended_at is None
    live.close()
    assert repository.recent(clock.wall()).id == live.info.id


def test_an_index_from_before_finished_sessions_is_read_again(repository, theme, clock, data_dir):
    live = create(repository, theme, clock)
    live.nav.start()
    live.finish()
    live.close()
    index = index_path(data_dir)
    data = json.loads(index.read_text())
    (entry,) = data["_default"].values()
    assert entry["finished"] is True
    del entry["finished"], entry["ended_at"]
    index.write_text(json.dumps(data))
    (summary,) = repository.list()
    assert summary.finished, "read from the session's own time log"


def test_a_crashed_session_is_offered_by_the_time_of_its_files(repository, theme, clock, data_dir):
    live = create(repository, theme, clock)
    live.nav.start()
    live.store._lock.release()  # killed: the journal holds the changes, the index is old
    for path in (data_dir / "sessions" / live.info.id).iterdir():
        os.utime(path, (clock.wall() + 120, clock.wall() + 120))
    summary = repository.recent(clock.wall() + 600)
    assert summary is not None and summary.id == live.info.id
    assert summary.updated_at == clock.wall() + 120 and not summary.finished
