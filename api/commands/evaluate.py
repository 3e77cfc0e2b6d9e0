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
    ablation_table,
    boilerplate_table,
    comparison_table,
    fmt,
    headline_table,
    reader_table,
    source_table,
    system_table,
    verdicts,
    worst_sources,
)
from ontology.names import C

app = typer.Typer(
    help="Score Lantern against gold data.\n\nExample: lantern evaluate extraction --baseline",
    no_args_is_help=True,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "press-releases"
DEFAULT_SEED = REPO_ROOT / "seed"


@app.command("extraction")
def extraction_command(
    gold: list[Path] = typer.Option(
        [],
        "--gold",
        help="Gold JSONL file(s), offsets + types only; default: every extraction/gold/<source>.jsonl.",
    ),
    data: Path = typer.Option(
        DEFAULT_DATA,
        "--data",
        help="Folder holding <source>/<file> (or the files) named in the gold.",
    ),
    seed: Path = typer.Option(
        DEFAULT_SEED, "--seed", help="Seed folder (gold_entities.jsonl + corpus/); its spans are gold too."
    ),
    use_seed: bool = typer.Option(True, "--with-seed/--no-seed", help="Include the seed documents."),
    baseline: bool = typer.Option(
        True, "--baseline/--no-baseline", help="Also score raw en_core_web_sm NER."
    ),
    lantern: bool = typer.Option(True, "--lantern/--no-lantern", help="Score the Lantern extractor."),
    ablation: bool = typer.Option(
        False, "--ablation", help="Also score Lantern with its components added one by one (pipeline order)."
    ),
    region: str = typer.Option("US", "--region", help="Fallback phone region for the press releases (US)."),
    seed_region: str = typer.Option("GB", "--seed-region", help="Fallback phone region for the seed (GB)."),
    out: Path | None = typer.Option(None, "--out", help="Write the full report (JSON) here."),
    details: bool = typer.Option(False, "--details", help="Print each system's per-type table too."),
    ads: bool = typer.Option(True, "--ads/--no-ads", help="Also score phones in the fictional adverts."),
) -> None:
    """Score entity extraction against the gold set, per source, worst source first.

    Every source (office) is scored separately, plus the dev split (tuned on), the test split (held
    out, extraction/gold/split.json) and all together; the headline is the weakest source per type,
    against raw spaCy on the same text.

    Example: lantern evaluate extraction --ablation --out report.json
    """
    from rich.progress import Progress

    from extraction.evaluate import System, ablation_systems, evaluate, prepare
    from extraction.evaluate_gold import gold_files, held_out, load_gold

    gold_paths = gold or gold_files()
    for path in gold_paths:
        if not path.exists():
            fail(f"gold file {path} not found: pass --gold extraction/gold/<source>.jsonl")
    if not data.is_dir():
        fail(f"data folder {data} not found: pass --data <folder with the raw press releases>")
    gold_docs = []
    for path in gold_paths:
        try:
            gold_docs += load_gold(path)
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
    steps: list[str] = []
    if baseline:
        from extraction.evaluate_baseline import SpacyBaseline

        systems["spacy-sm"] = SpacyBaseline()
    if lantern:
        try:
            from extraction.pipeline import Extractor
        except ImportError as exc:
            fail(f"the Lantern extractor is not importable ({exc}); use --no-lantern --baseline")
        if ablation:
            for name, (system, seed_system) in ablation_systems(region, seed_region).items():
                systems[name] = system
                per_corpus.setdefault("seed", {})[name] = seed_system
                steps.append(name)
        systems["lantern"] = Extractor(region=region)
        if seed_texts and seed_region != region:
            per_corpus.setdefault("seed", {})["lantern"] = Extractor(region=seed_region)
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

        report = evaluate(prepared, systems, on_document=tick, per_corpus=per_corpus, test_corpora=held_out())
    report.skipped = skipped + report.skipped
    result = report.to_dict()
    console.print(
        f"{report.documents} documents scored, {len(report.skipped)} skipped, "
        f"{report.unaligned_lines} cleaned lines not found in the raw files."
    )
    if details:
        for system in result["systems"]:
            console.print(system_table(system))
    names: list[str] = [n for n in ("lantern", "spacy-sm") if n in systems]
    console.print(source_table(result["systems"], names))
    if "lantern" in systems and "spacy-sm" in systems:
        result["headline"] = worst_sources(result["systems"])
        console.print(headline_table(result["headline"]))
    if steps:
        ordered = ["spacy-sm", *steps, "lantern"] if "spacy-sm" in systems else [*steps, "lantern"]
        for entity_type in (C.Person, "Organisation", C.Location, C.Phone):
            console.print(ablation_table(result["systems"], ordered, entity_type))
    if details:
        console.print(comparison_table(result["systems"]))
        for line in verdicts(result["systems"]):
            console.print(line)
    console.print(boilerplate_table([s for s in result["systems"] if s["system"] in names]))
    console.print(reader_table(result["reader"]))
    if "lantern" in systems and ads:
        from extraction.evaluate_phones import load_ads, score_phones

        result["ads"] = {}
        for split in ("tune", "held out"):
            items = [a for a in load_ads() if (a.get("split") == "tune") == (split == "tune")]
            scores = score_phones(systems["lantern"], items)  # type: ignore[arg-type]
            scores.pop("errors")
            result["ads"][split] = scores
            kinds = ", ".join(f"{k} {v['F1']:.2f}" for k, v in scores["kinds"].items())
            console.print(
                f"Fictional adverts ({split}, {scores['ads']} ads): phone F1 {scores['F1']:.2f} "
                f"(P {scores['P']:.2f}, R {scores['R']:.2f}; {kinds}) — goal >= 0.92"
            )
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

from api.commands.evaluate_key_players import key_players_command  # noqa: E402  (issue 24: risk of planted key players)

app.command("key-players")(key_players_command)

from api.commands.evaluate_money import money_command  # noqa: E402  (money-flows subcommand)

app.command("money")(money_command)
