import pytest

from sessions.agenda.countdown import CountdownStage
from sessions.agenda.navigation import Advance
from sessions.models import Draft, NoteTag
from sessions.notes.notebook import EmptyNoteError, draft_of
from sessions.theme.model import SegmentKind
from tests.conftest import DETAILS, reopen

HOSTILE = "[bold]x[/] [/] [@click=app.quit]klik[/] [link=x] <script>alert(1)</script> æøå 🎉"


def test_pages_follow_the_agenda(live, theme):
    segments = [p.segment.id for p in live.pages]
    assert segments[0] == theme.agenda(90)[0].id
    assert {p.segment.id for p in live.pages} == {s.id for s in theme.agenda(90)}
    timed = [p for p in live.pages if p.seconds]
    assert all(p.segment.kind is not SegmentKind.PRESENTATION for p in timed)


def test_position_and_notes_survive_a_restart(live, repository, library, clock):
    live.nav.start()
    live.go_to(5)
    note = live.notebook.add(
        live.page.segment.id, 0, HOSTILE + "\x1b[31m\nanden linje", NoteTag.IDEA
    )
    live.store._lock.release()  # the process is killed: no close()
    again = reopen(repository, library, live.info.id, clock)
    assert again.position == 5
    (stored,) = again.notebook.all()
    assert stored.text == HOSTILE + "\nanden linje"
    assert stored.tag is NoteTag.IDEA
    assert stored.id == note.id
    again.close()


def test_edit_delete_and_restore(live):
    first = live.notebook.add("a", 0, "første")
    live.notebook.update(first.id, "rettet", NoteTag.ACTION)
    assert [(n.text, n.tag) for n in live.notebook.all()] == [("rettet", NoteTag.ACTION)]
    removed = live.notebook.delete(first.id)
    assert live.notebook.all() == []
    live.notebook.restore(removed)
    assert [n.text for n in live.notebook.all()] == ["rettet"]


def test_editing_a_note_keeps_its_tag_and_privacy(live):
    """The UX test saw "Idé: Fast stopklokkeslet" lose its tag when edited."""
    note = live.notebook.add("a", 0, "Fast stopklokkeslet", NoteTag.IDEA, private=True)
    edited = live.notebook.update(note.id, "Fast stopklokkeslet kl. 16")
    assert (edited.text, edited.tag, edited.private) == (
        "Fast stopklokkeslet kl. 16",
        NoteTag.IDEA,
        True,
    )
    assert live.notebook.get(note.id) == edited
    untagged = live.notebook.update(note.id, "uden mærkat", None, private=False)
    assert (untagged.tag, untagged.private) == (None, False)
    # The edit form starts from the note's own tag and privacy.
    draft = draft_of(edited)
    assert (draft.note_id, draft.tag, draft.private, draft.text) == (
        note.id,
        NoteTag.IDEA,
        True,
        "Fast stopklokkeslet kl. 16",
    )


def test_empty_notes_are_refused(live):
    with pytest.raises(EmptyNoteError):
        live.notebook.add("a", 0, " \n\x1b[0m ")


def test_a_running_timer_shows_the_truth_after_a_crash(live, repository, library, clock):
    live.nav.start()
    timed = next(i for i, p in enumerate(live.pages) if p.seconds)
    live.go_to(timed)
    countdown = live.timers.start(live.page.key, live.page.seconds)
    duration = countdown.duration
    clock.advance(30)
    live.store._lock.release()
    clock.advance(20)
    clock.restart(monotonic=1.0)
    again = reopen(repository, library, live.info.id, clock)
    restored = again.timers.for_page(again.page)
    assert restored.running
    assert restored.remaining() == duration - 50
    clock.advance(duration)
    assert restored.stage() is CountdownStage.DONE
    again.close()


def test_the_draft_keeps_its_tag_and_privacy_until_cleared(live, repository, library, clock):
    draft = Draft(live.page.segment.id, "halv tanke", 0, None, NoteTag.CHALLENGE, private=True)
    assert Draft.from_dict(draft.to_dict()) == draft
    live.notebook.save_draft(draft)
    live.store._lock.release()
    again = reopen(repository, library, live.info.id, clock)
    restored = again.notebook.draft()
    assert restored == draft
    assert restored.tag is NoteTag.CHALLENGE and restored.private
    again.notebook.clear_draft()
    assert again.notebook.draft() is None
    again.close()


def test_segment_entries_are_logged(live, clock):
    live.nav.start()
    clock.advance(300)
    second_segment = next(
        i for i, p in enumerate(live.pages) if p.segment.id != live.pages[0].segment.id
    )
    live.go_to(second_segment)
    entries = dict(live.nav.entries())
    assert entries[live.pages[0].segment.id] + 300 == entries[live.pages[second_segment].segment.id]
    assert live.timing().elapsed == 300


def test_skipping_the_item_shown_logs_the_next_one(live, clock):
    live.nav.start()
    current = live.page.segment.id
    clock.advance(60)
    live.set_schedule(live.schedule.toggle_skip(current))
    assert live.page.segment.id != current
    assert live.nav.entries()[-1][0] == live.page.segment.id
    clock.advance(60)
    assert live.timing().of(live.page.segment.id).spent == 60


def test_ten_thousand_characters_are_kept(live):
    text = "æ" * 10_000
    assert live.notebook.add("a", 0, text).text == text


def test_advance_ends_on_the_last_page_and_a_finished_session_only_reopens_by_choice(
    live, repository, clock
):
    live.nav.start()
    live.go_to(len(live.pages) - 1)
    clock.advance(60)
    assert live.advance() is Advance.FINISHED and live.finished
    (summary,) = repository.list()
    assert summary.finished and summary.ended_at == clock.wall()
    clock.advance(600)
    assert live.advance() is Advance.ALREADY_FINISHED
    assert not live.back() and not live.go_to(0), "a finished session does not move by itself"
    entries = len(live.nav.entries())
    assert live.reopen() and not live.finished
    assert len(live.nav.entries()) == entries + 1, "the time log records the re-entry"
    assert live.timing().paused_seconds == 600, "the time it stood finished is a pause"
    assert not repository.list()[0].finished
    assert not live.reopen(), "reopening an open session does nothing"
    assert live.back()


def test_carry_over_puts_the_follow_up_after_the_first_item(live, repository, theme):
    from sessions.live import FOLLOWUP_ITEM_ID
    from sessions.models import Action
    from sessions.theme.model import ExerciseFormat

    source, store = repository.create(theme, DETAILS)
    repository.close(store)
    before = live.schedule
    live.carry_over(source, [Action("1", "Faste pauser")], "Opfølgning")
    items = live.schedule.items
    assert items[0] == before.items[0] and items[1].id == FOLLOWUP_ITEM_ID
    assert (items[1].minutes, items[1].minimum, items[1].format) == (
        10,
        5,
        ExerciseFormat.FOLLOW_UP,
    )
    assert live.schedule.total() == before.total() + 10
    assert live.history.last() is None, "setting up the session is not an undoable change"
    assert [f.action.what for f in live.plan.followups()] == ["Faste pauser"]
