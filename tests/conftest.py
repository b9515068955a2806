"""Shared fixtures: the seed plan, one real index built over it for the whole session, and
the helper that parses a test document written to a file."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from chinhsach.model import Document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEED = CORPUS / "sonla-ke-hoach-thuc-hien-nq-42-nq-tw.txt"
# corpus/ holds real documents only; the plans the team wrote live with the evaluation data.
FIXTURES = ROOT / "evaluation" / "fixtures"
ILLUSTRATIVE = sorted(FIXTURES.glob("minh-hoa-*.txt"))
TEXTS = sorted([*CORPUS.glob("*.txt"), *ILLUSTRATIVE])
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def parse_text(directory: Path, text: str, name: str = "doc.md") -> Document:
    """Parse ``text`` written to ``directory / name``: a test document goes through the reader
    its suffix picks, as a user's file does."""
    from chinhsach import parse  # the pipeline loads its models: after HF_HUB_OFFLINE is set

    path = directory / name
    path.write_text(text, encoding="utf-8")
    return parse(path)


def index_texts(factory: pytest.TempPathFactory, texts: dict[str, str]) -> Path:
    """A real index built over invented documents (file name → text), each read by the reader
    its suffix picks."""
    from chinhsach import build_index

    docs = factory.mktemp("docs")
    for name, text in texts.items():
        (docs / name).write_text(text, encoding="utf-8")
    index_dir = factory.mktemp("index") / "idx"
    report = build_index([docs], index_dir)
    assert report.n_documents == len(texts) and not report.failed
    return index_dir


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real index (SQLite, faiss, BM25, the converted e5 model) over the seed plan."""
    from chinhsach import build_index

    index_dir = tmp_path_factory.mktemp("seed-index") / "idx"
    report = build_index([SEED], index_dir)
    assert report.n_documents == 1 and not report.failed
    return index_dir


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real index over the seed (corpus/) and the illustrative plans (evaluation/fixtures/)."""
    from chinhsach import build_index

    index_dir = tmp_path_factory.mktemp("corpus-index") / "idx"
    report = build_index([CORPUS, *ILLUSTRATIVE], index_dir)
    assert report.n_documents >= 4 and not report.failed
    return index_dir


def docx_bytes(paragraphs: int, text: str = "a") -> bytes:
    """A valid DOCX whose body repeats one paragraph: a few hundred KB for a million."""
    import docx

    d = docx.Document()
    d.add_paragraph("Kế hoạch")
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                head, _, tail = data.decode().partition("<w:body>")
                body = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" * paragraphs
                data = (head + "<w:body>" + body + tail).encode()
            zf.writestr(info.filename, data)
    return out.getvalue()


@pytest.fixture
def half_plan(seed_path: Path, tmp_path: Path) -> Path:
    """A folder with the first half of the seed plan (a real document; half keeps the embedding
    cache's rebuilds quick)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    (docs / "plan.txt").write_text("\n".join(lines[:90]) + "\n", encoding="utf-8")
    return docs


# The embedding cache's tests (local and Ray builds) compare an index before and after a rebuild.
CACHE_QUERIES = ("chỉ tiêu bảo hiểm y tế 2030", "nuoc sach ve sinh moi truong", "người có công với cách mạng")


def index_vectors(index: Path) -> dict:
    """Each searchable segment's stored vector, by position."""
    import numpy as np

    from chinhsach.indexing.dense import read_vectors
    from chinhsach.indexing.store import current_generation

    positions, vectors = read_vectors(current_generation(index))
    return {int(p): np.array(v) for p, v in zip(positions, vectors, strict=True)}


def index_answers(index: Path) -> list[list[tuple[str, float]]]:
    """The first 8 hits (segment, score) of each of ``CACHE_QUERIES``."""
    from chinhsach import Index

    with Index.open(index) as idx:
        return [[(h.segment_id, round(h.score, 6)) for h in idx.search(q, k=8)] for q in CACHE_QUERIES]


# Three articles written as ALQAC gives statutes (one file per article, "Điều N. title"), for the
# document-level search tests and the ranking experiments' test.
STATUTE_ARTICLES = {
    "dieu-12.txt": (
        "Điều 12. Quyền của viên chức về hoạt động nghề nghiệp\n\n"
        "1. Được pháp luật bảo vệ trong hoạt động nghề nghiệp.\n\n"
        "2. Được đào tạo, bồi dưỡng nâng cao trình độ chính trị, chuyên môn, nghiệp vụ.\n\n"
        "3. Được bảo đảm trang bị, thiết bị và các điều kiện làm việc.\n"),
    "dieu-13.txt": (
        "Điều 13. Quyền của viên chức về tiền lương\n\n"
        "1. Được trả lương tương xứng với vị trí việc làm, chức danh nghề nghiệp.\n\n"
        "2. Được hưởng tiền làm thêm giờ, tiền làm đêm, công tác phí.\n"),
    "dieu-54.txt": (
        "Điều 54. Dịch vụ du lịch khác\n\n"
        "Dịch vụ du lịch khác bao gồm dịch vụ ăn uống, mua sắm, thể thao, vui chơi giải trí, "
        "chăm sóc sức khỏe.\n"),
}
