"""The printable HTML pages (referat, handout, checklist, cases, invitation) from Jinja2 templates
in `sessions/export/templates/`, with autoescape on: every value a template is given is escaped
unless it was made HTML here on purpose (`trusted`): theme Markdown rendered with raw HTML
refused, and our own CSS."""

from __future__ import annotations

from functools import cache, partial
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from sessions.i18n import t


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("sessions.export", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def trusted(html: str) -> Markup:
    """HTML this package made itself (rendered Markdown with raw HTML refused, CSS whose user
    text went through `css_string`): shown as it is."""
    return Markup(html)  # noqa: S704 - only for HTML built here, never user text as such


def render_page(template: str, *, title: str, language: str, css: str, **values: Any) -> str:
    """One self-contained page: `template` extends `page.html`; `tr` says a catalogue text in
    the page's language."""
    return (
        _environment()
        .get_template(template)
        .render(
            title=title,
            language=language,
            css=trusted(css),
            tr=partial(t, language=language),
            **values,
        )
    )
