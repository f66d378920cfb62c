"""The invitation the consultant sends ahead: what the session is, who should come, how long it
takes, what the referat will hold and who receives it, what to bring. One page, from the theme's
own data (title, summary, agenda, first question), in Markdown or print-ready HTML."""

from __future__ import annotations

from functools import partial

from sessions.export.handout import BLANK, exercise_questions
from sessions.export.print_css import BASE_CSS
from sessions.export.templating import render_page
from sessions.i18n import current_language, t
from sessions.theme.model import SegmentKind, Theme

INVITATION_CSS = """
body { font-size: 11pt; }
p.fill { margin: 0.8em 0; }
"""


def _sections(theme: Theme, plan: int, language: str | None) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) in order; all plain text."""
    tr = partial(t, language=language)
    agenda = theme.agenda(plan)
    has_break = any(s.kind is SegmentKind.BREAK for s in agenda)
    what = tr(
        "invitation.what_text", minutes=plan, pause=tr("invitation.pause") if has_break else ""
    )
    program = " · ".join(s.title for s in agenda)
    bring = [tr("invitation.bring_text")]
    questions = exercise_questions(theme, plan)
    if questions:
        bring.append(tr("invitation.think", question=questions[0].questions[0]))
    bring.append(tr("invitation.documents"))
    return [
        (tr("invitation.what"), [what, f"{tr('invitation.program')}: {program}"]),
        (tr("invitation.who"), [tr("invitation.who_text"), tr("invitation.leader")]),
        (tr("invitation.referat"), [tr("invitation.referat_text"), tr("invitation.no_names")]),
        (tr("invitation.bring"), bring),
    ]


def _fill_in(language: str | None) -> list[tuple[str, str]]:
    labels = ("export.date", "invitation.time", "invitation.place")
    return [(t(label, language=language), BLANK[:14]) for label in labels]


def invitation_markdown(theme: Theme, plan: int, language: str | None = None) -> str:
    """The invitation as Markdown; the theme's title and summary are Markdown as written."""
    tr = partial(t, language=language)
    fill = "  ".join(f"**{label}:** {blank}" for label, blank in _fill_in(language))
    out = [f"# {tr('invitation.title')}: {theme.title}", "", f"*{tr('invitation.kind')}*", ""]
    out += [theme.summary, "", fill, ""]
    for heading, paragraphs in _sections(theme, plan, language):
        out += [f"## {heading}", ""]
        for paragraph in paragraphs:
            out += [paragraph, ""]
    out += [f"**{tr('invitation.contact')}:** {BLANK}", ""]
    return "\n".join(out)


def invitation_html(theme: Theme, plan: int, language: str | None = None) -> str:
    """The invitation as one self-contained page for print or e-mail; everything escaped."""
    tr = partial(t, language=language)
    return render_page(
        "invitation.html",
        title=f"{tr('invitation.title')}: {theme.title}",
        language=language or current_language(),
        css=BASE_CSS + INVITATION_CSS,
        theme=theme,
        fill=_fill_in(language),
        sections=_sections(theme, plan, language),
        contact=BLANK,
    )
