// GraphiQL for Lantern: the same page strawberry serves, with every asset local and a Lantern first query.
// The query, variables and headers are kept in the URL / local storage like strawberry's page.
"use strict";
(function () {
  const EXAMPLE_QUERY = `# Lantern GraphQL. Every operation needs an API key: open "Headers" below and set
#   {"Authorization": "Bearer <your key>"}
# (an admin creates one: lantern keys create --role analyst --name you).
# Run with Ctrl-Enter; Ctrl-Space completes field names.
{
  search(text: "Kravets", limit: 5) {
    normalised
    hits { matched score entity { id kind caption } }
  }
}
`;
  const DEFAULT_HEADERS = '{\n  "Authorization": "Bearer PASTE-YOUR-KEY"\n}';
  const parameters = {};
  for (const entry of window.location.search.slice(1).split("&")) {
    const eq = entry.indexOf("=");
    if (eq >= 0) {
      parameters[decodeURIComponent(entry.slice(0, eq))] = decodeURIComponent(entry.slice(eq + 1));
    }
  }
  function updateURL(data) {
    Object.assign(parameters, data);
    const search = Object.keys(parameters)
      .filter((key) => Boolean(parameters[key]))
      .map((key) => encodeURIComponent(key) + "=" + encodeURIComponent(parameters[key]))
      .join("&");
    history.replaceState(null, "", "?" + search);
  }
  const fetchURL = window.location.href.split("?")[0];
  const fetcher = GraphiQL.createFetcher({ url: fetchURL });

  function LanternGraphiQL() {
    const [query, setQuery] = React.useState(parameters.q || EXAMPLE_QUERY);
    const [variables, setVariables] = React.useState(parameters.variables);
    const explorerPlugin = GraphiQLPluginExplorer.explorerPlugin();
    return React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      plugins: [explorerPlugin],
      query: query,
      variables: variables,
      defaultHeaders: DEFAULT_HEADERS,
      onEditQuery: (q) => { setQuery(q); updateURL({ q: q }); },
      onEditVariables: (v) => { setVariables(v); updateURL({ variables: v }); },
      inputValueDeprecation: true,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: true,
    });
  }
  ReactDOM.createRoot(document.getElementById("graphiql")).render(React.createElement(LanternGraphiQL));
})();
