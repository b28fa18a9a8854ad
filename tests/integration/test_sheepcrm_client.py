"""The sheepCRM client over real HTTP against the sandbox: every request it sends is
checked against the vendor's OpenAPI bundle, and every failure ends as a domain error."""

from __future__ import annotations

import gc
from collections.abc import Iterable

import httpx
import pytest

from kiosk.backends.http import HttpTransport
from kiosk.backends.sheepcrm import SheepCrmBackend, sheepcrm_http_client
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
from tests.contract.openapi import validate_sheepcrm_request, validate_sheepcrm_response

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


class ContractChecked(httpx.AsyncBaseTransport):
    """Real HTTP, with every request (and, when asked, every answer) validated against
    the sheepCRM OpenAPI bundle. Findings are collected, not raised, so a test that sends
    a bad request on purpose can see exactly that one."""

    def __init__(self, *, answers: bool = True) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.check_answers = answers
        self.problems: list[tuple[str, str]] = []
        self.checked = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.checked += 1
        try:
            validate_sheepcrm_request(request)
        except Exception as exc:  # any validation finding, whatever openapi-core calls it
            self.problems.append((f"request {request.method} {request.url}", repr(exc)))
        response = await self._inner.handle_async_request(request)
        if not self.check_answers:
            return response
        body = await response.aread()
        checked = httpx.Response(
            response.status_code, headers=response.headers, content=body, request=request
        )
        try:
            validate_sheepcrm_response(request, checked)
        except Exception as exc:
            self.problems.append((f"answer to {request.method} {request.url}", repr(exc)))
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            content=body,
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        await self._inner.aclose()


@pytest.fixture
async def wire():
    """The contract-checking transport; asserts at the end that nothing was off."""
    checked = ContractChecked()
    yield checked
    assert checked.checked > 0
    assert checked.problems == []


def info(sandbox):
    return sandbox.info["sheepcrm"]


def connect(sandbox, wire, *, api_key=None, event=None, timeout=None):
    conn = info(sandbox)
    http = sheepcrm_http_client(
        conn["base_url"], api_key or conn["api_key"], transport=wire, timeout=timeout
    )
    backend = SheepCrmBackend(http, bucket=conn["bucket"], event_uid=event or conn["event"])
    return backend, http


def sent(sandbox, before: int):
    return sandbox.requests(platform="sheepcrm")[before:]


def pick(guests: Iterable[Guest], *, not_status: Status | None = None) -> Guest:
    """A host without plus-ones, in any status but ``not_status``."""
    return next(
        g
        for g in guests
        if g.party_size == 1 and "Guest of" not in g.extras and g.status is not not_status
    )


async def test_the_roster_loads_complete_with_parties_and_the_event(sandbox, wire):
    backend, http = connect(sandbox, wire)
    async with http:
        roster = await backend.load_roster()
        event = await backend.get_event()
        events = await backend.list_events()

    assert roster.complete, roster.problem
    assert roster.event.id == info(sandbox)["event"] == event.id
    assert event.id in {e.id for e in events}
    ids = [g.id for g in roster.guests]
    assert len(ids) == len(set(ids)) >= 300
    for guest in roster.guests[:25]:
        session = sandbox.sheepcrm_session(guest.id)
        assert guest.status.wire == session["status"]
        assert guest.email == session["attendee_email"]
        assert guest.changed_at is not None
        assert guest.changed_at.tzinfo is not None
    hosts = [g for g in roster.guests if g.party_size > 1]
    plus_ones = [g for g in roster.guests if "Guest of" in g.extras]
    assert sum(h.plus_ones for h in hosts) == len(plus_ones)


async def test_a_reload_answers_unchanged_guests_with_the_known_objects(sandbox, wire):
    """A refresh keeps the guests that read the same, hosts and plus-ones included (the
    very objects, not rebuilt); a guest changed elsewhere is a new one."""
    backend, http = connect(sandbox, wire)
    async with http:
        first = {g.id: g for g in (await backend.load_roster()).guests}
        changed = pick(first.values(), not_status=Status.DECLINED)
        sandbox.set_sheepcrm_status(changed.platform_ref, "declined")
        again = (await backend.load_roster(known=first)).guests

    assert len(again) == len(first)
    fresh = [g for g in again if g is not first[g.id]]
    assert [g.id for g in fresh] == [changed.id]
    assert fresh[0].status is Status.DECLINED
    assert any(g.party_size > 1 for g in again)
    assert any("Guest of" in g.extras for g in again)
    assert all(g == first[g.id] for g in again if g.id != changed.id)


