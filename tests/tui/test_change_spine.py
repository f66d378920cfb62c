"""One path from a saved change to every window (`tui.changes`): the store tells its sink which
parts changed, the app posts one `SessionChanged`, the widgets repaint themselves. A burst from
another thread (a room of phones answering) is one repaint per window, and no hand-made path
(a refresh call from a handler into another widget, an observer list, a debounce) comes back."""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sessions.live import LiveSession
from sessions.phones.service import JoinService, Outcome
from sessions.storage import tables
from sessions.storage.changes import TABLE_PARTS, Part
from tests.sessions_helpers import add_note
from tests.tui.helpers import make_app, new_live, page_of
from tui.messages import SessionChanged
from tui.room import RoomApp, RoomScreen
from tui.widgets.console_panel import ConsolePanel
from tui.widgets.stage import Stage
from tui.widgets.status_bar import StatusBar

ROOT = Path(__file__).parents[2]
PHONES = 300

HAND_MADE = {
    r"\b(refresh_page|refresh_status|refresh_join|answers_arrived|counts_arrived)\b": (
        "a refresh entry point a handler calls into another widget"
    ),
    r"(?<!exercise)\.show_page\(": "the presenter's hand repaint (the stage hands its own "
    "exercise the next step, and only that)",
    r"\.show_notes\(": "a hand repaint of the console's notes",
    r"\b_repaints\b|\b_listeners\b|\.subscribe\(|\.unsubscribe\(": "an observer list",
    r"list\[Callable\[": "a list of callbacks (an observer list)",
    r"call_later\(": "a hand debounce",
    r"self\.changed\(\)|changed: Callable": "a callback a screen is handed to repaint another",
}
ALLOWED = {
    ("tui/phones/guard.py", r"call_later\("): "a request's head timeout, not a repaint",
    ("tui/changes.py", r"call_later\("): (
        "the spine itself paces the phones' answers for every window (PHONE_REPAINT_SECONDS): "
        "one place, not a widget's own debounce"
    ),
    ("tui/file_watch.py", r"self\.changed\(\)|changed: Callable"): (
        "the watching thread's one call, which posts FilesChanged"
    ),
    ("tui/widgets/footer.py", r"\b_repaints\b|\b_listeners\b|\.subscribe\(|\.unsubscribe\("): (
        "Textual's own signal for the screen's keys (not a session change), as its Footer has it"
    ),
}


def sources() -> Iterator[Path]:
    yield from sorted((ROOT / "tui").rglob("*.py"))
    yield ROOT / "sessions" / "phones" / "service.py"
    yield from sorted((ROOT / "sessions" / "storage").glob("*.py"))


def test_no_hand_made_change_path_is_left() -> None:
    found = []
    for path in sources():
        name = path.relative_to(ROOT).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for pattern, what in HAND_MADE.items():
                if re.search(pattern, line) and (name, pattern) not in ALLOWED:
                    found.append(f"{name}:{number}: {what}: {line.strip()}")
    assert not found, "\n".join(found)


def test_the_grep_above_can_fail() -> None:
    """The patterns find what they are for (a test that cannot fail is a defect)."""
    old = [
        "self.stage.refresh_page()",
        "self.show_page(entered=True)",
        "self.query_one(ConsolePanel).show_notes(self.live.page)",
        "self._repaints: list[Callable[[], None]] = []",
        "asyncio.get_running_loop().call_later(REPAINT_SECONDS, self._repaint)",
        "self.changed()",
    ]
    for line in old:
        assert any(re.search(pattern, line) for pattern in HAND_MADE), line
    assert not any(re.search(p, "exercise.show_page(page)") for p in HAND_MADE)


def test_every_table_belongs_to_a_part() -> None:
    named = {v for k, v in vars(tables).items() if k.endswith("_TABLE")}
    assert named == set(TABLE_PARTS)
    assert all(part and part is not Part.EVERYTHING for part in TABLE_PARTS.values())


def test_a_burst_of_changes_is_one_message_with_every_part() -> None:
    first, second = SessionChanged(Part.NOTES), SessionChanged(Part.ANSWERS)
    assert first.can_replace(second)
    assert second.parts == Part.NOTES | Part.ANSWERS


# -- one repaint per window for a burst from another thread ------------------------------------

Repaints = Counter[tuple[str, str]]


@pytest.fixture
def repaints(monkeypatch: pytest.MonkeyPatch) -> Repaints:
    """How often each window's widgets were told of a change, by (app, widget)."""
    counted: Repaints = Counter()

    def counting(cls: type, name: str) -> None:
        original: Callable[..., None] = getattr(cls, name)

        def wrapper(self, parts: Part) -> None:  # type: ignore[no-untyped-def]
            counted[(type(self.app).__name__, cls.__name__)] += 1
            original(self, parts)

        monkeypatch.setattr(cls, name, wrapper)

    counting(Stage, "_session_changed")
    counting(ConsolePanel, "_changed")
    counting(StatusBar, "_changed")
    return counted


def counted_sink(live: LiveSession) -> list[Part]:
    """Every change the store told (each one a message posted from the writing thread)."""
    told: list[Part] = []
    sink = live.sink
    assert sink is not None, "the app gives the session its sink"

    def counting(parts: Part) -> None:
        told.append(parts)
        sink(parts)

    live.sink = counting
    return told


