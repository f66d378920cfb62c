"""Themes: the Markdown files a session is run from."""
