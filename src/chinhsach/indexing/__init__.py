"""The hybrid index: build (:mod:`.build`), search (:mod:`.search`), and their parts.

SQLite rows and atomic generations (:mod:`.store`), BM25 fields (:mod:`.bm25`), vectors and
faiss (:mod:`.dense`), the weighted fusion (:mod:`.fusion`), the runtime embedder
(:mod:`.embed`) and diacritics restoration of queries (:mod:`.restore`).
"""

from chinhsach.indexing.build import BuildReport, build_index
from chinhsach.indexing.documents import passage_text
from chinhsach.indexing.fusion import DEFAULT_WEIGHTS, FusionWeights
from chinhsach.indexing.search import Index

__all__ = ["DEFAULT_WEIGHTS", "BuildReport", "FusionWeights", "Index", "build_index", "passage_text"]
