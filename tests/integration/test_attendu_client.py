"""The Attendu client over real HTTP against the sandbox: what each Kiosk status turns
into on the wire, paging, and every failure ending as a domain error."""

from __future__ import annotations

from collections.abc import Iterable

import httpx
import pytest

from kiosk.backends.attendu import (
    ASSUMED_CODES,
    LOCAL_NO_SHOW_LABEL,
    AttenduBackend,
    AttenduPaging,
    attendu_http_client,
)
from kiosk.domain import (
    AuthRejected,
    ChangeRejected,
    Guest,
    MalformedAnswer,
    NotFound,
    PlatformError,
    PlatformUnavailable,
    RateLimited,
    Status,
)
from kiosk.sandbox import Faults

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


def info(sandbox):
    return sandbox.info["attendu"]


def connect(sandbox, *, api_key=None, event=None, timeout=None, **options):
    conn = info(sandbox)
    http = attendu_http_client(conn["base_url"], api_key or conn["api_key"], timeout=timeout)
    backend = AttenduBackend(http, event_id=event or conn["event"], **options)
    return backend, http


def sent(sandbox, before: int):
    return [r for r in sandbox.requests(platform="attendu")[before:] if r.method != "GET"]


def mark(sandbox) -> int:
    return len(sandbox.requests(platform="attendu"))


def pick(guests: Iterable[Guest], status: Status, *, party: int | None = None) -> Guest:
    return next(
        g for g in guests if g.status is status and (party is None or g.party_size == party)
    )


