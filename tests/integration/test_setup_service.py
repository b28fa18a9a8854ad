"""The set-up service without Qt, over real HTTP against the sandbox: the form checks,
the test call and its messages, and the profile and key it saves. Only the keyring (an
OS service) is a double."""

from __future__ import annotations

import socket

import pytest

from kiosk import config
from kiosk.services.setup import (
    KEY_NOT_STORED,
    SetupDraft,
    SetupFailed,
    SetupService,
)
from tests.keyrings import NoKeyring

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


def draft_for(sandbox, platform, **changes):
    conn = sandbox.info[platform]
    values = {
        "platform": platform,
        "base_url": conn["base_url"],
        "bucket": conn.get("bucket", ""),
        "api_key": conn["api_key"],
        **changes,
    }
    return SetupDraft(**values)


async def failure_of(work):
    with pytest.raises(SetupFailed) as caught:
        await work
    return caught.value.problem


# -- the test call -----------------------------------------------------------------------


@pytest.mark.parametrize("platform", ["sheepcrm", "attendu"])
async def test_a_good_key_lists_the_events(sandbox, keys, platform):
    service = SetupService("default", keystore=keys)
    draft = draft_for(sandbox, platform)
    events = await service.test_call(draft)
    assert sandbox.info[platform]["event"] in [event.id for event in events]
    assert all(event.title for event in events)
    assert service.connected == draft


@pytest.mark.parametrize(("platform", "name"), [("sheepcrm", "sheepCRM"), ("attendu", "Attendu")])
async def test_a_wrong_key_is_said_clearly_at_the_key(sandbox, keys, platform, name):
    service = SetupService("default", keystore=keys)
    problem = await failure_of(
        service.test_call(draft_for(sandbox, platform, api_key="not-the-key"))
    )
    assert problem.field == "api_key"
    assert problem.message == (
        f"{name} refused this API key. Check that the whole key was copied and that it is "
        "allowed to read events."
    )
    assert "not-the-key" not in problem.message
    assert service.connected is None


async def test_an_unknown_bucket_is_said_at_the_bucket(sandbox, keys):
    service = SetupService("default", keystore=keys)
    problem = await failure_of(
        service.test_call(draft_for(sandbox, "sheepcrm", bucket="no-such-bucket"))
    )
    assert problem.field == "bucket"
    assert "“no-such-bucket”" in problem.message


async def test_an_attendu_address_with_v1_says_to_leave_it_out(sandbox, keys):
    url = sandbox.info["attendu"]["base_url"].rstrip("/") + "/v1"
    problem = await failure_of(
        SetupService("default", keystore=keys).test_call(
            draft_for(sandbox, "attendu", base_url=url)
        )
    )
    assert problem.field == "base_url"
    assert "/v1" in problem.message


async def test_an_unreachable_server_is_said_at_the_address(keys):
    with socket.socket() as probe:  # a port nobody listens on once this is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    draft = SetupDraft("sheepcrm", f"http://127.0.0.1:{port}", "example", "some-key")
    problem = await failure_of(SetupService("default", keystore=keys).test_call(draft))
    assert problem.field == "base_url"
    assert "Kiosk cannot reach sheepCRM at this address" in problem.message
    assert f"127.0.0.1 refused the connection on port {port}" in problem.message


# -- the form alone ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "said"),
    [
        ({"base_url": " "}, "base_url", "Enter the address of the sheepCRM API"),
        ({"base_url": "sls-api.sheepcrm.com"}, "base_url", "not a web address"),
        ({"base_url": "http://sls-api.sheepcrm.com"}, "base_url", "https://"),
        ({"bucket": ""}, "bucket", "bucket"),
        ({"api_key": "  "}, "api_key", "Enter the API key from your sheepCRM account"),
    ],
)
async def test_the_form_is_checked_before_any_call(sandbox, keys, changes, field, said):
    service = SetupService("default", keystore=keys)
    before = len(sandbox.requests())
    problem = await failure_of(service.test_call(draft_for(sandbox, "sheepcrm", **changes)))
    assert problem.field == field
    assert said in problem.message
    assert len(sandbox.requests()) == before


# -- saving ------------------------------------------------------------------------------


async def test_the_saved_profile_round_trips_through_config_and_the_key_is_kept_apart(
    sandbox, keys, config_home
):
    conn = sandbox.info["sheepcrm"]
    service = SetupService("door1", keystore=keys)
    draft = draft_for(sandbox, "sheepcrm", base_url=conn["base_url"] + "/")
    await service.test_call(draft)
    profile = service.profile_to_save(draft, conn["event"])
    assert await service.save(profile, draft.api_key) is True

    path = config.profile_path("door1")
    assert path.parent == config_home
    assert config.load_profile(path) == profile
    assert (profile.platform, profile.event, profile.bucket) == (
        "sheepcrm",
        conn["event"],
        conn["bucket"],
    )
    assert profile.base_url == conn["base_url"].rstrip("/")
    assert profile.kiosk_id
    assert conn["api_key"] not in path.read_text(encoding="utf-8")
    assert keys.passwords == {(config.KEYRING_SERVICE, profile.keyring_user): conn["api_key"]}


async def test_without_a_keyring_the_profile_is_still_saved(sandbox, config_home):
    conn = sandbox.info["attendu"]
    service = SetupService("default", keystore=NoKeyring())
    draft = draft_for(sandbox, "attendu")
    await service.test_call(draft)
    profile = service.profile_to_save(draft, conn["event"])
    assert await service.save(profile, draft.api_key) is False
    assert config.load_profile(config.profile_path("default")) == profile
    assert KEY_NOT_STORED.field == "api_key"
    assert config.API_KEY_ENV in KEY_NOT_STORED.message


async def test_saving_needs_the_connected_values_and_an_event(sandbox, keys, config_home):
    conn = sandbox.info["sheepcrm"]
    service = SetupService("default", keystore=keys)
    draft = draft_for(sandbox, "sheepcrm")
    with pytest.raises(SetupFailed, match="Press Connect"):
        service.profile_to_save(draft, conn["event"])
    await service.test_call(draft)
    with pytest.raises(SetupFailed, match="Choose the event") as caught:
        service.profile_to_save(draft, "")
    assert caught.value.problem.field == "event"
    with pytest.raises(SetupFailed, match="Press Connect"):
        service.profile_to_save(draft_for(sandbox, "sheepcrm", bucket="other"), conn["event"])
    service.forget()
    with pytest.raises(SetupFailed, match="Press Connect"):
        service.profile_to_save(draft, conn["event"])
    assert not config.profile_path("default").exists()


async def test_a_profile_that_cannot_be_written_is_said_and_no_key_is_stored(
    sandbox, keys, tmp_path, monkeypatch
):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))
    conn = sandbox.info["sheepcrm"]
    service = SetupService("default", keystore=keys)
    draft = draft_for(sandbox, "sheepcrm")
    await service.test_call(draft)
    profile = service.profile_to_save(draft, conn["event"])
    problem = await failure_of(service.save(profile, draft.api_key))
    assert problem.field == ""
    assert problem.message.startswith("Kiosk could not save its settings to ")
    assert keys.passwords == {}
