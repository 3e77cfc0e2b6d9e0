"""Per-request context: who is asking, the app's shared state, what personal data was revealed."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from strawberry.fastapi import BaseContext

from api.audit_log import AuditWriter, Disclosures
from api.auth import KeyCache, Principal, Role
from api.config import Settings
from api.graph_access import GraphAccess
from api.graphql.lexicon import LexiconCache
from api.limits import api_error
from api.state import StateStore


@dataclass
class AppState:
    settings: Settings
    graph: GraphAccess
    store: StateStore
    keys: KeyCache
    audit: AuditWriter
    lexicon: LexiconCache = field(default_factory=LexiconCache)
    lane: Any = None
    """The heavy lane (api/lane.py), set by the request guard."""
    analysis_lock: threading.Lock = field(default_factory=threading.Lock)
    """Held while `runAnalysis` runs: a second one is refused (BUSY) instead of racing the first."""
    screening: Any = None
    """Partner screening (api/screening/service.py), set by `api.screening.install`."""


class LanternContext(BaseContext):
    def __init__(self, app_state: AppState, principal: Principal) -> None:
        super().__init__()
        self.app_state = app_state
        self.principal = principal
        self.disclosures = Disclosures()

    @property
    def role(self) -> Role:
        return self.principal.role

    @property
    def settings(self) -> Settings:
        return self.app_state.settings

    @property
    def graph(self) -> GraphAccess:
        return self.app_state.graph

    @property
    def store(self) -> StateStore:
        return self.app_state.store

    def require(self, allowed: frozenset[Role], action: str) -> None:
        """403-style GraphQL error unless the caller's role is allowed."""
        if self.role not in allowed:
            names = ", ".join(sorted(r.value for r in allowed))
            raise api_error(
                "FORBIDDEN",
                f"Role '{self.role.value}' may not {action}; it needs one of: {names}. "
                "Ask an admin for a key with that role (`lantern keys create`).",
            )
