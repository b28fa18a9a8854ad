"""The command line's own commands, run without Qt before any window: ``kiosk --set-pin``,
``kiosk --check``."""

from __future__ import annotations

import argparse
import dataclasses
import sys

from kiosk import config
from kiosk.display import no_display
from kiosk.domain.errors import ConfigError


def run_command(args: argparse.Namespace) -> int | None:
    """Run the command ``args`` ask for and return its exit status; None when they ask
    for the app itself and it can be shown (2 when there is no display for it)."""
    if not args.set_pin and not args.check:
        if (why := no_display()) is not None:  # before Qt, which would abort (134)
            print(f"kiosk: {why}", file=sys.stderr)
            return 2
        return None
    try:
        if args.check:
            from kiosk.services.probe_command import check_command

            return check_command(args)
        return set_staff_pin(args.profile)
    except ConfigError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2


def set_staff_pin(profile_name: str) -> int:
    """kiosk --set-pin: ask for a PIN twice on the terminal; store only its hash."""
    import getpass

    from kiosk.pin import PinError, check_pin_shape, hash_pin

    path = config.profile_path(profile_name)
    profile = config.load_profile(path)
    if profile is None:
        print(f"kiosk: no profile at {path}: start Kiosk once to set it up.", file=sys.stderr)
        return 2
    pin = getpass.getpass("New staff PIN (4 to 12 digits): ")
    try:
        check_pin_shape(pin)
    except PinError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    if getpass.getpass("The same PIN again: ") != pin:
        print("kiosk: the two PINs differ; nothing was changed.", file=sys.stderr)
        return 2
    kiosk = dataclasses.replace(profile.kiosk, pin_hash=hash_pin(pin))
    config.save_profile(dataclasses.replace(profile, kiosk=kiosk), path)
    print(f"Staff PIN saved in {path} (only a salted hash of it).")
    return 0
