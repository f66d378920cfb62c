"""The baselines the outside harness runs in tmux, each as small as Textual allows:

python -m tests.perf.outside_bare first     Header + Markdown + Footer, nothing else
python -m tests.perf.outside_bare pages     the same; PgDn/PgUp put another document in
                                           the Markdown (a bare app's own page turn)
python -m tests.perf.outside_bare clock     the same with a clock updated once a second
"""

from __future__ import annotations

import sys
import time

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Markdown, Static

WORDS = ("støtte", "tillid", "retfærdighed", "indflydelse", "mening", "forudsigelighed")
"""One per page: digits would not do, the harness takes a changed digit for a ticking clock."""

DOCUMENT = """# Side om {word}: hvad betyder det hos os?

- Vi hjælper hinanden med opgaverne ({word})
- Vi vejleder og giver sparring
- Vi bakker op, når det er svært
- I bred forstand: accept, tillid og anerkendelse

Tal sammen to og to: hvornår fik du sidst hjælp, og hvordan bad du om den?
"""


class Bare(App[None]):
    BINDINGS = [
        Binding("pagedown", "turn(1)", "Næste", priority=True),
        Binding("pageup", "turn(-1)", "Forrige", priority=True),
    ]

    def __init__(self, clock: bool) -> None:
        super().__init__()
        self.number = 1
        self.clock = clock

    def compose(self) -> ComposeResult:
        yield Header()
        if self.clock:
            yield Static(time.strftime("%H:%M:%S"), id="clock")
        yield Markdown(DOCUMENT.format(word=WORDS[self.number % len(WORDS)]))
        yield Footer()

    def on_mount(self) -> None:
        if self.clock:
            self.set_interval(1.0, self.tick)

    def tick(self) -> None:
        self.query_one("#clock", Static).update(time.strftime("%H:%M:%S"))

    def action_turn(self, step: int) -> None:
        self.number = max(1, self.number + step)
        self.query_one(Markdown).update(DOCUMENT.format(word=WORDS[self.number % len(WORDS)]))


if __name__ == "__main__":
    Bare(clock=sys.argv[1:] == ["clock"]).run()
