"""What the speaker notes' line prefixes mean: `Pointe:` (a point the groups should arrive at,
the consultant's key to a case or a scale) and `Eksempel (sektor):` (the same example told for
one kind of workplace; the console shows the workplace's own sector first)."""

from __future__ import annotations

import re

POINT = re.compile(r"^\s*[-*]?\s*(Pointe|Point)\s*:\s*", re.IGNORECASE)
SECTOR_EXAMPLE = re.compile(r"^\s*[-*]?\s*(Eksempel|Example)\s*\(([^)]*)\)\s*:\s*", re.IGNORECASE)
SECTORS = ("omsorg", "kontor", "undervisning", "sundhed")
"""The kinds of workplace a theme's examples are written for; `andet` (any other) shows all."""
OTHER_SECTOR = "andet"
MIN_POINTS = 3
MAX_POINTS = 5
"""A case's key: three to five `Pointe:` lines (more is a warning: the plenum cannot take them)."""


def points(notes: str) -> list[str]:
    """The `Pointe:` lines of some speaker notes, without their prefix."""
    return [POINT.sub("", line, count=1) for line in notes.splitlines() if POINT.match(line)]


def example_sector(line: str) -> str | None:
    """The sector a `Eksempel (sektor):` line is written for (lower case), or None."""
    match = SECTOR_EXAMPLE.match(line)
    return match.group(2).strip().lower() if match else None


def for_sector(notes: str, sector: str | None) -> str:
    """The notes as the console shows them: each run of sector examples with the workplace's
    own sector first (the others follow, dimmed by their label), and every key point marked.
    With no sector (or `andet`) the examples stay in the order written."""
    lines = notes.splitlines()
    out: list[str] = []
    index = 0
    while index < len(lines):
        if example_sector(lines[index]) is None:
            line = lines[index]
            point = POINT.match(line)
            if point is not None:
                line = f"▸ **{point.group(1)}**: {line[point.end() :]}"
            out.append(line)
            index += 1
            continue
        run: list[str] = []
        while index < len(lines) and example_sector(lines[index]) is not None:
            run.append(lines[index])
            index += 1
        if sector and sector != OTHER_SECTOR:
            run.sort(key=lambda line: example_sector(line) != sector)
            run = [_bold_label(line) if example_sector(line) == sector else line for line in run]
        out.extend(run)
    return "\n".join(out)


def _bold_label(line: str) -> str:
    """`Eksempel (kontor): …` with its label in bold: the example for this workplace."""
    match = SECTOR_EXAMPLE.match(line)
    if match is None:
        return line
    label = line[: match.end()].strip().removesuffix(":").rstrip()
    return f"**{label}**: {line[match.end() :]}"
