"""The development gold set: offsets + types only, never the texts.

One JSON line per document (`extraction/gold/orange_ca.jsonl`):

    {"doc": "press_x.txt", "corpus": "orange_ca", "sha256": "<of the raw file bytes>",
     "body": [[start, end], ...],
     "mentions": [{"type": "Person", "start": 10, "end": 22}, ...],
     "relations": [{"type": "RECRUITED", "source": 0, "target": 3}, ...],
     "relation_types": ["RECRUITED", "LOCATED_IN:Person"]}

Offsets are Python string (code point) offsets into the raw file decoded as UTF-8. `body` is the
article region (title + dateline + body); entities predicted outside it are boilerplate. Relation
`source`/`target` index into `mentions` (the entity's first mention; later
mentions point to it with `ref`). Seed documents use the same format with offsets into
their own `text` field (their body is the whole text).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, Field

from ontology.names import C

ANNOTATED_TYPES: tuple[str, ...] = (
    C.Person,
    C.Location,
    C.Business,
    C.Authority,
    C.Organization,
    C.Phone,
    C.Email,
)
"""Types an annotator writes (ontology class names; `Organization` = an organisation that is neither
a business nor an authority: NGOs, schools, churches, gangs — older gold lines may have none)."""
ORGANISATIONS = "Organisation"
"""Scored group, not an annotated type: every Business, Authority and Organization span (what raw
spaCy calls ORG), so Lantern and the baseline are compared on the same footing."""
HEADLINE_TYPES: tuple[str, ...] = (C.Person, ORGANISATIONS, C.Location, C.Phone, C.Email)
"""Types in the headline and the macro average."""
GOLD_TYPES: tuple[str, ...] = (*HEADLINE_TYPES, C.Business, C.Authority, C.Organization)
"""Every scored type: the headline plus the organisation kinds separately."""


class GoldMention(BaseModel):
    type: str
    start: int
    end: int
    ref: int | None = None
    """Index of the entity's first mention when this one refers to it (surname-only, repeats)."""
    role: str | None = None
    """On an entity's first mention: the part it plays in the document. Person: `charged` (arrested,
    charged, convicted, sentenced, suspect), `official` (prosecutor, judge, police, agency or press
    contact, elected official), `victim`, `witness`, `other`. Phone/Email: `case` or `contact`
    (hotline, tip line, press or victim-services line)."""


class GoldRelation(BaseModel):
    type: str
    source: int
    """Index into `GoldDocument.mentions`."""
    target: int


class GoldDocument(BaseModel):
    doc: str
    """File name inside the data folder (or a seed document id)."""
    corpus: str = "orange_ca"
    sha256: str
    body: list[tuple[int, int]] = Field(default_factory=list)
    mentions: list[GoldMention] = Field(default_factory=list)
    relations: list[GoldRelation] = Field(default_factory=list)
    relation_types: list[str] = Field(default_factory=list)
    """Relation types annotated exhaustively in this document ("TYPE" or "TYPE:SourceClass", e.g.
    "LOCATED_IN:Person" = only LOCATED_IN relations whose source is a Person). Only predictions of
    these types are scored for relation precision."""

    def cluster(self, index: int) -> list[GoldMention]:
        """All mentions of the entity whose first mention is `index`."""
        return [m for i, m in enumerate(self.mentions) if i == index or m.ref == index]

    def in_body(self, start: int, end: int) -> bool:
        """True when the span lies (at least partly) inside the article body."""
        return any(start < b_end and end > b_start for b_start, b_end in self.body)


GOLD_DIR = Path(__file__).resolve().parent / "gold"
SPLIT_FILE = GOLD_DIR / "split.json"


def gold_files(directory: Path = GOLD_DIR) -> list[Path]:
    """The press-release gold files of a folder: every `<corpus>.jsonl` (the seed supplement and the
    fictional ad set have their own loaders and are not included)."""
    return sorted(p for p in directory.glob("*.jsonl") if not p.name.startswith(("seed_", "ads_")))


def held_out(split_file: Path = SPLIT_FILE) -> frozenset[str]:
    """Corpora kept out of tuning (the test split; `split.json` says why)."""
    if not split_file.exists():
        return frozenset()
    return frozenset(json.loads(split_file.read_text(encoding="utf-8")).get("test", []))


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_raw(path: Path) -> str:
    """The raw file as the gold offsets see it: UTF-8, newlines untouched."""
    return path.read_bytes().decode("utf-8", errors="replace")


def load_gold(path: Path) -> list[GoldDocument]:
    docs: list[GoldDocument] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            docs.append(GoldDocument.model_validate_json(line))
        except ValueError as exc:
            raise ValueError(f"{path}:{number}: not a gold line ({exc})") from exc
    return docs


def save_gold(docs: Iterable[GoldDocument], path: Path) -> None:
    lines = [json.dumps(doc.model_dump(mode="json"), ensure_ascii=False) for doc in docs]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def check_gold(doc: GoldDocument, raw: str) -> list[str]:
    """Problems that make a gold line unusable against this raw text (empty list = fine)."""
    problems: list[str] = []
    if sha256_text(raw) != doc.sha256:
        problems.append(f"{doc.doc}: sha256 differs from the gold (the file changed)")
    for m in doc.mentions:
        if not 0 <= m.start < m.end <= len(raw):
            problems.append(f"{doc.doc}: span {m.start}-{m.end} outside the text")
        elif raw[m.start : m.end] != raw[m.start : m.end].strip():
            problems.append(f"{doc.doc}: span {m.start}-{m.end} starts or ends with whitespace")
        elif not doc.in_body(m.start, m.end):
            problems.append(f"{doc.doc}: span {m.start}-{m.end} outside the body region")
    for r in doc.relations:
        if not (0 <= r.source < len(doc.mentions) and 0 <= r.target < len(doc.mentions)):
            problems.append(f"{doc.doc}: relation {r.type} points at a missing mention")
    return problems
