"""Checks that look at a theme as a whole: every plan adds up, votes point at earlier lists,
and the content fits its minutes and the room's screen."""

from __future__ import annotations

import re
import textwrap

from sessions.agenda.plan_fit import PlanPart, shortest_length
from sessions.theme import formats
from sessions.theme.model import SHORTEST_SESSION, Segment, SegmentKind
from sessions.theme.notes import example_sector
from sessions.theme.problems import Problem, problem, warning

WORDS_PER_MINUTE = 130
MINUTES_PER_QUESTION = 1.0
"""A question to the room costs about a minute with one answer."""
OPTIONAL_NOTE = re.compile(
    r"^\s*[-*]?\s*"
    r"(Valgfri(t|e)?|Optional|Før mødet|Forberedelse|Til dig selv|Before the session|For you"
    r"|Pointe|Point)"
    r"\s*:",
    re.IGNORECASE,
)
QUESTION_NOTE = re.compile(r"^\s*[-*]?\s*(Spørg|Ask)\b", re.IGNORECASE)
ROOM_COLUMNS = 76
ROOM_LINES = 14
"""What the room view at 80×24 has for a slide's text once the title and margins are drawn."""
STEP_LINES = 12
"""… and for an exercise step's text, which shares the screen with the group's work and the
countdown."""


def check_theme(segments: list[Segment], plans: tuple[int, ...]) -> list[Problem]:
    problems: list[Problem] = []
    problems += _plan_sums(segments, plans)
    problems += _shortest_session(segments, plans)
    problems += _step_minutes(segments, plans)
    problems += _kinds_checks(segments, plans)
    problems += _spoken_minutes(segments, plans)
    problems += _slides_fit(segments)
    return problems


def _plan_sums(segments: list[Segment], plans: tuple[int, ...]) -> list[Problem]:
    problems = []
    for plan in plans:
        total = sum(s.minutes.for_plan(plan) or 0 for s in segments)
        if total != plan:
            parts = ", ".join(
                f"{s.id} {s.minutes.for_plan(plan)}" for s in segments if s.minutes.for_plan(plan)
            )
            problems.append(
                problem(
                    segments[0].line, "theme.problem.plan_sum", plan=plan, total=total, parts=parts
                )
            )
    return problems


def _shortest_session(segments: list[Segment], plans: tuple[int, ...]) -> list[Problem]:
    """Every session length from the shortest allowed one can be planned: some plan's
    minimums (without its optional segments) fit it (see `sessions.agenda.plan_fit`)."""
    if not segments or not plans:
        return []
    shortest = min(
        shortest_length(
            [
                PlanPart(s.minutes.for_plan(plan) or 0, s.minimum_for(plan), s.optional)
                for s in segments
                if s.minutes.for_plan(plan) is not None
            ]
        )
        for plan in plans
    )
    if shortest <= SHORTEST_SESSION:
        return []
    return [
        warning(
            segments[0].line,
            "theme.warning.shortest_session",
            minutes=shortest,
            shortest=SHORTEST_SESSION,
        )
    ]


def _step_minutes(segments: list[Segment], plans: tuple[int, ...]) -> list[Problem]:
    problems = []
    for segment in segments:
        for plan in plans:
            planned = segment.minutes.for_plan(plan)
            used = sum(s.minutes.for_plan(plan) or 0 for s in segment.steps)
            if planned is not None and used > planned:
                problems.append(
                    problem(
                        segment.line,
                        "theme.problem.steps_too_long",
                        segment=segment.title,
                        used=used,
                        plan=plan,
                        planned=planned,
                    )
                )
    return problems


def _kinds_checks(segments: list[Segment], plans: tuple[int, ...]) -> list[Problem]:
    """What each exercise's kind checks against the rest of the theme (`FormatRules`)."""
    problems = []
    for index, segment in enumerate(segments):
        rules = formats.rules_for(segment.format)
        if rules is not None:
            problems += rules.check_in_theme(segment, segments[:index], segments[index:], plans)
    return problems


def _spoken_minutes(segments: list[Segment], plans: tuple[int, ...]) -> list[Problem]:
    """A presentation's core speaker notes, read at an even pace with one answer to each
    question, must fit its minutes in every plan it is in."""
    problems = []
    for segment in segments:
        if segment.kind is not SegmentKind.PRESENTATION:
            continue
        words = 0
        questions = 0
        for slide in segment.slides:
            previous_sector = False
            for line in slide.notes.splitlines():
                # Of a run of `Eksempel (sektor):` lines, one is told: the workplace's own.
                sector = example_sector(line) is not None
                skip = sector and previous_sector
                previous_sector = sector
                if skip or OPTIONAL_NOTE.match(line):
                    continue
                words += len(line.split())
                questions += 1 if QUESTION_NOTE.match(line) else 0
        needed = words / WORDS_PER_MINUTE + questions * MINUTES_PER_QUESTION
        shortest = min((m for p in plans if (m := segment.minutes.for_plan(p))), default=None)
        if shortest is not None and needed > shortest + 0.5:
            problems.append(
                warning(
                    segment.line,
                    "theme.warning.spoken_minutes",
                    segment=segment.title,
                    needed=round(needed),
                    planned=shortest,
                    words=words,
                    questions=questions,
                )
            )
    return problems


def wrapped_lines(text: str) -> int:
    """How many lines `text` takes on the room's 80-column screen."""
    return sum(max(1, len(textwrap.wrap(line, ROOM_COLUMNS))) for line in text.splitlines())


def _slides_fit(segments: list[Segment]) -> list[Problem]:
    """Every slide, and every step with the text that comes with it, fits the room's 80×24."""
    problems = []
    for segment in segments:
        for slide in segment.slides:
            lines = wrapped_lines(slide.body)
            if lines > ROOM_LINES:
                problems.append(
                    warning(
                        slide.line, "theme.warning.slide_too_long", slide=slide.title, lines=lines
                    )
                )
        rules = formats.rules_for(segment.format)
        for index, step in enumerate(segment.steps):
            body = (
                step.prose if rules is not None and rules.shows_list(segment, index) else step.body
            )
            text = f"{segment.intro}\n\n{body}" if index == 0 and segment.intro else body
            lines = wrapped_lines(text.strip())
            if lines > STEP_LINES:
                problems.append(
                    warning(step.line, "theme.warning.step_too_long", step=step.title, lines=lines)
                )
    return problems
