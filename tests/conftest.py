"""Test-suite set-up shared by unit and integration tests: the Cypher fixtures under tests/queries
join the catalog (they are test material, so they do not ship in queries/)."""

from __future__ import annotations

from graph import catalog as _catalog
from graph.config import REPO_ROOT

TEST_QUERIES = REPO_ROOT / "tests" / "queries"
if TEST_QUERIES not in _catalog.QUERY_ROOTS:
    _catalog.QUERY_ROOTS.append(TEST_QUERIES)
    _catalog.catalog.cache_clear()
