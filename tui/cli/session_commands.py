"""Commands about stored sessions: `sessions`, `rename`, `delete`, `trash`, `restore`,
`import`, `export`. None of them starts the UI."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sessions.errors import OplaegError
from sessions.export import export_session
from sessions.i18n import count_notes, count_sessions, t
from sessions.models import SessionSummary
from sessions.repository import SessionRepository
from tui.cli.output import emit

if TYPE_CHECKING:
    from sessions.followup.workplace_history import WorkplaceHistory
    from sessions.imports.check import Tables


def report_takeovers(repository: SessionRepository) -> None:
    """Say which sessions were taken over from a copy of oplaeg that had died."""
    for message in repository.takeovers:
        print(message, file=sys.stderr)
    repository.takeovers.clear()


def list_sessions(repository: SessionRepository, as_json: bool, workplace: str | None) -> int:
    """Every session; with `workplace`, those whose workplace contains it, and the history of
    each workplace found (its sessions, open actions and statements over time)."""
    summaries = repository.list()
    histories = []
    if workplace:
        summaries = [s for s in summaries if workplace.casefold() in s.workplace.casefold()]
        histories = _histories(repository, summaries)
    if as_json:
        rows = [s.to_dict() for s in summaries]
        if workplace:
            data: object = {"sessions": rows, "workplaces": [h.to_dict() for h in histories]}
        else:
            data = rows
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    if not summaries:
        print(t("cli.no_sessions"))
    for s in summaries:
        if s.problem:
            print(f"{s.id}  ⚠ {s.problem}")
        else:
            print(
                f"{s.id}  {s.date} {s.start_time}  {s.workplace} · {s.theme_title} · "
                f"{count_notes(s.notes)}"
            )
    for history in histories:
        print()
        print(history_text(history))
    return 0


def _histories(
    repository: SessionRepository, summaries: list[SessionSummary]
) -> list[WorkplaceHistory]:
    from sessions.followup.workplace_history import workplace_history

    seen: dict[str, WorkplaceHistory] = {}
    aliases = repository.workplaces.aliases()
    for summary in summaries:
        key = repository.workplaces.key(summary.workplace, aliases)
        if not summary.problem and key not in seen:
            seen[key] = workplace_history(repository, summary.workplace)
    return list(seen.values())


def history_text(history: WorkplaceHistory) -> str:
    """A workplace's history as lines for a terminal."""
    from sessions.exercises.scale import decimal

    count = len(history.sessions)
    lines = [t("cli.history.title", workplace=history.workplace, sessions=count_sessions(count))]
    if history.open_actions:
        lines.append(t("cli.history.open_actions"))
        for item in history.open_actions:
            who = ", ".join(p for p in (item.action.who, item.action.when) if p)
            lines.append(
                f"  – {item.action.what}" + (f" ({who})" if who else "") + f" · {item.date}"
            )
    if history.statements:
        lines.append(t("cli.history.statements"))
        for statement in history.statements:
            values = " → ".join(f"{decimal(p.average, None)} ({p.date})" for p in statement.points)
            lines.append(f"  {statement.statement}: {values}")
    return "\n".join(lines)


def workplaces(repository: SessionRepository, args: argparse.Namespace) -> int:
    """`oplaeg workplaces`: each workplace with its sessions; `merge NAME OTHER` joins a second
    spelling to a workplace."""
    if args.action == "merge":
        if len(args.names) != 2:
            raise OplaegError(t("cli.merge_needs_names"))
        name = repository.workplaces.merge(args.names[0], args.names[1])
        print(t("cli.merged", name=name, other=args.names[1]), file=sys.stderr)
        return 0
    counts: dict[str, tuple[str, int]] = {}
    aliases = repository.workplaces.aliases()
    for summary in repository.list():
        if summary.problem:
            continue
        key = repository.workplaces.key(summary.workplace, aliases)
        listed = repository.workplaces.name(summary.workplace, aliases)
        name, number = counts.get(key, (listed, 0))
        counts[key] = (name, number + 1)
    if not counts:
        print(t("cli.no_workplaces"))
    for name, number in sorted(counts.values(), key=lambda pair: pair[0].casefold()):
        print(f"{name}  ({count_sessions(number)})")
    return 0


def rename(repository: SessionRepository, args: argparse.Namespace) -> int:
    info = repository.rename(args.session, args.workplace)
    report_takeovers(repository)
    print(t("cli.renamed", id=info.id, workplace=info.details.workplace), file=sys.stderr)
    return 0


def delete(repository: SessionRepository, args: argparse.Namespace) -> int:
    session_id = repository.resolve_id(args.session)
    if not args.yes:
        if not sys.stdin.isatty():
            raise OplaegError(t("cli.delete_needs_yes", id=session_id))
        answer = input(t("cli.delete_question", id=session_id) + " ")
        if answer.strip().lower() not in ("j", "ja", "y", "yes"):
            return 1
    target = repository.delete(session_id)
    report_takeovers(repository)
    print(t("cli.deleted", id=session_id, name=target.name), file=sys.stderr)
    return 0


def trash(repository: SessionRepository) -> int:
    for folder in repository.trashed():
        print(folder.name)
    return 0


def restore(repository: SessionRepository, name: str) -> int:
    print(t("cli.restored", id=repository.restore(name)), file=sys.stderr)
    return 0


def read_import(path: Path) -> Tables:
    """The whole file, checked before anything is written: a bad one changes nothing."""
    from sessions.imports.check import ImportProblem, read_export

    try:
        return read_export(path)
    except ImportProblem as problem:
        raise OplaegError(t("import.failed", file=path, problem=problem)) from None


def import_session(repository: SessionRepository, tables: Tables) -> int:
    info = repository.import_tables(tables)
    print(t("cli.imported", id=info.id), file=sys.stderr)
    return 0


def export(repository: SessionRepository, args: argparse.Namespace) -> int:
    _, store = repository.open(args.session, readonly=True)
    try:
        payload = export_session(store, args.format, include_private=args.include_private)
    finally:
        store.close()
    message = {"json": "cli.exported_json", "xlsx": "cli.exported_plan", "csv": "cli.exported_plan"}
    return emit(payload, args.output, args.force, message.get(args.format, "cli.exported"))
