"""The benchmark's one table: figure | oplaeg | baseline | ratio | target | ok (| spread)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One figure. `target` is a ratio to stay under; `absolute` a limit on the value itself
    (in the figure's unit); a row with neither is reported, not judged. `spread`: how much the
    ratio moved over the repeats (the outside harness gives one)."""

    figure: str
    ours: float
    baseline: float
    target: float | None
    baseline_name: str
    absolute: float | None = None
    spread: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("inf")

    def target_text(self) -> str:
        if self.target is not None:
            return f"≤ {self.target:.2f}×"
        if self.absolute is not None:
            return f"< {self.absolute:g}"
        return "—"

    def ok(self) -> str:
        if self.target is not None:
            return "yes" if self.ratio <= self.target else "NO"
        if self.absolute is not None:
            return "yes" if self.ours < self.absolute else "NO"
        return ""


def _number(value: float) -> str:
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 1:
        return f"{value:.3f}"
    return f"{value:.4f}"


def print_table(rows: list[Row]) -> None:
    """The table, as Markdown, on stdout (with a spread column when a row has one)."""
    spread = any(row.spread for row in rows)
    header: tuple[str, ...] = ("figure", "oplaeg", "baseline", "ratio", "target", "ok")
    if spread:
        header += ("spread",)
    lines = []
    for row in rows:
        cells: tuple[str, ...] = (
            row.figure,
            _number(row.ours),
            f"{_number(row.baseline)} ({row.baseline_name})",
            f"{row.ratio:.2f}×",
            row.target_text(),
            row.ok(),
        )
        lines.append(cells + (row.spread,) if spread else cells)
    widths = [max(len(str(c)) for c in column) for column in zip(header, *lines, strict=True)]
    for cells in (header, tuple("-" * w for w in widths), *lines):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |")
