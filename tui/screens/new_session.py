"""What a workplace gives when it books a talk: asked before a new session starts."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioSet, Select

from sessions.details import InvalidDetailsError, validate_details
from sessions.i18n import t
from sessions.models import SessionDetails
from sessions.theme.model import LONGEST_SESSION, SHORTEST_SESSION, Theme
from sessions.theme.notes import OTHER_SECTOR, SECTORS
from tui.widgets.toggles import RadioButton

_FIELDS = ("workplace", "date", "start_time", "facilitator", "participants")


class NewSessionScreen(ModalScreen[SessionDetails | None]):
    """A short form; dismisses with valid details, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", t("cancel"))]

    def __init__(self, theme: Theme, now: datetime | None = None, facilitator: str = "") -> None:
        super().__init__()
        self._theme = theme
        self._facilitator = facilitator
        self._now = now or datetime.now()
        plans = theme.plans
        self._default_plan = 90 if 90 in plans else plans[len(plans) // 2]

    def compose(self) -> ComposeResult:
        start = f"{self._now.hour:02d}:{self._now.minute:02d}"
        with Vertical(classes="dialog new-session"):
            yield Label(
                t("form.title", theme=self._theme.title), classes="dialog-title", markup=False
            )
            with Vertical(classes="form-field"):
                yield from self._field("workplace", "", t("form.workplace_placeholder"))
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield from self._field("date", self._now.date().isoformat())
                with Vertical():
                    yield from self._field("start_time", start)
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield from self._field(
                        "facilitator", self._facilitator, t("form.facilitator_placeholder")
                    )
                with Vertical():
                    yield from self._field("participants", "", t("form.participants_placeholder"))
            yield Label(t("form.length"), classes="field-label form-field", markup=False)
            with Horizontal(classes="form-row"):
                with RadioSet(id="plan", compact=True):
                    for plan in self._theme.plans:
                        yield RadioButton(
                            t("form.minutes", minutes=plan), value=plan == self._default_plan
                        )
                yield Input(
                    placeholder=t("form.other_minutes", low=SHORTEST_SESSION, high=LONGEST_SESSION),
                    id="other-minutes",
                    restrict=r"[0-9]*",
                    max_length=3,
                    compact=True,
                )
            with Horizontal(classes="form-row"):
                yield Label(
                    t("form.sector"), classes="field-label", id="sector-label", markup=False
                )
                yield Select(
                    [(t(f"form.sector.{name}"), name) for name in (*SECTORS, OTHER_SECTOR)],
                    value=OTHER_SECTOR,
                    allow_blank=False,
                    id="sector",
                    compact=True,
                )
            yield Label("", id="form-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("form.start"), id="submit", variant="primary", compact=True)
                yield Button(t("cancel"), id="cancel", compact=True)

    def _field(self, name: str, value: str, placeholder: str = "") -> ComposeResult:
        yield Label(t(f"form.{name}"), classes="field-label", markup=False)
        restrict = r"[0-9]*" if name == "participants" else None
        yield Input(
            value, placeholder=placeholder, id=name, restrict=restrict, max_length=120, compact=True
        )

    def on_mount(self) -> None:
        self.query_one("#workplace", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "submit":
            self.action_submit()
        else:
            self.action_cancel()

    def action_submit(self) -> None:
        values = {name: self.query_one(f"#{name}", Input).value for name in _FIELDS}
        plan_index = self.query_one("#plan", RadioSet).pressed_index
        other = self.query_one("#other-minutes", Input).value.strip()
        plan = self._theme.plans[plan_index] if plan_index >= 0 else 0
        if other:
            plan = int(other) if other.isdigit() else 0
        participants = values["participants"].strip()
        try:
            details = validate_details(
                SessionDetails(
                    workplace=values["workplace"],
                    date=values["date"],
                    start_time=values["start_time"],
                    facilitator=values["facilitator"],
                    participants=int(participants) if participants.isdigit() else 0,
                    plan=plan,
                    sector=str(self.query_one("#sector", Select).value),
                )
            )
        except InvalidDetailsError as error:
            self._show_error(error.field)
            return
        self.dismiss(details)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _show_error(self, field: str) -> None:
        label = self.query_one("#form-error", Label)
        label.update(t(f"form.error.{field}"))
        label.add_class("-visible")
        if field in _FIELDS:
            self.query_one(f"#{field}", Input).focus()
        elif field == "plan":
            self.query_one("#other-minutes", Input).focus()
