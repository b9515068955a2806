"""Robustness on real components: bad files, huge files, interrupted and concurrent builds, bad
queries and damaged indexes. Every input is generated here.

What each test pins down is the behaviour README.md documents under "When things go wrong":
a bad file is reported on one line with its name and the reason and the build goes on; exit
codes 0/2/4/130; the previous index stays whole after a Ctrl-C; readers see the old or the new
generation; a damaged index says how to rebuild it, without a traceback unless ``--debug``.

Subprocess tests run the real command (``python -m chinhsach.cli``) with ``COLUMNS=80``, the
width a pipe or a log file gets. Builds that need no embedding run on a copy of the session's
``seed_index`` (the seed is unchanged there, so no model is loaded); builds that embed use small
documents.

Large inputs: by default a ~2 MB text file and a 60-page PDF are read and structured (not
embedded) in a fresh interpreter, whose peak RSS is measured. ``CHINHSACH_SLOW=1`` adds a
~50 MB text file and a 500-page PDF (several minutes: reading costs ~3 s/MB, a PDF page ~0.2 s).
Measured on 2 cores: 50 MB of text peaks at ~0.4 GB RSS above the interpreter's baseline
(~7.5x the file), a PDF at ~35 MB whatever its page count (pages stream). The bounds asserted
are 12x the file + 150 MB (never above 1.5 GB) for text and 150 MB for PDFs.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import unicodedata
from contextlib import closing
from pathlib import Path

import pytest
from conftest import TEXTS
from typer.testing import CliRunner

from chinhsach import Index, build_index
from chinhsach.cli import app
from chinhsach.errors import (
    BadIndexError,
    EmptyDocumentError,
    EncryptedFileError,
    IndexCorruptError,
    IndexLockedError,
    IndexNotFoundError,
    InputError,
    ModelMismatchError,
    NoTextLayerError,
    UnsupportedFileError,
)
from chinhsach.indexing.search import MAX_QUERY_CHARS
from chinhsach.pipeline import parse
from chinhsach.text.normalize import normalize_text, starts_block

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evaluation"))
from ptyterm import Terminal  # noqa: E402  (shared with evaluation/fault_injection.py)

FONT_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT = "DejaVu"
SLOW = os.environ.get("CHINHSACH_SLOW") == "1"
slow = pytest.mark.slow
needs_slow = pytest.mark.skipif(not SLOW, reason="slow: set CHINHSACH_SLOW=1")

CLI = [sys.executable, "-m", "chinhsach.cli"]
# The same command with Python's own Ctrl-C handler installed explicitly: a child started from a
# shell without job control inherits SIGINT as "ignored", and Python then never raises
# KeyboardInterrupt. This is what `python -m chinhsach.cli` does when started from a terminal.
CLI_SIGINT = [
    sys.executable,
    "-c",
    "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "from chinhsach.cli import main; main()",
]
ENV = {**os.environ, "COLUMNS": "80", "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}

# ------------------------------------------------------------------------------------------
# Small documents
# ------------------------------------------------------------------------------------------

VACCINE = """KẾ HOẠCH
Tiêm chủng mở rộng cho trẻ em vùng cao năm 2026

I. MỤC ĐÍCH

1. Bảo đảm trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin theo lịch.

II. NHIỆM VỤ

1. Sở Y tế chủ trì tổ chức tiêm chủng mở rộng tại các xã vùng cao, vùng sâu, vùng xa.

2. Trung tâm Kiểm soát bệnh tật tỉnh phối hợp bảo quản vắc xin và theo dõi phản ứng sau tiêm.
"""

WATER = """KẾ HOẠCH
Cấp nước sạch nông thôn vùng cao năm 2026

I. NHIỆM VỤ

1. Sở Nông nghiệp chủ trì xây dựng công trình cấp nước sạch tập trung cho các bản vùng cao, ưu tiên bản chưa có nguồn nước hợp vệ sinh.

2. Trung tâm Nước sạch và Vệ sinh môi trường nông thôn phối hợp kiểm tra chất lượng nước hằng quý.
"""

# A plan typed in the TCVN3 (.VnTime) font: its bytes as a TCVN3 .txt file holds them.
# Unicode: "Kế hoạch phát triển nuôi cá lồng trên lòng hồ thủy điện" / "1. Mục đích" / …
TCVN3_PLAN = b"\n\n".join(
    [
        b"K\xd5 ho\xb9ch ph\xb8t tri\xd3n nu\xabi c\xb8 l\xe5ng tr\xaan l\xdfng h\xe5 th\xf1y \xaei\xd6n",
        b"1. M\xf4c \xae\xddch",
        b"H\xe7 tr\xee c\xb8c h\xe9 d\xa9n ven l\xdfng h\xe5 nu\xabi c\xb8 l\xe5ng, t\xa8ng thu nh\xcbp "
        b"b\xd2n v\xf7ng cho \xae\xe5ng b\xb5o v\xefng t\xb8i \xae\xdenh c\xad.",
        b"2. Nhi\xd6m v\xf4",
        b"S\xeb N\xabng nghi\xd6p ch\xf1 tr\xd7 h\xad\xedng d\xc9n k\xfc thu\xcbt nu\xabi c\xb8 l\xe5ng, "
        b"ph\xdfng b\xd6nh cho c\xb8 v\xb5 qu\xb6n l\xfd ch\xcat l\xad\xeeng n\xad\xedc l\xdfng h\xe5.",
        b"UBND huy\xd6n ph\xe8i h\xeep r\xb5 so\xb8t di\xd6n t\xddch m\xc6t n\xad\xedc, c\xcap ph\xd0p "
        b"\xae\xc6t l\xe5ng nu\xabi cho c\xb8c h\xe9.",
    ]
) + b"\n"

# The same plan in two spellings: NFC with the new tone placement, NFD with the old one
# (hoà, khoá, thuỷ, uỷ, hoá).
IRRIGATION_NEW = """KẾ HOẠCH
Phát triển thủy lợi và hòa nhập cộng đồng năm 2026

