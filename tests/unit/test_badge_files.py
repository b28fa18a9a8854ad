"""Badge settings in the profile and the organiser's template file: kept as written,
and a mistake named with the key to fix; the layout keeps every part on the label."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kiosk import config
from kiosk.badges import (
    SIZES,
    BadgeSettings,
    BadgeTemplate,
    TemplateError,
    content_of,
    layout_badge,
    load_template,
)
from kiosk.domain import Guest, Status
from kiosk.domain.errors import ConfigError


def profile(**badges: object) -> config.Profile:
    return config.Profile(
        platform="sheepcrm", base_url="https://sls-api.sheepcrm.com", bucket="demo",
        event="e1", kiosk_id="desk-1", badges=BadgeSettings(**badges),  # type: ignore[arg-type]
    )  # fmt: skip


def test_badge_settings_round_trip_through_the_profile(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    saved = profile(printer="Brother_QL_820NWB", size="zebra-4x3", print_on_checkin=True,
                    template=str(tmp_path / "badge.toml"))  # fmt: skip
    config.save_profile(saved, path)
    assert "[badges]" in path.read_text(encoding="utf-8")
    assert config.load_profile(path) == saved


def test_a_profile_without_badges_says_nothing_of_them(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    config.save_profile(profile(), path)
    assert "[badges]" not in path.read_text(encoding="utf-8")
    loaded = config.load_profile(path)
    assert loaded is not None
    assert not loaded.badges.enabled


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ('size = "letter"', "Unknown badge size 'letter'"),
        ("print_on_checkin = 1", "[badges] print_on_checkin"),
        ("printer = 3", "[badges] printer"),
    ],
)
def test_a_wrong_badge_setting_is_named(tmp_path: Path, table: str, words: str) -> None:
    path = tmp_path / "p.toml"
    config.save_profile(profile(), path)
    path.write_text(path.read_text(encoding="utf-8") + f"\n[badges]\n{table}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=words.replace("[", r"\[").replace("]", r"\]")):
        config.load_profile(path)


def test_the_template_file_round_trips_and_mistakes_are_named(tmp_path: Path) -> None:
    path = tmp_path / "badge.toml"
    mine = dataclasses.replace(BadgeTemplate(), name_max_pt=48.0, subtitle="ticket_type",
                               vip_text="VIP ★", qr=False)  # fmt: skip
    path.write_text(mine.toml(), encoding="utf-8")
    assert load_template(path) == mine
    assert load_template(None) == BadgeTemplate()
    for text, words in (
        ("name_max_pt = 10\nname_min_pt = 20\n", "name_min_pt"),
        ('subtitle = "company"\n', "subtitle"),
        ("qr_mm = 5\n", "qr_mm"),
        ('vip_colour = "red"\n', "vip_colour"),
        ("colour = 1\n", "colour, which Kiosk does not know"),
        ("event = 1\n", "event in the badge template"),
        ("name_max_pt = \n", "not valid TOML"),
    ):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(TemplateError, match=words):
            load_template(path)
    with pytest.raises(TemplateError, match="Cannot read"):
        load_template(tmp_path / "missing.toml")


def guest(**fields: object) -> Guest:
    values: dict[str, object] = dict(
        id="g1", platform_ref="g1", first_name="Ada", last_name="Lovelace",
        email="ada@example.org", ticket="RQY3-9634", status=Status.ACCEPTED,
        ticket_type="Speaker",
    )  # fmt: skip
    values.update(fields)
    return Guest(**values)  # type: ignore[arg-type]


def test_the_badge_says_the_organisation_else_the_ticket_type() -> None:
    template = BadgeTemplate()
    assert content_of(guest(), "Day", template).subtitle == "Speaker"
    org = guest(extras={"Company": "Analytical Engines Ltd"})
    assert content_of(org, "Day", template).subtitle == "Analytical Engines Ltd"
    typed = dataclasses.replace(template, subtitle="ticket_type")
    assert content_of(org, "Day", typed).subtitle == "Speaker"
    assert content_of(guest(starred=True), "Day", template).vip
    assert not content_of(
        guest(starred=True), "Day", dataclasses.replace(template, vip_text="")
    ).vip
    hostile = guest(first_name="Ada\n\x1b[31m", last_name="Love\tlace")
    assert content_of(hostile, "Day", template).name == "Ada [31m Love lace"


@pytest.mark.parametrize("key", list(SIZES))
@pytest.mark.parametrize("starred", [True, False])
def test_every_part_is_on_the_label_and_none_overlap(key: str, starred: bool) -> None:
    layout = layout_badge(SIZES[key], BadgeTemplate(), content_of(
        guest(starred=True, extras={"Company": "X"}) if starred else guest(), "Day", BadgeTemplate()
    ))  # fmt: skip
    parts = [p for p in (layout.name, layout.subtitle, layout.event, layout.qr, layout.vip) if p]
    for part in parts:
        assert part.inside(layout.page)
        assert part.w > 0
        assert part.h > 0
    for i, a in enumerate(parts):
        for b in parts[i + 1 :]:
            apart = a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y
            assert apart, (a, b)
