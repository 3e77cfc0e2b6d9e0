// name: library/money_advertising
// description: Money red flag "advertising payments": an account paying at least $min_payments times within
// description: $window_days days for adverts on classifieds or adult-services sites (reference mentions escort,
// description: adult, massage, personals, classified, bump, repost ...): victims are commonly advertised that
// description: way, and the ads are re-posted ("bumped") often. One ad to sell a sofa stays below it.
// description: Thresholds: graph/money/settings.py (LANTERN_MONEY_*).
// params: keywords (list; default ["escort", "adult", "massage", "personals", "classified", "bump", "repost"]; e.g. ["escort", "adult", "massage", "personals", "classified", "bump", "repost"]) — words that make a reference an advertising payment (lower case)
// params: min_payments (int; default 4; e.g. 4) — advertising payments ...
// params: window_days (int; default 30; e.g. 30) — ... within this many days
// params: limit (int; default 100; e.g. 100) — maximum rows
// returns: account_id, account, payments, total, platforms, first, last, references (up to 5), transfer_ids
// mode: read
MATCH (p:PaymentAccount)-[t:TRANSFERRED_TO]->(:PaymentAccount)
WHERE any(k IN $keywords WHERE toLower(coalesce(t.reference, '')) CONTAINS k)
WITH p, t ORDER BY t.at
WITH p, collect(t) AS ts
WHERE size(ts) >= $min_payments
  AND any(i IN range(0, size(ts) - $min_payments)
          WHERE duration.inDays(ts[i].date, ts[i + $min_payments - 1].date).days <= $window_days)
RETURN p.id AS account_id, p.value AS account, size(ts) AS payments,
       round(reduce(x = 0.0, t IN ts | x + t.amount), 2) AS total,
       apoc.coll.toSet([t IN ts | endNode(t).value]) AS platforms,
       toString(ts[0].date) AS first, toString(last(ts).date) AS last,
       apoc.coll.toSet([t IN ts | t.reference])[0..5] AS references, [t IN ts | t.id] AS transfer_ids
ORDER BY payments DESC, account_id
LIMIT $limit
