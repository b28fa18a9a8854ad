"""Kiosk's command line: its options, their help, and the checks of their values."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk import __version__
from kiosk.config import API_KEY_ENV, MAX_DEMO_GUESTS, PLATFORMS


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Event check-in for registration desks and self-service kiosks.",
        epilog=f"The API key comes from ${API_KEY_ENV} or the system keyring,"
        " never from the command line.",
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument("--demo", action="store_true", help="run on the built-in sandbox")
    parser.add_argument(
        "--demo-guests",
        type=_demo_size,
        default=300,
        metavar="N",
        help=f"how many guests the demo invents (1 to {MAX_DEMO_GUESTS:,})",
    )
    parser.add_argument(
        "--demo-platform",
        choices=PLATFORMS,
        default="sheepcrm",
        help="which platform the demo plays (default: sheepcrm)",
    )
    parser.add_argument(
        "--demo-seed", type=int, default=1, metavar="N", help="another N, other demo guests"
    )
    parser.add_argument(
        "--platform", choices=PLATFORMS, help="connect to this platform (instead of the profile)"
    )
    parser.add_argument(
        "--guest-list",
        type=Path,
        metavar="FILE",
        help="no platform: this CSV or workbook is the guest list; statuses go to"
        " a .kiosk-results.csv file beside it",
    )
    parser.add_argument(
        "--columns",
        metavar="MAP",
        help='with --guest-list: which column is which, e.g. "first=Given,last=Family"'
        " (detected from the headers when not given)",
    )
    parser.add_argument("--base-url", metavar="URL", help="the platform's API root")
    parser.add_argument("--bucket", metavar="NAME", help="sheepCRM bucket (database name)")
    parser.add_argument("--event", metavar="ID", help="event uid (sheepCRM) or id (Attendu)")
    parser.add_argument(
        "--profile",
        default="default",
        metavar="NAME",
        help="the saved settings to use (default: default)",
    )
    parser.add_argument("--kiosk-id", metavar="NAME", help="this desk's name in the outbox")
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="start full-screen in self-service mode (guests check themselves in)",
    )
    parser.add_argument(
        "--set-pin",
        action="store_true",
        help="set the staff PIN that leaves self-service mode (asked on the terminal)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="check the account read-only, every assumption with its evidence; exit 0"
        " only when the desk can work (--json: as JSON)",
    )
    parser.add_argument("--json", action="store_true", help="with --check: the report as JSON")
    parser.add_argument(
        "--refresh-interval",
        type=_seconds,
        metavar="S",
        help="how often the guest list is fetched again, so other desks' changes show"
        " (default: the profile's, else 5)",
    )
    parser.add_argument(
        "--log-level",
        default="INFO",
        choices=("DEBUG", "INFO", "WARNING", "ERROR"),
        help="how much goes to the log (default: INFO)",
    )
    args = parser.parse_args(argv)
    if args.guest_list is not None and (args.platform or args.demo):
        parser.error(
            "--guest-list is a guest list without a platform: leave out "
            + ("--demo" if args.demo else "--platform")
        )
    if args.columns is not None and args.guest_list is None:
        parser.error("--columns goes with --guest-list")
    if args.platform and not args.demo:
        missing = [
            flag
            for flag, value in (
                ("--base-url", args.base_url),
                ("--event", args.event),
                ("--bucket", args.bucket if args.platform == "sheepcrm" else "-"),
            )
            if not value
        ]
        if missing:
            parser.error(f"--platform {args.platform} also needs {', '.join(missing)}")
    return args


def _seconds(value: str) -> float:
    number = float(value)
    if not 0.2 <= number <= 3600:
        raise argparse.ArgumentTypeError("must be between 0.2 and 3600 seconds")
    return number


def _demo_size(value: str) -> int:
    number = int(value)
    if not 1 <= number <= MAX_DEMO_GUESTS:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_DEMO_GUESTS:,}")
    return number
