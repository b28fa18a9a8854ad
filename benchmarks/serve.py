"""``python -m benchmarks.serve``: the sandbox for a benchmark, in a process of its own.

Like ``python -m kiosk.sandbox`` (first stdout line: its info as JSON), with sheepCRM
advertising a rate limit high enough that the benchmarks measure Kiosk's sender, not the
advertised 400 calls a minute. Stops when its standard input closes.
"""

from __future__ import annotations

import argparse
import json
import sys

from kiosk.sandbox import Sandbox


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.serve")
    parser.add_argument("--guests", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rate-limit", type=int, default=1_000_000)
    args = parser.parse_args()
    sandbox = Sandbox(guests=args.guests, seed=args.seed, sheepcrm_rate_limit=args.rate_limit)
    sandbox.warm()
    info = sandbox.start(0)
    print(json.dumps(info), flush=True)
    try:
        sys.stdin.read()  # the benchmark closes our stdin (or dies) when it is done
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
