# ruff: noqa: E501
"""An 'oracle' extraction of the seed: gold mentions + the relations the texts state between planted
members. Ingesting it shows what the analytics recover when extraction is perfect (an upper bound for
the real pipeline) and checks that the ground truth and the graph model agree."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from extraction.models import EntityMention, ExtractionResult, RelationMention
from ontology import load_ontology
from ontology.names import C, R

SEED_DIR = Path(__file__).resolve().parent
USES = {C.Phone: R.USES_PHONE, C.Email: R.USES_EMAIL, C.SocialHandle: R.USES_HANDLE,
        C.BankAccount: R.USES_ACCOUNT, C.Address: R.LOCATED_IN}  # fmt: skip
# who can act on a victim in a seed network: a person or a business of any kind
ACTORS = {C.Person} | load_ontology().classes_under(C.Business)


def _key(value: str) -> str:
    return value.lower().lstrip("@")


def _members(truth: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Normalised value -> {net, key, type, used_by_value} for members, victims and brokers."""
    out: dict[str, dict[str, Any]] = {}
    for net in truth["networks"]:
        by_key = {m["key"]: m for m in net["members"]}
        for m in net["members"]:
            owner = by_key.get(m["used_by"] or "")
            out[_key(m["value"])] = {"net": net["id"], "key": m["key"], "type": m["type"],
                                     "owner": _key(owner["value"]) if owner else None}  # fmt: skip
        for v in net["victims"]:
            out[_key(v["name"])] = {"net": net["id"], "key": "victim", "type": C.Person, "owner": None}
    for b in truth["brokers"]:
        out[_key(b["name"])] = {"net": "broker", "key": "broker", "type": C.Person, "owner": None}
        for ident in (b["phone"], b["email"]):
            kind = C.Email if "@" in ident else C.Phone
            out[_key(ident)] = {"net": "broker", "key": "broker_id", "type": kind, "owner": _key(b["name"])}
    return out


def _uses(actor: str, ident: str, members: dict[str, dict[str, Any]], present: set[str]) -> bool:
    """The actor uses the identifier: it is its owner, or (ads) the owner is absent and the actor is a
    planted actor of the same network (the advertiser whose contact line it is)."""
    a, i = members[actor], members[ident]
    if i["type"] not in USES:
        return False
    if i["owner"] == actor:
        return True
    return i["owner"] not in present and a["type"] in ACTORS and a["net"] == i["net"] and a["key"] != "victim"


def _relation(
    a: str, b: str, members: dict[str, dict[str, Any]], present: set[str]
) -> tuple[str, bool] | None:
    """(type, a_is_source) for two co-mentioned planted values, or None."""
    ma, mb = members[a], members[b]
    if _uses(a, b, members, present):
        return USES[mb["type"]], True
    if _uses(b, a, members, present):
        return USES[ma["type"]], False
    if "front" in (ma["key"], mb["key"]) and "exploiter" in (ma["key"], mb["key"]):
        return R.OWNS, ma["key"] == "exploiter"
    if "victim" in (ma["key"], mb["key"]) and ma["key"] != mb["key"]:
        actor = mb if ma["key"] == "victim" else ma
        if actor["key"] in ("recruiter", "transporter"):
            return (R.RECRUITED if actor["key"] == "recruiter" else R.TRANSPORTED), ma["key"] != "victim"
    if ma["type"] == mb["type"] == C.Person and "victim" not in (ma["key"], mb["key"]):
        return R.ASSOCIATE_OF, True
    return None


def oracle_results(seed_dir: Path = SEED_DIR) -> Iterator[ExtractionResult]:
    truth = json.loads((seed_dir / "ground_truth.json").read_text(encoding="utf-8"))
    members = _members(truth)
    gold = {
        g["id"]: g["mentions"]
        for g in map(json.loads, (seed_dir / "gold_entities.jsonl").open(encoding="utf-8"))
    }
    for path in sorted((seed_dir / "corpus").glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            doc = json.loads(line)
            text = doc["text"]
            ents: list[EntityMention] = []
            first: dict[str, EntityMention] = {}
            for i, m in enumerate(gold[doc["id"]]):
                eid = f"e{i + 1}"
                ents.append(EntityMention(id=eid, type=m["type"], text=text[m["start"] : m["end"]], start=m["start"],
                                          end=m["end"], value=m["value"], confidence=1.0))  # fmt: skip
                k = _key(m["value"])
                if k in members and k not in first:
                    first[k] = ents[-1]
            rels: list[RelationMention] = []
            planted = sorted(first)
            for i, a in enumerate(planted):
                for b in planted[i + 1 :]:
                    found = _relation(a, b, members, set(planted))
                    if not found:
                        continue
                    rtype, a_src = found
                    src, dst = (first[a], first[b]) if a_src else (first[b], first[a])
                    start, end = min(src.start, dst.start), max(src.end, dst.end)
                    rels.append(RelationMention(id=f"r{len(rels) + 1}", type=rtype, source=src.id, target=dst.id,
                                                start=start, end=end, confidence=1.0, snippet=text[start:end][:300]))  # fmt: skip
            yield ExtractionResult(id=doc["id"], text=text, title=doc.get("title"), url=doc.get("url"),
                                   published=doc.get("published"), source=doc.get("source"),
                                   doc_type=doc.get("doc_type"), extractor_version="seed-oracle/1",
                                   entities=ents, relations=rels)  # fmt: skip
