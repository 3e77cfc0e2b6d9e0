"""spaCy component `lantern_classifier`: per-document trafficking types and indicators, each with
evidence spans, from cue patterns (patterns/indicators.jsonl, patterns/trafficking_types.jsonl).

A type's confidence grows with the number of distinct cue sentences (1 → 0.55, 2 → 0.7, ≥3 → 0.85).
Cues inside definitional or generic statements ("“Forced labor or services” means ...", "The crime of
human trafficking involves ...", a quoted statute) are not evidence (definitions.py)."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extraction.components.base import doc_text, guarded, load_patterns
from extraction.components.definitions import definitional_spans, inside

MAX_SPANS = 10


Rules = list[tuple[str, re.Pattern[str]]]


def _compile(name: str, flags: int = 0) -> Rules:
    return [(row["label"], re.compile(row["regex"], flags)) for row in load_patterns(name)]


def type_confidence(evidence_count: int) -> float:
    return 0.55 if evidence_count <= 1 else 0.7 if evidence_count == 2 else 0.85


class DocumentClassifier:
    def __init__(self) -> None:
        # The cue patterns are lower-case: matched case-sensitively on the lower-cased text (twice as
        # fast as re.IGNORECASE); the IGNORECASE set is for the rare text whose length lower() changes.
        self.indicators = _compile("indicators")
        self.types = _compile("trafficking_types")
        self.indicators_any_case = _compile("indicators", re.IGNORECASE)
        self.types_any_case = _compile("trafficking_types", re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        return guarded("classification")(self._classify)(doc)

    def _classify(self, doc: Doc) -> None:
        text = doc_text(doc)
        lowered = text.lower()
        if len(lowered) == len(text):
            haystack, indicator_rules, type_rules = lowered, self.indicators, self.types
        else:
            haystack, indicator_rules, type_rules = text, self.indicators_any_case, self.types_any_case
        definitions = definitional_spans(text)
        indicators: list[dict[str, Any]] = []
        for label, regex in indicator_rules:
            for match in regex.finditer(haystack):  # finditer never yields overlapping matches
                start, end = match.span()
                if not inside(definitions, start):
                    indicators.append({"type": label, "start": start, "end": end, "text": text[start:end]})
        types: list[dict[str, Any]] = []
        for label, regex in type_rules:
            spans = [list(m.span()) for m in regex.finditer(haystack) if not inside(definitions, m.start())]
            if spans:
                sentences = {text.rfind(".", 0, s) for s, _ in spans}
                types.append(
                    {"type": label, "confidence": type_confidence(len(sentences)), "spans": spans[:MAX_SPANS]}
                )
        types.sort(key=lambda t: -t["confidence"])
        doc._.lantern_classification = {"trafficking_types": types, "indicators": indicators}


@Language.factory("lantern_classifier", assigns=["doc._.lantern_classification"])
def make_document_classifier(nlp: Language, name: str) -> DocumentClassifier:
    return DocumentClassifier()
