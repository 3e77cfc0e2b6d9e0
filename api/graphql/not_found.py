"""NOT_FOUND with a hint: an id that is no entity (often a name typed where an id belongs) is answered with
the entities the text could mean (`did you mean`), found like `search` finds them, never with a silent empty.

Suggestions go through the Presenter and skip the kinds the caller may not search (`hidden_kinds`), so they
reveal nothing `search` would not.
"""

from __future__ import annotations

import re
from typing import Any

from api.graphql.context import LanternContext
from api.graphql.present import presenter
from api.limits import api_error

MAX_SUGGESTIONS = 5
_ID_PREFIX = re.compile(r"^[a-z_]+:")


def suggestion_text(given: str) -> str:
    """The words to search for: a name as given, or the name part of an id-like text ('person:oleh k')."""
    text = _ID_PREFIX.sub("", given.strip())
    return re.sub(r"#\d+$", "", text).strip()


async def suggestions(ctx: LanternContext, given: str) -> list[dict[str, Any]]:
    from api.graphql.resolvers import hidden_kinds, lucene_query

    text = suggestion_text(given)
    if not text:
        return []
    rows = await ctx.graph.read(
        "api/search_fulltext",
        q=lucene_query(text),
        kinds=[],
        exclude_kinds=hidden_kinds(ctx),
        offset=0,
        limit=MAX_SUGGESTIONS,
    )
    p = await presenter(ctx)  # names shown in clear are audited like any other disclosure
    p.learn_nodes(r["entity"] for r in rows)
    out = [p.entity(r["entity"]) for r in rows]
    p.flush()
    return [{"id": e.id, "caption": e.caption, "kind": e.kind} for e in out]


def not_found_message(given: str, hints: list[dict[str, Any]]) -> str:
    head = f"No entity with id '{given}'."
    if not hints:
        return f"{head} Ids come from `search` (or earlier responses); search found nothing like it either."
    listed = "; ".join(f"{h['id']} ({h['kind']} {h['caption']})" for h in hints)
    return f"{head} Did you mean: {listed}? Pass one of these ids (ids come from `search`)."


async def require_entities(ctx: LanternContext, ids: list[tuple[str, str]]) -> None:
    """Raise NOT_FOUND for the first (given id, graph id) pair that is no entity, with suggestions.

    A masked role gets the one fixed message every unknown id gets (no echo of the id, no
    suggestions): a raw personal id must answer exactly like an id that does not exist."""
    from api.graphql.resolvers import NOT_FOUND_MESSAGE
    from graph.privacy import MASKED_CATEGORIES

    rows = await ctx.graph.read("api/entities_exist", ids=[real for _, real in ids])
    found = {r["id"] for r in rows}
    masked = bool(MASKED_CATEGORIES.get(ctx.role.value, True))
    for given, real in ids:
        if real not in found and masked:
            raise api_error("NOT_FOUND", NOT_FOUND_MESSAGE)
        if real not in found:
            hints = await suggestions(ctx, given)
            raise api_error("NOT_FOUND", not_found_message(given, hints), id=given, didYouMean=hints)
