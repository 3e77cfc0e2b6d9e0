// name: analysis/risk_money_flags
// description: Money red flags on the payment accounts an entity uses (stored by `lantern money flags` /
// description: `lantern money import`): one row per (entity, flagged account) with the flags and their
// description: reasons in words, each naming the transfers behind it.
// params: ids (list of entity ids)
// returns: id, account, kind, flags, reasons
// mode: read
UNWIND $ids AS eid
MATCH (e:Entity {id: eid})-[:USES_ACCOUNT]->(a:PaymentAccount)
USING INDEX e:Entity(id)
WHERE a.money_flags IS NOT NULL AND size(a.money_flags) > 0
RETURN e.id AS id, coalesce(a.value, a.name) AS account, a.kind AS kind, a.money_flags AS flags,
       a.money_flag_reasons AS reasons
ORDER BY id, account
