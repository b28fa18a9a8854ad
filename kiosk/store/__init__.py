"""Local storage on disk: the outbox of status changes (SQLite)."""
