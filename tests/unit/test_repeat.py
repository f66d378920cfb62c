"""Statements asked again (`repeat: yes`, `sessions.followup.repeat`), joined spellings of a
workplace, and the stored comparison's checks on import."""

from __future__ import annotations

import pytest

from sessions.errors import OplaegError
from sessions.exercises.scale import ScaleKind, ScaleState, counts_shown
from sessions.followup.repeat import (
    REPEAT_ITEM_ID,
    EarlierStatement,
    Repeat,
    changes,
    stored_repeat,
)
from sessions.imports.shapes import ImportProblem
from sessions.storage.workplaces import WorkplaceNames
from sessions.theme.parser import parse_theme
from tests.followup_helpers import WORKPLACE, session, three_sessions
from tests.unit.test_theme_parser import example


def scale_theme(setting: str) -> tuple[object, list[str]]:
    text = example().replace("format: reflection", f"format: scale\nscale: 1-5\n{setting}")
    theme, problems = parse_theme(text, "eksempel.md")
    return theme, [p.format("da") for p in problems]


def test_a_scale_is_marked_to_repeat_with_yes_or_ja():
    for value, expected in (("yes", True), ("ja", True), ("no", False), ("nej", False)):
        theme, problems = scale_theme(f"repeat: {value}")
        assert problems == []
        segment = next(s for s in theme.segments if s.format and s.format.value == "scale")
        assert segment.options.repeat is expected
        assert ScaleKind().initial(segment, 10).repeat is expected
    theme, problems = scale_theme("labels: Slet ikke | Helt")
    assert (
        problems == []
        and not next(
            s for s in theme.segments if s.format and s.format.value == "scale"
        ).options.repeat
    )
    _, problems = scale_theme("repeat: måske")
    assert any("'repeat' skal være 'yes' eller 'no'" in p for p in problems)


def test_every_bundled_scale_is_marked(library):
    scales = [
        segment
        for entry in library.entries()
        if entry.theme is not None and entry.origin.value == "bundled"
        for segment in entry.theme.segments
        if segment.format is not None and segment.format.value == "scale"
    ]
    assert len(scales) >= 6 and all(s.options.repeat for s in scales)


def test_the_mark_is_stored_only_when_set_and_read_back():
    state = ScaleState(("A",), repeat=True)
    assert state.to_doc()["repeat"] is True
    assert ScaleKind().load(state.to_doc()).repeat
    assert "repeat" not in ScaleState(("A",)).to_doc()
    assert not ScaleKind().load({"statements": ["A"], "repeat": "yes"}).repeat


def test_small_groups_see_per_value_counts_only_on_a_result_step():
    assert not counts_shown(10, results=False)
    assert counts_shown(10, results=True)
    assert counts_shown(11, results=False)


def test_changes_match_statements_by_text_and_count_phones():
    repeat = Repeat("s1", "2027-03-10", "", 1, 5, (), (EarlierStatement("A", (0, 2, 2, 0, 0)),))
    state = ScaleState(("a", "B"), counts=((0, 0, 1, 1, 0), (1, 0, 0, 0, 0)))
    found = changes(repeat, state, {0: {5: 2}})
    assert found[0].last_average == 2.5 and found[0].now_average == 4.25
    assert found[0].change == pytest.approx(1.75)
    assert found[1].last_hands == 0 and found[1].change is None


def test_a_stored_repeat_is_read_tolerantly():
    odd = Repeat.from_doc(
        {"low": 7, "high": 2, "statements": [{"text": "A", "counts": [1, "x", -3, 9, 9, 9]}, 5]}
    )
    assert (odd.low, odd.high) == (1, 5)
    assert odd.statements == (EarlierStatement("A", (1, 0, 0, 9, 9)),)


def test_only_chosen_statements_are_asked_and_kept_with_last_times_answers(
    library, repository, clock
):
    three_sessions(repository, library, clock, last=1)
    live = session(repository, library, clock, 1)
    stored = stored_repeat(live.store)
    assert stored is not None and stored.from_date == "2027-03-10"
    assert [s.text for s in stored.statements] == list(
        live.exercises.state(live.theme.segment(REPEAT_ITEM_ID)).statements
    )
    assert stored.statements[0].counts == (0, 4, 6, 2, 0)
    from sessions.phones.answers import AnswerMode, answer_mode

    asked = [p for p in live.pages if p.segment.id == REPEAT_ITEM_ID]
    assert [answer_mode(p) for p in asked] == [AnswerMode.SCALE, None], "phones answer the count"
    again = stored.choose([stored.statements[1].text.upper()])
    assert [s.text for s in again.statements] == [stored.statements[1].text]
    live.close()


def test_joined_spellings_follow_each_other(tmp_path):
    names = WorkplaceNames(tmp_path)
    assert names.key("Solsikken") != names.key("Botilbuddet Solsikken")
    assert names.merge("Botilbuddet Solsikken", "Solsikken") == "Botilbuddet Solsikken"
    assert names.key("SOLSIKKEN") == names.key("botilbuddet solsikken")
    assert names.name("solsikken") == "Botilbuddet Solsikken"
    names.merge("Solsikken", "Solsikken Syd")  # joined to an alias: follows it to the name
    assert names.name("Solsikken Syd") == "Botilbuddet Solsikken"
    assert names.spellings("solsikken syd") == ["Solsikken", "Solsikken Syd"]
    with pytest.raises(OplaegError, match="allerede samme arbejdsplads"):
        names.merge("Solsikken Syd", "Botilbuddet Solsikken")
    with pytest.raises(OplaegError):
        names.merge("", "x")
    (tmp_path / "workplaces.json").write_text("{not json", encoding="utf-8")
    assert names.aliases() == {}, "a damaged file joins nothing and breaks nothing"


def test_the_import_check_refuses_a_repeat_with_absurd_values(library, repository, clock):
    import json

    from sessions.export import export_session
    from sessions.imports.check import check_export

    made = three_sessions(repository, library, clock, last=2)
    _, store = repository.open(made.ids[1], readonly=True)
    exported = json.loads(export_session(store, "json"))
    store.close()
    assert check_export(exported)["repeat"]["1"]["from_date"] == "2027-03-10"
    exported["tables"]["repeat"]["1"]["statements"][0]["counts"] = [10**12]
    with pytest.raises(ImportProblem, match=r"repeat\[1\]\.statements\[0\]\.counts\[0\]"):
        check_export(exported)
    assert repository.sessions_of(WORKPLACE.upper())[0].id == made.ids[1]
