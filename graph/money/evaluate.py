"""Score detected money red flags against a generator's ground truth (`lantern-money-truth/1`).

Unit of scoring: the subject account of a flag (the collecting account for fan-in, the payer for rent and
advertising, the pass-through account for rapid in-out, the sender for structuring). Per flag: true
positives, false positives, false negatives, precision and recall.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.money.flags import FLAG_NAMES, Flag
from graph.resolve_keys import payment_value

TRUTH_FORMAT = "lantern-money-truth/1"


@dataclass
class FlagScore:
    flag: str
    tp: int
    fp: int
    fn: int
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load_truth(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != TRUTH_FORMAT:
        raise ValueError(
            f"{path} is not a money ground truth (format {data.get('format')!r}, expected {TRUTH_FORMAT!r}): "
            "write one with `lantern money generate`"
        )
    return data


def score(found: list[Flag], truth: dict[str, Any]) -> list[FlagScore]:
    out = []
    for flag in FLAG_NAMES:
        planted = {payment_value(a) for a in truth["flags"].get(flag, [])}
        got = {f.account for f in found if f.flag == flag}
        out.append(
            FlagScore(
                flag,
                len(got & planted),
                len(got - planted),
                len(planted - got),
                sorted(got - planted),
                sorted(planted - got),
            )
        )
    return out
