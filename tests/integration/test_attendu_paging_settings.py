"""Attendu's page parameters as the profile names them, over real HTTP: each convention
the sandbox can play loads the whole roster when the profile names it, and the wrong one
never passes for a whole roster."""

from __future__ import annotations

import pytest

from kiosk import config
from kiosk.backends.factory import build_backend, profile_connection
from kiosk.domain.errors import ConfigError
from kiosk.platform_settings import PAGING_CONVENTIONS, AttenduSettings
from kiosk.sandbox import Modes

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


def attendu_profile(sandbox, paging: str, page_size: int) -> config.Profile:
    conn = sandbox.info["attendu"]
    return config.Profile(
        platform="attendu",
        base_url=conn["base_url"],
        event=conn["event"],
        attendu=AttenduSettings(paging=paging, page_size=page_size),
    ).validate()


async def load(sandbox, profile: config.Profile):
    key = sandbox.info["attendu"]["api_key"]
    backend, http = build_backend("attendu", profile_connection(profile), key)
    async with http:
        return await backend.load_roster()


@pytest.mark.parametrize("paging", PAGING_CONVENTIONS)
async def test_the_profiles_paging_loads_the_whole_roster(sandbox, paging):
    sandbox.set_modes(Modes(attendu_paging=paging, attendu_strict=True))
    start, size = paging.split("/")
    roster = await load(sandbox, attendu_profile(sandbox, paging, page_size=40))
    everyone = {guest["_id"] for guest in sandbox.attendu_guests()}
    assert roster.complete, roster.problem
    assert {guest.id for guest in roster.guests} == everyone
    pages = [r for r in sandbox.requests("attendu") if r.path.endswith("/v1/guests")]
    assert len(pages) == -(-len(everyone) // 40)  # one request a page, none twice
    starts = sorted(int(dict(r.query)[start]) for r in pages)
    if start == "page":
        assert starts == list(range(1, len(pages) + 1))
    else:
        assert starts == list(range(0, len(everyone), 40))
    assert {dict(r.query)[size] for r in pages} == {"40"}


async def test_a_page_numbered_server_read_with_the_default_names_is_not_called_whole(sandbox):
    sandbox.set_modes(Modes(attendu_paging="page/per_page"))
    roster = await load(sandbox, attendu_profile(sandbox, "skip/limit", page_size=40))
    assert not roster.complete
    assert "same guests" in (roster.problem or "")


async def test_a_server_that_caps_pages_below_the_size_asked_still_loads_whole(sandbox):
    # Asked for 1,000 a page, the sandbox gives 100 (its default when the size is
    # unknown to it): page numbers then count in pages of 100.
    sandbox.set_modes(Modes(attendu_paging="page/page_size"))
    roster = await load(sandbox, attendu_profile(sandbox, "page/per_page", page_size=1000))
    assert roster.complete, roster.problem
    assert len(roster.guests) == len(sandbox.attendu_guests())


async def test_a_strict_server_refuses_names_it_does_not_know(sandbox):
    from kiosk.domain import ChangeRejected

    sandbox.set_modes(Modes(attendu_paging="offset/limit", attendu_strict=True))
    with pytest.raises(ChangeRejected) as refused:
        await load(sandbox, attendu_profile(sandbox, "skip/limit", page_size=40))
    assert "skip" in (refused.value.platform_message or "")


def test_the_attendu_table_is_kept_in_the_profile(config_home):
    path = config_home / "default.toml"
    profile = config.Profile(
        platform="attendu",
        base_url="https://acme.attendu.com/api",
        event="e1",
        attendu=AttenduSettings(paging="page/per_page", page_size=250),
    )
    config.save_profile(profile, path)
    assert '[attendu]\npaging = "page/per_page"\npage_size = 250' in path.read_text()
    assert config.load_profile(path) == profile


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ('paging = "skip"', "two query parameter names"),
        ('paging = "a/a"', "two query parameter names"),
        ("page_size = 0", "between 1 and 1000"),
        ('page_size = "100"', "must be a number"),
    ],
)
def test_a_wrong_attendu_table_is_said_plainly(config_home, table, words):
    path = config_home / "default.toml"
    config_home.mkdir(parents=True, exist_ok=True)
    path.write_text(
        'platform = "attendu"\nbase_url = "https://acme.attendu.com/api"\nevent = "e1"\n'
        f"\n[attendu]\n{table}\n"
    )
    with pytest.raises(ConfigError) as wrong:
        config.load_profile(path)
    assert words in str(wrong.value)


async def test_pages_asked_larger_than_a_server_gives_still_load_whole(sandbox):
    # Kiosk asks 500 a page; this workspace gives 100: the next pages start where the
    # first one ended, and no guest is skipped.
    sandbox.set_modes(Modes(attendu_page_cap=100))
    roster = await load(sandbox, attendu_profile(sandbox, "skip/limit", page_size=500))
    everyone = {guest["_id"] for guest in sandbox.attendu_guests()}
    assert roster.complete, roster.problem
    assert {guest.id for guest in roster.guests} == everyone
    pages = [r for r in sandbox.requests("attendu") if r.path.endswith("/v1/guests")]
    starts = sorted(int(dict(r.query)["skip"]) for r in pages)
    assert starts == list(range(0, len(everyone), 100))


async def test_a_server_that_refuses_large_pages_is_asked_smaller_ones(sandbox, caplog):
    sandbox.set_modes(Modes(attendu_page_cap=100, attendu_strict=True))
    with caplog.at_level("WARNING", logger="kiosk.backends.attendu.client"):
        roster = await load(sandbox, attendu_profile(sandbox, "skip/limit", page_size=500))
    assert roster.complete, roster.problem
    assert len(roster.guests) == len(sandbox.attendu_guests())
    pages = [r for r in sandbox.requests("attendu") if r.path.endswith("/v1/guests")]
    assert [r.status for r in pages[:1]] == [400]  # the first ask, refused
    assert {dict(r.query)["limit"] for r in pages[1:]} == {"100"}
    assert "page_size = 100" in caplog.text  # what to put in the profile, said once
