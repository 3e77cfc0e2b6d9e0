"""Self-contained HTML audit report: inline CSS, an inline SVG diagram per exposure path, evidence."""

from __future__ import annotations

from html import escape

from graph.audit.model import CLEAR, EXPOSED, NO_MATCH, AuditReport, ExposurePath, SupplierResult
from ontology import load_ontology
from ontology.loader import DEFAULT_COLOUR

_ONT = load_ontology()  # node colours: lt:colour, as in Neo4j Browser and the link chart
STATUS_CLASS = {EXPOSED: "exposed", CLEAR: "clear", NO_MATCH: "nomatch"}
CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;
  margin:2rem auto;max-width:1100px;color:#222}
h1{margin-bottom:.2rem} .meta{color:#666} table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f6} .badge{padding:.1rem .5rem;border-radius:1rem;font-size:12px;white-space:nowrap}
.exposed{background:#fde0e0;color:#a30000} .clear{background:#e0f5e4;color:#1b5e20}
.nomatch{background:#eceff1;color:#455a64} .error{background:#fff3cd;color:#7a5b00}
section.supplier{border:1px solid #ddd;border-radius:8px;padding:1rem;margin:1.2rem 0}
blockquote{margin:.3rem 0 .3rem 1rem;padding:.2rem .6rem;border-left:3px solid #bbb;
  color:#444;background:#fafafa}
.small{font-size:12px;color:#666} svg{max-width:100%;height:auto;display:block;margin:.5rem 0}
.counts span{margin-right:1rem}
"""


def _badge(status: str) -> str:
    return f'<span class="badge {STATUS_CLASS.get(status, "error")}">{escape(status)}</span>'


def path_svg(path: ExposurePath) -> str:
    """Nodes left to right, edges labelled with the relationship type (and direction arrow)."""
    step, r, height = 190, 20, 110
    width = max(1, len(path.nodes)) * step
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="{width}" role="img" '
        f'aria-label="{escape(path.summary)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    xs = [step // 2 + i * step for i in range(len(path.nodes))]
    for i, hop in enumerate(path.hops):
        x1, x2 = xs[i] + r, xs[i + 1] - r
        forward = hop.source == path.nodes[i].id
        arrow = "→" if forward else "←"
        dash = ' stroke-dasharray="5,4"' if hop.type in _ONT.weak_link_types() else ""
        parts.append(f'<line x1="{x1}" y1="40" x2="{x2}" y2="40" stroke="#888" stroke-width="2"{dash}/>')
        parts.append(
            f'<text x="{(x1 + x2) // 2}" y="32" font-size="11" text-anchor="middle" fill="#555">'
            f"{escape(hop.type)} {arrow}</text>"
        )
    last = len(path.nodes) - 1
    for i, (x, node) in enumerate(zip(xs, path.nodes, strict=True)):
        colour = _ONT.colour(node.kind) if _ONT.is_class(node.kind) else DEFAULT_COLOUR
        stroke = ' stroke="#a30000" stroke-width="4"' if i == last else ' stroke="#fff" stroke-width="2"'
        parts.append(f'<circle cx="{x}" cy="40" r="{r}" fill="{colour}"{stroke}/>')
        label = node.name if len(node.name) <= 26 else node.name[:25] + "…"
        parts.append(f'<text x="{x}" y="78" font-size="12" text-anchor="middle">{escape(label)}</text>')
        parts.append(
            f'<text x="{x}" y="94" font-size="10" text-anchor="middle" fill="#777">{escape(node.kind)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _path_html(path: ExposurePath, n: int) -> str:
    names = {node.id: node.name for node in path.nodes}
    hops = []
    for hop in path.hops:
        quotes = "".join(f"<blockquote>{escape(s)}</blockquote>" for s in hop.snippets[:2])
        docs = ", ".join(escape(d) for d in hop.doc_ids) or "—"
        hops.append(
            f"<li><b>{escape(names.get(hop.source, hop.source))}</b> —{escape(hop.type)}→ "
            f"<b>{escape(names.get(hop.target, hop.target))}</b> <span class='small'>documents: {docs}"
            f"</span>{quotes}</li>"
        )
    context = []
    if path.trafficking_types:
        context.append("trafficking types: " + ", ".join(escape(t) for t in path.trafficking_types))
    if path.incidents:
        context.append("incidents: " + ", ".join(escape(i) for i in path.incidents))
    if path.doc_ids:
        context.append("documents naming it: " + ", ".join(escape(d) for d in path.doc_ids))
    return (
        f"<h4>Path {n}: {len(path.hops)} hop(s), risk {path.risk:.2f}"
        f"{' (weak: includes a same-sentence co-mention, not a stated relation)' if path.weak else ''}"
        " — ends at a trafficking-linked entity "
        f"({escape('; '.join(path.reasons))})</h4>{path_svg(path)}"
        f"<ol>{''.join(hops) or '<li>The matched business itself is flagged.</li>'}</ol>"
        f"<p class='small'>{' · '.join(context)}</p>"
    )


def _supplier_html(r: SupplierResult) -> str:
    head = (
        f"<h3>#{r.rank} {escape(r.name)} <span class='small'>({escape(r.supplier_id)}, row {r.row})</span> "
        f"{_badge(r.status)} risk {r.risk:.2f}</h3>"
    )
    if r.matches:
        rows = "".join(
            f"<tr><td>{escape(m.business_name)}<div class='small'>{escape(m.kind)}</div></td>"
            f"<td>{m.score:.2f}</td><td>{escape(m.explanation)}</td></tr>"
            for m in r.matches
        )
        match = f"<table><tr><th>Matched business</th><th>Score</th><th>Why</th></tr>{rows}</table>"
    else:
        near = "; ".join(
            f"{escape(m.business_name)} {m.score:.2f} ({escape(m.explanation)})" for m in r.near_misses
        )
        match = f"<p>No business in the graph matches this supplier.{' Closest: ' + near if near else ''}</p>"
    if r.status == CLEAR:
        body = (
            "<p>No trafficking-linked entity within the audited number of hops of the matched business.</p>"
        )
    else:
        body = "".join(_path_html(p, i) for i, p in enumerate(r.paths[:5], 1))
        if len(r.paths) > 5:
            body += f"<p class='small'>{len(r.paths) - 5} more path(s) in the JSON report.</p>"
    notes = "".join(f"<p class='small'>Note: {escape(n)}</p>" for n in r.notes)
    if r.named_in:
        items = "".join(
            f"<li>{escape(d.doc_id)} {escape(d.title or '')} <span class='small'>{escape(d.published or '')} "
            f"{escape(', '.join(d.trafficking_types + d.indicators))}</span></li>"
            for d in r.named_in
        )
        notes += (
            f"<details><summary>Documents naming the matched business ({len(r.named_in)}; context, not "
            f"evidence of exposure)</summary><ul>{items}</ul></details>"
        )
    return f"<section class='supplier' id='{escape(r.supplier_id)}'>{head}{match}{body}{notes}</section>"


def render_html(report: AuditReport) -> str:
    counts = report.counts()
    summary_rows = "".join(
        f"<tr><td>{r.rank}</td><td><a href='#{escape(r.supplier_id)}'>{escape(r.name)}</a></td>"
        f"<td>{escape(r.country)}</td><td>{_badge(r.status)}</td><td>{r.risk:.2f}</td>"
        f"<td>{escape(r.matches[0].business_name) if r.matches else ''}</td></tr>"
        for r in report.results
    )
    errors = "".join(
        f"<tr><td>{e['row']}</td><td>{escape(str(e['supplier_id']))}</td>"
        f"<td>{escape(str(e['reason']))}</td></tr>"
        for e in report.errors
    )
    error_html = (
        (
            f"<h2>Rows that could not be audited</h2><table><tr><th>Row</th><th>Supplier</th><th>Reason</th>"
            f"</tr>{errors}</table>"
        )
        if errors
        else ""
    )
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Lantern supplier exposure audit</title><style>{CSS}</style></head><body>
<h1>Supplier exposure audit</h1>
<p class="meta">Register {escape(report.register)} · generated {escape(report.generated_at)}
· role {escape(report.role)} (personal data masked accordingly) · up to {report.max_hops} hops
· match threshold {report.match_threshold:.2f} · {report.graph_businesses} businesses in the graph</p>
<p class="counts"><span>{_badge(EXPOSED)} {counts[EXPOSED]}</span>
<span>{_badge(CLEAR)} {counts[CLEAR]}</span><span>{_badge(NO_MATCH)} {counts[NO_MATCH]}</span>
<span><span class="badge error">errors</span> {counts["errors"]}</span></p>
<p class="small">Exposed: a path of typed, evidenced relationships leads from the matched business to a
front business, an exploitation site, a person who recruited, transported or controlled people, an entity
with a trafficking role, or a high-risk entity. Not proof of wrongdoing: read the evidence of every hop.</p>
<table><tr><th>#</th><th>Supplier</th><th>Country</th><th>Status</th><th>Risk</th>
<th>Matched business</th></tr>
{summary_rows}</table>{error_html}
{"".join(_supplier_html(r) for r in report.results)}
</body></html>"""
