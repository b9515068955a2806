"""ALQAC legal retrieval: chinhsach and its peers on real, human-annotated Vietnamese questions.

    .venv/bin/python evaluation/alqac_eval.py                  # development sets only
    .venv/bin/python evaluation/alqac_eval.py --final --write  # + the held-out test sets
    .venv/bin/python evaluation/alqac_eval.py --model models/multilingual-e5-small-alqac-<hash>
        # chinhsach and the dense peers with the fine-tuned embedder (evaluation/alqac_finetune.py)
    .venv/bin/python evaluation/alqac_ranking.py               # query-time ranking variants
        # (dense feedback, RRF, adaptive weights, ...) re-ranking the same signals, dev sets only

Data: the ALQAC 2022 and 2023 task 1 files (Automated Legal Question Answering Competition,
KSE; statute articles and questions with gold relevant articles), read from
``../shared/benchmarks/alqac`` (``$ALQAC_DIR`` elsewhere); never copied into the repository.

Every article is one document: a text file ``Điều N. <title>`` followed by the article's body
(the ALQAC text keeps the title on its first line; articles without one get ``Điều N.``). The
same files go to every system:

- **chinhsach**: ``build_index`` over the files, ``Index.search(question, k=10,
  group="document")`` (articles ranked from their best passages);
- **bm25s words** / **bm25s folded syllables**: ``bench.run_bm25`` over each article's text
  (Vietnamese words with diacritics; or syllables with diacritics removed);
- **dense e5**: ``bench._faiss_run`` over the vectors chinhsach's index stored for its
  segments (same e5 model, each segment with its heading; faiss flat inner product, 30 segments
  reduced to articles): chinhsach's dense signal alone;
- **RAG baseline**: ``bench.fixed_windows`` (400 model tokens, no structure) over each file,
  same model and faiss, 30 windows reduced to articles.

Metrics on the unique articles: hit@1, hit@10, MRR@10 (first gold article), overall and by
question type; warm query latency p50/p95; build time.

Protocol: tuning uses only the development sets (ALQAC 2022, ``alqac2023/train.json``,
``alqac2023_oct_release/train.json``). The test sets (2023 private test, October test) run only
with ``--final``.

Caches (``evaluation/.cache/alqac/``, not in git): the article files, one index per corpus,
and the peers' vectors, each under a key made of its inputs (article texts, model, and for the
index the source of every module the build runs), so a rerun only queries. Each corpus also
keeps an embedding cache (``embeddings.sqlite``, by model and passage text): an index rebuilt
after a code change re-embeds only the passages whose text changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT / "evaluation"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(EVAL_DIR))

import bench  # noqa: E402
from bench import SystemRun, fixed_windows, folded_syllables, pct, run_bm25  # noqa: E402

from chinhsach import Index, build_index  # noqa: E402
from chinhsach.indexing.embed import Embedder, load_embedder, resolve_model  # noqa: E402
from chinhsach.text.normalize import normalize_text, strip_markdown  # noqa: E402

CACHE = EVAL_DIR / ".cache" / "alqac"
SEGMENT_K = 30  # segments (or windows) asked for per question, then reduced to articles
CUTOFF = 10  # hit@10 and MRR@10


def data_dir() -> Path | None:
    """``$ALQAC_DIR``, else ``shared/benchmarks/alqac`` beside the checkout or a parent of it."""
    env = os.environ.get("ALQAC_DIR")
    if env:
        return Path(env)
    for parent in ROOT.parents:
        candidate = parent / "shared" / "benchmarks" / "alqac"
        if candidate.is_dir():
            return candidate
    return None


# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    name: str
    file: str  # under the ALQAC folder


@dataclass(frozen=True)
class QuestionSet:
    name: str
    corpus: str
    file: str
    split: str  # "dev" (tuning allowed) or "test" (held out)
    label: str


CORPORA = {
    "alqac2022": Corpus("alqac2022", "alqac2022/law2022.json"),
    "alqac2023": Corpus("alqac2023", "alqac2023/law.json"),
    "alqac2023-oct": Corpus("alqac2023-oct", "alqac2023_oct_release/legal_passages.json"),
}
SETS = {
    "alqac2022": QuestionSet("alqac2022", "alqac2022", "alqac2022/question2022.json", "dev",
                             "ALQAC 2022 (all questions)"),
    "alqac2023-train": QuestionSet("alqac2023-train", "alqac2023", "alqac2023/train.json", "dev",
                                   "ALQAC 2023 train"),
    "oct-train": QuestionSet("oct-train", "alqac2023-oct", "alqac2023_oct_release/train.json", "dev",
                             "ALQAC 2023 October release, train"),
    "alqac2023-private": QuestionSet("alqac2023-private", "alqac2023", "alqac2023/private_test.json",
                                     "test", "ALQAC 2023 private test"),
    "oct-test": QuestionSet("oct-test", "alqac2023-oct", "alqac2023_oct_release/test.json", "test",
                            "ALQAC 2023 October release, test"),
}
DEV_SETS = [n for n, s in SETS.items() if s.split == "dev"]
TEST_SETS = [n for n, s in SETS.items() if s.split == "test"]
SYSTEMS = ("chinhsach", "bm25_words", "bm25_folded", "dense", "rag_baseline")
LABELS = {
    "chinhsach": "chinhsach (Index.search)",
    "bm25_words": "bm25s, Vietnamese words",
    "bm25_folded": "bm25s, folded syllables",
    "dense": "dense e5 alone (faiss)",
    "rag_baseline": "RAG baseline (400-token windows, e5)",
}


@dataclass(frozen=True)
class Article:
    key: str  # "law_id#article_id", the gold's identity
    law: str
    number: str
    text: str  # the file's text: "Điều N. title" heading, then the body


@dataclass(frozen=True)
class Question:
    qid: str
    text: str
    kind: str
    gold: frozenset[str]
    choices: tuple[tuple[str, str], ...] = ()


def article_key(law: str, number: str) -> str:
    return f"{law}#{number}"


_CLAUSE_START = re.compile(r"^(?:\d+\s*[.)]|[a-zđ]\))\s")


def article_file_text(number: str, text: str) -> str:
    """``Điều N. title`` then the body; the ALQAC text has the title on its own first line
    (Constitution articles have none: their first line is already body text)."""
    first, sep, rest = text.strip().partition("\n")
    first = first.strip()
    is_title = (sep and len(first) <= 300 and not _CLAUSE_START.match(first)
                and not first.endswith((".", ":", ";")))
    if is_title:
        return f"Điều {number}. {first}\n\n{rest.strip()}\n"
    return f"Điều {number}.\n\n{text.strip()}\n"


def load_corpus(name: str, root: Path) -> list[Article]:
    laws = json.loads((root / CORPORA[name].file).read_text(encoding="utf-8"))
    return [Article(article_key(law["id"], a["id"]), law["id"], str(a["id"]),
                    article_file_text(str(a["id"]), a["text"]))
            for law in laws for a in law["articles"]]


def load_questions(qset: QuestionSet, root: Path) -> list[Question]:
    raw = json.loads((root / qset.file).read_text(encoding="utf-8"))
    out = []
    for i, q in enumerate(raw):
        refs = q.get("relevant_articles") or q.get("legal_passages") or []
        gold = frozenset(article_key(r["law_id"], str(r["article_id"])) for r in refs)
        if "statement" in q:  # the October release: claims to judge true or false
            text, kind = q["statement"], "Mệnh đề (Đúng/Sai)"
        else:
            text, kind = q["text"], q.get("question_type") or "Câu hỏi"
        choices = tuple(sorted((q.get("choices") or {}).items()))
        out.append(Question(str(q.get("question_id") or q.get("id") or q.get("example_id") or i),
                            text, kind, gold, choices))
    return out


def query_of(q: Question) -> str:
    """The text every system is given for a question: the question as written, with the
    choices of a multiple-choice question after it (the choices name what the question is
    about: MRR@10 of chinhsach on the 2023 train set 0.925 → 0.955, ``--grid``)."""
    return with_choices(q)


def with_choices(q: Question) -> str:
    return " ".join([q.text, *(c for _l, c in q.choices)]) if q.choices else q.text


# ---------------------------------------------------------------------------------------------
# Caches
# ---------------------------------------------------------------------------------------------


def digest(parts: Sequence[str | bytes]) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else p.encode("utf-8"))
        h.update(b"\x1e")
    return h.hexdigest()


# Modules that only answer queries: editing them does not change what a build writes. The
# config and fusion modules count through the config a new index saves (its JSON is hashed).
QUERY_SIDE = ("cli.py", "web/", "answers/", "present/", "indexing/search.py",
              "indexing/query.py", "indexing/config.py", "indexing/fusion.py")


# Settings of the saved config that only steer queries: left out of the cache key and applied
# from the code when a cached index is opened (:func:`open_index`), as a fresh build saves them.
QUERY_CONFIG = ("weights", "document_passages", "document_decay", "drop_question_words",
                "dense_query_words")


def build_config_json() -> str:
    """The config a new index saves, without its query-only settings."""
    from chinhsach.indexing.config import IndexConfig

    raw = json.loads(IndexConfig().to_json())
    return json.dumps({k: v for k, v in raw.items() if k not in QUERY_CONFIG}, sort_keys=True)


def open_index(index_dir: Path) -> Index:
    """A cached index with today's query-only settings (those a build with this code saves)."""
    from dataclasses import replace as dc_replace

    from chinhsach.indexing.config import IndexConfig

    idx = Index.open(index_dir)
    today = IndexConfig()
    idx.config = dc_replace(idx.config, **{k: getattr(today, k) for k in QUERY_CONFIG})
    return idx