async def test_the_roster_pages_by_total_and_loads_complete(sandbox):
    backend, http = connect(sandbox, page_size=40)
    before = mark(sandbox)
    async with http:
        roster = await backend.load_roster()
        event = await backend.get_event()
        events = await backend.list_events()

    assert roster.complete, roster.problem
    assert roster.event.id == event.id == info(sandbox)["event"]
    assert event.id in {e.id for e in events}
    ids = [g.id for g in roster.guests]
    assert len(ids) == len(set(ids))
    pages = [r for r in sandbox.requests(platform="attendu")[before:] if r.path.endswith("/guests")]
    assert len(pages) == -(-len(ids) // 40)
    # Pages after the first are asked for a few at once: they may arrive in any order.
    skips = sorted(int(dict(r.query)["skip"]) for r in pages)
    assert [str(skip) for skip in skips] == [str(40 * i) for i in range(len(pages))]
    assert all(dict(r.query)["limit"] == "40" for r in pages)
    assert all(r.headers["x-api-key"] == info(sandbox)["api_key"] for r in pages)
    for guest in roster.guests[:25]:
        raw = sandbox.attendu_guest(guest.id)
        assert guest.email == raw["properties"]["email"]
    # Parties are folded into the host's confirmation count on Attendu.
    assert any(g.party_size > 1 for g in roster.guests)
    assert any(g.status_label for g in roster.guests)


async def test_a_server_that_ignores_paging_gives_an_incomplete_roster_not_a_loop(sandbox):
    backend, http = connect(sandbox, page_size=50)
    sandbox.set_faults(Faults(ignore_paging=True))
    async with http:
        roster = await backend.load_roster()
    assert not roster.complete
    assert "same guests" in (roster.problem or "")
    assert 0 < len(roster.guests) < 300


async def test_unpublished_page_parameter_names_are_settings(sandbox):
    # With names the sandbox does not know, it sends page one again: stop, say so.
    backend, http = connect(
        sandbox, page_size=50, paging=AttenduPaging(offset_param="offset", limit_param="size")
    )
    async with http:
        roster = await backend.load_roster()
    assert not roster.complete
    assert "'offset'/'size'" in (roster.problem or "")


async def test_attended_is_a_check_in_for_the_whole_party_and_never_twice(sandbox):
    backend, http = connect(sandbox)
    async with http:
        guest = pick((await backend.load_roster()).guests, Status.ACCEPTED, party=2)
        before = mark(sandbox)
        updated = await backend.set_status(guest, Status.ATTENDED)
        again = await backend.set_status(updated, Status.ATTENDED)
        reread = await backend.get_guest(guest)

    (post,) = sent(sandbox, before)
    assert post.method == "POST"
    assert post.path.endswith(f"/v1/guests/{guest.id}/check-in")
    assert post.json == {"eventId": info(sandbox)["event"], "incrementBy": 2, "method": "manual"}
    assert updated.status is again.status is reread.status is Status.ATTENDED
    assert sandbox.attendu_guest(guest.id)["status"]["attendance"] == 2
    assert Status.ATTENDED not in backend.capabilities.idempotent


async def test_accepted_from_attended_undoes_the_check_in_then_confirms(sandbox):
    backend, http = connect(sandbox)
    async with http:
        guest = pick((await backend.load_roster()).guests, Status.ATTENDED)
        before = mark(sandbox)
        updated = await backend.set_status(guest, Status.ACCEPTED)
        reread = await backend.get_guest(guest)

    delete, patch = sent(sandbox, before)
    assert (delete.method, patch.method) == ("DELETE", "PATCH")
    assert delete.path.endswith(f"/v1/guests/{guest.id}/check-in")
    assert delete.json == {"eventId": info(sandbox)["event"]}
    assert patch.path.endswith(f"/v1/guests/{guest.id}")
    assert dict(patch.query) == {"event": info(sandbox)["event"]}
    assert patch.json["status"]["confirmation"] == guest.party_size
    assert updated.status is reread.status is Status.ACCEPTED
    assert sandbox.attendu_guest(guest.id)["status"]["attendance"] == 0


async def test_accepted_from_declined_clears_the_decline(sandbox):
    backend, http = connect(sandbox)
    async with http:
        guest = pick((await backend.load_roster()).guests, Status.DECLINED)
        before = mark(sandbox)
        updated = await backend.set_status(guest, Status.ACCEPTED)

    (patch,) = sent(sandbox, before)
    assert patch.json["status"] == {"confirmation": guest.party_size, "declineMessage": ""}
    assert updated.status is Status.ACCEPTED


async def test_declined_is_the_declined_code_with_a_message(sandbox):
    backend, http = connect(sandbox)
    async with http:
        guest = pick((await backend.load_roster()).guests, Status.ACCEPTED)
        before = mark(sandbox)
        updated = await backend.set_status(guest, Status.DECLINED)
        reread = await backend.get_guest(guest)

    (patch,) = sent(sandbox, before)
    assert patch.method == "PATCH"
    assert patch.json["status"] == {
        "confirmation": ASSUMED_CODES.declined,
        "declineMessage": ASSUMED_CODES.decline_message,
    }
    assert updated.status is reread.status is Status.DECLINED


async def test_no_show_undoes_a_check_in_and_is_kept_at_this_desk(sandbox):
    backend, http = connect(sandbox)
    async with http:
        guests = (await backend.load_roster()).guests
        attended = pick(guests, Status.ATTENDED)
        accepted = pick(guests, Status.ACCEPTED)
        before = mark(sandbox)
        from_attended = await backend.set_status(attended, Status.NO_SHOW)
        middle = mark(sandbox)
        from_accepted = await backend.set_status(accepted, Status.NO_SHOW)
        # Attendu keeps no such state: it reads back as accepted, which this desk,
        # having set the no-show, keeps as one; a desk that did not sees accepted.
        reread_here = await backend.get_guest(from_attended)
        reread_elsewhere = await backend.get_guest(attended)

    (delete,) = sent(sandbox, before)
    assert delete.method == "DELETE"
    assert sent(sandbox, middle) == []  # nothing to tell Attendu
    for guest in (from_attended, from_accepted, reread_here):
        assert guest.status is Status.NO_SHOW
        assert guest.status_label == LOCAL_NO_SHOW_LABEL
    assert sandbox.attendu_guest(attended.id)["status"]["attendance"] == 0
    assert reread_elsewhere.status is Status.ACCEPTED


async def test_invited_is_refused_with_the_reason_and_nothing_is_sent(sandbox):
    backend, http = connect(sandbox)
    async with http:
        guest = pick((await backend.load_roster()).guests, Status.ACCEPTED)
        before = mark(sandbox)
        with pytest.raises(ChangeRejected) as caught:
            await backend.set_status(guest, Status.INVITED)

    assert caught.value.message == backend.capabilities.reason(Status.INVITED)
    assert "back to invited" in caught.value.message
    assert sent(sandbox, before) == []


async def test_a_walk_in_is_created_and_can_be_checked_in(sandbox):
    backend, http = connect(sandbox)
    async with http:
        before = mark(sandbox)
        walk_in = await backend.create_walk_in("Zoë", "Ågren", "zoe@example.org", lang="cs")
        checked_in = await backend.set_status(walk_in, Status.ATTENDED)
        roster = await backend.load_roster()

    post = sent(sandbox, before)[0]
    assert post.json == {
        "event": info(sandbox)["event"],
        "properties": {
            "firstName": "Zoë",
            "lastName": "Ågren",
            "email": "zoe@example.org",
            "lang": "cs",
        },
        "status": {"confirmation": 1},  # confirmed for the party that came
    }
    assert walk_in.name == "Zoë Ågren"
    assert walk_in.status is Status.ACCEPTED
    assert checked_in.status is Status.ATTENDED
    assert walk_in.id in {g.id for g in roster.guests}


async def test_a_walk_in_without_email_leaves_the_field_out(sandbox):
    backend, http = connect(sandbox)
    async with http:
        before = mark(sandbox)
        walk_in = await backend.create_walk_in("Ota", "Pavel", "  ", party=3)
    post = sent(sandbox, before)[0]
    assert post.json["properties"] == {"firstName": "Ota", "lastName": "Pavel"}
    assert post.json["status"] == {"confirmation": 3}
    assert (walk_in.email, walk_in.party_size) == ("", 3)


async def test_a_wrong_key_is_refused(sandbox):
    backend, http = connect(sandbox, api_key="not-the-key")
    async with http:
        with pytest.raises(AuthRejected) as caught:
            await backend.load_roster()
    assert "API key" in caught.value.message


async def test_an_unknown_event_is_not_found(sandbox):
    backend, http = connect(sandbox, event="ffffffffffffffffffffffff")
    async with http:
        with pytest.raises(NotFound):
            await backend.get_event()
        with pytest.raises(NotFound):
            await backend.load_roster()


async def test_an_unknown_guest_is_not_found(sandbox):
    backend, http = connect(sandbox)
    stranger = Guest(
        "ffffffffffffffffffffffff",
        "ffffffffffffffffffffffff",
        "No",
        "Body",
        "",
        "",
        Status.ACCEPTED,
    )
    async with http:
        with pytest.raises(NotFound):
            await backend.get_guest(stranger)
        with pytest.raises(NotFound):
            await backend.set_status(stranger, Status.ATTENDED)


async def test_throttling_surfaces_retry_after(sandbox):
    backend, http = connect(sandbox)
    sandbox.set_faults(Faults(rate_limit_rate=1.0))
    async with http:
        with pytest.raises(RateLimited) as caught:
            await backend.list_events()
    assert caught.value.retry_after is not None
    assert caught.value.retry_after > 0


async def test_a_server_fault_is_unavailable(sandbox):
    backend, http = connect(sandbox)
    sandbox.set_faults(Faults(error_rate=1.0))
    async with http:
        with pytest.raises(PlatformUnavailable) as caught:
            await backend.load_roster()
    assert (caught.value.status_code or 0) >= 500


async def test_a_check_in_whose_answer_is_lost_is_an_unknown_outcome(sandbox):
    backend, http = connect(sandbox)
    async with http:
        guest = pick((await backend.load_roster()).guests, Status.ACCEPTED)
        sandbox.set_faults(Faults(drop_rate=1.0, drop_after_apply=True, only="check-in"))
        with pytest.raises(PlatformUnavailable) as caught:
            await backend.set_status(guest, Status.ATTENDED)
    assert caught.value.outcome_unknown
    # It did arrive: this is why the sender re-reads before repeating a check-in.
    assert sandbox.attendu_guest(guest.id)["status"]["attendance"] >= 1


async def test_an_answer_that_never_comes_is_an_unknown_outcome(sandbox):
    backend, http = connect(sandbox, timeout=httpx.Timeout(5.0, read=0.3))
    async with http:
        guest = pick((await backend.load_roster()).guests, Status.ACCEPTED)
        sandbox.set_faults(Faults(stall_rate=1.0, stall_seconds=5.0, only="check-in"))
        with pytest.raises(PlatformUnavailable) as caught:
            await backend.set_status(guest, Status.ATTENDED)
    assert caught.value.outcome_unknown


@pytest.mark.parametrize(
    ("fault", "words"),
    [
        ("bad-json", "not valid JSON"),
        ("huge-body", "larger than"),
        ("wrong-types", "cannot read"),
    ],
)
async def test_a_bad_answer_is_malformed_not_a_crash(sandbox, fault, words):
    backend, http = connect(sandbox)
    async with http:
        guest = pick((await backend.load_roster()).guests, Status.ACCEPTED)
        sandbox.set_faults(Faults(answer_fault=fault, answer_fault_rate=1.0))
        with pytest.raises(MalformedAnswer) as caught:
            await backend.get_guest(guest)
    assert words in caught.value.message


async def test_an_html_error_page_is_read_as_text(sandbox):
    backend, http = connect(sandbox)
    sandbox.set_faults(Faults(answer_fault="html-error", answer_fault_rate=1.0))
    async with http:
        with pytest.raises(PlatformError) as caught:
            await backend.list_events()
    said = caught.value.platform_message or ""
    assert said
    assert "<" not in said


async def test_a_reload_answers_unchanged_guests_with_the_known_objects(sandbox):
    """A refresh keeps the guests that read the same (the very objects), so 100,000
    unchanged guests are not built again; a guest changed elsewhere is new."""
    backend, http = connect(sandbox, page_size=40)
    async with http:
        first = {g.id: g for g in (await backend.load_roster()).guests}
        changed = pick(first.values(), Status.ACCEPTED, party=1)
        sandbox.attendu_check_in(changed.id)
        again = (await backend.load_roster(known=first)).guests

    assert len(again) == len(first)
    fresh = [g for g in again if g is not first[g.id]]
    assert [g.id for g in fresh] == [changed.id]
    assert fresh[0].status is Status.ATTENDED
    assert all(g == first[g.id] for g in again if g.id != changed.id)
