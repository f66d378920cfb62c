"""Dialogue cards on the wall: one card at a time, large; the ones marked vigtigt on the result
step."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from sessions.exercises.cards import CardsState, deck_step
from sessions.i18n import t
from tui.exercises.base import ExerciseWidget
from tui.exercises.draw import EMPHASIS, MUTED, join_lines
from tui.keys import CARDS_KEYS, bindings


class CardsWidget(ExerciseWidget):
    """PgDn/PgUp turn the cards; `i` marks the card on the table as vigtigt."""

    BINDINGS = bindings(CARDS_KEYS)
    kinds: ClassVar[tuple[str, ...]] = ("cards",)

    DEFAULT_CSS = """
    CardsWidget #card-position { width: 100%; text-align: center; color: $text-muted; }
    CardsWidget #card-text {
        width: 100%; text-align: center; text-style: bold; padding: 1 2;
        border: round $primary; margin: 1 0;
    }
    CardsWidget #card-marked { width: 100%; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="card-position")
        yield Static(id="card-text")
        yield Static(id="card-marked")

    @property
    def cards(self) -> CardsState:
        state = self.latest
        assert isinstance(state, CardsState)
        return state

    @property
    def on_deck(self) -> bool:
        """This step is the one whose list items are the cards."""
        return self.page.index == deck_step(self.page.segment) and bool(self.cards.cards)

    def refresh_view(self) -> None:
        if not self.ready or not isinstance(self.state, CardsState):
            return
        state = self.cards
        position = self.query_one("#card-position", Static)
        text = self.query_one("#card-text", Static)
        marked = self.query_one("#card-marked", Static)
        position.display = text.display = self.on_deck and not self.showing_results
        marked.display = self.showing_results or not self.on_deck
        if self.on_deck:
            star = f" · ★ {t('cards.important')}" if state.card in state.important else ""
            position.update(
                Content(t("cards.position", card=state.card + 1, cards=len(state.cards)) + star)
            )
            text.update(Content(state.current))
        if marked.display:
            items = state.marked
            lines = [Content.styled(t("cards.marked_title", count=len(items)), EMPHASIS)]
            lines += [Content(f"★ {card}") for card in items]
            if not items:
                lines.append(Content.styled(t("cards.none_marked"), MUTED))
            marked.update(join_lines(lines))

    def available(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_important":
            return self.on_deck
        return True

    def action_toggle_important(self) -> None:
        self.change(self.cards.toggle_important())

    def turn(self, forward: bool) -> bool:
        if not self.on_deck:
            return False
        turned = self.cards.turn(1 if forward else -1)
        if turned is None:
            return False
        self.change(turned)
        return True

    def current_card(self) -> int | None:
        """The card on the table, so a note can say which card it is about."""
        return self.cards.card if self.on_deck else None
