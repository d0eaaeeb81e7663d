# Every target installs what it needs first, so a fresh clone needs only Python 3.11+, make and the registry.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: install run lint test fuzz bench clean

install: $(STAMP)

# Re-install only when the project's dependency list changes.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: install
	$(BIN)/reader

# The layers and "glossary never imports reader" (pyproject's [tool.importlinter]), then lint and types.
lint: install
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff check reader glossary tests bench
	$(BIN)/mypy

test: install lint
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

# The property tests with many examples each (make test runs a bounded number); failures are kept in .hypothesis/.
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -n 2 tests/fuzz $(PYTEST_ARGS)

BENCH_STAMP := $(VENV)/.installed-bench

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
