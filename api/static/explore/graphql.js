// Lantern GraphQL client for the link-chart page: one function per operation the page uses.
// The API key is the user's own (pasted once, kept in this browser's localStorage only).
"use strict";

const LanternAPI = (() => {
  const KEY = "lantern.apiKey";
  const ENTITY = "id kind name caption masked communityId networkId riskScore docCount";
  const EDGE = "id type source target confidence docCount evidenceCount reason " +
    "evidence { documentId start end snippet confidence }";
  const QUERIES = {
    search: `query Search($text: String!, $limit: Int) {
      search(text: $text, limit: $limit) { hits { score entity { ${ENTITY} } } } }`,
    neighbourhood: `query Neighbourhood($id: String!, $limit: Int) {
      neighbourhood(id: $id, depth: 1, limit: $limit) { truncated nodes { ${ENTITY} } edges { ${EDGE} } } }`,
    hotspots: `query Hotspots($limit: Int) {
      hotspots(limit: $limit) { events persons eventTypes docCount location { id caption lat lon } } }`,
    routes: `query Routes($limit: Int) {
      routes(limit: $limit) { persons documentIds origin { id caption lat lon }
        destination { id caption lat lon } via { id caption lat lon } } }`,
  };

  function apiKey() { return localStorage.getItem(KEY) || ""; }
  function setApiKey(value) { localStorage.setItem(KEY, value.trim()); }

  async function call(name, variables) {
    const key = apiKey();
    if (!key) throw new Error("No API key: paste yours in the box at the top right and press “Save key”.");
    const res = await fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + key },
      body: JSON.stringify({ query: QUERIES[name], variables: variables || {} }),
    });
    if (res.status === 401 || res.status === 403) throw new Error("The API refused this key (" + res.status + "): check it or ask an admin for a new one.");
    let body;
    try { body = await res.json(); } catch (e) { throw new Error("The API answered " + res.status + " without JSON."); }
    if (body.errors && body.errors.length) throw new Error(body.errors.map((e) => e.message).join("; "));
    return body.data;
  }

  return {
    apiKey, setApiKey, QUERIES,
    search: (text, limit = 20) => call("search", { text, limit }).then((d) => d.search.hits),
    neighbourhood: (id, limit = 100) => call("neighbourhood", { id, limit }).then((d) => d.neighbourhood),
    hotspots: (limit = 100) => call("hotspots", { limit }).then((d) => d.hotspots),
    routes: (limit = 100) => call("routes", { limit }).then((d) => d.routes),
  };
})();
