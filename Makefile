# Two commands for a newcomer: `make demo` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= demo.db
PORT   ?= 8000

.PHONY: install demo test lint bench clean

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

test: install
	$(BIN)/ruff check src tests scripts
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests scripts

CORPUS ?= ../shared/corpus/casie-dev/articles.jsonl

bench: install
	$(BIN)/cybertrack bench $(CORPUS) --inputs text,html --workers 1,2

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache $(DB) demo-export.json
