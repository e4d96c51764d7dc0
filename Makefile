# debtplan: `make report` and `make test` set everything up on a fresh machine (python3 + make).
# `make help` lists every target.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PROFILE ?= data/examples/xiao-li.yaml
NAME = $(basename $(notdir $(PROFILE)))
OUT ?= reports/$(NAME)
PYTEST_ARGS ?=

.DEFAULT_GOAL := help

.PHONY: help setup report test test-fast test-thorough lab app batch bench wheel profile clean schema-table
ME ?= me

help: ## list the targets
	@echo "debtplan: make TARGET"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml jupyter_nbconvert_config.json
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@# rfc3987-syntax makes every `import nbformat` 2 s slower and is only an optional jsonschema
	@# format checker (docs/conventions.md, "Tools"); without it everything works.
	-$(BIN)/python -m pip uninstall --quiet -y rfc3987-syntax
	@# Cut the Chinese font face the reports embed once now (about 30 s), not on the first report.
	$(BIN)/python -m debtplan.present.webfont
	@# `jupyter nbconvert --to html` in this environment loads nothing from a CDN (require.js, MathJax, Mermaid)
	mkdir -p $(VENV)/etc/jupyter && cp jupyter_nbconvert_config.json $(VENV)/etc/jupyter/
	@touch $(STAMP)

setup: $(STAMP) ## create .venv and install everything (done by the other targets when needed)

report: $(STAMP) ## the HTML report for the default example (PROFILE=... to choose): reports/<name>/index.html
	$(BIN)/debtplan report --profile $(PROFILE) --out $(OUT)
	@echo "open $(OUT)/index.html in a browser (it works offline)"

test: $(STAMP) ## run every test: unit, doctests, properties, notebooks, report in a browser
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

test-fast: $(STAMP) ## only the quick tests (no notebooks, no browser), two at a time
	$(BIN)/python -m pytest -n 2 --dist loadfile -m "not slow" $(PYTEST_ARGS)

test-thorough: $(STAMP) ## every test, drawing 40 fresh property examples each and every letter combination (long)
	DEBTPLAN_THOROUGH=1 $(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

lab: $(STAMP) ## open JupyterLab on the notebooks (default example profile)
	cd notebooks && DEBTPLAN_PROFILE=$(abspath $(PROFILE)) ../$(BIN)/jupyter lab --ip=127.0.0.1 $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

# The app opens your own profile, never a file tracked by git: PROFILE=... to choose another.
APP_PROFILE = $(if $(filter command line environment,$(origin PROFILE)),$(PROFILE),data/private/$(ME).yaml)

app: $(STAMP) ## the app on http://127.0.0.1:8866 (Voila): your profile data/private/me.yaml, step by step
	@if [ ! -e "$(APP_PROFILE)" ] && [ "$(APP_PROFILE)" = "data/private/$(ME).yaml" ]; then \
	  mkdir -p data/private && $(call copy_undated,$(PROFILE),$(APP_PROFILE)) && echo "created $(APP_PROFILE) from $(PROFILE)"; fi
	@# debtplan.app.serve: nothing from the network, the Chinese font served as one cached file (README "The app")
	DEBTPLAN_PROFILE=$(abspath $(APP_PROFILE)) $(BIN)/python -m debtplan.app.serve notebooks/app.ipynb

BATCH ?= data/examples
batch: $(STAMP) ## reports for every profile in BATCH (default data/examples), two at a time: reports/batch/index.html
	$(BIN)/debtplan batch $(BATCH) --out reports/batch --workers 2

bench: $(STAMP) ## benchmarks: ratios against the floor measured in the same run (several minutes)
	$(BIN)/python benchmarks/bench_grid.py
	$(BIN)/python benchmarks/bench_report.py

schema-table: $(STAMP) ## rewrite README.md's table of profile keys from lib/debtplan/core/schema.py
	$(BIN)/debtplan schema --readme README.md

wheel: $(STAMP) ## dist/debtplan-*.whl with the notebooks, data and the pre-cut font: all a batch worker needs
	$(BIN)/python -m debtplan.present.webfont lib/debtplan/present/fonts
	$(BIN)/python -m pip wheel --quiet --no-deps -w dist .
	@ls dist/*.whl

# A person's own copy of an example leaves out the example's pinned date: their figures and letters are
# always as of the day they are made (an example keeps its date so its published figures stay the same).
copy_undated = sed -e 's/^as_of:.*/\# as_of: leave out to compute to today; write a date (YYYY-MM-DD) only to fix one/' \
  $(1) > "$(2).tmp" && mv "$(2).tmp" "$(2)" || { rm -f "$(2).tmp"; false; }

profile: ## start your own profile, data/private/$(ME).yaml (ignored by git), from the default example
	@mkdir -p data/private
	@if [ -e data/private/$(ME).yaml ]; then echo "data/private/$(ME).yaml already exists; not touched"; \
	else $(call copy_undated,$(PROFILE),data/private/$(ME).yaml) && echo "created data/private/$(ME).yaml: edit it, then make report PROFILE=data/private/$(ME).yaml"; fi

clean: ## remove generated reports and caches (keeps .venv and data/private)
	rm -rf reports .pytest_cache .hypothesis build dist lib/*.egg-info lib/debtplan/present/fonts