@pytest.mark.parametrize("status", list(Status))
async def test_each_status_is_written_with_query_parameters_and_read_back(sandbox, wire, status):
    backend, http = connect(sandbox, wire)
    async with http:
        guest = pick((await backend.load_roster()).guests, not_status=status)
        before = len(sandbox.requests(platform="sheepcrm"))
        updated = await backend.set_status(guest, status)
        (put,) = [r for r in sent(sandbox, before) if r.method == "PUT"]
        reread = await backend.get_guest(guest)

    assert updated.status is status
    assert updated.id == guest.id
    assert reread.status is status
    assert sandbox.sheepcrm_session(guest.id)["status"] == status.wire
    # What sheepCRM received: both values as query parameters, the key as a bearer token.
    assert put.path.endswith(f"/booking/{info(sandbox)['event']}/attendance")
    assert dict(put.query) == {"person_uri": guest.platform_ref, "status": status.wire}
    assert put.headers["authorization"] == f"Bearer {info(sandbox)['api_key']}"
    assert not put.body


async def test_answers_leave_no_garbage_for_the_collector(sandbox):
    """An httpx response and its stream refer to each other: every answer left ~44
    objects that only the garbage collector frees, and a drain's worth made one young
    collection take 13-16 ms. A closed answer now lets go of its stream."""
    conn = info(sandbox)
    http = sheepcrm_http_client(conn["base_url"], conn["api_key"])  # no test transport
    backend = SheepCrmBackend(http, bucket=conn["bucket"], event_uid=conn["event"])
    async with http:
        guest = pick((await backend.load_roster()).guests)
        await backend.get_event()  # connections and lazy imports made before counting
        gc.collect()
        gc.disable()
        try:
            for status in [Status.ATTENDED, Status.NO_SHOW] * 10:
                guest = await backend.set_status(guest, status)
                await backend.get_event()
            garbage = gc.collect()
        finally:
            gc.enable()
    assert garbage < 40  # 40 answers: less than one object each (~1,760 before)


async def test_writing_the_same_status_twice_is_harmless(sandbox, wire):
    backend, http = connect(sandbox, wire)
    async with http:
        guest = pick((await backend.load_roster()).guests, not_status=Status.ATTENDED)
        first = await backend.set_status(guest, Status.ATTENDED)
        second = await backend.set_status(first, Status.ATTENDED)
    assert first.status is second.status is Status.ATTENDED
    assert backend.capabilities.idempotent == frozenset(Status)


async def test_a_wrong_key_says_to_check_the_key(sandbox, wire):
    backend, http = connect(sandbox, wire, api_key="not-the-key")
    async with http:
        with pytest.raises((AuthRejected, NotFound)) as caught:
            await backend.load_roster()
    assert "API key" in caught.value.message
    assert "not-the-key" not in str(caught.value)


async def test_an_unknown_event_is_not_found(sandbox, wire):
    backend, http = connect(sandbox, wire, event="000000000000000000000000")
    async with http:
        with pytest.raises(NotFound) as caught:
            await backend.get_event()
        with pytest.raises(NotFound):
            await backend.load_roster()
    assert "000000000000000000000000" in caught.value.message


async def test_an_unknown_guest_is_not_found(sandbox, wire):
    backend, http = connect(sandbox, wire)
    async with http:
        guest = pick((await backend.load_roster()).guests)
        bucket = info(sandbox)["bucket"]
        stranger = Guest(
            id="ffffffffffffffffffffffff",
            platform_ref=f"/{bucket}/person/ffffffffffffffffffffffff/",
            first_name="Nobody",
            last_name="Here",
            email="",
            ticket="",
            status=Status.INVITED,
        )
        with pytest.raises(NotFound):
            await backend.get_guest(stranger)
        with pytest.raises(PlatformError) as caught:
            await backend.set_status(stranger, Status.ATTENDED)
        still = await backend.get_guest(guest)
    assert isinstance(caught.value, NotFound | ChangeRejected)
    assert still.status is guest.status


async def test_a_status_the_spec_does_not_allow_is_refused_with_the_platforms_words(sandbox, wire):
    backend, http = connect(sandbox, wire)
    async with http:
        guest = pick((await backend.load_roster()).guests)
        # The client's own transport path, with a status no Kiosk code can produce.
        transport = HttpTransport(http, platform="sheepCRM")
        with pytest.raises(ChangeRejected) as caught:
            await transport.request(
                "PUT",
                f"/events/v2/{info(sandbox)['bucket']}/booking/{info(sandbox)['event']}/attendance",
                params={"person_uri": guest.platform_ref, "status": "checked"},
            )
    assert caught.value.platform_message
    assert "checked" in str(caught.value)
    assert sandbox.sheepcrm_session(guest.id)["status"] == guest.status.wire
    # The contract check saw exactly this request as invalid; take it off the list.
    assert len(wire.problems) == 1
    assert "status=checked" in wire.problems.pop()[0]


async def test_throttling_surfaces_retry_after(sandbox, wire):
    backend, http = connect(sandbox, wire)
    sandbox.set_faults(Faults(rate_limit_rate=1.0))
    async with http:
        with pytest.raises(RateLimited) as caught:
            await backend.get_event()
    assert caught.value.retry_after is not None
    assert caught.value.retry_after > 0
    assert caught.value.transient


