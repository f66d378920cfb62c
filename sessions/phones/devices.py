"""Phones, known only by a random cookie the server hands out, and the secrets of one joining:
the address token, the room code and the salt. None of them is stored; the salt exists only in
this process, so a stored key can neither be reversed nor matched with another session's."""

from __future__ import annotations

import hashlib
import hmac
import secrets

TOKEN_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
"""Letters and digits that cannot be mistaken for each other when typed from the wall."""
TOKEN_LENGTH = 8
KEY_LENGTH = 24
"""Hex digits of a stored key: enough that two phones never share one."""
KEYS_KEPT = 20_000
"""Phone keys kept worked out (300 phones × a scale of 9 statements, and their votes)."""
_SIGNATURE_LENGTH = 16


def new_token() -> str:
    """The secret part of the address: without it the server serves nothing."""
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


def new_code() -> str:
    """Four digits for the wall and the phone, so the room knows it joined the right session."""
    return str(1000 + secrets.randbelow(9000))


class Devices:
    """Issues phones' cookies and derives the keys stored with their answers."""

    def __init__(self) -> None:
        self._salt = secrets.token_bytes(32)
        self._keys: dict[tuple[str, tuple[object, ...]], str] = {}
        """Keys worked out already: a phone's page asks for all of its keys on every load."""
        self._genuine: set[str] = set()
        """Cookies whose signature was checked (every request of a phone shows its cookie)."""

    def issue(self) -> str:
        """A new phone's cookie: random, and signed so a made-up one is refused."""
        raw = secrets.token_urlsafe(16)
        return f"{raw}.{self._sign(raw)}"

    def genuine(self, cookie: str | None) -> bool:
        """Whether `cookie` is one this server issued."""
        if not cookie or cookie.count(".") != 1 or len(cookie) > 64:
            return False
        if cookie in self._genuine:
            return True
        raw, signature = cookie.split(".")
        if not hmac.compare_digest(signature, self._sign(raw)):
            return False
        if len(self._genuine) >= KEYS_KEPT:
            self._genuine.clear()
        self._genuine.add(cookie)  # only ones this server signed: a forged one is never kept
        return True

    def key(self, cookie: str, *question: object) -> str:
        """The phone's key for one question (a scale's statement, a vote): the same phone gets
        the same key for the same question, and unrelated keys for different ones."""
        known = self._keys.get((cookie, question))
        if known is not None:
            return known
        scope = "\x1f".join(str(part) for part in question)
        message = f"{cookie}\x1e{scope}".encode()
        key = hmac.new(self._salt, message, hashlib.sha256).hexdigest()[:KEY_LENGTH]
        if len(self._keys) >= KEYS_KEPT:
            self._keys.clear()  # a room's phones fill it again within a page load each
        self._keys[cookie, question] = key
        return key

    def _sign(self, raw: str) -> str:
        digest = hmac.new(self._salt, b"cookie\x1e" + raw.encode(), hashlib.sha256)
        return digest.hexdigest()[:_SIGNATURE_LENGTH]
