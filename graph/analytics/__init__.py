"""Network analytics with Graph Data Science: linked networks, communities, key players, similar
entities, hubs, hotspots, routes and explained risk scores.

Public interface:
* `run_analysis(db, settings=None, only=None, progress=None, options=None) -> AnalysisSummary`
* `hotspots(db, window_days=365, until=None, kinds=None, limit=20) -> {"window", "rows", "geojson"}`
* `routes(db, limit=50, min_persons=1) -> {"rows", "geojson"}`
* `evaluate_networks(db, truth_path) -> NetworkEvaluation` (adjusted Rand index vs planted networks)
"""

from graph.analytics.hotspots import hotspots
from graph.analytics.options import STEPS, AnalysisOptions, load_options
from graph.analytics.projection import InsufficientMemoryError
from graph.analytics.routes import routes
from graph.analytics.run import run_analysis
from graph.analytics.summary import AnalysisSummary, Hub, NetworkInfo
from graph.analytics.truth import NetworkEvaluation, evaluate_networks

__all__ = [
    "STEPS",
    "AnalysisOptions",
    "AnalysisSummary",
    "Hub",
    "InsufficientMemoryError",
    "NetworkEvaluation",
    "NetworkInfo",
    "evaluate_networks",
    "hotspots",
    "load_options",
    "routes",
    "run_analysis",
]
