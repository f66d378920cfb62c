"""Parse a theme file (format: content/README.md) into a `Theme`, collecting every problem."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sessions.theme.model import (
    PLANS,
    ExerciseFormat,
    Minutes,
    Segment,
    SegmentKind,
    Slide,
    Source,
    Step,
    StepMode,
    Theme,
)

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_SETTING = re.compile(r"^([A-Za-z0-9-]+)\s*:\s*(.*)$")
_NOTES = re.compile(r"^(Noter|Notes)\s*:\s*", re.IGNORECASE)
_SOURCES_TITLES = {"kilder", "sources"}
_FRONT_KEYS = {"id", "title", "summary", "language"}
_SEGMENT_KEYS = {
    "id",
    "kind",
    "minutes",
    "minimum",
    "format",
    *("columns", "scale", "seconds-per-person", "votes-per-person"),
}
_STEP_KEYS = {"minutes", "mode"}
_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


def slugify(title: str) -> str:
    """A segment id made from its title: `Tjek-ind: runde` → `tjek-ind-runde`."""
    text = title.lower().translate(_TRANSLITERATE)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "segment"


@dataclass
class _Section:
    """The lines under one heading, up to the next heading of the same or a higher level."""

    level: int
    title: str
    line: int  # 1-based line of the heading
    tokens: list[Token] = field(default_factory=list)
    start: int = 0  # 0-based first line after the heading
    end: int = 0  # 0-based line after the section
    children: list[_Section] = field(default_factory=list)


class _Problems:
    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[tuple[int, str]] = []

    def add(self, line: int, message: str) -> None:
        self.items.append((line, message))

    def formatted(self) -> list[str]:
        return [f"{self.path}:{line}: {msg}" for line, msg in sorted(self.items)]


@cache
def _markdown() -> MarkdownIt:
    # Imported here: start-up reads parsed themes from the cache and never needs the parser.
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").use(front_matter_plugin)


def parse_theme(text: str, path: Path | str = "<theme>") -> tuple[Theme | None, list[str]]:
    """Parse theme `text`; return the theme (None when unusable) and every problem found."""
    problems = _Problems(str(path))
    lines = text.splitlines()
    tokens = _markdown().parse(text)
    front, front_line = _front_matter(tokens, problems)
    sections = _sections(tokens, len(lines))
    theme_title = front.get("title", "")

    h1 = [s for s in sections if s.level == 1]
    intro_start = h1[0].start if h1 else (_front_end(tokens) or 0)
    first_h2 = next((s.line - 1 for s in sections if s.level == 2), len(lines))
    intro = _slice(lines, intro_start, first_h2) if intro_start <= first_h2 else ""

    segments: list[Segment] = []
    sources: list[Source] = []
    seen_ids: dict[str, int] = {}
    found_sources = False
    broken_segments = 0
    for section in (s for s in sections if s.level == 2):
        if section.title.strip().lower() in _SOURCES_TITLES:
            found_sources = True
            sources = _sources(section, problems)
            continue
        segment = _segment(section, lines, problems)
        if segment is None:
            broken_segments += 1
            continue
        if segment.id in seen_ids:
            problems.add(
                section.line,
                f"segment id '{segment.id}' is already used on line {seen_ids[segment.id]}",
            )
        seen_ids.setdefault(segment.id, section.line)
        segments.append(segment)

    for key in ("id", "title", "summary") if front_line else ():
        if not front.get(key):
            problems.add(front_line, f"front matter needs '{key}: …'")
    theme_id = front.get("id", "")
    if theme_id and not _ID.match(theme_id):
        problems.add(front_line, f"id '{theme_id}' may use only a-z, 0-9 and '-'")
    language = front.get("language", "da")
    if language not in ("da", "en"):
        problems.add(front_line, f"language must be 'da' or 'en', not '{language}'")
    if not segments and not broken_segments:
        problems.add(1, "no segments: add '## Title' sections with 'kind:' and 'minutes:'")
    elif segments and not broken_segments:
        _check_plans(segments, problems)
    if not found_sources:
        problems.add(len(lines) or 1, "no '## Kilder' section listing the sources")
    elif not sources:
        problems.add(len(lines) or 1, "the '## Kilder' section lists no sources")

    if problems.items:
        return None, problems.formatted()
    return (
        Theme(
            id=theme_id,
            title=theme_title,
            summary=front["summary"],
            segments=tuple(segments),
            sources=tuple(sources),
            intro=intro,
            language=language,
            path=Path(path) if not str(path).startswith("<") else None,
        ),
        [],
    )


def _front_matter(tokens: list[Token], problems: _Problems) -> tuple[dict[str, str], int]:
    if not tokens or tokens[0].type != "front_matter":
        problems.add(
            1,
            "the file must start with front matter: '---', 'id: …', 'title: …', "
            "'summary: …', '---'",
        )
        return {}, 0
    token = tokens[0]
    first = (token.map[0] if token.map else 0) + 2  # the line after the opening ---
    values: dict[str, str] = {}
    for offset, raw in enumerate(token.content.splitlines()):
        line_no = first + offset
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        match = _SETTING.match(raw.strip())
        if not match:
            problems.add(line_no, f"expected 'key: value' in the front matter, got '{raw.strip()}'")
            continue
        key, value = match.group(1).lower(), match.group(2).strip()
        if key not in _FRONT_KEYS:
            problems.add(
                line_no,
                f"unknown front matter key '{key}' (known: {', '.join(sorted(_FRONT_KEYS))})",
            )
        values[key] = value
    return values, first - 1


def _front_end(tokens: list[Token]) -> int | None:
    if tokens and tokens[0].type == "front_matter" and tokens[0].map:
        return tokens[0].map[1]
    return None


def _sections(tokens: list[Token], line_count: int) -> list[_Section]:
    """Flat list of heading sections (levels 1–3), each with its own top-level tokens."""
    flat: list[_Section] = []
    current: _Section | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open" and token.tag in ("h1", "h2", "h3") and token.level == 0:
            assert token.map is not None
            current = _Section(
                level=int(token.tag[1]),
                title=tokens[index + 1].content.strip(),
                line=token.map[0] + 1,
                start=token.map[1],
            )
            flat.append(current)
            index += 3
            continue
        if current is not None and token.type != "front_matter":
            current.tokens.append(token)
        index += 1
    for position, section in enumerate(flat):
        later = flat[position + 1 :]
        end = next((s.line - 1 for s in later if s.level <= section.level), line_count)
        section.end = end
        if section.level < 3:
            section.children = [
                s for s in later if s.line - 1 < end and s.level == section.level + 1
            ]
    for section in flat:
        # A section's own tokens stop at its first sub-heading.
        own_end = min((c.line - 1 for c in section.children), default=section.end)
        section.tokens = [t for t in section.tokens if t.map is None or t.map[0] < own_end]
    return flat


def _slice(lines: list[str], start: int, end: int) -> str:
    return "\n".join(lines[start:end]).strip("\n")


def _settings(
    section: _Section, lines: list[str], allowed: set[str], problems: _Problems
) -> tuple[dict[str, str], int]:
    """Read the settings paragraph right under a heading; return it and where the body starts."""
    tokens = section.tokens
    if len(tokens) < 2 or tokens[0].type != "paragraph_open":
        return {}, section.start
    para = tokens[0]
    assert para.map is not None
    first_line = para.map[0]
    raw_lines = lines[para.map[0] : para.map[1]]
    if not raw_lines or not all(_SETTING.match(raw.strip()) for raw in raw_lines):
        return {}, section.start
    values: dict[str, str] = {}
    for offset, raw in enumerate(raw_lines):
        match = _SETTING.match(raw.strip())
        assert match is not None
        key, value = match.group(1).lower(), match.group(2).strip()
        if key not in allowed:
            problems.add(
                first_line + offset + 1,
                f"unknown setting '{key}' (known: {', '.join(sorted(allowed))})",
            )
            continue
        values[key] = value
    return values, para.map[1]


def _minutes(raw: str | None, line: int, what: str, problems: _Problems) -> Minutes | None:
    if raw is None:
        problems.add(line, f"{what} needs 'minutes: <90-plan> / <120-plan>', e.g. '15 / 20'")
        return None
    parts = [p.strip() for p in raw.split("/")]
    if len(parts) == 1:
        parts = parts * len(PLANS)
    if len(parts) != len(PLANS):
        problems.add(line, f"minutes '{raw}' must be '<90-plan> / <120-plan>', e.g. '15 / 20'")
        return None
    by_plan: dict[int, int | None] = {}
    for plan, part in zip(PLANS, parts, strict=True):
        if part == "-":
            by_plan[plan] = None
        elif part.isdigit() and int(part) > 0:
            by_plan[plan] = int(part)
        else:
            problems.add(
                line,
                f"minutes '{part}' for the {plan}-minute plan must be a whole "
                "number above 0, or '-' to leave it out",
            )
            return None
    if all(value is None for value in by_plan.values()):
        problems.add(line, f"{what} is in neither plan (minutes '- / -')")
        return None
    return Minutes(by_plan)


def _segment(section: _Section, lines: list[str], problems: _Problems) -> Segment | None:
    settings, body_start = _settings(section, lines, _SEGMENT_KEYS, problems)
    where = f"segment '{section.title}'"
    if not settings:
        problems.add(
            section.line,
            f"{where} needs a settings paragraph right under the heading "
            "('kind: …' and 'minutes: …')",
        )
        return None
    kind_raw = settings.get("kind")
    try:
        kind = SegmentKind(kind_raw or "")
    except ValueError:
        known = ", ".join(k.value for k in SegmentKind)
        problems.add(section.line, f"{where}: kind '{kind_raw or ''}' is not one of {known}")
        return None
    minutes = _minutes(settings.get("minutes"), section.line, where, problems)
    if minutes is None:
        if kind is SegmentKind.EXERCISE:
            _exercise_format(settings, section.line, where, problems)
        return None
    minimum: int | None = None
    if "minimum" in settings:
        if settings["minimum"].isdigit():
            minimum = int(settings["minimum"])
            smallest = min(m for m in minutes.by_plan.values() if m is not None)
            if minimum > smallest:
                problems.add(
                    section.line,
                    f"{where}: minimum {minimum} is more than the planned {smallest} minutes",
                )
        else:
            problems.add(section.line, f"{where}: minimum must be a whole number of minutes")
    segment_id = settings.get("id") or slugify(section.title)
    if not _ID.match(segment_id):
        problems.add(section.line, f"{where}: id '{segment_id}' may use only a-z, 0-9 and '-'")

    own_end = min((c.line - 1 for c in section.children), default=section.end)
    intro = _slice(lines, body_start, own_end)
    common = dict(
        id=segment_id,
        title=section.title,
        kind=kind,
        minutes=minutes,
        line=section.line,
        intro=intro,
        minimum=minimum,
        settings=settings,
    )
    if kind is SegmentKind.PRESENTATION:
        slides = tuple(_slide(child, lines) for child in section.children)
        if not slides:
            problems.add(section.line, f"{where}: a presentation needs at least one '### Slide'")
        return Segment(**common, slides=slides)  # type: ignore[arg-type]
    if kind is SegmentKind.BREAK:
        if section.children:
            problems.add(section.children[0].line, f"{where}: a break has no slides or steps")
        return Segment(**common)  # type: ignore[arg-type]

    exercise_format = _exercise_format(settings, section.line, where, problems)
    steps = tuple(
        step for child in section.children if (step := _step(child, lines, problems)) is not None
    )
    if exercise_format is ExerciseFormat.SCALE and steps and not steps[0].questions:
        problems.add(
            steps[0].line,
            f"{where}: the first step of a scale lists its statements "
            "as list items ('- Her kan jeg få hjælp')",
        )
    if exercise_format is ExerciseFormat.CARDS and not any(s.questions for s in steps):
        problems.add(
            section.line, f"{where}: dialogue cards need a step whose list items are the cards"
        )
    for plan in PLANS:
        planned = minutes.for_plan(plan)
        used = sum(s.minutes.for_plan(plan) or 0 for s in steps)
        if planned is not None and used > planned:
            problems.add(
                section.line,
                f"{where}: its steps take {used} minutes in the "
                f"{plan}-minute plan, but the segment has {planned}",
            )
    return Segment(**common, format=exercise_format, steps=steps)  # type: ignore[arg-type]


def _exercise_format(
    settings: dict[str, str], line: int, where: str, problems: _Problems
) -> ExerciseFormat | None:
    raw = settings.get("format")
    known = ", ".join(f.value for f in ExerciseFormat)
    if raw is None:
        problems.add(line, f"{where}: an exercise needs 'format: …' ({known})")
        return None
    try:
        exercise_format = ExerciseFormat(raw)
    except ValueError:
        problems.add(line, f"{where}: format '{raw}' is not one of {known}")
        return None
    if exercise_format is ExerciseFormat.SORTING:
        columns = [c for c in settings.get("columns", "").split("|") if c.strip()]
        if len(columns) < 2:
            problems.add(line, f"{where}: a sorting needs 'columns: A | B' (two or more)")
    if exercise_format is ExerciseFormat.SCALE:
        scale = settings.get("scale", "")
        match = re.fullmatch(r"\s*(\d+)\s*-\s*(\d+)\s*", scale)
        if not match or int(match.group(1)) >= int(match.group(2)):
            problems.add(line, f"{where}: a scale needs 'scale: 1-5' (lowest-highest)")
    for key in ("seconds-per-person", "votes-per-person"):
        if key in settings and not settings[key].isdigit():
            problems.add(line, f"{where}: {key} must be a whole number")
    return exercise_format


def _slide(section: _Section, lines: list[str]) -> Slide:
    notes_line: int | None = None
    for token in section.tokens:
        if token.type == "inline" and token.map and _NOTES.match(token.content):
            notes_line = token.map[0]
            break
    if notes_line is None:
        return Slide(section.title, _slice(lines, section.start, section.end), "", section.line)
    notes = _NOTES.sub("", lines[notes_line], count=1)
    rest = _slice(lines, notes_line + 1, section.end)
    notes = (notes + "\n" + rest).strip() if notes.strip() else rest
    return Slide(section.title, _slice(lines, section.start, notes_line), notes, section.line)


def _step(section: _Section, lines: list[str], problems: _Problems) -> Step | None:
    settings, body_start = _settings(section, lines, _STEP_KEYS, problems)
    where = f"step '{section.title}'"
    minutes = _minutes(settings.get("minutes"), section.line, where, problems)
    mode: StepMode | None = None
    if "mode" in settings:
        try:
            mode = StepMode(settings["mode"])
        except ValueError:
            known = ", ".join(m.value for m in StepMode)
            problems.add(section.line, f"{where}: mode '{settings['mode']}' is not one of {known}")
    if minutes is None:
        return None
    return Step(
        title=section.title,
        body=_slice(lines, body_start, section.end),
        questions=_list_items(section.tokens),
        minutes=minutes,
        mode=mode,
        line=section.line,
    )


def _list_items(tokens: list[Token]) -> tuple[str, ...]:
    """The text of each top-level list item's first paragraph."""
    items: list[str] = []
    depth = 0
    awaiting_text = False
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "list_item_open" and depth == 1:
            awaiting_text = True
        elif token.type == "inline" and awaiting_text:
            items.append(" ".join(token.content.split()))
            awaiting_text = False
    return tuple(items)


