"""Rich tables and verdict lines for `lantern evaluate extraction` (input: the JSON report dicts)."""

from __future__ import annotations

from typing import Any

from rich.table import Table

TARGETS = {"Person": 0.85, "Location": 0.80, "Business": 0.70, "Phone": 0.95, "Email": 0.95}
"""Issue 4 targets (exact-span F1 on the development gold)."""


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def system_table(system: dict[str, Any]) -> Table:
    title = f"{system['system']} on {system['corpus']}: exact span | partial (overlap) match"
    table = Table(title=title)
    for name in ("Type", "Gold", "Pred", "P", "R", "F1", "P~", "R~", "F1~"):
        table.add_column(name, justify="left" if name == "Type" else "right")
    for entity_type, s in system["per_type"].items():
        table.add_row(
            entity_type,
            str(s["gold"]),
            str(s["predicted"]),
            *(fmt(s[k]) for k in ("exact_p", "exact_r", "exact_f1", "partial_p", "partial_r", "partial_f1")),
        )
    table.add_row(
        "macro", "", "", "", "", fmt(system["macro_exact_f1"]), "", "", fmt(system["macro_partial_f1"])
    )
    return table


def comparison_table(systems: list[dict[str, Any]]) -> Table:
    table = Table(title="Exact-span F1 side by side (target = issue 4)")
    table.add_column("Type")
    table.add_column("Target", justify="right")
    for system in systems:
        table.add_column(f"{system['system']}\n{system['corpus']}", justify="right")
    for entity_type in systems[0]["per_type"]:
        if entity_type not in TARGETS:
            continue
        cells = []
        for system in systems:
            f1 = system["per_type"][entity_type]["exact_f1"]
            target = TARGETS[entity_type]
            style = "" if f1 is None else ("green" if f1 >= target else "red")
            cells.append(f"[{style}]{fmt(f1)}[/]" if style else fmt(f1))
        table.add_row(entity_type, fmt(TARGETS[entity_type]), *cells)
    return table


def verdicts(systems: list[dict[str, Any]]) -> list[str]:
    """One line per Lantern corpus group: targets missed and types below the baseline."""
    by_key = {(s["system"], s["corpus"]): s for s in systems}
    lines = []
    for (name, corpus), system in by_key.items():
        if name != "lantern":
            continue
        misses, behind = [], []
        for entity_type, target in TARGETS.items():
            f1 = system["per_type"][entity_type]["exact_f1"]
            if f1 is None:
                continue
            if f1 < target:
                misses.append(f"{entity_type} {f1:.2f} < {target:.2f}")
            base = by_key.get(("spacy-sm", corpus), {}).get("per_type", {}).get(entity_type, {})
            if base.get("exact_f1") is not None and f1 < base["exact_f1"]:
                behind.append(f"{entity_type} {f1:.2f} < spaCy {base['exact_f1']:.2f}")
        verdict = "all targets met" if not misses else "below target: " + ", ".join(misses)
        if behind:
            verdict += "; below the baseline: " + ", ".join(behind)
        lines.append(f"lantern on {corpus}: {verdict}")
    return lines


def boilerplate_table(systems: list[dict[str, Any]]) -> Table:
    table = Table(title="Entities predicted outside the article body (target 0) / on unaligned lines")
    table.add_column("System")
    table.add_column("Corpus")
    table.add_column("Boilerplate entities")
    table.add_column("Unaligned entities")
    for system in systems:
        bp = system["boilerplate_entities"]
        un = system["unaligned_entities"]
        table.add_row(
            system["system"],
            system["corpus"],
            f"{sum(bp.values())}  " + ", ".join(f"{k}={v}" for k, v in sorted(bp.items())),
            f"{sum(un.values())}  " + ", ".join(f"{k}={v}" for k, v in sorted(un.items())),
        )
    return table
