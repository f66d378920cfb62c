"""A case's agreements: written, edited, removed and put back."""

from sessions.exercises.case import CaseKind, CaseState

KIND = CaseKind()


def test_agreements_are_added_edited_and_selected():
    state = CaseState().add("Ring samme aften").add("Fast sparring")
    assert state.selected == 1
    state = state.select(-1).edit("Ring samme aften, altid")
    assert state.agreements == ("Ring samme aften, altid", "Fast sparring")
    assert state.select(-5).selected == 0 and state.select(5).selected == 1


def test_any_agreement_can_be_removed_and_put_back():
    state = CaseState(("A", "B", "C"), 1)
    removed = state.remove()
    assert removed.agreements == ("A", "C") and removed.selected == 1
    assert removed.undo() == CaseState(("A", "B", "C"), 1, None)
    assert CaseState().remove() == CaseState() and CaseState().undo() is None
    assert CaseState().edit("x") == CaseState()


def test_stored_and_reported():
    state = CaseState(("A", "B"), 1, (0, "C"))
    assert KIND.load(state.to_doc()) == state
    assert KIND.load({"agreements": ["A"]}) == CaseState(("A",))
    result = KIND.result(state, "Case", "case", "da")
    assert result is not None and result.highlights == ["Aftale: A", "Aftale: B"]
    assert KIND.result(CaseState(), "Case", "case", "da") is None
