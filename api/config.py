"""Settings of the API and the CLI: every layer's settings in one object (graph/config.py,
extraction/config.py) plus the API's own. Read once per process with :func:`get_settings`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from extraction.config import ExtractionSettings
from graph.config import GraphSettings


class Settings(GraphSettings, ExtractionSettings):
    """All settings, one object: the graph layer's, extraction's and the API's."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", env_prefix="LANTERN_", extra="ignore"
    )

    api_host: str = "127.0.0.1"
    api_port: int = 8000
    max_query_depth: int = 8
    max_aliases: int = 20
    max_page_size: int = 200
    api_query_timeout_s: float = 15.0
    """Server-side timeout of every Cypher query the API runs (seconds)."""
    api_graph_wait_s: float = 17.0
    """Longest the API waits for Neo4j on a read (connection acquisition + query + results), client
    side: a frozen or unreachable server answers GRAPH_UNAVAILABLE after this long. Keep it above
    `api_query_timeout_s` so a slow query ends with the server's QUERY_TIMEOUT first."""
    api_ready_timeout_s: float = 5.0
    """Longest /readyz waits for Neo4j before it answers 503."""
    api_max_body_bytes: int = 2_097_152
    """Largest request body (bytes); larger ones get 413 before anything is parsed."""
    api_max_query_chars: int = 20_000
    """Longest GraphQL query text (characters; variables not counted)."""
    api_max_tokens: int = 3_000
    """Most lexical tokens in a query text: parsing stops there (graphql-core `max_tokens`)."""
    api_max_fields: int = 500
    """Most field selections in one operation (fragments expanded), counted before validation."""
    api_cost_budget: dict[str, int] = Field(
        default_factory=lambda: {
            "admin": 100_000,
            "investigator": 100_000,
            "analyst": 50_000,
            "auditor": 50_000,
        }
    )
    """Per-role budget of the estimated cost of one operation (see api/cost.py; rows x depth)."""
    api_heavy_cost: int = 5_000
    """Operations estimated at or above this cost run in the heavy lane (own thread and event loop)."""
    api_heavy_concurrency: int = 1
    """Heavy operations executing at once (all keys); further heavy requests wait their turn."""
    api_heavy_connections: int = 1
    """Neo4j reads the heavy lane runs at once (its own driver's pool size; further reads of heavy
    operations queue in the lane, not in Neo4j): a heavy operation's 200 `evidence` reads must not take
    every Neo4j worker thread while cheap queries wait for a core (docs/design/api-limits.md)."""
    api_rate_limit: str = "600/minute"
    """Requests per key (per client address without a valid key), `limits` notation, e.g. `10/second`."""
    api_row_budget: str = "60000/minute"
    """Rows (and list items in them) one key may read from Neo4j per window, `limits` notation; charged
    after each request with what its resolvers actually read (api/meter.py). Used up → 429."""
    api_max_concurrent_per_key: int = 4
    """Requests of one key in flight at once; one more gets 429."""
    api_fast_path: bool = True
    """`LANTERN_API_FAST_PATH=0` turns api/fast_graphql.py off (every request takes Strawberry's router)."""
    state_dir: Path | None = None
    """API keys, the audit log and the pseudonym secret (SQLite); default: `<cache_dir>/state`."""

    @property
    def state_path(self) -> Path:
        return self.state_dir or (self.cache_dir / "state")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
