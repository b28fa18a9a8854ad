"""The profile's answers to what the platforms do not publish: read, checked, written."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from kiosk import config
from kiosk.backends.attendu import ASSUMED_CODES, attendu_codes
from kiosk.backends.factory import profile_connection
from kiosk.domain.errors import ConfigError
from kiosk.platform_guesses import AttenduCodeTable, PlatformGuesses

pytestmark = pytest.mark.timeout(30)


def _profile(**guesses: object) -> config.Profile:
    return config.Profile(
        platform="attendu",
        base_url="https://acme.attendu.com/api",
        event="e1",
        guesses=PlatformGuesses(**guesses),  # type: ignore[arg-type]
    )


def test_the_defaults_are_kiosks_documented_guesses() -> None:
    codes = AttenduCodeTable()
    assert (codes.no_answer, codes.declined, codes.min_confirmed) == (0, -1, 1)
    assert attendu_codes(profile_connection(_profile())) == ASSUMED_CODES
    assert PlatformGuesses().toml_lines() == []  # a default profile stays as it was


def test_a_code_table_and_a_zone_round_trip_through_the_profile(tmp_path: Path) -> None:
    profile = _profile(
        attendu_codes=AttenduCodeTable(no_answer=-1, declined=-2),
        sheepcrm_time_zone="America/New_York",
    )
    path = tmp_path / "p.toml"
    config.save_profile(profile, path)
    data = tomllib.loads(path.read_text())

    assert data["attendu"]["codes"] == {"no_answer": -1, "declined": -2, "min_confirmed": 1}
    assert data["sheepcrm"]["time_zone"] == "America/New_York"
    assert config.load_profile(path) == profile
    codes = attendu_codes(profile_connection(profile))
    assert (codes.no_answer, codes.declined) == (-1, -2)
    assert codes.decline_message == ASSUMED_CODES.decline_message


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ('[attendu.codes]\ndeclined = "minus one"', "declined in .* must be a whole number"),
        ("[attendu.codes]\ndeclined = true", "declined in .* must be a whole number"),
        ("[attendu.codes]\ndeclined = 0", "no_answer and declined must differ"),
        ("[attendu.codes]\nno_answer = 2", "no_answer in .* must be below min_confirmed"),
        ("[attendu.codes]\nmin_confirmed = 0", "min_confirmed in .* must be 1 or more"),
        ('[attendu]\ncodes = "0,-1"', r"\[attendu.codes\] in .* must be a table"),
        ('[sheepcrm]\ntime_zone = "Mars/Olympus"', "not a time zone this computer knows"),
        ("[sheepcrm]\ntime_zone = 1", "time_zone in .* must be text"),
    ],
)
def test_a_wrong_guess_is_refused_naming_the_key(tmp_path: Path, table: str, words: str) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        'platform = "attendu"\nbase_url = "https://acme.attendu.com/api"\nevent = "e1"\n'
        + table
        + "\n"
    )
    with pytest.raises(ConfigError, match=words):
        config.load_profile(path)
