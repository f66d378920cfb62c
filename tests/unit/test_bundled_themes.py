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
    "hoeje-foelelsesmaessige-krav",
}
STAFF_MEETING = 45
"""The short plan: one item on a staff meeting, with no check-in round and no break."""


def test_every_expected_theme_is_bundled():
    assert {path.stem for path in FILES} == EXPECTED


@pytest.fixture(params=FILES, ids=lambda p: p.stem)
def theme(request):
    theme, problems = load_theme_file(request.param)
    assert [str(p) for p in problems] == [], "no problems and no warnings"
    assert theme is not None and theme.id == request.param.stem
    return theme


def test_every_theme_plans_45_90_and_120_minutes_exactly(theme):
    assert theme.plans == (45, 90, 120)
    for plan in theme.plans:
        agenda = theme.agenda(plan)
        assert sum(s.minutes.for_plan(plan) or 0 for s in agenda) == plan
        assert agenda[0].kind is SegmentKind.PRESENTATION, "a welcome comes first"
        assert ExerciseFormat.ACTION_PLAN in {s.format for s in agenda[-3:]}
        assert not agenda[-1].optional, "the round-off is never left out"
        assert not any(s.optional for s in agenda if s.format is ExerciseFormat.ACTION_PLAN)
        for segment in agenda:
            if segment.kind is SegmentKind.EXERCISE:
                used = sum(step.minutes.for_plan(plan) or 0 for step in segment.steps)
                assert segment.steps and used <= (segment.minutes.for_plan(plan) or 0)


def test_longer_plans_open_with_a_round_and_vary_their_exercises(theme):
    for plan in (90, 120):
        exercises = [s for s in theme.agenda(plan) if s.kind is SegmentKind.EXERCISE]
        assert exercises[0].format is ExerciseFormat.ROUND, "a check-in opens the session"
        themed = {s.format for s in exercises} - {ExerciseFormat.ROUND, ExerciseFormat.ACTION_PLAN}
        assert len(themed) >= 2, "besides the rounds and the plan, at least two kinds of work"


def test_only_the_longest_plan_has_a_break(theme):
    assert any(s.kind is SegmentKind.BREAK for s in theme.agenda(120))
    assert not any(s.kind is SegmentKind.BREAK for s in theme.agenda(STAFF_MEETING))
    assert not any(s.kind is SegmentKind.BREAK for s in theme.agenda(90))


def test_the_staff_meeting_plan_is_a_talk_one_exercise_and_the_plan(theme):
    exercises = [s for s in theme.agenda(STAFF_MEETING) if s.kind is SegmentKind.EXERCISE]
    kinds = [s.format for s in exercises]
    assert ExerciseFormat.ACTION_PLAN in kinds
    assert any(k not in (ExerciseFormat.ROUND, ExerciseFormat.ACTION_PLAN) for k in kinds)


def test_every_slide_has_speaker_notes_and_the_theme_its_sources(theme):
    slides = [slide for s in theme.segments for slide in s.slides]
    assert 8 <= len(slides) <= 16
    assert all(slide.notes.strip() for slide in slides), "every slide has speaker notes"
    assert len({s.format for s in theme.segments if s.format}) >= 4
    assert theme.sources and all(
        source.url is None or "xn--" not in source.url for source in theme.sources
    )
    assert any(source.url for source in theme.sources)


def test_every_theme_is_complete_for_a_first_time_consultant(theme):
    """`oplaeg check`'s completeness: a checklist, a key to every case, every print promise
    kept, every source with an address."""
    from sessions.theme.completeness import completeness

    assert theme.path is not None
    text = theme.path.read_text(encoding="utf-8")
    assert [str(p) for p in completeness(theme, text)] == []
    assert len(theme.preparation) >= 6 and any(item.blank for item in theme.preparation)


def test_every_print_promise_prints_something(theme, tmp_path, capsys):
    """Each `oplaeg handout …` a note names runs and writes the paper it promises."""
    import re
    import shlex

    from tui import cli

    assert theme.path is not None
    commands = set(re.findall(r"`(oplaeg handout [^`]*)`", theme.path.read_text("utf-8")))
    assert commands, "the checklist names at least the handout"
    for number, command in enumerate(sorted(commands)):
        words = shlex.split(command)[1:]
        target = tmp_path / f"{number}.out"
        if "-o" in words:
            words[words.index("-o") + 1] = str(target)
        else:
            words += ["-o", str(target)]
        assert cli.main(["--data-dir", str(tmp_path / "data"), *words]) == 0, command
        written = target.read_text(encoding="utf-8")
        if "--cases" in words:
            cases = [
                s for s in theme.segments if s.format in (ExerciseFormat.CASE, ExerciseFormat.CARDS)
            ]
            assert cases and all(s.title in written for s in cases), command
    capsys.readouterr()


def test_the_welcome_notes_hold_only_what_is_said(theme):
    """Preparation lives in `## Før mødet`, not in the notes read with the group seated."""
    welcome = theme.segments[0]
    for slide in welcome.slides:
        for line in slide.notes.splitlines():
            assert not line.lower().startswith(("før mødet", "forbered dig")), line
            assert "print" not in line.lower(), line


def test_every_example_on_a_slide_is_told_for_three_sectors(theme):
    """A consultant at a jobcenter, a school or a hospital ward finds an example for their own
    workplace: besides care (or a plain example for all), an office one and a school or health
    one, on consecutive lines."""
    from sessions.theme.notes import example_sector

    for segment in theme.segments:
        for slide in segment.slides:
            lines = slide.notes.splitlines()
            examples = [line for line in lines if line.startswith("Eksempel")]
            if not examples:
                continue
            sectors = {example_sector(line) for line in examples}
            assert "kontor" in sectors, slide.title
            assert sectors & {"undervisning", "sundhed"}, slide.title
            assert sectors & {"omsorg", None}, slide.title
