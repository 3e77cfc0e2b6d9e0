"""Forecasting: predicted hotspots for the next period, chosen and calibrated by backtesting.

`panel` holds counts per place x period; `models` the count model and the two naive baselines;
`backtest` the rolling-origin evaluation; `calibration` the PHIA probability words. Pure Python +
numpy/scipy/scikit-learn: nothing here talks to Neo4j, so the same code scores generated scenarios,
extracted archives and the graph's own documents. See docs/design/forecasting.md.
"""
