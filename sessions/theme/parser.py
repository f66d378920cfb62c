"""Parse a theme file (format: content/README.md) into a `Theme`, collecting every problem."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sessions.storage.reading import FileTooBigError, SpecialFileError, read_bounded
from sessions.theme import formats
from sessions.theme.checks import check_theme
from sessions.theme.model import (
    DEFAULT_PLANS,
    LONGEST_SESSION,
    SHORTEST_SESSION,
    Minutes,
    PrepItem,
    Segment,
    SegmentKind,
    Slide,
    Source,
    Step,
    StepMode,
    Theme,
)
from sessions.theme.preparation import is_preparation, read_preparation
from sessions.theme.problems import Problem, Problems
from sessions.theme.sections import (
    Section,
    front_matter,
    front_matter_end,
    list_items,
    markdown,
    read_settings,
    slice_lines,
    split_sections,
)
from sessions.theme.sources import read_sources

if TYPE_CHECKING:
    from markdown_it.token import Token

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_NOTES = re.compile(r"^(Noter|Notes)\s*:\s*", re.IGNORECASE)
_SOURCES_TITLES = {"kilder", "sources"}
_FRONT_KEYS = {"id", "title", "summary", "language", "plans"}
_SEGMENT_KEYS = frozenset({"id", "kind", "minutes", "minimum", "format", "optional"})
_STEP_KEYS = frozenset({"minutes", "mode", "show"})
_YES = {"yes": True, "ja": True, "no": False, "nej": False}
_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


def slugify(title: str) -> str:
    """A segment id made from its title: `Tjek-ind: runde` → `tjek-ind-runde`."""
    text = title.lower().translate(_TRANSLITERATE)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "segment"


class _Reader:
    """Reads one theme file; `problems` collects what is wrong with it."""

    def __init__(self, text: str, path: str) -> None:
        self.lines = text.splitlines()
        self.env: dict[str, object] = {}
        """What the block pass found for later inline passes (link references)."""
        self.tokens: list[Token] = markdown().parse(text, self.env)
        self.problems = Problems(path)
        self.plans: tuple[int, ...] = DEFAULT_PLANS

    def plans_from(self, raw: str | None, line: int) -> tuple[int, ...]:
        if raw is None:
            return DEFAULT_PLANS
        parts = [p.strip() for p in raw.split("/")]
        if not all(p.isdigit() for p in parts) or not parts:
            self.problems.add(line, "theme.problem.plans_format", value=raw)
            return DEFAULT_PLANS
        plans = tuple(int(p) for p in parts)
        if list(plans) != sorted(set(plans)) or not all(
            SHORTEST_SESSION <= p <= LONGEST_SESSION for p in plans
        ):
            self.problems.add(
                line,
                "theme.problem.plans_range",
                value=raw,
                low=SHORTEST_SESSION,
                high=LONGEST_SESSION,
            )
            return DEFAULT_PLANS
        return plans

    def minutes(self, raw: str | None, line: int, what: str) -> Minutes | None:
        example = " / ".join(str(p // 6) for p in self.plans)
        plans = " / ".join(map(str, self.plans))
        if raw is None:
            self.problems.add(
                line, "theme.problem.minutes_missing", what=what, plans=plans, example=example
            )
            return None
        parts = [p.strip() for p in raw.split("/")]
        if len(parts) == 1:
            parts = parts * len(self.plans)
        if len(parts) != len(self.plans):
            self.problems.add(
                line, "theme.problem.minutes_count", value=raw, plans=plans, example=example
            )
            return None
        by_plan: dict[int, int | None] = {}
        for plan, part in zip(self.plans, parts, strict=True):
            if part == "-":
                by_plan[plan] = None
            elif part.isdigit() and int(part) > 0:
                by_plan[plan] = int(part)
            else:
                self.problems.add(line, "theme.problem.minutes_value", value=part, plan=plan)
                return None
        if all(value is None for value in by_plan.values()):
            self.problems.add(line, "theme.problem.minutes_none", what=what)
            return None
        return Minutes(by_plan)

    def segment(self, section: Section) -> Segment | None:
        all_keys = _SEGMENT_KEYS.union(*(rules.settings for rules in formats.known()))
        settings, where, body_start = read_settings(section, self.lines, all_keys, self.problems)
        name = section.title
        if not settings:
            self.problems.add(section.line, "theme.problem.segment_settings", segment=name)
            return None
        kind_raw = settings.get("kind", "")
        try:
            kind = SegmentKind(kind_raw)
        except ValueError:
            known = ", ".join(k.value for k in SegmentKind)
            self.problems.add(
                section.line,
                "theme.problem.segment_kind",
                segment=name,
                value=kind_raw,
                known=known,
            )
            return None
        rules = self.exercise_format(settings, section, kind)
        exercise_format = rules.format if rules is not None else None
        minutes = self.minutes(settings.get("minutes"), section.line, name)
        if minutes is None:
            return None
        minimum = self.minimum(settings, section, minutes)
        segment_id = settings.get("id") or slugify(section.title)
        if not ID_PATTERN.match(segment_id):
            self.problems.add(section.line, "theme.problem.segment_id", segment=name, id=segment_id)
        intro, notes = self.split_notes(section, body_start, section.own_end)
        optional = _YES.get(settings.get("optional", "no").lower())
        if optional is None:
            self.problems.add(where["optional"], "theme.problem.yes_no", key="optional")
        extra = set(settings) - _SEGMENT_KEYS
        allowed = rules.settings if rules is not None else frozenset()
        for key in sorted(extra - allowed):
            self.problems.add(
                where[key], "theme.problem.setting_not_for_kind", key=key, segment=name
            )
        options: object = None
        if rules is not None:
            options, found = rules.parse_options(settings, section.line)
            self.problems.extend(found)
        common = dict(
            id=segment_id,
            title=section.title,
            kind=kind,
            minutes=minutes,
            line=section.line,
            intro=intro,
            notes=notes,
            minimum=minimum,
            settings=settings,
            optional=bool(optional),
            options=options,
        )
        if kind is SegmentKind.PRESENTATION:
            slides = tuple(self.slide(child) for child in section.children)
            if not slides:
                self.problems.add(section.line, "theme.problem.no_slides", segment=name)
            return Segment(**common, slides=slides)  # type: ignore[arg-type]
        if kind is SegmentKind.BREAK:
            if section.children:
                self.problems.add(
                    section.children[0].line, "theme.problem.break_children", segment=name
                )
            return Segment(**common)  # type: ignore[arg-type]
        steps = tuple(step for child in section.children if (step := self.step(child)) is not None)
        segment = Segment(**common, format=exercise_format, steps=steps)  # type: ignore[arg-type]
        if rules is not None:
            self.problems.extend(rules.check(segment))
        return segment

    def exercise_format(
        self, settings: dict[str, str], section: Section, kind: SegmentKind
    ) -> formats.FormatRules | None:
        """The rules of the exercise's `format:`, as a kind registered them."""
        if kind is not SegmentKind.EXERCISE:
            return None
        raw = settings.get("format")
        known = ", ".join(rules.format.value for rules in formats.known())
        if raw is None:
            self.problems.add(
                section.line, "theme.problem.format_missing", segment=section.title, known=known
            )
            return None
        rules = formats.rules_for(raw)
        if rules is None:
            self.problems.add(
                section.line,
                "theme.problem.format_unknown",
                segment=section.title,
                value=raw,
                known=known,
            )
        return rules

    def minimum(self, settings: dict[str, str], section: Section, minutes: Minutes) -> int | None:
        if "minimum" not in settings:
            return None
        if not settings["minimum"].isdigit():
            self.problems.add(section.line, "theme.problem.minimum_number", segment=section.title)
            return None
        minimum = int(settings["minimum"])
        smallest = min(m for m in minutes.by_plan.values() if m is not None)
        if minimum > smallest:
            self.problems.add(
                section.line,
                "theme.problem.minimum_too_big",
                segment=section.title,
                minimum=minimum,
                planned=smallest,
            )
        return minimum

    def split_notes(self, section: Section, start: int, end: int) -> tuple[str, str]:
        """The text from `start` to `end`, split at a line starting `Noter:` into what is
        shown and the speaker notes (which only the consultant sees)."""
        notes_line = next(
            (
                token.map[0]
                for token in section.tokens
                if token.type == "inline"
                and token.map
                and start <= token.map[0] < end
                and _NOTES.match(token.content)
            ),
            None,
        )
        if notes_line is None:
            return slice_lines(self.lines, start, end), ""
        first = _NOTES.sub("", self.lines[notes_line], count=1)
        rest = slice_lines(self.lines, notes_line + 1, end)
        notes = (first + "\n" + rest).strip() if first.strip() else rest
        return slice_lines(self.lines, start, notes_line), notes

    def slide(self, section: Section) -> Slide:
        body, notes = self.split_notes(section, section.start, section.end)
        return Slide(section.title, body, notes, section.line)

    def step(self, section: Section) -> Step | None:
        settings, where, body_start = read_settings(section, self.lines, _STEP_KEYS, self.problems)
        name = section.title
        minutes = self.minutes(settings.get("minutes"), section.line, name)
        mode: StepMode | None = None
        if "mode" in settings:
            try:
                mode = StepMode(settings["mode"])
            except ValueError:
                known = ", ".join(m.value for m in StepMode)
                self.problems.add(
                    section.line,
                    "theme.problem.step_mode",
                    step=name,
                    value=settings["mode"],
                    known=known,
                )
        show = settings.get("show")
        if show is not None and show != "results":
            self.problems.add(where["show"], "theme.problem.step_show", value=show)
        if minutes is None:
            return None
        body, notes = self.split_notes(section, body_start, section.end)
        body_end = body_start + len(body.split("\n")) if body else body_start
        list_lines = {
            line
            for token in section.tokens
            if token.type in ("bullet_list_open", "ordered_list_open")
            and token.level == 0
            and token.map
            for line in range(*token.map)
        }
        prose = "\n".join(
            self.lines[n] for n in range(body_start, body_end) if n not in list_lines
        ).strip("\n")
        return Step(
            title=section.title,
            body=body,
            prose=prose,
            notes=notes,
            questions=list_items(section.tokens),
            minutes=minutes,
            mode=mode,
            line=section.line,
            show_results=show == "results",
        )


