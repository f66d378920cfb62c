"""The phone page: one small, self-contained HTML page (no external files, no account, no
names) that shows what the current page asks. Plain forms work without JavaScript; where it runs,
a few lines reload the page when the question changes and keep the board's column last chosen.
Every text is escaped."""

from __future__ import annotations

import json
from dataclasses import replace
from html import escape

from sessions.i18n import current_language, t
from sessions.phones.answers import MAX_SLIP_LENGTH, AnswerMode, SlipTarget
from sessions.phones.service import Outcome, Question, item_reference

NOTICES = {outcome.value for outcome in Outcome} | {"cookie", "no_cookie"}
REFRESH_MS = 2000

STYLE = """
:root { color-scheme: light dark; --fg: #111; --bg: #fff; --line: #777; --accent: #0a4f8c;
  --chosen-fg: #fff; --soft: #eef3f8; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #f2f2f2; --bg: #111; --line: #999; --accent: #7fb8ee; --chosen-fg: #111;
    --soft: #1d2833; } }
* { box-sizing: border-box; }
body { margin: 0; font: 1.15rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg); background: var(--bg); }
header { display: flex; justify-content: space-between; padding: .6rem 1rem;
  border-bottom: 1px solid var(--line); font-weight: 600; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: .4rem 0 .6rem; }
.prompt, .hint, .anon { margin: .4rem 0 1rem; }
.hint, .anon { opacity: .8; font-size: 1rem; }
.notice { padding: .8rem 1rem; border-left: .4rem solid var(--accent); background: var(--soft);
  font-weight: 600; }
fieldset { border: 0; margin: 0 0 1.4rem; padding: 0; }
legend { font-weight: 600; margin-bottom: .5rem; padding: 0; }
.values { display: flex; flex-wrap: wrap; gap: .5rem; }
button, .button { font: inherit; min-height: 3.4rem; min-width: 3.4rem; padding: .5rem .9rem;
  border: 2px solid var(--accent); border-radius: .6rem; background: var(--bg); color: var(--fg);
  text-decoration: none; display: inline-flex; flex-direction: column; align-items: center;
  justify-content: center; cursor: pointer; }
.values button { flex: 1 1 3.2rem; padding: .5rem .3rem; }
button small { font-size: .8rem; line-height: 1.1; }
button[aria-pressed="true"], .send { background: var(--accent); color: var(--chosen-fg);
  font-weight: 700; }
button:disabled { opacity: .4; cursor: default; }
ul.items { list-style: none; padding: 0; margin: 0; }
ul.items li { border-bottom: 1px solid var(--line); padding: .8rem 0; }
.item { display: block; font-weight: 600; margin-bottom: .5rem; }
.votes { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
.mine { min-width: 5rem; }
textarea { width: 100%; font: inherit; padding: .6rem; border: 2px solid var(--line);
  border-radius: .6rem; min-height: 6rem; color: var(--fg); background: var(--bg); }
label.column { display: flex; align-items: center; gap: .6rem; min-height: 3rem; }
label.column input { width: 1.5rem; height: 1.5rem; }
.send { width: 100%; margin-top: 1rem; }
.calm { text-align: center; padding-top: 2rem; }
footer { max-width: 40rem; margin: 1rem auto 2rem; padding: 0 1rem; }
"""

SCRIPT = """
(function () {
  var base = %(base)s, version = document.body.getAttribute("data-v");
  if (location.search) { history.replaceState(null, "", base + location.hash); }
  function typing() {
    var area = document.querySelector("textarea");
    return area && (area.value || document.activeElement === area);
  }
  var form = document.getElementById("slip"), remembered = "oplaeg-column" + base;
  if (form) {
    try {
      var last = sessionStorage.getItem(remembered);
      var radio = /^[0-9]+$/.test(last || "") &&
        form.querySelector('input[name="column"][value="' + last + '"]');
      if (radio) { radio.checked = true; }
    } catch (e) {}
    form.addEventListener("submit", function () {
      var chosen = form.querySelector('input[name="column"]:checked');
      try { if (chosen) { sessionStorage.setItem(remembered, chosen.value); } } catch (e) {}
    });
  }
  setInterval(function () {
    if (document.hidden || typing()) { return; }
    fetch(base + "/status", {cache: "no-store", credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) { if (s && s.v !== version) { location.replace(base); } })
      .catch(function () {});
  }, %(interval)d);
})();
"""


def render_page(question: Question, code: str, token: str, notice: str | None, nonce: str) -> str:
    """The whole page for one phone."""
    base = f"/{token}"
    parts = [f'<p class="notice" role="status">{_notice(notice)}</p>'] if notice in NOTICES else []
    if question.mode is AnswerMode.SCALE:
        parts += _scale(question, base)
    elif question.mode is AnswerMode.VOTE:
        parts += _vote(question, base)
    elif question.mode is AnswerMode.SLIP:
        parts += _slip(question, base)
    else:
        parts += [
            '<div class="calm">',
            f"<h1>{_e(t('join.look_up'))}</h1>",
            f'<p class="hint">{_e(t("join.look_up_hint"))}</p>',
            "</div>",
        ]
    if question.mode is not None:
        parts.append(f'<p class="anon">{_e(t("join.anonymous"))}</p>')
    script = SCRIPT % {"base": json.dumps(base), "interval": REFRESH_MS}
    return "\n".join(
        [
            "<!doctype html>",
            f'<html lang="{_e(current_language())}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="referrer" content="no-referrer">',
            f"<title>{_e(t('join.page_title', code=code))}</title>",
            f'<style nonce="{nonce}">{STYLE}</style>',
            "</head>",
            f'<body data-v="{_e(question.version)}">',
            f"<header><span>oplaeg</span><span>{_e(t('join.room', code=code))}</span></header>",
            "<main>",
            *parts,
            "</main>",
            f'<footer><a class="button" href="{base}">{_e(t("join.refresh"))}</a></footer>',
            f'<script nonce="{nonce}">{script}</script>',
            "</body>",
            "</html>",
        ]
    )


