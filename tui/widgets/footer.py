"""The screen's keys in one line, drawn by one widget, in the same frame as what changed them.

Textual's `Footer` is a row of `FooterKey` widgets that it rebuilds, one refresh later, whenever
the screen's bindings are refreshed: each focus change, and every page that brings an exercise
(it takes focus) or leaves one. That was an extra frame, a dozen mounts and a layout after
the page itself. Here the keys are one line of styled text: a change of keys is a repaint
of one row, in the frame that brought it. A click on a key presses it, as Textual's does.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

KEY_STYLE = "bold $footer-key-foreground on $footer-key-background"
DESCRIPTION_STYLE = "$footer-description-foreground on $footer-description-background"
HOVER_STYLE = "on $block-hover-background"
DISABLED_STYLE = "dim"
PALETTE_RULE = "▏"


@dataclass(frozen=True)
class FooterKey:
    """One key as the footer shows it."""

    key: str
    """The key pressed when it is clicked."""
    display: str
    description: str
    action: str
    enabled: bool

    def content(self, hovered: bool, *, compact: bool = False) -> Content:
        """The key and its description; `compact`: without the space around the key (a
        narrow window shows more keys)."""
        pad = "" if compact else " "
        key = Content.styled(f"{pad}{self.display}{pad}", KEY_STYLE)
        text = f"{' ' if compact else ''}{self.description} " if self.description else " "
        item = key + Content.styled(text, DESCRIPTION_STYLE)
        if not self.enabled:
            item = item.stylize(DISABLED_STYLE)
        return item.stylize_before(HOVER_STYLE) if hovered else item


Shown = tuple[FooterKey, ...]


def shown_keys(screen: Screen[object]) -> tuple[Shown, FooterKey | None]:
    """What a footer on `screen` shows: one key per action (its first binding) in the order
    the screen has them, and the command palette's key (shown at the right), if any."""
    app = screen.app
    keys: dict[str, FooterKey] = {}
    palette: FooterKey | None = None
    for _node, binding, enabled, _tooltip in screen.active_bindings.values():
        item = FooterKey(
            binding.key, app.get_key_display(binding), binding.description, binding.action, enabled
        )
        if binding.action == "command_palette" and app.ENABLE_COMMAND_PALETTE:
            palette = palette or item
        elif binding.show and binding.action not in keys:
            keys[binding.action] = item
    return tuple(keys.values()), palette


class Footer(Widget, can_focus=False):
    """The keys of the screen, one line at the bottom."""

    DEFAULT_CSS = """
    Footer {
        dock: bottom;
        height: 1;
        width: 1fr;
        background: $footer-background;
        color: $footer-foreground;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """

    ALLOW_SELECT = False

    def __init__(self) -> None:
        super().__init__()
        self._keys: Shown = ()
        self._palette: FooterKey | None = None
        self._spans: list[tuple[int, int, FooterKey]] = []
        self._hovered: FooterKey | None = None

    @property
    def labels(self) -> list[str]:
        """Each shown key's description, in order (the palette's last)."""
        shown = [*self._keys, *([self._palette] if self._palette else [])]
        return [key.description for key in shown]

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        keys, palette = shown_keys(screen)
        if keys == self._keys and palette == self._palette:
            return  # most refreshes of the bindings leave the keys as they were
        self._keys, self._palette = keys, palette
        self.refresh()

    def render(self) -> Content:
        width = self.size.width
        for compact in (False, True):  # as Textual's footer draws them; tighter if they are cut
            line = self._line(width, compact=compact)
            if len(self._spans) - (self._palette is not None) == len(self._keys):
                break
        return line

    def _line(self, width: int, *, compact: bool) -> Content:
        right = Content()
        palette = self._palette
        if palette is not None:
            drawn = palette.content(palette == self._hovered, compact=compact)
            right = Content.styled(PALETTE_RULE, "$foreground 20%") + drawn
        room = max(0, width - right.cell_length)
        line = Content()
        self._spans = []
        for key in self._keys:
            item = key.content(key == self._hovered, compact=compact)
            if line.cell_length + item.cell_length > room:
                break  # no half keys: the rest waits for a wider window (or `?`)
            self._spans.append((line.cell_length, line.cell_length + item.cell_length, key))
            line += item
        if palette is not None and right.cell_length <= width:
            self._spans.append((width - right.cell_length + 1, width, palette))
            line = line.pad_right(room - line.cell_length) + right
        return line

    def _key_at(self, x: int) -> FooterKey | None:
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hovered = self._key_at(event.x)
        if hovered != self._hovered:
            self._hovered = hovered
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        event.stop()
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
