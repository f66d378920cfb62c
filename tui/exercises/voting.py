"""Dot voting on the wall: the items with their votes as bars, how many votes each person has
and how many are given; on the result step, the items ranked."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from sessions.exercises.voting import TOP, VotingState
from sessions.i18n import t
from tui.exercises.base import ExerciseWidget
from tui.exercises.draw import (
    EMPHASIS,
    MUTED,
    bar,
    join_lines,
    wrapped,
)
from tui.keys import VOTING_KEYS, bindings

BAR_SHARE = 0.35
"""The share of the width the bars may take."""


class VotingWidget(ExerciseWidget):
    """↑/↓ choose an item, Enter sets its number of votes, `k` carries the top three into the
    action plan as proposals."""

    BINDINGS = bindings(VOTING_KEYS)
    kinds: ClassVar[tuple[str, ...]] = ("voting",)

    DEFAULT_CSS = """
    VotingWidget { height: 1fr; }
    VotingWidget #vote-budget { width: 100%; color: $text-muted; }
    VotingWidget #vote-items { width: 100%; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="vote-budget")
        yield Static(id="vote-items")

    @property
    def voting(self) -> VotingState:
        state = self.latest
        assert isinstance(state, VotingState)
        return state

    def on_resize(self, event: events.Resize) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        if not self.ready or not isinstance(self.state, VotingState):
            return
        state = self.voting
        budget = self.query_one("#vote-budget", Static)
        items = self.query_one("#vote-items", Static)
        if not state.items:
            budget.update(Content(""))
            items.update(Content.styled(t("voting.empty"), MUTED))
            return
        phones = self.live.answers.phone_votes(self.page.segment.id)
        given = state.total + sum(n for item, n in phones.items() if item in state.items)
        line = t("voting.budget", each=state.votes_per_person, given=given, budget=state.budget)
        if state.budget and given > state.budget:  # more than the room can give: stuffed?
            line += " " + t(
                "voting.too_many", participants=state.participants, each=state.votes_per_person
            )
        voters = self.live.answers.answered(self.page.segment.id)
        if voters:
            line += " · " + t("voting.phones", count=voters)
        budget.update(Content(line))
        ranked = self.showing_results
        rows = (
            state.ranked(phones)
            if ranked
            else [(i, state.count(i) + phones.get(i, 0)) for i in state.items]
        )
        most = max((n for _, n in rows), default=0)
        width = max(8, int(self.size.width * BAR_SHARE))
        text_width = max(12, (self.size.width or 80) - width - 5)
        blocks = []
        for position, (item, votes) in enumerate(rows):
            chosen = not ranked and item == state.current and self.interactive
            count = f"{votes:>3} "
            drawn = bar(votes, most, width).ljust(width)
            top = ranked and position < TOP and votes
            style = "bold reverse" if chosen else "bold" if top else ""
            # A long item wraps under its own first word, not under the bar.
            parts = wrapped(item, text_width, indent="")
            first = Content.assemble((drawn, "$success"), (" " + count, "bold"), (parts[0], style))
            block = [first]
            block += [Content.assemble(" " * (width + 5), (part, style)) for part in parts[1:]]
            blocks.append(block)
        selected = None if ranked else state.selected
        room = max(3, self.size.height - 3)
        shown = self.windowed(blocks, selected, room)
        if ranked:
            shown.insert(0, Content.styled(t("voting.ranked_title"), EMPHASIS))
        items.update(join_lines(shown))

    def available(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        state = self.voting
        if action in ("set_votes", "select"):
            return bool(state.items)
        if action == "top_to_plan":
            return bool(state.top(extra=self._phones()))
        if action == "undo":
            return bool(state.history)
        return True

    def action_set_votes(self) -> None:
        state = self.voting
        item = state.current
        if item is None:
            return

        def entered(text: str) -> None:
            if text.isdigit():
                self.change(self.voting.set_votes(int(text)))
            else:
                self.notify(t("voting.not_a_number", text=text), severity="warning", markup=False)

        self.ask(t("voting.votes", item=item), entered, str(state.count(item)))

    def action_select(self, offset: int) -> None:
        self.change(self.voting.select(offset))

    def action_undo(self) -> None:
        self.change(self.voting.undo())

    def action_top_to_plan(self) -> None:
        top, tied = self.voting.top_with_ties(extra=self._phones())
        note = t("voting.tie", items=" · ".join(tied), count=len(tied)) if tied else ""
        self.post_message(self.ActionsProposed([item for item, _ in top], note=note))

    def _phones(self) -> dict[str, int]:
        return self.live.answers.phone_votes(self.page.segment.id)
