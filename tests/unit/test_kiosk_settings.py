"""Kiosk-mode settings in the profile's [kiosk] table: round trip, defaults, clear errors."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

import pytest

from kiosk import config
from kiosk.app import KioskSettingsKeeper
from kiosk.domain.errors import ConfigError
from kiosk.pin import hash_pin, verify_pin

BASE = (
    'platform = "attendu"\nbase_url = "https://x.attendu.com/api"\nevent = "e1"\n'
    'bucket = ""\nkiosk_id = ""\nname = "default"\n'
)


def _profile(kiosk: config.KioskSettings) -> config.Profile:
    return config.Profile("attendu", "https://x.attendu.com/api", "e1", kiosk=kiosk)


def test_kiosk_settings_round_trip_with_the_pin_only_as_a_hash(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    kiosk = config.KioskSettings(
        enabled=True,
        pin_hash=hash_pin("2468", n=16),
        self_checkin=("accepted",),
        idle_seconds=30,
        language="cs",
        sound=False,
        large_text=True,
        next_step='Badges: table "2"',
    )
    config.save_profile(_profile(kiosk), path)
    text = path.read_text(encoding="utf-8")
    assert "[kiosk]" in text
    assert "2468" not in text
    loaded = config.load_profile(path)
    assert loaded is not None
    assert loaded.kiosk == kiosk
    assert verify_pin("2468", loaded.kiosk.pin_hash)


def test_a_profile_without_kiosk_settings_gets_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(BASE, encoding="utf-8")
    loaded = config.load_profile(path)
    assert loaded is not None
    assert loaded.kiosk == config.KioskSettings()
    assert loaded.kiosk.self_checkin == ("accepted", "invited")
    config.save_profile(loaded, path)
    assert "[kiosk]" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ('self_checkin = ["attended"]', "use some of"),
        ('self_checkin = "accepted"', "list of text"),
        ("idle_seconds = 2", "between 10 and 3600"),
        ('idle_seconds = "45"', "must be a number"),
        ('language = "fr"', "one of en, cs, de"),
        ('sound = "yes"', "must be true or false"),
    ],
)
def test_bad_kiosk_settings_say_what_to_fix(tmp_path: Path, table: str, words: str) -> None:
    path = tmp_path / "p.toml"
    path.write_text(BASE + "[kiosk]\n" + table + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=words):
        config.load_profile(path)


def test_kiosk_flags_parse() -> None:
    args = config.parse_args(["--demo", "--kiosk"])
    assert args.kiosk
    assert not args.set_pin
    assert config.parse_args(["--set-pin"]).set_pin


def test_settings_staff_change_on_the_kiosk_are_kept_in_the_profile(tmp_path: Path) -> None:
    path = tmp_path / "default.toml"
    kiosk = config.KioskSettings(enabled=True, pin_hash=hash_pin("2468", n=16), language="de")
    config.save_profile(_profile(kiosk), path)
    keeper = KioskSettingsKeeper(path)

    async def staff_taps_twice() -> None:
        muted = dataclasses.replace(kiosk, sound=False)
        await asyncio.gather(
            keeper.keep(muted), keeper.keep(dataclasses.replace(muted, high_contrast=True))
        )

    asyncio.run(staff_taps_twice())

    loaded = config.load_profile(path)
    assert loaded is not None
    assert loaded.kiosk.sound is False
    assert loaded.kiosk.high_contrast is True  # the latest change, not the one before
    assert loaded.kiosk.pin_hash == kiosk.pin_hash  # everything else as it was
    assert loaded.kiosk.language == "de"
    assert loaded.base_url == "https://x.attendu.com/api"


def test_without_a_saved_profile_kiosk_settings_are_not_written(tmp_path: Path) -> None:
    path = tmp_path / "none.toml"
    asyncio.run(KioskSettingsKeeper(path).keep(config.KioskSettings(sound=False)))
    assert not path.exists()
