"""News feeds: RSS/Atom feeds polled on an interval, articles fetched, cleaned (trafilatura), extracted and
ingested incrementally; per-feed status. `store` (SQLite state store), `poll` (one feed), `scheduler`
(every due feed, with back-off), CLI `lantern feeds`, GraphQL `feeds`."""
