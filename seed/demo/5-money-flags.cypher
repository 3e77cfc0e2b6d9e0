// name: demo/money-flags
// description: Money flows: who uses an account the red flags marked (fan-in from victims' accounts, rent for
// description: several people, adverts, pass-through, structuring), with the reasons and the transfers behind
// description: them (fictional transactions of the planted networks, `lantern money generate`).
// params: none
// returns: holder, account, flags, reason
MATCH (a:PaymentAccount) WHERE a.money_flags IS NOT NULL
OPTIONAL MATCH (h:Entity)-[:USES_ACCOUNT]->(a)
RETURN h.name AS holder, a.value AS account, a.money_flags AS flags, a.money_flag_reasons[0] AS reason
ORDER BY holder IS NULL, size(a.money_flags) DESC, account
LIMIT 25;
