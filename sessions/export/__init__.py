"""The referat: a session turned into a document, shared by the CLI and the UI."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sessions.errors import OplaegError
from sessions.storage.atomic import atomic_write_bytes

if TYPE_CHECKING:
    from sessions.storage.session_store import SessionStore

FORMATS = ("md", "html", "docx", "json", "csv")


def export_session(
    store: SessionStore,
    export_format: str,
    language: str | None = None,
    *,
    include_private: bool = False,
) -> bytes:
    """The session in `store` in `export_format`, as the bytes of the file.

    JSON keeps everything, private notes too: it is for moving a session, not for sending.
    """
    # The exporters load here, so start-up and the presenter never pay for them.
    from sessions.export.csv_export import export_csv
    from sessions.export.docx_export import export_docx
    from sessions.export.html_export import export_html
    from sessions.export.json_export import export_json
    from sessions.export.markdown import export_markdown
    from sessions.export.referat import build_referat

    if export_format == "json":
        return export_json(store).encode("utf-8")
    referat = build_referat(store, include_private=include_private, language=language)
    if export_format == "md":
        return export_markdown(referat, language).encode("utf-8")
    if export_format == "html":
        return export_html(referat, language).encode("utf-8")
    if export_format == "csv":
        return export_csv(referat, language).encode("utf-8")
    if export_format == "docx":
        return export_docx(referat, language)
    raise OplaegError(f"unknown format '{export_format}' (choose {', '.join(FORMATS)})")


def write_export(payload: bytes | str, path: Path, *, force: bool = False) -> None:
    """Write an export file atomically; an existing file is kept unless `force`."""
    if path.exists() and not force:
        raise OplaegError(f"{path} exists already (use --force to replace it)")
    if not path.parent.is_dir():
        raise OplaegError(f"the folder {path.parent} does not exist")
    data = payload.encode("utf-8") if isinstance(payload, str) else payload
    atomic_write_bytes(path, data, readable_by_others=True)
