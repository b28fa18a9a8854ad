"""Contract tests: what Kiosk and the sandbox exchange, checked against vendor specs."""
