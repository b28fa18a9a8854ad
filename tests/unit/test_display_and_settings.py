"""Telling there is no display before Qt, and the desk's [desk] table of a profile."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kiosk import config
from kiosk.desk_settings import DeskSettings, restarted
from kiosk.display import no_display
from kiosk.domain.errors import ConfigError


@pytest.mark.parametrize(
    ("env", "system", "says"),
    [
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({}, "win32", False),
    ],
)
def test_no_display_is_told_only_where_qt_would_need_one(
    env: dict[str, str], system: str, says: bool
) -> None:
    assert (no_display(env, system) is not None) is says


def test_desk_settings_are_kept_in_the_profile_and_read_back(config_home: Path) -> None:
    path = config.profile_path("default")
    profile = config.Profile("attendu", "https://x.attendu.com/api", "e1")
    config.save_profile(profile, path)
    assert "[desk]" not in path.read_text()  # nothing but the defaults: no table
    changed = dataclasses.replace(profile, desk=DeskSettings(12.5, True))
    config.save_profile(changed, path)
    assert config.load_profile(path) == changed


def test_a_wrong_desk_table_is_said_plainly(config_home: Path) -> None:
    path = config.profile_path("default")
    config.save_profile(config.Profile("attendu", "https://x.attendu.com/api", "e1"), path)
    with path.open("a") as out:
        out.write('\n[desk]\nrefresh_interval = "often"\n')
    with pytest.raises(ConfigError, match=r"refresh_interval .* must be a number"):
        config.load_profile(path)


def test_after_a_restart_the_saved_profile_wins_over_the_first_command_line() -> None:
    args = config.parse_args(
        ["--platform", "attendu", "--base-url", "https://x.attendu.com/api", "--event", "e1"]
    )
    again = restarted(args)
    assert (again.platform, again.base_url, again.event, again.refresh_interval) == (None,) * 4
    assert again.profile == args.profile
