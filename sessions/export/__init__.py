"""The referat: a session turned into a document, shared by the CLI and the UI."""

from __future__ import annotations

from pathlib import Path

from sessions.errors import OplaegError
from sessions.export.json_export import export_json
from sessions.export.markdown import export_markdown
from sessions.storage.atomic import atomic_write_bytes
from sessions.storage.session_store import SessionStore

FORMATS = ("md", "json")


def export_session(store: SessionStore, export_format: str, language: str | None = None) -> str:
    """The session in `store` as a Markdown referat or lossless JSON."""
    if export_format == "md":
        return export_markdown(store, language)
    if export_format == "json":
        return export_json(store)
    raise OplaegError(f"unknown format '{export_format}' (choose {', '.join(FORMATS)})")


def write_export(text: str, path: Path, *, force: bool = False) -> None:
    """Write an export file atomically; an existing file is kept unless `force`."""
    if path.exists() and not force:
        raise OplaegError(f"{path} exists already (use --force to replace it)")
    if not path.parent.is_dir():
        raise OplaegError(f"the folder {path.parent} does not exist")
    atomic_write_bytes(path, text.encode("utf-8"))
