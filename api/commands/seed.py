"""`lantern seed build|check|generate` — the fictional seed corpus and the scale generator."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from api.commands.common import console, fail

app = typer.Typer(
    help="The fictional seed corpus with ground truth, and a generator for scale runs.\n\n"
    "Example: lantern seed generate --documents 200 --seed 7 --out /tmp/gen",
    no_args_is_help=True,
)


@app.command("build")
def build() -> None:
    """Render seed/sources + the building blocks into seed/corpus/*.jsonl, seed/gold_entities.jsonl,
    seed/ground_truth.json and seed/suppliers.csv (deterministic).

    Example: lantern seed build
    """
    from seed.build import SEED_DIR, write_outputs

    for path in write_outputs():
        console.print(f"wrote {path.relative_to(SEED_DIR.parent)}")


@app.command("check")
def check() -> None:
    """Fail when the committed seed outputs differ from a fresh build (run `lantern seed build`).

    Example: lantern seed check
    """
    from seed.build import stale_outputs

    stale = stale_outputs()
    if stale:
        fail(f"seed outputs are out of date: {', '.join(stale)}. Run `lantern seed build` and commit them.")
    console.print("[green]seed outputs are up to date[/]")


@app.command("generate")
def generate(
    documents: int = typer.Option(10_000, "--documents", "-n", min=1, help="How many documents."),
    seed: int = typer.Option(1, "--seed", "-s", help="Random seed; same seed, same output."),
    out: Path = typer.Option(Path("generated"), "--out", "-o", help="Output directory."),
) -> None:
    """Generate a synthetic corpus (documents + gold spans + ground truth) from the seed's building blocks.

    Writes OUT/corpus/generated-NNNNN.jsonl (50,000 documents per file), OUT/gold_entities.jsonl and
    OUT/ground_truth.json. Ingest it with `lantern ingest OUT/corpus`.

    Example: lantern seed generate --documents 200 --seed 7 --out /tmp/gen
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from seed.generate import generate as run

    if out.exists() and not out.is_dir():
        fail(f"{out} exists and is not a directory; choose another --out.")
    started = time.perf_counter()
    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console) as progress:  # fmt: skip
        task = progress.add_task("generating", total=documents)
        stats = run(documents, seed, out, progress=lambda n: progress.advance(task, n))
        progress.update(task, completed=documents)
    secs = time.perf_counter() - started
    console.print(
        f"[green]{stats['documents']:,} documents[/], {stats['networks']:,} planted networks, "
        f"{stats['brokers']:,} brokers in {secs:.1f} s → {out}"
    )
