# Two commands for a newcomer: `make demo` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= demo.db
PORT   ?= 8000

.PHONY: install demo test lint eval bench bench-scale peer clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/cybertrack ingest samples/*.txt samples/*.html --db $(DB)
	$(BIN)/cybertrack documents --db $(DB)
	$(BIN)/cybertrack incidents --db $(DB)
	$(BIN)/cybertrack export --db $(DB) --output demo-export.json
	@echo "Stored in $(DB); the JSON export is demo-export.json."
	@echo "Serving the incidents at http://127.0.0.1:$(PORT)/ (API docs at /docs, TAXII at /taxii2/); Ctrl-C stops."
	$(BIN)/cybertrack serve --db $(DB) --port $(PORT)

# the browser tests need Debian's chromium and the store tests a PostgreSQL server: scripts/ensure-chromium and
# scripts/ensure-postgres install them when they are missing
test: install
	$(BIN)/ruff check src tests scripts bench
	scripts/ensure-chromium
	scripts/ensure-postgres
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests scripts bench

# every evaluation set through the shared scorers, with figures per language (scripts/evaluate.py; about 3 minutes)
EVAL_SETS ?= seeds,multilingual-dev,casie-dev
EVAL_ARGS ?=

eval: install
	$(BIN)/python scripts/evaluate.py --sets $(EVAL_SETS) --json eval-report.json $(EVAL_ARGS)

CORPUS ?= ../shared/corpus/casie-dev/articles.jsonl

bench: install
	$(BIN)/cybertrack bench $(CORPUS) --inputs text,html --workers 1,2

# how the cost grows with volume: 10,000 generated articles, then 20 more one at a time (how long one takes to
# resolve against 10,000), then 100,000 (about 40 minutes on 2 cores)
bench-scale: install
	$(BIN)/cybertrack bench $(CORPUS) --inputs stream:10000+20,stream:100000 --workers 2

# txt2stix (pattern + lookup extractors, no AI) next to cybertrack on the same articles. txt2stix gets its own venv:
# its dependencies (llama-index, openai, a newer setuptools) would change ours.
PEER      := .venv-peer
PEER_JSON ?= peer-txt2stix.json

$(PEER)/.installed:
	$(PYTHON) -m venv $(PEER)
	$(PEER)/bin/pip install --quiet --upgrade pip
	$(PEER)/bin/pip install --quiet 'txt2stix==1.7.3'
	touch $@

peer: install $(PEER)/.installed
	$(BIN)/python bench/peer_txt2stix.py $(CORPUS) --peer-python $(PEER)/bin/python --json $(PEER_JSON)

clean:
	rm -rf $(VENV) $(PEER) build *.egg-info .pytest_cache .ruff_cache $(DB) demo-export.json $(PEER_JSON) eval-report.json
