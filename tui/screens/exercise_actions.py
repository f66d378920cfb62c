"""The exercise kinds on the presenter: a go-round with a countdown per speaker, dialogue cards
one at a time, walk & talk with its halfway signal, and a scale answered by show of hands.

A mixin for `PresenterScreen`: it reads `self.live` and the screen's widgets.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from sessions.pages import Page
from sessions.countdown import Countdown
from sessions.errors import OplaegError
from sessions.exercises import (
    BoardState,
    CardsState,
    RoundState,
    ScaleState,
    VotingState,
    average,
    scale_range,
    voting_candidates,
)
from sessions.export.markdown import escape_inline
from sessions.i18n import t
from sessions.text import clean_line
from sessions.theme.model import ExerciseFormat

if TYPE_CHECKING:
    from sessions.live import LiveSession

DEFAULT_SECONDS_PER_PERSON = 60
BAR_WIDTH = 30
TOP_TO_PLAN = 3


def format_decimal(value: float) -> str:
    """`3.4` → `3,4` in Danish, `3.4` in English."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if t("decimal.comma") == "," else text


def _format(page: Page) -> ExerciseFormat | None:
    return page.segment.format if page.step is not None else None


def seconds_per_person(page: Page) -> int:
    raw = page.segment.settings.get("seconds-per-person", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_SECONDS_PER_PERSON


class ExerciseActions:
    """What the presenter does on exercise pages of a particular kind."""

    live: LiveSession

    # -- what is shown ------------------------------------------------------------------------

    def exercise_texts(self, page: Page) -> tuple[str, str] | None:
        """(step line, Markdown body) for pages of a special kind, else None."""
        kind = _format(page)
        if kind is ExerciseFormat.ROUND:
            return self._round_texts(page)
        if kind is ExerciseFormat.CARDS and page.step and page.step.questions:
            return self._cards_texts(page)
        if kind is ExerciseFormat.SCALE and page.index == 0 and page.step and page.step.questions:
            return self._scale_texts(page)  # the first step is the show of hands
        if kind is ExerciseFormat.SORTING:
            return self._board_texts(page)
        if kind is ExerciseFormat.VOTING:
            return self._voting_texts(page)
        if kind is ExerciseFormat.CASE:
            return self._case_texts(page)
        return None

    # -- sorting board --------------------------------------------------------------------

    def _board(self, page: Page) -> BoardState:
        return BoardState.from_dict(self.live.exercise_state(page, whole_segment=True))

    def _board_texts(self, page: Page) -> tuple[str, str]:
        columns = page.segment.columns or ("–",)
        board = self._board(page)
        by_column = [
            [i for i in board.ordered(len(columns)) if board.items[i].column == c]
            for c in range(len(columns))
        ]
        depth = max((len(c) for c in by_column), default=0)

        def cell(column: list[int], row: int) -> str:
            if row >= len(column):
                return ""
            item = board.items[column[row]]
            text = escape_inline(item.text)
            if item.reason:
                text += f" *({escape_inline(item.reason)})*"
            return f"**▶ {text}**" if column[row] == board.selected else text

        table = [
            "| " + " | ".join(escape_inline(c) for c in columns) + " |",
            "|---" * len(columns) + "|",
        ]
        table += ["| " + " | ".join(cell(c, r) for c in by_column) + " |" for r in range(depth)]
        body = (page.step.body if page.step else "") + "\n\n" + "\n".join(table)
        column = columns[min(board.current_column, len(columns) - 1)]
        return t("board.hint", column=column), body

    def _save_board(self, board: BoardState) -> None:
        page = self.live.page
        self._save_state(
            board.to_dict() | {"columns": list(page.segment.columns)}, whole_segment=True
        )

    # -- dot voting -------------------------------------------------------------------------

    def _voting(self, page: Page) -> VotingState:
        stored = self.live.exercise_state(page)
        if stored.get("items"):
            return VotingState.from_dict(stored)
        boards = [BoardState.from_dict(d) for d in self.live.exercise_docs("sorting")]
        tagged = [n.text for n in self.live.notes() if n.tag is not None and not n.private]
        items = voting_candidates(
            boards, tagged or [n.text for n in self.live.notes() if not n.private]
        )
        return VotingState(tuple(items), (0,) * len(items))

    def _voting_texts(self, page: Page) -> tuple[str, str]:
        state = self._voting(page)
        intro = page.step.body if page.step else ""
        if not state.items:
            return t("voting.empty"), intro
        most = max(state.votes, default=0) or 1
        width = max(len(text) for text in state.items[:12])
        ranked = [
            f"{text[:40]:<{min(width, 40)}} {'█' * round(votes / most * BAR_WIDTH)} {votes}"
            for text, votes in state.ranked()[:12]
        ]
        lines = [
            f"- **▶ {escape_inline(text)}**"
            if number == state.selected
            else f"- {escape_inline(text)}"
            for number, text in enumerate(state.items)
        ]
        body = "```\n" + "\n".join(ranked) + "\n```\n\n" + "\n".join(lines)
        return t("voting.hint"), body

    # -- case --------------------------------------------------------------------------------

    def _case_texts(self, page: Page) -> tuple[str, str]:
        agreements = [
            str(a) for a in self.live.exercise_state(page, whole_segment=True).get("agreements", [])
        ]  # type: ignore[union-attr]
        body = page.step.body if page.step else ""
        if agreements:
            body += f"\n\n**{t('case.agreements')}**\n\n" + "\n".join(
                f"- {escape_inline(a)}" for a in agreements
            )
        return t("case.hint"), body

    def exercise_kind(self, page: Page) -> str | None:
        """The kind whose keys apply on `page` (None: no special keys)."""
        kind = _format(page)
        if kind is ExerciseFormat.SCALE and page.index != 0:
            return None
        if kind is ExerciseFormat.CARDS and not (page.step and page.step.questions):
            return None
        return kind.value if kind is not None else None

    def current_card(self) -> int | None:
        """The dialogue card on screen, so a note can say which card it is about."""
        page = self.live.page
        if self.exercise_kind(page) != ExerciseFormat.CARDS.value or page.step is None:
            return None
        return min(self._cards(page).card, len(page.step.questions) - 1)

    def needs_room(self, page: Page) -> bool:
        """Pages whose content matters more than a big clock."""
        kind = _format(page)
        return (kind is ExerciseFormat.SCALE and page.index == 0) or kind in (
            ExerciseFormat.SORTING,
            ExerciseFormat.VOTING,
        )

    def exercise_countdown(self, page: Page) -> Countdown | None:
        """During a go-round, the current speaker's countdown replaces the step's."""
        if _format(page) is ExerciseFormat.ROUND and self._round(page).speaker > 0:
            return self.live.timer(self._speaker_key(page), seconds_per_person(page))
        return None

    def _round(self, page: Page) -> RoundState:
        return RoundState.from_dict(self.live.exercise_state(page))

    @staticmethod
    def _speaker_key(page: Page) -> str:
        return f"{page.key}#speaker"

    def _round_texts(self, page: Page) -> tuple[str, str]:
        participants = self.live.info.details.participants
        each = seconds_per_person(page)
        speaker = self._round(page).speaker
        body = page.step.body if page.step else ""
        if speaker == 0:
            total = participants * each
            line = t(
                "round.before",
                participants=participants,
                seconds=each,
                total=f"{total // 60}:{total % 60:02d}",
            )
        else:
            line = t(
                "round.speaker",
                speaker=speaker,
                participants=participants,
                left=participants - speaker,
                seconds=each,
            )
        return line, body

    def _cards(self, page: Page) -> CardsState:
        return CardsState.from_dict(self.live.exercise_state(page))

    def _cards_texts(self, page: Page) -> tuple[str, str]:
        cards = page.step.questions if page.step else ()
        state = self._cards(page)
        card = min(state.card, len(cards) - 1)
        marker = f" · ★ {t('cards.important')}" if card in state.important else ""
        line = t("cards.position", card=card + 1, cards=len(cards)) + marker
        return line, f"# {cards[card]}"

    def _scale(self, page: Page) -> ScaleState:
        return ScaleState.from_dict(self.live.exercise_state(page))

    def _scale_texts(self, page: Page) -> tuple[str, str]:
        statements = page.step.questions if page.step else ()
        values = scale_range(page.segment.settings.get("scale", "1-5"))
        state = self._scale(page)
        lines = []
        for number, statement in enumerate(statements):
            row = state.row(number)
            mean = average(row)
            shown = format_decimal(mean) if mean is not None else "–"
            counts = "  ".join(f"{value}: {row.get(value, 0)}" for value in values)
            text = f"{escape_inline(statement)} — {t('scale.average')} {shown} · {counts}"
            lines.append(f"- **▶ {text}**" if number == state.selected else f"- {text}")
        row = state.row(state.selected)
        most = max(row.values(), default=0) or 1
        bars = [
            f"{value:>2} {'█' * round(row.get(value, 0) / most * BAR_WIDTH)} {row.get(value, 0)}"
            for value in values
        ]
        body = "```\n" + "\n".join(bars) + "\n```\n\n" + "\n".join(lines)
        line = t("scale.hint", low=values[0], high=values[-1])
        return line, body

    # -- keys ---------------------------------------------------------------------------------

    def intercept_navigation(self, forward: bool) -> bool:
        """Next/previous inside a round or a card deck; True when it was used there."""
        page = self.live.page
        kind = _format(page)
        if kind is ExerciseFormat.ROUND and forward:
            speaker = self._round(page).speaker
            if 0 < speaker < self.live.info.details.participants:
                self.action_next_speaker()
                return True
        if kind is ExerciseFormat.CARDS and page.step and page.step.questions:
            state = self._cards(page)
            target = state.card + (1 if forward else -1)
            if 0 <= target < len(page.step.questions):
                self._save_state(
                    CardsState(target, state.important).to_dict()
                    | {"cards": list(page.step.questions)}
                )
                return True
        return False

    def action_primary(self) -> None:
        """Enter on an exercise page: its main thing (next speaker, new item, votes …)."""
        kind = _format(self.live.page)
        if kind is ExerciseFormat.ROUND:
            self.action_next_speaker()
        elif kind is ExerciseFormat.SORTING:
            self._prompt(t("board.new", column=self._column_name()), self._add_board_item)
        elif kind is ExerciseFormat.VOTING:
            state = self._voting(self.live.page)
            if state.items:
                item = state.items[state.selected]
                self._prompt(
                    t("voting.votes", item=item), self._set_votes, str(state.votes[state.selected])
                )
        elif kind is ExerciseFormat.CASE:
            self._prompt(t("case.new"), self._add_agreement)

    def _prompt(self, question: str, then: Callable[[str], None], value: str = "") -> None:
        from tui.screens.text_prompt import TextPrompt

        def answered(text: str | None) -> None:
            if text is not None and text.strip():
                then(clean_line(text))

        self.app.push_screen(TextPrompt(question, value), answered)  # type: ignore[attr-defined]

    def _column_name(self) -> str:
        columns = self.live.page.segment.columns or ("–",)
        return columns[min(self._board(self.live.page).current_column, len(columns) - 1)]

    def _add_board_item(self, text: str) -> None:
        board = self._board(self.live.page)
        self._save_board(board.add(text, board.current_column))

    def _set_votes(self, text: str) -> None:
        if text.isdigit():
            page = self.live.page
            self._save_state(self._voting(page).set_votes(int(text)).to_dict())

    def _add_agreement(self, text: str) -> None:
        stored = self.live.exercise_state(whole_segment=True)
        agreements = [*stored.get("agreements", []), text]  # type: ignore[misc]
        self._save_state({"agreements": agreements}, whole_segment=True)

    def action_board_move(self, offset: int) -> None:
        page = self.live.page
        if _format(page) is ExerciseFormat.SORTING:
            self._save_board(self._board(page).move(offset, len(page.segment.columns)))

    def action_reason(self) -> None:
        page = self.live.page
        if _format(page) is ExerciseFormat.SORTING and self._board(page).items:
            board = self._board(page)
            item = board.items[board.selected]

            def reasoned(text: str) -> None:
                self._save_board(self._board(self.live.page).with_reason(text))

            self._prompt(t("board.reason", item=item.text), reasoned, item.reason)

    def action_remove(self) -> None:
        page = self.live.page
        kind = _format(page)
        if kind is ExerciseFormat.SORTING:
            self._save_board(self._board(page).remove())
        elif kind is ExerciseFormat.CASE:
            stored = self.live.exercise_state(whole_segment=True)
            agreements = list(stored.get("agreements", []))  # type: ignore[call-overload]
            self._save_state({"agreements": agreements[:-1]}, whole_segment=True)

    def action_votes_to_plan(self) -> None:
        """Carry the three items with most votes into the action plan."""
        page = self.live.page
        if _format(page) is not ExerciseFormat.VOTING:
            return
        existing = {a.what for a in self.live.actions()}
        top = [text for text, votes in self._voting(page).ranked()[:TOP_TO_PLAN] if votes]
        added = 0
        for text in top:
            if text not in existing:
                try:
                    self.live.save_action(None, text, "", "", "")
                except OplaegError as error:
                    self.notify(
                        t("error.storage", reason=str(error)),
                        severity="error",  # type: ignore[attr-defined]
                        markup=False,
                    )
                    return
                added += 1
        self.notify(t("voting.to_plan", count=added), markup=False)  # type: ignore[attr-defined]

    def action_next_speaker(self) -> None:
        page = self.live.page
        if _format(page) is not ExerciseFormat.ROUND:
            return
        speaker = self._round(page).speaker
        if speaker >= self.live.info.details.participants:
            self.notify(t("round.done"), markup=False)  # type: ignore[attr-defined]
            return
        countdown = self.live.timer(self._speaker_key(page), seconds_per_person(page))
        countdown.restart(seconds_per_person(page))
        countdown.start()
        with contextlib.suppress(OplaegError):  # the state saved below reports a problem once
            self.live.save_timer(self._speaker_key(page))
        participants = self.live.info.details.participants
        self._save_state(RoundState(speaker + 1).to_dict() | {"participants": participants})

    def action_toggle_important(self) -> None:
        page = self.live.page
        if _format(page) is ExerciseFormat.CARDS and page.step is not None:
            self._save_state(
                self._cards(page).toggle_important().to_dict()
                | {"cards": list(page.step.questions)}
            )

    def action_scale_add(self, value: int, hands: int = 1) -> None:
        page = self.live.page
        if _format(page) is not ExerciseFormat.SCALE or page.step is None or page.index != 0:
            return
        if value not in scale_range(page.segment.settings.get("scale", "1-5")):
            return
        state = self._scale(page)
        self._save_state(
            state.add(state.selected, value, hands).to_dict()
            | {
                "statements": list(page.step.questions),
                "scale": page.segment.settings.get("scale", "1-5"),
                "last": value if hands > 0 else None,
            }
        )

    def action_scale_undo(self) -> None:
        """Take back the last hand counted."""
        last = self.live.exercise_state().get("last")
        if isinstance(last, int):
            self.action_scale_add(last, -1)

    def action_select(self, offset: int) -> None:
        """Up/down: choose a statement, a board item or a voting item."""
        page = self.live.page
        kind = _format(page)
        if kind is ExerciseFormat.SORTING:
            self._save_board(self._board(page).select(offset, len(page.segment.columns)))
        elif kind is ExerciseFormat.VOTING:
            self._save_state(self._voting(page).select(offset).to_dict())
        elif kind is ExerciseFormat.SCALE:
            self.action_scale_select(offset)

    def action_scale_select(self, offset: int) -> None:
        page = self.live.page
        if _format(page) is not ExerciseFormat.SCALE or page.step is None:
            return
        state = self._scale(page)
        target = min(max(state.selected + offset, 0), len(page.step.questions) - 1)
        self._save_state(
            state.select(target).to_dict()
            | {
                "statements": list(page.step.questions),
                "scale": page.segment.settings.get("scale", "1-5"),
            }
        )

    def _save_state(self, state: dict[str, object], *, whole_segment: bool = False) -> None:
        try:
            self.live.save_exercise_state(state, whole_segment=whole_segment)
        except OplaegError as error:
            self.notify(
                t("error.storage", reason=str(error)),
                severity="error",  # type: ignore[attr-defined]
                markup=False,
            )
        self.show_page()  # type: ignore[attr-defined]

    def walk_and_talk_signal(self, page: Page, countdown: Countdown | None) -> str | None:
        """Halfway through a walk & talk: "byt roller" (once, with the bell)."""
        if _format(page) is not ExerciseFormat.WALK_AND_TALK or countdown is None:
            return None
        if countdown.running and 0 < countdown.remaining() <= countdown.duration / 2:
            return t("walk.swap")
        return None
