"""Participants answer from their phones: the answer rules for the running session
(`service`), the phones' secrets (`devices`), the participant web server (`server`, `page`,
`limits`, `commit` — answers arriving together are written as one), the laptop's address
(`network`), the wall's QR code (`qr`) and the consultant's approval of texts (`moderation`).
The answers themselves are stored by `sessions.answers` and `sessions.answer_log`."""
