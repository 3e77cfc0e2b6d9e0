"""spaCy component `lantern_identifiers`: phones, emails, websites, handles, payments, plates."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extraction.components.base import add_mention, doc_text, guarded
from extraction.components.identifiers import IdentifierHit, find_identifiers, resolve_overlaps
from extraction.components.phones import find_phones


class IdentifierFinder:
    def __init__(self, region: str) -> None:
        self.region = region

    def __call__(self, doc: Doc) -> Doc:
        return guarded("identifiers")(self._find)(doc)

    def _find(self, doc: Doc) -> None:
        text = doc_text(doc)
        hits = find_identifiers(text)
        for phone in find_phones(text, self.region):
            confidence = 0.85 if phone.obfuscated else 0.97
            attrs = {"obfuscated": True} if phone.obfuscated else {}
            hits.append(IdentifierHit("Phone", phone.start, phone.end, phone.value, confidence, attrs))
        for hit in resolve_overlaps(hits):
            add_mention(
                doc, hit.type, hit.start, hit.end, hit.value, hit.confidence, "rule", **hit.attributes
            )


@Language.factory(
    "lantern_identifiers",
    default_config={"region": "US"},
    assigns=["doc._.lantern_mentions"],
)
def make_identifier_finder(nlp: Language, name: str, region: str) -> IdentifierFinder:
    return IdentifierFinder(region)
