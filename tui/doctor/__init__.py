"""`oplaeg doctor`: what will work tomorrow on this laptop, checked the evening before.

Each check is a small function returning a `Finding` (one line: what was found, and what to do
about a problem), so each can be tested against a machine state that fails it. Nothing is
written outside a temporary folder; nothing waits for input."""
