"""What every exercise widget shares: it shows one exercise page to the room, owns its keys, and
tells the screen what the group did by a message; the screen saves it, then hands the saved
state back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from sessions.agenda.pages import Page
from sessions.exercises.base import ExerciseState
from sessions.live import LiveSession
from sessions.text import clean_line
from tui.exercises.draw import holds_back, windowed_blocks
from tui.screens.text_prompt import TextPrompt


@dataclass(frozen=True)
class SpeakerClock:
    """A countdown the exercise shows instead of the step's: (stored key, seconds)."""

    key: str
    seconds: int


class ExerciseWidget(Widget, can_focus=True):
    """Base of the widgets in `tui/exercises/`. Subclasses render `state` and define `BINDINGS`;
    with `interactive` False (the room view) no key works and nothing is offered."""

    DEFAULT_CSS = """
    ExerciseWidget {
        height: auto;
        width: 1fr;
    }
    ExerciseWidget:focus {
        background-tint: $foreground 0%;
    }
    """

    state: reactive[Any] = reactive(None, always_update=False)
    """The exercise's stored state, as last saved (None for kinds that store nothing)."""

    class Changed(Message):
        """The group did something: save `state` for `page`'s exercise."""

        def __init__(self, widget: ExerciseWidget, state: ExerciseState) -> None:
            super().__init__()
            self.widget = widget
            self.state = state

    class ActionsProposed(Message):
        """Items the group chose, to go into the action plan as proposals."""

        def __init__(self, items: list[str], *, note: str = "") -> None:
            super().__init__()
            self.items = items
            self.note = note
            """Something the consultant should know about the choice (a tie)."""

    class ClockStart(Message):
        """Start `clock` from its full time (a new speaker's turn)."""

        def __init__(self, clock: SpeakerClock) -> None:
            super().__init__()
            self.clock = clock

    class OpenRequested(Message):
        """The page's own screen should open (the action plan, the follow-up)."""

        def __init__(self, what: str) -> None:
            super().__init__()
            self.what = what

    kinds: ClassVar[tuple[str, ...]] = ()
    """The `format:` values this widget shows."""
    takes_keys: ClassVar[bool] = True
    held_back: bool = False
    """Whether the last draw left items out for lack of rows ("▼ n mere"): the page's clock
    then never grows into rows this content would rather have."""

    def __init__(self, live: LiveSession, page: Page, *, interactive: bool) -> None:
        super().__init__()
        self.live = live
        self.page = page
        self.interactive = interactive
        self.can_focus = interactive and self.takes_keys
        self._composed = False
        self._ahead: ExerciseState | None = None
        self.set_reactive(ExerciseWidget.state, live.exercises.state(page.segment))

    # -- what the screen asks of an exercise ---------------------------------------------------

    def show_page(self, page: Page) -> None:
        """Another step of the same exercise."""
        self.page = page
        self.reload()
        self.refresh_view()
        if self.interactive and self.is_attached:
            self.refresh_bindings()  # another step: other keys may work

    def reload(self) -> None:
        """Take the stored state again (after the console changed it, or an answer came in)."""
        state = self.live.exercises.state(self.page.segment)
        if state == self.state:
            self.refresh_view()  # the phones' answers are not in the state; they may be new
        else:
            self.state = state

    def saved(self, state: ExerciseState) -> None:
        """The screen has saved `state`: show it."""
        if self._ahead is state:
            self._ahead = None
        self.state = state

    def not_saved(self) -> None:
        """The screen could not save the last change: the keys work from what is stored."""
        self._ahead = None
        self.refresh_view()

    @property
    def latest(self) -> Any:
        """The state the next key works on: the last change handed to the screen, saved or
        about to be (keys pressed faster than a save goes through each count), else `state`."""
        return self._ahead if self._ahead is not None else self.state

    def turn(self, forward: bool) -> bool:
        """PgDn/PgUp inside the exercise (next speaker, next card); True when it was used."""
        return False

    def speaker_clock(self) -> SpeakerClock | None:
        """A countdown to show instead of the step's (a go-round's speaker)."""
        return None

    def mode_shown(self) -> bool:
        """Whether the step's mode (alene, to og to, …) still holds; a round the consultant
        moved into groups or to a few volunteers says so itself."""
        return True

    def leave_question(self, forward: bool) -> str | None:
        """A question to ask before leaving the page this way (a round not finished)."""
        return None

    @property
    def for_consultant(self) -> bool:
        """Whether only the consultant sees this widget (the console beside a room view). What
        is for the consultant alone (arithmetic, warnings, the ways to run a round) is drawn
        only then: the room view and a single window (mirrored to the wall) never show it."""
        if not self.interactive:
            return False
        try:
            return bool(getattr(self.screen, "console", False))
        except Exception:  # not on a screen yet
            return False

    @property
    def showing_results(self) -> bool:
        return self.page.step is not None and self.page.step.show_results

    # -- rendering ----------------------------------------------------------------------------

    def watch_state(self) -> None:
        self.refresh_view()
        if self.interactive and self.is_attached:
            self.refresh_bindings()  # what the keys can do depends on the state

    def on_mount(self) -> None:
        self._composed = True
        self.refresh_view()

    @property
    def ready(self) -> bool:
        """The parts `refresh_view` fills exist: composed, and not being taken down (a page
        turned again before this one was drawn removes it, parts first, while it mounts)."""
        # Closing, not merely hidden: the stage keeps an exercise's widget hidden off its page.
        being_removed = self._closing or self._closed or self._pruning
        return self._composed and not being_removed

    def refresh_view(self) -> None:
        """Bring every part of the view up to date with `state` and `page`."""

    # -- for subclasses ------------------------------------------------------------------------

    def windowed(
        self, blocks: list[list[Content]], selected: int | None, rows: int
    ) -> list[Content]:
        """`blocks` cut to `rows` around `selected` (`windowed_blocks`), with `held_back` set
        to whether items were left out."""
        self.held_back = holds_back(blocks, rows)
        return windowed_blocks(blocks, selected, rows)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.interactive:
            return False
        return self.available(action, parameters)

    def available(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Whether `action` can be used now (None: shown but disabled)."""
        return True

    def change(self, state: ExerciseState | None) -> None:
        if state is not None and state != self.latest:
            self._ahead = state
            self.post_message(self.Changed(self, state))

    def ask(self, question: str, then: Callable[[str], None], value: str = "") -> None:
        """Ask the consultant for a line of text."""

        def answered(text: str | None) -> None:
            cleaned = clean_line(text or "")
            if cleaned:
                then(cleaned)

        self.app.push_screen(TextPrompt(question, value), answered)
