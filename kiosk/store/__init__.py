"""Local storage on disk: one SQLite file per profile and event holding the roster cache
and the outbox of status changes."""
