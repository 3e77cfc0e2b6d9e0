"""Settings for the Neo4j instance the integration tests use.

Tests never touch the user's own database: they run a separate instance (own data directory and
ports) started by the same code users run (`graph.neo4j_server`). Override the ports with
LANTERN_TEST_NEO4J_BOLT_PORT / LANTERN_TEST_NEO4J_HTTP_PORT to run several test sessions at once.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import SecretStr

from api.config import Settings


def test_settings() -> Settings:
    base = Settings()
    bolt = int(os.environ.get("LANTERN_TEST_NEO4J_BOLT_PORT", "7688"))
    http = int(os.environ.get("LANTERN_TEST_NEO4J_HTTP_PORT", "7475"))
    inst = os.environ.get("LANTERN_TEST_NEO4J_INSTANCE_DIR") or str(base.cache_dir / f"test-instance-{bolt}")
    return base.model_copy(
        update={
            "neo4j_uri": f"bolt://127.0.0.1:{bolt}",
            "neo4j_bolt_port": bolt,
            "neo4j_http_port": http,
            "neo4j_instance_dir": Path(inst),
            "neo4j_password": SecretStr(
                os.environ.get("LANTERN_TEST_NEO4J_PASSWORD", "lantern-test-password")
            ),
            "neo4j_database": "neo4j",
            "neo4j_heap": os.environ.get("LANTERN_TEST_NEO4J_HEAP", "1g"),
            "neo4j_pagecache": "256m",
            "api_port": int(os.environ.get("LANTERN_TEST_API_PORT", "8765")),
        }
    )
