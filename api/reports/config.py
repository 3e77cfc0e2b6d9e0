"""Settings of the public report endpoint (`LANTERN_REPORTS_*`, environment or `.env`)."""

from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class ReportSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", env_prefix="LANTERN_REPORTS_", extra="ignore"
    )

    rate: str = "5/minute;30/hour"
    """Per-client limit (`limits` notation; several separated by `;`)."""
    global_rate: str = "600/minute"
    """All clients together: a ceiling against a distributed flood."""
    max_body_bytes: int = 16_384
    """Larger request bodies get 413 before they are parsed."""
    max_text_chars: int = 4_000
    """A longer `text` gets 413."""
    cell_degrees: float = 0.1
    """Coordinates are snapped to the centre of a cell this many degrees wide (≈ 11 km N-S) before storage."""


@lru_cache(maxsize=1)
def get_report_settings() -> ReportSettings:
    return ReportSettings()