def burst_from_a_thread(live: LiveSession) -> None:
    """A room of phones answering through the phones' service (each answer committed: one
    write, one event), and a note, all from a thread that is not the event loop. The loop waits
    for it, as a busy console would: the messages pile up before any screen gets to them."""
    service = JoinService(live)
    segment = live.page.segment.id
    errors: list[BaseException] = []

    def write() -> None:
        try:
            for phone in range(PHONES):
                outcome = service.answer_scale(f"phone-{phone}", segment, "0", str(1 + phone % 5))
                assert outcome is Outcome.SAVED
            add_note(live, "Skrevet fra en anden tråd")
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)

    thread = threading.Thread(target=write)
    thread.start()
    thread.join()
    assert not errors, errors


async def test_a_burst_from_another_thread_repaints_the_console_and_the_room_view_once(
    library, repository, clock, repaints: Repaints
):
    from sessions.presence import announce_console, withdraw

    live = new_live(repository, library, clock)
    live.go_to(page_of(live, "scale"))
    announcement = announce_console(repository.data_dir, live.info.id)
    desk = make_app(library, repository, clock, live=live, layout="console")
    room = RoomApp(repository, library, clock=clock)
    try:
        async with (
            desk.run_test(size=(120, 30)) as desk_pilot,
            room.run_test(size=(80, 24)) as room_pilot,
        ):
            screen = room.screen
            assert isinstance(screen, RoomScreen)
            screen.follow()
            await desk_pilot.pause()
            await room_pilot.pause()
            assert screen.live is not None
            told = counted_sink(live)
            repaints.clear()

            burst_from_a_thread(live)
            await desk_pilot.pause()
            screen.follow()  # what the file watch asks for (it may have asked already)
            await room_pilot.pause()
            await desk_pilot.pause()

            assert len(told) > PHONES, "every write told the sink"
            assert repaints == {
                ("OplaegApp", "Stage"): 1,
                ("OplaegApp", "ConsolePanel"): 1,
                ("OplaegApp", "StatusBar"): 1,
                ("RoomApp", "Stage"): 1,
            }, repaints
            counts = desk.screen.query_one(Stage).exercise
            assert counts is not None
            assert live.answers.answered(live.page.segment.id) == PHONES
            assert "Skrevet fra en anden tråd" in str(
                desk.screen.query_one("#console-notes").render()
            )
            assert "Skrevet fra en anden tråd" not in str(
                room.screen.query_one("#room-notes").render()
            ), "the room sees notes only when the consultant shows them"
    finally:
        withdraw(announcement)


async def test_a_burst_from_another_thread_repaints_the_single_window_once(
    library, repository, clock, repaints: Repaints
):
    live = new_live(repository, library, clock)
    live.go_to(page_of(live, "scale"))
    app = make_app(library, repository, clock, live=live, layout="single")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        told = counted_sink(live)
        repaints.clear()

        burst_from_a_thread(live)
        await pilot.pause()

        assert len(told) > PHONES
        assert repaints[("OplaegApp", "Stage")] == 1, repaints
        assert repaints[("OplaegApp", "StatusBar")] == 1, repaints
        assert repaints[("OplaegApp", "ConsolePanel")] <= 1, "hidden: it reads nothing"
        assert not app.screen.query_one(ConsolePanel).display


# -- a change redraws what it changed, never the whole console ---------------------------------


async def test_changes_never_redraw_the_whole_console(
    library, repository, clock, monkeypatch: pytest.MonkeyPatch
):
    """The start screen stays under the presenter. Were it told of changes, Textual would draw
    the whole console again for each one (a screen under the top one that handles a message
    marks itself for a whole repaint, and hands that to the top screen the next time)."""
    from textual._compositor import Compositor

    live = new_live(repository, library, clock)
    live.go_to(page_of(live, "scale"))
    app = make_app(library, repository, clock, live=live, layout="console")
    whole: list[str] = []
    parts: list[str] = []
    full, partial = Compositor.render_full_update, Compositor.render_partial_update

    def whole_screen(self: Compositor, *args: object, **kwargs: object) -> object:
        whole.append(type(self.root).__name__)
        return full(self, *args, **kwargs)  # type: ignore[arg-type]

    def some_regions(self: Compositor) -> object:
        parts.append(type(self.root).__name__)
        return partial(self)

    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert [type(s).__name__ for s in app.screen_stack][-2:] == [
            "StartScreen",
            "PresenterScreen",
        ]
        monkeypatch.setattr(Compositor, "render_full_update", whole_screen)
        monkeypatch.setattr(Compositor, "render_partial_update", some_regions)
        service = JoinService(live)
        segment = live.page.segment.id
        for phone in range(6):  # answers, and a note between them: each drawn on its own
            cookie = service.devices.issue()
            assert service.answer_scale(cookie, segment, "0", "3") is Outcome.SAVED
            await pilot.pause()
            add_note(live, f"Note {phone}")
            await pilot.pause()
        assert parts, "the changes were drawn"
        assert whole == [], f"{len(whole)} whole-screen redraws for {len(parts)} changes"
