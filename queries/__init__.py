"""Cypher files only; loaded by graph.catalog. (A package so the .cypher files ship with installs.)"""
