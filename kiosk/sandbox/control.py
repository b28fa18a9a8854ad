"""The sandbox's control routes (/_sandbox/...): faults, modes, quotas, the request log,
reset, health and the connection info."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kiosk.sandbox.faults import Faults
from kiosk.sandbox.modes import Modes
from kiosk.sandbox.quota import change_quotas, quotas_json
from kiosk.sandbox.wire import json_answer

if TYPE_CHECKING:
    from kiosk.sandbox.server import Sandbox


def control_app(sandbox: Sandbox) -> Starlette:
    async def get_faults(request: Request) -> Response:
        return json_answer(sandbox.faults.to_json())

    async def put_faults(request: Request) -> Response:
        try:
            faults = Faults.from_json(await _object(request, "fault"))
        except ValueError as refused:
            return json_answer({"message": str(refused)}, 400)
        sandbox.set_faults(faults)
        return json_answer(faults.to_json())

    async def get_modes(request: Request) -> Response:
        return json_answer(sandbox.modes.to_json())

    async def put_modes(request: Request) -> Response:
        try:
            modes = Modes.from_json(await _object(request, "mode"))
        except ValueError as refused:
            return json_answer({"message": str(refused)}, 400)
        sandbox.set_modes(modes)
        return json_answer(modes.to_json())

    async def get_quota(request: Request) -> Response:
        return json_answer(quotas_json(sandbox.quota_counters))

    async def put_quota(request: Request) -> Response:
        try:
            return json_answer(change_quotas(sandbox.quota_counters, await request.body()))
        except ValueError as refused:
            return json_answer({"message": str(refused)}, 400)

    async def get_requests(request: Request) -> Response:
        platform = request.query_params.get("platform")
        return json_answer([record.to_json() for record in sandbox.requests(platform)])

    async def delete_requests(request: Request) -> Response:
        sandbox.clear_requests()
        return Response(status_code=204)

    async def reset(request: Request) -> Response:
        sandbox.reset()
        return json_answer({"status": "reset"})

    async def health(request: Request) -> Response:
        return json_answer({"status": "ok", "guests": len(sandbox.data.people)})

    async def info(request: Request) -> Response:
        return json_answer(sandbox.info)

    def route(path: str, endpoint: Callable[[Request], Any], method: str) -> Route:
        return Route(f"/_sandbox{path}", endpoint, methods=[method])

    return Starlette(
        routes=[
            route("/faults", get_faults, "GET"),
            route("/faults", put_faults, "PUT"),
            route("/modes", get_modes, "GET"),
            route("/modes", put_modes, "PUT"),
            route("/quota", get_quota, "GET"),
            route("/quota", put_quota, "PUT"),
            route("/requests", get_requests, "GET"),
            route("/requests", delete_requests, "DELETE"),
            route("/reset", reset, "POST"),
            route("/health", health, "GET"),
            route("/info", info, "GET"),
        ]
    )


async def _object(request: Request, what: str) -> dict[str, Any]:
    """The request's body as a JSON object of ``what`` fields; ValueError otherwise (a
    body that is no JSON at all is one too: JSONDecodeError is a ValueError)."""
    data = json.loads(await request.body())
    if not isinstance(data, dict):
        raise ValueError(f"the body must be a JSON object of {what} fields")
    return data
