# maintbook: two commands do everything.
#   make book   build both editions: English in _build/html, Japanese in _build/html/ja
#   make test   run every test: lint, library, notebooks, book build, PDF, browser, fresh environment
#   make pdf    print the built site as one PDF per edition: _build/pdf/maintbook.pdf
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
# .venv is the development environment: what a reader gets (requirements.txt) plus the book
# build and the tests (requirements-dev.txt includes requirements.txt).
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt pyproject.toml | sha1sum | cut -c1-12)
PORT ?= 8000

.PHONY: book pdf test serve bench notebooks locales lint unit nbval browser fresh translations \
	clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	rm -f $(VENV)/.installed-*; touch $(STAMP)

book: $(STAMP)
	$(PY) tools/build_book.py

# The PDF is printed from the built site (tools/build_pdf.py) and also copied into it, where the
# download menu links to it.
pdf: book
	$(PY) tools/build_pdf.py

test: $(STAMP)
	$(PY) tools/run_tests.py

serve: book
	@echo "Serving http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

notebooks: $(STAMP)
	$(PY) tools/notebooks.py execute

# Refresh the translation catalogues (locales/ja/LC_MESSAGES/) after English edits; keeps every
# translation, marks changed strings fuzzy (see CONTRIBUTING.md, "The Japanese edition").
locales: $(STAMP)
	$(PY) tools/locales.py update

lint unit nbval browser fresh translations: $(STAMP)
	$(PY) tools/run_tests.py --only $@

clean:
	rm -rf _build
