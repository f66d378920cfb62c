"""The referat: a session turned into a document, shared by the CLI and the UI."""

from __future__ import annotations

import stat
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sessions.errors import ExportExistsError, OplaegError
from sessions.i18n import t
from sessions.storage.atomic import atomic_write_bytes

if TYPE_CHECKING:
    from sessions.storage.session_store import SessionStore

FORMATS = ("md", "html", "docx", "xlsx", "json", "csv")
DOCUMENT_FORMATS = frozenset({"md", "html", "docx"})
ACTION_PLAN_FORMATS = frozenset({"xlsx", "csv"})


def export_session(
    store: SessionStore,
    export_format: str,
    language: str | None = None,
    *,
    include_private: bool = False,
    now: datetime | None = None,
) -> bytes:
    """The session in `store` in `export_format`, as the bytes of the file.

    JSON keeps everything, private notes too: it is for moving a session, not for sending.
    xlsx and csv hold the action plan; md, html and docx the whole referat.
    """
    # The exporters load here, so start-up and the presenter never pay for them.
    from sessions.export.referat import build_referat

    if export_format == "json":
        from sessions.export.json_export import export_json

        return export_json(store, now).encode("utf-8")
    if export_format not in FORMATS:
        raise OplaegError(
            t("error.unknown_format", format=export_format, choices=", ".join(FORMATS))
        )
    if export_format in ACTION_PLAN_FORMATS:
        from sessions.export.referat import build_action_plan

        # Only what a sheet of the plan holds (the xlsx also has the statements asked again).
        plan = build_action_plan(store, now=now, since_last=export_format == "xlsx")
        if export_format == "csv":
            from sessions.export.csv_export import export_csv

            return export_csv(plan, language).encode("utf-8")
        from sessions.export.xlsx_export import export_xlsx

        return export_xlsx(plan, language)
    referat = build_referat(store, include_private=include_private, language=language, now=now)
    from sessions.export.referat_document import build_document

    document = build_document(referat, language)
    if export_format == "docx":
        from sessions.export.docx_export import export_docx

        return export_docx(document)
    if export_format == "html":
        from sessions.export.html_export import export_html

        return export_html(document).encode("utf-8")
    from sessions.export.markdown import export_markdown

    return export_markdown(document).encode("utf-8")


def contains_private_notes(store: SessionStore, export_format: str, include_private: bool) -> bool:
    """Whether the file `export_format` makes holds notes marked "kun til mig"."""
    from sessions.export.referat import has_private_notes

    if export_format in ACTION_PLAN_FORMATS:
        return False
    return (export_format == "json" or include_private) and has_private_notes(store)


def write_export(payload: bytes | str, path: Path, *, force: bool = False) -> None:
    """Write an export file atomically; an existing file is kept unless `force`. Only a
    regular file is ever replaced: a symbolic link, a device, a FIFO or a socket is refused
    (with or without `force`), so a link is never turned into a file and a device node never
    replaced."""
    kind = _special_kind(path)
    if kind is not None:
        raise OplaegError(t(f"error.export_{kind}", path=path))
    if path.exists() and not force:
        raise ExportExistsError(t("error.file_exists", path=path), path)
    if not path.parent.is_dir():
        raise OplaegError(t("error.folder_missing", folder=path.parent))
    data = payload.encode("utf-8") if isinstance(payload, str) else payload
    atomic_write_bytes(path, data, readable_by_others=True)


def _special_kind(path: Path) -> str | None:
    """ "symlink" or "special" when `path` is something other than a regular file or a folder
    (a folder is refused as an existing file is); None when it is one, or is not there."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return None
    if stat.S_ISLNK(mode):
        return "symlink"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return "special"
