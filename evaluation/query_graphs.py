"""Candidate query-side ONNX graphs of the default model: agreement with today's graph and speed.

    .venv/bin/python evaluation/query_graphs.py --out /tmp/graphs            # build, agree, time
    .venv/bin/python evaluation/query_graphs.py --out /tmp/graphs --skip-build --repeat 40

Today's graph (``models/<model>/onnx/model_qint8.onnx``) is the sentence-transformers model
exported by ``convert.export_onnx_int8`` (torch's default SDPA attention) and dynamically
quantised to int8; ONNX Runtime fuses LayerNorm, GELU and the int8 MatMuls when it loads it.
Candidates, each from the same float weights and quantised the same way:

- ``sdpa``: today's export again (must equal the shipped file byte for byte: the baseline);
- ``shapes``: today's export with its shape arithmetic folded (``convert.fold_shapes``: the
  ``onnxruntime.transformers`` optimizer with every fusion that changes arithmetic turned off,
  then each per-head ``Reshape`` given a constant target such as ``[0, 0, 12, 32]``): the same
  arithmetic; the query graph ``convert.export_onnx_query`` writes;
- ``eager``: exported with eager attention (the pattern the optimizer recognises);
- ``fused``: ``eager`` through the optimizer's BERT fusions (Attention, EmbedLayerNormalization,
  SkipLayerNormalization, BiasGelu) before quantising (attention becomes QAttention).

Passage vectors in every index come from today's graph, so a query graph may only differ from
it within a tolerance: this script reports the cosine of each candidate's vectors with today's
on the ALQAC development questions (as ``Index.search`` embeds them: normalised, first 48 words)
and on sampled ALQAC passages, and the time of one run by token length (CPU and wall, medians,
candidates alternated run by run), with 1 and 2 intra-op threads.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

EVAL_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(EVAL_DIR.parent / "src"))
sys.path.insert(0, str(EVAL_DIR))

import alqac_eval  # noqa: E402

from chinhsach import convert  # noqa: E402
from chinhsach.convert import ONNX_INT8  # noqa: E402
from chinhsach.indexing.config import DENSE_QUERY_WORDS  # noqa: E402
from chinhsach.indexing.embed import default_model_path  # noqa: E402
from chinhsach.text.normalize import normalize_text  # noqa: E402

CANDIDATES = ("sdpa", "shapes", "eager", "fused")
LENGTHS = (4, 16, 32, 64, 128)
HEADS, HIDDEN = 12, 384  # multilingual-e5-small


def build(model_dir: Path, out: Path) -> dict[str, Any]:
    """The candidates, each made by ``chinhsach.convert``'s own steps."""
    import onnx

    out.mkdir(parents=True, exist_ok=True)
    # export_onnx_int8 itself, into a folder holding the model's files but not its graphs.
    copy = out / "model"
    copy.mkdir(exist_ok=True)
    for item in model_dir.iterdir():
        if item.name != "onnx" and not (copy / item.name).exists():
            (copy / item.name).symlink_to(item)
    shutil.rmtree(copy / "onnx", ignore_errors=True)
    shutil.move(convert.export_onnx_int8(copy), out / "sdpa.onnx")
    info: dict[str, Any] = {
        "sdpa equals the shipped graph": (out / "sdpa.onnx").read_bytes() == (model_dir / ONNX_INT8).read_bytes()}
    convert._export_float(model_dir, out / "sdpa_f32.onnx")
    convert._export_float(model_dir, out / "eager_f32.onnx", "eager")
    info["shapes: static reshapes"] = convert.fold_shapes(out / "sdpa_f32.onnx", out / "shapes_f32.onnx",
                                                         HEADS, HIDDEN)
    convert._quantize(out / "shapes_f32.onnx", out / "shapes.onnx")
    convert._quantize(out / "eager_f32.onnx", out / "eager.onnx")
    info["fused: fusions"] = fuse(out / "eager_f32.onnx", out / "fused_f32.onnx")
    convert._quantize(out / "fused_f32.onnx", out / "fused.onnx")
    info["shapes: export_onnx_query's check passes"] = convert._same_vectors(
        model_dir / ONNX_INT8, out / "shapes.onnx", model_dir / "tokenizer.json")
    for name in CANDIDATES:
        nodes = onnx.load(str(out / f"{name}.onnx"), load_external_data=False).graph.node
        info[f"{name}: nodes"] = len(nodes)
    for path in out.glob("*_f32.onnx"):
        path.unlink()
    return info


def fuse(source: Path, target: Path) -> dict[str, int]:
    """``onnxruntime.transformers``' BERT optimizer with all its fusions."""
    from onnxruntime.transformers import optimizer
    from onnxruntime.transformers.fusion_options import FusionOptions

    model = optimizer.optimize_model(str(source), model_type="bert", num_heads=HEADS, hidden_size=HIDDEN,
                                     optimization_options=FusionOptions("bert"), opt_level=0)
    model.save_model_to_file(str(target))
    return {k: v for k, v in model.get_fused_operator_statistics().items() if v}


def session(path: Path, threads: int) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")  # as OnnxEmbedder
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def feeds(texts: list[str], tokenizer: Any) -> list[dict[str, np.ndarray]]:
    out = []
    for enc in tokenizer.encode_batch(texts):
        ids = enc.ids if len(enc.ids) <= 512 else enc.ids[:511] + enc.ids[-1:]
        arr = np.asarray([ids], dtype=np.int64)
        out.append({"input_ids": arr, "attention_mask": np.ones_like(arr)})
    return out


