"""Settings of partner screening (`LANTERN_SCREEN_*`, environment or `.env`)."""

from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class ScreeningSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", env_prefix="LANTERN_SCREEN_", extra="ignore"
    )

    max_batch: int = 1_000
    """Most inputs in one `screen` / `POST /api/screen` request."""
    psi_max_batch: int = 50_000
    """Most identifiers in one PSI request (`lantern screen --psi` splits larger files)."""
    name_threshold: float = 88.0
    """Lowest rapidfuzz token_sort_ratio (0-100) that counts as a name hit."""
    version_check_s: float = 2.0
    """How long the hub index is trusted before the graph's fingerprint is read again."""
    psi_max_stale_s: float = 600.0
    """After a graph change, PSI answers from the previous version's setup for at most this many seconds
    while the new one is built in the background (0: every request waits for the current version)."""
    psi_warm: bool | None = None
    """Build the PSI setup in a background thread when the API starts. Unset (the default): when the
    state database holds an unrevoked partner key; 1 / 0 force it on or off. /readyz says how far it is."""
    psi_persist: bool = True
    """Keep the PSI key and the hub's encrypted set in `<state_dir>/screening-psi.bin` (0600), so a
    restart encrypts only what changed (docs/design/screening.md). 0: a new key per process, nothing on
    disk (the first setup after every start is O(hub))."""
    index_timeout_s: float = 120.0
    """Longest the hub index's two reads may take (all identifiers, all people: one list each)."""
    contact: str = "the hub's analysts (analysts@lantern-hub.example.org)"
    """Who a partner contacts about a hit (said in every hit's next step)."""


@lru_cache(maxsize=1)
def get_screening_settings() -> ScreeningSettings:
    return ScreeningSettings()
