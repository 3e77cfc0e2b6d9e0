"""The security suite's fictional seed: the API fixture corpus plus the side doors issue 23 found.

(Fictional: reserved +44 7700 900xxx numbers, example.com/.org addresses, invented people and firms.)

* a person typed as a business ("Celia Whitcombe"), whose name is also in a title;
* a snippet that names a person the document is not linked to ("Florin Dinu", a Person elsewhere);
* an obfuscated phone ("o77oo nine zero zero 3 0 1") and e-mail ("lena [at] example [dot] org");
* two unrelated documents naming "Larysa Bondar": ingest links them with a POSSIBLY_SAME_AS
  candidate whose `reason` quotes the normalised name;
* a first name alone in a title ("Larysa").

`SECRETS` lists every personal value of the seed by category, in the forms a leak would take.
"""

from __future__ import annotations

from extraction.models import ExtractionResult
from tests.integration.test_api_fixtures import _doc, corpus

WHITCOMBE_TEXT = (
    "Celia Whitcombe in Leeds was charged with Florin Dinu after calls to o77oo nine zero zero 3 0 1 "
    "and mails to lena [at] example [dot] org. The house in Leeds was searched."
)
DINU_TEXT = "Florin Dinu drove workers from Bucharest to Leeds. Dinu used the phone +44 7700 900456."
BONDAR_A = "Larysa Bondar worked at Green Valley Farm near London."
BONDAR_B = "Larysa Bondar was recruited in Bucharest by Viktor Petrov."


def extra_corpus() -> list[ExtractionResult]:
    return [
        _doc(
            "sec-005",
            WHITCOMBE_TEXT,
            [
                ("w1", "Business", "Celia Whitcombe", "Celia Whitcombe", {}),
                ("w2", "City", "Leeds", "Leeds", {"country_code": "GB"}),
            ],
            [("LOCATED_IN", "w1", "w2")],
            title="Celia Whitcombe and Larysa named in Leeds raid",
            published="2025-05-20",
            doc_type="NewsArticle",
        ),
        _doc(
            "sec-006",
            DINU_TEXT,
            [
                ("d1", "Person", "Florin Dinu", "Florin Dinu", {"roles": ["Transporter"]}),
                ("d2", "City", "Bucharest", "Bucharest", {"country_code": "RO"}),
                ("d3", "City", "Leeds", "Leeds", {"country_code": "GB"}),
                ("d4", "Person", "Dinu", "Florin Dinu", {"ref": "d1"}),
                ("d5", "Phone", "+44 7700 900456", "+447700900456", {}),
            ],
            [("TRANSPORTED_FROM", "d1", "d2"), ("TRANSPORTED_TO", "d1", "d3"), ("USES_PHONE", "d4", "d5")],
            title="Driver moved workers to Leeds",
            published="2025-05-21",
            doc_type="NewsArticle",
        ),
        _doc(
            "sec-007",
            BONDAR_A,
            [
                ("a1", "Person", "Larysa Bondar", "Larysa Bondar", {}),
                ("a2", "Business", "Green Valley Farm", "Green Valley Farm", {}),
            ],
            [("WORKS_FOR", "a1", "a2")],
            title="Farm worker Larysa Bondar",
            published="2025-05-22",
            doc_type="NewsArticle",
        ),
        _doc(
            "sec-008",
            BONDAR_B,
            [
                ("b1", "Person", "Larysa Bondar", "Larysa Bondar", {"roles": ["Victim"]}),
                ("b2", "City", "Bucharest", "Bucharest", {"country_code": "RO"}),
                ("b3", "Person", "Viktor Petrov", "Viktor Petrov", {"roles": ["Recruiter"]}),
            ],
            [("RECRUITED_IN", "b1", "b2"), ("RECRUITED", "b3", "b1")],
            title="Recruitment in Bucharest",
            published="2025-05-23",
            doc_type="NewsArticle",
        ),
    ]


def security_corpus() -> list[ExtractionResult]:
    return corpus() + extra_corpus()


PERSON = (
    "Viktor Petrov", "Petrov", "Viktor", "Anna Kowalska", "Kowalska", "Marek Nowak", "Nowak", "Marek",
    "Celia Whitcombe", "Whitcombe", "Celia", "Florin Dinu", "Florin", "Larysa Bondar", "Larysa", "Bondar",
    "Dinu",
)  # fmt: skip
PHONE = (
    "+447700900123", "447700900123", "07700 900123", "07700900123", "7700 900123", "900123",
    "+447700900456", "900456", "o77oo", "nine zero zero",
)  # fmt: skip
EMAIL = ("viktor.petrov@example.com", "viktor.petrov", "lena [at] example", "lena@example.org")
PAYMENT = ("GB33BUKB20201555555555", "20201555555555", "GB33 BUKB")
SECRETS = {"person": PERSON, "phone": PHONE, "email": EMAIL, "payment": PAYMENT}
MASKED = {"analyst": ("phone", "email", "payment"), "auditor": ("person", "phone", "email", "payment")}
RAW_IDS = (
    "person:viktor petrov", "person:larysa bondar", "person:florin dinu", "phone:+447700900123",
    "phone:+447700900456", "email:viktor.petrov@example.com", "business:celia whitcombe",
)  # fmt: skip
"""Raw ids of entities a masked role sees masked (or, for the mistyped business, scrubbed)."""
UNKNOWN_IDS = (
    "person:nobody known", "phone:+447700900999", "email:nobody@example.com", "business:no such firm",
)  # fmt: skip


def leaks(text: str, role: str) -> list[str]:
    """Seed personal values of the categories `role` sees masked that appear in `text`."""
    low = text.lower()
    return [s for c in MASKED[role] for s in SECRETS[c] if s.lower() in low]
