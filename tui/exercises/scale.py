"""A scale on the wall: what the values mean, every statement with its hands per value and its
average; the statement being counted is highlighted."""

from __future__ import annotations

import textwrap
from typing import ClassVar

from textual.app import ComposeResult
from textual.content import Content

from sessions.exercises.scale import ScaleState, counts_shown, decimal, label_for, legend
from sessions.i18n import t
from tui.exercises.base import ExerciseWidget
from tui.exercises.draw import EMPHASIS, MUTED, bar, join_lines
from tui.keys import SCALE_KEYS, bindings
from tui.widgets.content_line import ContentLine

SPARKS = " ▁▂▃▄▅▆▇█"


def statement_blocks(rows: list[tuple[str, str, str, bool]], width: int) -> list[list[Content]]:
    """Each statement with its hands (a sparkline per value) and its summary. Statements are
    never cut short: when the longest does not fit beside its figures, every statement gets
    its own wrapped lines and the figures go on the line below, so the room can tell them
    apart."""
    marker = 2
    figures = max((len(spark) + 2 + len(summary) for _, spark, summary, _ in rows), default=0)
    longest = max((len(statement) for statement, *_ in rows), default=0)
    beside = longest + 2 + figures + marker <= width
    blocks = []
    for statement, spark, summary, chosen in rows:
        text_style = "bold reverse" if chosen else ""
        summary_style = "bold" if chosen else MUTED
        first = ("▶ " if chosen else "  ", "bold")
        if beside:
            blocks.append([
                Content.assemble(
                    first, (statement.ljust(longest), text_style), "  ", (spark, "$success"),
                    ("  " + summary, summary_style),
                )
            ])  # fmt: skip
            continue
        wrapped = textwrap.wrap(statement, max(10, width - marker)) or [""]
        block = [
            Content.assemble(first if n == 0 else "  ", (part, text_style))
            for n, part in enumerate(wrapped)
        ]
        block.append(Content.assemble("    ", (spark, "$success"), ("  " + summary, summary_style)))
        blocks.append(block)
    return blocks


