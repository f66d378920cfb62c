"""Agenda and time: the adjusted agenda and its pages, countdowns, ahead/behind."""
