"""Partner screening in the API: batches, quota, matching, risk, audit — one path for GraphQL and REST.

What a partner's inputs touch: they are normalised and matched in this process against the hub's index
(graph/screening/index.py); only the entity ids of hits are sent to Neo4j (for their risk). The audit row
of a check holds the partner, the purpose, the counts and, for hits only, the hub entity id, kind and
reference; an input that did not match is in no row, log line, error message or Neo4j parameter.
Errors name an input by its position, never by its value.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

import phonenumbers

from api.audit_log import Disclosures
from api.auth import Principal, Role
from api.screening.config import ScreeningSettings
from api.screening.quota import QuotaExceeded, Usage, charge
from api.screening.refusals import audit_refusal
from graph.screening.identifiers import InputError, Normalised, normalise
from graph.screening.index import IDENTIFIER_CLASSES, PERSON_CLASSES, HubIndex, build_index, version_of
from graph.screening.matching import Match, match_all
from graph.screening.psi import HubPsi, request_size
from graph.screening.psi_store import PsiStore
from graph.screening.risk import risk_band

log = logging.getLogger("lantern.api.screening")


class ScreeningError(Exception):
    """A refused request: HTTP status, GraphQL code and a message that says what to do."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass(frozen=True)
class RawInput:
    value: str
    kind: str | None = None
    dob: str | None = None
    country: str | None = None


@dataclass
class InputResult:
    index: int
    kind: str | None
    hit: bool
    normalised: str | None = None
    method: str | None = None
    score: float | None = None
    explanation: str | None = None
    band: str | None = None
    reasons: list[str] = field(default_factory=list)
    reference: str | None = None
    next_step: str = ""
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "index": self.index, "kind": self.kind, "hit": self.hit, "normalised": self.normalised,
            "match": {"method": self.method, "score": self.score, "explanation": self.explanation}
            if self.hit else None,
            "risk": {"band": self.band, "reasons": self.reasons} if self.hit else None,
            "reference": self.reference, "nextStep": self.next_step, "error": self.error,
        }  # fmt: skip


@dataclass
class ScreenReport:
    reference: str
    partner: str
    purpose: str
    results: list[InputResult]
    usage: Usage

    @property
    def hits(self) -> int:
        return sum(r.hit for r in self.results)

    @property
    def invalid(self) -> int:
        return sum(r.error is not None for r in self.results)

    def as_dict(self) -> dict[str, Any]:
        return {
            "reference": self.reference, "partner": self.partner, "purpose": self.purpose,
            "inputs": len(self.results), "hits": self.hits, "invalid": self.invalid,
            "quota": {"used": self.usage.used, "limit": self.usage.quota},
            "results": [r.as_dict() for r in self.results],
        }  # fmt: skip


NO_HIT = "No record held by the hub for this input. A no-hit is not a clearance; nothing was stored about it."


def _require_partner(principal: Principal, audit: Any) -> tuple[str, str, int]:
    if (
        principal.role is not Role.PARTNER
        or not principal.partner
        or not principal.purpose
        or not principal.quota
    ):
        audit_refusal(audit, principal, 403, "not a partner key")
        raise ScreeningError(
            403,
            "FORBIDDEN",
            "Screening is for partner keys (issued with `lantern keys create --role partner --partner ORG "
            "--purpose TEXT --quota N`); hub staff use `search` instead.",
        )
    return principal.partner, principal.purpose, principal.quota


def _index_from(
    version: tuple[Any, ...], ids: list[dict[str, Any]], people: list[dict[str, Any]]
) -> HubIndex:
    """The index from the one-row answers of `screening/hub_identifiers` and `screening/hub_people`."""
    rows = [{"id": i} for i in ids[0]["ids"]] if ids else []
    return build_index(version, rows, people[0]["people"] if people else [])


def _region(region: str | None) -> str | None:
    if not region:
        return None
    code = region.strip().upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise ScreeningError(400, "BAD_USER_INPUT", "region must be an ISO 3166 alpha-2 code, e.g. GB or US.")
    return code


