"""GraphQL `feeds`: every feed with its status (last success, last error, items seen and new)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.auth import Role
from api.limits import api_error

CAN_SEE_FEEDS = frozenset({Role.ADMIN, Role.INVESTIGATOR, Role.ANALYST})


@strawberry.type(description="A news feed and how its polling goes.")
class FeedStatus:
    id: int
    url: str
    name: str
    region: str | None
    interval_s: float
    last_poll: str | None
    last_success: str | None
    last_error: str | None
    errors_in_row: int
    items_seen: int
    items_new: int


@strawberry.type
class FeedsQuery:
    @strawberry.field(description="News feeds and their status (admin, investigator, analyst).")
    def feeds(self, info: Info) -> list[FeedStatus]:
        ctx = info.context
        ctx.require(CAN_SEE_FEEDS, "see feeds")
        store = getattr(ctx.app_state, "feeds", None)
        if store is None:
            raise api_error("NOT_AVAILABLE", "Feeds are not enabled in this API.")
        return [
            FeedStatus(id=f.id, url=f.url, name=f.name, region=f.region, interval_s=f.interval_s,
                       last_poll=f.last_poll, last_success=f.last_success, last_error=f.last_error,
                       errors_in_row=f.errors_in_row, items_seen=f.items_seen, items_new=f.items_new)
            for f in store.feeds()
        ]  # fmt: skip
