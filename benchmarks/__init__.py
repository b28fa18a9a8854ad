"""Kiosk's speed and memory budgets, measured against the sandbox (docs/performance.md)."""
