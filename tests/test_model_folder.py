"""Another model folder (a fine-tuned e5 from evaluation/alqac_finetune.py) runs on the int8
ONNX engine like the default one, and reports its own model id."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from chinhsach.convert import ONNX_INT8
from chinhsach.indexing.embed import OnnxEmbedder, default_model_path, load_embedder


def test_model_folder_with_onnx_export_uses_onnx_and_its_own_id(tmp_path: Path) -> None:
    base = default_model_path()
    if not (base / ONNX_INT8).exists():
        pytest.skip(f"{base / ONNX_INT8} missing: run `make model`")
    folder = tmp_path / "e5-adapted"
    folder.mkdir()
    for item in base.iterdir():
        if item.name != "chinhsach_model.json":
            (folder / item.name).symlink_to(item)
    (folder / "chinhsach_model.json").write_text(json.dumps({"name": "e5-adapted-test"}), encoding="utf-8")

    build = load_embedder(str(folder))
    query = load_embedder(str(folder), for_queries=True)
    assert isinstance(build, OnnxEmbedder) and isinstance(query, OnnxEmbedder)
    assert build.model_id == query.model_id == "e5-adapted-test"
    vectors = query.encode_queries(["chỉ tiêu bảo hiểm y tế"])
    assert vectors.shape == (1, 384)
    assert np.isclose(np.linalg.norm(vectors[0]), 1.0, atol=1e-3)
