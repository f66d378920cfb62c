"""Reusable widgets of the presenter."""
