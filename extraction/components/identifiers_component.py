"""spaCy component `lantern_identifiers`: phones, emails, websites, handles, payments, plates.

Phones carry `region` (the region the number was read in) and `region_reason` (the document's
evidence for it, "written with +CC", "NANP format", ...); phones and e-mails carry
`identifier_role` (`contact` for hotlines, tip lines, press and victim-services lines, else `case`)
and, for contact lines, `identifier_role_cue` (the cue words)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extraction.components.base import add_mention, doc_text, guarded
from extraction.components.identifier_roles import identifier_roles
from extraction.components.identifiers import IdentifierHit, find_identifiers, resolve_overlaps
from extraction.components.phone_places import place_index, tld_regions
from extraction.components.phones import find_phones
from ontology.names import C

ROLE_TYPES = {C.Phone, C.Email}


def phone_hits(text: str, region: str) -> list[IdentifierHit]:
    hits = []
    for phone in find_phones(text, region):
        attrs: dict[str, object] = {"region": phone.region, "region_reason": phone.reason}
        if phone.obfuscated:
            attrs["obfuscated"] = True
        confidence = 0.85 if phone.obfuscated else 0.97
        if phone.reason.startswith("number shape"):
            confidence -= 0.15
        hits.append(IdentifierHit(C.Phone, phone.start, phone.end, phone.value, confidence, attrs))
    return hits


def with_roles(text: str, hits: list[IdentifierHit]) -> list[IdentifierHit]:
    """Set `identifier_role` (and the cue) on the phones and e-mails among `hits` (in text order)."""
    typed = [hit for hit in hits if hit.type in ROLE_TYPES]
    for hit, (role, cue) in zip(
        typed, identifier_roles(text, [(h.start, h.end) for h in typed]), strict=True
    ):
        hit.attributes["identifier_role"] = role
        if cue is not None:
            hit.attributes["identifier_role_cue"] = cue
    return hits


class IdentifierFinder:
    def __init__(self, region: str) -> None:
        self.region = region
        place_index(), tld_regions()  # built once before spaCy forks workers, not in the first document

    def __call__(self, doc: Doc) -> Doc:
        return guarded("identifiers")(self._find)(doc)

    def _find(self, doc: Doc) -> None:
        text = doc_text(doc)
        hits = resolve_overlaps(find_identifiers(text) + phone_hits(text, self.region))
        for hit in with_roles(text, hits):
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
