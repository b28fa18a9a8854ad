"""Conditional reads in the sandbox: answering an ``If-None-Match`` with a bodiless 304."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

JSON = "application/json"


def matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` names ``etag`` (weakly compared, as RFC 9110 says)."""
    if not if_none_match:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags


def not_modified(request: Request, etag: str) -> Response | None:
    """The 304 when the request already holds the version ``etag`` names, else None."""
    if matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers={"etag": etag})
    return None


def tagged_json(body: bytes, etag: str, status: int = 200) -> Response:
    """A JSON answer carrying its ETag."""
    return Response(body, status, headers={"etag": etag}, media_type=JSON)
