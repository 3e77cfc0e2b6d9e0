// name: gdpr/reasons_quoting
// description: GDPR erasure: entities whose analysis reasons (risk_reasons, e.g. "shares Phone +44... with
// description: exploiter X") quote any of the given written forms of an identifier being erased.
// params: forms (list of strings)
// returns: id, reasons
// mode: read
MATCH (n:Entity)
WHERE n.risk_reasons IS NOT NULL AND any(r IN n.risk_reasons WHERE any(f IN $forms WHERE r CONTAINS f))
RETURN n.id AS id, n.risk_reasons AS reasons
