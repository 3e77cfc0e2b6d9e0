"""Key Judgement Reports: a strategic assessment for a region and period, built from extracted documents.

`evidence` indexes documents (places, trafficking types, indicators, businesses) and cuts snippets
masked for the reader's role; `forecast` runs the backtest-weighted pool of candidate models and its
calibration;
`judgements` writes the PHIA sentences; `build` assembles the report dict (the JSON);
`render` turns it into self-contained HTML (inline SVG map) and PDF. See docs/guide/reports.md.
"""
