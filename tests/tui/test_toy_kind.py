"""An exercise kind is one domain module and one widget: a kind made up here — its domain part,
its widget and their registration, all in this file — works on the console, on the wall and on
a phone without a line changed anywhere else. Its registration is undone when the test ends."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, ClassVar

import pytest
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from sessions.clock import FakeClock
from sessions.exercises import KINDS, registered_kind
from sessions.exercises.base import ExerciseKind, ExerciseResult, as_int, as_texts
from sessions.exercises.phone import AnswerMode, PhoneAsk, SlipTarget
from sessions.phones.moderation import approve
from sessions.phones.service import JoinService
from sessions.presence import announce_console, withdraw
from sessions.repository import SessionRepository
from sessions.theme.library import ThemeLibrary, ThemeOrigin
from sessions.theme.model import ExerciseFormat, Segment
from sessions.theme.parser import parse_theme
from sessions.theme.problems import Problem, problem
from tests.tui.helpers import make_app, new_live
from tui.exercises import EXERCISE_WIDGETS, ExerciseWidget, registered_widget
from tui.phones.server import JoinApp
from tui.room import RoomApp, RoomScreen

TOY = ExerciseFormat("toy-words")
QUESTION = "Hvilket ord beskriver jeres uge?"
THEME = f"""---
id: legetoej
title: Legetøj
summary: Et tema med en øvelse af en slags, som testen selv har lavet.
---

# Legetøj

## Ord fra rummet
kind: exercise
format: toy-words
most-words: 4
minutes: 90 / 120

Hvert ord kommer op på væggen.

### Ordene
minutes: 10 / 10

- {QUESTION}

## Kilder

