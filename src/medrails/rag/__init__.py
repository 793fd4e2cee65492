"""Knowledge base ingest, hybrid retrieval and citations (see issue: knowledge base and retrieval)."""
