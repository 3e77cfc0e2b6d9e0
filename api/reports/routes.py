"""`POST /api/reports` (anonymous, rate-limited, 202 + receipt) and the form at `/report`.

Nothing about the client is read except its address, and that only to key the in-memory rate limiter
(a salted hash, never stored or logged). Errors: 413 body or text too large, 422 invalid (with the
field and reason), 429 too many (with Retry-After).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import ValidationError

from api.reports.model import ReportIn, coarse_cell
from api.reports.service import ReportService

STATIC_DIR = Path(__file__).resolve().parents[1] / "static" / "report"
_ASSETS = {"report.js": "text/javascript", "report.css": "text/css"}
_NO_STORE = {"Cache-Control": "no-store"}

router = APIRouter(tags=["reports"])


def _error(status: int, message: str, **extra: object) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status, headers=_NO_STORE)


async def _body(request: Request, limit: int) -> bytes | None:
    """The body, or None as soon as it is larger than `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        return None
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > limit:
            return None
    return bytes(data)


@router.post("/api/reports", status_code=202, include_in_schema=False)
async def post_report(request: Request) -> Response:
    service: ReportService = request.app.state.reports
    s = service.settings
    address = request.client.host if request.client else "unknown"
    wait = service.limiter.hit(address)
    del address
    if wait is not None:
        return JSONResponse(
            {"error": f"Too many reports from this connection; try again in {wait} s."},
            status_code=429,
            headers={**_NO_STORE, "Retry-After": str(wait)},
        )
    body = await _body(request, s.max_body_bytes)
    if body is None:
        return _error(413, f"The request body is larger than {s.max_body_bytes} bytes.")
    try:
        report = ReportIn.model_validate_json(body)
    except ValidationError as exc:
        reasons: dict[str, str] = {}
        for e in exc.errors():  # one reason per field (a date-or-datetime field fails twice)
            reasons.setdefault(str(e["loc"][0]) if e["loc"] else "body", e["msg"])
        problems = [{"field": f, "reason": r} for f, r in reasons.items()]
        message = "; ".join(f"{f}: {r}" for f, r in reasons.items())
        return _error(422, f"The report is not valid: {message}", problems=problems)
    if len(report.text) > s.max_text_chars:
        return _error(413, f"`text` is longer than {s.max_text_chars} characters; shorten it.")
    cell = None
    if report.lat is not None and report.lon is not None:
        cell = coarse_cell(report.lat, report.lon, s.cell_degrees)
    receipt = service.queue.add(report.text, report.observed_text(), report.place, cell, report.category)
    return JSONResponse(
        {"receipt": receipt, "status": "pending", "message": "Thank you. A moderator will review it."},
        status_code=202,
        headers=_NO_STORE,
    )


@router.get("/report", include_in_schema=False)
def report_form() -> FileResponse:
    return FileResponse(
        STATIC_DIR / "index.html", media_type="text/html", headers={"Cache-Control": "no-cache"}
    )


@router.get("/report/{asset}", include_in_schema=False)
def report_asset(asset: str) -> Response:
    if asset not in _ASSETS:
        return _error(404, "Not found.")
    return FileResponse(STATIC_DIR / asset, media_type=_ASSETS[asset], headers={"Cache-Control": "no-cache"})
