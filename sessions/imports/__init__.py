"""Checking and reading a file the user imports, before anything is written."""
