"""The Neo4j Browser guide for Lantern, generated from the Cypher library (so it never drifts from it).

Neo4j Browser 5.x plays remote guides with `:guide <url>` (older `:play <url>` still works): it fetches
the HTML from an allow-listed host (default allow-list: `guides.neo4j.com, localhost`), takes the page
`<title>`, splits the content on `<slide>` elements and turns every `<pre class="runnable">` into a block
that is copied into the editor when clicked. Script tags are stripped, so the guide is plain HTML.
"""

from __future__ import annotations

import json
from html import escape

from graph.library import LibraryQuery, library
from ontology.names import C

GUIDE_PATH = "/browser-guide/lantern.html"
GRASS_PATH = "/browser-guide/lantern.grass"

GRAPH_SHAPE = [
    (C.Entity, "every resolvable thing; also carries its class and ancestors: :Entity:Organization:Business"),
    (
        "Person, Organization (Business, FrontBusiness, EmploymentAgency, TransportCompany, Authority, NGO)",
        "actors",
    ),
    ("Location (Country, Region, City, Address)", "places; country_code, lat, lon"),
    ("Identifier (Phone, Email, Website, SocialHandle, PaymentAccount, Vehicle)", "what links networks"),
    (
        "Document (NewsArticle, CaseNarrative, CourtRecord, PressRelease, Advertisement, SupplierRecord, "
        "SightingReport)",
        "sources",
    ),
    ("TraffickingType, Indicator, Role, Incident, AnalysisRun", "classification and analytics runs"),
]
RELATIONSHIPS = (
    "USES_PHONE · USES_EMAIL · USES_WEBSITE · USES_HANDLE · USES_ACCOUNT · USES_VEHICLE · WORKS_FOR · OWNS · "
    "SUPPLIED_LABOUR_TO · "
    "LOCATED_IN · RECRUITED · RECRUITED_IN · TRANSPORTED · TRANSPORTED_FROM/TO/VIA · EXPLOITED_AT · "
    "CONTROLLED · "
    "ASSOCIATE_OF · CO_ACCUSED · HAS_ROLE · MENTIONED_IN · MENTIONED_TOGETHER (weak) · CLASSIFIED_AS · "
    "HAS_INDICATOR · PART_OF_INCIDENT · POSSIBLY_SAME_AS (candidate, never merged)"
)


def _query_slide(lq: LibraryQuery) -> str:
    params = "".join(
        f"<li><code>${escape(p.name)}</code> <small>{escape(p.describe())}</small> — "
        f"{escape(p.description)}</li>"
        for p in lq.params
    )
    set_params = (
        f'<p>1. Set the parameters (edit the values, click, run):</p><pre class="runnable">:params '
        f"{escape(json.dumps(lq.example_params(), ensure_ascii=False))}</pre>"
        if lq.params
        else ""
    )
    step = "2. " if lq.params else ""
    return (
        f"<slide>\n<h3>{escape(lq.name)}</h3>\n<p>{escape(lq.description)}</p>\n"
        f"<ul>{params}</ul><p><small>Returns: {escape(lq.returns)}</small></p>\n{set_params}\n"
        f"<p>{step}Run the query (click to copy it into the editor):</p>\n"
        f'<pre class="runnable">{escape(lq.cypher)}</pre>\n</slide>\n'
    )


def render_guide(api_base: str = "http://localhost:8000") -> str:
    """The guide as HTML. `api_base` is where the API serves the GraSS file (for the :style step)."""
    queries = list(library().values())
    shape = "".join(f"<tr><td>{escape(a)}</td><td>{escape(b)}</td></tr>" for a, b in GRAPH_SHAPE)
    index = "".join(f"<li><b>{escape(q.name)}</b> — {escape(q.description)}</li>" for q in queries)
    intro = f"""<slide>
<h3>Lantern — investigating trafficking networks</h3>
<p>Lantern turns documents (case narratives, news, court records, adverts, supplier records) into a graph of
people, businesses, places and identifiers. Every fact edge carries its evidence: parallel lists
<code>ev_doc_ids</code>, <code>ev_snippets</code>, <code>ev_starts</code>, <code>ev_ends</code>,
<code>ev_confidences</code> plus <code>evidence_count</code> and <code>confidence</code>.</p>
<p>Apply Lantern's colours and captions (from the ontology) — click, then run:</p>
<pre class="runnable">:style {escape(api_base)}{GRASS_PATH}</pre>
<p>Then work through the slides: {len(queries)} named investigation queries, each with its parameters.</p>
</slide>
<slide>
<h3>The graph shape</h3>
<table class="table"><tr><th>Labels</th><th>What</th></tr>{shape}</table>
<p><small>{escape(RELATIONSHIPS)}</small></p>
<p>Analytics (<code>lantern analyze</code>) add <code>network_id</code>, <code>community_id</code>,
<code>pagerank</code>, <code>betweenness</code>, <code>risk_score</code> and <code>risk_reasons</code>.</p>
<pre class="runnable">CALL db.schema.visualization()</pre>
</slide>
<slide>
<h3>The library</h3>
<p>The same files are in <code>queries/library/</code>; from a shell:
<code>lantern queries run NAME --param k=v</code>.</p>
<ol>{index}</ol>
</slide>
"""
    slides = "".join(_query_slide(q) for q in queries)
    return (
        '<!doctype html>\n<html><head><meta charset="utf-8"><title>Lantern investigation guide</title></head>'
        f'<body><article class="guide">\n<carousel class="deck container-fluid">\n{intro}{slides}'
        "</carousel>\n</article></body></html>\n"
    )
