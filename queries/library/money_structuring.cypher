// name: library/money_structuring
// description: Money red flag "structuring below a threshold": an account sending at least $min_count transfers
// description: of just under the reporting threshold (from $threshold × (1 − $margin) up to, not including,
// description: $threshold) within $window_days days, and none at or above $threshold in that time: amounts kept
// description: under the 10,000 line that triggers a report
// description: (US CTR 31 CFR 1010.311, EU cash declarations). One car bought for 9,500 stays below it.
// description: Thresholds: graph/money/settings.py (LANTERN_MONEY_*).
// params: threshold (float; default 10000.0; e.g. 10000.0) — the reporting threshold, in currency units
// params: margin (float; default 0.1; e.g. 0.1) — how far under it counts as "just under"
// params: min_count (int; default 3; e.g. 3) — such transfers ...
// params: window_days (int; default 30; e.g. 30) — ... within this many days
// params: limit (int; default 100; e.g. 100) — maximum rows
// returns: account_id, account, transfers ({id, date, amount, currency, to}), total, first, last, transfer_ids
// mode: read
MATCH (s:PaymentAccount)-[t:TRANSFERRED_TO]->(:PaymentAccount)
WHERE t.amount >= $threshold * (1 - $margin) AND t.amount < $threshold
WITH s, t ORDER BY t.at
WITH s, collect(t) AS ts
WHERE size(ts) >= $min_count
WITH s, ts, COLLECT { MATCH (s)-[b:TRANSFERRED_TO]->() WHERE b.amount >= $threshold RETURN b.date } AS big
WHERE any(i IN range(0, size(ts) - $min_count)
          WHERE duration.inDays(ts[i].date, ts[i + $min_count - 1].date).days <= $window_days
            AND none(d IN big WHERE d >= ts[i].date AND d <= ts[i + $min_count - 1].date))
RETURN s.id AS account_id, s.value AS account,
       [t IN ts | {id: t.id, date: toString(t.date), amount: t.amount, currency: t.currency,
                   to: endNode(t).value}] AS transfers,
       round(reduce(x = 0.0, t IN ts | x + t.amount), 2) AS total, toString(ts[0].date) AS first,
       toString(last(ts).date) AS last, apoc.coll.sort([t IN ts | t.id]) AS transfer_ids
ORDER BY size(ts) DESC, account_id
LIMIT $limit
