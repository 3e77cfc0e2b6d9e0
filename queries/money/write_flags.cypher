// name: money/write_flags
// description: Store each account's money red flags (names, reasons in words with their transfer ids, all the
// description: transfer ids) and the run that found them: the risk score and the supplier audit read these.
// params: rows (list of maps: id, flags, reasons, transfers), run_id (string)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (a:Entity {id: row.id})
WHERE a:PaymentAccount
SET a.money_flags = row.flags, a.money_flag_reasons = row.reasons, a.money_flag_transfers = row.transfers,
    a.money_flag_run = $run_id
RETURN count(a) AS count
