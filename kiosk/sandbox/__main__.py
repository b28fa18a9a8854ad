"""``python -m kiosk.sandbox``: serve the sandbox; the first stdout line is its info as JSON."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

from kiosk.sandbox.faults import ANSWER_FAULTS, Faults
from kiosk.sandbox.modes import ATTENDU_PAGINGS, BAD_KEY_STATUSES, Modes
from kiosk.sandbox.quota import ATTENDU_WINDOWS, SHEEPCRM_WINDOWS, Quota, parse_windows
from kiosk.sandbox.server import Sandbox


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk.sandbox",
        description="Serve sheepCRM and Attendu look-alikes with demo data on loopback. "
        "The first line on stdout is a JSON object: URLs, event ids and API keys.",
    )
    parser.add_argument("--port", type=int, default=0, help="port (0: any free port)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--guests", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--no-warm",
        action="store_true",
        help="do not pre-serialise the rosters before announcing readiness",
    )
    parser.add_argument("--tls-cert", default=None, metavar="PEM", help="serve HTTPS with it")
    parser.add_argument("--tls-key", default=None, metavar="PEM", help="its key, if apart")
    faults = parser.add_argument_group("faults (all off by default)")
    faults.add_argument("--latency", type=float, default=0.0, metavar="SECONDS")
    faults.add_argument("--latency-jitter", type=float, default=0.0, metavar="SECONDS")
    faults.add_argument("--error-rate", type=float, default=0.0, metavar="SHARE")
    faults.add_argument("--rate-limit-rate", type=float, default=0.0, metavar="SHARE")
    faults.add_argument("--retry-after", type=int, default=1, metavar="SECONDS")
    faults.add_argument("--drop-rate", type=float, default=0.0, metavar="SHARE")
    faults.add_argument("--drop-after-apply", action="store_true")
    faults.add_argument("--stall-rate", type=float, default=0.0, metavar="SHARE")
    faults.add_argument("--stall-seconds", type=float, default=30.0, metavar="SECONDS")
    faults.add_argument("--answer-fault", choices=ANSWER_FAULTS, default=None)
    faults.add_argument("--answer-fault-rate", type=float, default=1.0, metavar="SHARE")
    faults.add_argument("--ignore-paging", action="store_true")
    faults.add_argument("--enforce-rate-limit", action="store_true")
    faults.add_argument("--only", default=None, help="a method (PUT) or a path fragment")
    faults.add_argument("--fault-seed", type=int, default=0)
    modes = parser.add_argument_group("modes: the platforms' conventions played another way")
    modes.add_argument("--attendu-paging", choices=tuple(ATTENDU_PAGINGS), default="skip/limit")
    modes.add_argument("--attendu-strict", action="store_true", help="refuse unknown parameters")
    modes.add_argument("--attendu-page-cap", type=int, default=1000, metavar="N")
    modes.add_argument("--sheepcrm-roster-cut", type=int, default=0, metavar="N")
    modes.add_argument("--sheepcrm-bad-key-status", type=int, choices=BAD_KEY_STATUSES, default=403)
    modes.add_argument("--clock-skew", type=float, default=0.0, metavar="SECONDS")
    quota = parser.add_argument_group("quotas (counted per API key; GET/PUT /_sandbox/quota)")
    quota.add_argument(
        "--quota",
        default=None,
        metavar="CALLS/SECONDS,...",
        help="sheepCRM's quota (default: the documented 400/60, 1000/3600)",
    )
    quota.add_argument(
        "--attendu-quota",
        default=None,
        metavar="CALLS/SECONDS,...",
        help="Attendu's (unpublished; default: an assumed 600/60, 10000/3600)",
    )
    quota.add_argument(
        "--quota-scale",
        type=float,
        default=1.0,
        metavar="FACTOR",
        help="compress time: 60 makes an hour's window pass in a minute",
    )
    quota.add_argument(
        "--enforce-quota", action="store_true", help="answer 429 with Retry-After past a quota"
    )
    return parser  # fmt: skip


def _quotas(args: argparse.Namespace) -> tuple[Quota, Quota]:
    """The two platforms' quotas as the command line sets them; ValueError if malformed."""
    shared = {"scale": args.quota_scale, "enforce": args.enforce_quota}
    sheep = Quota(parse_windows(args.quota) if args.quota else SHEEPCRM_WINDOWS, **shared)
    attendu_windows = parse_windows(args.attendu_quota) if args.attendu_quota else ATTENDU_WINDOWS
    return sheep, Quota(attendu_windows, headers=False, **shared)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        faults = Faults(
            latency=args.latency,
            latency_jitter=args.latency_jitter,
            error_rate=args.error_rate,
            rate_limit_rate=args.rate_limit_rate,
            retry_after=args.retry_after,
            drop_rate=args.drop_rate,
            drop_after_apply=args.drop_after_apply,
            stall_rate=args.stall_rate,
            stall_seconds=args.stall_seconds,
            answer_fault=args.answer_fault,
            answer_fault_rate=args.answer_fault_rate,
            ignore_paging=args.ignore_paging,
            enforce_rate_limit=args.enforce_rate_limit,
            only=args.only,
            seed=args.fault_seed,
        )
        modes = Modes(
            attendu_paging=args.attendu_paging,
            attendu_strict=args.attendu_strict,
            attendu_page_cap=args.attendu_page_cap,
            sheepcrm_roster_cut=args.sheepcrm_roster_cut,
            sheepcrm_bad_key_status=args.sheepcrm_bad_key_status,
            clock_skew=args.clock_skew,
        )
        sheepcrm_quota, attendu_quota = _quotas(args)
    except ValueError as refused:
        print(f"python -m kiosk.sandbox: {refused}", file=sys.stderr)
        return 2
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    sandbox = Sandbox(
        guests=args.guests,
        seed=args.seed,
        faults=faults,
        modes=modes,
        sheepcrm_quota=sheepcrm_quota,
        attendu_quota=attendu_quota,
    )
    if not args.no_warm:
        # The first roster call is then as fast as later ones (benchmarks time it).
        sandbox.warm()
    try:
        info = sandbox.start(
            port=args.port, host=args.host, tls_cert=args.tls_cert, tls_key=args.tls_key
        )
    except OSError as error:
        print(f"python -m kiosk.sandbox: cannot listen: {error}", file=sys.stderr)
        return 1
    print(json.dumps(info), flush=True)
    print(f"Sandbox serving on {info['url']} (Ctrl+C or SIGTERM stops it)", file=sys.stderr)
    try:
        # wait() with a timeout lets the main thread run signal handlers promptly.
        while not stop.wait(0.5):
            pass
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
