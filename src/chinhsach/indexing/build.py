"""Build the hybrid index: SQLite store, faiss vectors, BM25 on two lexical fields.

The build plans the files to (re)read (unchanged files, by SHA-256, are copied from the previous
generation), has an engine do the per-document work (:func:`.documents.process_document`, then
the embedding) and writes a new generation from what the engine returns, switched in atomically.
Engines: ``"local"`` (this process: the model on a worker thread while this thread extracts)
and ``"ray"`` (:mod:`.ray_engine`: Ray Data on a local instance or a cluster). Both feed the same
writer, so they write the same index.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from chinhsach.errors import IndexCorruptError, ModelMismatchError, rebuild_hint
from chinhsach.indexing import restore, store
from chinhsach.indexing.bm25 import write_frequent_rows
from chinhsach.indexing.config import IndexConfig, model_limits
from chinhsach.indexing.dense import dense_index, read_vectors
from chinhsach.indexing.documents import (
    BuildEngine,
    DocumentOutcome,
    Embedded,
    Reader,
    process_document,
    segment_context,
)
from chinhsach.indexing.embed import BackgroundEncoder, Embedder, load_embedder, resolve_model
from chinhsach.indexing.embedcache import (
    CACHE_FILE,
    CacheStats,
    CachingEmbedder,
    EmbeddingCache,
    seed_cache,
)
from chinhsach.ingest import ocr as ocr_engine
from chinhsach.ingest.readers import OCR_MODES, file_sha256, iter_source_files
from chinhsach.model import Document, Segment
from chinhsach.structure.outline import doc_id_for
from chinhsach.text import tokens
from chinhsach.text.docnumber import doc_number_key

# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------

ENGINES = ("local", "ray")


@dataclass
class BuildReport:
    """What a build did: documents added, kept unchanged, removed, skipped and failed.

    ``engine_stats``: what the Ray engine measured on its workers (empty for the local engine).
    """

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
    engine: str = "local"
    engine_stats: dict = field(default_factory=dict)
    # Passage vectors taken from the embedding cache / embedded / damaged rows ignored.
    embedding_cache: dict | CacheStats | None = None

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    def note(self, outcome: DocumentOutcome) -> None:
        """Record a file that was skipped or failed (a document to index is not noted here)."""
        if outcome.skipped is not None:
            self.skipped.append((outcome.path, outcome.skipped))
        if outcome.failed is not None:
            self.failed.append((outcome.path, outcome.failed))


def _lexical_words(segment: Segment) -> list[str]:
    """Word terms of a segment and of its context (a topical paragraph rarely repeats its
    topic, a clause rarely repeats its article's title)."""
    words = tokens.word_terms(segment.text, segment.words)
    context = segment_context(segment) if segment.context is not None else segment.topic
    if context and context != segment.text:
        words = list(_topic_terms(context)) + words
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


def plan_documents(to_read: Sequence[tuple[Path, str | None]], keep_ids: set[str]) -> list[tuple[Path, str]]:
    """Each file to read with the id its document gets: its previous id when it had one, else
    one from the file name, unique among the kept documents and the files planned before it.

    Ids are fixed before any file is read so that engines reading files in parallel name them
    as the in-process build does (a file that then fails keeps its id unused).
    """
    taken = set(keep_ids)
    plan = []
    for f, old_id in to_read:
        doc_id = old_id if old_id and old_id not in taken else _unique_doc_id(doc_id_for(str(f)), taken)
        taken.add(doc_id)
        plan.append((f, doc_id))
    return plan


class LocalEngine:
    """The in-process engine: this thread reads and extracts each file while a worker thread
    (:class:`BackgroundEncoder`) embeds the passages of the files already read."""

    def __init__(self, plan: Sequence[tuple[Path, str]], read: Reader,
                 load: Callable[[], Embedder], note: Callable[[DocumentOutcome], None],
                 progress: ProgressFactory | None = None, ocr: str = "auto") -> None:
        self.plan, self.read, self.load, self.note, self.progress = plan, read, load, note, progress
        self.ocr = ocr
        self.encoder: BackgroundEncoder | None = None
        self._passages = 0

    def _submit(self, doc_id: str, passages: list[str]) -> None:
        if self.encoder is None:
            self.encoder = BackgroundEncoder(self.load)
        self.encoder.submit(doc_id, passages)
        self._passages += len(passages)

    def documents(self) -> Iterator[Document]:
        tick = self.progress("Đọc văn bản", len(self.plan)) if self.progress else None
        # Scanned pages are OCR'd ahead on every core while this thread reads the files in order.
        with ocr_engine.read_ahead([path for path, _ in self.plan], self.ocr):
            for path, doc_id in self.plan:
                outcome = process_document(path, doc_id, self.read, on_read=self._submit)
                if tick:
                    tick(1)
                self.note(outcome)
                if outcome.document is not None:
                    yield outcome.document
        if self.encoder is not None and self.progress:
            self.encoder.show_progress(self.progress("Mã hóa đoạn văn", self._passages))

    def embedded(self) -> Embedded | None:
        if self.encoder is None:
            return None
        loaded = self.encoder.embedder()
        return Embedded(loaded.model_id, str(getattr(loaded, "path", "")), self.encoder.result())

    def close(self) -> None:
        if self.encoder is not None:
            self.encoder.cancel()


def build_index(
    paths: Iterable[str | Path],
    index_dir: str | Path | None = None,
    *,
    model: str | None = None,
    rebuild: bool = False,
    wait: bool = False,
    progress: ProgressFactory | None = None,
    read: Reader | None = None,
    embedder: Embedder | None = None,
    config: IndexConfig | None = None,
    engine: str = "local",
    address: str | None = None,
    ocr: str = "auto",
    embedding_cache: str | Path | bool | None = None,
) -> BuildReport:
    """Index the files under ``paths`` into ``index_dir``; unchanged files are not re-read.

    Files that cannot be read are reported in ``BuildReport.failed`` and the build goes on;
    the previous index stays live until the new one is complete. ``engine="local"``: the model
    encodes each document's passages on a worker thread as soon as the document is read, while
    this thread extracts targets and duties and writes the rows. ``engine="ray"``: Ray Data does
    the same per-document work and embedding on a local Ray instance (``address`` None) or the
    cluster at ``address`` (:mod:`.ray_engine`), and this process writes the generation from
    its shards. ``read`` replaces the reading step; ``embedder`` the model (local engine only).
    ``config`` sets the ranking saved with the index (fusion weights, inverted-file probing);
    without it an update keeps the index's own config and a new index gets the defaults.
    ``ocr``: ``auto`` (scanned pages and pages with a broken text layer), ``always``, ``never``.
    ``embedding_cache`` (both engines): where passage vectors are kept between builds by (model,
    passage text), so that re-reading files, even with ``rebuild``, embeds only the passages
    whose text changed (:mod:`.embedcache`); default ``embeddings.sqlite`` in ``index_dir``, a
    path to share one cache between indexes, ``False`` for none. The Ray engine's workers embed
    only the passages the cache lacks; its driver alone writes the cache.
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
    if engine not in ENGINES:
        raise ValueError(f"unknown build engine {engine!r}: choose one of {', '.join(ENGINES)}")
    if engine == "ray" and embedder is not None:
        raise ValueError("the Ray engine loads the model on each worker: pass model=, not embedder=")
    started = time.perf_counter()
    index_dir = store.resolve_index_dir(index_dir)
    report = BuildReport(index_dir=str(index_dir), engine=engine)
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
                    f"this version reads {store.FORMAT_VERSION}: " + rebuild_hint(index_dir)
                )
        requested_id, _ = resolve_model(model) if model else (None, None)
        if prev_meta and requested_id and requested_id != prev_meta.get("model_id"):
            raise ModelMismatchError(
                f"index {index_dir} was built with model {prev_meta.get('model_id')!r}, "
                f"not {requested_id!r}: " + rebuild_hint(index_dir)
            )
        model_spec = model or prev_meta.get("model_path") or None

        gens = store.generations(index_dir)
        next_gen = (gens[-1] + 1) if gens else 1
        staged = index_dir / f"staging-{next_gen:06d}"
        if staged.exists():
            shutil.rmtree(staged)
        staged.mkdir(parents=True)
        conn = store.connect_new(staged / "store.sqlite")
        restore.create_tables(conn)
        work: BuildEngine | None = None
        opened: list[EmbeddingCache] = []  # the embedding cache, once the model has loaded
        try:
            keep_ids, to_read = _copy_unchanged(conn, prev_dir, files, roots, report)
            plan = plan_documents(to_read, keep_ids)
            cache_path = _cache_path(embedding_cache, index_dir)
            # An index made before it had a cache gives its vectors to the new one, so
            # the first rebuild after an upgrade embeds only passages that changed.
            seed_from = (index_dir if cache_path == index_dir / CACHE_FILE
                         and not cache_path.exists() and (index_dir / "CURRENT").exists() else None)
            if engine == "ray":
                # Ray is an optional extra (`pip install chinhsach[ray]`): loaded for --ray only.
                from chinhsach.indexing.ray_engine import RayEngine

                if read is None and ocr != "auto":
                    from chinhsach import pipeline  # the workers' reader with the OCR mode

                    read = functools.partial(pipeline.read_document, ocr=ocr)
                if cache_path is not None and plan:
                    opened.append(EmbeddingCache(cache_path))
                work = RayEngine(plan, read, model_spec, address, staged / "shards", report.note,
                                 report.engine_stats, progress,
                                 cache=opened[-1] if opened else None, seed_from=seed_from)
                report.embedding_cache = work.cache_stats
            else:
                # The pipeline (spaCy, the gazetteers) loads only when a build runs: opening an
                # index to search must stay quick (cold `chinhsach search` 0.6 s). A Ray driver
                # never loads it (300 MB): its workers read and extract.
                from chinhsach import pipeline

                def load() -> Embedder:
                    loaded = embedder or load_embedder(model_spec)
                    if cache_path is None:
                        return loaded
                    opened.append(EmbeddingCache(cache_path))
                    if seed_from is not None:
                        seed_cache(opened[-1], seed_from, loaded)
                    cached = CachingEmbedder(loaded, opened[-1])
                    report.embedding_cache = cached.stats
                    return cached

                work = LocalEngine(plan, read or functools.partial(pipeline.read_document, ocr=ocr),
                                   load, report.note, progress, ocr=ocr)
            model_id, n_docs, n_segs = write_generation(
                conn, staged, work, prev_dir, prev_meta, model, config, report)
        except BaseException:
            if work is not None:
                work.close()
            for cache in opened:
                cache.close()
            conn.close()
            shutil.rmtree(staged, ignore_errors=True)
            raise
        work.close()
        for cache in opened:
            cache.close()
        conn.close()
        if isinstance(report.embedding_cache, CacheStats):
            report.embedding_cache = report.embedding_cache.to_dict()
        if n_docs == 0 and prev_dir is None and not (report.added or report.unchanged):
            shutil.rmtree(staged, ignore_errors=True)
            report.seconds = time.perf_counter() - started
            return report
        store.publish(index_dir, staged, next_gen)
        store.prune(index_dir)
        report.n_documents, report.n_segments = int(n_docs), int(n_segs)
        report.model_id = model_id or ""
        report.seconds = time.perf_counter() - started
        return report


def _cache_path(setting: str | Path | bool | None, index_dir: Path) -> Path | None:
    if setting is False:
        return None
    if setting is None or setting is True:
        return index_dir / CACHE_FILE
    return Path(setting)


def write_generation(conn: sqlite3.Connection, staged: Path, work: BuildEngine, prev_dir: Path | None,
                     prev_meta: dict[str, str], model: str | None, config: IndexConfig | None,
                     report: BuildReport) -> tuple[str, int, int]:
    """Write the new documents an engine returns beside the kept ones: rows, lexical structures,
    vectors and faiss, metadata. The one writer of every engine; returns (model id, documents,
    searchable segments)."""
    index_dir = staged.parent
    rows_of = _insert_documents(conn, work.documents())
    _finish_lexical(conn, staged)
    new_vectors: dict[int, np.ndarray] = {}
    model_id, model_path = prev_meta.get("model_id", ""), prev_meta.get("model_path", "")
    embedded = work.embedded()
    if embedded is not None:
        if prev_meta and embedded.model_id != prev_meta.get("model_id"):
            raise ModelMismatchError(
                f"index {index_dir} was built with model {prev_meta.get('model_id')!r}, "
                f"not {embedded.model_id!r}: " + rebuild_hint(index_dir)
            )
        model_id, model_path = embedded.model_id, embedded.model_path
        for doc_id, positions in rows_of.items():
            new_vectors.update(zip(positions, embedded.vectors[doc_id], strict=True))
        report.added = list(rows_of)
    if not model_id:
        model_id, location = resolve_model(model)
        model_path = str(location)
    settings = config or IndexConfig.from_json(prev_meta.get("config"))
    dim = _finish_dense(conn, staged, new_vectors, prev_dir, settings)
    _, max_tokens = model_limits(model_path)
    _write_meta(conn, model_id, model_path, settings.with_model(model_id, dim, max_tokens))
    n_docs = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    n_segs = conn.execute("SELECT COUNT(*) FROM segments WHERE searchable = 1").fetchone()[0]
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.commit()
    return model_id, int(n_docs), int(n_segs)


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


def _insert_documents(conn: sqlite3.Connection, docs: Iterable[Document]) -> dict[str, list[int]]:
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
                seg.prov.ocr_confidence,
            ))
            next_pos += 1
        conn.executemany("INSERT INTO segments VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
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
        "INSERT INTO duties VALUES (?,?,?,?,?,?,?)",
        [(doc.doc_id, i, d.section, d.text, d.deadline, d.deadline_text, d.recurring)
         for i, d in enumerate(doc.duties)],
    )
    conn.executemany(
        "INSERT INTO duty_segments VALUES (?,?,?,?)",
        [(doc.doc_id, i, k, seg_id) for i, d in enumerate(doc.duties) for k, seg_id in enumerate(d.segment_ids)],
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


def _finish_dense(conn: sqlite3.Connection, staged: Path, new: dict[int, np.ndarray],
                  prev_dir: Path | None, config: IndexConfig) -> int:
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
            raise IndexCorruptError("a kept segment has no valid embedding; " + rebuild_hint(staged.parent))
        matrix[kept] = prev_vectors[rows]
    faiss.write_index(dense_index(matrix, config.ivf_from, config.ivf_probe_share),
                      str(staged / "dense.faiss"))
    np.save(staged / "vectors.npy", matrix)
    np.save(staged / "positions.npy", positions)
    return dim


def _write_meta(conn: sqlite3.Connection, model_id: str, model_path: str, config: IndexConfig) -> None:
    n = conn.execute("SELECT COUNT(*) FROM segments WHERE searchable = 1").fetchone()[0]
    conn.execute("DELETE FROM meta")
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("format_version", str(store.FORMAT_VERSION)), ("model_id", model_id),
         ("model_path", model_path), ("dim", str(config.model_dim)), ("n_segments", str(n)),
         ("config", config.to_json()),
         ("built_at", time.strftime("%Y-%m-%dT%H:%M:%S"))],
    )
    conn.commit()
