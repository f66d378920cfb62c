"""The phone page: one small, self-contained HTML page (no external files, no account, no
names) that shows what the current page asks. Plain forms work without JavaScript; where it runs,
a few lines reload the page when the question changes and keep the board's column last chosen.

Drawn from Jinja2 templates (`templates/`, shipped in the package) with autoescape on: every
value is escaped by construction, not field by field. The page knows no exercise kind: it draws
the form of the question's answer mode (`templates/ask/<mode>.html`) from what the kind
described (`sessions.exercises.phone.PhoneAsk`, carried by `Question`).

A room reloads its pages after every answer (300 phones: 2,400 pages a minute), and almost all
of a page is the same for every phone until the question changes. So a page is drawn in two
layers. Its frame — everything but the few parts that differ between responses — is drawn once
per question (and notice) and kept (`_frame`); the template marks those parts with `filled`:
the response's nonce, and the phone's own marks (a statement's chosen value, an item's votes,
the votes left). Each response fills the frame's holes (`_fill`) and joins: a few lookups
instead of a template run. A hole is the process's secret (`HOLE`), so no text from a theme can
make one. Drawn straight through (`whole_page`), `filled` puts the same parts in place: the two
give the same page, byte for byte (tested).

A form's repeated parts (a scale's statement, a vote's item) are drawn by `fragment`, which
keeps each drawn part for the values it was drawn from. The parts depend on nothing else (the
language is part of the key), so a kept part is the part drawn anew."""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Hashable
from functools import cache, lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from sessions.i18n import current_language, t
from sessions.phones.answers import MAX_SLIP_LENGTH
from sessions.phones.service import Outcome, Question, item_reference

NOTICES = {outcome.value for outcome in Outcome} | {"cookie", "no_cookie"}
REFRESH_MS = 2000
FRAGMENTS_KEPT = 2048
"""Drawn parts kept (a scale of 9 statements × 10 values, a vote of 100 items × a few counts)."""
FRAMES_KEPT = 64
"""Page frames kept: one per question, notice and language (a dozen notices)."""
HOLE = f"\x00{secrets.token_hex(8)}\x00"
"""Marks a hole in a frame: unknown outside this process, so never in a theme's text."""


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
    environment.globals.update(t=t, item_reference=item_reference, fragment=fragment, filled=filled)
    return environment


def fragment(name: str, **values: Hashable) -> Markup:
    """Template `name` drawn from `values` (all hashable: texts, numbers, tuples), kept."""
    return _fragment(name, current_language(), tuple(sorted(values.items())))


@lru_cache(maxsize=FRAGMENTS_KEPT)
def _fragment(name: str, _language: str, values: tuple[tuple[str, Hashable], ...]) -> Markup:
    return Markup(templates().get_template(name).render(dict(values)))


def render_page(question: Question, code: str, token: str, notice: str | None, nonce: str) -> str:
    """The whole page for one phone: the question's kept frame, its holes filled."""
    notice = notice if notice in NOTICES else None
    shared = dataclasses.replace(
        question, chosen=(), items=tuple((item, 0) for item, _ in question.items)
    )
    texts, holes = _frame(shared, question.version, code, token, notice, current_language())
    base, left = f"/{token}", _votes_left(question)
    parts = [texts[0]]
    for (name, index), text in zip(holes, texts[1:], strict=True):
        parts.append(_fill(name, index, question, base, nonce, left))
        parts.append(text)
    return "".join(parts)


def whole_page(question: Question, code: str, token: str, notice: str | None, nonce: str) -> str:
    """The page drawn straight through, every part in place (what `render_page` gives)."""
    return _draw(question, code, token, notice, nonce, framing=False)


Frame = tuple[tuple[str, ...], tuple[tuple[str, int], ...]]
"""A page's texts, and between each two the hole to fill: its name and index."""


@lru_cache(maxsize=FRAMES_KEPT)
def _frame(
    shared: Question, version: str, code: str, token: str, notice: str | None, _language: str
) -> Frame:
    """The page for `shared` (a question without any phone's marks) with holes where the
    parts that differ between responses go (each written by `filled` as `name:index`)."""
    pieces = _draw(shared, code, token, notice, "", framing=True).split(HOLE)
    holes = tuple(
        (name, int(index)) for name, _, index in (hole.partition(":") for hole in pieces[1::2])
    )
    return tuple(pieces[0::2]), holes


def _draw(
    question: Question, code: str, token: str, notice: str | None, nonce: str, *, framing: bool
) -> str:
    return (
        templates()
        .get_template("page.html")
        .render(
            question=question,
            code=code,
            base=f"/{token}",
            nonce=nonce,
            framing=framing,
            notice=_notice(notice) if notice in NOTICES else None,
            language=current_language(),
            interval=REFRESH_MS,
            max_slip_length=MAX_SLIP_LENGTH,
            votes_left=_votes_left(question),
        )
    )


FILLS = frozenset({"nonce", "statement", "votes_left", "item"})
"""The parts a page's template marks with `filled`."""


@pass_context
def filled(context: Context, name: str, index: int = 0) -> Markup:
    """A part that differs between responses: a hole while the frame is drawn, else the part."""
    if name not in FILLS:
        raise ValueError(f"no such part of a phone page: {name}")
    if context["framing"]:
        return Markup(f"{HOLE}{name}:{index}{HOLE}")
    question: Question = context["question"]
    return _fill(name, index, question, context["base"], context["nonce"], context["votes_left"])


def _fill(name: str, index: int, question: Question, base: str, nonce: str, left: int) -> Markup:
    """Part `name` (`index`) of the page for this phone and response."""
    if name == "nonce":
        return escape(nonce)
    if name == "votes_left":
        return escape(t("join.votes_left", left=left, total=question.votes_each))
    if name == "statement":
        chosen = question.chosen[index] if index < len(question.chosen) else None
        return fragment(
            "ask/_scale_statement.html",
            base=base,
            segment=question.segment_id,
            index=index,
            statement=question.statements[index],
            values=question.values,
            chosen=chosen,
        )
    item, mine = question.items[index]
    return fragment(
        "ask/_vote_item.html",
        base=base,
        segment=question.segment_id,
        index=index,
        item=item,
        mine=mine,
        more=left > 0,
    )


def _votes_left(question: Question) -> int:
    return max(question.votes_each - sum(mine for _, mine in question.items), 0)


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
