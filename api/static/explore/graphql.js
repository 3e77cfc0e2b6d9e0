// Lantern GraphQL client for the link-chart page: one function per operation the page uses.
// The API key is the user's own (pasted once, kept in this browser's localStorage only).
"use strict";

const LanternAPI = (() => {
  const KEY = "lantern.apiKey";
  const ENTITY = "id kind name caption masked communityId networkId riskScore riskReasons docCount";
  const EDGE = "id type source target confidence docCount evidenceCount reason " +
    "evidence { documentId start end snippet confidence }";
  const QUERIES = {
    search: `query Search($text: String!, $limit: Int) {
      search(text: $text, limit: $limit) { hits { score entity { ${ENTITY} } } } }`,
    neighbourhood: `query Neighbourhood($id: String!, $limit: Int) {
      neighbourhood(id: $id, depth: 1, limit: $limit) { truncated nodes { ${ENTITY} } edges { ${EDGE} } } }`,
    candidates: `query Candidates($id: String!, $limit: Int) {
      neighbourhood(id: $id, depth: 1, limit: $limit, relationTypes: [POSSIBLY_SAME_AS]) {
        truncated nodes { ${ENTITY} } edges { ${EDGE} } } }`,
    hotspots: (place) => `query Hotspots($limit: Int) {
      hotspots(limit: $limit) { events persons eventTypes docCount location { ${place} } } }`,
    routes: (place) => `query Routes($limit: Int) {
      routes(limit: $limit) { persons documentIds origin { ${place} } destination { ${place} } via { ${place} } } }`,
    routeGaps: (place) => `query RouteGaps($limit: Int) {
      routeGaps(limit: $limit) { reason fact persons documentIds place { ${place} } } }`,
    merge: `mutation Merge($ids: [String!]!, $reason: String!) {
      mergeEntities(ids: $ids, reason: $reason) { mergeId survivor ids message } }`,
    split: `mutation Split($mergeId: String!) { splitEntity(mergeId: $mergeId) { mergeId ids message } }`,
    entityFields: `query EntityFields { __type(name: "Entity") { fields { name description } } }`,
  };
  let placeFields = null;
  const fieldHelp = {}; // Entity field → its schema description (the risk scale is explained there)

  // Coordinates are requested only if the API's Entity type has them (lat/lon), so the page keeps working
  // against an API version without them (places are then listed instead of drawn).
  async function place() {
    if (placeFields === null) {
      try {
        const d = await call("entityFields");
        const fields = (d.__type && d.__type.fields) || [];
        for (const f of fields) fieldHelp[f.name] = f.description || "";
        const names = new Set(fields.map((f) => f.name));
        placeFields = "id caption kind" + (names.has("lat") && names.has("lon") ? " lat lon" : "") +
          (names.has("coordinatesFrom") ? " coordinatesFrom" : "") + (names.has("countryCode") ? " countryCode" : "");
      } catch (e) {
        placeFields = "id caption"; // introspection disabled: list places instead of drawing them
      }
    }
    return placeFields;
  }

  function apiKey() { return localStorage.getItem(KEY) || ""; }
  function setApiKey(value) { localStorage.setItem(KEY, value.trim()); }

  async function call(name, variables) {
    const key = apiKey();
    if (!key) throw new Error("No API key: paste yours in the box at the top right and press “Save key”.");
    const res = await fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + key },
      body: JSON.stringify({ query: typeof name === "string" ? QUERIES[name] : name.query, variables: variables || {} }),
    });
    if (res.status === 401 || res.status === 403) throw new Error("The API refused this key (" + res.status + "): check it or ask an admin for a new one.");
    let body;
    try { body = await res.json(); } catch (e) { throw new Error("The API answered " + res.status + " without JSON."); }
    if (body.errors && body.errors.length) throw new Error(body.errors.map((e) => e.message).join("; "));
    return body.data;
  }

  return {
    apiKey, setApiKey, QUERIES,
    // the schema's description of an Entity field (e.g. riskScore: how the score is built), "" if unknown
    help: async (name) => { await place(); return fieldHelp[name] || ""; },
    search: (text, limit = 20) => call("search", { text, limit }).then((d) => d.search.hits),
    neighbourhood: (id, limit = 100) => call("neighbourhood", { id, limit }).then((d) => d.neighbourhood),
    // resolution candidates (POSSIBLY_SAME_AS) around an entity: possible duplicates to review
    candidates: (id, limit = 25) => call("candidates", { id, limit }).then((d) => d.neighbourhood),
    hotspots: async (limit = 100) => (await call({ query: QUERIES.hotspots(await place()) }, { limit })).hotspots,
    routes: async (limit = 100) => (await call({ query: QUERIES.routes(await place()) }, { limit })).routes,
    // movements that make no route, with the reason ("movement mentioned without an origin")
    routeGaps: async (limit = 100) => (await call({ query: QUERIES.routeGaps(await place()) }, { limit })).routeGaps,
    // a person's decision on a possible duplicate (investigator, admin); a merge is undone by its mergeId
    merge: (ids, reason) => call("merge", { ids, reason }).then((d) => d.mergeEntities),
    split: (mergeId) => call("split", { mergeId }).then((d) => d.splitEntity),
  };
})();
