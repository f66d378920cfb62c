"""Compile oplaeg's gettext catalogues (`tui/locale/*/LC_MESSAGES/oplaeg.po`) to `.mo`.

`python -m tests.msgfmt` writes each `.mo` beside its `.po`; `tests/unit/test_cli_catalogue.py`
checks the shipped `.mo` files are what their `.po` compiles to. The format is GNU gettext's
(the one `gettext.GNUTranslations` reads): a header, two tables of (length, offset) and the
strings, sorted by msgid, no hash table.
"""

from __future__ import annotations

import ast
import struct
from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "tui" / "locale"
MAGIC = 0x950412DE


def read_po(text: str) -> dict[str, str]:
    """msgid → msgstr of a .po file (single-line and continued strings, no plurals)."""
    messages: dict[str, str] = {}
    field: str | None = None
    parts: dict[str, list[str]] = {}

    def flush() -> None:
        if "msgid" in parts:
            messages["".join(parts["msgid"])] = "".join(parts.get("msgstr", []))
        parts.clear()

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(("msgid ", "msgstr ")):
            field, _, rest = line.partition(" ")
            if field == "msgid":
                flush()
            parts[field] = [ast.literal_eval(rest)]
        elif line.startswith('"') and field is not None:
            parts[field].append(ast.literal_eval(line))
        else:
            raise ValueError(f"line {number}: cannot read {raw!r}")
    flush()
    return messages


def compile_mo(messages: dict[str, str]) -> bytes:
    keys = sorted(messages)
    ids = [key.encode("utf-8") for key in keys]
    strs = [messages[key].encode("utf-8") for key in keys]
    count = len(keys)
    originals_at = 7 * 4
    translations_at = originals_at + count * 8
    data_at = translations_at + count * 8
    table: list[int] = []
    data = b""
    for text in ids:
        table += [len(text), data_at + len(data)]
        data += text + b"\0"
    for text in strs:
        table += [len(text), data_at + len(data)]
        data += text + b"\0"
    header = struct.pack("<7I", MAGIC, 0, count, originals_at, translations_at, 0, data_at)
    return header + struct.pack(f"<{len(table)}I", *table) + data


def catalogues() -> list[Path]:
    return sorted(LOCALE.glob("*/LC_MESSAGES/oplaeg.po"))


def main() -> None:
    for po in catalogues():
        po.with_suffix(".mo").write_bytes(compile_mo(read_po(po.read_text(encoding="utf-8"))))
        print(po.with_suffix(".mo"))


if __name__ == "__main__":
    main()
