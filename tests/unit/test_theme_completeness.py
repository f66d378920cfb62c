"""What `oplaeg check` asks of a theme beyond its format (sessions/theme/completeness.py): a
'Før mødet' checklist, a key to every case, a command behind every print promise, an address
for every source, known sectors; and the notes' prefixes (`Pointe:`, `Eksempel (sektor):`)."""

from __future__ import annotations

from pathlib import Path

from sessions.theme.completeness import completeness
from sessions.theme.notes import for_sector, points
from sessions.theme.parser import parse_theme
from sessions.theme.starter import starter_theme
from tui import cli

CASE = """
## Case
kind: exercise
format: case
minutes: 10 / 10 / 10

**Mette** har en svær dag.

**Sanne** tænker på borgerne.

### I grupperne
minutes: 5 / 5 / 5
mode: gruppe

- Hvad er på spil?

### Vores aftaler
minutes: 5 / 5 / 5
mode: plenum

- Hvad aftaler vi?

Noter:
{points}
"""


def theme_text(*, prep: bool = True, points: int = 3, note: str = "", source: str = "") -> str:
    text = starter_theme("prove")
    if not prep:
        start = text.index("## Før mødet")
        text = text[:start] + text[text.index("## Velkommen") :]
    keys = "\n".join(f"Pointe: nummer {n}" for n in range(points))
    case = CASE.format(points=keys)
    text = text.replace("## Handlingsplan", case.strip() + "\n\n## Handlingsplan", 1)
    text = text.replace("minutes: 15 / 30 / 35\nminimum: 10", "minutes: 5 / 20 / 25\nminimum: 5")
    text = text.replace("### Aftaler\nminutes: 15 / 30 / 35", "### Aftaler\nminutes: 5 / 20 / 25")
    if note:
        text = text.replace("Spørg: Hvad kender I fra jeres egen hverdag?", note)
    if source:
        text = text.rstrip("\n") + f"\n- {source}\n"
    return text


def problems(text: str) -> list[str]:
    theme, found = parse_theme(text, "prove.md")
    assert theme is not None, [str(p) for p in found]
    assert not [p for p in found if not p.warning], [str(p) for p in found]
    return [p.key for p in completeness(theme, text)]


def test_a_complete_theme_has_no_problems():
    assert problems(theme_text()) == []


def test_the_checklist_is_read_with_its_blanks():
    theme, _ = parse_theme(theme_text(), "prove.md")
    assert theme is not None and theme.preparation_line > 0
    blanks = [item.text for item in theme.preparation if item.blank]
    assert blanks == ["Arbejdsmiljørepræsentant (AMR)", "Tillidsrepræsentant (TR)"]
    assert theme.preparation[0].text.startswith("Aftal med lederen")
    assert not any(s.title == "Før mødet" for s in theme.segments), "not a segment"


def test_a_theme_without_a_checklist_fails():
    assert problems(theme_text(prep=False)) == ["theme.problem.preparation_missing"]


def test_a_case_needs_three_to_five_points():
    assert problems(theme_text(points=2)) == ["theme.problem.case_points"]
    assert problems(theme_text(points=5)) == []
    assert problems(theme_text(points=6)) == ["theme.warning.case_points_many"]


def test_a_print_promise_needs_a_command_that_prints_it():
    assert problems(theme_text(note="Print casen til grupperne.")) == [
        "theme.problem.print_promise"
    ]
    ok = "Print casen: `oplaeg handout prove --cases --format html -o casene.html`"
    assert problems(theme_text(note=ok)) == []
    other = "Print casen: `oplaeg handout et-andet-tema --cases`"
    assert problems(theme_text(note=other)) == ["theme.problem.print_command"]
    unknown = "Print casen: `oplaeg handout prove --farver`"
    assert problems(theme_text(note=unknown)) == ["theme.problem.print_command"]


def test_cases_paper_needs_a_case_or_cards():
    text = theme_text().replace("format: case", "format: reflection")
    text = text.replace("Pointe: nummer 0", "Print: `oplaeg handout prove --cases`")
    assert "theme.problem.print_command" in problems(text)


def test_a_source_needs_an_address():
    assert problems(theme_text(source="En bog uden adresse (2006)")) == [
        "theme.problem.source_no_address"
    ]


def test_sector_examples_name_a_known_sector():
    assert problems(theme_text(note="Eksempel (kontor): Et jobcenter …")) == []
    assert problems(theme_text(note="Eksempel (rumfart): En raket …")) == [
        "theme.problem.example_sector"
    ]


def test_points_and_sector_examples_on_the_console():
    notes = "Spørg: x\nPointe: a\nEksempel (omsorg): o\nEksempel (kontor): k\nSlut"
    assert points(notes) == ["a"]
    shown = for_sector(notes, "kontor").splitlines()
    assert shown[1] == "▸ **Pointe**: a"
    assert shown[2:4] == ["**Eksempel (kontor)**: k", "Eksempel (omsorg): o"], "own first"
    as_written = ["Eksempel (omsorg): o", "Eksempel (kontor): k"]
    assert for_sector(notes, "andet").splitlines()[2:4] == as_written


def test_oplaeg_check_fails_an_incomplete_theme(tmp_path: Path, capsys):
    path = tmp_path / "prove.md"
    path.write_text(theme_text(prep=False), encoding="utf-8")
    assert cli.main(["check", str(path)]) == 1
    assert "Før mødet" in capsys.readouterr().err
    path.write_text(theme_text(), encoding="utf-8")
    assert cli.main(["check", str(path)]) == 0


def test_the_documented_example_passes_oplaeg_check():
    from tests.unit.test_theme_parser import example

    theme, _ = parse_theme(example(), "eksempel.md")
    assert theme is not None
    assert completeness(theme, example()) == []
