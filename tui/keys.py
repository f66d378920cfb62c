"""Every key binding in one place: the screens, the footer and the help screen read from here."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingsMap

from sessions.i18n import t


@dataclass(frozen=True)
class Key:
    keys: str  # Textual key names, comma-separated
    action: str
    label: str  # catalogue key of the footer label
    shown: str  # how the help screen writes the keys (a catalogue key if it starts "help.")
    footer: bool = True
    command: str | None = None  # catalogue key of the command palette entry
    priority: bool = False  # before the focused widget's own use of the key


PRESENTER_KEYS: tuple[Key, ...] = (
    Key("right,pagedown,space", "next", "key.next", "help.key.next", command="command.next"),
    Key("left,pageup", "previous", "key.previous", "help.key.previous", command="command.previous"),
    Key("t", "toggle_timer", "key.timer", "t", command="command.timer"),
    Key("plus,equals_sign", "adjust_timer(60)", "key.plus", "+", command="command.plus"),
    Key("minus", "adjust_timer(-60)", "key.minus", "-", command="command.minus"),
    Key("r", "restart_timer", "key.restart", "r", footer=False, command="command.restart"),
    Key("n", "new_note", "key.note", "n", command="command.note"),
    Key("e", "manage_notes", "key.notes", "e", footer=False, command="command.notes"),
    Key("b", "blank", "key.blank", "b", footer=False, command="command.blank"),
    Key("g", "goto", "key.goto", "g", command="command.goto"),
    Key("question_mark", "help", "key.help", "?", command="command.help"),
    Key("h", "action_plan", "key.actions", "h", command="command.actions"),
    Key("v", "summary", "key.summary", "v", footer=False, command="command.summary"),
    Key("o", "followup", "key.followup", "o", footer=False, command="command.followup"),
    Key("a", "agenda", "key.agenda", "a", command="command.agenda"),
    Key("j", "adjust_agenda", "key.adjust", "j", footer=False, command="command.adjust"),
    Key("p", "pause_session", "key.pause", "p", footer=False, command="command.pause"),
    Key("m", "toggle_bell", "key.bell", "m", footer=False, command="command.bell"),
    Key("q", "quit_session", "key.quit", "q", command="command.quit"),
)


def _digits(label: str) -> tuple[Key, ...]:
    """One footer entry ("1–9") for the ten digit keys of a show of hands."""
    return tuple(
        Key(str(n), f"scale_add({n})", label, "1–9", footer=n == 1, command="key.scale_add")
        for n in range(10)
    )


_SELECT = (
    Key("up", "select(-1)", "key.select_up", "↑", footer=False),
    Key("down", "select(1)", "key.select_down", "↓", footer=False),
)

# The keys of each exercise kind, shown first in the footer on its pages.
EXERCISE_KEYS: dict[str, tuple[Key, ...]] = {
    "round": (Key("enter", "primary", "key.next_speaker", "Enter", command="key.primary"),),
    "cards": (Key("i", "toggle_important", "key.important_short", "i", command="key.important"),),
    "sorting": (
        Key("enter", "primary", "key.new_item", "Enter", command="key.primary"),
        Key("less_than_sign", "board_move(-1)", "key.move_left", "<", command="key.board_left"),
        Key("greater_than_sign", "board_move(1)", "key.move_right", ">", command="key.board_right"),
        Key("w", "reason", "key.reason_short", "w", command="key.reason"),
        Key("x", "remove", "key.remove_short", "x", command="key.remove"),
        *_SELECT,
    ),
    "voting": (
        Key("enter", "primary", "key.votes_short", "Enter", command="key.primary"),
        Key("k", "votes_to_plan", "key.top_to_plan", "k", command="key.votes_to_plan"),
        *_SELECT,
    ),
    "scale": (
        *_digits("key.hand"),
        Key("u", "scale_undo", "key.undo_short", "u", command="key.scale_undo"),
        *_SELECT,
    ),
    "case": (
        Key("enter", "primary", "key.agreement_short", "Enter", command="key.primary"),
        Key("x", "remove", "key.remove_short", "x", command="key.remove"),
    ),
}

ACTION_PLAN_KEYS: tuple[Key, ...] = (
    Key("n,plus", "new", "key.new_action", "n"),
    Key("enter", "edit", "key.edit", "Enter"),
    Key("delete,d", "delete", "key.delete", "Delete"),
    Key("f", "next_follow_up", "key.next_follow_up", "f"),
    Key("escape,h", "close", "close", "Esc"),
)

FOLLOWUP_KEYS: tuple[Key, ...] = (
    Key("1", "status('1')", "followup.status.done", "1"),
    Key("2", "status('2')", "followup.status.ongoing", "2"),
    Key("3", "status('3')", "followup.status.not_started", "3"),
    Key("4", "status('4')", "followup.status.dropped", "4"),
    Key("c", "comment", "followup.col.comment", "c"),
    Key("escape,o", "close", "close", "Esc"),
)

SUMMARY_KEYS: tuple[Key, ...] = (
    Key("e", "export", "key.export", "e"),
    Key("escape,q,v", "close", "close", "Esc"),
)

AGENDA_KEYS: tuple[Key, ...] = (
    Key("plus,equals_sign", "longer", "key.longer", "+", priority=True),
    Key("minus", "shorter", "key.shorter", "-", priority=True),
    Key("shift+up,ctrl+up", "move(-1)", "key.move_up", "Shift+↑"),
    Key("shift+down,ctrl+down", "move(1)", "key.move_down", "Shift+↓"),
    Key("s,delete", "skip", "key.skip", "s"),
    Key("b", "add('break')", "key.add_break", "b"),
    Key("r", "add('exercise')", "key.add_round", "r"),
    Key("escape,a", "close", "key.agenda_done", "Enter Esc"),
)

START_KEYS: tuple[Key, ...] = (
    Key("e", "export", "key.export", "e"),
    Key("v", "summary", "key.summary", "v"),
    Key("slash", "filter", "key.filter", "/"),
    Key("r", "rename", "key.rename", "r", footer=False),
    Key("d,delete", "delete", "key.delete", "d", footer=False),
    Key("question_mark", "help", "key.help", "?"),
    Key("q", "quit", "key.quit", "q"),
)

NOTE_FORM_KEYS: tuple[Key, ...] = (
    Key("enter", "save", "key.save", "Enter", priority=True),
    Key("ctrl+j", "newline", "key.newline", "Ctrl+J"),
    Key("escape", "cancel", "cancel", "Esc"),
)

NOTES_KEYS: tuple[Key, ...] = (
    Key("enter", "edit", "key.edit", "Enter"),
    Key("delete,backspace,d", "delete", "key.delete", "Delete"),
    Key("escape", "close", "close", "Esc"),
)


def shown_keys(key: Key) -> str:
    """The keys as the help screen writes them."""
    return t(key.shown) if key.shown.startswith("help.") else key.shown


def bindings(inherited: BindingsMap, keys: tuple[Key, ...]) -> BindingsMap:
    """The screen's inherited bindings (Tab moves focus, …) plus `keys`, labelled in the
    current language. Labels are made here, not in `BINDINGS`, because the language is
    chosen at run time."""
    own = BindingsMap(
        [
            Binding(
                k.keys,
                k.action,
                t(k.label),
                show=k.footer,
                key_display=shown_keys(k).split()[0],
                priority=k.priority,
            )
            for k in keys
        ]
    )
    return BindingsMap.merge([inherited, own])
