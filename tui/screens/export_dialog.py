"""Export a session's referat from the UI, with the same code as `oplaeg export`."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioSet

from sessions.errors import ExportExistsError, OplaegError
from sessions.export import FORMATS, contains_private_notes, export_session, write_export
from sessions.i18n import t
from sessions.repository import SessionRepository
from tui.widgets.toggles import Checkbox, RadioButton


class ExportDialog(ModalScreen[Path | None]):
    """Choose a format and a file; dismisses with the written path. A file that would hold
    private notes is written only after a warning and a second press of Eksportér."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, repository: SessionRepository, session_id: str, folder: Path) -> None:
        super().__init__()
        self._repository = repository
        self._session_id = session_id
        self._folder = folder
        self._warned_for: tuple[str, bool] | None = None  # the choice the warning was shown for

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog export"):
            yield Label(t("export.dialog_title"), classes="dialog-title", markup=False)
            yield Label(self._session_id, markup=False)
            yield Label(t("export.format"), classes="field-label", markup=False)
            with RadioSet(id="format", compact=True):
                for index, name in enumerate(FORMATS):
                    yield RadioButton(name, value=index == 0)
            yield Label(t("export.path"), classes="field-label", markup=False)
            yield Input(str(self._default_path("md")), id="path", compact=True)
            yield Checkbox(t("export.overwrite"), id="overwrite", compact=True)
            yield Checkbox(t("export.include_private"), id="private", compact=True)
            yield Label("", id="private-warning", markup=False)
            yield Label("", id="form-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("export.do"), id="export", variant="primary", compact=True)
                yield Button(t("cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        path_input = self.query_one("#path", Input)
        path_input.focus()
        path_input.cursor_position = len(path_input.value)

    def _default_path(self, export_format: str) -> Path:
        if export_format == "json":  # for moving the session, not a referat to send
            return self._folder / f"session-{self._session_id}.oplaeg.json"
        return self._folder / f"referat-{self._session_id}.{export_format}"

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        path_input = self.query_one("#path", Input)
        path = Path(path_input.value)
        chosen = FORMATS[event.index]
        defaults = {self._default_path(f).name for f in FORMATS}
        if path.name in defaults:
            path_input.value = str(path.parent / self._default_path(chosen).name)
        elif path.suffix.lstrip(".") in FORMATS:
            path_input.value = str(path.with_suffix("." + chosen))
        self._show_warning()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id == "private":
            self._show_warning()

    def _choice(self) -> tuple[str, bool]:
        export_format = FORMATS[max(0, self.query_one("#format", RadioSet).pressed_index)]
        return export_format, self.query_one("#private", Checkbox).value

    def _holds_private_notes(self) -> bool:
        export_format, include_private = self._choice()
        if export_format == "json":
            return True  # json always carries them; say so even when there are none yet
        try:
            _, store = self._repository.open(self._session_id, readonly=True)
        except OplaegError:
            return include_private
        try:
            return contains_private_notes(store, export_format, include_private)
        finally:
            store.close()

    def _show_warning(self) -> bool:
        """Show (or hide) the warning for the current choice; True when it is shown."""
        export_format, _ = self._choice()
        holds = self._holds_private_notes()
        label = self.query_one("#private-warning", Label)
        key = "export.json_warning" if export_format == "json" else "export.private_warning"
        label.update(t(key) if holds else "")
        label.set_class(holds, "-visible")
        button = self.query_one("#export", Button)
        if self._warned_for != self._choice() and str(button.label) != t("export.do"):
            button.label = t("export.do")
            button.refresh(layout=True)
        return holds

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export":
            self.action_export()
        else:
            self.action_cancel()

    def action_export(self) -> None:
        export_format, include_private = self._choice()
        if self._show_warning() and self._warned_for != self._choice():
            self._warned_for = self._choice()
            button = self.query_one("#export", Button)
            button.label = t("export.do_anyway")
            button.refresh(layout=True)  # the longer label needs a wider button
            button.focus()
            return
        path = self._target(export_format)
        if path is None:
            return
        self.query_one("#export", Button).disabled = True
        self._export(
            export_format, include_private, path, self.query_one("#overwrite", Checkbox).value
        )

    def _target(self, export_format: str) -> Path | None:
        """The file to write: the typed path (a folder gets the usual name), or None after
        saying what is wrong with it."""
        typed = self.query_one("#path", Input).value.strip()
        if not typed:
            self._report(t("export.path_missing"))
            return None
        path = Path(typed).expanduser()
        if path.is_dir():
            path = path / self._default_path(export_format).name
            self.query_one("#path", Input).value = str(path)
        return path

    @work(thread=True, exclusive=True, group="export")
    def _export(self, export_format: str, include_private: bool, path: Path, force: bool) -> None:
        """Build and write the file away from the event loop, so the countdown keeps going
        (a large session's docx takes a second or more)."""
        try:
            _, store = self._repository.open(self._session_id, readonly=True)
            try:
                text = export_session(store, export_format, include_private=include_private)
            finally:
                store.close()
            write_export(text, path, force=force)
        except ExportExistsError:
            self.app.call_from_thread(self._failed, t("export.exists", path=path))
        except OplaegError as error:
            self.app.call_from_thread(self._failed, str(error))
        else:
            self.app.call_from_thread(self.dismiss, path)

    def _failed(self, message: str) -> None:
        self.query_one("#export", Button).disabled = False
        self._report(message)

    def _report(self, message: str) -> None:
        self.query_one("#private-warning", Label).remove_class("-visible")  # room on 80×24
        label = self.query_one("#form-error", Label)
        label.update(message)
        label.add_class("-visible")

    def action_cancel(self) -> None:
        self.dismiss(None)
