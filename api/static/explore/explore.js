// Lantern link chart: search → add → expand neighbours; colour by type or community; click an edge for evidence.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  let kindColours = {}; // class name → lt:colour, served from the ontology (/explore/colours.json)
  const esc = (s) => String(s == null ? "" : s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

  function status(msg, isError) {
    const s = $("status");
    s.textContent = msg;
    s.className = isError ? "error" : "";
  }

  // Colours from the ontology (lantern.ttl lt:colour; the same as Neo4j Browser's GraSS).
  fetch("/explore/colours.json").then((r) => (r.ok ? r.json() : {})).then((colours) => {
    kindColours = colours;
    recolour();
  }).catch(() => {});

  function communityColour(id) {
    if (id == null) return "#b0bec5";
    const hue = (Number(id) * 137.508) % 360;
    return `hsl(${hue}, 65%, 50%)`;
  }

  const cy = cytoscape({
    container: $("cy"),
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: { "background-color": "data(colour)", label: "data(label)", "font-size": 11,
        "text-valign": "bottom", "text-margin-y": 4, width: 28, height: 28, "border-width": 1, "border-color": "#fff",
        "text-wrap": "ellipsis", "text-max-width": 130, "text-background-color": "#fff", "text-background-opacity": 0.8,
        "text-background-padding": 1, "min-zoomed-font-size": 7 } },
      { selector: "node.merged", style: { "border-width": 3, "border-color": "#37474f", "border-style": "double" } },
      { selector: "node.masked", style: { "border-style": "dashed", "border-color": "#555", "border-width": 2 } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#ffb300" } },
      { selector: "edge", style: { width: "mapData(docCount, 1, 10, 1.5, 6)", "line-color": "#90a4ae", "target-arrow-color": "#90a4ae",
        "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(type)", "font-size": 8, "text-rotation": "autorotate",
        color: "#455a64", "min-zoomed-font-size": 9 } },
      { selector: "edge.candidate", style: { "line-style": "dashed", "line-color": "#ef6c00", "target-arrow-shape": "none",
        label: "possibly same as", color: "#ef6c00", width: 2 } },
      { selector: "edge:selected", style: { "line-color": "#ffb300", "target-arrow-color": "#ffb300", width: 4 } },
    ],
    layout: { name: "grid" },
  });
  window.lanternCy = cy; // for tests and the console

  function nodeColour(data) {
    if ($("colour-by").value === "community") return communityColour(data.communityId);
    return kindColours[data.kind] || "#78909c";
  }

  function recolour() {
    cy.nodes().forEach((n) => n.data("colour", nodeColour(n.data())));
    $("node-count").textContent = String(cy.nodes().length);
    $("edge-count").textContent = String(cy.edges().length);
    drawLegend();
  }

  // Legend: what each colour means for the nodes on the chart (types, or communities with their sizes).
  function drawLegend() {
    const counts = new Map();
    cy.nodes().forEach((n) => {
      const key = $("colour-by").value === "community" ? n.data("communityId") : n.data("kind");
      const k = key == null ? "none" : String(key);
      counts.set(k, { n: (counts.get(k) || { n: 0 }).n + 1, colour: n.data("colour") });
    });
    const title = $("colour-by").value === "community" ? "community (Louvain/Leiden id)" : "type";
    const items = [...counts.entries()].sort((a, b) => b[1].n - a[1].n).slice(0, 14).map(([k, v]) =>
      `<li><span class="swatch" data-colour="${esc(v.colour)}"></span>${esc(k === "none" ? "no community yet" : k)} <span class="small">${v.n}</span></li>`);
    const extra = counts.size > 14 ? `<li class="small">… ${counts.size - 14} more</li>` : "";
    const candidates = cy.edges(".candidate").length ? '<li><span class="dash"></span>possible duplicate (review)</li>' : "";
    $("legend").innerHTML = cy.nodes().length ? `<strong>${title}</strong><ul>${items.join("")}${extra}${candidates}</ul>` : "";
    $("legend").querySelectorAll(".swatch").forEach((el) => { el.style.background = el.dataset.colour; }); // CSP-safe
  }

  // Identical display nodes (same type and caption, not persons: namesakes may be different people) are drawn once;
  // the node keeps every id it stands for. Persons with the same name stay apart and show candidate links instead.
  const shownAs = new Map(); // entity id → id of the node drawing it
  const mergeKey = (e) => (e.kind === "Person" || e.masked ? null : `${e.kind}|${String(e.caption || e.name || "").toLowerCase()}`);

  function addEntity(e) {
    const id = shownAs.get(e.id) || e.id;
    if (cy.getElementById(id).nonempty()) return cy.getElementById(id);
    const key = mergeKey(e);
    const twin = key && cy.nodes().filter((n) => n.data("mergeKey") === key)[0];
    if (twin) {
      shownAs.set(e.id, twin.id());
      twin.data("mergedIds", [...(twin.data("mergedIds") || [twin.id()]), e.id]);
      twin.addClass("merged");
      return twin;
    }
    const data = { ...e, label: e.caption || e.name || e.id, mergeKey: key };
    data.colour = nodeColour(data);
    return cy.add({ group: "nodes", data, classes: e.masked ? "masked" : "" });
  }

  function addEdge(edge) {
    const source = shownAs.get(edge.source) || edge.source;
    const target = shownAs.get(edge.target) || edge.target;
    if (cy.getElementById(edge.id).nonempty() || source === target) return;
    if (cy.getElementById(source).empty() || cy.getElementById(target).empty()) return;
    const candidate = edge.type === "POSSIBLY_SAME_AS";
    cy.add({ group: "edges", data: { ...edge, source, target, docCount: edge.docCount || 1 }, classes: candidate ? "candidate" : "" });
  }

  // Layout for 5 nodes and for 200: labels count in the node size (no overlap), longer edges when few nodes,
  // then fit the chart to the screen (never zoomed in so far that 3 nodes fill it).
  function relayout() {
    const n = cy.nodes().length;
    cy.layout({ name: "cose", animate: false, nodeDimensionsIncludeLabels: true, randomize: n > 60,
      nodeRepulsion: n < 12 ? 40000 : 9000, idealEdgeLength: n < 12 ? 170 : 90, componentSpacing: 80,
      numIter: n > 150 ? 600 : 1000, padding: 40 }).run();
    fit();
    recolour();
  }

  function fit() {
    cy.fit(undefined, 40);
    if (cy.zoom() > 1.5) { cy.zoom(1.5); cy.center(); }
  }

  async function expand(id) {
    status("Expanding…");
    try {
      const [g, c] = await Promise.all([LanternAPI.neighbourhood(id), LanternAPI.candidates(id).catch(() => ({ nodes: [], edges: [] }))]);
      g.nodes.forEach(addEntity);
      c.nodes.forEach(addEntity);
      g.edges.forEach(addEdge);
      c.edges.forEach(addEdge);
      relayout();
      const dup = c.edges.length ? ` ${c.edges.length} possible duplicate(s) (dashed orange): click one to review.` : "";
      status(`${g.nodes.length} node(s) and ${g.edges.length} edge(s) around the selection${g.truncated ? " (truncated: more exist)" : ""}. Click an edge to read its evidence.${dup}`);
    } catch (err) {
      status(err.message, true);
    }
  }

  function showNode(d) {
    const rows = [["kind", d.kind], ["id", d.id], ["community", d.communityId], ["network", d.networkId],
      ["risk score", d.riskScore], ["documents", d.docCount]].filter(([, v]) => v != null && v !== "");
    const merged = (d.mergedIds || []).length > 1 ? `<p class="small">Drawn as one node (same type and name): ${d.mergedIds.map(esc).join(", ")}</p>` : "";
    $("details-body").innerHTML = `<h3>${esc(d.label)}</h3>${d.masked ? '<p class="small">Personal data masked for your role.</p>' : ""}${merged}` +
      `<table class="props">${rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join("")}</table>` +
      `<button id="expand-selected" type="button">Expand neighbours</button>`;
    $("expand-selected").onclick = () => expand(d.id);
  }

  function showCandidate(d, src, dst) {
    const a = cy.getElementById(d.source).data(), b = cy.getElementById(d.target).data();
    $("details-body").innerHTML = `<section id="candidate-panel"><h3>Possible duplicate</h3>` +
      `<p>${esc(src)} <span class="small">(${esc(a.id)}, ${esc(a.docCount || "?")} document(s))</span><br>and ${esc(dst)} ` +
      `<span class="small">(${esc(b.id)}, ${esc(b.docCount || "?")} document(s))</span><br>may be the same ${esc(a.kind || "entity")}.</p>` +
      `<p class="small">score ${d.confidence != null ? Number(d.confidence).toFixed(2) : "?"}${d.reason ? ` — ${esc(d.reason)}` : ""}. ` +
      "Not merged: a person decides. Compare their neighbours (expand both), then merge or leave them apart:</p>" +
      `<pre>lantern resolve merge "${esc(a.id)}" "${esc(b.id)}" --reason "..."</pre>` +
      '<p class="small">All candidates: <code>lantern resolve review</code>. A merge can be undone with <code>lantern resolve split</code>.</p></section>';
  }

  function showEdge(d) {
    const src = cy.getElementById(d.source).data("label");
    const dst = cy.getElementById(d.target).data("label");
    if (d.type === "POSSIBLY_SAME_AS") return showCandidate(d, src, dst);
    const items = (d.evidence || []).map((ev) => `<div class="evidence-item"><div class="small">document ${esc(ev.documentId)}` +
      `${ev.start != null ? ` · chars ${esc(ev.start)}–${esc(ev.end)}` : ""}${ev.confidence != null ? ` · confidence ${Number(ev.confidence).toFixed(2)}` : ""}</div>` +
      `<blockquote>${esc(ev.snippet || "(no snippet)")}</blockquote></div>`).join("");
    $("details-body").innerHTML = `<section id="evidence-panel"><h3>${esc(src)} —${esc(d.type)}→ ${esc(dst)}</h3>` +
      `<p class="small">${esc(d.evidenceCount || (d.evidence || []).length)} evidence item(s) in ${esc(d.docCount || "?")} document(s)` +
      `${d.confidence != null ? `, confidence ${Number(d.confidence).toFixed(2)}` : ""}${d.reason ? ` — ${esc(d.reason)}` : ""}</p>` +
      `${items || '<p class="hint">No evidence items returned.</p>'}</section>`;
  }

  cy.on("tap", "node", (evt) => showNode(evt.target.data()));
  cy.on("dbltap", "node", (evt) => expand(evt.target.id()));
  cy.on("tap", "edge", (evt) => showEdge(evt.target.data()));

  $("search-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const text = $("search-input").value.trim();
    if (!text) return;
    status("Searching…");
    try {
      const hits = await LanternAPI.search(text);
      const ul = $("results");
      ul.replaceChildren();
      for (const h of hits) {
        const li = document.createElement("li");
        li.dataset.id = h.entity.id;
        li.innerHTML = `${esc(h.entity.caption || h.entity.name)}<div class="kind">${esc(h.entity.kind)}</div>`;
        li.onclick = () => { addEntity(h.entity); relayout(); cy.getElementById(h.entity.id).select(); showNode(cy.getElementById(h.entity.id).data()); expand(h.entity.id); };
        ul.appendChild(li);
      }
      status(hits.length ? `${hits.length} result(s): click one to add it and its neighbours.` : "No match: try a shorter name or a phone number.");
    } catch (err) {
      status(err.message, true);
    }
  });

  $("colour-by").addEventListener("change", recolour);
  $("clear").addEventListener("click", () => { cy.elements().remove(); shownAs.clear(); recolour(); });
  $("fit").addEventListener("click", fit);
  $("api-key").value = LanternAPI.apiKey();
  $("save-key").addEventListener("click", () => { LanternAPI.setApiKey($("api-key").value); status("Key saved in this browser. Search an entity to start."); });

  let mapDrawn = false;
  function showTab(map) {
    $("tab-chart").classList.toggle("active", !map);
    $("tab-map").classList.toggle("active", map);
    $("chart-view").hidden = map;
    $("map-view").hidden = !map;
    if (map && !mapDrawn) {
      status("Loading hotspots and routes…");
      Promise.all([LanternAPI.hotspots(), LanternAPI.routes()])
        .then(([h, r]) => LanternMap.draw($("map"), h, r, $("map-legend")).then(() => { mapDrawn = true; status(`${h.length} hotspot(s), ${r.length} route(s).`); }))
        .catch((err) => { status(err.message, true); LanternMap.draw($("map"), [], [], $("map-legend")); });
    }
    if (!map) cy.resize();
  }
  $("tab-chart").addEventListener("click", () => showTab(false));
  $("tab-map").addEventListener("click", () => showTab(true));
})();
