# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test install lint eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsfuse brief examples/corpus

test: $(STAMP)
	scripts/install-test-deps
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

eval: $(STAMP)
	$(BIN)/newsfuse eval extraction
	$(BIN)/newsfuse eval stories
	$(BIN)/newsfuse eval claims
	$(BIN)/newsfuse eval summaries
	$(BIN)/newsfuse eval dates
	$(BIN)/newsfuse eval quotes

bench: $(STAMP)
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/stories.py
	$(BIN)/python bench/engines.py
	$(BIN)/python bench/provenance.py
	$(BIN)/python bench/brief.py
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
