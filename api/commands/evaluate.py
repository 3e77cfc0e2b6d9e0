"""`lantern evaluate …` — score Lantern against gold data.

Subcommands: `extraction` (entity spans vs the hand-annotated gold set). Add further subcommands
(e.g. `networks`) with another `@app.command()` below; shared helpers live in this module.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from api.commands.common import console, fail
from api.commands.evaluate_report import (
    boilerplate_table,
    comparison_table,
    fmt,
    system_table,
    verdicts,
)

app = typer.Typer(
    help="Score Lantern against gold data.\n\nExample: lantern evaluate extraction --baseline",
    no_args_is_help=True,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = REPO_ROOT / "extraction" / "gold" / "orange_ca.jsonl"
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "press-releases" / "orange_ca"
DEFAULT_SEED = REPO_ROOT / "seed"


@app.command("extraction")
def extraction_command(
    gold: Path = typer.Option(DEFAULT_GOLD, "--gold", help="Gold JSONL (offsets + types, no text)."),
    data: Path = typer.Option(DEFAULT_DATA, "--data", help="Folder with the raw files named in the gold."),
    seed: Path = typer.Option(
        DEFAULT_SEED, "--seed", help="Seed folder (gold_entities.jsonl + corpus/); its spans are gold too."
    ),
    use_seed: bool = typer.Option(True, "--with-seed/--no-seed", help="Include the seed documents."),
    baseline: bool = typer.Option(False, "--baseline", help="Also score raw en_core_web_sm NER."),
    lantern: bool = typer.Option(True, "--lantern/--no-lantern", help="Score the Lantern extractor."),
    region: str = typer.Option("US", "--region", help="Phone region for the press releases (US)."),
    seed_region: str = typer.Option("GB", "--seed-region", help="Phone region for the seed documents (GB)."),
    out: Path | None = typer.Option(None, "--out", help="Write the full report (JSON) here."),
) -> None:
    """Score entity extraction against the gold set: per-type P/R/F1, exact and partial spans.

    Example: lantern evaluate extraction --gold extraction/gold/orange_ca.jsonl
    --data ../shared/data/press-releases/orange_ca --baseline --out report.json
    """
    from rich.progress import Progress

    from extraction.evaluate import System, evaluate, prepare
    from extraction.evaluate_gold import load_gold

    if not gold.exists():
        fail(f"gold file {gold} not found: pass --gold extraction/gold/orange_ca.jsonl")
    if not data.is_dir():
        fail(f"data folder {data} not found: pass --data <folder with the raw press releases>")
    try:
        gold_docs = load_gold(gold)
    except ValueError as exc:
        fail(str(exc))
    seed_texts = None
    if use_seed:
        from extraction.evaluate_seed import load_seed_gold

        seed_gold, seed_texts = load_seed_gold(seed)
        if not seed_gold:
            console.print(f"[yellow]No seed gold found in {seed}; scoring the press releases only.[/]")
        gold_docs += seed_gold

    systems: dict[str, System] = {}
    per_corpus: dict[str, dict[str, System]] = {}
    if lantern:
        try:
            from extraction.pipeline import Extractor
        except ImportError as exc:
            fail(f"the Lantern extractor is not importable ({exc}); use --no-lantern --baseline")
        systems["lantern"] = Extractor(region=region)
        if seed_texts and seed_region != region:
            per_corpus["seed"] = {"lantern": Extractor(region=seed_region)}
    if baseline:
        from extraction.evaluate_baseline import SpacyBaseline

        systems["spacy-sm"] = SpacyBaseline()
    if not systems:
        fail("nothing to score: drop --no-lantern or add --baseline")

    prepared, skipped = prepare(gold_docs, data, seed_texts)
    for item in skipped:
        console.print(f"[yellow]skipped[/] {item['doc']}: {item['reason']}")
    if not prepared:
        fail("no gold document could be prepared; check --data and the messages above")

    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("Extracting", total=len(prepared) * len(systems))

        def tick(system: str, doc: str) -> None:
            progress.update(task, advance=1, description=f"{system}: {doc[:40]}")

        report = evaluate(prepared, systems, on_document=tick, per_corpus=per_corpus)
    report.skipped = skipped + report.skipped
    result = report.to_dict()
    console.print(
        f"{report.documents} documents scored, {len(report.skipped)} skipped, "
        f"{report.unaligned_lines} cleaned lines not found in the raw files."
    )
    for system in result["systems"]:
        console.print(system_table(system))
    console.print(comparison_table(result["systems"]))
    for line in verdicts(result["systems"]):
        console.print(line)
    console.print(boilerplate_table(result["systems"]))
    for system in result["systems"]:
        if system["relation_precision"] is not None or system["relation_recall"] is not None:
            console.print(
                f"{system['system']} on {system['corpus']}: relation precision "
                f"{fmt(system['relation_precision'])} ({system['relations_predicted']} predicted), "
                f"recall {fmt(system['relation_recall'])} ({system['relations_gold']} gold relations)"
            )
    if out is not None:
        out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
        console.print(f"Report written to {out}")


from api.commands.evaluate_networks import networks_command  # noqa: E402  (analytics engineer's subcommand)

app.command("networks")(networks_command)

from api.commands.evaluate_analysis import analysis_command  # noqa: E402  (issue 28: analysis on real releases)

app.command("analysis")(analysis_command)
