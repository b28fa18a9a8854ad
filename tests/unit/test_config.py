"""Settings: profile files, validation messages that name the field, no key on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import config
from kiosk.domain.errors import ConfigError


def _profile(**overrides: str) -> config.Profile:
    values = {
        "platform": "sheepcrm",
        "base_url": "https://sls-api.sheepcrm.com",
        "bucket": "demo",
        "event": "6305f074683e800f3abe809e",
        "kiosk_id": "desk-1",
    }
    values.update(overrides)
    return config.Profile(**values)  # type: ignore[arg-type]


def test_profile_round_trips_through_toml(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    profile = _profile(bucket='quo"te\\back')
    config.save_profile(profile, path)
    assert config.load_profile(path) == profile


def test_missing_profile_is_none(tmp_path: Path) -> None:
    assert config.load_profile(tmp_path / "absent.toml") is None


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("platform = [", "not valid TOML"),
        ('platform = "sheepcrm"\nbase_url = 3\n', "not text"),
        ('platform = "sheepcrm"\n', "missing a setting"),
        (b"\xff\xfe".decode("latin-1"), "not valid TOML"),
    ],
)
def test_broken_profile_says_what_to_do(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "p.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=words):
        config.load_profile(path)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"base_url": "sls-api.sheepcrm.com"}, "base_url"),
        ({"base_url": "http://sls-api.sheepcrm.com"}, "base_url"),
        ({"bucket": " "}, "bucket"),
        ({"event": ""}, "event"),
        ({"platform": "eventbrite"}, "platform"),
    ],
)
def test_validation_names_the_wrong_field(overrides: dict[str, str], field: str) -> None:
    with pytest.raises(ConfigError) as caught:
        _profile(**overrides).validate()
    assert caught.value.field == field


def test_attendu_needs_no_bucket() -> None:
    profile = _profile(platform="attendu", base_url="https://acme.attendu.com/api", bucket="")
    assert profile.validate() is profile


def test_loopback_http_is_allowed_for_the_sandbox() -> None:
    assert config.check_base_url("http://127.0.0.1:8000/sheepcrm/") == (
        "http://127.0.0.1:8000/sheepcrm"
    )


def test_platform_on_the_command_line_needs_its_settings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as caught:
        config.parse_args(["--platform", "sheepcrm", "--base-url", "https://x.example"])
    assert caught.value.code == 2
    assert "--event" in capsys.readouterr().err


def test_command_line_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    args = config.parse_args(
        ["--platform", "attendu", "--base-url", "https://acme.attendu.com/api", "--event", "e1"]
    )
    profile = config.profile_from_args(args)
    assert profile is not None
    assert profile.platform == "attendu"
    assert profile.event == "e1"


@pytest.mark.parametrize("size", ["99999999999", "200001", "0", "-3"])
def test_demo_sizes_out_of_bounds_are_refused_with_a_message(
    size: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by an attack: ``--demo-guests 99999999999`` was accepted and hung."""
    with pytest.raises(SystemExit) as caught:
        config.parse_args(["--demo", "--demo-guests", size])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "--demo-guests" in err
    assert f"between 1 and {config.MAX_DEMO_GUESTS:,}" in err


def test_the_largest_demo_is_accepted() -> None:
    args = config.parse_args(["--demo", "--demo-guests", str(config.MAX_DEMO_GUESTS)])
    assert args.demo_guests == config.MAX_DEMO_GUESTS


def test_the_command_line_wins_over_the_saved_profile(tmp_path: Path) -> None:
    """Found by an attack: ``kiosk --event B`` with a profile for event A opened A."""
    saved = _profile(event="event-a", kiosk_id="desk-1")
    path = tmp_path / "default.toml"
    config.save_profile(saved, path)
    args = config.parse_args(["--event", "event-b"])
    profile = config.chosen_profile(args, path)
    assert profile is not None
    assert profile.event == "event-b"
    assert (profile.platform, profile.bucket, profile.base_url) == (
        saved.platform, saved.bucket, saved.base_url,
    )  # fmt: skip

    args = config.parse_args(
        [
            "--event",
            "event-c",
            "--bucket",
            "other",
            "--base-url",
            "https://x.example",
            "--kiosk-id",
            "d9",
        ]
    )
    profile = config.chosen_profile(args, path)
    assert profile is not None
    assert (profile.event, profile.bucket, profile.base_url, profile.kiosk_id) == (
        "event-c", "other", "https://x.example", "d9",
    )  # fmt: skip
    assert config.chosen_profile(config.parse_args([]), path) == saved  # nothing asked


def test_a_command_line_override_is_checked_like_a_profile(tmp_path: Path) -> None:
    path = tmp_path / "default.toml"
    config.save_profile(_profile(), path)
    with pytest.raises(ConfigError, match="web address"):
        config.chosen_profile(config.parse_args(["--base-url", "nowhere"]), path)


def test_without_a_profile_the_command_line_alone_is_not_a_profile(tmp_path: Path) -> None:
    assert config.chosen_profile(config.parse_args(["--event", "e"]), tmp_path / "no.toml") is None
