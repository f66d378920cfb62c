"""The exercise kinds on the presenter: a go-round with a countdown per speaker, dialogue cards
one at a time, walk & talk with its halfway signal, and a scale answered by show of hands.

A mixin for `PresenterScreen`: it reads `self.live` and the screen's widgets.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from sessions.agenda import Page
from sessions.countdown import Countdown
from sessions.errors import OplaegError
from sessions.exercises import CardsState, RoundState, ScaleState, average, scale_range
from sessions.export.markdown import escape_inline
from sessions.i18n import t
from sessions.theme.model import ExerciseFormat

if TYPE_CHECKING:
    from sessions.live import LiveSession

DEFAULT_SECONDS_PER_PERSON = 60
BAR_WIDTH = 30


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
        if kind is ExerciseFormat.SCALE and page.step and page.step.questions:
            return self._scale_texts(page)
        return None

    def needs_room(self, page: Page) -> bool:
        """Pages whose content matters more than a big clock."""
        return _format(page) is ExerciseFormat.SCALE

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
        if _format(page) is not ExerciseFormat.SCALE or page.step is None:
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

    def _save_state(self, state: dict[str, object]) -> None:
        try:
            self.live.save_exercise_state(state)
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
