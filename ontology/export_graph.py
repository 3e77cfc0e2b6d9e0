"""Read the graph (all of it, or what a library query's rows point at) for the RDF export."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

PAGE = 5000


class Reader(Protocol):
    def read(self, name: str, **params: Any) -> list[dict[str, Any]]: ...


def _pages(db: Reader, name: str) -> Iterator[dict[str, Any]]:
    skip = 0
    while True:
        rows = db.read(name, skip=skip, limit=PAGE)
        yield from rows
        if len(rows) < PAGE:
            return
        skip += PAGE


def fetch_all(db: Reader) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return list(_pages(db, "schema/export_nodes")), list(_pages(db, "schema/export_relationships"))


def ids_in_rows(rows: list[dict[str, Any]]) -> set[str]:
    """Node ids a query's rows refer to: `id` / `*_id` / `*_ids` columns, and nodes returned whole."""
    found: set[str] = set()

    def visit(key: str, value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("id"), str):
                found.add(value["id"])
            for k, v in value.items():
                if k.endswith("_ids") or k.endswith("_id"):
                    visit(k, v)
        elif isinstance(value, list | tuple):
            for v in value:
                visit(key, v)
        elif isinstance(value, str) and (key == "id" or key.endswith("_id") or key.endswith("_ids")):
            found.add(value)

    for row in rows:
        for key, value in row.items():
            visit(key, value)
    return found


def fetch_subgraph(db: Reader, ids: set[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The nodes with these ids, plus the documents their edges cite, and the edges among them."""
    result = db.read("schema/export_subgraph", ids=sorted(ids))
    nodes, rels = (result[0]["nodes"], result[0]["relationships"]) if result else ([], [])
    cited = {d for r in rels for d in (r["props"].get("ev_doc_ids") or [])} - ids
    if cited:
        result = db.read("schema/export_subgraph", ids=sorted(ids | cited))
        nodes, rels = result[0]["nodes"], result[0]["relationships"]
    return nodes, rels
