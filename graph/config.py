"""Lantern configuration: environment variables and `.env`, read with pydantic-settings.

Neo4j connection settings keep the names every Neo4j tool uses (`NEO4J_URI`, `NEO4J_USER`,
`NEO4J_PASSWORD`, `NEO4J_DATABASE`); everything else is prefixed `LANTERN_`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


def _default_cache_dir() -> Path:
    return Path.home() / ".cache" / "lantern"


class Settings(BaseSettings):
    """All settings, one object. Read once per process with :func:`get_settings`."""

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

    # --- Extraction ---
    default_phone_region: str = "US"
    """Region used to read national phone numbers when the document does not say (ISO 3166 alpha-2)."""
    spacy_model: str = "en_core_web_sm"

    # --- Ingest ---
    ingest_batch_size: int = 500

    # --- API ---
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    max_query_depth: int = 8
    max_aliases: int = 20
    max_page_size: int = 200
    api_query_timeout_s: float = 15.0
    """Server-side timeout of every Cypher query the API runs (seconds)."""
    api_fast_path: bool = True
    """`LANTERN_API_FAST_PATH=0` turns api/fast_graphql.py off (every request takes Strawberry's router)."""
    api_planned_completion: bool = True
    """`LANTERN_API_PLANNED_COMPLETION=0` turns api/graphql/execution.py off (graphql-core completes all)."""
    state_dir: Path | None = None
    """API keys, the audit log and the pseudonym secret (SQLite); default: `<cache_dir>/state`."""

    @property
    def uri(self) -> str:
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.neo4j_bolt_port}"

    @property
    def instance_dir(self) -> Path:
        return self.neo4j_instance_dir or (self.cache_dir / "instance")

    @property
    def state_path(self) -> Path:
        return self.state_dir or (self.cache_dir / "state")

    @property
    def password(self) -> str:
        return self.neo4j_password.get_secret_value()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
