"""The data that flows from extraction to ingest: the `lantern extract` JSONL contract.

One `ExtractionResult` per document == one JSON line (see docs/graph-model.md and DESIGN.md):

    {"id", "text", "title", "url", "published", "source", "doc_type", "extractor_version",
     "entities":  [{"id","type","text","start","end","value","confidence","ref","attributes"}],
     "relations": [{"id","type","source","target","start","end","confidence","snippet"}],
     "classification": {"trafficking_types": [{"type","confidence","spans":[[s,e],...]}],
                        "indicators": [{"type","start","end","text"}],
                        "boilerplate": [{"type","start","end","documents"}]},
     "errors": [{"stage","reason"}]}

`start`/`end` are character offsets into `text` (for JSONL input: its own `text` field). `type` is an
ontology class name (entities) or relationship type (relations, UPPER_SNAKE). `value` is the
normalised form (E.164 phones, lower-case emails, canonical place names).
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class SourceDocument(BaseModel):
    """A document as read from disk, before extraction."""

    model_config = ConfigDict(extra="ignore")

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    """ISO date (YYYY-MM-DD) when the source has one."""
    source: str | None = None
    """Where it came from: a file path, a feed name, a site."""
    doc_type: str | None = None
    """Ontology Document subclass when known (PressRelease, NewsArticle, CaseNarrative, ...)."""


class ReadError(BaseModel):
    """A document that could not be read; reported with its id and the reason, the batch goes on."""

    id: str
    source: str | None = None
    reason: str


class EntityMention(BaseModel):
    id: str
    """Document-local id, e.g. "e3"."""
    type: str
    """Ontology class name: Person, Business, Authority, City, Phone, Email, ..."""
    text: str
    start: int
    end: int
    value: str
    """Normalised value (E.164, lower-cased email, canonical place or person name)."""
    confidence: float = Field(ge=0.0, le=1.0)
    ref: str | None = None
    """For a coreferent mention (surname only, title + surname, alias): id of the full-name mention."""
    attributes: dict[str, Any] = Field(default_factory=dict)
    """Extra facts: age, country_code, lat, lon, geonameid, region, alias_of, method (rule/ner), ..."""


class RelationMention(BaseModel):
    id: str
    type: str
    """Relationship type from the ontology, UPPER_SNAKE: RECRUITED, USES_PHONE, WORKS_FOR, ..."""
    source: str
    """Entity id (document-local) of the subject."""
    target: str
    start: int
    """Span of the evidence (usually the sentence) in the document text."""
    end: int
    confidence: float = Field(ge=0.0, le=1.0)
    snippet: str = ""
    """The evidence sentence, for people reading the edge."""


class TypeLabel(BaseModel):
    type: str
    """Ontology TraffickingType individual: SexTrafficking, ForcedLabour, ..."""
    confidence: float = Field(ge=0.0, le=1.0)
    spans: list[tuple[int, int]] = Field(default_factory=list)


class IndicatorMention(BaseModel):
    type: str
    """Ontology Indicator individual: DebtBondage, DocumentConfiscation, ..."""
    start: int
    end: int
    text: str = ""


class SetAside(BaseModel):
    """A type or indicator cue that is no evidence: it sits in a sentence its source repeats in many
    documents (extraction/boilerplate.py)."""

    type: str
    start: int
    end: int
    documents: int
    """In how many documents of the same source the sentence recurs."""


class Classification(BaseModel):
    trafficking_types: list[TypeLabel] = Field(default_factory=list)
    indicators: list[IndicatorMention] = Field(default_factory=list)
    boilerplate: list[SetAside] = Field(default_factory=list)
    """Cues set aside as boilerplate; not counted in `trafficking_types` or `indicators`."""


class StageError(BaseModel):
    stage: str
    reason: str


class ExtractionResult(BaseModel):
    """Everything extraction found in one document; one line of the extract JSONL."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    doc_type: str | None = None
    extractor_version: str = ""
    entities: list[EntityMention] = Field(default_factory=list)
    relations: list[RelationMention] = Field(default_factory=list)
    classification: Classification = Field(default_factory=Classification)
    errors: list[StageError] = Field(default_factory=list)

    def to_json(self) -> str:
        """One JSONL line. A lone surrogate anywhere (no JSON writer can encode it) becomes U+FFFD
        instead of failing the line and, with it, the run (issue 23)."""
        try:
            line = self.model_dump_json(exclude_none=False)
        except ValueError:
            line = json.dumps(_no_surrogates(self.model_dump(mode="python")), ensure_ascii=False, default=str)
        # characters other tools take for line ends stay escaped, so the line stays one line
        return line.translate(_LINE_BREAKS)


_SURROGATE = re.compile(r"[\ud800-\udfff]")
_LINE_BREAKS = {ord(ch): f"\\u{ord(ch):04x}" for ch in "\u2028\u2029\u0085\x0b\x0c\x1c\x1d\x1e"}


def _no_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_no_surrogates(k): _no_surrogates(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_no_surrogates(v) for v in value]
    return value
