// name: analysis/latest_published
// description: The latest publication date of a trafficking document (end of the default hotspot window).
// params: (none)
// returns: latest (ISO date string or null)
// mode: read
MATCH (d:Document)-[:CLASSIFIED_AS]->(:TraffickingType)
WHERE d.published IS NOT NULL
RETURN toString(max(date(d.published))) AS latest
