"""Screening for partners: check phones, e-mails, payment accounts and names against the hub's graph.

* `identifiers` — the ONE normalisation of a partner's input (the hub's own resolution keys,
  graph/resolve_keys.py); the partner's `lantern screen` and the hub run the same code;
* `index`       — the hub's identifier keys and person names, held in memory per graph version, so a
  partner's inputs are matched in the process and never sent to Neo4j;
* `matching`    — exact identifier hits and rapidfuzz name matches, each explained;
* `risk`        — a risk band with reasons for each hit, from the analytics' risk (no evidence, no
  other people's identifiers);
* `psi`         — private set intersection (openmined.psi, ECDH): the hub's setup cached per graph version.

Design: docs/design/screening.md; how-to: docs/guide/screening.md.
"""
