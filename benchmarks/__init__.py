"""Kiosk's speed and memory budgets, measured against the sandbox (see DESIGN.md)."""