def parse_theme(text: str, path: Path | str = "<theme>") -> tuple[Theme | None, list[Problem]]:
    """Parse theme `text`; return the theme (None when unusable) and every problem found
    (warnings included: a theme with only warnings is usable)."""
    reader = _Reader(text, str(path))
    problems = reader.problems
    front, front_line = front_matter(reader.tokens, _FRONT_KEYS, problems)
    reader.plans = reader.plans_from(front.get("plans"), front_line)
    sections = split_sections(reader.tokens, len(reader.lines))

    h1 = [s for s in sections if s.level == 1]
    intro_start = h1[0].start if h1 else (front_matter_end(reader.tokens) or 0)
    first_h2 = next((s.line - 1 for s in sections if s.level == 2), len(reader.lines))
    intro = slice_lines(reader.lines, intro_start, first_h2) if intro_start <= first_h2 else ""

    segments: list[Segment] = []
    sources: list[Source] = []
    seen_ids: dict[str, int] = {}
    found_sources = False
    broken_segments = 0
    preparation: tuple[PrepItem, ...] = ()
    preparation_line = 0
    for section in (s for s in sections if s.level == 2):
        if section.title.strip().lower() in _SOURCES_TITLES:
            found_sources = True
            sources = read_sources(section, reader.problems, reader.env)
            continue
        if is_preparation(section.title):
            preparation, preparation_line = read_preparation(section), section.line
            if not preparation:
                problems.add(section.line, "theme.problem.preparation_empty")
            continue
        segment = reader.segment(section)
        if segment is None:
            broken_segments += 1
            continue
        if segment.id in seen_ids:
            problems.add(
                section.line, "theme.problem.duplicate_id", id=segment.id, line=seen_ids[segment.id]
            )
        seen_ids.setdefault(segment.id, section.line)
        segments.append(segment)

    for key in ("id", "title", "summary") if front_line else ():
        if not front.get(key):
            problems.add(front_line, "theme.problem.front_matter_needs", key=key)
    theme_id = front.get("id", "")
    if theme_id and not ID_PATTERN.match(theme_id):
        problems.add(front_line, "theme.problem.theme_id", id=theme_id)
    language = front.get("language", "da")
    if language not in ("da", "en"):
        problems.add(front_line, "theme.problem.language", value=language)
    if not segments and not broken_segments:
        problems.add(1, "theme.problem.no_segments")
    elif segments and not broken_segments:
        problems.extend(check_theme(segments, reader.plans))
    end_line = len(reader.lines) or 1
    if not found_sources:
        problems.add(end_line, "theme.problem.no_sources_section")
    elif not sources:
        problems.add(end_line, "theme.problem.no_sources")

    found = problems.sorted()
    if problems.errors:
        return None, found
    theme = Theme(
        id=theme_id,
        title=front.get("title", ""),
        summary=front["summary"],
        segments=tuple(segments),
        sources=tuple(sources),
        intro=intro,
        language=language,
        path=Path(path) if not str(path).startswith("<") else None,
        plans=reader.plans,
        preparation=preparation,
        preparation_line=preparation_line,
    )
    return theme, found


MAX_THEME_BYTES = 4 * 1024 * 1024
"""A theme is a few dozen KiB of Markdown; a file larger than this is not one."""


def load_theme_file(path: Path) -> tuple[Theme | None, list[Problem]]:
    """Read and parse one theme file; an unreadable file becomes one problem."""
    problems = Problems(str(path))
    try:
        raw = read_bounded(path, MAX_THEME_BYTES)
        text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except SpecialFileError:
        problems.add(1, "theme.problem.not_regular")
        return None, problems.items
    except FileTooBigError:
        problems.add(1, "theme.problem.too_big", limit=MAX_THEME_BYTES // 1024 // 1024)
        return None, problems.items
    except UnicodeDecodeError as error:
        problems.add(1, "theme.problem.not_utf8", reason=error.reason, byte=error.start)
        return None, problems.items
    except OSError as error:
        problems.add(1, "theme.problem.unreadable", reason=error.strerror or str(error))
        return None, problems.items
    return parse_theme(text, path)
