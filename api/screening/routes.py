"""`POST /api/screen` (JSON batch → per-input results) and `POST /api/screen/psi` (PSI round), partner keys.

Errors are JSON `{"error", "code"}`: 401 without a valid key, 403 for a key that is not a partner's, 400 for
a body that is not what the endpoint reads, 413 for a batch over the limit, 429 when the quota is used up.
A malformed body is refused without echoing it (FastAPI's own validation would quote the input).
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from graphql import GraphQLError

from api.screening.service import RawInput, ScreeningError, ScreeningService

router = APIRouter(tags=["screening"])
_NO_STORE = {"Cache-Control": "no-store"}
_FIELDS = ("value", "kind", "dateOfBirth", "country")


def _error(error: ScreeningError) -> JSONResponse:
    return JSONResponse(
        {"error": error.message, "code": error.code}, status_code=error.status, headers=_NO_STORE
    )


def _unavailable(error: GraphQLError) -> ScreeningError:
    code = str((error.extensions or {}).get("code") or "GRAPH_UNAVAILABLE")
    return ScreeningError(503, code, f"{error.message} Nothing was screened; send the batch again later.")


def _principal(request: Request) -> Any:
    principal = request.app.state.lantern.keys.authenticate(request.headers.get("authorization"))
    if principal is None:
        raise ScreeningError(
            401, "UNAUTHENTICATED", "Missing or invalid API key: send `Authorization: Bearer <partner key>`."
        )
    return principal


def parse_inputs(body: bytes) -> tuple[list[RawInput], str | None]:
    """`{"identifiers": [...], "region"?}`: each item a string or `{value, kind?, dateOfBirth?, country?}`;
    `region` is the default region of phones without +country code (ISO alpha-2)."""
    bad = ScreeningError(
        400,
        "BAD_USER_INPUT",
        'The body must be JSON {"identifiers": [...]}, each item a string or {"value", "kind"?, '
        '"dateOfBirth"?, "country"?} with string values (see docs/guide/screening.md).',
    )
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise bad from None
    items = data.get("identifiers") if isinstance(data, dict) else None
    region = data.get("region") if isinstance(data, dict) else None
    if not isinstance(items, list) or not isinstance(region, str | None):
        raise bad
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(RawInput(item))
            continue
        if not isinstance(item, dict) or set(item) - set(_FIELDS) or not isinstance(item.get("value"), str):
            raise bad
        if any(item.get(f) is not None and not isinstance(item.get(f), str) for f in _FIELDS):
            raise bad
        out.append(RawInput(item["value"], item.get("kind"), item.get("dateOfBirth"), item.get("country")))
    return out, region


@router.post("/api/screen", include_in_schema=False)
async def post_screen(request: Request) -> Response:
    service: ScreeningService = request.app.state.screening
    try:
        principal = _principal(request)
        inputs, region = parse_inputs(await request.body())
        report = await service.screen(principal, inputs, region)
    except ScreeningError as error:
        return _error(error)
    except GraphQLError as error:  # Neo4j unavailable or too slow: typed, with what to do
        return _error(_unavailable(error))
    return JSONResponse(report.as_dict(), headers=_NO_STORE)


@router.post("/api/screen/psi", include_in_schema=False)
async def post_psi(request: Request) -> Response:
    service: ScreeningService = request.app.state.screening
    try:
        principal = _principal(request)
        answer = await service.psi_round(principal, await request.body())
    except ScreeningError as error:
        return _error(error)
    except GraphQLError as error:
        return _error(_unavailable(error))
    return JSONResponse(answer, headers=_NO_STORE)
