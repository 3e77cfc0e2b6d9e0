"""The scale generator: same seed, same bytes; contract and ground truth hold."""

from __future__ import annotations

import json
from pathlib import Path

from seed.generate import generate
from seed.identifiers import iban
from seed.pools import PHONE_POOL_SIZE, person, phone


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_gives_identical_output(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    assert generate(400, 11, a) == generate(400, 11, b)
    assert _files(a) == _files(b)
    generate(400, 12, c)
    assert _files(a) != _files(c)


def test_output_contract_and_truth(tmp_path: Path) -> None:
    stats = generate(700, 3, tmp_path)
    lines = [json.loads(x) for p in sorted((tmp_path / "corpus").glob("*.jsonl")) for x in p.open()]
    assert len(lines) == 700 == stats["documents"]
    assert len({d["id"] for d in lines}) == 700
    gold = {g["id"]: g["mentions"] for g in map(json.loads, (tmp_path / "gold_entities.jsonl").open())}
    texts = {d["id"]: d["text"] for d in lines}
    for doc_id, mentions in gold.items():
        for m in mentions:
            assert texts[doc_id][m["start"] : m["end"]], (doc_id, m)
    truth = json.loads((tmp_path / "ground_truth.json").read_text(encoding="utf-8"))
    assert len(truth["networks"]) == stats["networks"] > 0
    assert len(truth["brokers"]) == stats["brokers"]
    ids = set(texts)
    for net in truth["networks"]:
        assert set(net["documents"]) <= ids or net["documents"][-1] not in ids  # last network may be cut
    values = [m["value"] for n in truth["networks"] for m in n["members"]]
    assert len(values) == len(set(values)), "members of different planted networks must not collide"


def test_pools_are_unique_and_fictional() -> None:
    names = [person("UA", i) for i in range(20_000)]
    assert len(set(names)) == len(names)
    phones = [phone(i) for i in range(PHONE_POOL_SIZE)]
    assert len(set(phones)) == PHONE_POOL_SIZE
    assert all(p.startswith(("+447700900", "+44")) or p[5:10] == "55501" for p in phones)
    assert iban(42) != iban(43) and iban(42).startswith("XX")
