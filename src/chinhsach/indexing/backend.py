"""What ``Index.search`` needs from the place the segments live, past one machine (not built).

One index serves a province's archive; the country's (10^8 segments a Party term) is split into
shards (by province or by document family), or kept in a search engine that has BM25, kNN and
filters (OpenSearch, Qdrant). Either way the query is prepared once (normalised, diacritics
restored, embedded once) and fused once, with the same weights, by :mod:`.fusion`; only the
candidates come from elsewhere. :class:`SegmentBackend` is the interface a shard (an ordinary
chinhsach index on its own machine) or an engine adapter would implement; README "Scale" gives
the design and the numbers behind it.

The fusion stays the same when every backend returns, for each signal, its own top ``n``
candidates *with all three raw scores*: the router keeps the global top ``n`` of each signal
among them (a segment in the global top ``n`` of a signal is in its own shard's top ``n``),
takes their union, and min-max normalises and weighs exactly as :meth:`Index._rank_fast` does
over one index. BM25 scores are comparable across backends only with the same statistics
(document frequencies and average length over all shards), as OpenSearch's
``dfs_query_then_fetch`` does; the sharded build would write those global statistics into every
shard.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from chinhsach.indexing.search import PreparedQuery
from chinhsach.model import Hit

SIGNALS = ("dense", "word", "folded")


@dataclass(frozen=True)
class Candidate:
    """One segment proposed by a backend, with its raw score under every signal.

    ``ref`` names the segment across backends (``doc_id`` and segment id; document ids are
    unique across shards when the build plans them together). ``dense`` is the exact cosine with
    the query vector; ``word`` and ``folded`` the BM25 scores of the two lexical fields.
    """

    ref: str
    dense: float
    word: float
    folded: float


class SegmentBackend(Protocol):
    """Where segments are searched: a shard index, or an OpenSearch / Qdrant collection.

    ``model_id`` must be the query embedder's (a backend built with another model is refused, as
    :meth:`Index.open` refuses it). ``candidates`` returns the union of the backend's top ``n``
    under each signal, each candidate with all three raw scores, among the segments that pass
    the filters (segment kinds, document ids; a province or a document family selects the
    backends to ask before any is asked). ``hits`` turns chosen references, with their fused
    scores, into results in that order.
    """

    model_id: str

    def candidates(self, query: PreparedQuery, vector: np.ndarray | None, n: int, *,
                   kinds: Sequence[str] | None = None,
                   doc_ids: Sequence[str] | None = None) -> list[Candidate]: ...

    def hits(self, scored: Sequence[tuple[str, float]]) -> list[Hit]: ...

    def ngram_counts(self) -> tuple[Counter[str], Counter[tuple[str, str]]]:
        """Syllable and bigram counts of the backend's text (:func:`.restore.count_ngrams`):
        summed over backends, the vocabulary that restores the diacritics of a query typed
        without them (the words that segment it are likewise the union of the backends')."""
        ...
