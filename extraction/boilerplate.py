"""Boilerplate: sentences a publisher repeats in document after document (an office's mission statement,
a task force's description, a law's history, a "related news" sidebar). Their cue words — "protect
women and minors", "traffic women and underage girls" — say nothing about the case a document reports,
so cues inside them are no evidence for the document's trafficking types and indicators.

    boilerplate = Boilerplate.of(documents)   # a first pass over the batch: sentence counts per source
    result = boilerplate.apply(result)         # cues inside boilerplate set aside, with the reason

A sentence is boilerplate when, word for word (case and punctuation aside), it recurs in at least
`MIN_DOCUMENTS` documents of the same source, has at least `MIN_WORDS` words and names no person
found in it. Short lines that recur ("Pimping a minor", a charge in a list) are the case's own facts;
a sentence that names a person is about a case, even when every release of that case repeats it.

The source of a document is the host of its URL, else its `source` field; a file read from a folder
(`source` is its path) belongs to its folder. Syndicated copies of one story on different sites are
therefore different sources, and never boilerplate of each other.

Cues set aside are kept in `classification.boilerplate` (type, span, in how many documents the
sentence recurs), so a reader can see why a document's indicator was not counted. The rule needs the
batch: one document alone has no boilerplate (`lantern extract` and `lantern ingest` read their inputs
twice; `--keep-boilerplate` turns it off). Measured in docs/design/extraction.md ("Boilerplate")."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import PurePath
from urllib.parse import urlsplit

from extraction.components.classify import type_confidence
from extraction.components.definitions import sentence_spans
from extraction.models import Classification, ExtractionResult, SetAside, SourceDocument, TypeLabel
from ontology.names import C

MIN_DOCUMENTS = 5
MIN_WORDS = 8
_WORD = re.compile(r"\w+")
_ONE_DOCUMENT_FILES = {".txt", ".text", ".md", ".html", ".htm", ".pdf"}


def fingerprint(sentence: str) -> str | None:
    """A digest of the sentence's words, lower-cased (16 hex digits: compact enough to keep a feed's
    counts in its state store), or None when it is too short to be boilerplate."""
    words = _WORD.findall(sentence.lower())
    if len(words) < MIN_WORDS:
        return None
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:16]


def fingerprints(text: str) -> set[str]:
    """The distinct fingerprints of a text's sentences (those long enough to be boilerplate)."""
    prints = {fingerprint(text[a:b]) for a, b in sentence_spans(text)}
    prints.discard(None)
    return prints  # type: ignore[return-value]


def source_key(doc: SourceDocument | ExtractionResult) -> str:
    """Which publisher a document belongs to (see the module docstring)."""
    if doc.url:
        host = urlsplit(doc.url).netloc.lower()
        if host:
            return host
    source = doc.source or ""
    path = PurePath(source)
    if path.suffix.lower() in _ONE_DOCUMENT_FILES:
        return str(path.parent)
    return source


class Boilerplate:
    """Sentence counts per source over a batch of documents."""

    def __init__(self) -> None:
        self._counts: dict[str, Counter[str]] = {}

    @classmethod
    def of(cls, documents: Iterable[SourceDocument]) -> Boilerplate:
        found = cls()
        for doc in documents:
            found.add(doc)
        return found

    def add(self, doc: SourceDocument) -> None:
        """Count each distinct sentence of `doc` once for its source."""
        self.include(source_key(doc), dict.fromkeys(fingerprints(doc.text), 1))

    def include(self, source: str, counts: Mapping[str, int]) -> None:
        """Add sentence counts seen elsewhere (a feed's earlier articles, kept in its state store)."""
        self._counts.setdefault(source, Counter()).update(counts)

    def _recurring(self, doc: SourceDocument | ExtractionResult) -> list[tuple[int, int, str, int]]:
        """(start, end, fingerprint, documents) of the sentences of `doc` its source repeats enough."""
        counts = self._counts.get(source_key(doc))
        if not counts:
            return []
        found = []
        for start, end in sentence_spans(doc.text):
            key = fingerprint(doc.text[start:end])
            if key and counts[key] >= MIN_DOCUMENTS:
                found.append((start, end, key, counts[key]))
        return found

    def held(self, doc: SourceDocument) -> str:
        """A short digest of the boilerplate sentences `doc` holds ("" for none): part of the hash by
        which an incremental ingest decides to re-extract, so a document whose sentence has since become
        boilerplate is read again (before extraction, so a sentence naming a person counts here too)."""
        keys = sorted(key for _, _, key, _ in self._recurring(doc))
        return "|boilerplate:" + hashlib.sha256("\n".join(keys).encode()).hexdigest()[:16] if keys else ""

    def sentences(self, result: ExtractionResult) -> list[tuple[int, int, int]]:
        """(start, end, documents) of the boilerplate sentences of `result`: recurring, naming no person."""
        people = [(e.start, e.end) for e in result.entities if e.type == C.Person]
        return [
            (start, end, seen)
            for start, end, _, seen in self._recurring(result)
            if not any(start < p_end and p_start < end for p_start, p_end in people)
        ]

    def apply(self, result: ExtractionResult) -> ExtractionResult:
        """`result` with the cues inside boilerplate sentences moved to `classification.boilerplate`."""
        sentences = self.sentences(result)
        if not sentences:
            return result

        def recurring(offset: int) -> int:
            return next((n for start, end, n in sentences if start <= offset < end), 0)

        old = result.classification
        aside = list(old.boilerplate)
        indicators = []
        for mention in old.indicators:
            seen = recurring(mention.start)
            if seen:
                aside.append(
                    SetAside(type=mention.type, start=mention.start, end=mention.end, documents=seen)
                )
            else:
                indicators.append(mention)
        types = []
        for label in old.trafficking_types:
            kept = []
            for start, end in label.spans:
                seen = recurring(start)
                if seen:
                    aside.append(SetAside(type=label.type, start=start, end=end, documents=seen))
                else:
                    kept.append((start, end))
            if len(kept) == len(label.spans):
                types.append(label)
            elif kept:  # confidence from the sentences left, as the classifier counts them
                evidence = len({result.text.rfind(".", 0, start) for start, _ in kept})
                confidence = min(label.confidence, type_confidence(evidence))
                types.append(TypeLabel(type=label.type, confidence=confidence, spans=kept))
        if len(aside) == len(old.boilerplate):
            return result
        types.sort(key=lambda t: -t.confidence)
        classification = Classification(trafficking_types=types, indicators=indicators, boilerplate=aside)
        return result.model_copy(update={"classification": classification})
