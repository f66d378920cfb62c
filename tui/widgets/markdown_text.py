"""Markdown drawn by one widget, at once: a page's text and the consultant's notes.

Textual's `Markdown` mounts a widget per block after parsing in a task of its own, so every
page change laid the screen out twice (once without the text, once with it) and mounted a
dozen widgets. The stage and the console show short texts — paragraphs, lists, bold, quotes,
the odd heading — so they are drawn here as styled lines: parsed when the text changes,
wrapped once per width, shown in the same frame as the rest of the page.

The text is the theme's (or the consultant's): never markup, and HTML in it stays text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

BULLETS = ("• ", "▪ ", "‣ ", "◦ ")
QUOTE_BAR = "▌ "
HEADING_STYLES = {
    1: "bold $primary",
    2: "bold underline",
    3: "bold",
    4: "italic underline",
    5: "italic",
    6: "dim",
}
INLINE_STYLES = {
    "strong": "bold",
    "em": "italic",
    "s": "strike",
    "link": "underline",
}
CODE_STYLE = "$text-accent"
MARKER_STYLE = "$primary"
"""A list's bullets and numbers, and a quote's bar."""
RULE = "─"


@lru_cache(maxsize=2)
def _parser(line_breaks: bool) -> MarkdownIt:
    """CommonMark with tables and strikethrough; HTML is text. `line_breaks`: each line of
    the source is a line on the screen (notes written a thought to a line)."""
    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    if line_breaks:
        parser.core.ruler.push("line_breaks", _soft_breaks_are_hard)
    return parser


def _soft_breaks_are_hard(state: StateCore) -> None:
    for token in state.tokens:
        for child in token.children or ():
            if child.type == "softbreak":
                child.type = "hardbreak"


@dataclass
class Block:
    """One paragraph, heading, code block or rule, with what goes before its lines: the
    bullet or number on its first line, the indent under it, a quote's bar."""

    body: Content
    first: Content = field(default_factory=Content)
    rest: Content = field(default_factory=Content)
    gap: bool = False
    """A blank line before it (not between the items of a tight list)."""
    centred: bool = False
    wraps: bool = True
    rule: bool = False

    def lines(self, width: int) -> list[Content]:
        first, rest = self.first, self.rest
        if first.cell_length > width // 2:  # deep nesting on a narrow screen: text first
            first, rest = first[: width // 2], rest[: width // 2]
        room = max(1, width - first.cell_length)
        if self.rule:
            return [first + Content.styled(RULE * room, "$primary")]
        if self.wraps:
            wrapped = self.body.wrap(room) or [Content()]
        else:
            wrapped = [line.truncate(room) for line in self.body.split("\n", allow_blank=True)]
        if self.centred:
            wrapped = [line.center(room).rstrip() for line in wrapped]
        return [(first if n == 0 else rest) + line for n, line in enumerate(wrapped)]

    def natural_width(self) -> int:
        """The widest line unwrapped, with what goes before it."""
        widest = max((cell_len(line) for line in self.body.plain.split("\n")), default=0)
        return self.first.cell_length + (min(widest, 4) if self.rule else widest)


@dataclass
class _Container:
    kind: str  # "bullet", "ordered", "quote", "item"
    tight: bool = False
    number: int = 1
    depth: int = 0
    marker: Content | None = None
    """An item's bullet or number, until its first block takes it."""


def parse_blocks(markdown: str, *, line_breaks: bool = False) -> list[Block]:
    """The blocks of `markdown`, in order."""
    tokens = _parser(line_breaks).parse(markdown)
    return list(_blocks(tokens))


def _blocks(tokens: list[Token]) -> Iterator[Block]:
    stack: list[_Container] = []
    emitted = False
    last_tight = False
    row: list[Content] = []
    header_row = False
    rows: list[tuple[list[Content], bool]] = []

    def prefixes() -> tuple[Content, Content]:
        first, rest = Content(), Content()
        for container in stack:
            if container.kind == "quote":
                bar = Content.styled(QUOTE_BAR, MARKER_STYLE)
                first, rest = first + bar, rest + bar
            elif container.kind == "item":
                marker = container.marker
                width = container.depth
                if marker is not None:
                    first = first + marker
                    container.marker = None
                else:
                    first = first + " " * width
                rest = rest + " " * width
        return first, rest

    def tight() -> bool:
        lists = [c for c in stack if c.kind in ("bullet", "ordered")]
        return bool(lists) and lists[-1].tight

    def block(body: Content, **options: bool) -> Block:
        nonlocal emitted, last_tight
        first, rest = prefixes()
        now_tight = tight()
        gap = emitted and not (now_tight and last_tight)
        emitted, last_tight = True, now_tight
        return Block(body, first, rest, gap=gap, **options)

    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = token.attrGet("start")
            container = _Container(
                "bullet" if kind == "bullet_list_open" else "ordered",
                number=int(start) if isinstance(start, (int, str)) and str(start).isdigit() else 1,
            )
            # A tight list's paragraphs are hidden: its items follow one another directly.
            container.tight = index + 2 < len(tokens) and tokens[index + 2].hidden
            if stack and stack[-1].kind == "item":
                last_tight = last_tight and container.tight
            stack.append(container)
        elif kind in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            stack.pop()
            last_tight = tight()  # back in a tight list's item: its next item follows directly
        elif kind == "list_item_open":
            owner = stack[-1]
            if owner.kind == "bullet":
                level = sum(1 for c in stack if c.kind == "bullet") - 1
                text = BULLETS[min(level, len(BULLETS) - 1)]
            else:
                text = f"{owner.number}. "
                owner.number += 1
            marker = Content.styled(text, MARKER_STYLE)
            stack.append(_Container("item", depth=cell_len(text), marker=marker))
        elif kind == "list_item_close":
            item = stack.pop()
            if item.marker is not None:  # an empty item: its bullet alone
                stack.append(item)
                yield block(Content())
                stack.pop()
        elif kind == "blockquote_open":
            stack.append(_Container("quote"))
        elif kind == "heading_open":
            level = int(token.tag[1:]) if token.tag[1:].isdigit() else 6
            body = _inline(tokens[index + 1]).stylize(HEADING_STYLES.get(level, "bold"))
            yield block(body, centred=level == 1)
            index += 2
        elif kind == "paragraph_open":
            yield block(_inline(tokens[index + 1]))
            index += 2
        elif kind in ("fence", "code_block"):
            text = token.content.rstrip("\n")
            yield block(Content.styled(text, CODE_STYLE), wraps=False)
        elif kind == "hr":
            yield block(Content(), rule=True)
        elif kind == "table_open":
            rows = []
        elif kind in ("th_open", "td_open"):
            header_row = kind == "th_open"
            row.append(_inline(tokens[index + 1]))
            index += 2
        elif kind == "tr_close":
            rows.append((row, header_row))
            row = []
        elif kind == "table_close":
            yield block(_table(rows), wraps=False)
            rows = []
        index += 1


def _table(rows: list[tuple[list[Content], bool]]) -> Content:
    """A table's rows as lines, its columns as wide as their widest cell."""
    columns = max((len(cells) for cells, _ in rows), default=0)
    widths = [
        max((cells[n].cell_length for cells, _ in rows if n < len(cells)), default=0)
        for n in range(columns)
    ]
    lines = []
    for cells, header in rows:
        padded = [cells[n].pad_right(widths[n] - cells[n].cell_length) for n in range(len(cells))]
        line = Content(" │ ").join(padded)
        lines.append(line.stylize("bold") if header else line)
        if header:
            lines.append(Content.styled("─┼─".join("─" * w for w in widths), "$primary"))
    return Content("\n").join(lines)


def _inline(token: Token) -> Content:
    """An inline token's text with its emphasis; a line break stays a line break."""
    parts: list[tuple[str, str] | str] = []
    styles: list[str] = []
    for child in token.children or ():
        kind = child.type
        if kind == "text":
            parts.append((child.content, " ".join(styles)))
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "code_inline":
            parts.append((child.content, " ".join([*styles, CODE_STYLE])))
        elif kind == "image":
            parts.append((child.content or "", " ".join(styles)))
        elif kind.endswith("_open") and kind[:-5] in INLINE_STYLES:
            styles.append(INLINE_STYLES[kind[:-5]])
        elif kind.endswith("_close") and kind[:-6] in INLINE_STYLES and styles:
            styles.pop()
        elif child.content:  # anything else: its text, as text
            parts.append((child.content, " ".join(styles)))
    return Content.assemble(*parts)


class MarkdownText(Widget):
    """Markdown shown as styled lines in one widget (`update` with the source text)."""

    DEFAULT_CSS = """
    MarkdownText { height: auto; width: 1fr; text-wrap: nowrap; text-overflow: clip; }
    """

    def __init__(
        self,
        markdown: str = "",
        *,
        line_breaks: bool = False,
        id: str | None = None,  # noqa: A002 - Textual's name
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._line_breaks = line_breaks
        self._source = ""
        self._blocks: list[Block] = []
        self._lines: tuple[int, list[Content]] | None = None
        self.update(markdown)

    @property
    def source(self) -> str:
        """The Markdown shown."""
        return self._source

    @property
    def plain(self) -> str:
        """What the widget shows, as plain text at its width (for tests and screen readers)."""
        return "\n".join(line.plain for line in self.lines(max(1, self.size.width or 80)))

    def update(self, markdown: str) -> None:
        """Show `markdown` (nothing is done if it is what is shown)."""
        if markdown == self._source and self._blocks:
            return
        self._source = markdown
        self._blocks = parse_blocks(markdown, line_breaks=self._line_breaks)
        self._lines = None
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        """The text wrapped at `width` cells, one `Content` per line."""
        if self._lines is not None and self._lines[0] == width:
            return self._lines[1]
        lines: list[Content] = []
        for block in self._blocks:
            if block.gap:
                lines.append(Content())
            lines.extend(block.lines(width))
        self._lines = (width, lines)
        return lines

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max((block.natural_width() for block in self._blocks), default=0)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(max(1, self.size.width)))
