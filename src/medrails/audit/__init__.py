"""Hash-chained audit store and review queue (see issue: serve)."""
