"""Markdown summary and PNG plots of a bench run (written next to the JSON results)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.common import RESULTS_DIR


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:,.3f}" if abs(v) < 10 else f"{v:,.1f}"
    return str(v)


def markdown(data: dict[str, Any]) -> str:
    m = data["machine"]
    lines = [
        "# Lantern benchmark summary",
        "",
        f"Run {m['date']} on {m['cores']} cores / {m['memory_gib']} GiB ({m['cpu']}), Python {m['python']}"
        + (" — **quick mode**" if data.get("quick") else ""),
        "",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()),
        "",
        "Every ratio compares Lantern with a baseline measured in the same run on the same machine.",
        "",
        "## Goals",
        "",
        "| goal | measured | target | met |",
        "|---|---|---|---|",
    ]
    for g in data["goals"]:
        lines.append(
            f"| {g['goal']} | {_fmt(g['value'])} | {g['target']} | {'yes' if g['met'] else '**no**'} |"
        )
    for section, values in data["sections"].items():
        lines += ["", f"## {section}", "", "| metric | value |", "|---|---|"]
        for k, v in values.items():
            if isinstance(v, list | dict):
                continue
            lines.append(f"| {k} | {_fmt(v)} |")
        for k, v in values.items():
            if isinstance(v, list) and v and isinstance(v[0], dict):
                cols = list(v[0].keys())
                lines += ["", f"**{k}**", "", "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
                lines += ["| " + " | ".join(_fmt(row.get(c, "")) for c in cols) + " |" for row in v]
    return "\n".join(lines) + "\n"


def plot_scale(data: dict[str, Any], out: Path = RESULTS_DIR / "scale.png") -> Path | None:
    rows = data["sections"].get("scale", {}).get("curve")
    if not rows:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
    docs = [r["documents"] for r in rows]
    for stage in ("extract_s", "ingest_s", "analyze_s"):
        pts = [(d, r[stage]) for d, r in zip(docs, rows, strict=True) if r.get(stage) is not None]
        if pts:
            ax1.plot(*zip(*pts, strict=True), marker="o", label=stage.removesuffix("_s"))
    ax1.set(xscale="log", yscale="log", xlabel="documents", ylabel="seconds", title="Time per stage")
    ax1.grid(True, which="both", alpha=0.3)
    ax1.legend()
    for stage in ("extract_peak_mib", "ingest_peak_mib", "analyze_peak_mib"):
        pts = [(d, r[stage]) for d, r in zip(docs, rows, strict=True) if r.get(stage) is not None]
        if pts:
            ax2.plot(*zip(*pts, strict=True), marker="o", label=stage.removesuffix("_peak_mib"))
    ax2.set(xscale="log", xlabel="documents", ylabel="peak RSS (MiB, client process)", title="Peak memory")
    ax2.grid(True, which="both", alpha=0.3)
    ax2.legend()
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def write(data: dict[str, Any]) -> Path:
    out = RESULTS_DIR / "SUMMARY.md"
    plot = plot_scale(data)
    text = markdown(data)
    if plot:
        text += f"\n![scale curve]({plot.name})\n"
    out.write_text(text)
    return out
