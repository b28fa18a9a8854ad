"""The shared transport's failure mapping, on precisely shaped wire cases.

``httpx.MockTransport`` is used here on purpose: each test shapes one exact answer or
network failure (an HTTP-date ``Retry-After``, a lying ``Content-Length``, a redirect,
a read timeout raised at a chosen moment, NaN in JSON) that the sandbox either does
not produce or cannot produce deterministically. The same failures are shown over
real HTTP in tests/integration/test_*_client.py.
"""

from __future__ import annotations

import email.utils
import logging
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from kiosk.backends.http import HttpTransport
from kiosk.backends.http.headers import retry_after as _retry_after
from kiosk.domain import (
    AuthRejected,
    ChangeRejected,
    MalformedAnswer,
    NotFound,
    PlatformUnavailable,
    RateLimited,
)

pytestmark = pytest.mark.anyio

SECRET = "sk_live_do_not_log_me"


@pytest.fixture
def anyio_backend():
    return "asyncio"


def transport_for(handler) -> tuple[HttpTransport, httpx.AsyncClient]:
    http = httpx.AsyncClient(
        base_url="https://platform.test",
        headers={"Authorization": f"Bearer {SECRET}"},
        transport=httpx.MockTransport(handler),
    )
    return HttpTransport(http, platform="sheepCRM", not_found_hint="Check the key."), http


async def call(handler, method="GET", **kwargs):
    transport, http = transport_for(handler)
    async with http:
        return await transport.request(method, "/thing", **kwargs)


async def test_a_json_answer_is_decoded_and_the_rate_limit_recorded():
    def handler(request):
        headers = {
            "x-rate-limit-limit": "400",
            "x-rate-limit-remaining": "0",
            "x-rate-limit-reset": "17",
        }
        return httpx.Response(200, json={"ok": [1, 2]}, headers=headers)

    transport, http = transport_for(handler)
    async with http:
        reply = await transport.request("GET", "/thing")

    assert reply.data == {"ok": [1, 2]}
    limit = transport.rate_limit
    assert limit is not None
    assert (limit.limit, limit.remaining, limit.reset_after) == (400, 0, 17.0)
    assert limit.exhausted
    assert 0 < (limit.seconds_left() or 0) <= 17


async def test_retry_after_as_an_http_date():
    when = datetime.now(UTC) + timedelta(seconds=120)

    def handler(request):
        return httpx.Response(429, headers={"Retry-After": email.utils.format_datetime(when)})

    with pytest.raises(RateLimited) as caught:
        await call(handler)
    assert caught.value.retry_after is not None
    assert 100 < caught.value.retry_after <= 120
    assert caught.value.transient


async def test_without_retry_after_the_sheepcrm_reset_header_is_used():
    def handler(request):
        return httpx.Response(429, headers={"x-rate-limit-reset": "42"}, json={"error": "slow"})

    with pytest.raises(RateLimited) as caught:
        await call(handler)
    assert caught.value.retry_after == 42
    assert "42 s" in str(caught.value)


def test_retry_after_that_says_nothing_usable_gives_none():
    assert _retry_after(httpx.Headers({"Retry-After": "soon"})) is None
    assert _retry_after(httpx.Headers({"Retry-After": "-3"})) is None
    past = email.utils.format_datetime(datetime.now(UTC) - timedelta(hours=1))
    assert _retry_after(httpx.Headers({"Retry-After": past})) == 0


@pytest.mark.parametrize("code", [401, 403])
async def test_a_refused_key_says_to_check_the_key_and_keeps_the_platform_words(code):
    def handler(request):
        return httpx.Response(
            code, json={"error": "forbidden", "description": "API key not valid", "type": "auth"}
        )

    with pytest.raises(AuthRejected) as caught:
        await call(handler)
    assert "Check the API key" in caught.value.message
    assert caught.value.platform_message == "forbidden: API key not valid"
    assert caught.value.status_code == code


async def test_not_found_names_the_thing_and_the_hint():
    def handler(request):
        return httpx.Response(404, json={"error": "not found"})

    with pytest.raises(NotFound) as caught:
        await call(handler, what="event 'ev1'")
    assert str(caught.value).startswith("sheepCRM has no event 'ev1'. Check the key.")