def index_code_version(model: str | None = None) -> str:
    """Hash of the source the build runs (every module but the query-side ones), the config a
    new index saves (but its query-only settings), and the model."""
    src = ROOT / "src" / "chinhsach"
    parts: list[str | bytes] = [build_config_json()]
    for path in sorted(p for p in src.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        rel = path.relative_to(src).as_posix()
        if rel.startswith(QUERY_SIDE) or path.suffix in (".pyc",):
            continue
        parts += [rel, path.read_bytes()]
    model_id, location = resolve_model(model)
    parts.append(model_id)
    onnx = Path(str(location)) / "onnx" / "model_qint8.onnx"
    parts.append(str(onnx.stat().st_size) if onnx.exists() else "no-onnx")
    return digest(parts)[:16]


def write_articles(corpus: str, articles: list[Article]) -> Path:
    """The article files of a corpus (written once; the folder name is their content's hash)."""
    key = digest([f"{a.key}\n{a.text}" for a in articles])[:16]
    folder = CACHE / corpus / f"articles-{key}"
    if not (folder / "DONE").exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for i, a in enumerate(articles):
            (folder / f"{i:05d}.txt").write_text(a.text, encoding="utf-8")
        (folder / "DONE").write_text("", encoding="utf-8")
        for old in (CACHE / corpus).glob("articles-*"):
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)
    return folder


