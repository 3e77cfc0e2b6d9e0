// name: library/first_seen_since
// description: Entities first seen (earliest document date) on or after a date — what is new since the last
// description: review. Optionally restricted to some kinds (Person, Phone, Business, ...).
// params: since (date; e.g. "2024-01-01") — ISO date YYYY-MM-DD
// params: kinds (list; default []; e.g. ["Person", "Phone"]) — entity kinds to keep, [] for all
// params: limit (int; default 100; e.g. 100) — maximum rows
// returns: id, name, kind, first_seen, last_seen, doc_count
// mode: read
MATCH (e:Entity)
WHERE e.first_seen IS NOT NULL AND toString(e.first_seen) >= $since
  AND (size($kinds) = 0 OR e.kind IN $kinds)
RETURN e.id AS id, e.name AS name, e.kind AS kind, toString(e.first_seen) AS first_seen,
       toString(e.last_seen) AS last_seen, e.doc_count AS doc_count
ORDER BY first_seen DESC, name
LIMIT $limit
