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
      { selector: "node", style: { "background-color": "data(colour)", label: "data(label)", "font-size": 10,
        "text-valign": "bottom", "text-margin-y": 3, width: 26, height: 26, "border-width": 1, "border-color": "#fff" } },
      { selector: "node.masked", style: { "border-style": "dashed", "border-color": "#555", "border-width": 2 } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#ffb300" } },
      { selector: "edge", style: { width: "mapData(docCount, 1, 10, 1.5, 6)", "line-color": "#90a4ae", "target-arrow-color": "#90a4ae",
        "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(type)", "font-size": 8, "text-rotation": "autorotate",
        color: "#455a64" } },
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
  }

  function addEntity(e) {
    if (cy.getElementById(e.id).nonempty()) return cy.getElementById(e.id);
    const data = { ...e, label: e.caption || e.name || e.id };
    data.colour = nodeColour(data);
    const node = cy.add({ group: "nodes", data, classes: e.masked ? "masked" : "" });
    return node;
  }

  function addEdge(edge) {
    if (cy.getElementById(edge.id).nonempty()) return;
    if (cy.getElementById(edge.source).empty() || cy.getElementById(edge.target).empty()) return;
    cy.add({ group: "edges", data: { ...edge, docCount: edge.docCount || 1 } });
  }

  function relayout() {
    cy.layout({ name: "cose", animate: false, nodeRepulsion: 12000, idealEdgeLength: 120, padding: 40 }).run();
    if (cy.zoom() > 1.2) { cy.zoom(1.2); cy.center(); }
    recolour();
  }

  async function expand(id) {
    status("Expanding…");
    try {
      const g = await LanternAPI.neighbourhood(id);
      g.nodes.forEach(addEntity);
      g.edges.forEach(addEdge);
      relayout();
      status(`${g.nodes.length} node(s) and ${g.edges.length} edge(s) around the selection${g.truncated ? " (truncated: more exist)" : ""}. Click an edge to read its evidence.`);
    } catch (err) {
      status(err.message, true);
    }
  }

  function showNode(d) {
    const rows = [["kind", d.kind], ["id", d.id], ["community", d.communityId], ["network", d.networkId],
      ["risk score", d.riskScore], ["documents", d.docCount]].filter(([, v]) => v != null && v !== "");
    $("details-body").innerHTML = `<h3>${esc(d.label)}</h3>${d.masked ? '<p class="small">Personal data masked for your role.</p>' : ""}` +
      `<table class="props">${rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join("")}</table>` +
      `<button id="expand-selected" type="button">Expand neighbours</button>`;
    $("expand-selected").onclick = () => expand(d.id);
  }

  function showEdge(d) {
    const src = cy.getElementById(d.source).data("label");
    const dst = cy.getElementById(d.target).data("label");
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
  $("clear").addEventListener("click", () => { cy.elements().remove(); recolour(); });
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
