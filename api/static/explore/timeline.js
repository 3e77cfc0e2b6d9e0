// Timeline strip for /explore: when a node's details are shown, its dated documents, sighting reports and
// alerts (GraphQL `timeline`) are drawn as marks along a strip under the details (oldest left).
"use strict";

(() => {
  const QUERY = `query Timeline($id: String!) { timeline(entityId: $id, limit: 200) { date kind id title } }`;
  const COLOURS = { document: "#5b6bbf", report: "#d9822b", alert: "#c0392b" };
  const esc = (s) => String(s == null ? "" : s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  let shownFor = null;

  async function load(id) {
    const res = await fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + LanternAPI.apiKey() },
      body: JSON.stringify({ query: QUERY, variables: { id } }),
    });
    const body = await res.json();
    if (body.errors && body.errors.length) throw new Error(body.errors.map((e) => e.message).join("; "));
    return body.data.timeline;
  }

  function draw(box, events) {
    if (!events.length) { box.innerHTML = '<p class="small">No dated documents, reports or alerts.</p>'; return; }
    const t = events.map((e) => Date.parse(e.date));
    const lo = Math.min(...t), hi = Math.max(...t), span = Math.max(hi - lo, 1);
    const marks = events.map((e, i) => {
      const left = events.length === 1 ? 50 : ((t[i] - lo) / span) * 96 + 2;
      return `<span class="tl-mark" title="${esc(e.date)} · ${esc(e.kind)} · ${esc(e.title || e.id)}" ` +
        `style="position:absolute;left:${left}%;top:6px;width:9px;height:18px;border-radius:3px;` +
        `background:${COLOURS[e.kind] || "#777"}"></span>`;
    }).join("");
    box.innerHTML = `<h4 style="margin:8px 0 2px">Timeline</h4>` +
      `<div class="tl-strip" style="position:relative;height:30px;border-bottom:1px solid #999">${marks}</div>` +
      `<div class="small" style="display:flex;justify-content:space-between"><span>${esc(events[0].date)}</span>` +
      `<span>${events.length} events: ■ document ■ report ■ alert</span><span>${esc(events[events.length - 1].date)}</span></div>`;
  }

  function nodeId(details) {
    for (const row of details.querySelectorAll("table.props tr")) {
      const cells = row.querySelectorAll("td");
      if (cells.length === 2 && cells[0].textContent === "id") return cells[1].textContent;
    }
    return null;
  }

  const details = document.getElementById("details-body");
  if (!details) return;
  new MutationObserver(() => {
    const id = nodeId(details);
    if (!id || details.querySelector(".tl-box")) return;
    shownFor = id;
    const box = document.createElement("div");
    box.className = "tl-box";
    box.innerHTML = '<p class="small">Loading timeline…</p>';
    details.appendChild(box);
    load(id).then((events) => { if (shownFor === id) draw(box, events); })
      .catch((e) => { box.innerHTML = `<p class="small">Timeline unavailable: ${esc(e.message)}</p>`; });
  }).observe(details, { childList: true });
})();
