"""Retention on a schedule: a daemon thread in the API process (`lantern serve`) applies the retention
rules (graph/gdpr/retention.py, `LANTERN_RETENTION_RULES`) every `LANTERN_RETENTION_INTERVAL_S` seconds
(default daily; 0 turns it off) and writes each run that changed something to the audit log."""

from __future__ import annotations

import logging
import threading
from typing import Any

from api.audit_log import Disclosures, append, audit_row
from graph.gdpr.retention import RetentionSettings, apply_retention, plan_retention

log = logging.getLogger("lantern.gdpr")


def run_once(db: Any, store: Any, settings: RetentionSettings) -> dict[str, int]:
    """Apply the rules once; audit what changed (nothing is written when nothing expired)."""
    plan = plan_retention(db, settings.retention_rules)
    if not plan:
        return {}
    counts = apply_retention(db, plan)
    note = Disclosures()
    note.note(rules=[r.model_dump() for r in settings.retention_rules], **counts)
    append(store, [audit_row("api:retention", "operator", "gdpr-retention", note)])
    return counts


class RetentionScheduler:
    def __init__(self, db_factory: Any, store: Any, settings: RetentionSettings) -> None:
        self._db_factory, self.store, self.settings = db_factory, store, settings
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="lantern-retention", daemon=True)

    def start(self) -> RetentionScheduler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self.settings.retention_interval_s):
            try:
                counts = run_once(self._db_factory(), self.store, self.settings)
                if counts:
                    log.info("retention: %s", counts)
            except Exception as exc:  # Neo4j down, store closed: try again next period
                log.warning("retention run failed: %s", exc)


def install(state: Any, settings: RetentionSettings | None = None) -> RetentionScheduler | None:
    """Start the scheduler when rules exist and the interval is positive; the first run is one interval
    after start-up (a restart does not apply the rules twice in a row)."""
    s = settings or RetentionSettings()
    if not s.retention_rules or s.retention_interval_s <= 0:
        return None
    state.retention_scheduler = RetentionScheduler(state.graph.database, state.store, s).start()
    return state.retention_scheduler
