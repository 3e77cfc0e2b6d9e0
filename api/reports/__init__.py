"""Anonymous public sighting reports: `POST /api/reports`, the form at `/report`, the moderation queue.

* `model`      — what a report may contain (validation, the coarse cell coordinates are rounded to);
* `ratelimit`  — per-client limits keyed on a salted in-memory hash of the address (never stored);
* `queue`      — the moderation queue in the API's SQLite state store (no client data in it);
* `moderation` — accept (extract + ingest as an `lt:SightingReport` document) or reject as spam;
* `routes`     — the HTTP endpoints; `graphql` — moderation queries and mutations;
* `install(app, state)` wires them into the app (api/app.py calls it).

Design: docs/design/live-hub.md; partner guide: docs/guide/live-hub.md.
"""

from api.reports.service import install

__all__ = ["install"]
