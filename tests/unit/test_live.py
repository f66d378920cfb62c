from sessions.countdown import CountdownStage
from sessions.models import Draft, NoteTag
from sessions.theme.model import SegmentKind
from tests.conftest import reopen

HOSTILE = "[bold]x[/] [/] [@click=app.quit]klik[/] [link=x] <script>alert(1)</script> æøå 🎉"


def test_pages_follow_the_agenda(live, theme):
    segments = [p.segment.id for p in live.pages]
    assert segments[0] == theme.agenda(90)[0].id
    assert {p.segment.id for p in live.pages} == {s.id for s in theme.agenda(90)}
    timed = [p for p in live.pages if p.seconds]
    assert all(p.segment.kind is not SegmentKind.PRESENTATION for p in timed)


def test_position_and_notes_survive_a_restart(live, repository, library, clock):
    live.start()
    live.go_to(5)
    note = live.add_note(HOSTILE + "\x1b[31m\nanden linje", NoteTag.IDEA)
    live.store._lock.release()  # the process is killed: no close()
    again = reopen(repository, library, live.info.id, clock)
    assert again.position == 5
    (stored,) = again.notes()
    assert stored.text == HOSTILE + "\nanden linje"
    assert stored.tag is NoteTag.IDEA
    assert stored.id == note.id
    again.close()


def test_edit_delete_and_restore(live):
    first = live.add_note("første")
    live.update_note(first.id, "rettet", NoteTag.ACTION)
    assert [(n.text, n.tag) for n in live.notes()] == [("rettet", NoteTag.ACTION)]
    removed = live.delete_note(first.id)
    assert live.notes() == []
    live.restore_note(removed)
    assert [n.text for n in live.notes()] == ["rettet"]


def test_empty_notes_are_refused(live):
    import pytest

    with pytest.raises(ValueError):
        live.add_note(" \n\x1b[0m ")


def test_a_running_timer_shows_the_truth_after_a_crash(live, repository, library, clock):
    live.start()
    timed = next(i for i, p in enumerate(live.pages) if p.seconds)
    live.go_to(timed)
    countdown = live.countdown()
    countdown.start()
    live.save_countdown()
    duration = countdown.duration
    clock.advance(30)
    live.store._lock.release()
    clock.advance(20)
    clock.restart(monotonic=1.0)
    again = reopen(repository, library, live.info.id, clock)
    assert again.countdown().running
    assert again.countdown().remaining() == duration - 50
    clock.advance(duration)
    assert again.countdown().stage() is CountdownStage.DONE
    again.close()


def test_the_draft_is_kept_until_cleared(live, repository, library, clock):
    live.save_draft(Draft(live.page.segment.id, "halv tanke", 0, None, NoteTag.CHALLENGE))
    live.store._lock.release()
    again = reopen(repository, library, live.info.id, clock)
    assert again.draft() == Draft(live.page.segment.id, "halv tanke", 0, None, NoteTag.CHALLENGE)
    again.clear_draft()
    assert again.draft() is None
    again.close()


def test_segment_entries_are_logged(live, clock):
    live.start()
    clock.advance(300)
    second_segment = next(
        i for i, p in enumerate(live.pages) if p.segment.id != live.pages[0].segment.id
    )
    live.go_to(second_segment)
    entries = live.segment_entries()
    assert entries[live.pages[0].segment.id] + 300 == entries[live.pages[second_segment].segment.id]
    assert live.elapsed() == 300


def test_ten_thousand_characters_are_kept(live):
    text = "æ" * 10_000
    assert live.add_note(text).text == text
