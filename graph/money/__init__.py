"""Money flows: transactions read from a partner's or a case's CSV into payment accounts and dated, valued
transfers (the ontology's `transferredTo`), and the red flags found in them (docs/design/money-flows.md)."""