def _heading(question: Question) -> list[str]:
    lines = [f"<h1>{_e(question.title)}</h1>"]
    if question.prompt:
        lines.append(f'<p class="prompt">{_e(question.prompt)}</p>')
    return lines


def _hidden(kind: str, question: Question, **fields: str) -> str:
    values = {"kind": kind, "segment": question.segment_id, **fields}
    return "".join(
        f'<input type="hidden" name="{_e(name)}" value="{_e(value)}">'
        for name, value in values.items()
    )


def _scale(question: Question, base: str) -> list[str]:
    lines = [*_heading(question), f'<p class="hint">{_e(t("join.scale_hint"))}</p>']
    for index, statement in enumerate(question.statements):
        chosen = question.chosen[index] if index < len(question.chosen) else None
        buttons = []
        for value, label in question.values:
            pressed = "true" if value == chosen else "false"
            small = f"<small>{_e(label)}</small>" if label else ""
            buttons.append(
                f'<button name="value" value="{value}" aria-pressed="{pressed}">'
                f"<b>{value}</b>{small}</button>"
            )
        lines += [
            f'<form method="post" action="{base}/answer" id="s{index}">',
            _hidden("scale", question, statement=str(index)),
            f"<fieldset><legend>{_e(statement)}</legend>",
            f'<div class="values">{"".join(buttons)}</div>',
            "</fieldset></form>",
        ]
    return lines


def _vote(question: Question, base: str) -> list[str]:
    lines = _heading(question)
    if not question.items:
        return [*lines, f'<p class="hint">{_e(t("join.no_items"))}</p>']
    given = sum(mine for _, mine in question.items)
    left = max(question.votes_each - given, 0)
    lines.append(
        f'<p class="hint" id="left">'
        f"{_e(t('join.votes_left', left=left, total=question.votes_each))}</p>"
    )
    lines.append('<ul class="items">')
    for index, (item, mine) in enumerate(question.items):
        add = "" if left else " disabled"
        remove = "" if mine else " disabled"
        lines += [
            f'<li id="i{index}"><span class="item">{_e(item)}</span>',
            f'<form method="post" action="{base}/answer" class="votes">',
            _hidden("vote", question, item=item_reference(index, item), anchor=f"i{index}"),
            f'<button name="change" value="1"{add}>{_e(t("join.vote_add"))}</button>',
            f'<button name="change" value="-1"{remove}>{_e(t("join.vote_remove"))}</button>',
            f'<span class="mine">{_e(t("join.your_votes", count=mine))}</span>',
            "</form></li>",
        ]
    lines.append("</ul>")
    return lines


def _slip(question: Question, base: str) -> list[str]:
    target = question.target or SlipTarget.NOTE
    # The step's question fits a note; a board's columns and a case's agreement ask their own
    # question in the form ("Foreslå en aftale"), so a question above it would ask another.
    asked = question if target is SlipTarget.NOTE else replace(question, prompt="")
    lines = [
        *_heading(asked),
        f'<form method="post" action="{base}/answer" id="slip">',
        _hidden("slip", question),
        f'<label for="text"><b>{_e(t(f"join.slip.{target.value}"))}</b></label>',
        f'<textarea id="text" name="text" maxlength="{MAX_SLIP_LENGTH}" rows="3" required>'
        "</textarea>",
    ]
    if question.columns:
        lines.append(f"<fieldset><legend>{_e(t('join.slip_column'))}</legend>")
        for index, column in enumerate(question.columns):
            checked = " checked" if index == 0 else ""
            lines.append(
                f'<label class="column"><input type="radio" name="column" value="{index}"'
                f"{checked}> {_e(column)}</label>"
            )
        lines.append("</fieldset>")
    lines += [
        f'<p class="hint">{_e(t("join.slip_hint"))}</p>',
        f'<button type="submit" class="send">{_e(t("join.send"))}</button>',
        "</form>",
    ]
    return lines


def _notice(notice: str | None) -> str:
    if notice == Outcome.TOO_LONG.value:
        return _e(t("join.notice.too_long", max=MAX_SLIP_LENGTH))
    return _e(t(f"join.notice.{notice}"))


def _e(text: str) -> str:
    return escape(text, quote=True)


def limited_page(token: str, nonce: str, *, saved: bool = True) -> str:
    """What a phone that sends too fast sees (429), or whose answer could not be saved (503)."""
    notice = t("join.notice.slow") if saved else t("join.notice.not_saved")
    return "\n".join(
        [
            "<!doctype html>",
            f'<html lang="{_e(current_language())}"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<style nonce="{nonce}">{STYLE}</style></head><body><main>',
            f'<p class="notice" role="status">{_e(notice)}</p>',
            f'<p><a class="button" href="/{token}">{_e(t("join.back"))}</a></p>',
            "</main></body></html>",
        ]
    )