I. NHIỆM VỤ

1. Sở Nông nghiệp chủ trì nâng cấp hệ thống thủy lợi nhỏ, bảo đảm nước tưới cho vụ đông xuân.

2. Mở các khóa đào tạo nghề giúp người khuyết tật hòa nhập cộng đồng.

3. Ủy ban nhân dân các huyện kiểm soát hóa chất bảo vệ thực vật trong vùng trồng chè.
"""
IRRIGATION_OLD = unicodedata.normalize(
    "NFD",
    IRRIGATION_NEW.replace("thủy", "thuỷ").replace("hòa", "hoà").replace("khóa", "khoá")
    .replace("Ủy", "Uỷ").replace("hóa", "hoá"),
)

SKIPPED = {"empty.txt": "empty file", "blank.md": "file holds only whitespace",
           "zero.pdf": "PDF has zero pages"}
FAILED = {
    "random.pdf": "not a valid PDF",
    "notzip.docx": "not a valid DOCX",
    "secret.pdf": "encrypted",
    "scan.pdf": "no text layer: needs OCR",
}
TYPED = {
    "empty.txt": EmptyDocumentError,
    "blank.md": EmptyDocumentError,
    "zero.pdf": EmptyDocumentError,
    "random.pdf": UnsupportedFileError,
    "notzip.docx": UnsupportedFileError,
    "secret.pdf": EncryptedFileError,
    "scan.pdf": NoTextLayerError,
}


# ------------------------------------------------------------------------------------------
# Helpers
# ------------------------------------------------------------------------------------------


def run_cli(*args: object, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, env=ENV, cwd=ROOT,
                          timeout=timeout)


def start_cli(*args: object, debug: bool = False) -> subprocess.Popen:
    cmd = [*CLI, *(["--debug"] if debug else []), *map(str, args)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=ENV, cwd=ROOT)


def finish(proc: subprocess.Popen, timeout: float = 300) -> tuple[str, str]:
    try:
        return proc.communicate(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def copy_index(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("build.lock"))
    return dst


def current(index: Path) -> str:
    return (index / "CURRENT").read_text(encoding="utf-8").strip()


def flat(text: str) -> str:
    """Output with line wrapping undone (rich wraps at the console width)."""
    return re.sub(r"\s+", " ", text)


def nospace(text: str) -> str:
    return re.sub(r"\s+", "", text)


def register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, FONT_PATH))
    return FONT


def zero_page_pdf() -> bytes:
    """A well-formed PDF (with its xref table) whose page tree is empty."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def write_bad_files(folder: Path) -> None:
    """Every kind of file a build must skip or report, none of them indexable."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_bytes(b"  \n\t\r\n   \n")
    (folder / "zero.pdf").write_bytes(zero_page_pdf())
    (folder / "random.pdf").write_bytes(random.Random(42).randbytes(4096))
    (folder / "notzip.docx").write_bytes("Đây là văn bản thường, không phải DOCX.\n".encode())

    font = register_font()
    secret = canvas.Canvas(str(folder / "secret.pdf"), encrypt="mat-khau")
    secret.setFont(font, 12)
    secret.drawString(72, 720, "Kế hoạch mật: nâng cấp đường giao thông nông thôn")
    secret.showPage()
    secret.save()

    # A scan: two pages, each one raster image of text, no text layer.
    scan = canvas.Canvas(str(folder / "scan.pdf"))
    for page in range(2):
        image = Image.new("L", (600, 300), 255)
        draw = ImageDraw.Draw(image)
        for row in range(8):
            draw.text((20, 20 + 32 * row), f"Scanned page {page + 1}, line {row + 1}", fill=0)
        scan.drawImage(ImageReader(image), 60, 400, width=480, height=240)
        scan.showPage()
    scan.save()


# ------------------------------------------------------------------------------------------
# One build over a folder of good and bad files
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("robust-inbox")
    (folder / "tiem-chung.txt").write_text(VACCINE, encoding="utf-8")
    (folder / "nuoi-ca-tcvn3.txt").write_bytes(TCVN3_PLAN)
    write_bad_files(folder / "bad")
    return folder


@pytest.fixture(scope="module")
def inbox_build(inbox: Path, tmp_path_factory: pytest.TempPathFactory):
    index = tmp_path_factory.mktemp("robust-inbox-index") / "idx"
    # OCR off: scan.pdf stands for a scan that cannot be read (tests/test_ocr.py reads scans).
    report = build_index([inbox], index, ocr="never")
    return report, index


def by_name(pairs: list[tuple[str, str]]) -> dict[str, str]:
    return {Path(path).name: reason for path, reason in pairs}


def test_empty_files_are_skipped_by_name_and_the_build_goes_on(inbox_build) -> None:
    report, index = inbox_build
    skipped = by_name(report.skipped)
    assert set(skipped) == set(SKIPPED)
    for name, reason in SKIPPED.items():
        assert reason in skipped[name], (name, skipped[name])
    assert sorted(report.added) == ["nuoi-ca-tcvn3", "tiem-chung"]
    assert report.n_documents == 2
    with Index.open(index) as idx:
        assert idx.search("tiêm chủng mở rộng trẻ em vùng cao", k=1)[0].doc_id == "tiem-chung"


def test_mislabelled_files_fail_with_a_one_line_reason(inbox_build) -> None:
    report, _ = inbox_build
    failed = by_name(report.failed)
    assert set(failed) == set(FAILED)
    for name, reason in FAILED.items():
        assert reason in failed[name], (name, failed[name])
        assert "\n" not in failed[name]
    assert all(Path(path).is_absolute() for path, _ in report.failed)


def test_encrypted_and_scanned_pdfs_are_reported_never_indexed_empty(inbox_build) -> None:
    report, index = inbox_build
    failed = by_name(report.failed)
    assert "encrypted PDF" in failed["secret.pdf"]
    assert failed["scan.pdf"].startswith("no text layer: needs OCR")
    with Index.open(index) as idx:
        documents = idx.documents()
        searchable = idx.conn.execute(
            "SELECT DISTINCT doc_id FROM segments WHERE searchable = 1").fetchall()
    assert sorted(d["doc_id"] for d in documents) == ["nuoi-ca-tcvn3", "tiem-chung"]
    names = {Path(d["path"]).name for d in documents}
    assert not names & (set(FAILED) | set(SKIPPED))
    assert sorted(r[0] for r in searchable) == ["nuoi-ca-tcvn3", "tiem-chung"]


@pytest.mark.parametrize("name", sorted(TYPED))
def test_unreadable_files_raise_typed_errors(inbox: Path, name: str) -> None:
    with pytest.raises(TYPED[name]) as info:
        parse(inbox / "bad" / name, ocr="never")
    assert isinstance(info.value, InputError)
    assert info.value.path.endswith(name) and name in str(info.value)


def test_tcvn3_file_is_indexed_and_found_by_a_unicode_query(inbox_build) -> None:
    _, index = inbox_build
    with Index.open(index) as idx:
        hits = idx.search("nuôi cá lồng trên lòng hồ thủy điện", k=3)
        plain = idx.search("nuoi ca long tren long ho", k=3)
        doc = idx.document("nuoi-ca-tcvn3")
    assert hits[0].doc_id == "nuoi-ca-tcvn3" and plain[0].doc_id == "nuoi-ca-tcvn3"
    assert "nuôi cá lồng" in hits[0].text
    assert any(w.code == "legacy_encoding" for w in doc.warnings)
    assert doc.segments[0].text == "Kế hoạch phát triển nuôi cá lồng trên lòng hồ thủy điện"
    assert all("\u00b8" not in s.text and "\u00ab" not in s.text for s in doc.segments)


REPEATED_NUMBERS = """KẾ HOẠCH
Kiểm tra an toàn thực phẩm năm 2026

