# ruff: noqa: E501
"""`lantern seed generate`: a synthetic corpus of any size from the seed's building blocks, with its
ground truth. Deterministic for a given seed; streams documents to disk (memory stays flat)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from ontology.names import C
from seed import pools
from seed.compose import DocSource, _doc, distractor_docs, network_docs, to_records
from seed.identifiers import phone_surface
from seed.markup import mark
from seed.model import Member, Network, Victim
from seed.places import ROUTES
from seed.templates import DEFAULT_PLAN

DOCS_PER_FILE = 50_000
SHUFFLE_WINDOW = 64
NETWORK_SHARE = 0.6
TYPES = sorted(ROUTES)
OPTIONAL = DEFAULT_PLAN[6:]


class _Counters:
    def __init__(self) -> None:
        self.n: dict[str, int] = {}

    def next(self, key: str) -> int:
        v = self.n.get(key, 0)
        self.n[key] = v + 1
        return v


def make_network(idx: int, rng: random.Random, c: _Counters) -> Network:
    ttype = TYPES[idx % len(TYPES)] if idx < len(TYPES) else rng.choice(TYPES)
    route = rng.choice(ROUTES[ttype])
    region = pools.REGION_OF_TYPE[ttype]
    recruiter = pools.person(region, c.next(region))
    transporter = pools.person(region, c.next(region))
    exploiter = pools.person("WE", c.next("WE"))
    kind = C.EmploymentAgency if ttype in ("ForcedLabour", "DomesticServitude") else C.FrontBusiness
    front = pools.business(kind, c.next(kind))
    members = [
        Member("recruiter", C.Person, recruiter, ["Recruiter"]),
        Member("recruiter_phone", C.Phone, pools.phone(c.next("phone")), [], "recruiter"),
        Member("recruiter_email", C.Email, pools.email(recruiter, c.next("email")), [], "recruiter"),
        Member("handle", C.SocialHandle, pools.handle(recruiter, c.next("handle")), [], "recruiter"),
        Member("transporter", C.Person, transporter, ["Transporter"]),
        Member("transporter_phone", C.Phone, pools.phone(c.next("phone")), [], "transporter"),
        Member("exploiter", C.Person, exploiter, ["Exploiter"]),
        Member("front", kind, front, ["Facilitator"]),
        Member("front_address", C.Address, pools.address(c.next("address"), route[2]), [], "front"),
        Member("account", C.BankAccount, pools.account(c.next("account")), ["Financier"], "exploiter"),
    ]
    victims = [Victim(pools.person(region, c.next(region)), rng.randint(16, 45), route[0]) for _ in range(3)]
    net = Network(
        f"G{idx + 1}", f"{ttype} network {idx + 1}", ttype, route, {m.key: m for m in members}, victims
    )
    net.plan = DEFAULT_PLAN[:6] + sorted(
        rng.sample(OPTIONAL, rng.randint(0, len(OPTIONAL))), key=OPTIONAL.index
    )
    if kind == C.EmploymentAgency and rng.random() < 0.2:
        net.exposed_supplier = pools.business(C.FrontBusiness, c.next("supplier")).replace(
            "Services", "Foods"
        )
        net.plan.append("supply_chain")
    return net


def broker_docs(b: int, nets: tuple[Network, Network], rng: random.Random, c: _Counters,
                ids: Iterator[str]) -> tuple[dict[str, object], list[DocSource]]:  # fmt: skip
    name = pools.person("UA", c.next("UA"))
    ph = pools.phone(c.next("phone"))
    docs = []
    for net in nets:
        t = net.m("transporter").value
        body = (f"Phone records show that {mark(C.Person, t)} called {mark(C.Phone, ph, phone_surface(ph, rng.randrange(7)))} "
                f"dozens of times. Investigators say the number belongs to {mark(C.Person, name)}, who arranges "
                f"forged work permits for several groups.")  # fmt: skip
        docs.append(
            _doc(
                next(ids),
                f"Driver's calls lead to document forger {name}",
                C.PressRelease,
                body,
                rng,
                [net.id],
            )
        )
    return {
        "id": f"B{b + 1}",
        "name": name,
        "phone": ph,
        "role": "Facilitator",
        "links": [n.id for n in nets],
    }, docs


def _stream(n_docs: int, seed: int, on_network: Callable[[dict[str, object]], None],
            on_broker: Callable[[dict[str, object]], None]) -> Iterator[DocSource]:  # fmt: skip
    rng = random.Random(seed)
    c = _Counters()
    ids = (f"gen-{seed}-{i:07d}" for i in range(1, 10**9))
    produced = 0
    idx = 0
    prev: Network | None = None
    while produced < n_docs:
        batch: list[DocSource] = []
        if produced < n_docs * NETWORK_SHARE:
            net = make_network(idx, rng, c)
            batch.extend(network_docs(net, rng, ids))
            if prev is not None and idx % 10 == 9:
                info, bdocs = broker_docs(idx // 10, (prev, net), rng, c, ids)
                batch.extend(bdocs)
                on_broker(info)
            truth = net.truth()
            truth["documents"] = [d.id for d in batch if net.id in d.networks]
            told = [d.markup for d in batch if net.id in d.networks]
            truth["victims"] = [v for v in truth["victims"] if any(v["name"] in m for m in told)]  # type: ignore[attr-defined]
            on_network(truth)
            prev = net
            idx += 1
            batch.extend(distractor_docs(rng.randint(3, 7), rng, ids))
        else:
            batch.extend(distractor_docs(min(20, n_docs - produced), rng, ids))
        yield from batch[: n_docs - produced]
        produced += min(len(batch), n_docs - produced)


def generate(
    n_docs: int, seed: int, out: Path, progress: Callable[[int], None] | None = None
) -> dict[str, int]:
    """Write out/corpus/generated-NNNNN.jsonl, out/gold_entities.jsonl, out/ground_truth.json."""
    (out / "corpus").mkdir(parents=True, exist_ok=True)
    truth_path = out / "ground_truth.json"
    stats = {"documents": 0, "networks": 0, "brokers": 0}
    brokers: list[dict[str, object]] = []  # few (one per ten networks), kept to write at the end
    with (
        open(truth_path, "w", encoding="utf-8") as truth,
        open(out / "gold_entities.jsonl", "w", encoding="utf-8") as gold,
    ):
        head = {"format": "lantern-seed-ground-truth/1", "generator": {"seed": seed, "documents": n_docs}}
        truth.write(json.dumps(head)[:-1] + ',\n "networks": [\n')

        def on_network(t: dict[str, object]) -> None:
            truth.write((",\n" if stats["networks"] else "") + json.dumps(t, ensure_ascii=False))
            stats["networks"] += 1

        def on_broker(b: dict[str, object]) -> None:
            brokers.append(b)
            stats["brokers"] += 1

        corpus: IO[str] | None = None
        window: list[DocSource] = []
        shuffle = random.Random(seed + 1)

        def emit(doc: DocSource) -> None:
            nonlocal corpus
            n = stats["documents"]
            if n % DOCS_PER_FILE == 0:
                if corpus:
                    corpus.close()
                corpus = open(
                    out / "corpus" / f"generated-{n // DOCS_PER_FILE:05d}.jsonl", "w", encoding="utf-8"
                )
            line, spans = to_records(doc)
            assert corpus is not None
            corpus.write(json.dumps(line, ensure_ascii=False) + "\n")
            gold.write(json.dumps(spans, ensure_ascii=False) + "\n")
            stats["documents"] += 1
            if progress and stats["documents"] % 1000 == 0:
                progress(1000)

        for doc in _stream(n_docs, seed, on_network, on_broker):
            window.append(doc)
            if len(window) >= SHUFFLE_WINDOW:
                emit(window.pop(shuffle.randrange(len(window))))
        while window:
            emit(window.pop(shuffle.randrange(len(window))))
        if corpus:
            corpus.close()
        truth.write('\n ],\n "brokers": ' + json.dumps(brokers, ensure_ascii=False))
        wrapped = stats["networks"] * 2 + stats["brokers"] > pools.PHONE_POOL_SIZE
        truth.write(
            f',\n "phone_pool_size": {pools.PHONE_POOL_SIZE}, "phone_pool_wrapped": {json.dumps(wrapped)}}}\n'
        )
    return stats
