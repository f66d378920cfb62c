"""The group's action plan (hvad, hvem, hvornår, opfølgning), the date of the next follow-up,
and the follow-up of an earlier session's plan."""

from __future__ import annotations

from dataclasses import replace

from sessions.clock import Clock
from sessions.i18n import t
from sessions.models import Action, FollowUp, FollowUpStatus, SessionInfo
from sessions.storage.session_store import SessionStore
from sessions.storage.tables import ACTIONS_TABLE, FOLLOWUP_TABLE, PLAN_TABLE
from sessions.text import clean_line


class EmptyActionError(ValueError):
    """An action needs a "hvad"."""


def is_proposal(action: Action) -> bool:
    """An action nobody has taken on yet: it lacks a hvem or a hvornår."""
    return not action.who or not action.when


class ActionPlan:
    """The plan's rows and follow-ups. Every change is saved before it returns."""

    def __init__(self, store: SessionStore, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def actions(self) -> list[Action]:
        """The rows, in the order they were made."""
        rows = [Action.from_dict({"id": i, **d}) for i, d in self.store.items(ACTIONS_TABLE)]
        return sorted(rows, key=lambda a: (a.created_at, int(a.id) if a.id.isdigit() else 0))

    def save(self, action_id: str | None, what: str, who: str, when: str, follow_up: str) -> Action:
        """Add a row (`action_id` None) or change one; `what` may not be empty."""
        what = clean_line(what)
        if not what:
            raise EmptyActionError(t("error.empty_action"))
        old = self.store.get(ACTIONS_TABLE, action_id) if action_id else None
        action = Action(
            id=action_id or self.store.next_id(ACTIONS_TABLE),
            what=what,
            who=clean_line(who),
            when=clean_line(when),
            follow_up=clean_line(follow_up),
            created_at=float(old["created_at"]) if old else self.clock.wall(),
        )
        data = action.to_dict()
        del data["id"]
        self.store.put(ACTIONS_TABLE, action.id, data)
        return action

    def propose(self, items: list[str]) -> list[Action]:
        """Rows for items the group chose (by vote), for the consultant to complete with hvem
        and hvornår; an item already in the plan is not added twice."""
        existing = {a.what.casefold() for a in self.actions()}
        added = []
        for text in items:
            if clean_line(text).casefold() not in existing:
                added.append(self.save(None, text, "", "", ""))
                existing.add(clean_line(text).casefold())
        return added

    def delete(self, action_id: str) -> None:
        self.store.delete(ACTIONS_TABLE, action_id)

    @property
    def next_follow_up(self) -> str:
        """When the workplace follows up the plan (free text: a date, "uge 10" …)."""
        return str((self.store.get(PLAN_TABLE, "1") or {}).get("next_follow_up", ""))

    def set_next_follow_up(self, when: str) -> None:
        self.store.put(PLAN_TABLE, "1", {"next_follow_up": clean_line(when)})

    # -- following up an earlier plan -------------------------------------------------------

    def followups(self) -> list[FollowUp]:
        rows = [FollowUp.from_dict({"id": i, **d}) for i, d in self.store.items(FOLLOWUP_TABLE)]
        return sorted(rows, key=lambda f: int(f.id) if f.id.isdigit() else 0)

    def set_followup(
        self, followup_id: str, status: FollowUpStatus | None, comment: str | None = None
    ) -> FollowUp:
        """Record how far a carried-over action has come."""
        current = next(f for f in self.followups() if f.id == followup_id)
        changed = replace(
            current,
            status=status,
            comment=current.comment if comment is None else clean_line(comment),
        )
        self.store.put(FOLLOWUP_TABLE, followup_id, changed.to_dict())
        return changed

    def carry_over(self, source: SessionInfo, actions: list[Action]) -> None:
        """Take an earlier session's actions in, to be followed up."""
        for number, action in enumerate(actions, start=1):
            followup = FollowUp(str(number), action, source.id, source.details.date)
            self.store.put(FOLLOWUP_TABLE, followup.id, followup.to_dict())
