"""The benchmark's own Neo4j instance (separate data and ports; started with Lantern's launcher)."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import SecretStr

from graph.config import Settings


def bench_settings() -> Settings:
    base = Settings()
    bolt = int(os.environ.get("LANTERN_BENCH_NEO4J_BOLT_PORT", "7790"))
    return base.model_copy(
        update={
            "neo4j_uri": f"bolt://127.0.0.1:{bolt}",
            "neo4j_bolt_port": bolt,
            "neo4j_http_port": bolt + 1,
            "neo4j_instance_dir": Path(base.cache_dir / f"bench-instance-{bolt}"),
            "neo4j_password": SecretStr("lantern-bench-password"),
            "neo4j_heap": os.environ.get("LANTERN_BENCH_NEO4J_HEAP", "3g"),
            "neo4j_pagecache": "1g",
            "neo4j_query_timeout_s": 600.0,
            "api_port": int(os.environ.get("LANTERN_BENCH_API_PORT", "8790")),
        }
    )


def fresh_graph(db) -> None:  # type: ignore[no-untyped-def]
    """Empty graph, schema (constraints, indexes, typology nodes) applied."""
    from ontology.schema import apply_schema

    db.write("platform/drop_all_gds_graphs")
    db.write("platform/wipe_graph")
    apply_schema(db)