def file_keys(articles: list[Article]) -> dict[str, str]:
    """Article key of each file name."""
    return {f"{i:05d}.txt": a.key for i, a in enumerate(articles)}


def model_cache(corpus: str, model: str | None) -> Path:
    """Where a corpus's index for ``model`` is kept: another model than the default gets a
    folder of its own, so evaluating it does not evict the default model's index."""
    if model is None:
        return CACHE / corpus
    return CACHE / corpus / f"model-{resolve_model(model)[0]}"


def cached_index(corpus: str, articles: list[Article], rebuild: bool = False,
                 model: str | None = None) -> tuple[Path, dict]:
    """The corpus's index, built once per (articles, build code, model)."""
    files = write_articles(corpus, articles)
    key = digest([files.name, index_code_version(model)])[:16]
    root = model_cache(corpus, model)
    folder = root / f"index-{key}"
    meta_path = folder / "meta.json"
    if meta_path.exists() and not rebuild:
        return folder / "index", json.loads(meta_path.read_text(encoding="utf-8"))
    shutil.rmtree(folder, ignore_errors=True)
    log(f"{corpus}: building the chinhsach index over {len(articles)} articles (cached after)")
    t0 = time.perf_counter()
    # The passage vectors outlive the index: a build after a code change that leaves the
    # passages' text alone embeds nothing again (the model id is part of each entry's key).
    report = build_index([files], folder / "index", rebuild=True, model=model,
                         embedding_cache=CACHE / corpus / "embeddings.sqlite")
    build_s = time.perf_counter() - t0
    if report.failed:
        raise RuntimeError(f"{corpus}: {len(report.failed)} articles failed: {report.failed[:3]}")
    meta = {"build_s": round(build_s, 2), "n_documents": report.n_documents,
            "n_segments": report.n_segments, "model_id": report.model_id,
            "skipped": len(report.skipped), "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "embedding_cache": report.embedding_cache,
            "load_average": [round(x, 2) for x in os.getloadavg()]}
    meta_path.write_text(json.dumps(meta, indent=1), encoding="utf-8")
    for old in root.glob("index-*"):
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    log(f"{corpus}: built in {build_s:.0f} s ({report.n_segments} segments)")
    return folder / "index", meta


class CachedEmbedder(Embedder):
    """An embedder whose passage vectors are kept on disk by (model, texts).

    ``credit_s`` is how much longer the original encoding took than loading it, so that a
    system's build time is reported as if it had embedded (the time measured when cached).
    """

    def __init__(self, inner: Embedder, folder: Path, name: str) -> None:
        self._inner = inner
        self.folder = folder
        self.name = name
        self.model_id = inner.model_id
        self.dim = inner.dim
        self.credit_s = 0.0

    def encode_passages(self, texts: Sequence[str], batch_size: int = 16,
                        progress: Callable[[int], None] | None = None) -> np.ndarray:
        key = digest([self.model_id, *texts])[:16]
        path = self.folder / f"vectors-{self.name}-{key}.npy"
        meta = path.with_suffix(".json")
        t0 = time.perf_counter()
        if path.exists() and meta.exists():
            vectors = np.load(path)
            self.credit_s = json.loads(meta.read_text(encoding="utf-8"))["seconds"] - (
                time.perf_counter() - t0)
            return vectors
        log(f"  embedding {len(texts)} {self.name} passages (cached after)")
        vectors = self._inner.encode_passages(list(texts), batch_size=batch_size, progress=progress)
        seconds = time.perf_counter() - t0
        for old in self.folder.glob(f"vectors-{self.name}-*"):
            old.unlink()
        self.folder.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
        meta.write_text(json.dumps({"seconds": round(seconds, 2), "n": len(texts)}), encoding="utf-8")
        return vectors

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._inner.encode_queries(texts)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


# ---------------------------------------------------------------------------------------------
# Systems
# ---------------------------------------------------------------------------------------------


