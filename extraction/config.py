"""The extraction layer's settings (environment / `.env`, prefix `LANTERN_`).

Extraction code takes these as arguments (a region, a model name); the CLI and the API read the
defaults from here through `api.config.Settings`, which combines every layer's settings.
"""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class ExtractionSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", env_prefix="LANTERN_", extra="ignore"
    )

    default_phone_region: str = "US"
    """Region used to read national phone numbers when the document does not say (ISO 3166 alpha-2)."""
    spacy_model: str = "en_core_web_sm"
    extract_doc_timeout_s: float = 120.0
    """Time budget of Lantern's rules for one document: past it the document ends with an error
    (stage `timeout`) and the run goes on (issue 23). 0 turns the budget off."""
