"""A theme file as markdown-it reads it: front matter, heading sections with their lines, the
settings paragraph under a heading, and list items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from sessions.theme.problems import Problems

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

SETTING = re.compile(r"^([A-Za-z0-9-]+)\s*:\s*(.*)$")


@dataclass
class Section:
    """The lines under one heading, up to the next heading of the same or a higher level."""

    level: int
    title: str
    line: int  # 1-based line of the heading
    tokens: list[Token] = field(default_factory=list)
    start: int = 0  # 0-based first line after the heading
    end: int = 0  # 0-based line after the section
    children: list[Section] = field(default_factory=list)

    @property
    def own_end(self) -> int:
        """Where the section's own text stops: its first sub-heading, or its end."""
        return min((c.line - 1 for c in self.children), default=self.end)


@cache
def markdown() -> MarkdownIt:
    # Imported here: start-up reads parsed themes from the cache and never needs the parser.
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    # Blocks only: a theme's structure is its headings, lists and paragraphs, read from their
    # source text. The inline pass (emphasis, links: two-thirds of the parse, the most of a first
    # start's wait) runs only where its tokens are read, the sources' links (`inline`).
    return MarkdownIt("commonmark").use(front_matter_plugin).disable("inline")


def inline(text: str, env: dict[str, object]) -> list[Token]:
    """The inline tokens of one block's `text` (links, code, text), with the link references
    the document's block pass found in `env`: the pass the parser leaves out, run for one
    block (as markdown-it's own core rule runs it for each)."""
    parser = markdown()
    children: list[Token] = []
    parser.inline.parse(text, parser, env, children)
    return children


def front_matter(
    tokens: list[Token], known: set[str], problems: Problems
) -> tuple[dict[str, str], int]:
    """The `key: value` lines of the front matter, and the line of its opening `---`."""
    if not tokens or tokens[0].type != "front_matter":
        problems.add(1, "theme.problem.front_matter_missing")
        return {}, 0
    token = tokens[0]
    first = (token.map[0] if token.map else 0) + 2  # the line after the opening ---
    values: dict[str, str] = {}
    for offset, raw in enumerate(token.content.splitlines()):
        line_no = first + offset
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        match = SETTING.match(raw.strip())
        if not match:
            problems.add(line_no, "theme.problem.front_matter_line", text=raw.strip())
            continue
        key, value = match.group(1).lower(), match.group(2).strip()
        if key not in known:
            problems.add(
                line_no, "theme.problem.front_matter_key", key=key, known=", ".join(sorted(known))
            )
        values[key] = value
    return values, first - 1


def front_matter_end(tokens: list[Token]) -> int | None:
    if tokens and tokens[0].type == "front_matter" and tokens[0].map:
        return tokens[0].map[1]
    return None


def split_sections(tokens: list[Token], line_count: int) -> list[Section]:
    """Flat list of heading sections (levels 1–3), each with its own top-level tokens."""
    flat: list[Section] = []
    current: Section | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open" and token.tag in ("h1", "h2", "h3") and token.level == 0:
            assert token.map is not None
            current = Section(
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
        own_end = section.own_end
        section.tokens = [t for t in section.tokens if t.map is None or t.map[0] < own_end]
    return flat


def slice_lines(lines: list[str], start: int, end: int) -> str:
    return "\n".join(lines[start:end]).strip("\n")


def read_settings(
    section: Section, lines: list[str], allowed: set[str] | frozenset[str], problems: Problems
) -> tuple[dict[str, str], dict[str, int], int]:
    """The settings paragraph right under a heading: the values, the line of each, and where
    the body starts."""
    tokens = section.tokens
    if len(tokens) < 2 or tokens[0].type != "paragraph_open":
        return {}, {}, section.start
    para = tokens[0]
    assert para.map is not None
    first_line = para.map[0]
    raw_lines = lines[para.map[0] : para.map[1]]
    if not raw_lines or not all(SETTING.match(raw.strip()) for raw in raw_lines):
        return {}, {}, section.start
    values: dict[str, str] = {}
    where: dict[str, int] = {}
    for offset, raw in enumerate(raw_lines):
        match = SETTING.match(raw.strip())
        assert match is not None
        key, value = match.group(1).lower(), match.group(2).strip()
        if key not in allowed:
            problems.add(
                first_line + offset + 1,
                "theme.problem.unknown_setting",
                key=key,
                known=", ".join(sorted(allowed)),
            )
            continue
        values[key] = value
        where[key] = first_line + offset + 1
    return values, where, para.map[1]


def list_items(tokens: list[Token]) -> tuple[str, ...]:
    """The text of each top-level list item's first paragraph."""
    return tuple(text for text, _ in list_items_with_lines(tokens))


def list_items_with_lines(tokens: list[Token]) -> tuple[tuple[str, int | None], ...]:
    """Each top-level list item's first paragraph, its white space folded, with the file's
    line it starts on (1-based; None where the parser gave no position)."""
    items: list[tuple[str, int | None]] = []
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
            line = token.map[0] + 1 if token.map else None
            items.append((" ".join(token.content.split()), line))
            awaiting_text = False
    return tuple(items)
