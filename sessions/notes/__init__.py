"""Notes and the action plan."""
