"""Lantern spaCy components; `extraction.pipeline` imports them to register their factories."""
