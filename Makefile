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
CONTROVERSIES = $(shell $(BIN)/python -c "import argmap; print(' '.join(n.id for n in argmap.load(\"$(CORPUS)\").issues if 'controversy' in n.tags))")
EXAMPLES := examples/allied-space-cooperation
# The teacher's worksheet: four parts that fit a printed page and a quiz.
WORKSHEET_KINDS := --kind sort-by-side --kind label-links --kind match-principles --kind fill-gap

.PHONY: demo test lint typecheck pytest docs examples bench bench-semantics clean

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
	@echo
	$(BIN)/argmap exercise $(CORPUS) --issue burden-sharing $(WORKSHEET_KINDS) --seed 1 --difficulty 2 \
		-o $(OUT)/worksheet.html --key $(OUT)/key.html --gift $(OUT)/quiz.gift --json $(OUT)/exercise.json
	$(BIN)/argmap grade $(OUT)/exercise.json $(EXAMPLES)/burden-sharing/answers-ana.yaml

# The teacher's workflow of the README: a worksheet, key, quiz and exercise
# file per controversy of the reference corpus (fixed seed: reproducible).
examples: $(STAMP_RUN)
	@for issue in $(CONTROVERSIES); do \
		mkdir -p $(EXAMPLES)/$$issue; \
		$(BIN)/argmap exercise $(CORPUS) --issue $$issue $(WORKSHEET_KINDS) --skip-unfit --seed 1 --difficulty 2 \
			-o $(EXAMPLES)/$$issue/worksheet.html --key $(EXAMPLES)/$$issue/key.html \
			--gift $(EXAMPLES)/$$issue/quiz.gift --json $(EXAMPLES)/$$issue/exercise.json \
			--template $(EXAMPLES)/$$issue/answers-template.yaml || exit 1; \
	done

# The images of the README and docs/rendering.md, as PNG at a modest resolution.
# The *-before.png beside them show the same diagrams before the choices that
# docs/rendering.md describes; they are kept as they are, not redrawn here.
docs: $(STAMP_RUN)
	@mkdir -p docs
	$(BIN)/argmap render $(CORPUS) -o docs/overview.png --cluster --legend --dpi 60
	$(BIN)/argmap render $(CORPUS) -o docs/burden-sharing.png --issue burden-sharing --legend --dpi 72
	$(BIN)/argmap render $(CORPUS) -o docs/burden-sharing-print.png --issue burden-sharing --legend --theme print --dpi 72
	$(BIN)/argmap render tests/render/many-into-one.yaml -o docs/many-into-one.png --legend --dpi 72
	$(BIN)/argmap render $(CORPUS) -o docs/side.png --side dependence-critics --legend --dpi 72
	$(BIN)/argmap render corpora/school-phones/map.yaml -o docs/school-phones-print.png --theme print --legend --dpi 72

# One table of load, validate, check and DOT times and memory at 1k, 10k and 100k nodes,
# and cold starts; then argmap beside the Argdown tool (installed by npm when missing).
bench: $(STAMP_RUN)
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/argdown.py

# The semantics solvers beside their Python peers (installed into a scratch
# environment by the script); kept apart from `bench` for its time budget.
bench-semantics: $(STAMP_DEV)
	$(BIN)/python benchmarks/bench_semantics.py

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
