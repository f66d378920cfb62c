"""The `## Kilder` section of a theme: one source per list item, a link where there is one."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from sessions.theme.model import Source
from sessions.theme.problems import Problems
from sessions.theme.sections import Section, inline


def readable_url(url: str) -> str:
    """A link as people write it: markdown-it turns `detdumærker.dk` into punycode
    (`xn--detdumrker-i6a.dk`); the referat and the handout show the real name."""
    parts = urlsplit(url)
    if "xn--" not in parts.netloc:
        return url
    try:
        host = parts.netloc.encode("ascii").decode("idna")
    except UnicodeError:
        return url
    return urlunsplit(parts._replace(netloc=host))


def read_sources(section: Section, problems: Problems, env: dict[str, object]) -> list[Source]:
    """Every list item of the section as a source; a link must be http(s). `env` holds the
    document's link references (from its block pass)."""
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
            for child in inline(token.content, env):
                if child.type == "link_open":
                    href = child.attrs.get("href")
                    url = readable_url(str(href)) if href else None
                elif child.type in ("text", "code_inline"):
                    title_parts.append(child.content)
            title = "".join(title_parts).strip() or token.content.strip()
            if url is not None and not url.startswith(("http://", "https://")):
                problems.add(line, "theme.problem.source_url", url=url)
            sources.append(Source(title=title, url=url, line=line))
    return sources
