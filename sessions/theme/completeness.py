"""What `oplaeg check` asks of a theme beyond a valid format: a consultant presenting it for the
first time finds everything in it. A `## Før mødet` checklist; a key (`Pointe:` lines) to every
case; every note that says "print" naming the command that prints it, and that command printing
something; an address for every source; sector examples only for known sectors.

A theme that falls short still loads in the app (it is the consultant's own draft); only the
check fails."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from sessions.theme import formats
from sessions.theme.model import ExerciseFormat, Theme
from sessions.theme.notes import SECTORS, example_sector
from sessions.theme.problems import Problem, Problems

PRINT_WORD = re.compile(r"\b(print\w*|udskriv\w*)\b", re.IGNORECASE)
COMMAND = re.compile(r"`(oplaeg handout[^`]*)`")
_FLAGS_WITHOUT_VALUE = {"--cases", "--prep", "--invitation"}
_FLAGS_WITH_VALUE = {"--format", "--minutes", "-o", "--output"}
_CASE_PAPER = {ExerciseFormat.CASE, ExerciseFormat.CARDS}


def check_theme_file(path: Path) -> list[Problem]:
    """Every problem `oplaeg check` reports for one file: the format's and completeness's."""
    from sessions.theme.parser import load_theme_file

    theme, found = load_theme_file(path)
    if theme is None:
        return found
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return found
    return sorted([*found, *completeness(theme, text, str(path))], key=lambda p: p.line)


def completeness(theme: Theme, text: str, path: str = "<theme>") -> list[Problem]:
    problems = Problems(path)
    if not theme.preparation_line:
        problems.add(1, "theme.problem.preparation_missing")
    _kinds_completeness(theme, problems)
    _print_promises(theme, text.splitlines(), problems)
    for source in theme.sources:
        if not source.url:
            problems.add(source.line, "theme.problem.source_no_address", source=source.title)
    for number, line in enumerate(text.splitlines(), start=1):
        sector = example_sector(line)
        if sector is not None and sector not in SECTORS:
            problems.add(
                number, "theme.problem.example_sector", sector=sector, known=", ".join(SECTORS)
            )
    return problems.items


def _kinds_completeness(theme: Theme, problems: Problems) -> None:
    """What each exercise's kind asks of it before it is presented (a case's key)."""
    for segment in theme.segments:
        rules = formats.rules_for(segment.format)
        if rules is not None:
            problems.extend(rules.completeness(segment))


def _print_promises(theme: Theme, lines: list[str], problems: Problems) -> None:
    """Lines from the title to `## Kilder` that promise paper must name a command that makes it."""
    sources = next((s.line for s in theme.sources), len(lines) + 1)
    start = next((n for n, line in enumerate(lines) if line.startswith("# ")), 0)
    for number in range(start + 1, min(sources, len(lines) + 1)):
        line = lines[number - 1]
        if line.startswith("## ") and line[3:].strip().lower() in {"kilder", "sources"}:
            break
        if not PRINT_WORD.search(line):
            continue
        commands = COMMAND.findall(line)
        if not commands:
            problems.add(number, "theme.problem.print_promise")
            continue
        for command in commands:
            reason = _command_problem(theme, command)
            if reason is not None:
                problems.add(number, "theme.problem.print_command", command=command, reason=reason)


def _command_problem(theme: Theme, command: str) -> str | None:
    """Why `oplaeg handout …` would not print what the note promises (a catalogue key's
    reason, in plain words), or None when it does."""
    try:
        words = shlex.split(command)[2:]
    except ValueError:
        return "syntax"
    if not words or words[0] != theme.id:
        return f"id≠{theme.id}"
    index = 1
    while index < len(words):
        word = words[index]
        if word in _FLAGS_WITHOUT_VALUE:
            index += 1
        elif word in _FLAGS_WITH_VALUE:
            index += 2
        else:
            return word
    if "--cases" in words and not any(s.format in _CASE_PAPER for s in theme.segments):
        return "--cases"
    return None
