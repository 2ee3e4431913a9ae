# Two commands on a fresh machine: `make demo` (set up, index the demo corpus, serve it) and
# `make test` (set up, lint, run the tests). Both create their own virtual environment.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
INDEX  ?= var
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: setup demo test lint format docs bench clean cluster cluster-demo

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "xinwen needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,cluster]'
	touch $@

demo: setup
	@if [ ! -e $(INDEX)/current ]; then \
		$(BIN)/xinwen reindex data/demo --index $(INDEX); \
	fi
	$(BIN)/xinwen stats --index $(INDEX)
	@if $(BIN)/xinwen serve --help >/dev/null 2>&1; then \
		$(BIN)/xinwen serve --index $(INDEX) --host $(HOST) --port $(PORT); \
	fi

# Three Typesense nodes on loopback ports, in the foreground (Ctrl-C stops them); data in
# $(CLUSTER_DATA) when set, else a temporary folder.
CLUSTER_DATA ?=
cluster: setup
	$(BIN)/python -m xinwen.search.typesense.cluster $(if $(CLUSTER_DATA),--data $(CLUSTER_DATA))

# The same cluster with the demo corpus indexed into it and the web UI served over it.
cluster-demo: setup
	$(BIN)/python -m xinwen.search.typesense.cluster --demo data/demo --port $(PORT)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/python -m pytest

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The README's settings and command tables, from the declarations and the xinwen parsers.
docs: setup
	$(BIN)/python -m xinwen.docs

bench: setup
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m bench.reindex

clean:
	rm -rf $(VENV) $(INDEX) .pytest_cache .ruff_cache
