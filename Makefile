# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev
SEED := ../shared/seeds/000_2e6856107fa2ed48.txt
CORPUS := corpora/allied-space-cooperation/map.yaml

OUT := out
ISSUES = $(shell $(BIN)/python -c "import argmap; print(' '.join(n.id for n in argmap.load(\"$(CORPUS)\").issues))")

.PHONY: demo test lint typecheck pytest docs clean

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
	$(BIN)/argmap corpus list
	@echo
	$(BIN)/argmap corpus show allied-space-cooperation
	@echo
	@if [ -f $(SEED) ]; then \
		$(BIN)/argmap validate $(CORPUS) --source article=$(SEED); \
	else \
		$(BIN)/argmap validate $(CORPUS); \
		echo "(seed article not found at $(SEED): anchors not verified)"; \
	fi
	@echo
	-$(BIN)/argmap check $(CORPUS)
	@echo
	@mkdir -p $(OUT)
	$(BIN)/argmap render $(CORPUS) -o $(OUT)/overview.svg --cluster --legend
	@for issue in $(ISSUES); do \
		$(BIN)/argmap render $(CORPUS) -o $(OUT)/$$issue.svg --issue $$issue --legend || exit 1; \
	done

# The README's images: the overview and one controversy, as PNG.
docs: $(STAMP_RUN)
	@mkdir -p docs
	$(BIN)/argmap render $(CORPUS) -o docs/overview.png --cluster --legend
	$(BIN)/argmap render $(CORPUS) -o docs/burden-sharing.png --issue burden-sharing --legend
	$(BIN)/argmap render corpora/school-phones/map.yaml -o docs/school-phones-print.png --theme print --legend

lint: $(STAMP_DEV)
	$(BIN)/ruff check argmap tests
	$(BIN)/ruff format --check argmap tests

typecheck: $(STAMP_DEV)
	$(BIN)/mypy

pytest: $(STAMP_DEV)
	$(BIN)/python -m pytest

test: lint typecheck pytest

clean:
	rm -rf $(VENV) $(OUT) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
