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
      { selector: "node.unlabelled", style: { label: "" } },
      { selector: "node.unlabelled.hover, node.unlabelled:selected", style: { label: "data(label)", "z-index": 20 } },
      { selector: "node.label-top", style: { "text-valign": "top", "text-margin-y": -4 } },
      { selector: "node.candidate-node", style: { "border-width": 3, "border-color": "#ef6c00", "border-style": "dashed" } },
      { selector: "node.merged", style: { "border-width": 3, "border-color": "#37474f", "border-style": "double" } },
      { selector: "node.masked", style: { "border-style": "dashed", "border-color": "#555", "border-width": 2 } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#ffb300" } },
      { selector: "edge", style: { width: "mapData(docCount, 1, 10, 1.5, 6)", "line-color": "#90a4ae", "target-arrow-color": "#90a4ae",
        "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(type)", "font-size": 8, "text-rotation": "autorotate",
        color: "#455a64", "min-zoomed-font-size": 9 } },
      { selector: "edge.quiet", style: { label: "" } },
      { selector: "edge.quiet.hover, edge.quiet:selected", style: { label: "data(type)" } },
      { selector: "edge.candidate", style: { "line-style": "dashed", "line-color": "#ef6c00", "target-arrow-shape": "none",
        label: "", width: 2 } },
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
    const candidates = cy.edges(".candidate").length ? '<li><span class="dash"></span>possible duplicate: click the dashed line to review</li>' +
      '<li><span class="ring"></span>has an undecided duplicate candidate</li>' : "";
    const hidden = cy.nodes(".unlabelled").length;
    const labels = hidden ? `<li class="small">${hidden} label(s) hidden to avoid overlap: hover or select a node</li>` : "";
    $("legend").innerHTML = cy.nodes().length ? `<strong>${title}</strong><ul>${items.join("")}${extra}${candidates}${labels}</ul>` : "";
    $("legend").querySelectorAll(".swatch").forEach((el) => { el.style.background = el.dataset.colour; }); // CSP-safe
  }

  // Identical display nodes (the same caption, not persons: namesakes may be different people) are drawn once, also
  // across kinds (a Business and the FrontBusiness of the same name); the node keeps every id and kind it stands
  // for. Persons with the same name stay apart and show candidate links instead.
  const shownAs = new Map(); // entity id → id of the node drawing it
  const mergeKey = (e) => (e.kind === "Person" || e.masked ? null : String(e.caption || e.name || "").trim().toLowerCase());

  function addEntity(e) {
    const id = shownAs.get(e.id) || e.id;
    if (cy.getElementById(id).nonempty()) return cy.getElementById(id);
    const key = mergeKey(e);
    const twin = key && cy.nodes().filter((n) => n.data("mergeKey") === key)[0];
    if (twin) {
      shownAs.set(e.id, twin.id());
      twin.data("mergedIds", [...(twin.data("mergedIds") || [twin.id()]), e.id]);
      twin.data("mergedKinds", [...new Set([...(twin.data("mergedKinds") || [twin.data("kind")]), e.kind])]);
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
    if (candidate) cy.getElementById(source).union(cy.getElementById(target)).addClass("candidate-node");
  }

  // Layout for 5 nodes and for 200: labels count in the node size, longer edges when few nodes, then fit the chart
  // to the screen (never zoomed in so far that 3 nodes fill it) and keep the labels readable (see placeLabels).
  function relayout() {
    const n = cy.nodes().length;
    // labels at their base size during the layout: the zoomed-out sizes of placeLabels would inflate it
    cy.nodes().removeStyle("font-size text-max-width text-margin-y").removeClass("unlabelled label-top");
    cy.layout({ name: "cose", animate: false, nodeDimensionsIncludeLabels: true, randomize: n > 60,
      nodeRepulsion: n < 12 ? 60000 : n > 100 ? 14000 : 9000, idealEdgeLength: n < 12 ? 190 : n > 100 ? 70 : 90,
      nodeOverlap: 20, componentSpacing: n > 100 ? 40 : 80, gravity: n > 100 ? 1.2 : 1,
      numIter: n > 150 ? 800 : 1000, padding: 40 }).run();
    fit();
    recolour();
  }

  // Readable labels at any size: the font grows as the chart zooms out (≈ 11 px on screen), edge labels show
  // only on small charts (else on hover/selection), and a label that would overlap one already placed is tried
  // above its node, then hidden (hover or select the node to read it). Big nodes (most links) are placed first.
  function placeLabels() {
    const n = cy.nodes().length;
    const z = cy.zoom();
    // ≈ 11 px on screen down to zoom 0.1; a 200-node chart fits at 0.16–0.25 (the layout is randomised),
    // and the earlier cap of 60 model px made its labels 9.7 px at 0.16 (tests/browser/test_chart_readable.py)
    const size = Math.min(11 / Math.max(z, 0.05), 110);
    cy.batch(() => {
      cy.nodes().style({ "font-size": size, "text-max-width": 130 * size / 11, "text-margin-y": 4 * size / 11 });
      cy.nodes().removeClass("unlabelled label-top");
      cy.edges().toggleClass("quiet", n > 30);
    });
    const box = (node, labels) => node.boundingBox({ includeNodes: !labels, includeEdges: false, includeLabels: labels });
    const hit = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const nodes = cy.nodes().map((node) => ({ id: node.id(), box: box(node, false) }));
    const labels = []; // boxes of the labels placed so far
    const order = cy.nodes().sort((a, b) => b.degree() - a.degree() || String(a.id()).localeCompare(String(b.id())));
    order.forEach((node) => {
      const clash = (b) => labels.some((l) => hit(b, l)) || nodes.some((o) => o.id !== node.id() && hit(b, o.box));
      let label = box(node, true);
      if (clash(label)) { node.addClass("label-top"); label = box(node, true); }
      if (clash(label)) { node.removeClass("label-top").addClass("unlabelled"); return; }
      labels.push(label);
    });
  }

  window.lanternLabelBoxes = () => cy.nodes().not(".unlabelled")
    .map((node) => node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));

  // Fit the chart beside the legend (top left), never zoomed in beyond 1.5.
  function fit() {
    if (cy.nodes().empty()) return;
    drawLegend();
    const pad = 30;
    const legend = $("legend").offsetWidth ? $("legend").offsetWidth + 16 : 0;
    const bb = cy.elements().boundingBox();
    const w = Math.max(cy.width() - legend - 2 * pad, 50), h = Math.max(cy.height() - 2 * pad, 50);
    const z = Math.min(w / Math.max(bb.w, 1), h / Math.max(bb.h, 1), 1.5);
    cy.viewport({ zoom: z, pan: { x: legend + pad + (w - bb.w * z) / 2 - bb.x1 * z, y: pad + (h - bb.h * z) / 2 - bb.y1 * z } });
    placeLabels();
    drawLegend();
  }

  cy.on("mouseover", "node, edge", (evt) => evt.target.addClass("hover"));
  cy.on("mouseout", "node, edge", (evt) => evt.target.removeClass("hover"));

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

  window.lanternExpand = (id) => expand(id); // for tests and the console: bring an entity's neighbours
  // for tests and the console: draw a graph as the API answers it ({nodes, edges}), as an expansion does
  window.lanternShow = (g) => { g.nodes.forEach(addEntity); g.edges.forEach(addEdge); relayout(); };

  function showNode(d) {
    const rows = [["kind", d.kind], ["id", d.id], ["community", d.communityId], ["network", d.networkId],
      ["documents", d.docCount]].filter(([, v]) => v != null && v !== "");
    const merged = (d.mergedIds || []).length > 1 ? `<p class="small">Drawn as one node (same name; ${esc((d.mergedKinds || [d.kind]).join(", "))}): ${d.mergedIds.map(esc).join(", ")}</p>` : "";
    $("details-body").innerHTML = `<h3>${esc(d.label)}</h3>${d.masked ? '<p class="small">Personal data masked for your role.</p>' : ""}${merged}` +
      `<table class="props">${rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join("")}</table>` +
      `<button id="expand-selected" type="button">Expand neighbours</button>`;
    $("expand-selected").onclick = () => expand(d.id);
    if (d.riskScore != null) showRisk(d);
  }

  // The risk score with its reasons and the scale (from the schema's description of riskScore).
  async function showRisk(d) {
    const scale = await LanternAPI.help("riskScore");
    const most = /0 to (\d+)/.exec(scale);
    const reasons = (d.riskReasons || []).map((r) => `<li>${esc(r)}</li>`).join("");
    const box = document.createElement("section");
    box.id = "risk-panel";
    box.innerHTML = `<h3>Risk ${esc(d.riskScore)}${most ? ` of ${esc(most[1])}` : ""}</h3>` +
      (reasons ? `<ul class="reasons">${reasons}</ul>` : '<p class="small">No reasons recorded.</p>') +
      (scale ? `<details><summary class="small">How the score is built</summary><p class="small">${esc(scale)}</p></details>` : "");
    const old = $("risk-panel");
    if (old) old.remove();
    if (cy.getElementById(d.id).selected() || $("details-body").querySelector("h3")) $("details-body").appendChild(box);
  }

  function showCandidate(d, src, dst) {
    const a = cy.getElementById(d.source).data(), b = cy.getElementById(d.target).data();
    $("details-body").innerHTML = `<section id="candidate-panel"><h3>Possible duplicate</h3>` +
      `<p>${esc(src)} <span class="small">(${esc(a.id)}, ${esc(a.docCount || "?")} document(s))</span><br>and ${esc(dst)} ` +
      `<span class="small">(${esc(b.id)}, ${esc(b.docCount || "?")} document(s))</span><br>may be the same ${esc(a.kind || "entity")}.</p>` +
      `<p class="small">score ${d.confidence != null ? Number(d.confidence).toFixed(2) : "?"}${d.reason ? ` — ${esc(d.reason)}` : ""}. ` +
      "Not merged: a person decides. Compare their neighbours (expand both), then merge them here (investigator or " +
      "admin key) or leave them apart:</p>" +
      `<label class="small">Reason <input id="merge-reason" type="text" size="28" placeholder="same phone and address in both"></label> ` +
      `<button id="merge-candidate" type="button">Merge into ${esc(a.id)}</button> <button id="expand-both" type="button">Expand both</button>` +
      `<div id="merge-result" class="small"></div>` +
      `<p class="small">From a terminal: <code>lantern resolve merge "${esc(a.id)}" "${esc(b.id)}" --reason "..."</code>; ` +
      "all candidates: <code>lantern resolve review</code>; a merge is undone with <code>lantern resolve split MERGE_ID</code>.</p></section>";
    $("expand-both").onclick = async () => { await expand(a.id); await expand(b.id); };
    $("merge-candidate").onclick = async () => {
      const reason = $("merge-reason").value.trim();
      if (!reason) { $("merge-result").textContent = "Give a reason first: it is kept in the audit log with the merge."; return; }
      try {
        const res = await LanternAPI.merge([a.id, b.id], reason);
        $("merge-result").innerHTML = `${esc(res.message)} (merge id <code>${esc(res.mergeId)}</code>) ` +
          '<button id="undo-merge" type="button">Undo (split)</button>';
        cy.getElementById(b.id).remove();
        recolour();
        $("undo-merge").onclick = async () => {
          try {
            const back = await LanternAPI.split(res.mergeId);
            $("merge-result").textContent = `${back.message}. Expand ${a.id} again to redraw both.`;
          } catch (err) { $("merge-result").textContent = err.message; }
        };
      } catch (err) {
        $("merge-result").textContent = err.message; // e.g. an analyst key: the API says who may merge
      }
    };
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
      Promise.all([LanternAPI.hotspots(), LanternAPI.routes(), LanternAPI.routeGaps().catch(() => [])])
        .then(([h, r, g]) => LanternMap.draw($("map"), h, r, $("map-legend"), g).then(() => {
          mapDrawn = true;
          status(`${h.length} hotspot(s), ${r.length} route(s)` + (g.length ? `; ${g.length} movement(s) without a complete route (see below the map).` : "."));
        }))
        .catch((err) => { status(err.message, true); LanternMap.draw($("map"), [], [], $("map-legend")); });
    }
    if (!map) cy.resize();
  }
  $("tab-chart").addEventListener("click", () => showTab(false));
  $("tab-map").addEventListener("click", () => showTab(true));
})();
