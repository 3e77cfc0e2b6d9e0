# Lantern — the stable entry points: setup, demo, test, bench (see README).
SHELL := /bin/bash
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed


.PHONY: test-load
.PHONY: setup demo test test-unit test-integration test-security bench bench-quick lint typecheck neo4j-start neo4j-stop clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,pdf]'
	@touch $(STAMP)

## setup: venv + Python deps + the local Neo4j build (Maven Central, cached outside the repo)
setup: $(STAMP)
	$(BIN)/lantern neo4j setup

## demo: everything up, seed data loaded, analytics run, API serving; prints what to open
demo: setup
	$(BIN)/lantern demo

## test: unit + integration + security tests against a real local Neo4j (started and stopped by the tests)
test: setup
	$(BIN)/python -m pytest

test-unit: $(STAMP)
	$(BIN)/python -m pytest tests/unit

test-integration: setup
	$(BIN)/python -m pytest tests/integration

## test-security: the personal-data matrix, oracles, audit-log tamper checks and bounded fuzzing (docs/design/privacy.md)
test-security: setup
	$(BIN)/python -m pytest tests/security

## bench: benchmarks with same-run baselines (not part of test); bench-quick for a few minutes
bench: setup
	$(BIN)/python -m bench.run

bench-quick: setup
	$(BIN)/python -m bench.run --quick

## lint: ruff (lint + format check); typecheck: mypy (strict on ontology/ and extraction/models.py)
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy api extraction graph ontology seed

neo4j-start: setup
	$(BIN)/lantern neo4j start

neo4j-stop:
	$(BIN)/lantern neo4j stop

## test-load: the bounded API load test (8 clients, loopback, about a minute) on a quiet machine
test-load: setup
	LANTERN_LOAD_TEST=1 $(BIN)/python -m pytest tests/reliability/test_api_load.py -s
