"""GDPR operations on the graph (`lantern gdpr access|erase|retention`, a thin CLI in api/commands/gdpr.py).

* `subject` — which nodes an identifier names; subject access: everything held about it;
* `erase`   — erase identifiers with a receipt: nodes, their links and candidates, the spans quoting them in
  documents and evidence snippets, and whatever derived stores the caller passes (watchlists, alerts);
* `retention` — per-source rules: documents older than N days deleted or their personal spans redacted.

Stores outside the graph (the API's watches and alerts) take part through :class:`DerivedStore`, so
graph/ never imports the API.
"""

from graph.gdpr.erase import DerivedStore, Receipt, erase_identifiers
from graph.gdpr.retention import RetentionRule, apply_retention, plan_retention
from graph.gdpr.subject import subject_access

__all__ = [
    "DerivedStore",
    "Receipt",
    "RetentionRule",
    "apply_retention",
    "erase_identifiers",
    "plan_retention",
    "subject_access",
]
