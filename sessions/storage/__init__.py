"""Durable storage: atomic TinyDB files, a write-ahead journal, locks and the data folder."""
