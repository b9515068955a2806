"""The settings an index was built with, saved inside it (meta key ``config``, JSON).

A reader takes the fusion weights and the inverted-file probing from here rather than from the
code that opens it, so an index tuned on one collection (weights chosen on its development
queries) keeps its settings; the model's dimension and token limit are read from the model
folder at build time, not assumed.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from chinhsach.indexing.fusion import (
    DEFAULT_WEIGHTS,
    DOCUMENT_DECAY,
    DOCUMENT_PASSAGES,
    FusionWeights,
)

# From this many vectors on, an inverted file (IVF) proposes the dense candidates instead of a
# full scan; a fifth of its lists are probed (evaluation/bench.py, "Dense candidates").
IVF_FROM = 20_000
IVF_PROBE_SHARE = 5
# Chosen on the ALQAC development sets (evaluation/query_latency.py --dense-words): RESULTS.md,
# "Query latency and the embedding cache (speed)".
DENSE_QUERY_WORDS = 48


@dataclass(frozen=True)
class IndexConfig:
    """How an index ranks and what built it."""

    weights: FusionWeights = field(default_factory=lambda: DEFAULT_WEIGHTS)
    # ``search(group="document")``: a document scores the sum of its best passages' fused
    # scores, the i-th best weighted by ``document_decay ** i`` (at most ``document_passages``).
    document_passages: int = DOCUMENT_PASSAGES
    document_decay: float = DOCUMENT_DECAY
    # Question words ("bao nhiêu", "đúng hay sai") are left out of a query's lexical terms.
    drop_question_words: bool = True
    # The dense model reads a query's first ``dense_query_words`` words (0: all of them); the
    # lexical signals read it all. The query's embedding is most of a search's time and grows
    # with its length (a multiple-choice question with its choices: 185 model tokens at p95).
    dense_query_words: int = DENSE_QUERY_WORDS
    ivf_from: int = IVF_FROM
    ivf_probe_share: int = IVF_PROBE_SHARE
    model_id: str = ""
    model_dim: int = 0
    max_tokens: int = 0

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> IndexConfig:
        """The saved config; an index from before configs were saved gets today's defaults."""
        if not text:
            return cls()
        raw = json.loads(text)
        known = {k: v for k, v in raw.items() if k in cls.__dataclass_fields__}
        weights = FusionWeights(**known.pop("weights", {})) if "weights" in known else DEFAULT_WEIGHTS
        return cls(weights=weights, **{k: v for k, v in known.items() if k != "weights"})

    def with_model(self, model_id: str, dim: int, max_tokens: int) -> IndexConfig:
        return replace(self, model_id=model_id, model_dim=dim, max_tokens=max_tokens)


def model_limits(model_dir: Path | str | None) -> tuple[int, int]:
    """(embedding dimension, token limit) from a sentence-transformers folder; (0, 0) unknown.

    ``config.json`` gives ``hidden_size`` (384 for e5-small), ``sentence_bert_config.json`` the
    ``max_seq_length`` the model was trained to (512).
    """
    if not model_dir:
        return 0, 0
    folder = Path(model_dir)

    def read(name: str) -> dict:
        path = folder / name
        try:
            return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        except (OSError, ValueError):
            return {}

    dim = int(read("config.json").get("hidden_size") or 0)
    limit = int(read("sentence_bert_config.json").get("max_seq_length") or 0)
    return dim, limit
