"""The query graph (``convert.export_onnx_query``): the real model exported by torch, folded by
onnxruntime's optimizer, quantised and checked against the shipped int8 graph, no stand-ins."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from chinhsach import convert
from chinhsach.convert import ONNX_INT8, ONNX_QUERY, ONNX_QUERY_MASKED
from chinhsach.indexing.embed import OnnxEmbedder, default_model_path, onnx_graph

TEXTS = ["chỉ tiêu bảo hiểm y tế 2030", "ai chiu trach nhiem ve nuoc sach",
         "Luật Đất đai quy định chế độ sở hữu đất đai " * 12]


@pytest.fixture(scope="module")
def model_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The converted model's files (linked) and its int8 graph, with the query graph written."""
    pytest.importorskip("torch")
    base = default_model_path().resolve()  # links must hold from the temporary folder
    if not (base / ONNX_INT8).exists():
        pytest.skip(f"{base / ONNX_INT8} missing: run `make model`")
    folder = tmp_path_factory.mktemp("model") / base.name
    (folder / "onnx").mkdir(parents=True)
    for item in base.iterdir():
        if item.name != "onnx":
            (folder / item.name).symlink_to(item)
    (folder / ONNX_INT8).symlink_to(base / ONNX_INT8)
    if (base / ONNX_QUERY).exists():
        # `make model` (a prerequisite of `make test`) has just run this export on the same
        # model: check its output instead of spending another 40-60 s of torch export.
        (folder / ONNX_QUERY).symlink_to(base / ONNX_QUERY)
    assert convert.export_onnx_query(folder) == folder / ONNX_QUERY
    return folder


def test_query_graph_gives_the_int8_graphs_vectors_with_fewer_nodes(model_copy: Path) -> None:
    import onnx

    nodes = {name: len(onnx.load(str(model_copy / name), load_external_data=False).graph.node)
             for name in (ONNX_INT8, ONNX_QUERY)}
    assert nodes[ONNX_QUERY] < nodes[ONNX_INT8] * 0.7  # 945 against 1569 for e5-small
    today = OnnxEmbedder(model_copy, model_copy / ONNX_INT8, parallel=False)
    query = OnnxEmbedder(model_copy, model_copy / ONNX_QUERY, parallel=False, threads=2)
    assert np.array_equal(today.encode_queries(TEXTS), query.encode_queries(TEXTS))
    assert np.array_equal(today.encode_passages(TEXTS), query.encode_passages(TEXTS))
    assert query.model_id == today.model_id
    # Present: nothing is exported again.
    before = (model_copy / ONNX_QUERY).stat().st_mtime_ns
    assert convert.export_onnx_query(model_copy) == model_copy / ONNX_QUERY
    assert (model_copy / ONNX_QUERY).stat().st_mtime_ns == before


def test_queries_take_the_query_graph_and_builds_the_int8_graph(model_copy: Path, tmp_path: Path) -> None:
    assert onnx_graph(model_copy, for_queries=True) == model_copy / ONNX_QUERY
    assert onnx_graph(model_copy, for_queries=False) == model_copy / ONNX_INT8
    without = tmp_path / "plain"
    (without / "onnx").mkdir(parents=True)
    assert onnx_graph(without, for_queries=True) == without / ONNX_INT8
    # A folder where an older `make model` wrote the query graph with the mask: queries take it.
    (without / ONNX_QUERY_MASKED).symlink_to(model_copy / ONNX_QUERY)
    assert onnx_graph(without, for_queries=True) == without / ONNX_QUERY_MASKED


def test_query_graph_has_no_attention_mask_arithmetic(model_copy: Path, tmp_path: Path) -> None:
    """A query is one unpadded text: the scores reach each softmax directly, the same vectors."""
    import onnx

    graph = onnx.load(str(model_copy / ONNX_QUERY)).graph
    producer = {out: node.op_type for node in graph.node for out in node.output}
    softmax_inputs = [producer[n.input[0]] for n in graph.node if n.op_type == "Softmax"]
    assert softmax_inputs == ["MatMul"] * 12  # no mask bias added to the scores
    assert "IsNaN" not in producer.values()
    assert [i.name for i in graph.input] == ["input_ids", "attention_mask"]  # the pooling reads it
    # Dropping it again from a graph that has none changes nothing.
    assert convert.drop_attention_mask(model_copy / ONNX_QUERY, tmp_path / "again.onnx") == 0
    today = OnnxEmbedder(model_copy, model_copy / ONNX_INT8, parallel=False)
    query = OnnxEmbedder(model_copy, model_copy / ONNX_QUERY, parallel=False)
    texts = TEXTS + ["a", "Điều 5. " * 200]  # 3 tokens; over 512, cut to the model's limit
    assert np.array_equal(today.encode_queries(texts), query.encode_queries(texts))


def test_a_graph_with_other_vectors_fails_the_check(model_copy: Path, tmp_path: Path) -> None:
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(model_copy / ONNX_QUERY))
    bias = next(t for t in model.graph.initializer if t.name.endswith("output.dense.bias"))
    changed = numpy_helper.to_array(bias).copy()
    changed[0] += 0.5  # one weight of one layer
    bias.CopyFrom(numpy_helper.from_array(changed, bias.name))
    onnx.save(model, str(tmp_path / "other.onnx"))
    tokenizer = model_copy / "tokenizer.json"
    assert convert._same_vectors(model_copy / ONNX_INT8, model_copy / ONNX_QUERY, tokenizer)
    assert not convert._same_vectors(model_copy / ONNX_INT8, tmp_path / "other.onnx", tokenizer)
