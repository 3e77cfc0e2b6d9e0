"""GraphQL `screen(identifiers: [...])`: the partner's batch check (the same service as `POST /api/screen`).

Refusals are GraphQL errors with a code: FORBIDDEN (not a partner key), BAD_USER_INPUT, LIMIT_EXCEEDED
(batch over the limit) and QUOTA_EXCEEDED (extensions.httpStatus 429: the same refusal as REST's 429).
"""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from api.limits import api_error
from api.screening.service import InputResult, RawInput, ScreeningError, ScreeningService


@strawberry.input(description="One thing to screen: a phone, e-mail, payment account or a person's name.")
class ScreenInput:
    value: str
    kind: str | None = strawberry.field(
        default=None, description="phone | email | account | name; guessed from the value when left out."
    )
    date_of_birth: str | None = strawberry.field(default=None, description="Names only: YYYY-MM-DD.")
    country: str | None = strawberry.field(default=None, description="Names only: ISO 3166 alpha-2, e.g. GB.")


@strawberry.type(description="How an input matched: exact normalised identifier, or a name with its score.")
class ScreenMatch:
    method: str
    score: float
    explanation: str


@strawberry.type(
    description="A hit's risk band (low | medium | high) from the hub's analytics, with reasons."
)
class ScreenRisk:
    band: str
    reasons: list[str]


@strawberry.type(description="The answer for one input, by its position in the request.")
class ScreenResult:
    index: int
    kind: str | None
    hit: bool
    normalised: str | None
    match: ScreenMatch | None
    risk: ScreenRisk | None
    reference: str | None = strawberry.field(description="Quote it to the hub's analysts (hits only).")
    next_step: str
    error: str | None


@strawberry.type(description="Quota of identifiers per month for this key.")
class ScreenQuota:
    used: int
    limit: int


@strawberry.type(description="One screening check: counts, quota and a result per input.")
class ScreenReport:
    reference: str
    partner: str
    purpose: str
    inputs: int
    hits: int
    invalid: int
    quota: ScreenQuota
    results: list[ScreenResult]


def _result(r: InputResult) -> ScreenResult:
    return ScreenResult(
        index=r.index, kind=r.kind, hit=r.hit, normalised=r.normalised,
        match=ScreenMatch(method=r.method or "", score=r.score or 0.0, explanation=r.explanation or "")
        if r.hit else None,
        risk=ScreenRisk(band=r.band or "", reasons=r.reasons) if r.hit else None,
        reference=r.reference, next_step=r.next_step, error=r.error,
    )  # fmt: skip


@strawberry.type
class ScreeningQuery:
    @strawberry.field(
        description=(
            "Partner keys only: screen up to 1,000 phones, e-mails, payment accounts or names. Per input: "
            "hit or not, the match explained, a risk band with reasons and what to do next; never evidence."
        )
    )
    async def screen(
        self,
        info: Info,
        identifiers: list[ScreenInput],
        region: Annotated[
            str | None,
            strawberry.argument(description="Default region of phones without +country code, e.g. GB."),
        ] = None,
    ) -> ScreenReport:
        service: ScreeningService = info.context.app_state.screening
        inputs = [RawInput(i.value, i.kind, i.date_of_birth, i.country) for i in identifiers]
        try:
            report = await service.screen(info.context.principal, inputs, region)
        except ScreeningError as error:
            raise api_error(error.code, error.message, httpStatus=error.status) from None
        return ScreenReport(
            reference=report.reference, partner=report.partner, purpose=report.purpose,
            inputs=len(report.results), hits=report.hits, invalid=report.invalid,
            quota=ScreenQuota(used=report.usage.used, limit=report.usage.quota),
            results=[_result(r) for r in report.results],
        )  # fmt: skip
