"""The theme format's newer parts: plans, optional segments, result steps, labels, sources,
speaker notes in exercises, and the checks that look at the whole theme."""

from sessions.exercises.scale import ScaleOptions
from sessions.exercises.voting import VotingOptions
from sessions.theme.parser import parse_theme

HEAD = """---
id: t
title: T
summary: S.
{front}---

"""
WELCOME = """## Velkommen
kind: presentation
minutes: {minutes}

### Velkommen

Hej.

Noter:
Præsentér dig.
"""
TAIL = """
## Kilder

- [Det du mærker](https://detdumærker.dk/trivsel/)
"""


def theme_text(*segments: str, front: str = "", welcome: str = "10 / 20") -> str:
    return HEAD.format(front=front) + WELCOME.format(minutes=welcome) + "\n".join(segments) + TAIL


def parsed(text: str):
    theme, problems = parse_theme(text, "t.md")
    errors = [p for p in problems if not p.warning]
    assert theme is not None, [p.format("en") for p in errors]
    return theme, problems


def keys(text: str) -> list[str]:
    return [p.key for p in parse_theme(text, "t.md")[1]]


EXERCISE = """## Øvelsen
kind: exercise
id: oevelsen
format: {format}
minutes: 80 / 100
{settings}
Introduktion til væggen.

Noter:
Til konsulenten om hele øvelsen.

### Første trin
minutes: 60 / 80
mode: par

Gør sådan.

- Et spørgsmål
- Et andet

Noter:
Hold øje med tiden.

### Resultatet
minutes: 20
show: results

- Hvad ser vi?
"""


def exercise(format: str = "reflection", settings: str = "") -> str:
    return EXERCISE.format(format=format, settings=settings + "\n" if settings else "")


def test_plans_in_the_front_matter_give_every_minutes_line_one_value_each():
    text = theme_text(
        exercise()
        .replace("minutes: 80 / 100", "minutes: 35 / 80 / 100")
        .replace("minutes: 60 / 80", "minutes: 25 / 60 / 80")
        .replace("minutes: 20\n", "minutes: 10 / 20 / 20\n"),
        front="plans: 45 / 90 / 120\n",
        welcome="10 / 10 / 20",
    )
    theme, problems = parsed(text)
    assert theme.plans == (45, 90, 120)
    assert theme.total_minutes(45) == 45
    assert theme.nearest_plan(60) == 45 and theme.nearest_plan(70) == 90
    first, *rest = keys(text.replace("plans: 45 / 90 / 120", "plans: 120 / 90"))
    assert first == "theme.problem.plans_range"
    assert rest and set(rest) == {"theme.problem.minutes_count"}


def test_a_minutes_line_with_the_wrong_number_of_values_names_the_plans():
    text = theme_text(exercise(), front="plans: 45 / 90 / 120\n", welcome="10 / 10 / 20")
    problem = next(
        p for p in parse_theme(text, "t.md")[1] if p.key == "theme.problem.minutes_count"
    )
    assert "45 / 90 / 120" in problem.format("en")


def test_optional_segments_and_result_steps():
    theme, _ = parsed(
        theme_text(exercise().replace("format: reflection", "format: reflection\noptional: yes"))
    )
    segment = theme.segments[1]
    assert segment.optional
    assert [s.show_results for s in segment.steps] == [False, True]
    assert keys(theme_text(exercise().replace("show: results", "show: everything"))) == [
        "theme.problem.step_show"
    ]
    assert "theme.problem.yes_no" in keys(
        theme_text(exercise().replace("format: reflection", "format: reflection\noptional: maybe"))
    )


def test_speaker_notes_in_an_exercise_never_reach_the_wall():
    theme, _ = parsed(theme_text(exercise()))
    segment = theme.segments[1]
    assert segment.intro == "Introduktion til væggen."
    assert segment.notes == "Til konsulenten om hele øvelsen."
    step = segment.steps[0]
    assert "Hold øje" not in step.body and step.notes == "Hold øje med tiden."
    assert step.questions == ("Et spørgsmål", "Et andet")
    assert step.prose == "Gør sådan.", "the body without its list"


