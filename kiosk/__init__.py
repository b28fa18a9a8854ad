"""Kiosk: event check-in for registration desks and self-service kiosks."""

__version__ = "0.1.0"
