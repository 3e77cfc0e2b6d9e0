// name: library/money_fan_in
// description: Money red flag "many victims' accounts paying one account": an account that at least
// description: $min_senders other accounts pay often (at least $min_payments times, about weekly or more) and
// description: with most of what they pay out (at least $min_share of each sender's outgoing money): the
// description: pattern of earnings collected from several controlled people into one account (a collection
// description: or funnel account). Shops and landlords are paid by many, but each payer sends them only a
// description: part of their money, or only monthly. Thresholds: graph/money/settings.py (LANTERN_MONEY_*).
// params: min_senders (int; default 3; e.g. 3) — how many paying accounts make the pattern
// params: min_payments (int; default 4; e.g. 4) — payments each sender made to the account
// params: min_per_month (float; default 4.0; e.g. 4.0) — payments per 30 days (over at least 28 days)
// params: min_share (float; default 0.5; e.g. 0.5) — share of the sender's outgoing money paid to the account
// params: limit (int; default 100; e.g. 100) — maximum rows
// returns: account_id, account, kind, senders ({account_id, account, payments, paid, share, per_month}), payments, total, currencies, first, last, transfer_ids
// mode: read
MATCH (s:PaymentAccount)-[t:TRANSFERRED_TO]->(c:PaymentAccount)
WITH s, c, collect(t) AS ts, sum(t.amount) AS paid, min(t.date) AS first, max(t.date) AS last
WHERE size(ts) >= $min_payments
WITH s, c, ts, paid, first, last,
     size(ts) * 30.0 / CASE WHEN duration.inDays(first, last).days < 28 THEN 28
                            ELSE duration.inDays(first, last).days END AS per_month
WHERE per_month >= $min_per_month
CALL (s) {
  MATCH (s)-[o:TRANSFERRED_TO]->()
  RETURN sum(o.amount) AS sent
}
WITH s, c, ts, paid, first, last, per_month, sent
WHERE sent > 0 AND paid >= $min_share * sent
WITH c, collect({account_id: s.id, account: s.value, payments: size(ts), paid: round(paid, 2),
                 share: round(paid / sent, 2), per_month: round(per_month, 1)}) AS senders,
     apoc.coll.sort(apoc.coll.flatten(collect([t IN ts | t.id]))) AS transfer_ids,
     apoc.coll.toSet(apoc.coll.flatten(collect([t IN ts | t.currency]))) AS currencies,
     sum(paid) AS total, min(first) AS first, max(last) AS last
WHERE size(senders) >= $min_senders
RETURN c.id AS account_id, c.value AS account, c.kind AS kind, senders, size(transfer_ids) AS payments,
       round(total, 2) AS total, currencies, toString(first) AS first, toString(last) AS last, transfer_ids
ORDER BY size(senders) DESC, total DESC, account_id
LIMIT $limit