- Testen selv: https://example.org
"""


# -- the domain module -----------------------------------------------------------------------


@dataclass(frozen=True)
class ToyOptions:
    most_words: int = 3


@dataclass(frozen=True)
class ToyState:
    presses: int = 0
    words: tuple[str, ...] = ()

    def to_doc(self) -> dict[str, Any]:
        return {"presses": self.presses, "words": list(self.words)}


class ToyKind(ExerciseKind[ToyState]):
    """Keys count presses; phones send words that, approved, go on the wall."""

    format: ClassVar[ExerciseFormat] = TOY
    settings: ClassVar[frozenset[str]] = frozenset({"most-words"})

    def parse_options(self, settings: Mapping[str, str], line: int) -> tuple[object, list[Problem]]:
        raw = settings.get("most-words", "3")
        if not raw.isdigit():
            return ToyOptions(), [problem(line, "theme.problem.whole_number", key="most-words")]
        return ToyOptions(int(raw)), []

    def initial(self, segment: Segment, participants: int) -> ToyState:
        return ToyState()

    def load(self, doc: Mapping[str, Any]) -> ToyState:
        return ToyState(as_int(doc.get("presses")), as_texts(doc.get("words")))

    def result(
        self, state: ToyState, title: str, segment_id: str, language: str | None, participants=0
    ) -> ExerciseResult | None:
        return ExerciseResult(title, segment_id, TOY.value, list(state.words), [], [], [])

    def phone_mode(self, segment: Segment, page_index: int) -> AnswerMode | None:
        return AnswerMode.SLIP

    def phone_ask(self, segment: Segment, state: ToyState | None) -> PhoneAsk | None:
        return PhoneAsk(AnswerMode.SLIP, target=SlipTarget.NOTE)

    def take_text(self, state: ToyState | None, text: str, column: int) -> ToyState | None:
        return replace(state, words=(*state.words, text)) if state is not None else None


# -- the widget ------------------------------------------------------------------------------


class ToyWidget(ExerciseWidget):
    BINDINGS: ClassVar = [Binding("y", "press", "Tryk")]
    kinds: ClassVar[tuple[str, ...]] = (TOY.value,)

    def compose(self) -> ComposeResult:
        yield Static(id="toy-view")

    def refresh_view(self) -> None:
        if not self.ready or not isinstance(self.state, ToyState):
            return
        words = ", ".join(self.state.words)
        self.query_one("#toy-view", Static).update(
            Content(f"Tryk: {self.state.presses} · Ord: {words}")
        )

    def action_press(self) -> None:
        self.change(replace(self.latest, presses=self.latest.presses + 1))


# -- the registration --------------------------------------------------------------------------


@pytest.fixture
def toy() -> Iterator[None]:
    with registered_kind(ToyKind()), registered_widget(ToyWidget):
        yield


@pytest.fixture
def toy_library(tmp_path: Path) -> ThemeLibrary:
    folder = tmp_path / "temaer"
    folder.mkdir()
    (folder / "legetoej.md").write_text(THEME, encoding="utf-8")
    return ThemeLibrary([(folder, ThemeOrigin.USER)])


def toy_text(app) -> str:
    return str(app.screen.query_one(ToyWidget).query_one("#toy-view", Static).render())


# -- the tests ---------------------------------------------------------------------------------


def test_a_theme_names_the_toy_kind_and_its_settings_only_while_it_is_registered():
    with registered_kind(ToyKind()):
        theme, problems = parse_theme(THEME)
        assert theme is not None and [p for p in problems if not p.warning] == []
        segment = theme.segments[0]
        assert segment.format is TOY and segment.options == ToyOptions(4)
        _, problems = parse_theme(THEME.replace("most-words: 4", "most-words: fire"))
        assert [(p.line, p.key, p.params) for p in problems] == [
            (9, "theme.problem.whole_number", {"key": "most-words"})
        ], "the kind's own check, at the segment's line"
    assert TOY not in KINDS and TOY.value not in EXERCISE_WIDGETS
    theme, problems = parse_theme(THEME)
    assert theme is None, "without its kind the format is unknown"
    assert sorted(p.key for p in problems) == [
        "theme.problem.format_unknown",
        "theme.problem.unknown_setting",
    ], "the format and its setting are both unknown again"


async def test_the_toy_kind_works_on_the_console_the_wall_and_a_phone(
    toy, toy_library: ThemeLibrary, repository: SessionRepository, clock: FakeClock, aiohttp_client
):
    live = new_live(repository, toy_library, clock, theme_id="legetoej")
    segment = live.page.segment
    assert segment.format is TOY and live.page.step is not None
    announcement = announce_console(repository.data_dir, live.info.id)
    desk = make_app(toy_library, repository, clock, live=live, layout="auto")
    room = RoomApp(repository, toy_library, clock=clock)
    try:
        async with (
            desk.run_test(size=(120, 30)) as desk_pilot,
            room.run_test(size=(80, 24)) as room_pilot,
        ):
            # The console draws the toy's widget, and its key changes the stored state.
            await desk_pilot.pause()
            assert "Tryk: 0" in toy_text(desk)
            await desk_pilot.press("y", "y")
            await desk_pilot.pause()
            assert live.exercises.state(segment) == ToyState(presses=2)
            assert "Tryk: 2" in toy_text(desk)

            # The wall follows the console and draws the same widget, taking no keys.
            screen = room.screen
            assert isinstance(screen, RoomScreen)
            screen.follow()
            await room_pilot.pause()
            assert "Tryk: 2" in toy_text(room)
            assert not room.screen.query_one(ToyWidget).can_focus

            # A phone is asked the toy's question; its word, approved, reaches the toy's state.
            service = JoinService(live)
            phone = await aiohttp_client(JoinApp(service).application())
            html = await (await phone.get(f"/{service.token}")).text()
            assert QUESTION in html and 'name="text"' in html
            assert 'name="kind" value="slip"' in html
            response = await phone.post(
                f"/{service.token}/answer",
                data={"kind": "slip", "segment": segment.id, "text": "Travl <b>uge</b>"},
                allow_redirects=False,
            )
            assert response.status == 303
            [slip] = live.answers.pending()
            assert live.exercises.state(segment).words == ()
            assert approve(live, slip)
            assert live.exercises.state(segment) == ToyState(2, ("Travl <b>uge</b>",))

            screen.follow()
            await room_pilot.pause()
            assert "Ord: Travl <b>uge</b>" in toy_text(room), "the phone's text, as text"
    finally:
        withdraw(announcement)
        live.close()
