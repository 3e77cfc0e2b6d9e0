"""Escort-ad style phone numbers: precision, recall and F1 on (ad, E.164) pairs, unique per ad.

`extraction/gold/ads_fictional.jsonl` holds fictional ads (reserved ranges: US 555-01xx, UK
+44 7700 900xxx, Australia 0491 570 xxx; other countries' numbers are constructed, see
docs/design/phones.md), one JSON line `{"id", "split", "text", "phones": [{"start", "end",
"e164", "kind"}]}`; `kind` is plain / foreign / obfuscated. `split` is `tune` (looked at while the
rules were tuned) or `heldout`, `heldout2`, `heldout3` (ids `ad-h…`, each written before a tuning
round and scored once at its end; docs/design/phones.md keeps which code saw which part).

    score_phones(Extractor(), load_ads())            # all ads
    python -m extraction.evaluate_phones            # per split and kind, with the errors
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from extraction.models import ExtractionResult, SourceDocument
from ontology.names import C

ADS = Path(__file__).parent / "gold" / "ads_fictional.jsonl"
KINDS = ("plain", "foreign", "obfuscated")
HARDEST = {kind: n for n, kind in enumerate(KINDS)}


class _Extracts(Protocol):
    region: str

    def extract_many(self, docs: Iterable[SourceDocument]) -> Iterable[ExtractionResult]: ...


def load_ads(path: Path = ADS, split: str | None = None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [row for row in rows if split is None or row.get("split") == split]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn}


def _gold(item: dict[str, Any]) -> dict[str, str]:
    """E.164 → kind for one ad (a number written twice counts once, as its hardest form)."""
    found: dict[str, str] = {}
    for phone in item["phones"]:
        kind = phone.get("kind", "plain")
        if phone["e164"] not in found or HARDEST[kind] > HARDEST[found[phone["e164"]]]:
            found[phone["e164"]] = kind
    return found


def _predicted(result: ExtractionResult, fallback: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for entity in result.entities:
        if entity.type != C.Phone:
            continue
        attrs = entity.attributes
        kind = "obfuscated" if attrs.get("obfuscated") else "plain"
        if kind == "plain" and attrs.get("region", fallback) != fallback:
            kind = "foreign"
        found.setdefault(entity.value, kind)
    return found


def score_phones(extractor: _Extracts, items: list[dict[str, Any]]) -> dict[str, Any]:
    """P/R/F1 over (ad id, E.164) pairs, overall and per kind (a found number takes its gold kind;
    a false one its own: obfuscated if so marked, foreign if read outside the fallback region)."""
    docs = [SourceDocument(id=item["id"], text=item["text"]) for item in items]
    counts = {kind: [0, 0, 0] for kind in KINDS}
    errors: list[dict[str, str]] = []
    for item, result in zip(items, extractor.extract_many(docs), strict=True):
        gold = _gold(item)
        predicted = _predicted(result, getattr(extractor, "region", "US"))
        for value, kind in gold.items():
            counts[kind][0 if value in predicted else 2] += 1
            if value not in predicted:
                errors.append({"id": item["id"], "error": "missed", "value": value, "kind": kind})
        for value, kind in predicted.items():
            if value not in gold:
                counts[kind][1] += 1
                errors.append({"id": item["id"], "error": "false", "value": value, "kind": kind})
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {
        "ads": len(items),
        **_prf(*total),
        "kinds": {kind: _prf(*counts[kind]) for kind in KINDS},
        "errors": errors,
    }


def main() -> None:
    from extraction.pipeline import Extractor

    extractor = Extractor()
    for split in ("tune", "heldout", "heldout2", "heldout3", None):
        scores = score_phones(extractor, load_ads(split=split))
        kinds = "  ".join(f"{k} F1 {v['F1']:.3f} (R {v['R']:.3f})" for k, v in scores["kinds"].items())
        head = f"P {scores['P']:.3f} R {scores['R']:.3f} F1 {scores['F1']:.3f}"
        print(f"{split or 'all':8} ads {scores['ads']:3}  {head}  {kinds}")
    for error in score_phones(extractor, load_ads(split="tune"))["errors"]:
        print("  tune", error)


if __name__ == "__main__":
    main()