def _sources(section: _Section, problems: _Problems) -> list[Source]:
    sources: list[Source] = []
    awaiting = False
    for token in section.tokens:
        if token.type == "list_item_open":
            awaiting = True
        elif token.type == "inline" and awaiting:
            awaiting = False
            line = (token.map[0] + 1) if token.map else section.line
            url: str | None = None
            title_parts: list[str] = []
            for child in token.children or []:
                if child.type == "link_open":
                    href = child.attrs.get("href")
                    url = str(href) if href else None
                elif child.type in ("text", "code_inline"):
                    title_parts.append(child.content)
            title = "".join(title_parts).strip() or token.content.strip()
            if url is not None and not url.startswith(("http://", "https://")):
                problems.add(line, f"source address '{url}' must start with http:// or https://")
            sources.append(Source(title=title, url=url, line=line))
    return sources


def _check_plans(segments: list[Segment], problems: _Problems) -> None:
    for plan in PLANS:
        total = sum(s.minutes.for_plan(plan) or 0 for s in segments)
        if total != plan:
            parts = ", ".join(
                f"{s.id} {s.minutes.for_plan(plan)}" for s in segments if s.minutes.for_plan(plan)
            )
            problems.add(
                segments[0].line,
                f"the {plan}-minute plan adds up to {total} minutes, not {plan} ({parts})",
            )


def load_theme_file(path: Path) -> tuple[Theme | None, list[str]]:
    """Read and parse one theme file; unreadable files become one problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [f"{path}:1: not UTF-8 text ({error.reason} at byte {error.start})"]
    except OSError as error:
        return None, [f"{path}:1: cannot read the file ({error.strerror or error})"]
    return parse_theme(text, path)
