"""The joining address as a QR code in text: two modules per character cell (▀ ▄ █), so a module
is about square in a terminal, drawn as large as the wall has room for. Dark modules are the
foreground; whoever draws the rows must use dark on light, with the quiet zone light too."""

from __future__ import annotations

from functools import lru_cache

QUIET_ZONE = 2
"""Light modules around the code; phones find it by this margin."""


def qr_modules(text: str) -> list[list[bool]]:
    """The code's modules with the quiet zone, row by row (True: dark)."""
    return [list(row) for row in _modules(text)]


@lru_cache(maxsize=8)
def _modules(text: str) -> tuple[tuple[bool, ...], ...]:
    # The wall redraws often (the room view on every change); the code changes rarely.
    import segno  # only once phones can join: a session without them never loads it

    code = segno.make(text, error="m", micro=False)
    return tuple(
        tuple(bool(m) for m in row) for row in code.matrix_iter(scale=1, border=QUIET_ZONE)
    )


def qr_size(text: str) -> int:
    """Modules across, quiet zone included."""
    return len(_modules(text))


def qr_rows(text: str, scale: int = 1) -> list[str]:
    """The code as text rows at `scale` (each module `scale` cells wide and `scale` half-cells
    high)."""
    modules = _modules(text)
    pixels = [[m for m in row for _ in range(scale)] for row in modules for _ in range(scale)]
    if len(pixels) % 2:
        pixels.append([False] * len(pixels[0]))
    return [
        "".join(
            "█" if top and bottom else "▀" if top else "▄" if bottom else " "
            for top, bottom in zip(upper, lower, strict=True)
        )
        for upper, lower in zip(pixels[::2], pixels[1::2], strict=True)
    ]


def fitting_scale(size: int, width: int, height: int) -> int:
    """The largest scale at which a code of `size` modules fits `width` × `height` cells
    (at least 1)."""
    scale = 1
    while size * (scale + 1) <= width and -(-size * (scale + 1) // 2) <= height:
        scale += 1
    return scale
