"""The graph layer's configuration (Neo4j connection, the local server, ingest), from the environment
and `.env` with pydantic-settings.

Settings live with the layer that uses them: extraction/config.py (phone region, spaCy model),
graph/config.py (this file), api/config.py (the API and its state store; its `Settings` combines all
three and is what the CLI and the API read). Neo4j connection settings keep the names every Neo4j
tool uses (`NEO4J_URI`, `NEO4J_USER`, `NEO4J_PASSWORD`, `NEO4J_DATABASE`); everything else is
prefixed `LANTERN_`.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


def _default_cache_dir() -> Path:
    return Path.home() / ".cache" / "lantern"


class GraphSettings(BaseSettings):
    """What the graph layer reads: the Neo4j connection, the local server, ingest."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", env_prefix="LANTERN_", extra="ignore"
    )

    # --- Neo4j connection (standard Neo4j variable names, no prefix) ---
    neo4j_uri: str | None = Field(None, validation_alias=AliasChoices("NEO4J_URI", "LANTERN_NEO4J_URI"))
    """Default: bolt://127.0.0.1:<neo4j_bolt_port>, i.e. the local server `lantern neo4j` runs."""
    neo4j_user: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_USER", "LANTERN_NEO4J_USER"))
    neo4j_password: SecretStr = Field(
        SecretStr("lantern-dev-password"),
        validation_alias=AliasChoices("NEO4J_PASSWORD", "LANTERN_NEO4J_PASSWORD"),
    )
    neo4j_database: str = Field(
        "neo4j", validation_alias=AliasChoices("NEO4J_DATABASE", "LANTERN_NEO4J_DATABASE")
    )
    neo4j_query_timeout_s: float = 30.0
    neo4j_connection_timeout_s: float = 10.0
    """Opening one connection (TCP connect + Bolt handshake): a frozen server fails after this long."""
    neo4j_acquisition_timeout_s: float = 30.0
    """Waiting for a pooled connection (including opening it) before the driver gives up."""
    neo4j_max_retry_s: float = 15.0
    """How long the driver retries a managed transaction that failed on a transient error or a lost
    connection before giving up (`LANTERN_NEO4J_MAX_RETRY_S`; the driver's own default is 30 s, and a
    killed Neo4j kept `lantern ingest` retrying for 35-65 s: docs/design/reliability.md)."""

    # --- Local Neo4j server (built from Maven Central, no Docker) ---
    cache_dir: Path = Field(default_factory=_default_cache_dir)
    """Where the assembled Neo4j build and the Maven work directory live (outside the source tree)."""
    neo4j_instance_dir: Path | None = None
    """conf/, data/, logs/, run/ of the local server; default: `<cache_dir>/instance`."""
    neo4j_bolt_port: int = 7687
    neo4j_http_port: int = 7474
    neo4j_heap: str = "2g"
    neo4j_pagecache: str = "1g"
    neo4j_extra_conf: dict[str, str] = Field(default_factory=dict)
    """More neo4j.conf settings for a server Lantern starts (they override Lantern's own), e.g.
    `LANTERN_NEO4J_EXTRA_CONF='{"db.memory.transaction.total.max": "2g"}'`."""
    neo4j_start_timeout_s: float = 180.0
    java_home: Path | None = None
    maven_cmd: str = "mvn"

    # --- Ingest ---
    ingest_batch_size: int = 500
    ingest_quiet_gc: bool = True
    """`LANTERN_INGEST_QUIET_GC=0`: leave the garbage collector alone during ingest runs."""
    ingest_write_behind: bool = True
    """`LANTERN_INGEST_WRITE_BEHIND=0`: write each batch before reading the next (ingest/pipeline.py)."""

    @property
    def uri(self) -> str:
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.neo4j_bolt_port}"

    @property
    def instance_dir(self) -> Path:
        return self.neo4j_instance_dir or (self.cache_dir / "instance")

    @property
    def password(self) -> str:
        return self.neo4j_password.get_secret_value()


def get_graph_settings() -> GraphSettings:
    """Read afresh each call (a connection is opened rarely; tests change the environment)."""
    return GraphSettings()
