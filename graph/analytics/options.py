"""Analytics options: which nodes form networks, hub thresholds, algorithm parameters.

Read from the environment / `.env` with the `LANTERN_` prefix (e.g. `LANTERN_HUB_MAX_DOC_FRACTION=0.2`),
overridable per run (`lantern analyze --hub-max-doc-fraction 0.2`).
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from ontology.names import C

STEPS = ("networks", "communities", "centrality", "similarity", "hotspots", "routes", "risk")
"""Analysis steps in run order; `--only` picks a subset (networks is implied by the graph steps)."""

GRAPH_STEPS = ("networks", "communities", "centrality", "similarity", "risk")
PERPETRATOR_ROLES = ("Recruiter", "Transporter", "Exploiter", "Harbourer", "Financier", "Facilitator")


class AnalysisOptions(BaseSettings):
    """Everything `lantern analyze` can be told; defaults suit a corpus of tens to thousands of documents."""

    model_config = SettingsConfigDict(env_file=".env", env_prefix="LANTERN_", extra="ignore")

    network_labels: list[str] = Field(default=[C.Person, C.Organization, C.Identifier, C.Address])
    """Entity classes that form linked networks (others, e.g. cities, never link cases)."""
    hub_exclude_labels: list[str] = Field(default=[C.Authority, C.NGO, C.Country, C.Region, C.City])
    """Classes that never link cases: institutions and generic places."""
    hub_names: list[str] = Field(
        default=["WhatsApp", "Telegram", "Signal", "Viber", "Facebook", "Instagram", "TikTok", "Snapchat",
                 "WeChat", "Skype", "Gmail", "Craigslist", "PayPal", "Western Union", "MoneyGram"]
    )  # fmt: skip
    """Generic platforms and services (case-insensitive names): used by everyone, they link no case."""
    hub_name_patterns: list[str] = Field(
        default=[
            r"(jane|john|baby) doe( #?\d+| [a-z])?",
            r"(minor |adult )?victims?( #?\d+| [a-z])?",
            r"unknown( person)?",
        ]
    )
    """Regular expressions (whole lower-case name) for anonymised placeholders: "Jane Doe 1" is not one
    person across cases."""
    hub_max_doc_fraction: float = 0.25
    """An entity mentioned in more than this share of all documents is a hub ..."""
    hub_min_docs: int = 5
    """... provided it appears in at least this many documents (small corpora have no hubs by share)."""
    hub_context: bool = True
    """Officials (not accused), streets (an Address without a number) and identifiers an agency or official
    uses (contact lines) never link cases. False leaves them to the other rules."""
    hub_agency_domain: str = r".*\.(gov|mil)(\.[a-z]{2})?$|.*\.police\.uk$"
    """Websites and e-mail addresses on these domains (whole lower-case value) are agency contact lines."""
    hub_source_min_unrelated: int = 2
    """An identifier, organisation or person that nobody but officials and agencies uses, owns or is linked
    to, in at least this many unrelated documents of one source (documents that share no person with a
    suspect role), is a hub of that source: a press line, a hotline, a press contact, the office, a platform.
    0 turns the per-source rule off."""
    hub_max_degree: int = 50
    """An entity with more typed links than this is a hub (a spokesperson's phone, a big employer)."""
    community_algorithm: str = "leiden"
    """leiden (seeded, reproducible) or louvain."""
    leiden_gamma: float = 0.5
    """Leiden resolution. At 1.0 modularity splits every sparse evidence chain (recruiter — phone — driver —
    victim) into two or three "communities" that are halves of one organisation (seed: each 13-member
    planted network became 9 + 4, ARI 0.73); 0.5 keeps an organisation whole and still separates two
    networks joined only through a broker (seed: ARI 1.0 through real extraction and with planted facts).
    Raise it to look for finer sub-groups inside a large network."""
    random_seed: int = 42
    pagerank_damping: float = 0.85
    betweenness_exact_max_nodes: int = 20000
    """Up to this many nodes betweenness is exact; above, it samples this many source nodes."""
    similarity_cutoff: float = 0.5
    similarity_top_k: int = 5
    concurrency: int = Field(default=4, ge=1, le=4)
    """Open-source GDS allows at most 4."""
    community_concurrency: int = Field(default=1, ge=1, le=4)
    """Threads of the community step. 1: the same graph always gives the same communities; Leiden and
    Louvain with more threads depend on thread scheduling (docs/design/reliability.md)."""
    max_heap_percentage: float = 80.0
    """Refuse to run when the projection or an algorithm is estimated to need more of the heap than this."""
    window_days: int = 365
    """Hotspot time window (days); trends compare with the window before."""
    write_batch_size: int = 2000
    query_timeout_s: float = 900.0
    """Server-side timeout of each analytics statement (projection and algorithms run long on big graphs)."""


def load_options(**overrides: object) -> AnalysisOptions:
    """Options from the environment, with non-None overrides (from the CLI or a caller) applied."""
    base = AnalysisOptions()
    clean = {k: v for k, v in overrides.items() if v is not None}
    return base.model_copy(update=clean) if clean else base
