# Everything runs from .venv, which these targets create on a machine that has only python3.11 and make.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.stamp-run
STAMP_DEV := $(VENV)/.stamp-dev
DEMO_SARIF := out/demo.sarif

.PHONY: demo test lint bench check-packs clean opa fuzz grammar

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(STAMP_RUN)

demo: $(STAMP_RUN)
	@mkdir -p out
	@$(BIN)/iacgate scan fixtures/demo --format text --sarif-output $(DEMO_SARIF); \
	  rc=$$?; \
	  if [ $$rc -le 1 ]; then echo "SARIF written to $(DEMO_SARIF)"; exit 0; else exit $$rc; fi

test: $(STAMP_DEV)
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

# The fuzz properties of tests/fuzz (make test runs them on a few fixed examples) as a campaign of random
# examples: FUZZ_EXAMPLES per parser property, a twentieth of it through whole scans and a two-hundredth
# through the CLI, with the shared corpus as extra seeds when it is there. About 10 minutes on 2 cores.
FUZZ_EXAMPLES ?= 9000

fuzz: $(STAMP_DEV)
	IACGATE_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -n 0 -p no:cacheprovider tests/fuzz \
	  --hypothesis-show-statistics $(PYTEST_ARGS)

lint: $(STAMP_DEV)
	$(BIN)/ruff check engine tests benchmarks hatch_build.py
	$(BIN)/ruff format --check engine tests benchmarks hatch_build.py
	$(BIN)/mypy

check-packs: $(STAMP_RUN)
	$(BIN)/python -m iacgate.packs.check

# Bytecode first, as a wheel install has it: an editable install under PYTHONDONTWRITEBYTECODE would
# otherwise recompile every module of iacgate in every measured run.
bench: $(STAMP_DEV)
	$(BIN)/python -m compileall -q engine
	$(BIN)/python benchmarks/run.py

# The compiled HCL grammar shipped in the package, for the installed python-hcl2 and Lark versions
# (tests/parsers/terraform/test_grammar_cache.py says when it is stale).
grammar: $(STAMP_DEV)
	$(BIN)/python -c "from iacgate.parsers.terraform import grammar_cache, load; print('wrote', grammar_cache.write_shipped(load.hcl_grammar()))"

clean:
	rm -rf $(VENV) out dist build .pytest_cache .mypy_cache .ruff_cache benchmarks/.generated

# A pinned OPA server for the opa engine's tests and the differential test (OPA is Go, not on PyPI).
OPA_VERSION := v1.22.3
OPA_DIR := .tools/opa-$(OPA_VERSION)
OPA_BIN := $(OPA_DIR)/opa

opa: $(OPA_BIN)

$(OPA_BIN):
	@command -v go >/dev/null || { echo "make opa needs Go (https://go.dev/dl/) to build OPA $(OPA_VERSION)"; exit 2; }
	GOBIN=$(CURDIR)/$(OPA_DIR) go install github.com/open-policy-agent/opa@$(OPA_VERSION)
