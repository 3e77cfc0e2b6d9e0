// name: library/money_rent_for_several
// description: Money red flag "rent for several people to one landlord": one account pays the same landlord
// description: at least $min_payments rent payments (reference mentions rent, room, lodging ...) within
// description: $window_days days, in at least $min_months calendar months: someone paying the housing of
// description: several people at once, as controllers do for the victims they house. A lodger paying weekly,
// description: a late or double payment once, or rent plus a garage stay below it.
// description: Thresholds: graph/money/settings.py (LANTERN_MONEY_*).
// params: keywords (list; default ["rent", "room", "lodging", "accommodation", "miete", "chirie", "czynsz"]; e.g. ["rent", "room", "lodging", "accommodation"]) — words that make a reference a rent payment (lower case)
// params: min_payments (int; default 3; e.g. 3) — rent payments to the landlord ...
// params: window_days (int; default 7; e.g. 7) — ... within this many days
// params: min_months (int; default 2; e.g. 2) — calendar months showing it
// params: limit (int; default 100; e.g. 100) — maximum rows
// returns: account_id, account, landlord_id, landlord, months ({month, payments, amount, references}), payments, total, transfer_ids
// mode: read
MATCH (p:PaymentAccount)-[t:TRANSFERRED_TO]->(l:PaymentAccount)
WHERE any(k IN $keywords WHERE toLower(coalesce(t.reference, '')) CONTAINS k)
WITH p, l, t ORDER BY t.at
WITH p, l, collect(t) AS ts
WHERE size(ts) >= $min_payments
WITH p, l, [i IN range(0, size(ts) - $min_payments)
            WHERE duration.inDays(ts[i].date, ts[i + $min_payments - 1].date).days <= $window_days] AS starts, ts
WITH p, l, ts, apoc.coll.toSet(apoc.coll.flatten([i IN starts | ts[i..i + $min_payments]])) AS burst
WITH p, l, burst, apoc.coll.toSet([t IN burst | substring(toString(t.date), 0, 7)]) AS month_keys
WHERE size(month_keys) >= $min_months
WITH p, l, burst, [m IN month_keys | {month: m,
       payments: size([t IN burst WHERE toString(t.date) STARTS WITH m]),
       amount: round(reduce(x = 0.0, t IN [t IN burst WHERE toString(t.date) STARTS WITH m] | x + t.amount), 2),
       references: [t IN burst WHERE toString(t.date) STARTS WITH m | t.reference]}] AS months
RETURN p.id AS account_id, p.value AS account, l.id AS landlord_id, l.value AS landlord, months,
       size(burst) AS payments, round(reduce(x = 0.0, t IN burst | x + t.amount), 2) AS total,
       apoc.coll.sort([t IN burst | t.id]) AS transfer_ids
ORDER BY size(months) DESC, payments DESC, account_id
LIMIT $limit
