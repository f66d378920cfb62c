"""Domain logic for oplaeg: themes, sessions, timers, storage and export. Never imports Textual."""

__version__ = "0.1.0"