I. NHIỆM VỤ

1. Nhiệm vụ chung

1.1. Sở Y tế chủ trì kiểm tra an toàn thực phẩm tại các bếp ăn tập thể.

1.1. Sở Công Thương phối hợp kiểm tra thị trường, xử lý hàng giả.

3. Ủy ban nhân dân các huyện báo cáo kết quả kiểm tra trước ngày 15/12/2026.
"""


def test_repeated_outline_numbers_do_not_stop_the_build(tmp_path: Path) -> None:
    # A numbering slip ("1.1." twice, then "3.") is ordinary in real plans.
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "an-toan-thuc-pham.txt").write_text(REPEATED_NUMBERS, encoding="utf-8")
    (docs / "tiem-chung.txt").write_text(VACCINE, encoding="utf-8")
    report = build_index([docs], tmp_path / "idx")
    assert sorted(report.added) == ["an-toan-thuc-pham", "tiem-chung"] and not report.failed
    with Index.open(tmp_path / "idx") as idx:
        assert idx.search("kiểm tra thị trường xử lý hàng giả", k=1)[0].doc_id == "an-toan-thuc-pham"


# ------------------------------------------------------------------------------------------
# The command line on bad files
# ------------------------------------------------------------------------------------------


def test_cli_build_names_each_failed_file_on_one_line_and_exits_2(
    inbox: Path, inbox_build, seed_index: Path, seed_path: Path, tmp_path: Path
) -> None:
    report, _ = inbox_build
    index = copy_index(seed_index, tmp_path / "idx")
    before = current(index)
    proc = run_cli("build", seed_path, inbox / "bad", "--index", index, "--ocr", "never")
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    summary = flat(proc.stdout)
    assert "1 văn bản" in summary and "bỏ qua 3, lỗi 4" in summary, summary
    assert current(index) != before  # the seed stays indexed in a new generation
    lines = proc.stderr.splitlines()
    for path, reason in report.failed + report.skipped:
        path = str((inbox / "bad" / Path(path).name).resolve())
        assert any(path in line and reason in line for line in lines), (
            f"no single line names {path} with its reason {reason!r}:\n{proc.stderr}"
        )


def test_cli_build_exit_codes_for_empty_files(inbox: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(inbox / "bad", docs / "bad")
    runner = CliRunner()
    nothing = runner.invoke(app, ["build", str(docs / "bad" / "empty.txt"), str(docs / "bad" / "blank.md"),
                                  str(docs / "bad" / "zero.pdf"), "--index", str(tmp_path / "none")])
    assert nothing.exit_code == 2, nothing.output
    assert "nothing was indexed" in nothing.stderr
    with pytest.raises(IndexNotFoundError):
        Index.open(tmp_path / "none")

    (docs / "tiem-chung.txt").write_text(VACCINE, encoding="utf-8")
    ok = runner.invoke(app, ["build", str(docs / "tiem-chung.txt"), str(docs / "bad" / "empty.txt"),
                             str(docs / "bad" / "blank.md"), str(docs / "bad" / "zero.pdf"),
                             "--index", str(tmp_path / "idx")])
    assert ok.exit_code == 0, ok.output
    for name, reason in SKIPPED.items():
        assert nospace(f"{(docs / 'bad' / name).resolve()}: {reason}") in nospace(ok.stderr), ok.stderr
    with Index.open(tmp_path / "idx") as idx:
        assert [d["doc_id"] for d in idx.documents()] == ["tiem-chung"]


def test_cli_names_files_with_brackets_verbatim(seed_index: Path, seed_path: Path, tmp_path: Path) -> None:
    # rich markup must not eat a file name: to rich, "[nhap]" is a style tag.
    docs = tmp_path / "docs"
    docs.mkdir()
    names = ["bao-cao [nhap].pdf", "ke-hoach [ban cu].pdf"]
    for name in names:
        (docs / name).write_bytes(b"PK\x03\x04 this is not a pdf")
    index = copy_index(seed_index, tmp_path / "idx")
    proc = run_cli("build", seed_path, docs, "--index", index)
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.returncode == 2, proc.stderr
    for name in names:
        assert name in proc.stderr, proc.stderr


# ------------------------------------------------------------------------------------------
# NFD text and old-style tone marks
# ------------------------------------------------------------------------------------------


def test_nfd_old_style_document_is_indexed_and_found_like_nfc(tmp_path: Path) -> None:
    indexes = {}
    for style, text in (("new", IRRIGATION_NEW), ("old", IRRIGATION_OLD)):
        docs = tmp_path / style
        docs.mkdir()
        (docs / "thuy-loi.txt").write_text(text, encoding="utf-8")
        (docs / "tiem-chung.txt").write_text(VACCINE, encoding="utf-8")
        indexes[style] = tmp_path / f"idx-{style}"
        assert build_index([docs], indexes[style]).n_documents == 2
    assert not unicodedata.is_normalized("NFC", IRRIGATION_OLD)
    assert "thuỷ lợi" in unicodedata.normalize("NFC", IRRIGATION_OLD)

    queries = ["mở khóa đào tạo nghề cho người khuyết tật hòa nhập cộng đồng",
               "nâng cấp thủy lợi nhỏ", "ủy ban kiểm soát hóa chất"]
    results = {}
    for style, index in indexes.items():
        with Index.open(index) as idx:
            stored = " ".join(s.text for s in idx.document("thuy-loi").segments)
            for query in queries:
                old_spelling = unicodedata.normalize(
                    "NFD", query.replace("khóa", "khoá").replace("hòa", "hoà")
                    .replace("thủy", "thuỷ").replace("ủy", "uỷ").replace("hóa", "hoá"))
                for spelling, q in (("new", query), ("old", old_spelling)):
                    top = idx.search(q, k=1)[0]
                    results[style, query, spelling] = (top.segment_id, top.text, round(top.score, 5))
        assert unicodedata.is_normalized("NFC", stored)
        assert "thủy lợi" in stored and "hòa nhập" in stored and "khóa đào tạo" in stored
    for query in queries:
        answers = {results[style, query, spelling] for style in indexes for spelling in ("new", "old")}
        assert len(answers) == 1, (query, answers)
        assert next(iter(answers))[0].startswith("thuy-loi#")


# ------------------------------------------------------------------------------------------
# Very large inputs, read and structured in a fresh interpreter (peak RSS measured there)
# ------------------------------------------------------------------------------------------

READ_CHILD = r"""
import json, resource, sys
from chinhsach.indexing import passage_text
from chinhsach.ingest.readers import read_source
from chinhsach.structure.outline import build_document
import pdfplumber, pdfminer.pdfpage  # noqa: F401 - imported before the baseline is taken

