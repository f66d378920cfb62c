"""The tables a session is stored in, named once. Each is owned by one module in `sessions/`."""

from __future__ import annotations

SESSION_TABLE = "session"  # repository: the booking (SessionInfo), document "1"
NOTES_TABLE = "notes"  # notebook
DRAFT_TABLE = "draft"  # notebook: the note being typed, document "1"
ACTIONS_TABLE = "actions"  # action_plan
PLAN_TABLE = "plan"  # action_plan: the next follow-up, document "1"
FOLLOWUP_TABLE = "followup"  # action_plan: an earlier plan being followed up
STATE_TABLE = "state"  # navigation: the page shown and when the session began, document "1"
LOG_TABLE = "log"  # navigation: when each agenda item was entered
SCHEDULE_TABLE = "schedule"  # navigation: the agenda as adjusted, document "1"
AGENDA_HISTORY_TABLE = "agenda_history"  # agenda_history: the agenda before its last change, "1"
DISPLAY_TABLE = "display"  # display: blank screen, notes shown to the room, bell, document "1"
TIMERS_TABLE = "timers"  # timers: each countdown, by key
PAUSES_TABLE = "pauses"  # timers: the whole session paused
EXERCISES_TABLE = "exercises"  # exercises.book: one document per exercise segment
ANSWERS_TABLE = "answers"  # answers: participants' answers from their phones, by key
JOIN_TABLE = "join"  # answers: whether phones can answer, the address and room code, document "1"
REPEAT_TABLE = "repeat"  # repeat: an earlier session's statements asked again, document "1"
PHONE_ANSWERS_TABLE = "phone_answers"  # answer_log: each phone's current scale value and votes

CURRENT_ONLY_TABLES = {PHONE_ANSWERS_TABLE: "answers.json"}
"""Tables kept as they stand now and nothing more: each in a file of its own, rewritten whole
(sorted) at every change and never journalled, so the folder holds no order in which their
documents changed and no earlier value of any of them (the phones' anonymity)."""
