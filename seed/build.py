"""`lantern seed build`: the curated seed corpus, gold spans, ground truth and supplier register.

Deterministic: the same sources give byte-identical outputs (a test checks the committed files)."""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Iterator
from pathlib import Path

from ontology.names import C
from seed.compose import FILE_OF_TYPE, DocSource, distractor_docs, network_docs, read_handwritten, to_records
from seed.curated import BROKER, NETWORKS
from seed.distractors import COMMON_NAMES, LEGIT_BUSINESSES
from seed.hubs import AUTHORITIES, EUROPEAN, HELPLINE, NGOS
from seed.identifiers import phone_surface

SEED_DIR = Path(__file__).resolve().parent
SEED = 20220224
DISTRACTOR_DOCS = 50
CURATED_PLAN = ["job_ad", "survivor_story", "online_ad", "police_arrest", "court_record", "news_raid",
                "press_charges", "ngo_case", "news_money", "survivor_short", "survivor_story", "recruit_post",
                "ngo_case"]  # fmt: skip

SUPPLIER_ADDRESSES = {
    "Fenland Fresh Produce Ltd": "Fen Drove Farm, Elm Road, Wisbech PE14 0ZZ",
    "Vistula Modular Homes S.A.": "ul. Przemysłowa 40, 30-701 Kraków",
    "Harbourside Hotels Group": "2 Custom House Quay, Dublin 1",
    "Nordlicht Logistik GmbH": "Landsberger Straße 300, 80687 München",
    "Green Valley Orchards": "Maasboulevard 5, 3011 Rotterdam",
    "Carpathia Foods SRL": "Bulevardul Poitiers 10, Iași",
    "Thames Care Homes": "44 Riverside Walk, London SE1 9ZZ",
    "Baltic Timber Works": "ul. Drzewna 3, 00-001 Warszawa",
    "Prague Glassworks a.s.": "Sklářská 12, 110 00 Praha",
    "Sunrise Cleaning Services": "9 Mill Lane, Manchester M1 9ZZ",
}


def compose() -> list[DocSource]:
    rng = random.Random(SEED)
    counter = iter(range(1, 10_000))
    ids: Iterator[str] = (f"seed-{n:04d}" for n in counter)
    docs: list[DocSource] = []
    for net in NETWORKS:
        net.plan = CURATED_PLAN + (["supply_chain"] if net.exposed_supplier else [])
        docs.extend(network_docs(net, rng, ids))
    docs.extend(distractor_docs(DISTRACTOR_DOCS, rng, ids))
    for path in sorted((SEED_DIR / "sources").glob("*.md")):
        doc, named = read_handwritten(path)
        if not named:  # hand-written documents belong to the networks whose members they name
            doc.networks = _networks_named(doc.markup)
        docs.append(doc)
    return docs


def _networks_named(markup: str) -> list[str]:
    found = [n.id for n in NETWORKS if any(f":{m.value}]" in markup or f":{m.value}|" in markup
                                           for m in n.members.values())]  # fmt: skip
    return found


def suppliers_csv() -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["name", "address", "city", "country", "phone", "email", "owner"])
    from seed.places import country_of, surfaces

    for name, city, phone, email, owner in LEGIT_BUSINESSES:
        row = [name, SUPPLIER_ADDRESSES[name], city, country_of(city), phone_surface(phone, 0), email, owner]
        w.writerow(row)
    for net in NETWORKS:  # the fronts registered as labour providers (sub-contractors)
        if net.exposed_supplier:
            addr = net.m("front_address").value
            city = next((c for c in net.route if any(s in addr for s in surfaces(c))), net.route[2])
            w.writerow([net.m("front").value, addr, city, country_of(city),
                        phone_surface(net.m("recruiter_phone").value, 0), net.m("recruiter_email").value,
                        net.m("exploiter").value])  # fmt: skip
    return out.getvalue()


def ground_truth(docs: list[DocSource]) -> dict[str, object]:
    by_net: dict[str, list[str]] = {}
    for d in docs:
        for n in d.networks:
            by_net.setdefault(n, []).append(d.id)
    networks = []
    for net in NETWORKS:
        t = net.truth()
        t["documents"] = sorted(by_net.get(net.id, []))
        networks.append(t)
    melnyk_docs = sorted(d.id for d in docs if "Andriy Melnyk" in d.markup and "N7" not in d.networks)
    return {
        "format": "lantern-seed-ground-truth/1",
        "documents": len(docs),
        "networks": networks,
        "brokers": [BROKER],
        "exposed_suppliers": [n.truth()["exposed_supplier"] for n in NETWORKS if n.exposed_supplier],
        "hubs": {
            "authorities": sorted({a for v in AUTHORITIES.values() for a in v} | set(EUROPEAN)),
            "ngos": NGOS,
            "identifiers": [{"type": C.Phone, "value": HELPLINE, "owner": "Safe Harbour Network"}],
        },
        "distractors": {
            "common_names": COMMON_NAMES,
            "legitimate_businesses": [b[0] for b in LEGIT_BUSINESSES],
            "name_collisions": [
                {"name": "Andriy Melnyk", "network": "N7", "unrelated_documents": melnyk_docs}
            ],
        },
    }


def build_outputs() -> dict[str, str]:
    """Relative path -> file content, for every generated file."""
    docs = compose()
    files: dict[str, list[str]] = {f"corpus/{name}.jsonl": [] for name in FILE_OF_TYPE.values()}
    gold: list[str] = []
    for doc in sorted(docs, key=lambda d: d.id):
        corpus, spans = to_records(doc)
        files[f"corpus/{FILE_OF_TYPE[doc.doc_type]}.jsonl"].append(json.dumps(corpus, ensure_ascii=False))
        gold.append(json.dumps(spans, ensure_ascii=False))
    out = {path: "\n".join(lines) + "\n" for path, lines in files.items()}
    out["gold_entities.jsonl"] = "\n".join(gold) + "\n"
    out["ground_truth.json"] = json.dumps(ground_truth(docs), ensure_ascii=False, indent=1) + "\n"
    out["suppliers.csv"] = suppliers_csv()
    return out


def write_outputs(root: Path = SEED_DIR) -> list[Path]:
    written = []
    for rel, content in build_outputs().items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written


def stale_outputs(root: Path = SEED_DIR) -> list[str]:
    """Generated files whose committed content differs from a fresh build."""
    return [rel for rel, content in build_outputs().items()
            if not (root / rel).exists() or (root / rel).read_text(encoding="utf-8") != content]  # fmt: skip
