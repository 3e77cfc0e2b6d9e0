"""Fictional transactions for the seed's networks, with ground truth: `lantern money generate`.

The seed's seven networks (seed/ground_truth.json) keep their exploiter's bank account as the collecting
account and their three victims; `extra_networks` more are invented (3 to 6 victims each). Each network's
planted patterns are drawn per network (seed/money_plant.py); `people` people live everyday financial lives
around them (seed/money_noise.py). Same seed, same files.

Ground truth (`lantern-money-truth/1`): per red flag, the subject accounts planted for it, and per network
its accounts; `innocent_lookalikes` lists the everyday accounts made to resemble a flag (not positives).
"""

from __future__ import annotations

import csv
import json
import random
import re
from pathlib import Path
from typing import Any

from seed.money_model import DAYS, FLAG_KEYS, START, Ledger
from seed.money_noise import everyday
from seed.money_plant import FIRST_NAMES, Planted, plant

SEED_TRUTH = Path(__file__).resolve().parent / "ground_truth.json"
TRUTH_FORMAT = "lantern-money-truth/1"
HEADER = ("date", "amount", "currency", "from_account", "to_account", "reference")
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b")


def _seed_networks(truth_path: Path) -> list[dict[str, Any]]:
    data = json.loads(truth_path.read_text(encoding="utf-8"))
    out = []
    for net in data["networks"]:
        members = {m["key"]: m for m in net["members"]}
        if "account" not in members:
            continue
        address = (members.get("front_address") or {}).get("value", "")
        out.append(
            {
                "id": net["id"],
                "collector": members["account"]["value"],
                "victims": [v["name"].split()[0] for v in net["victims"]],
                "currency": "GBP" if _UK_POSTCODE.search(address) else "EUR",
                "sex_trade": net["trafficking_type"] == "SexTrafficking",
            }
        )
    return out


def generate(
    seed: int = 26, extra_networks: int = 23, people: int = 400, truth_path: Path = SEED_TRUTH
) -> tuple[list[tuple[Any, ...]], dict[str, Any]]:
    """(rows sorted by time, ground truth)."""
    from seed.money_model import account

    rng = random.Random(seed)
    led = Ledger(rng)
    networks = _seed_networks(truth_path)
    for i in range(extra_networks):
        networks.append(
            {
                "id": f"M{i + 1:02d}",
                "collector": account(2_000_000 + 100 * i),
                "victims": rng.sample(FIRST_NAMES, rng.randint(3, 6)),
                "currency": rng.choice(("GBP", "EUR")),
                "sex_trade": rng.random() < 0.5,
            }
        )
    planted: list[Planted] = []
    for j, net in enumerate(networks):
        base = (
            1_000_000 + 100 * j
            if not net["id"].startswith("M")
            else 2_000_000 + 100 * int(net["id"][1:]) - 100
        )
        planted.append(
            plant(
                led, rng, net["id"], net["collector"], net["victims"], base, net["currency"], net["sex_trade"]
            )
        )
    lookalikes = everyday(led, rng, people, "GBP")
    rows = sorted(led.rows)
    flags = {f: sorted({a for p in planted for a in p.flags.get(f, [])}) for f in FLAG_KEYS}
    truth = {
        "format": TRUTH_FORMAT,
        "generator": {
            "seed": seed,
            "extra_networks": extra_networks,
            "people": people,
            "start": START.date().isoformat(),
            "days": DAYS,
            "transactions": len(rows),
        },
        "flags": flags,
        "networks": [
            {"id": p.network, "collector": p.collector, "victims": p.victims, "flags": p.flags}
            for p in planted
        ],
        "innocent_lookalikes": lookalikes,
    }
    return rows, truth


def write(out_dir: Path, seed: int = 26, extra_networks: int = 23, people: int = 400) -> tuple[Path, Path]:
    """Write `transactions.csv` and `money_truth.json` into `out_dir`."""
    rows, truth = generate(seed, extra_networks, people)
    out_dir.mkdir(parents=True, exist_ok=True)
    csv_path, truth_path = out_dir / "transactions.csv", out_dir / "money_truth.json"
    with csv_path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for at, amount, cur, src, dst, ref in rows:
            w.writerow((at.strftime("%Y-%m-%d %H:%M"), f"{amount:.2f}", cur, src, dst, ref))
    truth_path.write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return csv_path, truth_path
