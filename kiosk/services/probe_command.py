"""``kiosk --check [--json]`` on the terminal: the profile, the key, the report, the exit status."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from kiosk import config
from kiosk.api_key import read_api_key
from kiosk.services.probe import check_account
from kiosk.services.probe_report import EXIT_NOT_CHECKED, Report


def check_command(args: argparse.Namespace) -> int:
    """Check the account the profile (or ``--platform`` …) names; print the report in
    words or as JSON. Raises ConfigError when there is nothing to check."""
    path = config.profile_path(args.profile)
    profile = config.chosen_profile(args, path)
    if profile is None:
        print(
            f"kiosk: no profile at {path}: start Kiosk once to set it up, or give"
            " --platform, --base-url and --event.",
            file=sys.stderr,
        )
        return EXIT_NOT_CHECKED

    async def run() -> Report:
        key = await read_api_key(profile)
        refresh = args.refresh_interval or profile.desk.refresh_interval
        return await check_account(profile, key, refresh_seconds=refresh)

    report = asyncio.run(run())
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        print(report.text(str(path) if not args.platform else ""))
    return report.exit_status
