"""Partner screening: `POST /api/screen`, `POST /api/screen/psi`, GraphQL `screen`, the partner scope.

* `config`  — `LANTERN_SCREEN_*` settings (batch limits, name threshold, the analysts' contact);
* `quota`   — identifiers per partner key per month, booked in the state store;
* `service` — batch → normalise → quota → match (graph/screening) → risk band → audit row;
* `routes`  — the REST endpoints; `graphql` — the `screen` query; `scope` — refusing partner keys
  everywhere else (graph/privacy.py's ROLE_SCOPES is the policy).

Design: docs/design/screening.md; how-to: docs/guide/screening.md.
"""

from __future__ import annotations

import threading
from typing import Any

from fastapi import FastAPI

from api.screening.config import get_screening_settings
from api.screening.service import ScreeningService


def install(app: FastAPI, state: Any) -> None:
    from api.screening.routes import router

    settings = get_screening_settings()
    service = app.state.screening = state.screening = ScreeningService(state, settings)
    app.include_router(router)
    if _warm_at_start(settings.psi_warm, state.store):
        threading.Thread(target=service.warm, name="lantern-psi-warm", daemon=True).start()


def _warm_at_start(setting: bool | None, store: Any) -> bool:
    """`LANTERN_SCREEN_PSI_WARM` when set; otherwise whether any unrevoked partner key exists (a hub with
    partners builds its PSI setup at start, one without pays nothing)."""
    if setting is not None:
        return setting
    from api.auth import list_keys

    return any(k.role == "partner" and not k.revoked_at for k in list_keys(store))
