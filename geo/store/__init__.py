"""The store: documents and the claims extracted from them, in SQLite or PostgreSQL."""
