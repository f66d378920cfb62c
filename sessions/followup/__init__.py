"""Following up an earlier session: statements asked again, a workplace's history."""
