"""Export a session's referat from the UI, with the same code as `oplaeg export`."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet

from sessions.errors import OplaegError
from sessions.export import FORMATS, export_session, write_export
from sessions.i18n import t
from sessions.repository import SessionRepository


class ExportDialog(ModalScreen[Path | None]):
    """Choose a format and a file; dismisses with the written path."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, repository: SessionRepository, session_id: str, folder: Path) -> None:
        super().__init__()
        self._repository = repository
        self._session_id = session_id
        self._folder = folder

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
            yield Label("", id="form-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("export.do"), id="export", variant="primary", compact=True)
                yield Button(t("cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        path_input = self.query_one("#path", Input)
        path_input.focus()
        path_input.cursor_position = len(path_input.value)

    def _default_path(self, export_format: str) -> Path:
        return self._folder / f"referat-{self._session_id}.{export_format}"

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        path_input = self.query_one("#path", Input)
        path = Path(path_input.value)
        if path.suffix.lstrip(".") in FORMATS:
            path_input.value = str(path.with_suffix("." + FORMATS[event.index]))

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
        export_format = FORMATS[max(0, self.query_one("#format", RadioSet).pressed_index)]
        path = Path(self.query_one("#path", Input).value.strip()).expanduser()
        try:
            _, store = self._repository.open(self._session_id, readonly=True)
            try:
                include_private = self.query_one("#private", Checkbox).value
                text = export_session(store, export_format, include_private=include_private)
            finally:
                store.close()
            write_export(text, path, force=self.query_one("#overwrite", Checkbox).value)
        except OplaegError as error:
            label = self.query_one("#form-error", Label)
            label.update(str(error))
            label.add_class("-visible")
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
