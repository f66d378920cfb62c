"""The phone page: one small, self-contained HTML page (no external files, no account, no
names) that shows what the current page asks. Plain forms work without JavaScript; where it runs,
a few lines reload the page when the question changes and keep the board's column last chosen.

Drawn from Jinja2 templates (`templates/`, shipped in the package) with autoescape on: every
value is escaped by construction, not field by field. The page knows no exercise kind: it draws
the form of the question's answer mode (`templates/ask/<mode>.html`) from what the kind
described (`sessions.exercises.phone.PhoneAsk`, carried by `Question`)."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from sessions.i18n import current_language, t
from sessions.phones.answers import MAX_SLIP_LENGTH
from sessions.phones.service import Outcome, Question, item_reference

NOTICES = {outcome.value for outcome in Outcome} | {"cookie", "no_cookie"}
REFRESH_MS = 2000


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
    environment.globals.update(t=t, item_reference=item_reference)
    return environment


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
