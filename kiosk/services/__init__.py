"""Use cases without Qt: check-in, roster sync and the outbox sender."""
