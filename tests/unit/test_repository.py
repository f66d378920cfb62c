import dataclasses

import pytest

from sessions.details import InvalidDetailsError, validate_details
from sessions.errors import SessionLockedError, SessionNotFoundError
from tests.conftest import DETAILS


def test_create_list_and_resolve(repository, theme):
    info, store = repository.create(theme, DETAILS)
    assert info.id == "20261124-1300-botilbuddet-solsikken"
    assert [s.id for s in info.agenda][:2] == [theme.agenda(90)[0].id, theme.agenda(90)[1].id]
    assert sum(s.minutes for s in info.agenda) == 90
    (summary,) = repository.list()
    assert (summary.workplace, summary.notes, summary.plan) == ("Botilbuddet Solsikken", 0, 90)
    assert repository.resolve_id("20261124") == info.id
    with pytest.raises(SessionLockedError):
        repository.open(info.id)
    repository.close(store)
    second, store2 = repository.create(theme, DETAILS)
    assert second.id == info.id + "-2"
    repository.close(store2)
    with pytest.raises(SessionNotFoundError, match="passer på 2 sessioner"):
        repository.resolve_id("2026")
    with pytest.raises(SessionNotFoundError, match="Der er ingen session 'nope'"):
        repository.resolve_id("nope")


def test_a_session_that_crashed_is_listed_from_its_files(repository, theme):
    info, store = repository.create(theme, DETAILS)
    store.put("notes", "1", {"segment_id": "x", "text": "a", "created_at": 1.0})
    # crash: never closed, so the index still says 0 notes
    (summary,) = repository.list()
    assert summary.notes == 1
    store.close()


def test_a_damaged_index_is_moved_aside_and_rebuilt(repository, theme, data_dir):
    info, store = repository.create(theme, DETAILS)
    repository.close(store)
    (data_dir / "index.json").write_text("{broken")
    (summary,) = repository.list()
    assert summary.id == info.id
    assert list(data_dir.glob("index.json.damaged-*"))
    assert repository.index.warnings


def test_a_damaged_session_is_listed_with_its_problem(repository, theme, data_dir):
    info, store = repository.create(theme, DETAILS)
    repository.close(store)
    (data_dir / "sessions" / info.id / "session.json").write_bytes(b"")
    (data_dir / "index.json").unlink()
    (summary,) = repository.list()
    assert "tom (0 byte)" in (summary.problem or "")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"workplace": "  \x1b[31m "}, "workplace"),
        ({"date": "24/11/2026"}, "date"),
        ({"start_time": "25:00"}, "start_time"),
        ({"participants": 0}, "participants"),
        ({"plan": 44}, "plan"),
        ({"plan": 181}, "plan"),
    ],
)
def test_invalid_details_name_the_field(change, field):
    with pytest.raises(InvalidDetailsError) as caught:
        validate_details(dataclasses.replace(DETAILS, **change))
    assert caught.value.field == field


def test_details_are_cleaned():
    details = validate_details(
        dataclasses.replace(DETAILS, workplace=" Bo\nstøtte ", start_time="9:05")
    )
    assert (details.workplace, details.start_time) == ("Bo støtte", "09:05")


def test_a_list_asked_again_at_once_is_reused_until_a_session_comes_goes_or_changes(
    repository, theme, monkeypatch
):
    looks: list[int] = []
    real = type(repository)._list

    def counted(self):  # type: ignore[no-untyped-def]
        looks.append(1)
        return real(self)

    monkeypatch.setattr(type(repository), "_list", counted)
    info, store = repository.create(theme, DETAILS)
    repository.close(store)
    first = repository.list()
    assert repository.list() == first and len(looks) == 1, "the start screen and the offer"
    first.clear()
    assert len(repository.list()) == 1, "each caller gets a list of its own"
    second, store2 = repository.create(theme, DETAILS)
    repository.close(store2)
    assert {s.id for s in repository.list()} == {info.id, second.id}, "a new one at once"
    repository.rename(second.id, "Et andet sted")
    assert "Et andet sted" in {s.workplace for s in repository.list()}, "a change at once"
    repository.delete(second.id)
    assert [s.id for s in repository.list()] == [info.id], "a deleted one goes at once"
