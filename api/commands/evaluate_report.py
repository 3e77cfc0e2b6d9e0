"""Rich tables and verdict lines for `lantern evaluate extraction` (input: the JSON report dicts)."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from ontology.names import C

TARGETS = {C.Person: 0.85, "Organisation": 0.65, C.Location: 0.80, C.Phone: 0.90, C.Email: 0.95}
"""Issue 21 goals, exact-span F1 on EVERY source (Email keeps issue 4's target)."""
PERSON_MARGIN = 0.04
"""Issue 21: Lantern's Person F1 must beat raw spaCy's by this much on every source."""
MIN_GOLD = 10
"""A source takes part in the worst-source headline of a type when its gold has at least this many
spans of that type (fewer is noise: one span moves F1 by 0.1)."""
SPLITS = ("dev", "test", "all")


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
    table = Table(title="Exact-span F1 side by side (target = issue 21 goal)")
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


def _f1(system: dict[str, Any] | None, entity_type: str) -> float | None:
    if system is None:
        return None
    value: float | None = system["per_type"].get(entity_type, {}).get("exact_f1")
    return value


def worst_sources(
    systems: list[dict[str, Any]], lantern: str = "lantern", baseline: str = "spacy-sm"
) -> list[dict[str, Any]]:
    """Per headline type: the source where Lantern's exact F1 is lowest (sources with >= MIN_GOLD gold
    spans of the type), the baseline on that source, and whether the issue 21 goal holds there."""
    by_key = {(s["system"], s["corpus"]): s for s in systems}
    sources = sorted({s["corpus"] for s in systems if s["corpus"] not in SPLITS})
    rows = []
    for entity_type, target in TARGETS.items():
        candidates = []
        for source in sources:
            system = by_key.get((lantern, source))
            if system is None or system["per_type"][entity_type]["gold"] < MIN_GOLD:
                continue
            candidates.append((_f1(system, entity_type) or 0.0, source))
        if not candidates:
            continue
        f1, source = min(candidates)
        base = _f1(by_key.get((baseline, source)), entity_type)
        goal = f1 >= target
        if entity_type == C.Person and base is not None:
            goal = goal and f1 >= base + PERSON_MARGIN
        behind = [
            s
            for _, s in candidates
            if (b := _f1(by_key.get((baseline, s)), entity_type)) is not None
            and (_f1(by_key.get((lantern, s)), entity_type) or 0.0) < b
        ]
        rows.append(
            {
                "type": entity_type,
                "source": source,
                "lantern": f1,
                "baseline": base,
                "target": target,
                "goal_met": goal,
                "sources": len(candidates),
                "below_baseline_on": behind,
            }
        )
    return rows


def headline_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title="Headline: the WEAKEST source per type (exact-span F1)")
    for name in ("Type", "Weakest source", "Lantern", "raw spaCy", "Goal", "Met", "Below spaCy on"):
        table.add_column(
            name, justify="left" if name in {"Type", "Weakest source", "Below spaCy on"} else "right"
        )
    for row in rows:
        goal = f">= {row['target']:.2f}" + (
            f" & spaCy+{PERSON_MARGIN:.2f}" if row["type"] == C.Person else ""
        )
        met = "[green]yes[/]" if row["goal_met"] else "[red]no[/]"
        table.add_row(
            row["type"],
            f"{row['source']} (of {row['sources']})",
            fmt(row["lantern"]),
            fmt(row["baseline"]),
            goal,
            met,
            ", ".join(row["below_baseline_on"]) or "none",
        )
    return table


def source_table(systems: list[dict[str, Any]], names: list[str]) -> Table:
    """One row per source (and split): exact F1 per headline type for each system."""
    table = Table(title="Per source: exact-span F1 (" + " / ".join(names) + ")")
    table.add_column("Source")
    for entity_type in TARGETS:
        table.add_column(entity_type, justify="right")
    by_key = {(s["system"], s["corpus"]): s for s in systems}
    groups = [s["corpus"] for s in systems if s["system"] == names[0]]
    for group in groups:
        cells = []
        for entity_type in TARGETS:
            values = [_f1(by_key.get((name, group)), entity_type) for name in names]
            gold = by_key[(names[0], group)]["per_type"][entity_type]["gold"]
            cells.append(" / ".join(fmt(v) for v in values) + f" ({gold})")
        table.add_row(group if group not in SPLITS else f"[bold]{group}[/]", *cells)
    return table


def ablation_table(systems: list[dict[str, Any]], steps: list[str], entity_type: str) -> Table:
    """Rows: ablation steps in pipeline order; columns: sources; cells: exact F1 and the change from
    the previous step (red when a step lowers F1 on that source)."""
    by_key = {(s["system"], s["corpus"]): s for s in systems}
    groups = [s["corpus"] for s in systems if s["system"] == steps[0]]
    table = Table(title=f"Ablation, {entity_type}: exact F1 per source as components are added")
    table.add_column("Step")
    for group in groups:
        table.add_column(group, justify="right")
    previous: dict[str, float | None] = {}
    for step in steps:
        cells = []
        for group in groups:
            value = _f1(by_key.get((step, group)), entity_type)
            before = previous.get(group)
            delta = "" if value is None or before is None else f" {value - before:+.2f}"
            style = "red" if delta.startswith(" -") and abs(value - before) >= 0.005 else ""  # type: ignore[operator]
            cell = fmt(value) + delta
            cells.append(f"[{style}]{cell}[/]" if style else cell)
            previous[group] = value
        table.add_row(step, *cells)
    return table


READER_GOAL = 0.99


def reader_table(reader: dict[str, dict[str, Any]]) -> Table:
    """Body-line recall of the reader per source (issue 21: boilerplate removal never drops the article)."""
    table = Table(title=f"Reader: gold body sentences kept in the cleaned text (goal >= {READER_GOAL:.2f})")
    for name in ("Source", "Body sentences", "Kept", "Recall"):
        table.add_column(name, justify="left" if name == "Source" else "right")
    for group, row in reader.items():
        recall = row["recall"]
        style = "" if recall is None else ("green" if recall >= READER_GOAL else "red")
        cell = fmt(recall) if recall is None or recall >= 0.995 or recall < READER_GOAL else f"{recall:.3f}"
        table.add_row(
            group, str(row["body_lines"]), str(row["kept"]), f"[{style}]{cell}[/]" if style else cell
        )
    return table
