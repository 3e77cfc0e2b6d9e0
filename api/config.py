"""Settings of the API and the CLI: every layer's settings in one object (graph/config.py,
extraction/config.py) plus the API's own. Read once per process with :func:`get_settings`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

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
