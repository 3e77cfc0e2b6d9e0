"""The Cypher catalog: every statement Lantern runs lives in `queries/**/*.cypher`.

One statement per file (files under `queries/schema/` may hold several, split on `;`). Each file
starts with a header comment that analysts also read in Neo4j Browser:

    // name: ingest/merge_documents
    // description: Upsert Document nodes keyed on id.
    // params: rows (list of maps: id, title, ...)
    // returns: count of documents written
    // mode: write            (read | write | schema; default read)

Values only ever reach Cypher as `$parameters`; labels and relationship types that vary are passed
as parameters too and used with Cypher 5.26 dynamic labels `$(...)` after ontology validation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph.config import REPO_ROOT

QUERIES_DIR = REPO_ROOT / "queries"
QUERY_ROOTS: list[Path] = [QUERIES_DIR]
"""Directories the process-wide :func:`catalog` reads, each giving names relative to itself. The test
suite adds tests/queries (its fixtures: `api/test_sleep`, `schema/test_fixture_small_graph`, ...)."""
_HEADER = re.compile(r"^//\s*(\w+)\s*:\s*(.*)$")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


class UnknownQueryError(KeyError):
    """Raised for a query name that is not in the catalog; the message lists close names."""


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    path: Path
    description: str = ""
    params_doc: str = ""
    returns: str = ""
    mode: str = "read"
    params: tuple[str, ...] = field(default=())

    @property
    def statements(self) -> list[str]:
        """Statements in this file (several only for schema files)."""
        body = "\n".join(line for line in self.text.splitlines() if not line.lstrip().startswith("//"))
        return [s.strip() for s in body.split(";") if s.strip()]


def parse_query(path: Path, root: Path = QUERIES_DIR) -> Query:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    for line in text.splitlines():
        m = _HEADER.match(line.strip())
        if m:
            key = m.group(1).lower()
            meta[key] = (meta[key] + " " + m.group(2).strip()) if key in meta else m.group(2).strip()
        elif line.strip() and not line.strip().startswith("//"):
            break
    name = path.relative_to(root).with_suffix("").as_posix()
    if meta.get("name") and meta["name"] != name:
        raise ValueError(f"{path}: header name '{meta['name']}' does not match its path name '{name}'")
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return Query(
        name=name,
        text=text,
        path=path,
        description=meta.get("description", ""),
        params_doc=meta.get("params", ""),
        returns=meta.get("returns", ""),
        mode=meta.get("mode", "read").lower(),
        params=tuple(sorted(set(_PARAM.findall(code)))),
    )


class Catalog:
    def __init__(self, root: Path = QUERIES_DIR, *more_roots: Path) -> None:
        self.root = root
        self._queries = {
            q.name: q
            for r in (root, *more_roots)
            for q in (parse_query(p, r) for p in sorted(r.rglob("*.cypher")))
        }

    def get(self, name: str) -> Query:
        try:
            return self._queries[name]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(name, self._queries, n=3)
            hint = f" Did you mean: {', '.join(close)}?" if close else " See `lantern queries list`."
            raise UnknownQueryError(f"No query named '{name}' in {self.root}.{hint}") from None

    def names(self, prefix: str = "") -> list[str]:
        return sorted(n for n in self._queries if n.startswith(prefix))

    def __iter__(self):
        return iter(self._queries.values())

    def __len__(self) -> int:
        return len(self._queries)


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    return Catalog(*QUERY_ROOTS)
