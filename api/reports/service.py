"""`install(app, state)`: the report endpoints, the moderation queue and the access-log scrubber."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI

from api.reports.config import ReportSettings, get_report_settings
from api.reports.queue import ReportQueue
from api.reports.ratelimit import ClientLimiter
from api.state import StateStore

ANONYMOUS_PATHS = ("/api/reports", "/report")


@dataclass
class ReportService:
    settings: ReportSettings
    queue: ReportQueue
    limiter: ClientLimiter


class ScrubClientAddress(logging.Filter):
    """uvicorn's access log line is (client, method, path, version, status): for the anonymous endpoints
    the client address becomes "-" before any handler sees the record."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and str(args[2]).startswith(ANONYMOUS_PATHS):
            record.args = ("-", *args[1:])
        return True


def scrub_access_log() -> None:
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, ScrubClientAddress) for f in access.filters):
        access.addFilter(ScrubClientAddress())


def install(app: FastAPI, state: Any, settings: ReportSettings | None = None) -> ReportService:
    from api.reports.routes import router

    s = settings or get_report_settings()
    store: StateStore = state.store
    service = ReportService(s, ReportQueue(store), ClientLimiter(s.rate, s.global_rate))
    app.state.reports = service
    state.reports = service  # the GraphQL moderation resolvers find it on the AppState
    app.include_router(router)
    scrub_access_log()
    return service
