import re
from pathlib import Path

from sessions.theme.model import ExerciseFormat, SegmentKind, StepMode
from sessions.theme.parser import load_theme_file, parse_theme

README = Path(__file__).parents[2] / "content" / "README.md"


def example() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"```markdown\n(---\n.*?)```\n", text, re.S)
    assert match, "content/README.md must hold a complete example theme"
    return match.group(1)


def test_the_documented_example_parses_completely():
    theme, problems = parse_theme(example(), "eksempel.md")
    assert problems == []
    assert theme is not None
    assert (theme.id, theme.title) == ("eksempel", "Et lille eksempel")
    assert [s.kind for s in theme.segments] == [
        SegmentKind.PRESENTATION,
        SegmentKind.EXERCISE,
        SegmentKind.BREAK,
    ]
    talk, exercise, pause = theme.segments
    assert [s.title for s in talk.slides] == ["Velkommen", "Hvad taler vi om?"]
    assert talk.slides[0].body == "Dagens program og rammer."
    assert talk.slides[0].notes == "Præsenter dig selv og fortæl, hvordan noterne bliver brugt."
    assert "Noter" not in talk.slides[1].body
    assert exercise.format is ExerciseFormat.REFLECTION
    assert exercise.intro == "Tænk først selv, tal så med din sidemand."
    assert [s.mode for s in exercise.steps] == [StepMode.ALONE, StepMode.PAIRS, StepMode.PLENUM]
    assert exercise.steps[0].questions == ("Hvornår fik du sidst hjælp?",)
    assert exercise.steps[1].minutes.for_plan(120) == 20
    assert pause.minutes.for_plan(90) is None
    assert [s.id for s in theme.agenda(90)] == ["oplaeg", "refleksion"]
    assert theme.total_minutes(90) == 90 and theme.total_minutes(120) == 120
    assert theme.sources[0].url == "https://detdumaerker.dk"
    assert theme.plans == (90, 120)


def problems_of(text: str) -> list[str]:
    """Every problem of a broken theme, as `oplaeg check --lang en` prints them."""
    theme, problems = parse_theme(text, "t.md")
    assert theme is None
    return [p.format("en") for p in problems]


def test_every_problem_has_file_and_line():
    broken = example().replace("minutes: 50 / 60", "minutes: 50 / x")
    broken = broken.replace("format: reflection", "format: quiz")
    found = problems_of(broken)
    assert all(re.match(r"^t\.md:\d+: ", p) for p in found)
    assert any("'x' for the 120-minute plan" in p for p in found)
    assert any("format 'quiz'" in p for p in found)


def test_wrong_totals_name_the_plan():
    broken = example().replace("minutes: 40 / 50", "minutes: 35 / 50")
    (problem,) = problems_of(broken)
    assert problem.startswith("t.md:16: the 90-minute plan adds up to 85 minutes, not 90")


def test_steps_may_not_exceed_the_segment():
    broken = example().replace("minutes: 25 / 25", "minutes: 30 / 25")
    (problem,) = problems_of(broken)
    assert "its steps take 55 minutes in the 90-minute plan, but the segment has 50" in problem


def test_missing_front_matter():
    (problem, *rest) = problems_of("# Kun en titel\n")
    assert problem.startswith("t.md:1: ")
    assert any("front matter" in p for p in [problem, *rest])


def test_unknown_kind_and_setting():
    broken = (
        example()
        .replace("kind: break", "kind: lunch")
        .replace("id: eksempel", "id: eksempel\ncolour: red")
    )
    found = problems_of(broken)
    assert any("kind 'lunch'" in p for p in found)
    assert any("unknown front matter key 'colour'" in p for p in found)


def test_sorting_needs_columns_and_scale_needs_a_scale():
    broken = example().replace("format: reflection", "format: sorting")
    assert any("columns: A | B" in p for p in problems_of(broken))
    broken = example().replace("format: reflection", "format: scale\nscale: 5-1")
    assert any("scale: 1-5" in p for p in problems_of(broken))


def test_duplicate_segment_ids():
    broken = example().replace("## Pause\nkind: break", "## Pause\nid: oplaeg\nkind: break")
    assert any("segment id 'oplaeg' is already used on line 16" in p for p in problems_of(broken))


def test_a_presentation_without_slides_and_a_segment_without_settings():
    text = example().replace("## Pause\nkind: break\nminutes: - / 10", "## Pause\n\nBare tekst.")
    assert any("needs a settings paragraph" in p for p in problems_of(text))


def test_sources_are_required():
    text = example().split("## Kilder")[0]
    assert any("no '## Kilder' section" in p for p in problems_of(text))


def test_unreadable_and_non_utf8_files(tmp_path: Path):
    bad = tmp_path / "latin1.md"
    bad.write_bytes("Ærø".encode("latin-1"))
    theme, problems = load_theme_file(bad)
    assert theme is None
    assert problems[0].format("en").startswith(f"{bad}:1: not UTF-8")
    assert problems[0].format("da").startswith(f"{bad}:1: ikke UTF-8")
    theme, problems = load_theme_file(tmp_path / "missing.md")
    assert problems[0].format("en").startswith(f"{tmp_path / 'missing.md'}:1: cannot read")


def test_scale_and_cards_need_their_list_items():
    scale = (
        example()
        .replace("format: reflection", "format: scale\nscale: 1-5")
        .replace("- Hvornår fik du sidst hjælp?", "Bare tekst.")
    )
    assert any("first step of a scale lists its statements" in p for p in problems_of(scale))
    cards = example().replace("format: reflection", "format: cards")
    for question in (
        "- Hvornår fik du sidst hjælp?",
        "- Hvad gjorde forskellen?",
        "- Hvad vil vi gøre mere af?",
    ):
        cards = cards.replace(question, "Tekst.")
    assert any("dialogue cards need a step" in p for p in problems_of(cards))


def test_sources_read_links_of_every_kind_and_titles_without_markup():
    text = example()
    sources = re.search(r"\n## Kilder\n.*?(?=\n## |\Z)", text, re.S)
    assert sources, "the example has a Kilder section"
    listed = (
        "\n## Kilder\n\n"
        "- [NFA om **social støtte**](https://nfa.dk/social-stoette)\n"
        "- Arbejdstilsynet: <https://at.dk/psykisk>\n"
        "- [BEK nr. 1406][bek]\n"
        "- `kode` og tekst uden link\n"
        "- [en server](ftp://example.org/x)\n"
        "\n[bek]: https://www.retsinformation.dk/eli/lta/2020/1406\n"
    )
    theme, problems = parse_theme(text.replace(sources.group(0), listed), "t.md")
    found = [(s.title, s.url) for s in (theme.sources if theme else [])]
    assert found[:4] == [
        ("NFA om social støtte", "https://nfa.dk/social-stoette"),
        ("Arbejdstilsynet: https://at.dk/psykisk", "https://at.dk/psykisk"),
        ("BEK nr. 1406", "https://www.retsinformation.dk/eli/lta/2020/1406"),
        ("kode og tekst uden link", None),
    ] or [p.format("en") for p in problems]
    assert any("ftp://example.org/x" in p.format("en") for p in problems), "a link must be http(s)"
