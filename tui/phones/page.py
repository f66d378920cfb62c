"""The phone page: one small, self-contained HTML page (no external files, no account, no
names) that shows what the current page asks. Plain forms work without JavaScript; where it runs,
a few lines reload the page when the question changes and keep the board's column last chosen.

Drawn from Jinja2 templates (`templates/`, shipped in the package) with autoescape on: every
value is escaped by construction, not field by field. The page knows no exercise kind: it draws
the form of the question's answer mode (`templates/ask/<mode>.html`) from what the kind
described (`sessions.exercises.phone.PhoneAsk`, carried by `Question`).

A form's repeated parts (a scale's statement, a vote's item) are drawn by `fragment`, which
keeps each drawn part for the values it was drawn from: when 300 phones reload after each
answer, a page is a few lookups and a join instead of hundreds of escapes. The parts depend on
nothing else (the language is part of the key), so a kept part is the part drawn anew."""

from __future__ import annotations

from collections.abc import Hashable
from functools import cache, lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from sessions.i18n import current_language, t
from sessions.phones.answers import MAX_SLIP_LENGTH
from sessions.phones.service import Outcome, Question, item_reference

NOTICES = {outcome.value for outcome in Outcome} | {"cookie", "no_cookie"}
REFRESH_MS = 2000
FRAGMENTS_KEPT = 2048
"""Drawn parts kept (a scale of 9 statements × 10 values, a vote of 100 items × a few counts)."""


@cache
def templates() -> Environment:
    """The page's templates: autoescaped, and an unknown name in one is an error, not a blank."""
    environment = Environment(
        loader=PackageLoader("tui.phones", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # shipped with the program: never looked at on disk again
    )
    environment.globals.update(t=t, item_reference=item_reference, fragment=fragment)
    return environment


def fragment(name: str, **values: Hashable) -> Markup:
    """Template `name` drawn from `values` (all hashable: texts, numbers, tuples), kept."""
    return _fragment(name, current_language(), tuple(sorted(values.items())))


@lru_cache(maxsize=FRAGMENTS_KEPT)
def _fragment(name: str, _language: str, values: tuple[tuple[str, Hashable], ...]) -> Markup:
    return Markup(templates().get_template(name).render(dict(values)))


def render_page(question: Question, code: str, token: str, notice: str | None, nonce: str) -> str:
    """The whole page for one phone."""
    given = sum(mine for _, mine in question.items)
    return (
        templates()
        .get_template("page.html")
        .render(
            question=question,
            code=code,
            base=f"/{token}",
            nonce=nonce,
            notice=_notice(notice) if notice in NOTICES else None,
            language=current_language(),
            interval=REFRESH_MS,
            max_slip_length=MAX_SLIP_LENGTH,
            votes_left=max(question.votes_each - given, 0),
        )
    )


def _notice(notice: str | None) -> str:
    if notice == Outcome.TOO_LONG.value:
        return t("join.notice.too_long", max=MAX_SLIP_LENGTH)
    return t(f"join.notice.{notice}")


def limited_page(token: str, nonce: str, *, saved: bool = True) -> str:
    """What a phone that sends too fast sees (429), or whose answer could not be saved (503)."""
    notice = t("join.notice.slow") if saved else t("join.notice.not_saved")
    return (
        templates()
        .get_template("limited.html")
        .render(token=token, nonce=nonce, notice=notice, language=current_language())
    )
