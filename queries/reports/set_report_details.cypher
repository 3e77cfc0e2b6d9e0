// name: reports/set_report_details
// description: After an accepted sighting report is ingested as a SightingReport document: what the reporter
// description: sent besides the text — the coarse cell (never an exact position), place text, category, day seen.
// params: rows (list of maps: id, cell_lat, cell_lon, place, category, observed_at)
// returns: count
// mode: write
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
SET d.cell_lat = row.cell_lat, d.cell_lon = row.cell_lon, d.place = row.place, d.category = row.category,
    d.observed_at = row.observed_at, d.moderation = 'accepted'
RETURN count(d) AS count
