"""Gold from the fictional seed corpus: `seed/gold_entities.jsonl` + `seed/corpus/*.jsonl`.

The seed builder writes one line per document, `{"id", "mentions": [{"type", "start", "end",
"value"}]}`, with offsets into the document's `text` (JSONL input is not cleaned, so the body is
the whole text). Ontology subclasses are folded into the scored gold types (City/Country/Address
-> Location, FrontBusiness/EmploymentAgency -> Business); types we do not score (NGO,
SocialHandle, BankAccount, ...) are dropped.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extraction.evaluate_gold import GOLD_TYPES, GoldDocument, GoldMention, sha256_text
from extraction.evaluate_score import scored_types
from extraction.models import SourceDocument

SEED_GOLD_FILE = "gold_entities.jsonl"
SUPPLEMENT = Path(__file__).resolve().parent / "gold" / "seed_supplement.jsonl"
"""Hand-checked Person mentions the seed markup leaves out (surname-only and first-name-only
mentions); merged when the document's text hash still matches."""
SEED_CORPUS_DIR = "corpus"


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_seed_texts(seed_dir: Path) -> dict[str, SourceDocument]:
    texts: dict[str, SourceDocument] = {}
    for path in sorted((seed_dir / SEED_CORPUS_DIR).glob("*.jsonl")):
        for record in _read_jsonl(path):
            doc = SourceDocument.model_validate({**record, "source": str(path)})
            texts[doc.id] = doc
    return texts


def _supplement(path: Path | None) -> dict[tuple[str, str], list[GoldMention]]:
    if path is None or not path.exists():
        return {}
    return {
        (str(r["doc"]), str(r["sha256"])): [GoldMention.model_validate(m) for m in r["mentions"]]
        for r in _read_jsonl(path)
    }


def load_seed_gold(
    seed_dir: Path, supplement: Path | None = SUPPLEMENT
) -> tuple[list[GoldDocument], dict[str, SourceDocument]]:
    """Seed gold documents (corpus "seed") and their source documents; empty when absent."""
    gold_path = seed_dir / SEED_GOLD_FILE
    if not gold_path.exists():
        return [], {}
    texts = load_seed_texts(seed_dir)
    extra = _supplement(supplement)
    gold: list[GoldDocument] = []
    for record in _read_jsonl(gold_path):
        doc_id = str(record["id"])
        source = texts.get(doc_id)
        if source is None:
            continue
        mentions = []
        for m in record.get("mentions", []):
            kinds = scored_types(str(m["type"]))
            kind = kinds[0] if kinds else None
            if kind in GOLD_TYPES:
                mentions.append(GoldMention(type=kind, start=int(m["start"]), end=int(m["end"])))
        for added in extra.get((doc_id, sha256_text(source.text)), []):
            if not any(added.start < m.end and m.start < added.end for m in mentions):
                mentions.append(added)
        gold.append(
            GoldDocument(
                doc=doc_id,
                corpus="seed",
                sha256=sha256_text(source.text),
                body=[(0, len(source.text))],
                mentions=sorted(mentions, key=lambda m: (m.start, m.end)),
            )
        )
    return gold, texts
