"""Validate sheepCRM requests and answers (httpx objects) against the vendor's OpenAPI bundle.

The bundle names https://sls-api.sheepcrm.com as its server; the adapters below map the
sandbox's ``/sheepcrm`` prefix (or any other host) onto it, so the same helpers check
what the sandbox answers and what Kiosk's client sends:

    validate_sheepcrm_request(request)             # raises on a finding
    validate_sheepcrm_response(request, response)  # error answers: the ``error`` schema
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.templating.responses.exceptions import ResponseNotFound
from openapi_schema_validator import OAS30Validator
from werkzeug.datastructures import Headers, ImmutableMultiDict

#: The vendor's published bundle, copied into the repository unchanged (README.md here).
SPEC_PATH = Path(__file__).resolve().with_name("sheepcrm-openapi.yaml")
SERVER = "https://sls-api.sheepcrm.com"
SERVER_HOST = "sls-api.sheepcrm.com"
#: Where the sandbox mounts sheepCRM; stripped from paths served anywhere but SERVER.
SANDBOX_PREFIX = "/sheepcrm"


@functools.cache
def sheepcrm_spec() -> OpenAPI:
    """The bundle, loaded once. It has 12 defects outside the events and search paths, so
    the strict spec check is off (README.md beside this file); validation is unaffected."""
    return OpenAPI.from_file_path(str(SPEC_PATH), config=Config(spec_validator_cls=None))


def spec_schema(name: str) -> dict[str, Any]:
    """``components/schemas/<name>`` as a plain dict (refs unresolved)."""
    schema: dict[str, Any] = (sheepcrm_spec().spec / "components" / "schemas" / name).read_value()
    return schema


class SheepcrmRequest:
    """An ``httpx.Request`` seen through openapi-core's Request protocol, re-homed on SERVER."""

    def __init__(self, request: httpx.Request, prefix: str = SANDBOX_PREFIX) -> None:
        url = request.url
        path = url.path
        if url.host != SERVER_HOST and (path == prefix or path.startswith(prefix + "/")):
            path = path[len(prefix) :] or "/"
        self.host_url = SERVER
        self.path = path
        self.method = request.method.lower()
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qsl(url.query.decode("ascii"), keep_blank_values=True)),
            header=Headers(list(request.headers.items())),
            cookie=ImmutableMultiDict(),
        )
        self.content_type = request.headers.get("content-type", "").lower()
        try:
            content = request.content
        except httpx.RequestNotRead:
            content = request.read()
        self.body: bytes | None = content or None


class SheepcrmResponse:
    """An ``httpx.Response`` seen through openapi-core's Response protocol."""

    def __init__(self, response: httpx.Response) -> None:
        self.status_code = response.status_code
        self.headers = Headers(list(response.headers.items()))
        self.content_type = response.headers.get("content-type", "").lower()
        self.data: bytes | None = response.content


def validate_sheepcrm_request(request: httpx.Request) -> None:
    """Raise (openapi-core's exception) unless the request is one the spec allows."""
    sheepcrm_spec().validate_request(SheepcrmRequest(request))


def validate_sheepcrm_response(request: httpx.Request, response: httpx.Response) -> None:
    """Raise unless the answer fits the spec. Error answers (4xx/5xx) must carry the
    ``error`` body; statuses the operation does not declare are checked by that alone."""
    if response.status_code >= 400:
        validate_sheepcrm_error(response)
    try:
        sheepcrm_spec().validate_response(SheepcrmRequest(request), SheepcrmResponse(response))
    except ResponseNotFound:
        if response.status_code < 400:
            raise


def validate_sheepcrm_error(response: httpx.Response) -> None:
    """Raise unless the body is the contract's error ``{error, description, type}``,
    every field a string (the spec marks none required; the contract says all three)."""
    schema = {**spec_schema("error"), "required": ["error", "description", "type"]}
    OAS30Validator(schema).validate(response.json())