async def test_the_rate_limit_headers_are_kept_for_the_sender(sandbox, wire):
    backend, http = connect(sandbox, wire)
    async with http:
        await backend.get_event()
    limit = backend.rate_limit
    assert limit is not None
    assert limit.limit is not None
    assert limit.remaining is not None


async def test_a_server_fault_is_unavailable(sandbox, wire):
    backend, http = connect(sandbox, wire)
    async with http:
        guest = pick((await backend.load_roster()).guests, not_status=Status.ATTENDED)
        sandbox.set_faults(Faults(error_rate=1.0))
        with pytest.raises(PlatformUnavailable) as caught:
            await backend.set_status(guest, Status.ATTENDED)
    assert caught.value.status_code is not None
    assert caught.value.status_code >= 500
    assert caught.value.transient


async def test_a_connection_dropped_after_a_write_is_an_unknown_outcome(sandbox, wire):
    wire.check_answers = False  # the answer must reach the client as it broke
    backend, http = connect(sandbox, wire)
    async with http:
        guest = pick((await backend.load_roster()).guests, not_status=Status.ATTENDED)
        sandbox.set_faults(Faults(drop_rate=1.0, drop_after_apply=True, only="PUT"))
        with pytest.raises(PlatformUnavailable) as caught:
            await backend.set_status(guest, Status.ATTENDED)
    assert caught.value.outcome_unknown
    assert sandbox.sheepcrm_session(guest.id)["status"] == "attended"  # it did arrive


async def test_an_answer_that_never_comes_is_an_unknown_outcome(sandbox, wire):
    wire.check_answers = False  # the answer must reach the client as it broke
    backend, http = connect(sandbox, wire, timeout=httpx.Timeout(5.0, read=0.3))
    async with http:
        guest = pick((await backend.load_roster()).guests, not_status=Status.ATTENDED)
        sandbox.set_faults(Faults(stall_rate=1.0, stall_seconds=5.0, only="PUT"))
        with pytest.raises(PlatformUnavailable) as caught:
            await backend.set_status(guest, Status.ATTENDED)
    assert caught.value.outcome_unknown
    assert "did not answer within 0.3 s" in caught.value.message


async def test_a_platform_that_cannot_be_reached_is_a_known_outcome(wire):
    # A port nothing listens on: the request cannot have arrived anywhere.
    http = sheepcrm_http_client("http://127.0.0.1:9", "key", transport=wire)
    backend = SheepCrmBackend(http, bucket="b", event_uid="e")
    async with http:
        guest = Guest("s", "/b/person/p/", "A", "B", "", "", Status.INVITED)
        with pytest.raises(PlatformUnavailable) as caught:
            await backend.set_status(guest, Status.ATTENDED)
    assert not caught.value.outcome_unknown


@pytest.mark.parametrize(
    ("fault", "error", "words"),
    [
        ("bad-json", MalformedAnswer, "not valid JSON"),
        ("huge-body", MalformedAnswer, "larger than"),
        ("wrong-types", MalformedAnswer, "cannot read"),
    ],
)
async def test_a_bad_answer_is_malformed_not_a_crash(sandbox, wire, fault, error, words):
    wire.check_answers = False  # the answers are broken on purpose
    backend, http = connect(sandbox, wire)
    sandbox.set_faults(Faults(answer_fault=fault, answer_fault_rate=1.0))
    async with http:
        with pytest.raises(error) as caught:
            await backend.get_event()
    assert words in caught.value.message


async def test_an_html_error_page_is_read_as_text(sandbox, wire):
    wire.check_answers = False
    backend, http = connect(sandbox, wire)
    sandbox.set_faults(Faults(answer_fault="html-error", answer_fault_rate=1.0))
    async with http:
        with pytest.raises(PlatformError) as caught:
            await backend.load_roster()
    said = caught.value.platform_message or ""
    assert said
    assert "<" not in said


async def test_a_roster_with_every_value_of_the_wrong_type_is_malformed(sandbox, wire):
    wire.check_answers = False
    backend, http = connect(sandbox, wire)
    sandbox.set_faults(Faults(answer_fault="wrong-types", answer_fault_rate=1.0))
    async with http:
        with pytest.raises(MalformedAnswer) as caught:
            await backend.load_roster()
    assert "sheepCRM sent" in caught.value.message
    assert "should be text, not a number" in caught.value.message


async def test_a_huge_roster_answer_is_read_under_its_own_cap(sandbox, wire):
    # 10 MB is a plausible roster (100,000 guests are 40-60 MB): it is read, not refused.
    wire.check_answers = False
    backend, http = connect(sandbox, wire)
    sandbox.set_faults(Faults(answer_fault="huge-body", answer_fault_rate=1.0, only="/attendance"))
    async with http:
        roster = await backend.load_roster()
    assert roster.complete
    assert len(roster.guests) >= 300
