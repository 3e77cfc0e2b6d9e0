"""The role × field × argument matrix, generated from the API's own introspection.

Every query field (and the mutations a masked role might try with strings: `mergeEntities`,
`splitEntity`) is called once per value for each of its string arguments, with a selection set of
every field reachable within `SELECTION_DEPTH` levels, so every string the API can return is in the
response. Other required arguments get a harmless value (Int 1, Float 0.5, an id from the pool).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLSchema,
    Undefined,
    build_client_schema,
    get_introspection_query,
    get_named_type,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
)

SELECTION_DEPTH = 4
SKIPPED_FIELDS = frozenset({"runAnalysis", "ingestDocuments"})
"""Heavy writes with no string argument a personal value could go through (runAnalysis' `only` is
validated against step names; ingestDocuments takes input objects) — not in the matrix."""
MUTATIONS = frozenset({"mergeEntities", "splitEntity"})


@dataclass(frozen=True)
class Call:
    field: str
    argument: str
    query: str
    variables: dict[str, Any]


def client_schema(introspection: dict[str, Any]) -> GraphQLSchema:
    return build_client_schema(introspection)


INTROSPECTION = get_introspection_query(descriptions=False)


def selection(type_: Any, depth: int) -> str | None:
    named = get_named_type(type_)
    if is_leaf_type(named):
        return ""
    if depth == 0:
        return None
    parts = []
    for name, f in named.fields.items():
        if any(is_non_null_type(a.type) and a.default_value is Undefined for a in f.args.values()):
            continue
        sub = selection(f.type, depth - 1)
        if sub is not None:
            parts.append(name + sub)
    return " { " + " ".join(parts) + " }" if parts else None


def _is_string(type_: Any) -> bool:
    return get_named_type(type_).name in ("String", "ID")


def _filler(type_: Any, ids: list[str]) -> Any:
    inner = type_.of_type if is_non_null_type(type_) else type_
    if is_list_type(inner):
        return [_filler(inner.of_type, ids), _filler(inner.of_type, ids[1:] or ids)]
    name = get_named_type(inner).name
    return {"Int": 1, "Float": 0.5, "Boolean": False}.get(name, ids[0] if ids else "x")


def calls(schema: GraphQLSchema, values: list[str], ids: list[str]) -> Iterator[Call]:
    """One call per (field, string argument, value); one call for a field with no string argument."""
    roots = [("query", schema.query_type)]
    if schema.mutation_type is not None:
        roots.append(("mutation", schema.mutation_type))
    for op, root in roots:
        for fname, f in root.fields.items():
            if fname in SKIPPED_FIELDS or (op == "mutation" and fname not in MUTATIONS):
                continue
            sel = selection(f.type, SELECTION_DEPTH) or ""
            strings = [a for a, arg in f.args.items() if _is_string(arg.type)]
            for aname in strings or [""]:  # a field without string arguments is still called once
                for value in values if aname else [""]:
                    variables: dict[str, Any] = {}
                    decls, uses = [], []
                    for other, oarg in f.args.items():
                        if other == aname:
                            inner = oarg.type.of_type if is_non_null_type(oarg.type) else oarg.type
                            v: Any = [value, value] if is_list_type(inner) else value
                        elif is_non_null_type(oarg.type) and oarg.default_value is Undefined:
                            v = _filler(oarg.type, ids)
                        else:
                            continue
                        variables[other] = v
                        decls.append(f"${other}: {oarg.type}")
                        uses.append(f"{other}: ${other}")
                    head = f"{op} Matrix({', '.join(decls)})" if decls else f"{op} Matrix"
                    args = f"({', '.join(uses)})" if uses else ""
                    yield Call(fname, aname, f"{head} {{ {fname}{args}{sel} }}", variables)
