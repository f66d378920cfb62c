"""Structural checks of every bundled theme: what a consultant relies on in the room."""

import pytest

from sessions.theme.library import bundled_content_dir, theme_files
from sessions.theme.model import ExerciseFormat, SegmentKind
from sessions.theme.parser import load_theme_file

FILES = theme_files(bundled_content_dir())
EXPECTED = {
    "smidighed",
    "omgangstone",
    "selvledelse",
    "alene-arbejde",
    "vaner-og-rytmer",
    "tid-og-kerneopgaven",
    "social-stoette",
    "kraenkende-handlinger",
}
STAFF_MEETING = 45
"""The short plan: a welcome, a ~10-minute talk, one exercise and the action plan."""


def test_every_theme_is_bundled():
    assert {path.stem for path in FILES} == EXPECTED


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_theme_is_valid_and_complete(path):
    theme, problems = load_theme_file(path)
    assert problems == []
    assert theme is not None
    assert theme.id == path.stem
    for plan in theme.plans:
        agenda = theme.agenda(plan)
        assert sum(s.minutes.for_plan(plan) or 0 for s in agenda) == plan
        exercises = [s for s in agenda if s.kind is SegmentKind.EXERCISE]
        assert agenda[0].kind is SegmentKind.PRESENTATION, "a welcome comes first"
        assert ExerciseFormat.ACTION_PLAN in {s.format for s in agenda[-3:]}
        themed = {s.format for s in exercises} - {ExerciseFormat.ROUND, ExerciseFormat.ACTION_PLAN}
        if plan == STAFF_MEETING:
            assert len(exercises) == 2 and themed, "one exercise, then the action plan"
            assert not any(s.kind is SegmentKind.BREAK for s in agenda)
        else:
            assert exercises[0].format is ExerciseFormat.ROUND, "a check-in opens the session"
            assert len(themed) >= 3 or len(themed | {ExerciseFormat.ROUND}) >= 3
        for segment in exercises:
            used = sum(step.minutes.for_plan(plan) or 0 for step in segment.steps)
            assert used <= (segment.minutes.for_plan(plan) or 0)
            assert segment.steps, f"{segment.id} has timed steps"
    for segment in theme.segments:
        if segment.format is ExerciseFormat.ACTION_PLAN or segment is theme.segments[-1]:
            assert not segment.optional, f"{segment.id} is never left out"
    assert any(s.kind is SegmentKind.BREAK for s in theme.agenda(120))
    assert not any(s.kind is SegmentKind.BREAK for s in theme.agenda(90))
    slides = [slide for s in theme.segments for slide in s.slides]
    assert 8 <= len(slides) <= 15
    assert all(slide.notes.strip() for slide in slides), "every slide has speaker notes"
    formats = {s.format for s in theme.segments if s.format}
    assert len(formats) >= 4
    assert theme.sources and any(source.url for source in theme.sources)
