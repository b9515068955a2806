"""Word segmentation: underthesea's CRF ``word_tokenize`` against the dictionary longest match.

    .venv/bin/python evaluation/segmentation_eval.py [--write]

The build segments every segment into words (the spaCy tokens of extraction and the BM25 word
field). chinhsach segments by longest match over the word dictionary that underthesea's own
segmentation model ships (``tokens.segment_words``). This script measures, on the segments of
``corpus/``: the time of each segmenter, how far their words agree, and what each gives to
retrieval (seed queries, a fresh index each) and extraction (gold of ``evaluation/gold``).
``--write`` puts the tables into ``evaluation/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation"))

from extraction_eval import evaluate_all  # noqa: E402
from retrieval_eval import QUERIES, SEED, evaluate  # noqa: E402

from chinhsach.extract import nlp as extract  # noqa: E402
from chinhsach.indexing import Index, build_index  # noqa: E402
from chinhsach.ingest.readers import iter_source_files  # noqa: E402
from chinhsach.pipeline import read_document  # noqa: E402
from chinhsach.text import tokens  # noqa: E402

CORPUS = ROOT / "corpus"
# The seed and the illustrative plans (moved from corpus/ to evaluation/fixtures/).
CORPUS_PATHS = [CORPUS, *sorted((ROOT / "evaluation" / "fixtures").glob("minh-hoa-*.txt"))]


def crf_words(text: str) -> list[str]:
    from underthesea import word_tokenize

    return list(word_tokenize(text))


@contextmanager
def segmenter(fn: Callable[[str], list[str]]) -> Iterator[None]:
    """Build and extract with ``fn`` as the word segmenter for the duration of the block."""
    saved = tokens.segment_words, extract.segment_words
    tokens.segment_words = extract.segment_words = fn
    try:
        yield
    finally:
        tokens.segment_words, extract.segment_words = saved


def spans(text: str, words: list[str]) -> set[tuple[int, int]]:
    out, pos = set(), 0
    for w in words:
        at = text.find(w, pos)
        if at >= 0:
            out.add((at, at + len(w)))
            pos = at + len(w)
    return out


def timed(fn: Callable[[str], list[str]], texts: list[str], runs: int = 3) -> float:
    fn(texts[0])  # loads the model / dictionary
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="update evaluation/RESULTS.md")
    args = parser.parse_args()
    texts = [s.text for f in iter_source_files(CORPUS_PATHS) for s in read_document(f, "x").segments
             if s.kind != "signature"]
    chars = sum(map(len, texts))
    t_crf = timed(crf_words, texts)
    t_dict = timed(tokens.segment_words, texts)
    gold, found = 0, 0
    common = 0
    for t in texts:
        a, b = spans(t, crf_words(t)), spans(t, tokens.segment_words(t))
        gold, found, common = gold + len(a), found + len(b), common + len(a & b)
    prec, rec = common / found, common / gold
    f1 = 2 * prec * rec / (prec + rec)

    queries = json.loads(QUERIES.read_text(encoding="utf-8"))
    systems = ("bm25 words", "hybrid (chinhsach)")
    retrieval: dict[str, dict] = {}
    extraction: dict[str, dict] = {}
    for name, fn in (("underthesea CRF word_tokenize", crf_words),
                     ("longest match, underthesea dictionary", tokens.segment_words)):
        with segmenter(fn), tempfile.TemporaryDirectory() as tmp:
            build_index([SEED], Path(tmp) / "index")
            with Index.open(Path(tmp) / "index") as idx:
                res = evaluate(idx, queries, grid=False)
            retrieval[name] = {s: res[s]["all"] for s in systems}
            extraction[name] = evaluate_all()["all documents"]
    rows = [
        "| segmenter | time on corpus/ | ms per 1000 characters | bm25 words R@5 / MRR@10 | "
        "hybrid R@5 / MRR@10 | extraction F1 (targets / units with roles / citations) |",
        "|---|---|---|---|---|---|",
    ]
    for name, secs in (("underthesea CRF word_tokenize", t_crf),
                       ("longest match, underthesea dictionary", t_dict)):
        r, e = retrieval[name], extraction[name]
        rows.append(
            f"| {name} | {secs:.3f} s | {secs / chars * 1e6:.2f} | "
            f"{r['bm25 words']['recall_at_5']:.3f} / {r['bm25 words']['mrr_at_10']:.3f} | "
            f"{r['hybrid (chinhsach)']['recall_at_5']:.3f} / {r['hybrid (chinhsach)']['mrr_at_10']:.3f} | "
            f"{e['targets']['f1']:.3f} / {e['units_with_roles']['f1']:.3f} / {e['citations']['f1']:.3f} |")
    text = "\n".join(rows)
    summary = (f"{len(texts)} segments of corpus/ ({chars} characters); the CRF's words taken as "
               f"reference, the dictionary's agree with precision {prec:.3f}, recall {rec:.3f}, "
               f"F1 {f1:.3f} (same character spans). Speed-up {t_crf / t_dict:.1f}x.")
    print(text)
    print(summary)
    if args.write:
        from results_md import replace_section

        cmd = ".venv/bin/python evaluation/segmentation_eval.py --write"
        replace_section("Word segmentation", f"Command: `{cmd}`\n\n{summary}\n\n{text}\n")


if __name__ == "__main__":
    main()