def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

path, out = sys.argv[1], sys.argv[2]
base = rss_mb()
source = read_source(path)
pages = sorted({line.prov.page for line in source.lines if line.prov.page is not None})
n_lines, n_pages = len(source.lines), source.pages
doc = build_document(source)
peak = rss_mb()
with open(out, "w", encoding="utf-8") as fh:
    for s in doc.segments:
        fh.write(json.dumps({"kind": s.kind, "searchable": s.searchable, "line": s.prov.line,
                             "text": s.text, "passage": passage_text(s)}, ensure_ascii=False) + "\n")
print(json.dumps({"base_mb": base, "peak_mb": peak, "lines": n_lines, "pages": n_pages,
                  "line_pages": pages}))
"""

SYLLABLES = ("nước sạch vệ sinh môi trường bảo hiểm y tế người dân tham gia chính sách xã hội "
             "huyện tỉnh chủ trì phối hợp kiểm tra giám sát nông thôn vùng cao đồng bào").split()


def read_in_child(path: Path, tmp_path: Path) -> tuple[dict, list[dict]]:
    out = tmp_path / "segments.jsonl"
    proc = subprocess.run([sys.executable, "-c", READ_CHILD, str(path), str(out)], capture_output=True,
                          text=True, env=ENV, cwd=ROOT, timeout=3600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    stats = json.loads(proc.stdout.strip().splitlines()[-1])
    with open(out, encoding="utf-8") as fh:
        segments = [json.loads(line) for line in fh]
    return stats, segments


def tokenizer():
    from tokenizers import Tokenizer

    from chinhsach.convert import ensure_default_model
    from chinhsach.indexing.embed import default_model_path, models_dir

    ensure_default_model(models_dir())
    tok = Tokenizer.from_file(str(default_model_path() / "tokenizer.json"))
    tok.no_truncation()  # count every token: a truncating tokenizer would hide an overflow
    tok.no_padding()
    return tok


def assert_within_token_limit(segments: list[dict], limit: int = 512) -> None:
    """Every embedded text, as the model sees it ("passage: " + text), fits in the model."""
    tok = tokenizer()
    searchable = [s for s in segments if s["searchable"]]
    for field in ("text", "passage"):
        texts = ["passage: " + s[field] for s in searchable]
        counts = [len(e.ids) for e in tok.encode_batch(texts)]
        over = [(n, t[:80]) for n, t in zip(counts, texts, strict=True) if n > limit]
        assert not over, f"{len(over)} {field}(s) over {limit} tokens, e.g. {over[:3]}"


def pathological_paragraphs(seed: int) -> tuple[str, str]:
    """A 20,000-character run without a space (a text layer that lost its spaces) and a
    3,000-word sentence without punctuation, both made of well-formed NFC syllables."""
    rng = random.Random(seed)
    run = ("Nước" + "".join(rng.choice(SYLLABLES) for _ in range(6000)))[:20_000]
    sentence = " ".join(["Huyện", *(rng.choice(SYLLABLES) for _ in range(2999))])
    return run, sentence


def segment_records(doc) -> list[dict]:
    from chinhsach.indexing import passage_text

    return [{"kind": s.kind, "searchable": s.searchable, "line": s.prov.line, "text": s.text,
             "passage": passage_text(s)} for s in doc.segments]


@pytest.fixture(scope="module")
def odd_document(tmp_path_factory: pytest.TempPathFactory):
    from chinhsach.ingest.readers import read_source
    from chinhsach.structure.outline import build_document

    run, sentence = pathological_paragraphs(7)
    text = ("KẾ HOẠCH\nKiểm tra đoạn văn bất thường\n\nI. NHIỆM VỤ\n\n"
            "1. Sở Y tế chủ trì kiểm tra chất lượng nước sạch.\n\n"
            f"{run}\n\nĐoạn sau chuỗi liền.\n\n{sentence}\n\nĐoạn cuối cùng.\n")
    path = tmp_path_factory.mktemp("odd") / "bat-thuong.txt"
    path.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    records = segment_records(build_document(read_source(path)))
    return records, run, sentence, lines.index(run) + 1, lines.index(sentence) + 1


def test_pathological_paragraphs_are_split_not_truncated(odd_document) -> None:
    records, run, sentence, run_line, sentence_line = odd_document
    run_parts = [r["text"] for r in records if r["line"] == run_line]
    sentence_parts = [r["text"] for r in records if r["line"] == sentence_line]
    assert len(sentence_parts) > 1
    assert " ".join(sentence_parts).split() == sentence.split()
    assert len(run_parts) > 1
    assert "".join(run_parts) == run, "the run's text was changed, not only split"


def test_every_segment_of_pathological_paragraphs_fits_the_model(odd_document) -> None:
    assert_within_token_limit(odd_document[0])


def write_large_text(path: Path, target_bytes: int) -> dict[str, object]:
    """Varied paragraphs from the corpus up to ``target_bytes``, with the two pathological ones.

    Returns the pathological paragraphs and the (1-based) lines they start on.
    """
    rng = random.Random(target_bytes)
    # Body paragraphs only: no signature block, and no outline markers (an outline repeated
    # thousands of times is another test; see test_repeated_outline_numbers_do_not_stop_the_build).
    bodies = [f.read_text(encoding="utf-8").split("Nơi nhận")[0] for f in TEXTS]
    paragraphs = [p.strip() for body in bodies for p in body.split("\n\n")
                  if len(p.strip()) > 60 and not starts_block(p.strip())]
    run, sentence = pathological_paragraphs(target_bytes)
    special = {target_bytes // 3: ("run", run), 2 * target_bytes // 3: ("sentence", sentence)}
    lines_at: dict[str, int] = {}
    size, line, i = 0, 1, 0
    with open(path, "w", encoding="utf-8") as fh:
        while size < target_bytes:
            para = paragraphs[i % len(paragraphs)]
            para = re.sub(r"\d{4}", lambda m: str(int(m.group()) + rng.randint(0, 9)), para)
            chunk = f"{para} Đợt rà soát thứ {i}.\n\n"
            for mark in [m for m in special if m <= size]:
                kind, text = special.pop(mark)
                lines_at[kind] = line
                chunk = f"{text}\n\nĐoạn sau đoạn bất thường số {i}.\n\n" + chunk
            fh.write(chunk)
            size += len(chunk.encode("utf-8"))
            line += chunk.count("\n")
            i += 1
    return {"run": run, "sentence": sentence, "lines": lines_at}


def check_large_text(tmp_path: Path, megabytes: float) -> None:
    path = tmp_path / "rat-lon.txt"
    started = time.perf_counter()
    made = write_large_text(path, int(megabytes * 1e6))
    assert time.perf_counter() - started < 30
    size_mb = path.stat().st_size / 1e6
    stats, segments = read_in_child(path, tmp_path)
    growth = stats["peak_mb"] - stats["base_mb"]
    assert growth < min(1500, 12 * size_mb + 150), (growth, size_mb)
    assert stats["lines"] > 1000 and len(segments) > 1000

    lines = made["lines"]
    assert all(s["searchable"] for s in segments if s["line"] in lines.values())
    # Split, not truncated: every word (normalised as the pipeline does) is still there.
    run_parts = [s["text"] for s in segments if s["line"] == lines["run"]]
    assert len(run_parts) > 1 and "".join(run_parts) == normalize_text(made["run"])
    sentence_parts = [s["text"] for s in segments if s["line"] == lines["sentence"]]
    assert len(sentence_parts) > 1
    assert " ".join(sentence_parts).split() == normalize_text(made["sentence"]).split()
    assert_within_token_limit(segments)


def test_large_text_file_is_read_and_split_within_limits(tmp_path: Path) -> None:
    check_large_text(tmp_path, 2)


@slow
@needs_slow
def test_fifty_megabyte_text_file(tmp_path: Path) -> None:
    check_large_text(tmp_path, 50)


def write_pdf(path: Path, pages: int, lines_per_page: int = 20) -> None:
    from reportlab.pdfgen import canvas

    font = register_font()
    rng = random.Random(pages)
    pdf = canvas.Canvas(str(path))
    for page in range(1, pages + 1):
        pdf.setFont(font, 10)
        y = 800
        pdf.drawString(60, y, f"{page}. Nội dung trang {page} về chính sách xã hội")
        for row in range(lines_per_page):
            y -= 16
            words = " ".join(rng.choice(SYLLABLES) for _ in range(12))
            pdf.drawString(60, y, words.capitalize() + ("." if row % 4 == 3 else ""))
        pdf.showPage()
    pdf.save()


def check_pdf(tmp_path: Path, pages: int) -> None:
    path = tmp_path / f"{pages}-trang.pdf"
    write_pdf(path, pages)
    stats, segments = read_in_child(path, tmp_path)
    assert stats["pages"] == pages
    assert stats["line_pages"] == list(range(1, pages + 1))
    assert stats["peak_mb"] - stats["base_mb"] < 150, stats
    assert_within_token_limit(segments)


def test_sixty_page_pdf_streams_page_by_page(tmp_path: Path) -> None:
    check_pdf(tmp_path, 60)


@slow
@needs_slow
def test_five_hundred_page_pdf(tmp_path: Path) -> None:
    check_pdf(tmp_path, 500)


# ------------------------------------------------------------------------------------------
# Ctrl-C in the middle of a build, searches during a build, two builds at once
# ------------------------------------------------------------------------------------------




def wait_until(condition, proc: subprocess.Popen, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert proc.poll() is None, f"the build ended before {what}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


# 600 numbered duties: enough segments that encoding them outlasts the interrupt even on a loaded
# machine (thirty were embedded in under 0.3 s, before the interrupt landed, in a fresh-clone run;
# 150 were all embedded and the build committed before it landed in the session-16 fresh clone,
# while other evaluations shared the two cores).
MANY_DUTIES = "KẾ HOẠCH\nPhòng chống thiên tai vùng cao năm 2026\n\nI. NHIỆM VỤ\n\n" + "\n\n".join(
    f"{i}. Ban chỉ huy phòng chống thiên tai xã số {i} rà soát {i + 2} điểm có nguy cơ sạt lở, "
    f"lũ quét và di dời {i * 3} hộ dân ra khỏi vùng nguy hiểm trước mùa mưa năm 2026."
    for i in range(1, 601)
) + "\n"


def test_sigint_mid_build_keeps_the_previous_index(seed_index: Path, seed_path: Path, tmp_path: Path) -> None:
    index = copy_index(seed_index, tmp_path / "idx")
    before = current(index)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "thien-tai.txt").write_text(MANY_DUTIES, encoding="utf-8")

    terminal = Terminal()
    cmd = [*CLI_SIGINT, "build", str(seed_path), str(docs), "--index", str(index)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=terminal.slave, text=True, env=ENV, cwd=ROOT)
    terminal.start()
    try:
        wait_until(lambda: list(index.glob("staging-*")), proc, 120, "it staged a generation")
        # The "Mã hóa đoạn văn" (encoding) bar appears once every file is read and the model
        # is loaded: the interrupt lands while passages are being embedded.
        wait_until(lambda: "Mã hóa đoạn văn" in terminal.text(), proc, 300, "it started embedding")
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        terminal.close()
    err = terminal.text()
    assert proc.returncode == 130, (out, err[-2000:])
    assert "Traceback" not in out + err
    assert not list(index.glob("staging-*")) and current(index) == before
    with Index.open(index) as idx:  # the previous index is whole and answers
        assert [d["doc_id"] for d in idx.documents()] == [seed_path.stem]
        assert idx.search("nước sạch vệ sinh môi trường", k=3)
    report = build_index([seed_path, docs], index)  # and the next build succeeds
    assert report.added == ["thien-tai"] and report.unchanged == [seed_path.stem]
    with Index.open(index) as idx:
        hit = idx.search("di dời 84 hộ dân ra khỏi vùng sạt lở", k=1)[0]
        assert hit.doc_id == "thien-tai" and hit.section == "I.28"
    # Last, so that the checks above run even while the message is missing.
    assert "interrupted" in err and "previous index is unchanged" in err, err[-300:]


def test_searches_keep_working_while_a_build_runs(seed_index: Path, seed_path: Path, tmp_path: Path) -> None:
    index = copy_index(seed_index, tmp_path / "idx")
    old_gen = current(index)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "nuoc-sach.txt").write_text(WATER, encoding="utf-8")

    records: list[tuple[bool, str, int, int]] = []  # (build staging?, generation, documents, hits)
    errors: list[str] = []
    second_build: list[BaseException] = []
    proc = start_cli("build", seed_path, docs, "--index", index)
    try:
        while True:
            running = proc.poll() is None
            staging = bool(list(index.glob("staging-*")))
            if staging and not second_build:
                # A staging folder exists only while the build holds the lock: it has just
                # started reading, so a second build now must be refused.
                try:
                    build_index([seed_path, docs], index)
                    second_build.append(AssertionError("a second build ran during the first"))
                except Exception as exc:  # noqa: BLE001 - checked below
                    second_build.append(exc)
            try:
                with Index.open(index) as idx:
                    hits = idx.search("nước sạch vệ sinh môi trường", k=3)
                    records.append((staging, idx.generation.name, len(idx.documents()), len(hits)))
            except Exception as exc:  # noqa: BLE001 - any error is the failure we look for
                errors.append(f"{type(exc).__name__}: {exc}")
            if not running:
                break
            time.sleep(0.3)  # leave the build a core
    finally:
        out, err = finish(proc)
    assert proc.returncode == 0, err
    assert not errors, errors[:3]
    assert second_build and isinstance(second_build[0], IndexLockedError), second_build
    assert "another build" in str(second_build[0])
    counts = [n for _, _, n, _ in records]
    assert set(counts) <= {1, 2} and counts[-1] == 2
    assert all(n_hits > 0 for *_, n_hits in records)
    first_new = counts.index(2)
    assert all(n == 2 for n in counts[first_new:]), "a reader saw the old index after the new one"
    for _, gen, n, _ in records:  # a generation is either the old one, whole, or the new one
        assert (gen == old_gen) == (n == 1)
    assert any(staging and n == 1 for staging, _, n, _ in records), "no search overlapped the build"


LOCK_HOLDER = (
    "import sys\nfrom pathlib import Path\nfrom chinhsach.indexing.store import build_lock\n"
    "with build_lock(Path(sys.argv[1])):\n    print('locked', flush=True)\n    sys.stdin.read()\n"
)


def test_second_build_refuses_or_waits_for_the_lock(seed_index: Path, seed_path: Path, tmp_path: Path) -> None:
    index = copy_index(seed_index, tmp_path / "idx")
    holder = subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, str(index)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=ENV)
    waiter: dict[str, object] = {}
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(IndexLockedError, match="another build") as info:
            build_index([seed_path], index)
        assert isinstance(info.value, BadIndexError)

        refused = start_cli("build", seed_path, "--index", index)
        waiting = start_cli("build", seed_path, "--index", index, "--wait")
        thread = threading.Thread(
            target=lambda: waiter.update(report=build_index([seed_path], index, wait=True)), daemon=True)
        thread.start()
        out, err = finish(refused, 120)
        assert refused.returncode == 4, (out, err)
        assert "another build" in flat(err) and "--wait" in err and "Traceback" not in err
        time.sleep(1.0)
        assert waiting.poll() is None and thread.is_alive(), "--wait did not wait for the lock"
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(30)
    out, err = finish(waiting, 120)
    assert waiting.returncode == 0, err
    assert "giữ nguyên 1" in flat(out)
    thread.join(120)
    assert waiter["report"].unchanged == [seed_path.stem]


# ------------------------------------------------------------------------------------------
# Bad queries
# ------------------------------------------------------------------------------------------

LONG_QUERY = (" ".join(SYLLABLES) + " ") * 200
BAD_QUERIES = {
    "empty": "",
    "10000 chars": LONG_QUERY[:10_000],
    "punctuation": "?!.,;:…()[]{}-–—/\\|",
    "quote": '"',
    "star": "*",
    "near": "NEAR",
    "sql": "'; DROP TABLE segments; --",
}
EMPTY_RESULT = {"empty", "punctuation", "quote", "star"}


def test_bad_queries_return_sensible_results(seed_index: Path) -> None:
    store = seed_index / current(seed_index) / "store.sqlite"
    before = store.read_bytes()
    with Index.open(seed_index) as idx:
        for name, query in BAD_QUERIES.items():
            hits = idx.search(query, k=5)
            assert isinstance(hits, list) and len(hits) <= 5, name
            if name in EMPTY_RESULT:
                assert hits == [], name
        assert len(idx.prepare(BAD_QUERIES["10000 chars"]).text) <= MAX_QUERY_CHARS
        n_segments = idx.conn.execute("SELECT COUNT(*) FROM segments").fetchone()[0]
    assert store.read_bytes() == before
    with Index.open(seed_index) as idx:  # no injection: the index still answers, whole
        assert idx.conn.execute("SELECT COUNT(*) FROM segments").fetchone()[0] == n_segments
        assert idx.search("chỉ tiêu bảo hiểm y tế 2030", k=1)[0].section == "II.2"


@pytest.mark.parametrize("name", sorted(BAD_QUERIES))
def test_cli_bad_queries_exit_0_with_valid_json(seed_index: Path, name: str) -> None:
    result = CliRunner().invoke(app, ["search", BAD_QUERIES[name], "--index", str(seed_index), "--k", "5",
                                      "--json"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert isinstance(hits, list) and len(hits) <= 5
    if name in EMPTY_RESULT:
        assert hits == []


# ------------------------------------------------------------------------------------------
# Damaged indexes
# ------------------------------------------------------------------------------------------

DAMAGE = {
    "truncated-faiss": IndexCorruptError,
    "missing-table": IndexCorruptError,
    "old-format": IndexCorruptError,
    "other-model": ModelMismatchError,
}


def damage(index: Path, case: str) -> None:
    gen = index / current(index)
    if case == "truncated-faiss":
        faiss_file = gen / "dense.faiss"
        faiss_file.write_bytes(faiss_file.read_bytes()[:100])
        return
    statement = {
        "missing-table": "DROP TABLE duties",
        "old-format": "UPDATE meta SET value = '1' WHERE key = 'format_version'",
        "other-model": "UPDATE meta SET value = 'intfloat/multilingual-e5-base' WHERE key = 'model_id'",
    }[case]
    with closing(sqlite3.connect(gen / "store.sqlite")) as conn:
        conn.execute(statement)
        conn.commit()


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damaged_index_says_how_to_rebuild(seed_index: Path, tmp_path: Path, case: str) -> None:
    index = copy_index(seed_index, tmp_path / "idx")
    damage(index, case)

    plain = start_cli("search", "nước sạch", "--index", index)
    debug = start_cli("search", "nước sạch", "--index", index, debug=True)

    with pytest.raises(DAMAGE[case], match="rebuild") as info:
        with Index.open(index) as idx:
            idx.search("nước sạch", k=3)
    assert isinstance(info.value, BadIndexError)

    out, err = finish(plain, 120)
    assert plain.returncode == 4, (out, err)
    assert "Traceback" not in out + err
    assert "rebuild" in err and str(index) in flat(err)
    out, err = finish(debug, 120)
    assert "Traceback" in err and DAMAGE[case].__name__ in err