def texts_to_compare(passages_per_corpus: int) -> tuple[list[str], list[str]]:
    """The development questions as ``Index.search`` embeds them, and sampled passages."""
    root = alqac_eval.data_dir()
    if root is None:
        raise SystemExit("ALQAC data not found (../shared/benchmarks/alqac or $ALQAC_DIR)")
    queries = []
    for qset in alqac_eval.SETS.values():
        if qset.split != "dev":
            continue
        for q in alqac_eval.load_questions(qset, root):
            text = normalize_text(alqac_eval.query_of(q))[:1000]
            queries.append("query: " + " ".join(text.split()[:DENSE_QUERY_WORDS]))
    rng = np.random.default_rng(1)
    passages = []
    for store in sorted((EVAL_DIR / ".cache" / "alqac").glob("*/index-*/index/gen-*/store.sqlite")):
        with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as conn:
            rows = [t for (t,) in conn.execute("SELECT text FROM segments WHERE searchable = 1")]
        picked = rng.choice(len(rows), min(passages_per_corpus, len(rows)), replace=False)
        passages += ["passage: " + rows[i] for i in picked]
    return queries, passages


def agreement(out: Path, model_dir: Path, passages_per_corpus: int) -> dict[str, Any]:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    queries, passages = texts_to_compare(passages_per_corpus)
    sets = {"queries": feeds(queries, tokenizer), "passages": feeds(passages, tokenizer)}

    def vectors(path: Path, items: list[dict[str, np.ndarray]]) -> np.ndarray:
        s = session(path, 2)
        return np.vstack([s.run(None, f)[0] for f in items])

    today = {k: vectors(model_dir / ONNX_INT8, v) for k, v in sets.items()}
    result: dict[str, Any] = {}
    for name in CANDIDATES:
        for kind, items in sets.items():
            cos = (vectors(out / f"{name}.onnx", items) * today[kind]).sum(1)
            result[f"{name} {kind}"] = {"n": len(cos), "min": round(float(cos.min()), 5),
                                        "p1": round(float(np.percentile(cos, 1)), 5),
                                        "mean": round(float(cos.mean()), 5),
                                        "identical": int((cos >= 1 - 1e-6).sum())}
            print(name, kind, result[f"{name} {kind}"], flush=True)
    return result


def timing(out: Path, model_dir: Path, repeat: int) -> dict[str, Any]:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    words = "Người sử dụng đất được Nhà nước giao đất có quyền chuyển nhượng theo quy định".split()
    by_length = {}
    for length in LENGTHS:  # real words, cut to the length in tokens (<s> ... </s>)
        ids = tokenizer.encode("query: " + " ".join(words * 20)).ids[: length - 1] + [2]
        arr = np.asarray([ids], dtype=np.int64)
        by_length[length] = {"input_ids": arr, "attention_mask": np.ones_like(arr)}
    runs = {(name, threads): session(out / f"{name}.onnx", threads)
            for name in CANDIDATES for threads in (1, 2)}
    wall: dict[tuple[str, int, int], list[float]] = collections.defaultdict(list)
    cpu: dict[tuple[str, int, int], list[float]] = collections.defaultdict(list)
    for s in runs.values():
        for f in by_length.values():
            s.run(None, f)
    load = [os.getloadavg()[0]]
    for _ in range(repeat):
        for length, f in by_length.items():
            for (name, threads), s in runs.items():
                w, c = time.perf_counter(), time.process_time()
                s.run(None, f)
                wall[name, threads, length].append((time.perf_counter() - w) * 1000)
                cpu[name, threads, length].append((time.process_time() - c) * 1000)
    load.append(os.getloadavg()[0])
    table = {f"{name}/{threads}": {length: {"wall": round(float(np.median(wall[name, threads, length])), 2),
                                            "cpu": round(float(np.median(cpu[name, threads, length])), 2)}
                                   for length in LENGTHS}
             for name, threads in runs}
    print(f"load average {load[0]:.1f} → {load[1]:.1f}; median ms, CPU (wall), {repeat} runs each")
    print("| graph/threads | " + " | ".join(f"{n} tokens" for n in LENGTHS) + " |")
    print("|---" * (len(LENGTHS) + 1) + "|")
    for key, row in table.items():
        print(f"| {key} | " + " | ".join(f"{row[n]['cpu']:.1f} ({row[n]['wall']:.1f})" for n in LENGTHS) + " |")
    return {"load_average": [round(x, 2) for x in load], "repeat": repeat, "ms": table}


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, required=True, help="folder for the candidate graphs (~500 MB)")
    p.add_argument("--skip-build", action="store_true", help="reuse the graphs already in --out")
    p.add_argument("--passages", type=int, default=100, help="passages sampled per ALQAC corpus")
    p.add_argument("--repeat", type=int, default=30, help="timed runs per graph, threads and length")
    p.add_argument("--json", type=Path, help="write the numbers here")
    args = p.parse_args(argv)
    model_dir = default_model_path()
    result: dict[str, Any] = {}
    if not args.skip_build:
        result["build"] = build(model_dir, args.out)
        print(json.dumps(result["build"], ensure_ascii=False), flush=True)
    result["agreement"] = agreement(args.out, model_dir, args.passages)
    result["timing"] = timing(args.out, model_dir, args.repeat)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
