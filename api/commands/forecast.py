# ruff: noqa: E501
"""`lantern forecast backtest` — score the next-period hotspot forecast against the naive baselines."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from api.commands.common import console, fail

app = typer.Typer(
    help="Predicted hotspots for the next period, scored by backtesting.\n\n"
    "Example: lantern forecast backtest --scenarios 1 --profile displacement",
    no_args_is_help=True,
)


def _cell(value: object) -> str:
    """A figure as the table shows it: three decimals for a score or a share, "—" for none."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _print(result: dict[str, object]) -> None:
    from rich.table import Table

    models = result["models"]
    assert isinstance(models, list)
    tab = Table(title=f"{result['data']} — k={result['k']}, {result['places']} places")
    cols = [c for c in ("origins", "precision_at_k", "precision_at_k_truth", "poisson_deviance", "log_score")
            if c in models[0]]  # fmt: skip
    tab.add_column("model")
    for c in cols:
        tab.add_column(c.replace("_", " "), justify="right")
    for m in models:
        tab.add_row(str(m["model"]), *(_cell(m.get(c, "")) for c in cols))
    console.print(tab)
    weights, picked = models[0].get("weights"), models[0].get("picked")
    if isinstance(weights, dict):
        pooled = ", ".join(f"{m} {w:.2f}" for m, w in weights.items())
        console.print(f"the published forecast pooled the candidates with mean weights: {pooled}")
    elif isinstance(picked, dict):
        used = ", ".join(f"{m} {n}" for m, n in picked.items())
        console.print(f"the published forecast used (origins): {used}")
    console.print("precision@k gain of the published forecast: " + ", ".join(
        f"{k} {v:+.3f}" for k, v in result["gains"].items()))  # type: ignore[attr-defined]  # fmt: skip
    cal = result["calibration"]
    assert isinstance(cal, dict)
    brier = f"Brier raw {cal['brier_raw']}, recalibrated {cal['brier_recalibrated']}"
    ctab = Table(title=f"calibration — {cal['judgements']} judgements ({brier})")
    for c in ("word", "band", "raw: judgements", "raw: came true", "recal.: judgements", "recal.: came true"):
        ctab.add_column(c)
    for raw, rec in zip(cal["raw"], cal["recalibrated"], strict=True):
        ctab.add_row(raw["word"], raw["band"], str(raw["judgements"]), _cell(raw["came_true"]),
                     str(rec["judgements"]), _cell(rec["came_true"]))  # fmt: skip
    console.print(ctab)


@app.command("backtest")
def backtest(
    scenarios: int = typer.Option(0, "--scenarios", help="Generated scenarios to score (seeds 1..N)."),
    profile: str = typer.Option("displacement", "--profile", help="Scenario profile: steady | displacement."),
    extracted: Path | None = typer.Option(None, "--extracted", help="`lantern extract` JSONL to score."),
    granularity: str = typer.Option(
        "year", "--granularity", help="Period for --extracted: year|quarter|month."
    ),
    k: int = typer.Option(10, "-k", min=1, help="How many hotspots to predict per period."),
    out: Path | None = typer.Option(None, "--json", help="Also write the figures as JSON here."),
    select: str = typer.Option(
        "pool",
        "--select",
        help="How the published forecast uses the candidates per origin: pool (weighted by past log "
        "score) | log-score | precision (the one best candidate).",
    ),
    routes: bool = typer.Option(
        False,
        "--routes",
        help="With --extracted: forecast corridors (origin → transit → destination) "
        "from the movement relations instead of places.",
    ),
) -> None:
    """Train on periods <= t, predict t+1, for every t; compare with 'last period repeats' and
    'long-run average' (precision@k, Poisson deviance, log score) and print the calibration table.
    The published forecast is, at each origin, the candidates (the GLM, its variants, the baselines)
    pooled with weights that maximise their log score on the earlier origins only (`--select pool`),
    or the one candidate that scored best there (`--select log-score|precision`).

    Example: lantern forecast backtest --scenarios 1 --profile steady --json /tmp/bt.json
    Example: lantern forecast backtest --extracted /tmp/news.jsonl --granularity quarter -k 5
    Example: lantern extract seed/corpus --out /tmp/seed.jsonl && lantern forecast backtest --extracted /tmp/seed.jsonl --routes --granularity quarter -k 2
    """
    from graph.forecast.backtest import CRITERIA
    from graph.forecast.evaluate import run_extracted, run_routes, run_scenarios
    from graph.forecast.panel import Panel, upstream_matrix
    from seed.scenarios import PROFILES, corridor_edges, profile_scenario

    if not scenarios and extracted is None:
        fail("give --scenarios N and/or --extracted FILE.jsonl")
    if profile not in PROFILES:
        fail(f"--profile must be one of {', '.join(PROFILES)}")
    if select not in CRITERIA:
        fail(f"--select must be one of {', '.join(CRITERIA)}")
    results = []
    if scenarios:
        runs = []
        for seed in range(1, scenarios + 1):
            sc = profile_scenario(seed, profile)
            up = upstream_matrix(sc.places, corridor_edges())
            runs.append(
                (Panel(sc.places, sc.periods, sc.counts, 12).with_leading(sc.signals, up), sc.intensity)
            )
        results.append(
            run_scenarios(runs, f"generated scenarios ({profile}, seeds 1–{scenarios})", k, criterion=select)
        )
    if extracted is not None:
        if not extracted.exists():
            fail(f"{extracted} does not exist; make it with `lantern extract DOCS --out {extracted}`")
        try:
            results.append(
                run_routes(extracted, granularity, k, criterion=select)
                if routes
                else run_extracted(extracted, granularity, k, criterion=select)
            )
        except ValueError as e:
            fail(str(e))
    for r in results:
        _print(r)
    if out is not None:
        out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        console.print(f"wrote {out}")
