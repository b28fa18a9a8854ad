"""Attendu's status integers as the profile's table, over real HTTP: a workspace whose
integers are not Kiosk's guess (the sandbox plays one) reads and writes right once the
profile says so, and reads wrong without it, so the guess is one worth configuring."""

from __future__ import annotations

import pytest

from kiosk.backends.factory import build_backend, profile_connection
from kiosk.config import Profile
from kiosk.domain import Status
from kiosk.platform_guesses import AttenduCodeTable, PlatformGuesses

pytestmark = [pytest.mark.anyio, pytest.mark.timeout(60)]

#: The table the sandbox plays: the guess's two codes swapped.
SWAPPED = AttenduCodeTable(no_answer=-1, declined=0)
GUESSED = AttenduCodeTable()


@pytest.fixture
def anyio_backend():
    return "asyncio"


def desk(sandbox, codes: AttenduCodeTable = GUESSED):
    info = sandbox.info["attendu"]
    profile = Profile(
        platform="attendu",
        base_url=info["base_url"],
        event=info["event"],
        guesses=PlatformGuesses(attendu_codes=codes),
    )
    return build_backend("attendu", profile_connection(profile), info["api_key"])


async def statuses(sandbox, codes: AttenduCodeTable = GUESSED) -> dict[str, Status]:
    backend, http = desk(sandbox, codes)
    async with http:
        roster = await backend.load_roster()
    assert roster.complete, roster.problem
    return {guest.id: guest.status for guest in roster.guests}


async def test_a_workspace_with_other_integers_reads_right_once_the_profile_says_so(sandbox):
    as_guessed = await statuses(sandbox)  # the sandbox's own table, Kiosk's guess
    declined = [gid for gid, status in as_guessed.items() if status is Status.DECLINED]
    invited = [gid for gid, status in as_guessed.items() if status is Status.INVITED]
    assert declined
    assert invited
    sandbox.attendu.play_codes(no_answer=SWAPPED.no_answer, declined=SWAPPED.declined)
    first = sandbox.attendu_guest(invited[0])["status"]["confirmation"]
    assert first == SWAPPED.no_answer  # the wire now speaks the other table

    assert await statuses(sandbox, SWAPPED) == as_guessed
    misread = await statuses(sandbox)  # a desk still on the guess
    assert misread[invited[0]] is Status.DECLINED


async def test_a_decline_is_written_with_the_profiles_code(sandbox):
    sandbox.attendu.play_codes(no_answer=SWAPPED.no_answer, declined=SWAPPED.declined)
    before = sandbox.guests_summary()
    backend, http = desk(sandbox, SWAPPED)
    async with http:
        guests = (await backend.load_roster()).guests
        guest = next(g for g in guests if g.status is Status.ACCEPTED)
        mark = len(sandbox.requests(platform="attendu"))
        updated = await backend.set_status(guest, Status.DECLINED)

    (patch,) = [r for r in sandbox.requests(platform="attendu")[mark:] if r.method == "PATCH"]
    assert patch.json["status"]["confirmation"] == SWAPPED.declined
    assert updated.status is Status.DECLINED
    assert sandbox.guests_summary()["attendu"]["declined"] == before["attendu"]["declined"] + 1


async def test_a_desk_on_the_wrong_table_writes_another_answer_than_it_meant(sandbox):
    sandbox.attendu.play_codes(no_answer=-1, declined=-2)
    backend, http = desk(sandbox)  # the guess: declined is -1, here "no answer"
    async with http:
        guest = next(g for g in (await backend.load_roster()).guests if g.status is Status.ACCEPTED)
        updated = await backend.set_status(guest, Status.DECLINED)
    # -1 is this workspace's "no answer": the guessed decline lands as something else,
    # which is what a desk on the wrong table would do to a real account.
    assert sandbox.attendu_guest(guest.id)["status"]["confirmation"] == -1
    assert updated.status is Status.DECLINED  # the desk cannot tell: it reads its own table
