"""A small fictional world of extraction results, for tests, demos and the benchmark.

Names are invented, phones come from reserved ranges (+44 7700 900xxx, US 555-01xx) and domains are
example.com / example.org. `make_result` computes character offsets from the surface text.
"""

from __future__ import annotations

from typing import Any

from extraction.models import (
    Classification,
    EntityMention,
    ExtractionResult,
    IndicatorMention,
    RelationMention,
    TypeLabel,
)

Ent = tuple[Any, ...]
"""(id, type, surface, value[, attributes]) — value None means "same as surface"; surface may be
"text@n" for the n-th occurrence (0-based)."""


def _find(text: str, surface: str) -> tuple[int, int, str]:
    occurrence = 0
    if "@" in surface and surface.rsplit("@", 1)[1].isdigit():
        surface, n = surface.rsplit("@", 1)
        occurrence = int(n)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface), surface


def make_result(
    doc_id: str,
    text: str,
    entities: list[Ent],
    relations: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    *,
    types: list[str] = (),  # type: ignore[assignment]
    indicators: list[tuple[str, str]] = (),  # type: ignore[assignment]
    title: str | None = None,
    published: str | None = "2024-01-15",
    doc_type: str | None = "NewsArticle",
) -> ExtractionResult:
    mentions: list[EntityMention] = []
    for ent in entities:
        eid, etype, surface, value = ent[:4]
        attrs = dict(ent[4]) if len(ent) > 4 else {}
        ref = attrs.pop("ref", None)
        start, end, found = _find(text, surface)
        mentions.append(
            EntityMention(
                id=eid,
                type=etype,
                text=found,
                start=start,
                end=end,
                value=value or found,
                confidence=0.9,
                ref=ref,
                attributes=attrs,
            )
        )
    by_id = {m.id: m for m in mentions}
    rels = []
    for n, (rtype, src, dst) in enumerate(relations):
        s = min(by_id[src].start, by_id[dst].start)
        e = max(by_id[src].end, by_id[dst].end)
        rels.append(
            RelationMention(id=f"r{n}", type=rtype, source=src, target=dst, start=s, end=e, confidence=0.8)
        )
    inds = []
    for itype, surface in indicators:
        start, end, found = _find(text, surface)
        inds.append(IndicatorMention(type=itype, start=start, end=end, text=found))
    return ExtractionResult(
        id=doc_id,
        text=text,
        title=title or f"Report {doc_id}",
        url=f"https://news.example.org/{doc_id}",
        published=published,
        source="sample",
        doc_type=doc_type,
        extractor_version="sample-1",
        entities=mentions,
        relations=rels,
        classification=Classification(
            trafficking_types=[TypeLabel(type=t, confidence=0.7) for t in types], indicators=inds
        ),
    )


