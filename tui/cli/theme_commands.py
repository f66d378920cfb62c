"""Commands about themes: `themes`, `check`, `new-theme`, `handout`."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sessions.errors import OplaegError
from sessions.export import write_export
from sessions.i18n import t
from sessions.storage.locations import user_themes_dir
from sessions.theme.library import ThemeLibrary, theme_files
from tui.cli.output import emit

if TYPE_CHECKING:
    from sessions.theme.model import Theme

_THEME_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def check(paths: list[str]) -> int:
    from sessions.theme.completeness import check_theme_file

    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(theme_files(path))
        elif path.exists():
            files.append(path)
        else:
            print(t("cli.no_such_path", path=path), file=sys.stderr)
            return 1
    found = [p for f in files for p in check_theme_file(f)]
    for problem in found:
        print(problem, file=sys.stderr)
    if any(not p.warning for p in found):
        return 1
    print(t("cli.check_ok", count=len(files)))
    return 0


def themes(library: ThemeLibrary, as_json: bool) -> int:
    entries = library.entries()
    if as_json:
        rows = []
        for entry in entries:
            row: dict[str, object] = {
                "id": entry.id,
                "title": entry.title,
                "origin": entry.origin.value,
                "path": str(entry.path),
                "problems": [str(p) for p in entry.errors],
                "warnings": [str(p) for p in entry.problems if p.warning],
            }
            if entry.theme:
                row.update(theme_facts(entry.theme))
            rows.append(row)
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for entry in entries:
        if entry.theme:
            print(f"{entry.id:24} {entry.theme.title} — {entry.theme.summary}")
        else:
            print(f"{entry.id:24} ⚠ {entry.errors[0]}")
    return 0


def theme_facts(theme: Theme) -> dict[str, object]:
    exercises = [(s, s.format) for s in theme.segments if s.format is not None]
    return {
        "summary": theme.summary,
        "minutes": {str(p): theme.total_minutes(p) for p in theme.plans},
        "slides": sum(len(s.slides) for s in theme.segments),
        "exercises": [{"id": s.id, "title": s.title, "kind": f.value} for s, f in exercises],
        "exercise_kinds": sorted({f.value for _, f in exercises}),
    }


def new_theme(data_dir: Path, args: argparse.Namespace) -> int:
    chosen: str | None = args.dir or getattr(args, "themes_dir", None)
    folder = Path(chosen) if chosen else user_themes_dir(data_dir)
    if not _THEME_ID.match(args.id):
        raise OplaegError(t("cli.bad_theme_id", id=args.id))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise OplaegError(t("cli.cannot_create", folder=folder, reason=reason)) from None
    from sessions.theme.starter import starter_theme

    path = folder / f"{args.id}.md"
    write_export(starter_theme(args.id, args.title), path, force=args.force)
    print(t("cli.theme_written", path=path), file=sys.stderr)
    return 0


def handout(library: ThemeLibrary, args: argparse.Namespace) -> int:
    from sessions.export.handout import handout_html, handout_markdown
    from sessions.export.invitation import invitation_html, invitation_markdown

    theme = library.get(args.theme)
    html_wanted = args.format == "html"
    if args.prep:
        from sessions.export.prep_sheet import prep_html, prep_markdown

        text = prep_html(theme) if html_wanted else prep_markdown(theme)
        return emit(text, args.output, args.force, "cli.prep_written")
    if args.cases:
        from sessions.export.case_sheets import cases_html, cases_markdown

        make_cases = cases_html if html_wanted else cases_markdown
        return emit(make_cases(theme), args.output, args.force, "cli.cases_written")
    if args.invitation:
        make = invitation_html if args.format == "html" else invitation_markdown
        return emit(make(theme, args.minutes), args.output, args.force, "cli.invitation_written")
    make = handout_html if args.format == "html" else handout_markdown
    return emit(make(theme, args.minutes), args.output, args.force, "cli.handout_written")
