// name: library/money_rapid_in_out
// description: Money red flag "rapid in-out" (pass-through): an account where money that came in (at least
// description: $min_amount) goes out again to other accounts within $hours hours, a similar amount (from
// description: $min_ratio to $max_ratio of it),
// description: at least $min_events times and about $min_per_month times a month or more, and where those
// description: pass-throughs are most of what the account received meanwhile (at least $min_share of the
// description: money that came in from the first to the last of them): an account used to move money on (a
// description: mule or funnel), not to live from. A monthly salary swept to savings stays below; so does an
// description: account whose regular payments happen to add up to a deposit now and then.
// description: Thresholds: graph/money/settings.py (LANTERN_MONEY_*).
// params: hours (int; default 48; e.g. 48) — how soon the money leaves
// params: min_amount (float; default 1000.0; e.g. 1000.0) — smallest incoming transfer that counts
// params: min_ratio (float; default 0.9; e.g. 0.9) — least share of it that leaves
// params: max_ratio (float; default 1.1; e.g. 1.1) — most (a payroll paid from a balance is not a pass-through)
// params: min_events (int; default 3; e.g. 3) — pass-throughs needed
// params: min_per_month (float; default 2.0; e.g. 2.0) — pass-throughs per 30 days (over at least 28 days)
// params: min_share (float; default 0.75; e.g. 0.75) — least share of the money received meanwhile that passed through
// params: limit (int; default 100; e.g. 100) — maximum rows
// returns: account_id, account, events ({in_id, date, amount, currency, out_ids, out_amount}), passed_through, received, share, first, last, transfer_ids
// mode: read
MATCH (x:PaymentAccount)-[i:TRANSFERRED_TO]->(m:PaymentAccount)
WHERE i.amount >= $min_amount
MATCH (m)-[o:TRANSFERRED_TO]->(y:PaymentAccount)
WHERE y <> x AND o.currency = i.currency AND o.at >= i.at AND o.at <= i.at + duration({hours: $hours})
WITH m, i, collect(o) AS outs, sum(o.amount) AS out_amount
WHERE out_amount >= $min_ratio * i.amount AND out_amount <= $max_ratio * i.amount
WITH m, collect({in_id: i.id, date: toString(i.date), amount: i.amount, currency: i.currency,
                 out_ids: [o IN outs | o.id], out_amount: round(out_amount, 2)}) AS events,
     min(i.date) AS first, max(i.date) AS last, sum(i.amount) AS passed, min(i.at) AS first_at,
     max(i.at) AS last_at
WITH m, events, first, last, passed, first_at, last_at,
     size(events) * 30.0 / CASE WHEN duration.inDays(first, last).days < 28 THEN 28
                                ELSE duration.inDays(first, last).days END AS per_month
WHERE size(events) >= $min_events AND per_month >= $min_per_month
MATCH (:PaymentAccount)-[r:TRANSFERRED_TO]->(m)
WHERE r.at >= first_at AND r.at <= last_at + duration({hours: $hours})
WITH m, events, first, last, passed, sum(r.amount) AS received
WHERE passed >= $min_share * received
RETURN m.id AS account_id, m.value AS account, events, round(passed, 2) AS passed_through,
       round(received, 2) AS received, round(passed / received, 3) AS share,
       toString(first) AS first, toString(last) AS last,
       apoc.coll.sort(apoc.coll.toSet(apoc.coll.flatten([e IN events | [e.in_id] + e.out_ids]))) AS transfer_ids
ORDER BY size(events) DESC, passed_through DESC, account_id
LIMIT $limit
