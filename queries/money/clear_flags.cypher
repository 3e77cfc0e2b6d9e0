// name: money/clear_flags
// description: Remove the stored money red flags from every payment account (before a fresh detection run).
// params: none
// returns: count (accounts cleared)
// mode: write
MATCH (a:PaymentAccount)
WHERE a.money_flags IS NOT NULL
REMOVE a.money_flags, a.money_flag_reasons, a.money_flag_transfers, a.money_flag_run
RETURN count(a) AS count
