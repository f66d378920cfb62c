"""The action plan's page on the wall: every action as the group agrees it (hvad, hvem, hvornår,
opfølgning), proposals marked; and the follow-up of an earlier plan."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from sessions.i18n import t
from sessions.notes.action_plan import is_proposal
from tui.exercises.base import ExerciseWidget
from tui.exercises.draw import EMPHASIS, MUTED, join_lines, wrapped
from tui.keys import FOLLOWUP_PAGE_KEYS, PLAN_PAGE_KEYS, bindings


class PlanRowsWidget(ExerciseWidget):
    """A page that lists the plan's rows, read from the session each time it is shown."""

    DEFAULT_CSS = """
    PlanRowsWidget .plan-rows { width: 100%; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(classes="plan-rows")

    def reload(self) -> None:
        super().reload()
        self.refresh_view()

    def refresh_view(self) -> None:
        if self.ready:
            self.query_one(".plan-rows", Static).update(join_lines(self.rows()))

    def on_resize(self) -> None:
        self.refresh_view()  # the rows are wrapped to the width

    def rows(self) -> list[Content]:
        raise NotImplementedError


class ActionPlanWidget(PlanRowsWidget):
    """Enter opens the action plan to write in; the room watches it grow here."""

    BINDINGS = bindings(PLAN_PAGE_KEYS)
    kinds: ClassVar[tuple[str, ...]] = ("action-plan",)

    def rows(self) -> list[Content]:
        actions = self.live.plan.actions()
        lines = [Content.styled(t("plan.title", count=len(actions)), EMPHASIS)]
        width = max(20, self.size.width or 80)
        for number, action in enumerate(actions, start=1):
            mark = f"  ({t('plan.proposal')})" if is_proposal(action) else ""
            # Wrapped lines hang under the action's text, never back at the margin.
            head = f"{number}. "
            what = wrapped(head + action.what, width - len(mark), indent=" " * len(head))
            lines += [Content.styled(part, "bold") for part in what[:-1]]
            lines.append(Content.assemble((what[-1], "bold"), (mark, MUTED)))
            parts = [
                (t("plan.who"), action.who),
                (t("plan.when"), action.when),
                (t("plan.follow_up"), action.follow_up),
            ]
            detail = " · ".join(f"{label}: {value or '–'}" for label, value in parts)
            indent = " " * len(head)
            lines += [
                Content.styled(part, MUTED)
                for part in wrapped(indent + detail, width, indent=indent)
            ]
        if not actions:
            lines.append(Content.styled(t("plan.empty"), MUTED))
        follow_up = self.live.plan.next_follow_up
        if follow_up:
            lines.append(Content.styled("\n" + t("plan.next_follow_up", when=follow_up), "bold"))
        return lines

    def action_open_plan(self) -> None:
        self.post_message(self.OpenRequested("action-plan"))


class FollowUpWidget(PlanRowsWidget):
    """The earlier plan's actions and how far each has come; Enter opens them to set it."""

    BINDINGS = bindings(FOLLOWUP_PAGE_KEYS)
    kinds: ClassVar[tuple[str, ...]] = ("follow-up",)

    def rows(self) -> list[Content]:
        rows = self.live.plan.followups()
        lines = []
        for row in rows:
            status = t(f"followup.status.{row.status.value}") if row.status else "–"
            lines.append(Content.assemble((f"• {row.action.what}", "bold"), f"  {status}"))
            details = [row.action.who, row.action.when, row.comment]
            detail = " · ".join(part for part in details if part)
            if detail:
                lines.append(Content.styled("   " + detail, MUTED))
        if not rows:
            lines.append(Content.styled(t("followup.none"), MUTED))
        return lines

    def action_open_followup(self) -> None:
        self.post_message(self.OpenRequested("follow-up"))