def test_a_scale_has_labels():
    theme, _ = parsed(theme_text(exercise("scale", "scale: 1-5\nlabels: Slet ikke | Helt")))
    assert theme.segments[1].options == ScaleOptions(1, 5, ("Slet ikke", "Helt"))


def test_a_setting_of_another_kind_is_refused():
    assert keys(theme_text(exercise("case", "columns: A | B"))) == [
        "theme.problem.setting_not_for_kind"
    ]


SORTING = """## Tavlen
kind: exercise
id: tavle
format: sorting
columns: Kan | Skal
minutes: 40 / 50

### Sortér
minutes: 40 / 50
"""


def test_a_vote_names_earlier_lists():
    vote = (
        exercise("voting", "source: tavle#Kan | notes:idé")
        .replace("minutes: 80 / 100", "minutes: 40 / 50")
        .replace("minutes: 60 / 80", "minutes: 20 / 30")
    )
    theme, _ = parsed(theme_text(SORTING, vote))
    options = theme.segments[2].options
    assert isinstance(options, VotingOptions) and len(options.sources) == 2


def test_a_source_that_points_at_nothing_later_or_no_column_is_a_problem():
    def vote(source: str) -> str:
        return (
            exercise("voting", f"source: {source}")
            .replace("minutes: 80 / 100", "minutes: 40 / 50")
            .replace("minutes: 60 / 80", "minutes: 20 / 30")
        )

    assert keys(theme_text(SORTING, vote("nowhere"))) == ["theme.problem.source_unknown"]
    assert keys(theme_text(vote("tavle"), SORTING)) == ["theme.problem.source_later"]
    assert keys(theme_text(SORTING, vote("tavle#Måske"))) == ["theme.problem.source_column"]
    assert keys(theme_text(SORTING, vote("velkommen"))) == ["theme.problem.source_kind"]
    problem = parse_theme(theme_text(SORTING, vote("nowhere")), "t.md")[1][0]
    assert problem.format("da").startswith("t.md:") and "nowhere" in problem.format("da")


def test_warnings_do_not_stop_a_theme():
    long_slide = "\n".join(f"- Linje {n}" for n in range(20))
    text = theme_text(exercise()).replace("Hej.\n", long_slide + "\n")
    theme, problems = parsed(text)
    assert [p.key for p in problems] == ["theme.warning.slide_too_long"]
    assert problems[0].warning and problems[0].format("da").split(": ", 1)[1].startswith("advarsel")


def test_a_presentation_that_cannot_be_said_in_its_minutes_is_warned_about():
    words = " ".join(["ord"] * 1300)
    talk = f"Noter:\n{words}\nSpørg: Hvad?\nValgfrit: " + " ".join(["x"] * 900)
    text = theme_text(exercise()).replace("Noter:\nPræsentér dig.", talk)
    _, problems = parsed(text)
    warning = next(p for p in problems if p.key == "theme.warning.spoken_minutes")
    assert warning.params["words"] == 1302 and warning.params["questions"] == 1


def test_a_round_too_big_for_a_staff_group_needs_a_fallback():
    round_ = exercise("round", "seconds-per-person: 60").replace(
        "minutes: 60 / 80", "minutes: 5 / 80"
    )
    assert "theme.warning.round_no_fallback" in keys(theme_text(round_))
    with_fallback = round_.replace(
        "seconds-per-person: 60", "seconds-per-person: 60\nfallback: groups"
    )
    assert "theme.warning.round_no_fallback" not in keys(theme_text(with_fallback))


def test_links_keep_their_danish_letters():
    theme, _ = parsed(theme_text(exercise()))
    assert theme.sources[0].url == "https://detdumærker.dk/trivsel/"
