// name: library/money_advertising
// description: Money red flag "advertising payments": an account paying at least $min_payments times within
// description: $window_days days for adverts on classifieds or adult-services sites: a payment whose reference
// description: mentions escort, adult, massage, personals, classified, bump, repost ..., or any payment to an
// description: account that at least $platform_min_payers different accounts pay with such references (the
// description: platform itself: "VIP upgrade" or "Featured listing" paid to it is an advert too; 0 turns this
// description: off). Victims are commonly advertised that way, and the ads are re-posted ("bumped") often.
// description: One ad to sell a sofa stays below it.
// description: Thresholds: graph/money/settings.py (LANTERN_MONEY_*).
// params: keywords (list; default ["escort", "adult", "massage", "personals", "classified", "bump", "repost"]; e.g. ["escort", "adult", "massage", "personals", "classified", "bump", "repost"]) — words that make a reference an advertising payment (lower case)
// params: min_payments (int; default 4; e.g. 4) — advertising payments ...
// params: window_days (int; default 30; e.g. 30) — ... within this many days
// params: platform_min_payers (int; default 3; e.g. 3) — payers with keyword references that make the payee an advertising platform
// params: limit (int; default 100; e.g. 100) — maximum rows
// returns: account_id, account, payments, by_platform (payments counted for their payee only), total, platforms, first, last, references (up to 5), transfer_ids
// mode: read
CALL () {
  MATCH (q:PaymentAccount)-[k:TRANSFERRED_TO]->(pl:PaymentAccount)
  WHERE $platform_min_payers > 0
    AND any(w IN $keywords WHERE toLower(coalesce(k.reference, '')) CONTAINS w)
  WITH pl, count(DISTINCT q) AS payers
  WHERE payers >= $platform_min_payers
  RETURN collect(pl.id) AS platform_ids
}
MATCH (p:PaymentAccount)-[t:TRANSFERRED_TO]->(dst:PaymentAccount)
WITH p, t, dst, platform_ids,
     any(k IN $keywords WHERE toLower(coalesce(t.reference, '')) CONTAINS k) AS keyword
WHERE keyword OR dst.id IN platform_ids
WITH p, t, keyword ORDER BY t.at
WITH p, collect(t) AS ts, sum(CASE WHEN keyword THEN 0 ELSE 1 END) AS by_platform
WHERE size(ts) >= $min_payments
  AND any(i IN range(0, size(ts) - $min_payments)
          WHERE duration.inDays(ts[i].date, ts[i + $min_payments - 1].date).days <= $window_days)
RETURN p.id AS account_id, p.value AS account, size(ts) AS payments, by_platform,
       round(reduce(x = 0.0, t IN ts | x + t.amount), 2) AS total,
       apoc.coll.toSet([t IN ts | endNode(t).value]) AS platforms,
       toString(ts[0].date) AS first, toString(last(ts).date) AS last,
       apoc.coll.toSet([t IN ts | t.reference])[0..5] AS references, apoc.coll.sort([t IN ts | t.id]) AS transfer_ids
ORDER BY payments DESC, account_id
LIMIT $limit
