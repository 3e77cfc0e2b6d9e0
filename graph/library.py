"""The analysts' Cypher library: `queries/library/*.cypher`, read by the CLI, the API and Neo4j Browser.

Each file documents its parameters, one header line each, in a form people and this module read:

    // params: phone (string; e.g. "+447700900123") — the number, E.164
    // params: limit (int; default 50; e.g. 50) — maximum rows

Types: string, int, float, bool, date (ISO string), list (JSON list, or comma-separated on the CLI).
A parameter without a default is required. :func:`run_library_query` fills defaults, converts
`k=v` strings to the declared types and runs the query in a read transaction.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.catalog import Catalog, Query, catalog
from graph.db import Runner

LIBRARY_PREFIX = "library/"
PARAM_TYPES = ("string", "int", "float", "bool", "date", "list")
_PARAM_LINE = re.compile(r"^//\s*params\s*:\s*(\w+)\s*\(([^)]*)\)\s*(?:—|--|-)?\s*(.*)$")
_MISSING = object()


class LibraryParamError(ValueError):
    """A parameter is missing or cannot be converted; the message names it and shows an example."""


@dataclass(frozen=True)
class ParamSpec:
    name: str
    type: str
    description: str = ""
    example: Any = None
    default: Any = _MISSING

    @property
    def required(self) -> bool:
        return self.default is _MISSING

    def describe(self) -> str:
        bits = [self.type]
        if not self.required:
            bits.append(f"default {json.dumps(self.default)}")
        if self.example is not None:
            bits.append(f"e.g. {json.dumps(self.example)}")
        return f"{self.name} ({'; '.join(bits)})"


@dataclass(frozen=True)
class LibraryQuery:
    query: Query
    params: tuple[ParamSpec, ...]

    @property
    def name(self) -> str:
        """Short name without the `library/` prefix (what `lantern queries run` takes)."""
        return self.query.name.removeprefix(LIBRARY_PREFIX)

    @property
    def description(self) -> str:
        return self.query.description

    @property
    def returns(self) -> str:
        return self.query.returns

    @property
    def cypher(self) -> str:
        """The statement without its header comments."""
        lines = self.query.text.splitlines()
        return "\n".join(ln for ln in lines if not ln.lstrip().startswith("//")).strip()

    def example_params(self) -> dict[str, Any]:
        """Example values for every parameter (the example, else the default)."""
        return {p.name: p.example if p.example is not None else p.default for p in self.params}


def _literal(text: str) -> Any:
    text = text.strip()
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text.strip("\"'")


def parse_param_specs(query: Query) -> tuple[ParamSpec, ...]:
    specs: list[ParamSpec] = []
    for line in query.text.splitlines():
        m = _PARAM_LINE.match(line.strip())
        if not m:
            continue
        name, inside, description = m.group(1), m.group(2), m.group(3).strip()
        parts = [p.strip() for p in inside.split(";") if p.strip()]
        ptype = parts[0].lower() if parts else "string"
        if ptype not in PARAM_TYPES:
            raise ValueError(f"{query.path}: parameter '{name}' has unknown type '{ptype}' ({PARAM_TYPES})")
        default: Any = _MISSING
        example: Any = None
        for part in parts[1:]:
            if part.startswith("default"):
                default = _literal(part.removeprefix("default"))
            elif part.startswith("e.g."):
                example = _literal(part.removeprefix("e.g."))
        specs.append(ParamSpec(name, ptype, description, example, default))
    return tuple(specs)


def library(queries: Catalog | None = None) -> dict[str, LibraryQuery]:
    """Every library query by short name, sorted."""
    cat = queries or catalog()
    out: dict[str, LibraryQuery] = {}
    for name in cat.names(LIBRARY_PREFIX):
        q = cat.get(name)
        lq = LibraryQuery(q, parse_param_specs(q))
        out[lq.name] = lq
    return out


def get_library_query(name: str, queries: Catalog | None = None) -> LibraryQuery:
    """Look up by short name (`phone_network`) or full catalog name (`library/phone_network`)."""
    lib = library(queries)
    short = name.removeprefix(LIBRARY_PREFIX)
    if short not in lib:
        import difflib

        close = difflib.get_close_matches(short, lib, n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else " See `lantern queries list`."
        raise LibraryParamError(f"No library query named '{name}'.{hint}")
    return lib[short]


def coerce(spec: ParamSpec, value: Any) -> Any:
    """Convert a CLI/API value to the declared type; raise LibraryParamError with an example."""
    hint = f"parameter '{spec.name}' expects {spec.type}" + (
        f", e.g. {spec.name}={json.dumps(spec.example)}" if spec.example is not None else ""
    )
    try:
        if spec.type == "list":
            if isinstance(value, list):
                return value
            text = str(value).strip()
            if text.startswith("["):
                parsed = json.loads(text)
                if not isinstance(parsed, list):
                    raise ValueError("not a list")
                return parsed
            return [v.strip() for v in text.split(",") if v.strip()]
        if spec.type == "int":
            if isinstance(value, bool):
                raise ValueError("bool")
            return int(value)
        if spec.type == "float":
            return float(value)
        if spec.type == "bool":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in {"true", "1", "yes", "y"}:
                return True
            if text in {"false", "0", "no", "n"}:
                return False
            raise ValueError(text)
        if spec.type == "date":
            return date.fromisoformat(str(value).strip()).isoformat()
        return str(value)
    except (ValueError, TypeError, json.JSONDecodeError) as exc:
        raise LibraryParamError(f"Bad value {value!r}: {hint}.") from exc


def resolve_params(query: LibraryQuery, given: dict[str, Any]) -> dict[str, Any]:
    """Declared parameters with defaults filled and values converted; unknown or missing ones raise."""
    known = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise LibraryParamError(
            f"Unknown parameter(s) {', '.join(unknown)} for '{query.name}'. "
            f"It takes: {', '.join(p.describe() for p in query.params) or 'no parameters'}."
        )
    out: dict[str, Any] = {}
    for spec in query.params:
        if spec.name in given:
            out[spec.name] = coerce(spec, given[spec.name])
        elif not spec.required:
            out[spec.name] = spec.default
        else:
            raise LibraryParamError(
                f"Missing parameter '{spec.name}' for '{query.name}': --param {spec.name}="
                f"{json.dumps(spec.example) if spec.example is not None else '...'}"
            )
    return out


def parse_cli_params(pairs: list[str]) -> dict[str, str]:
    """`["k=v", "ids=[\"a\",\"b\"]"]` → {"k": "v", ...}; values stay strings until :func:`coerce`."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise LibraryParamError(f"Bad --param '{pair}': write it as NAME=VALUE, e.g. --param limit=10")
        out[key.strip()] = value
    return out


PHONE_PARAMS = {"phone"}


def normalise_phone_params(db: Runner, params: dict[str, Any], region: str) -> dict[str, Any]:
    """A phone parameter in any format becomes the stored E.164 value, read the way the API's `search` reads
    it (graph/resolve_keys.py): '07700 900101' → '+447700900101' even under a US default region."""
    from graph.resolve_keys import phone_digits, phone_from_matches

    out = dict(params)
    for key in PHONE_PARAMS & set(out):
        text = str(out[key]).strip()
        if text.startswith("phone:") or not phone_digits(text):
            continue
        digits = phone_digits(text)  # national digits match Phone nodes only
        rows = db.read("api/search_exact", values=[], digits=digits, kinds=[], exclude_kinds=[], limit=5)
        stored = [str(r["entity"].get("value")) for r in rows]
        out[key] = phone_from_matches(text, region, stored) or text
    return out


def run_library_query(
    db: Runner, name: str, params: dict[str, Any] | None = None, region: str = "US"
) -> list[dict[str, Any]]:
    """Run a library query by name with typed parameters (read transaction); phone numbers normalised."""
    query = get_library_query(name)
    typed = normalise_phone_params(db, resolve_params(query, params or {}), region)
    return db.read(query.query.name, **typed)