async def test_an_html_error_page_is_reduced_to_its_text():
    page = (
        "<html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head>"
        "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>"
        "<script>track()</script></body></html>"
    )

    def handler(request):
        return httpx.Response(502, text=page, headers={"content-type": "text/html"})

    with pytest.raises(PlatformUnavailable) as caught:
        await call(handler)
    assert caught.value.platform_message == "502 Bad Gateway nginx"
    assert not caught.value.outcome_unknown  # a GET changes nothing


@pytest.mark.parametrize(
    ("method", "code", "unknown"),
    [("PUT", 500, True), ("POST", 504, True), ("PATCH", 503, False), ("GET", 500, False)],
)
async def test_a_server_fault_on_a_write_may_have_applied_it(method, code, unknown):
    def handler(request):
        return httpx.Response(code, text="boom")

    with pytest.raises(PlatformUnavailable) as caught:
        await call(handler, method=method)
    assert caught.value.outcome_unknown is unknown
    assert caught.value.platform_message == "boom"


async def test_a_long_platform_message_is_shortened():
    def handler(request):
        return httpx.Response(409, json={"description": "x" * 5000})

    with pytest.raises(ChangeRejected) as caught:
        await call(handler, method="PUT")
    message = caught.value.platform_message or ""
    assert len(message) == 200
    assert message.endswith("…")


async def test_a_declared_oversized_body_is_refused_before_reading():
    def handler(request):
        # The declared length is a lie; we must not read it to find out.
        return httpx.Response(200, content=b"{}", headers={"content-length": "999999999"})

    with pytest.raises(MalformedAnswer, match="larger than 1 MiB"):
        await call(handler)


async def test_a_streamed_body_is_cut_off_at_the_cap():
    async def endless():
        for _ in range(100):
            yield b" " * 65536

    def handler(request):
        return httpx.Response(200, content=endless())

    with pytest.raises(MalformedAnswer, match="larger than 1 MiB"):
        await call(handler, max_bytes=1024 * 1024)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty answer"),
        (b"{'single': 'quotes'}", "not valid JSON"),
        (b'{"n": NaN}', "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
        (b"[" * 100000 + b"]" * 100000, "not valid JSON"),
    ],
)
async def test_an_undecodable_success_is_malformed(body, message):
    def handler(request):
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    with pytest.raises(MalformedAnswer, match=message):
        await call(handler)


async def test_a_redirect_is_not_followed_and_points_at_the_address():
    def handler(request):
        return httpx.Response(302, headers={"location": "https://login.test/"})

    with pytest.raises(MalformedAnswer, match="check the platform address"):
        await call(handler)


@pytest.mark.parametrize(
    ("error", "unknown"),
    [
        (httpx.ConnectError("refused"), False),
        (httpx.ConnectTimeout("slow"), False),
        (httpx.PoolTimeout("busy"), False),
        (httpx.ReadTimeout("no answer"), True),
        (httpx.WriteTimeout("stuck"), True),
        (httpx.RemoteProtocolError("Server disconnected without sending a response."), True),
        (httpx.ReadError("reset by peer"), True),
    ],
)
async def test_network_failures_say_whether_the_request_may_have_arrived(error, unknown):
    def handler(request):
        raise error

    with pytest.raises(PlatformUnavailable) as caught:
        await call(handler, method="POST", json_body={"x": 1})
    assert caught.value.outcome_unknown is unknown
    assert caught.value.transient


async def test_a_body_lost_after_a_success_status_is_an_unknown_outcome():
    async def broken():
        yield b'{"status": '
        raise httpx.ReadError("connection reset")

    def handler(request):
        return httpx.Response(200, content=broken())

    with pytest.raises(PlatformUnavailable) as caught:
        await call(handler, method="PUT")
    assert caught.value.outcome_unknown


async def test_the_api_key_never_reaches_the_log_or_a_message(caplog):
    def handler(request):
        assert request.headers["authorization"] == f"Bearer {SECRET}"
        return httpx.Response(403, json={"error": "bad key"})

    caplog.set_level(logging.DEBUG)
    with pytest.raises(AuthRejected) as caught:
        await call(handler)
    assert SECRET not in str(caught.value)
    assert SECRET not in caplog.text