def sample_world() -> list[ExtractionResult]:
    """Four documents: a recruiter's phone shared by three of them, a business in two places."""
    d1 = make_result(
        "doc-1",
        "Viktor Petrov recruited Anna Kowalska in Lodz with a false job offer. "
        "Petrov used the phone +44 7700 900123 to arrange transport.",
        [
            ("p1", "Person", "Viktor Petrov", None, {"roles": ["Recruiter"]}),
            ("p2", "Person", "Anna Kowalska", None, {"roles": ["victim"]}),
            ("c1", "City", "Lodz", None, {"country_code": "PL"}),
            ("ph", "Phone", "+44 7700 900123", "+447700900123"),
            ("p3", "Person", "Petrov@1", "Petrov", {"ref": "p1"}),
        ],
        [("RECRUITED", "p1", "p2"), ("RECRUITED_IN", "p2", "c1"), ("USES_PHONE", "p3", "ph")],
        types=["ForcedLabour"],
        indicators=[("FalseJobOffer", "false job offer")],
    )
    d2 = make_result(
        "doc-2",
        "Sunrise Cleaning Ltd in Manchester advertised cleaning jobs. Applicants were told to call "
        "07700 900123. Viktor Petrov answered on 07700 900123 and owns Sunrise Cleaning.",
        [
            ("b1", "Business", "Sunrise Cleaning Ltd", None),
            ("c1", "City", "Manchester", None, {"country_code": "GB"}),
            ("ph", "Phone", "07700 900123", "+447700900123"),
            ("p1", "Person", "Viktor Petrov", None),
            ("ph2", "Phone", "07700 900123@1", "+447700900123"),
            ("b2", "Business", "Sunrise Cleaning@1", None, {"ref": "b1"}),
        ],
        [
            ("LOCATED_IN", "b1", "c1"),
            ("USES_PHONE", "b1", "ph"),
            ("USES_PHONE", "p1", "ph2"),
            ("OWNS", "p1", "b2"),
        ],
        types=["ForcedLabour"],
        indicators=[("OnlineAdvertising", "advertised cleaning jobs")],
    )
    d3 = make_result(
        "doc-3",
        "Police said the number +447700900123 appeared in online adverts placed by SUNRISE CLEANING LIMITED. "
        "Anna Kowalska was later found in Leeds.",
        [
            ("ph", "Phone", "+447700900123", None),
            ("b1", "Business", "SUNRISE CLEANING LIMITED", None),
            ("p1", "Person", "Anna Kowalska", None),
            ("c1", "City", "Leeds", None, {"country_code": "GB"}),
        ],
        [("USES_PHONE", "b1", "ph"), ("LOCATED_IN", "p1", "c1")],
        indicators=[("OnlineAdvertising", "online adverts")],
    )
    d4 = make_result(
        "doc-4",
        "Maria Lopez, a cleaner, said jane.doe@Example.com promised work at Green Valley Farms.",
        [
            ("p1", "Person", "Maria Lopez", None, {"roles": ["Victim"]}),
            ("e1", "Email", "jane.doe@Example.com", "jane.doe@example.com"),
            ("b1", "Business", "Green Valley Farms", None),
        ],
        [("EXPLOITED_AT", "p1", "b1")],
        types=["ForcedLabour"],
    )
    return [d1, d2, d3, d4]


_FIRST = [
    "Viktor",
    "Anna",
    "Maria",
    "Tomas",
    "Elena",
    "Oskar",
    "Ines",
    "Dmitri",
    "Lena",
    "Pavel",
    "Rosa",
    "Jonas",
]
_LAST = [
    "Petrov",
    "Kowalska",
    "Lopez",
    "Novak",
    "Ferreira",
    "Lindqvist",
    "Moreau",
    "Brandt",
    "Okafor",
    "Varga",
]
_BUSINESS = [
    "Sunrise Cleaning Ltd",
    "Green Valley Farms LLC",
    "Blue Harbour Logistics",
    "Northgate Staffing Ltd",
    "Silver Lake Nails",
    "Cedar Car Wash",
]
_CITY = [("Manchester", "GB"), ("Leeds", "GB"), ("Lodz", "PL"), ("Bristol", "GB"), ("Porto", "PT")]


def generated_world(n: int, start: int = 0) -> list[ExtractionResult]:
    """`n` deterministic fictional documents with identifiers shared across documents (for scale runs)."""
    docs = []
    for i in range(start, start + n):
        person = f"{_FIRST[i % len(_FIRST)]} {_LAST[(i // 3) % len(_LAST)]}"
        victim = f"{_FIRST[(i + 5) % len(_FIRST)]} {_LAST[(i + 7) % len(_LAST)]}"
        business = _BUSINESS[i % len(_BUSINESS)]
        city, cc = _CITY[i % len(_CITY)]
        phone = f"+44 7700 900{i % 97:03d}"
        email = f"jobs{i % 41}@example.com"
        text = (
            f"{person} recruited {victim} for {business} in {city}. "
            f"Adverts listed {phone} and {email}. {victim} described debt bondage and long hours."
        )
        docs.append(
            make_result(
                f"gen-{i:06d}",
                text,
                [
                    ("p1", "Person", person, None, {"roles": ["Recruiter"]}),
                    ("p2", "Person", victim, None, {"roles": ["Victim"]}),
                    ("b1", "Business", business, None),
                    ("c1", "City", city, None, {"country_code": cc}),
                    ("ph", "Phone", phone, phone.replace(" ", "")),
                    ("em", "Email", email, None),
                ],
                [
                    ("RECRUITED", "p1", "p2"),
                    ("WORKS_FOR", "p1", "b1"),
                    ("LOCATED_IN", "b1", "c1"),
                    ("USES_PHONE", "p1", "ph"),
                    ("USES_EMAIL", "b1", "em"),
                    ("EXPLOITED_AT", "p2", "b1"),
                ],
                types=["ForcedLabour"],
                indicators=[("DebtBondage", "debt bondage")],
                published=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            )
        )
    return docs
