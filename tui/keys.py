"""Every key binding in one table: classes take their `BINDINGS` from here, and the footer, the
help screen, the command palette and the README all say the same.

Each binding has an `id`, so a consultant can remap it for a clicker in `keys.toml` (see
`tui/keymap.py`). Labels are looked up when a class is defined; the CLI chooses the language
before it imports the UI.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType

from sessions.i18n import t


@dataclass(frozen=True)
class Key:
    id: str
    keys: str  # Textual key names, comma-separated
    action: str
    label: str  # catalogue key of the short footer label
    command: str  # catalogue key of the command palette's (and the help screen's) description
    shown: str  # how the keys are written for people
    footer: bool = True
    priority: bool = False  # before the focused widget's own use of the key
    palette: bool = True  # offered in the command palette


def bindings(*groups: tuple[Key, ...]) -> list[BindingType]:
    """Textual bindings for `groups` of keys, labelled in the current language."""
    return [
        Binding(
            k.keys,
            k.action,
            t(k.label),
            show=k.footer,
            key_display=k.shown.split()[0],
            priority=k.priority,
            id=k.id,
        )
        for group in groups
        for k in group
    ]


NAVIGATION_KEYS: tuple[Key, ...] = (
    Key(
        "next",
        "pagedown,right,space",
        "next",
        "key.next",
        "command.next",
        "PgDn → Mellemrum",
        priority=True,
    ),
    Key(
        "previous",
        "pageup,left",
        "previous",
        "key.previous",
        "command.previous",
        "PgUp ←",
        priority=True,
    ),
    Key(
        "blank",
        "b,full_stop",
        "blank",
        "key.blank",
        "command.blank",
        "b .",
        footer=False,
        priority=True,
    ),
)

PRESENTER_KEYS: tuple[Key, ...] = (
    Key("timer", "t", "toggle_timer", "key.timer", "command.timer", "t"),
    Key(
        "timer-plus",
        "plus,equals_sign",
        "adjust_timer(60)",
        "key.plus",
        "command.plus",
        "+",
        footer=False,
    ),
    Key(
        "timer-minus", "minus", "adjust_timer(-60)", "key.minus", "command.minus", "-", footer=False
    ),
    Key("timer-reset", "r", "reset_timer", "key.restart", "command.restart", "r", footer=False),
    Key("note", "n", "new_note", "key.note", "command.note", "n"),
    Key(
        "private-note",
        "N",
        "new_private_note",
        "key.private_note",
        "command.private_note",
        "N",
        footer=False,
    ),
    Key("notes", "e", "manage_notes", "key.notes", "command.notes", "e", footer=False),
    Key("speaker-notes", "s", "speaker_notes", "key.speaker_notes", "command.speaker_notes", "s"),
    Key(
        "notes-to-room",
        "l",
        "notes_to_room",
        "key.notes_to_room",
        "command.notes_to_room",
        "l",
        footer=False,
    ),
    Key("action-plan", "h", "action_plan", "key.actions", "command.actions", "h"),
    Key("agenda", "a", "agenda", "key.agenda", "command.agenda", "a"),
    Key("adjust", "j", "adjust_agenda", "key.adjust", "command.adjust", "j", footer=False),
    Key(
        "undo-adjust",
        "z",
        "undo_adjust",
        "key.undo_adjust",
        "command.undo_adjust",
        "z",
        footer=False,
    ),
    Key("goto", "g", "goto", "key.goto", "command.goto", "g", footer=False),
    Key("pause", "p", "pause_session", "key.pause", "command.pause", "p", footer=False),
    Key("bell", "m", "toggle_bell", "key.bell", "command.bell", "m", footer=False),
    Key("light", "d", "toggle_light", "key.light", "command.light", "d", footer=False),
    Key("followup", "o", "followup", "key.followup", "command.followup", "o", footer=False),
    Key("summary", "v", "summary", "key.summary", "command.summary", "v", footer=False),
    Key("join", "J", "join", "key.join", "command.join", "J", footer=False),
    Key("join-code", "K", "join_code", "key.join_code", "command.join_code", "K", footer=False),
    Key("slips", "S", "slips", "key.slips", "command.slips", "S", footer=False),
    Key("help", "question_mark", "help", "key.help", "command.help", "?"),
    Key("quit", "q", "quit_session", "key.quit", "command.quit", "q"),
)

# -- exercise kinds (the focused exercise widget owns these; its keys come first) ---------------

_SELECT = (
    Key(
        "select-up",
        "up",
        "select(-1)",
        "key.select_up",
        "command.select_up",
        "↑",
        footer=False,
        palette=False,
    ),
    Key(
        "select-down",
        "down",
        "select(1)",
        "key.select_down",
        "command.select_down",
        "↓",
        footer=False,
        palette=False,
    ),
)

ROUND_KEYS: tuple[Key, ...] = (
    Key("round-next", "enter", "next_speaker", "key.next_speaker", "command.next_speaker", "Enter"),
    Key(
        "round-everyone",
        "0",
        "run_as('everyone')",
        "key.round_everyone",
        "command.round_everyone",
        "0",
        footer=False,
    ),
    Key(
        "round-shorter", "1", "run_as('shorter')", "key.round_shorter", "command.round_shorter", "1"
    ),
    Key("round-groups", "2", "run_as('groups')", "key.round_groups", "command.round_groups", "2"),
    Key("round-pluk", "3", "run_as('pluk')", "key.round_pluk", "command.round_pluk", "3"),
)

CARDS_KEYS: tuple[Key, ...] = (
    Key("card-important", "i", "toggle_important", "key.important_short", "command.important", "i"),
)

SORTING_KEYS: tuple[Key, ...] = (
    Key("board-add", "enter", "add_item", "key.new_item", "command.new_item", "Enter"),
    Key(
        "board-left", "less_than_sign", "move_item(-1)", "key.move_left", "command.board_left", "<"
    ),
    Key(
        "board-right",
        "greater_than_sign",
        "move_item(1)",
        "key.move_right",
        "command.board_right",
        ">",
    ),
    Key("board-edit", "w", "edit_item", "key.edit_item", "command.edit_item", "w"),
    Key("board-remove", "x", "remove_item", "key.remove_short", "command.remove_item", "x"),
    Key("board-undo", "u", "undo", "key.undo_short", "command.undo_remove", "u"),
    *_SELECT,
)

VOTING_KEYS: tuple[Key, ...] = (
    Key("vote-set", "enter", "set_votes", "key.votes_short", "command.set_votes", "Enter"),
    Key("vote-top", "k", "top_to_plan", "key.top_to_plan", "command.votes_to_plan", "k"),
    Key("vote-undo", "u", "undo", "key.undo_short", "command.undo_votes", "u"),
    *_SELECT,
)

SCALE_KEYS: tuple[Key, ...] = (
    *(
        Key(
            f"scale-{n}",
            str(n),
            f"add_hand({n})",
            "key.hand",
            "command.scale_add",
            "0–9",
            footer=n == 1,
            palette=n == 1,
        )
        for n in range(10)
    ),
    Key("scale-undo", "u", "undo", "key.undo_short", "command.scale_undo", "u"),
    *_SELECT,
)

CASE_KEYS: tuple[Key, ...] = (
    Key(
        "case-add",
        "enter",
        "add_agreement",
        "key.agreement_short",
        "command.new_agreement",
        "Enter",
    ),
    Key("case-edit", "w", "edit_agreement", "key.edit_item", "command.edit_agreement", "w"),
    Key(
        "case-remove", "x", "remove_agreement", "key.remove_short", "command.remove_agreement", "x"
    ),
    Key("case-undo", "u", "undo", "key.undo_short", "command.undo_remove", "u"),
    *_SELECT,
)

PLAN_PAGE_KEYS: tuple[Key, ...] = (
    Key("plan-open", "enter", "open_plan", "key.actions", "command.actions", "Enter"),
)

FOLLOWUP_PAGE_KEYS: tuple[Key, ...] = (
    Key("followup-open", "enter", "open_followup", "key.followup", "command.followup", "Enter"),
)

# -- screens and forms -----------------------------------------------------------------------

START_KEYS: tuple[Key, ...] = (
    Key("start-export", "e", "export", "key.export", "command.export", "e"),
    Key("start-summary", "v", "summary", "key.summary", "command.summary", "v"),
    Key("start-filter", "slash", "filter", "key.filter", "command.filter", "/"),
    Key("start-rename", "r", "rename", "key.rename", "command.rename", "r", footer=False),
    Key(
        "start-delete",
        "d,delete",
        "delete",
        "key.delete",
        "command.delete_session",
        "d",
        footer=False,
    ),
    Key(
        "start-workplace",
        "w",
        "workplace",
        "key.workplace",
        "command.workplace",
        "w",
        footer=False,
    ),
    Key("start-help", "question_mark", "help", "key.help", "command.help", "?"),
    Key("start-quit", "q", "quit", "key.quit", "command.quit", "q"),
)

# The follow-up's history and statements asked again (issue 27)
WORKPLACE_KEYS: tuple[Key, ...] = (
    Key("workplace-merge", "m", "merge", "key.merge", "command.merge_workplace", "m"),
    Key("workplace-close", "escape,w,q", "close", "close", "command.close", "Esc"),
)

REPEAT_KEYS: tuple[Key, ...] = (
    Key("repeat-ask", "g", "ask", "key.repeat_ask", "command.repeat_ask", "g"),
    Key("repeat-all", "a", "all", "key.repeat_all", "command.repeat_all", "a"),
    Key("repeat-skip", "escape", "skip", "key.repeat_skip", "command.repeat_skip", "Esc"),
)

AGENDA_KEYS: tuple[Key, ...] = (
    Key(
        "agenda-longer",
        "plus,equals_sign",
        "longer",
        "key.longer",
        "command.longer",
        "+",
        priority=True,
    ),
    Key("agenda-shorter", "minus", "shorter", "key.shorter", "command.shorter", "-", priority=True),
    Key("agenda-up", "shift+up,ctrl+up", "move(-1)", "key.move_up", "command.move_up", "Shift+↑"),
    Key(
        "agenda-down",
        "shift+down,ctrl+down",
        "move(1)",
        "key.move_down",
        "command.move_down",
        "Shift+↓",
    ),
    Key("agenda-skip", "s,delete", "skip", "key.skip", "command.skip", "s"),
    Key("agenda-break", "b", "add('break')", "key.add_break", "command.add_break", "b"),
    Key("agenda-round", "r", "add('exercise')", "key.add_round", "command.add_round", "r"),
    Key("agenda-undo", "z", "undo", "key.undo_adjust", "command.undo_adjust", "z"),
    Key(
        "agenda-close",
        "escape,a,enter",
        "close",
        "key.agenda_done",
        "command.agenda_done",
        "Enter Esc",
    ),
)

ACTION_PLAN_KEYS: tuple[Key, ...] = (
    Key("plan-new", "n,plus", "new", "key.new_action", "command.new_action", "n"),
    Key("plan-edit", "enter", "edit", "key.edit", "command.edit_action", "Enter"),
    Key("plan-delete", "delete,d", "delete", "key.delete", "command.delete_action", "Delete"),
    Key(
        "plan-follow-up", "f", "next_follow_up", "key.next_follow_up", "command.next_follow_up", "f"
    ),
    Key("plan-close", "escape,h", "close", "close", "command.close", "Esc"),
)

FOLLOWUP_KEYS: tuple[Key, ...] = (
    Key("followup-1", "1", "status('1')", "followup.status.done", "followup.status.done", "1"),
    Key(
        "followup-2", "2", "status('2')", "followup.status.ongoing", "followup.status.ongoing", "2"
    ),
    Key(
        "followup-3",
        "3",
        "status('3')",
        "followup.status.not_started",
        "followup.status.not_started",
        "3",
    ),
    Key(
        "followup-4", "4", "status('4')", "followup.status.dropped", "followup.status.dropped", "4"
    ),
    Key("followup-comment", "c", "comment", "followup.col.comment", "followup.col.comment", "c"),
    Key("followup-close", "escape,o", "close", "close", "command.close", "Esc"),
)

SUMMARY_KEYS: tuple[Key, ...] = (
    Key("summary-export", "e", "export", "key.export", "command.export", "e"),
    Key("summary-resume", "f", "resume", "key.resume", "command.resume", "f"),
    Key("summary-close", "escape,q,v", "close", "close", "command.close", "Esc"),
)

NOTE_FORM_KEYS: tuple[Key, ...] = (
    Key("note-save", "enter", "save", "key.save", "command.save_note", "Enter", priority=True),
    Key("note-newline", "ctrl+j", "newline", "key.newline", "command.newline", "Ctrl+J"),
    Key("note-peek", "ctrl+t", "peek", "key.peek", "command.peek", "Ctrl+T", footer=False),
    Key("note-cancel", "escape", "cancel", "cancel", "command.cancel", "Esc"),
)

NOTES_KEYS: tuple[Key, ...] = (
    Key("notes-edit", "enter", "edit", "key.edit", "command.edit_note", "Enter"),
    Key(
        "notes-delete",
        "delete,backspace,d",
        "delete",
        "key.delete",
        "command.delete_note",
        "Delete",
    ),
    Key("notes-close", "escape,e", "close", "close", "command.close", "Esc"),
)

MODERATION_KEYS: tuple[Key, ...] = (
    Key("slip-approve", "enter", "approve", "key.approve", "command.approve_slip", "Enter"),
    Key("slip-edit", "w", "edit", "key.edit_item", "command.edit_slip", "w"),
    Key("slip-reject", "delete,x", "reject", "key.reject", "command.reject_slip", "x Delete"),
    Key("slip-undo", "u", "undo", "key.undo_short", "command.undo_reject", "u"),
    Key("slip-peek", "ctrl+t", "peek", "key.peek", "command.peek_slips", "Ctrl+T", footer=False),
    Key("slip-close", "escape,S", "close", "close", "command.close", "Esc"),
)

PREP_KEYS: tuple[Key, ...] = (
    Key("prep-close", "enter,escape", "close", "close", "command.close", "Enter Esc"),
)

DIALOG_KEYS: tuple[Key, ...] = (
    Key("dialog-yes", "y,j", "answer(True)", "yes", "yes", "y", footer=False),
    Key("dialog-no", "n,escape", "answer(False)", "no", "no", "n Esc", footer=False),
)

EXERCISE_KEYS: dict[str, tuple[Key, ...]] = {
    "round": ROUND_KEYS,
    "cards": CARDS_KEYS,
    "sorting": SORTING_KEYS,
    "voting": VOTING_KEYS,
    "scale": SCALE_KEYS,
    "case": CASE_KEYS,
    "action-plan": PLAN_PAGE_KEYS,
    "follow-up": FOLLOWUP_PAGE_KEYS,
}
"""For the help screen and the README: each exercise kind's keys."""


def binding_ids() -> frozenset[str]:
    """Every binding id a consultant's `[keys]` table may name (the app's palette key too)."""
    groups = [
        value
        for value in globals().values()
        if isinstance(value, tuple) and value and all(isinstance(k, Key) for k in value)
    ]
    return frozenset({"palette", *(k.id for group in groups for k in group)})