class ScaleWidget(ExerciseWidget):
    """↑/↓ choose the statement, a digit counts one more hand on that value, `u` takes back
    the last hand."""

    BINDINGS = bindings(SCALE_KEYS)
    kinds: ClassVar[tuple[str, ...]] = ("scale",)

    DEFAULT_CSS = """
    ScaleWidget { height: 1fr; }
    ScaleWidget #scale-legend { width: 100%; text-align: center; text-style: bold; }
    ScaleWidget #scale-statements { width: 100%; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        yield ContentLine(id="scale-legend")
        yield ContentLine(id="scale-statements")

    @property
    def scale(self) -> ScaleState:
        state = self.latest
        assert isinstance(state, ScaleState)
        return state

    @property
    def counting(self) -> bool:
        """Hands are counted on the scale's first step (the others discuss the result)."""
        return self.page.index == 0 and not self.showing_results

    @property
    def counts_hidden(self) -> bool:
        """The room's view (or the single window it shares) in a small group before the result
        step: only how many have answered, no hands per value (a domain rule)."""
        on_wall = not self.interactive or self.screen.has_class("-single")
        participants = self.live.info.details.participants
        return on_wall and not counts_shown(participants, self.showing_results)

    def refresh_view(self) -> None:
        if not self.ready or not isinstance(self.state, ScaleState):
            return
        state = self.scale
        phones = self.live.answers.scale_counts(self.page.segment.id)
        if self._compare(state, phones):
            return
        meaning = " · ".join(f"{value} = {label}" for value, label in legend(state))
        answered = self.live.answers.answered(self.page.segment.id)
        if answered:
            meaning = " · ".join(filter(None, [meaning, t("scale.phones", count=answered)]))
        self.query_one("#scale-legend", ContentLine).show(Content(meaning))
        participants = self.live.info.details.participants
        width = self.size.width or 80
        rows: list[tuple[str, str, str, bool]] = []
        hidden = self.counts_hidden
        for index, statement in enumerate(state.statements):
            stats = state.stats(index, phones.get(index))
            if hidden:
                summary = t("scale.answered_only", hands=stats.hands)
                rows.append((statement, "", summary, self.counting and index == state.selected))
                continue
            most = max(stats.counts.values(), default=0)
            spark = "".join(
                SPARKS[round(n / most * 8)] if most else " " for n in stats.counts.values()
            )
            mean = "–" if stats.average is None else decimal(stats.average, None)
            summary = t("scale.summary", average=mean, hands=stats.hands)
            if stats.hands > participants and self.for_consultant:
                summary += " " + t("scale.too_many", participants=participants)
            rows.append((statement, spark, summary, self.counting and index == state.selected))
        blocks = statement_blocks(rows, width)
        below = (
            self._distribution(state, width, phones.get(state.selected))
            if self.counting and state.statements and not hidden
            else []
        )
        statement_rows = sum(len(block) for block in blocks)
        # The statements and their figures come first: the bars go when there is no room
        # for them — on the wall (and a window it shares) already when a statement would
        # be hidden for them, since the room reads every statement it answers.
        needed = (statement_rows if not self.for_consultant else min(statement_rows, 3)) + 1
        if below and self.size.height and self.size.height - 2 < needed + len(below):
            below = []
        room = max(3, self.size.height - 2 - (len(below) + 1 if below else 0))
        selected = state.selected if self.counting else None
        shown = self.windowed(blocks, selected, room)
        if not self.counting:
            shown.insert(0, Content.styled(t("scale.results_title"), EMPHASIS))
        if below:
            shown += [Content(""), *below]
        self.query_one("#scale-statements", ContentLine).show(join_lines(shown))

    def _compare(self, state: ScaleState, phones: dict[int, dict[int, int]]) -> bool:
        """Statements asked again: drawn beside last time's (`scale_compare`); False otherwise."""
        from sessions.followup.repeat import REPEAT_ITEM_ID, changes, stored_repeat

        if (
            self.page.segment.id != REPEAT_ITEM_ID
            or (repeat := stored_repeat(self.live.store)) is None
        ):
            return False
        from tui.exercises.scale_compare import comparison

        answered = self.live.answers.answered(self.page.segment.id)
        meaning = " · ".join(f"{value} = {label}" for value, label in legend(state))
        if answered:
            meaning = " · ".join(filter(None, [meaning, t("scale.phones", count=answered)]))
        self.query_one("#scale-legend", ContentLine).show(Content(meaning))
        view, self.held_back = comparison(
            repeat,
            state,
            changes(repeat, state, phones),
            participants=self.live.info.details.participants,
            counting=self.counting,
            width=self.size.width or 80,
            height=self.size.height or 20,
        )
        self.query_one("#scale-statements", ContentLine).show(view)
        return True

    def _distribution(
        self, state: ScaleState, width: int, phones: dict[int, int] | None
    ) -> list[Content]:
        """The selected statement's hands (and phones) per value, as labelled bars."""
        stats = state.stats(state.selected, phones)
        most = max(stats.counts.values(), default=0)
        names = {value: label_for(state, value) for value in state.values}
        label_width = max((len(n) for n in names.values()), default=0)
        room = max(8, width - label_width - 14)
        return [
            Content.assemble(
                (f"  {value} ", "bold"),
                (names[value].ljust(label_width) + " ", MUTED),
                (bar(count, most, room), "$success"),
                (f" {count}", "bold"),
            )
            for value, count in stats.counts.items()
        ]

    def on_resize(self) -> None:
        self.refresh_view()

    def available(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add_hand":
            return self.counting and int(str(parameters[0])) in self.scale.values
        if action == "undo":
            return self.counting and bool(self.scale.history)
        if action == "select":
            return self.counting
        return True

    def action_add_hand(self, value: int) -> None:
        self.change(self.scale.add_hand(value))

    def action_undo(self) -> None:
        self.change(self.scale.undo())

    def action_select(self, offset: int) -> None:
        self.change(self.scale.select(offset))