def log(msg: str) -> None:
    print(f"[alqac {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def unique(keys: Sequence[str | None]) -> list[str]:
    return [k for k in dict.fromkeys(keys) if k]


@dataclass
class Run:
    """One system on one question set: article rankings, latencies, build time."""

    system: str
    build_s: float
    n_units: int
    rankings: list[list[str]] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    notes: str = ""

    @classmethod
    def of(cls, run: SystemRun) -> Run:
        """A bench run whose results list the articles each unit covers."""
        return cls(run.name, run.build_s, run.n_units,
                   [unique([s for unit in ranked for s in unit]) for ranked in run.rankings],
                   run.latencies_ms, run.notes)


# How chinhsach is asked: an ALQAC answer is a whole article (one document per file), so the
# search ranks documents from their best passages (``Index.search(group="document")``,
# scoring in the index config); ``--grid`` measures it against the first segments' articles.
GROUP = "document"


def search_call(group: str = GROUP) -> str:
    return (f'Index.search(question, k={CUTOFF}, group="document")' if group == "document"
            else f"Index.search(question, k={SEGMENT_K}), hits reduced to unique articles")


# ``--weights``: fusion weights for chinhsach instead of the index config's (weights chosen for
# another embedder, e.g. the fine-tuned one, checked on a validation split).
WEIGHTS_OVERRIDE: tuple[float, float, float] | None = None


def run_chinhsach(index_dir: Path, meta: dict, keys: dict[str, str],
                  queries: list[str], group: str = GROUP) -> Run:
    from dataclasses import replace as dc_replace

    from chinhsach.indexing import FusionWeights

    k = CUTOFF if group == "document" else SEGMENT_K
    run = Run("chinhsach", meta["build_s"], meta["n_segments"], notes=search_call(group))
    with open_index(index_dir) as idx:
        if WEIGHTS_OVERRIDE is not None:
            idx.config = dc_replace(idx.config, weights=FusionWeights(*WEIGHTS_OVERRIDE))
        idx.search(queries[0], k=k, group=group)  # warm: model, BM25 files, restorer
        for q in queries:
            t = time.perf_counter()
            hits = idx.search(q, k=k, group=group)
            run.latencies_ms.append((time.perf_counter() - t) * 1000)
            run.rankings.append(unique([keys.get(Path(h.file).name) for h in hits]))
    return run


@dataclass
class StoredSegments:
    """The searchable segments of a chinhsach index in its vector order: each one's article,
    text, and the e5 vector the index stored for it (the segment read with its heading)."""

    keys: list[str]
    texts: list[str]
    vectors: np.ndarray


def stored_segments(index_dir: Path, keys: dict[str, str]) -> StoredSegments:
    with Index.open(index_dir) as idx:
        rows = {int(pos): (keys[Path(path).name], text) for pos, path, text in idx.conn.execute(
            "SELECT s.pos, d.path, s.text FROM segments s JOIN documents d USING (doc_id) "
            "WHERE s.searchable = 1")}
        ordered = [rows[int(p)] for p in idx.positions]
        vectors = np.ascontiguousarray(idx.vectors, dtype=np.float32)
    return StoredSegments([k for k, _t in ordered], [t for _k, t in ordered], vectors)


class StoredVectors(Embedder):
    """The index's own passage vectors handed to the dense peer: the same e5 model over the same
    passages, so the peer is chinhsach's dense signal alone (no second embedding of 13k
    segments on a shared 2-core machine)."""

    def __init__(self, vectors: np.ndarray, model_id: str) -> None:
        self._vectors = vectors
        self.model_id = model_id
        self.dim = vectors.shape[1]

    def encode_passages(self, texts: Sequence[str], batch_size: int = 16,
                        progress: Callable[[int], None] | None = None) -> np.ndarray:
        assert len(texts) == len(self._vectors)
        return self._vectors

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        raise NotImplementedError("passages only")


def file_text(text: str) -> str:
    """A file's text as the RAG baseline reads it (lines normalised, as bench.run_rag does)."""
    lines = (normalize_text(strip_markdown(line)) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


@dataclass
class Peers:
    """Embedders shared by the dense peers (loaded once)."""

    passages: Embedder
    queries: Embedder


def run_peers(corpus: str, articles: list[Article], segments: StoredSegments | None,
              build_s: float, queries: list[str], systems: Sequence[str],
              peers: Peers | None) -> list[Run]:
    qdicts = [{"query": q} for q in queries]
    rows = [(a.key, a.text) for a in articles]
    out = []
    if "bm25_words" in systems:
        out.append(Run.of(run_bm25(rows, qdicts, name="bm25_words", top_k=CUTOFF,
                                   notes="article text, word segmentation, query as typed")))
    if "bm25_folded" in systems:
        out.append(Run.of(run_bm25(rows, qdicts, terms=folded_syllables, name="bm25_folded",
                                   top_k=CUTOFF, notes="article text, folded syllables")))
    if peers is None:
        return out
    folder = CACHE / corpus
    if "dense" in systems and segments is not None:
        run = bench._faiss_run("dense", segments.texts, [[k] for k in segments.keys],
                               StoredVectors(segments.vectors, peers.queries.model_id),
                               peers.queries, qdicts, 0.0,
                               "chinhsach's segment vectors (with their heading), faiss flat",
                               top_k=SEGMENT_K)
        run.build_s = build_s  # the vectors come out of the chinhsach build
        out.append(Run.of(run))
    if "rag_baseline" in systems:
        emb = CachedEmbedder(peers.passages, folder, "rag")
        t0 = time.perf_counter()
        texts, owners = [], []
        unit = ""
        for a in articles:
            windows, unit = fixed_windows(file_text(a.text), emb)
            texts += [w.text for w in windows]
            owners += [[a.key]] * len(windows)
        prep_s = time.perf_counter() - t0
        run = bench._faiss_run("rag_baseline", texts, owners, emb, peers.queries, qdicts, prep_s,
                               f"each file cut every {unit}, no overlap", top_k=SEGMENT_K)
        run.build_s += emb.credit_s
        out.append(Run.of(run))
    return out


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


def metrics(rankings: list[list[str]], questions: list[Question]) -> dict[str, float]:
    firsts = [next((i for i, k in enumerate(r[:CUTOFF]) if k in q.gold), None)
              for r, q in zip(rankings, questions, strict=True)]
    if not firsts:
        return {"n": 0}
    return {"n": len(firsts),
            "hit_at_1": float(np.mean([f == 0 for f in firsts])),
            "hit_at_10": float(np.mean([f is not None for f in firsts])),
            "mrr_at_10": float(np.mean([1.0 / (f + 1) if f is not None else 0.0 for f in firsts]))}


def score_run(run: Run, questions: list[Question]) -> dict[str, Any]:
    out: dict[str, Any] = metrics(run.rankings, questions)
    kinds = sorted({q.kind for q in questions})
    if len(kinds) > 1:
        out["by_type"] = {}
        for kind in kinds:
            ids = [i for i, q in enumerate(questions) if q.kind == kind]
            out["by_type"][kind] = metrics([run.rankings[i] for i in ids], [questions[i] for i in ids])
    out.update({"label": LABELS[run.system], "build_s": round(run.build_s, 2),
                "n_units": run.n_units, "query_p50_ms": round(pct(run.latencies_ms, 50), 2),
                "query_p95_ms": round(pct(run.latencies_ms, 95), 2), "notes": run.notes})
    return out


# ---------------------------------------------------------------------------------------------
# Run
# ---------------------------------------------------------------------------------------------


def run_alqac(sets: Sequence[str], systems: Sequence[str] = SYSTEMS, rebuild: bool = False,
              peers: Peers | None = None, model: str | None = None,
              only: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """Every system on every named question set; returns the numbers (JSON-ready).
    ``model``: the embedding model of chinhsach's index and the dense peers (default e5);
    ``only``: per set, the question ids to keep (a validation split; a set not named: all)."""
    root = data_dir()
    if root is None or not root.is_dir():
        raise FileNotFoundError("ALQAC data not found: expected ../shared/benchmarks/alqac "
                                "(or set $ALQAC_DIR)")
    if peers is None and any(s in systems for s in ("dense", "rag_baseline")):
        peers = Peers(load_embedder(model),
                      load_embedder(model, for_queries=True, query_engine="fast-query"))
    started = time.perf_counter()
    results: dict[str, Any] = {"sets": {}, "corpora": {}, "model_id": resolve_model(model)[0]}
    by_corpus: dict[str, list[str]] = {}
    for name in sets:
        by_corpus.setdefault(SETS[name].corpus, []).append(name)
    for corpus, names in by_corpus.items():
        articles = load_corpus(corpus, root)
        keys = file_keys(articles)
        index_dir, meta = cached_index(corpus, articles, rebuild, model)
        results["corpora"][corpus] = {"n_articles": len(articles), **meta}
        segments = stored_segments(index_dir, keys) if "dense" in systems else None
        for name in names:
            qset = SETS[name]
            questions = load_questions(qset, root)
            if only and name in only:
                keep = set(only[name])
                questions = [q for q in questions if q.qid in keep]
            missing = {k for q in questions for k in q.gold} - {a.key for a in articles}
            if missing:
                raise ValueError(f"{qset.file}: gold articles not in the corpus: {sorted(missing)[:5]}")
            queries = [query_of(q) for q in questions]
            log(f"{name}: {len(questions)} questions, {len(articles)} articles")
            runs = []
            if "chinhsach" in systems:
                runs.append(run_chinhsach(index_dir, meta, keys, queries))
            runs += run_peers(corpus, articles, segments, meta["build_s"], queries, systems,
                              peers)
            results["sets"][name] = {
                "label": qset.label, "split": qset.split, "corpus": corpus, "file": qset.file,
                "n_questions": len(questions),
                "types": {k: sum(q.kind == k for q in questions)
                          for k in sorted({q.kind for q in questions})},
                "systems": {r.system: score_run(r, questions) for r in runs},
            }
    results["total_s"] = round(time.perf_counter() - started, 1)
    # The machine is shared: the load during the run says how far latencies stand from idle.
    results["load_average"] = [round(x, 1) for x in os.getloadavg()]
    return results


# ---------------------------------------------------------------------------------------------
# Tuning on the development sets (--grid)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    """How a question becomes signals: question words dropped from the lexical terms or not;
    the dense model given the question as written or without its question words; the choices
    of a multiple-choice question appended or not."""

    drop_question_words: bool
    dense_without_question_words: bool
    choices: bool

    def label(self) -> str:
        return (f"drop={int(self.drop_question_words)} dense-stripped="
                f"{int(self.dense_without_question_words)} choices={int(self.choices)}")


def question_signals(idx: Index, questions: list[Question], v: Variant) -> list[dict[str, np.ndarray]]:
    from dataclasses import replace as dc_replace

    from chinhsach.indexing.query import drop_spans, question_word_spans

    idx.config = dc_replace(idx.config, drop_question_words=v.drop_question_words)
    out = []
    for q in questions:
        prepared = idx.prepare(with_choices(q) if v.choices else q.text)
        if v.dense_without_question_words:
            prepared.restored = drop_spans(prepared.restored, question_word_spans(prepared.restored))
        out.append(idx.signals(prepared))
    return out


GroupSetting = tuple[int, float] | None  # (passages, decay); None: segments reduced to articles
GROUP_GRID: list[GroupSetting] = [None, (1, 1.0)] + [(p, d) for p in (2, 3, 5)
                                                    for d in (0.1, 0.25, 0.5, 1.0)]


def articles_of(idx: Index, ranked: list[tuple[int, float]], row_key: list[str],
                group: GroupSetting) -> list[str]:
    if group is None:
        return unique([row_key[i] for i, _s in ranked[:SEGMENT_K]])
    return [row_key[i] for i, _s in idx.rank_documents(ranked, group[0], group[1])[:CUTOFF]]


def parse_groups(text: str) -> list[GroupSetting]:
    """``none,3:0.25,1:1`` → ``[None, (3, 0.25), (1, 1.0)]``."""
    out: list[GroupSetting] = []
    for part in text.split(","):
        if part.strip().lower() == "none":
            out.append(None)
        else:
            n, d = part.split(":")
            out.append((int(n), float(d)))
    return out


def tune(sets: Sequence[str], variant: str | None = None,
         groups: Sequence[GroupSetting] = tuple(GROUP_GRID), model: str | None = None) -> dict[str, Any]:
    """Stage A: question variants x document scoring at today's weights. Stage B: fusion
    weights x document scoring for the best variant. Objective: MRR@10 averaged over sets."""
    import itertools

    from chinhsach.indexing import DEFAULT_WEIGHTS, FusionWeights

    root = data_dir()
    assert root is not None
    if any(SETS[n].split != "dev" for n in sets):
        raise ValueError("tuning runs on development sets only")
    # The dense model reads the whole question: leaving its question words out too (dense-stripped)
    # never helped on any development set (all three, before the titled headings: mean MRR@10
    # 0.924 against 0.925), so the grid no longer spends time on it.
    variants = [Variant(a, False, c) for a, c in itertools.product((False, True), repeat=2)]
    steps = [round(x, 2) for x in np.arange(0.0, 1.01, 0.1)]
    weight_grid = [FusionWeights(d, w, round(1 - d - w, 2)) for d in steps for w in steps
                   if round(1 - d - w, 2) >= 0]
    stage_a: dict[str, dict[str, dict[str, float]]] = {}  # variant|group -> set -> metrics
    stage_b: dict[str, dict[str, dict[str, float]]] = {}
    by_corpus: dict[str, list[str]] = {}
    for name in sets:
        by_corpus.setdefault(SETS[name].corpus, []).append(name)
    loaded: dict[str, tuple[Index, list[str], dict[str, list[Question]]]] = {}
    for corpus, names in by_corpus.items():
        articles = load_corpus(corpus, root)
        keys = file_keys(articles)
        index_dir, _meta = cached_index(corpus, articles, model=model)
        idx = open_index(index_dir)
        path_of = dict(idx.conn.execute(
            "SELECT s.pos, d.path FROM segments s JOIN documents d USING (doc_id) "
            "WHERE s.searchable = 1"))
        row_key = [keys[Path(path_of[int(pos)]).name] for pos in idx.positions]
        loaded[corpus] = (idx, row_key, {n: load_questions(SETS[n], root) for n in names})
    log("tuning stage A: question variants x document scoring")
    for idx, row_key, qsets in loaded.values():
        for name, questions in qsets.items():
            for v in variants:
                if v.choices and not any(q.choices for q in questions):
                    continue
                sigs = question_signals(idx, questions, v)
                ranked = [idx.rank(s, DEFAULT_WEIGHTS) for s in sigs]
                for g in groups:
                    rankings = [articles_of(idx, r, row_key, g) for r in ranked]
                    stage_a.setdefault(f"{v.label()} | group={g}", {})[name] = metrics(rankings, questions)
            log(f"  {name} done")

    def mean_mrr(entry: dict[str, dict[str, float]]) -> float:
        return float(np.mean([entry[n]["mrr_at_10"] for n in entry]))

    # Variants without choices exist for every set; a "choices" variant is scored on the sets
    # that have multiple-choice questions, falling back to the same variant without choices.
    def completed(label: str) -> dict[str, dict[str, float]]:
        entry = dict(stage_a[label])
        if "choices=1" in label:
            for n, m in stage_a[label.replace("choices=1", "choices=0")].items():
                entry.setdefault(n, m)
        return entry

    scored_a = {label: completed(label) for label in stage_a}
    best_label = variant or max(scored_a, key=lambda k: mean_mrr(scored_a[k]))
    best_variant = next(v for v in variants if best_label.startswith(v.label()))
    log(f"tuning stage B: weights x document scoring for {best_variant.label()}")
    for idx, row_key, qsets in loaded.values():
        for name, questions in qsets.items():
            sigs = question_signals(idx, questions, best_variant)
            for w in weight_grid:
                ranked = [idx.rank(s, w) for s in sigs]
                for g in groups:
                    rankings = [articles_of(idx, r, row_key, g) for r in ranked]
                    label = f"d={w.dense} w={w.word} f={w.folded} | group={g}"
                    stage_b.setdefault(label, {})[name] = metrics(rankings, questions)
            log(f"  {name} done")
    for idx, _rk, _q in loaded.values():
        idx.close()
    return {"stage_a": scored_a, "stage_b": stage_b, "best_variant": best_variant.label(),
            "objective": "MRR@10 averaged over the development sets"}


def tuning_table(entries: dict[str, dict[str, dict[str, float]]], top: int,
                 always: Sequence[str] = ()) -> str:
    names = list(next(iter(entries.values())))
    order = sorted(entries, key=lambda k: -float(np.mean([entries[k][n]["mrr_at_10"] for n in names])))
    chosen = list(dict.fromkeys([*order[:top], *(a for a in always if a in entries)]))
    rows = ["| setting | mean MRR@10 | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    for label in chosen:
        e = entries[label]
        mean = float(np.mean([e[n]["mrr_at_10"] for n in names]))
        rows.append(f"| {label} | {mean:.3f} | " + " | ".join(fmt(e[n]) for n in names) + " |")
    return "\n".join(rows)


def tuning_markdown(found: dict[str, Any], command: str) -> str:
    from chinhsach.indexing import DEFAULT_WEIGHTS

    w = DEFAULT_WEIGHTS
    today = f"d={w.dense} w={w.word} f={w.folded}"
    return "\n".join([
        f"Command: `{command.strip()}` (development sets only; the cached indexes)", "",
        "How the query handling, the document scoring and the fusion weights were chosen. "
        "Rankings come from `Index.rank` over every segment's signals (the exact form of the "
        "fused ranking `Index.search` computes from faiss candidates), reduced to articles: "
        "`group=None` takes the first 30 segments' articles, `group=(n, decay)` scores each "
        "article by its n best passages (`Index.rank_documents`). Cells: hit@1 / hit@10 / "
        "MRR@10. Objective: MRR@10 averaged over the three sets.", "",
        "Stage A, at the index's weights: `drop` = question words left out of the lexical "
        "terms; `dense-stripped` = also out of the dense query; `choices` = a multiple-choice "
        "question's choices appended (2023 train only; the other sets count the same setting "
        "without it).", "",
        tuning_table(found["stage_a"], 12, always=["drop=0 dense-stripped=0 choices=0 | group=None"]),
        "", f"Stage B, fusion weights (dense, words, folded) for {found['best_variant']}:", "",
        tuning_table(found["stage_b"], 15, always=[f"{today} | group=None"] + [
            k for k in found["stage_b"] if k.startswith(today + " |")]),
    ])


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------

PROTOCOL = (
    "Protocol: every choice (query handling, fusion weights, grouping of passages into articles) "
    "was made on the development sets only: ALQAC 2022 (520 questions), `alqac2023/train.json` "
    "(100) and `alqac2023_oct_release/train.json` (76). The held-out sets, the 2023 private test "
    "(110 questions) and the October 2023 test (140 statements), run only with `--final`, once "
    "the code was frozen, and are reported apart; nothing was tuned on them.")

SOURCE = (
    "Data: ALQAC 2022 and 2023 task 1 (legal document retrieval) of the Automated Legal Question "
    "Answering Competition (KSE), as published in the organisers' repository DucLong06/ALQAC2023 "
    "(file origins and commits in `../shared/benchmarks/alqac/README.md`); research data of the "
    "ALQAC organisers, read from `../shared`, not copied into this repository.")


def fmt(m: dict[str, float]) -> str:
    if not m.get("n"):
        return "—"
    return f"{m['hit_at_1']:.3f} / {m['hit_at_10']:.3f} / {m['mrr_at_10']:.3f}"


def set_table(entry: dict[str, Any]) -> str:
    systems = entry["systems"]
    best = max(s["mrr_at_10"] for s in systems.values())
    rows = ["| system | hit@1 / hit@10 / MRR@10 | query p50 / p95 ms | build s | units |",
            "|---|---|---|---|---|"]
    for s in systems.values():
        cell = fmt(s)
        if s["mrr_at_10"] == best:
            cell = f"**{cell}**"
        rows.append(f"| {s['label']} | {cell} | {s['query_p50_ms']:.1f} / {s['query_p95_ms']:.1f} "
                    f"| {s['build_s']:.0f} | {s['n_units']} |")
    types = list(entry["types"])
    if len(types) > 1:
        rows += ["", "By question type (hit@1 / hit@10 / MRR@10):", "",
                 "| system | " + " | ".join(f"{t} ({entry['types'][t]})" for t in types) + " |",
                 "|---|" + "---|" * len(types)]
        for s in systems.values():
            rows.append(f"| {s['label']} | " + " | ".join(fmt(s["by_type"][t]) for t in types) + " |")
    return "\n".join(rows)


def markdown(results: dict[str, Any], command: str) -> str:
    def reused(m: dict) -> str:
        cache = m.get("embedding_cache") or {}
        return (f", {cache['hits']} of {cache['hits'] + cache['misses']} passage vectors from the "
                "embedding cache" if cache.get("hits") else "")

    corpora = ", ".join(
        f"{c}: {m['n_articles']} articles, {m['n_segments']} segments (index built in "
        f"{m['build_s']:.0f} s on {m['built_at'][:10]}{reused(m)})"
        for c, m in results["corpora"].items())
    parts = [f"Command: `{command}` (total {results['total_s']:.0f} s; indexes and peer vectors "
             "from `evaluation/.cache/alqac/` when their inputs did not change)", "",
             SOURCE, "", PROTOCOL, "",
             "Each article is a document (`Điều N. title`, then its text); every system gets the "
             "same files and the same query: the question as written, a multiple-choice "
             f"question followed by its choices. chinhsach: `{search_call()}`. bm25s (words "
             "with diacritics, or folded syllables) indexes whole articles; dense e5 alone ranks "
             "the vectors chinhsach's index stored for its segments (same model, each segment "
             "read with its heading; faiss flat) and the RAG baseline 400-token windows of each "
             f"file (same model), {SEGMENT_K} of them reduced to articles. Latency is per "
             "question, warm, in one process; build time is the whole build (dense e5 alone: "
             "the chinhsach build its vectors come from; RAG baseline: the embedding, measured "
             "when it was cached). Load average of the 2-core machine at the end of the run "
             f"(1, 5, 15 min): {', '.join(map(str, results.get('load_average', [])))}.", "", f"Corpora: {corpora}.", ""]
    for split, title in (("dev", "Development sets"), ("test", "Held-out test sets")):
        names = [n for n, e in results["sets"].items() if e["split"] == split]
        if not names:
            continue
        parts += [f"### {title}", ""]
        for n in names:
            e = results["sets"][n]
            parts += [f"**{e['label']}** (`{e['file']}`, {e['n_questions']} questions)", "",
                      set_table(e), ""]
    return "\n".join(parts)


def main(argv: Sequence[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--final", action="store_true", help="also run the held-out test sets")
    p.add_argument("--sets", help=f"comma-separated sets (default: development sets); of {list(SETS)}")
    p.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated systems")
    p.add_argument("--rebuild", action="store_true", help="rebuild the cached indexes")
    p.add_argument("--write", action="store_true", help="update the ALQAC section of RESULTS.md")
    p.add_argument("--json", type=Path, help="write all numbers to this JSON file")
    p.add_argument("--grid", action="store_true",
                   help="tune on the development sets: question handling, weights, document scoring")
    p.add_argument("--variant", help="--grid: the question handling of stage B, as labelled "
                   "in stage A (default: stage A's best)")
    p.add_argument("--model", help="embedding model folder for chinhsach's index and the dense "
                   "peers (default: the base e5; e.g. a fine-tuned one from alqac_finetune.py)")
    p.add_argument("--ids", type=Path, help="JSON {set: [question ids]}: score only these "
                   "questions of the sets it names (the validation split of alqac_finetune.py "
                   "--validation-ids)")
    p.add_argument("--weights", help="chinhsach's fusion weights dense,words,folded instead of "
                   "the index config's, e.g. 0.7,0.3,0")
    p.add_argument("--groups", help="--grid: document scorings to try, e.g. none,3:0.25,1:1 "
                   "(default: the full grid)")
    args = p.parse_args(argv)
    if args.grid:
        found = tune(args.sets.split(",") if args.sets else DEV_SETS, args.variant,
                     parse_groups(args.groups) if args.groups else GROUP_GRID, args.model)
        text = tuning_markdown(found, "python evaluation/alqac_eval.py " + " ".join(
            sys.argv[1:] if argv is None else argv))
        print(text)
        if args.json:
            args.json.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
        if args.write:
            from results_md import replace_section

            replace_section("ALQAC tuning on the development sets", text)
        return
    sets = args.sets.split(",") if args.sets else DEV_SETS + (TEST_SETS if args.final else [])
    unknown = [s for s in sets if s not in SETS]
    if unknown:
        p.error(f"unknown sets {unknown}; known: {list(SETS)}")
    if any(SETS[s].split == "test" for s in sets) and not args.final:
        p.error("held-out test sets run only with --final (see the protocol in the docstring)")
    systems = [s for s in args.systems.split(",") if s]
    if data_dir() is None:
        print("ALQAC data not found (../shared/benchmarks/alqac or $ALQAC_DIR): skipped", file=sys.stderr)
        return
    only = json.loads(args.ids.read_text(encoding="utf-8")) if args.ids else None
    if args.weights:
        global WEIGHTS_OVERRIDE
        d, w, f = (float(x) for x in args.weights.split(","))
        WEIGHTS_OVERRIDE = (d, w, f)
    results = run_alqac(sets, systems, args.rebuild, model=args.model, only=only)
    given = list(sys.argv[1:] if argv is None else argv)
    command = "python evaluation/alqac_eval.py " + " ".join(given)
    text = markdown(results, command.strip())
    print(text)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.write:
        from results_md import replace_section

        replace_section("ALQAC legal retrieval", text)


if __name__ == "__main__":
    main()