class ScreeningService:
    def __init__(self, state: Any, settings: ScreeningSettings) -> None:
        self.state, self.settings = state, settings
        store = PsiStore.in_dir(state.settings.state_path) if settings.psi_persist else None
        self.psi = HubPsi(settings.psi_max_stale_s, store)
        self._index: HubIndex | None = None
        self._checked_at = 0.0
        self._lock = asyncio.Lock()

    async def index(self) -> HubIndex:
        """The hub's index for the current graph version (rebuilt when the fingerprint changes)."""
        index = self._index
        if index is not None and time.monotonic() - self._checked_at < self.settings.version_check_s:
            return index
        async with self._lock:
            graph = self.state.graph
            version = version_of(await graph.read("screening/graph_version"))
            if self._index is None or self._index.version != version:
                limits = {
                    "timeout": self.settings.index_timeout_s,
                    "wait": self.settings.index_timeout_s + 10,
                }
                ids = await graph.read("screening/hub_identifiers", kinds=IDENTIFIER_CLASSES, **limits)
                people = await graph.read("screening/hub_people", kinds=PERSON_CLASSES, **limits)
                self._index = await asyncio.to_thread(_index_from, version, ids, people)
            self._checked_at = time.monotonic()
            return self._index

    def warm(self) -> None:
        """Read the hub index and build the PSI setup now, synchronously (a start-up thread runs it when a
        partner key exists or `LANTERN_SCREEN_PSI_WARM=1`, so no partner waits for the setup). Failures are
        logged: the first request then does the work."""
        graph = self.state.graph
        try:
            version = version_of(graph.read_sync("screening/graph_version"))
            timeout = self.settings.index_timeout_s
            ids = graph.read_sync("screening/hub_identifiers", timeout, kinds=IDENTIFIER_CLASSES)
            people = graph.read_sync("screening/hub_people", timeout, kinds=PERSON_CLASSES)
            index = _index_from(version, ids, people)
            self.psi.setup_for(index.version, index.identifiers)
        except Exception as exc:  # a start-up convenience must not stop the API
            log.warning(
                "could not prepare the PSI setup at start (%s); the first PSI request will build it", exc
            )
            return
        st = self.psi.status()
        log.info(
            "PSI setup ready: %d hub identifiers (%d taken from the PSI store, %d encrypted)",
            index.size, st["reused"], st["encrypted"],
        )  # fmt: skip

    def _check_batch(self, n: int, limit: int, what: str) -> None:
        if n == 0:
            raise ScreeningError(400, "BAD_USER_INPUT", f"No {what} given: send at least one.")
        if n > limit:
            raise ScreeningError(
                413, "LIMIT_EXCEEDED", f"{n} {what} in one request; at most {limit}: split the batch."
            )

    async def screen(
        self, principal: Principal, inputs: list[RawInput], region: str | None = None
    ) -> ScreenReport:
        """`region`: the default region of phones written without +country code (default: the hub's)."""
        partner, purpose, quota = _require_partner(principal, self.state.audit)
        self._check_batch(len(inputs), self.settings.max_batch, "inputs")
        region = _region(region) or self.state.settings.default_phone_region
        normalised: list[Normalised] = []
        results = [InputResult(i, None, False) for i in range(len(inputs))]
        for i, raw in enumerate(inputs):
            try:
                n = normalise(i, raw.value, raw.kind, region, raw.dob, raw.country)
            except InputError as exc:
                results[i].error = f"input {i}: {exc.reason}"
                results[i].next_step = "Correct the input and send it again (it was not screened or counted)."
                continue
            normalised.append(n)
            results[i].kind, results[i].normalised = n.kind, n.key.split(":", 1)[-1]
        index = await self.index()  # before the quota: a graph that cannot answer costs the partner nothing
        usage = await self._charge(principal, quota, len(normalised))
        hits = match_all(normalised, index, self.settings.name_threshold)
        contexts = {}
        if hits:
            rows = await self.state.graph.read(
                "screening/hit_context", ids=sorted({m.entity_id for m in hits})
            )
            contexts = {r["id"]: r for r in rows}
        check = f"SCR-{secrets.token_hex(5).upper()}"
        for m in hits:
            self._fill_hit(results[m.index], m, contexts.get(m.entity_id), check)
        for r in results:
            if not r.hit and r.error is None:
                r.next_step = NO_HIT
        report = ScreenReport(check, partner, purpose, results, usage)
        self._audit(
            principal, "screen", report.reference, partner, purpose, len(inputs), len(normalised), hits
        )
        return report

    async def _charge(self, principal: Principal, quota: int, n: int) -> Usage:
        try:
            return await asyncio.to_thread(charge, self.state.store, principal.key_name, quota, n)
        except QuotaExceeded as exc:
            audit_refusal(self.state.audit, principal, 429, "quota exceeded", inputs=n)
            raise ScreeningError(429, "QUOTA_EXCEEDED", str(exc)) from None

    def _fill_hit(self, r: InputResult, m: Match, context: dict[str, Any] | None, check: str) -> None:
        risk = risk_band(context)
        r.hit, r.method, r.score, r.explanation = True, m.method, m.score, m.explanation
        r.band, r.reasons = risk.band, risk.reasons
        r.reference = f"{check}-{m.index}"
        r.next_step = (
            f"Contact {self.settings.contact} quoting reference {r.reference}. Do not act on this result "
            "alone: the hub holds evidence it cannot share here, and an analyst will confirm the match."
        )

    def _audit(self, principal: Principal, operation: str, reference: str, partner: str, purpose: str,
               inputs: int, valid: int, hits: list[Match] | None, **extra: Any) -> None:  # fmt: skip
        """One audit row: partner, purpose, counts; for plain screening the hits (entity, reference) too."""
        d = Disclosures()
        if hits is not None:
            for m in hits:
                d.add(m.entity_id, "screening_hit")
            extra["hits"] = len(hits)
            extra["matches"] = [
                {"reference": f"{reference}-{m.index}", "entity_id": m.entity_id, "kind": m.kind,
                 "method": m.method, "score": m.score}
                for m in hits
            ]  # fmt: skip
        d.note(check=reference, partner=partner, purpose=purpose, inputs=inputs, screened=valid, **extra)
        self.state.audit.submit(principal.key_name, principal.role.value, operation, d)

    async def psi_round(self, principal: Principal, request: bytes) -> dict[str, Any]:
        """One PSI round: the hub's setup (cached per graph version) and its response to the request."""
        partner, purpose, quota = _require_partner(principal, self.state.audit)
        try:
            n = request_size(request)
        except ValueError as exc:
            raise ScreeningError(
                400, "BAD_USER_INPUT", f"{exc}; use `lantern screen --psi FILE.csv`."
            ) from None
        self._check_batch(n, self.settings.psi_max_batch, "PSI identifiers")
        index = await self.index()
        usage = await self._charge(principal, quota, n)
        setup = await asyncio.to_thread(self.psi.setup_for, index.version, index.identifiers)
        response = await asyncio.to_thread(self.psi.respond, setup, request)
        check = f"PSI-{secrets.token_hex(5).upper()}"
        # the hub learns nothing about which identifiers matched: the row holds counts only
        self._audit(principal, "screen psi", check, partner, purpose, n, n, None, hub_size=setup.size)
        return {
            "reference": check, "inputs": n, "hubSize": setup.size,
            "graphCurrent": setup.version == index.version,
            "quota": {"used": usage.used, "limit": usage.quota},
            "setup": base64.b64encode(setup.setup).decode(), "response": base64.b64encode(response).decode(),
            "nextStep": f"For any identifier the hub holds, contact {self.settings.contact} quoting {check} "
            "and the identifier: PSI tells the hub nothing about which ones matched.",
        }  # fmt: skip
