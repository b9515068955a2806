"""OCR accuracy: CER and WER with and without diacritics, on generated pages and on real scans.

    PYTHONPATH=src .venv/bin/python evaluation/ocr_eval.py [--write] [--sweep] [--pages N]

(a) **Generated pages.** The seed (``corpus/sonla-ke-hoach-thuc-hien-nq-42-nq-tw.txt``) and
two layout documents of our own (a UBND plan and a Party document: two-column header, centred
title, body, two-column signature block) are typeset on A4 in 13 pt DejaVu Serif, Serif
Condensed and Sans (Debian's Liberation Serif, the Times clone the real documents would call
for, has no Vietnamese letters), at 150 and 300 dpi, clean and degraded (skew up to ±1°, blur, Gaussian noise σ=12, specks), and read
back by :func:`chinhsach.ocr.ocr_image`. The text typeset is the reference, header columns in
reading order (left column, then right). A third condition, *skewed*, turns the degraded page
by 2–3°.

(b) **Real scans.** The first page of the real scans with a hand-made transcription
(``evaluation/gold/ocr/<stem>.txt``; the scans stay in ``../shared/real/ingestion/
pdf_scanned/``). ``printed`` drops the hand-written fill-ins (``⟦…⟧``: the number, the day)
from the reference, ``as read`` keeps them. Also: the header read as Tesseract lays it out
(no column split), and the clean-up steps one by one.

(c) **Searchable, metadata read.** Every real scan indexed through the library
(``build_index(..., ocr="auto")``); a phrase of each scan's page must come back in the top 3,
and its number, date and issuer are compared with what is printed.

``--sweep`` adds the rendering-resolution sweep on the real gold pages (150–400 dpi).
``--write`` puts the tables into ``evaluation/RESULTS.md`` (sections "OCR: …").
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
import unicodedata
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ocr_metrics import (  # noqa: E402
    ROOT,
    ZERO,
    Rates,
    gold_text,
    normalise,
    rates,
    real_documents,
)

from chinhsach.ingest import ocr  # noqa: E402

SEED = ROOT / "corpus" / "sonla-ke-hoach-thuc-hien-nq-42-nq-tw.txt"
GOLD = ROOT / "evaluation" / "gold" / "ocr"
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)
# DejaVu: Debian's Liberation Serif (the Times metric clone) lacks the Vietnamese letters.
FONTS = {
    "serif": {"regular": "DejaVuSerif.ttf", "bold": "DejaVuSerif-Bold.ttf",
              "italic": "DejaVuSerif-Italic.ttf"},
    "condensed": {"regular": "DejaVuSerifCondensed.ttf", "bold": "DejaVuSerifCondensed-Bold.ttf",
                  "italic": "DejaVuSerifCondensed-Italic.ttf"},
    "sans": {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf",
             "italic": "DejaVuSans-Oblique.ttf"},
}
CONDITIONS = ("clean", "degraded", "skewed")
RESOLUTIONS = (150, 300)

# --------------------------------------------------------------------------------------------
# Typesetting
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Block:
    """A paragraph to typeset: style (regular/bold/italic), alignment, first-line indent."""

    text: str
    style: str = "regular"
    align: str = "left"
    indent: float = 0.5  # inches
    size: float = 13.0  # points


@dataclass(slots=True)
class Doc:
    """A document to typeset: optional two-column header and signature block, then blocks."""

    name: str
    font: str
    blocks: list[Block]
    header: tuple[list[Block], list[Block]] | None = None
    signature: tuple[list[Block], list[Block]] | None = None


@dataclass(slots=True)
class Page:
    image: Any
    truth: list[str] = field(default_factory=list)


def _font(family: str, style: str, size_px: int) -> Any:
    from PIL import ImageFont

    name = FONTS[family][style]
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return ImageFont.truetype(str(folder / name), size_px)
    raise SystemExit(f"font {name} not found in {', '.join(map(str, FONT_DIRS))}")


class Typesetter:
    """Puts blocks on A4 pages at ``dpi``: margins of Nghị định 30/2020 (left 30 mm, right
    20 mm, top and bottom 20 mm), 1.3 line pitch, 6 pt between paragraphs."""

    def __init__(self, family: str, dpi: int) -> None:
        self.family, self.dpi = family, dpi
        self.width, self.height = round(8.27 * dpi), round(11.69 * dpi)
        self.left, self.right = round(1.18 * dpi), round(8.27 * dpi - 0.79 * dpi)
        self.top, self.bottom = round(0.79 * dpi), round(11.69 * dpi - 0.79 * dpi)
        self.pages: list[Page] = []
        self._new_page()

    def _new_page(self) -> None:
        from PIL import Image, ImageDraw

        image = Image.new("L", (self.width, self.height), 255)
        self.pages.append(Page(image))
        self.draw = ImageDraw.Draw(image)
        self.y = self.top

    def _px(self, points: float) -> int:
        return round(points / 72 * self.dpi)

    def _wrap(self, block: Block, font: Any, width: int) -> list[str]:
        lines: list[str] = []
        current = ""
        first = True
        for word in block.text.split():
            trial = f"{current} {word}".strip()
            room = width - (self._px(block.indent * 72) if first and block.align != "center" else 0)
            if current and font.getlength(trial) > room:
                lines.append(current)
                current, first = word, False
            else:
                current = trial
        if current:
            lines.append(current)
        return lines

    def column(self, blocks: list[Block], x0: int, x1: int, y: int) -> tuple[int, list[str]]:
        """Centred lines of one header/signature column from ``y``; (bottom, lines)."""
        out: list[str] = []
        for block in blocks:
            font = _font(self.family, block.style, self._px(block.size))
            for line in self._wrap(Block(block.text, block.style, "center", 0, block.size),
                                   font, x1 - x0):
                w = font.getlength(line)
                self.draw.text((x0 + (x1 - x0 - w) / 2, y), line, font=font, fill=0)
                out.append(line)
                y += self._px(block.size * 1.3)
        return y, out

    def two_columns(self, columns: tuple[list[Block], list[Block]], split: float) -> None:
        mid = self.left + round((self.right - self.left) * split)
        gutter = round(0.2 * self.dpi)
        left_end, left = self.column(columns[0], self.left - round(0.4 * self.dpi), mid - gutter,
                                     self.y)
        right_end, right = self.column(columns[1], mid + gutter, self.right + round(0.3 * self.dpi),
                                       self.y)
        self.pages[-1].truth += left + right
        self.y = max(left_end, right_end) + self._px(12)

    def paragraph(self, block: Block) -> None:
        font = _font(self.family, block.style, self._px(block.size))
        pitch = self._px(block.size * 1.3)
        for i, line in enumerate(self._wrap(block, font, self.right - self.left)):
            if self.y + pitch > self.bottom:
                self._new_page()
            w = font.getlength(line)
            if block.align == "center":
                x = self.left + (self.right - self.left - w) / 2
            else:
                x = self.left + (self._px(block.indent * 72) if i == 0 else 0)
            self.draw.text((x, self.y), line, font=font, fill=0)
            self.pages[-1].truth.append(line)
            self.y += pitch
        self.y += self._px(6)


def typeset(doc: Doc, dpi: int) -> list[Page]:
    setter = Typesetter(doc.font, dpi)
    if doc.header:
        setter.two_columns(doc.header, 0.4)
    for block in doc.blocks:
        setter.paragraph(block)
    if doc.signature:
        if setter.y + round(2.0 * dpi) > setter.bottom:
            setter._new_page()
        setter.two_columns(doc.signature, 0.5)
    return setter.pages


def degrade(image: Any, rng: random.Random, dpi: int, skew: float = 1.0) -> Any:
    """Skew (up to ±``skew``°), blur, Gaussian noise (σ=12) and specks, as a flatbed scan of
    a copy."""
    import numpy as np
    from PIL import Image, ImageFilter

    angle = rng.uniform(-skew, skew)
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(0.5 * dpi / 300))
    array = np.asarray(image, dtype=np.float32)
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0.0, 12.0, array.shape)
    array = array + noise
    speck_rng = np.random.default_rng(rng.randrange(1 << 30))
    count = int(400 * (dpi / 300) ** 2)
    ys = speck_rng.integers(0, array.shape[0] - 3, count)
    xs = speck_rng.integers(0, array.shape[1] - 3, count)
    for y, x in zip(ys, xs, strict=True):
        array[y:y + 2, x:x + 2] = 40.0
    return Image.fromarray(np.clip(array, 0, 255).astype(np.uint8))


# --------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------


def seed_doc() -> Doc:
    """The seed as paragraphs (markdown marks dropped, bold headings kept bold)."""
    blocks: list[Block] = []
    for raw in SEED.read_text(encoding="utf-8").split("\n\n"):
        text = " ".join(raw.split())
        if not text:
            continue
        bold = text.startswith("**") or text.isupper() or bool(re.match(r"^[IVX]+[-.]", text))
        text = text.replace("**", "")
        centred = text.isupper() and len(text) < 40
        blocks.append(Block(text, "bold" if bold else "regular",
                            "center" if centred else "left", 0.0 if centred else 0.5))
    return Doc("seed", "serif", blocks)


def layout_docs() -> list[Doc]:
    """Two documents laid out as real ones are: our own text, in the forms of a UBND plan and
    of a Party committee's plan (header columns, title, body, signature block)."""
    ubnd = Doc(
        "layout-ubnd", "condensed",
        header=(
            [Block("ỦY BAN NHÂN DÂN"), Block("TỈNH LẠNG SƠN", "bold"),
             Block("Số: 215/KH-UBND")],
            [Block("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold", size=12),
             Block("Độc lập - Tự do - Hạnh phúc", "bold"),
             Block("Lạng Sơn, ngày 12 tháng 3 năm 2025", "italic")],
        ),
        blocks=[
            Block("KẾ HOẠCH", "bold", "center", 0),
            Block("Nâng cao chất lượng dịch vụ y tế cơ sở giai đoạn 2025 - 2030", "bold",
                  "center", 0),
            Block("Căn cứ Quyết định số 2348/QĐ-TTg ngày 05 tháng 12 năm 2016 của Thủ tướng "
                  "Chính phủ phê duyệt Đề án xây dựng và phát triển mạng lưới y tế cơ sở "
                  "trong tình hình mới; Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
                  "italic"),
            Block("I. MỤC TIÊU", "bold", indent=0.5),
            Block("1. Đến năm 2030, 100% trạm y tế xã, phường, thị trấn có bác sĩ làm việc; tỷ "
                  "lệ người dân được quản lý sức khỏe đạt từ 95% trở lên; tỷ lệ bao phủ bảo "
                  "hiểm y tế đạt trên 95% dân số."),
            Block("2. Giảm tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi xuống dưới "
                  "18%; duy trì tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi trên 95%."),
            Block("II. NHIỆM VỤ VÀ GIẢI PHÁP", "bold", indent=0.5),
            Block("1. Sở Y tế chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ và Ủy ban nhân dân "
                  "các huyện, thành phố rà soát, sắp xếp mạng lưới trạm y tế; bảo đảm đủ nhân "
                  "lực, trang thiết bị theo quy định; hoàn thành trước ngày 31 tháng 12 năm "
                  "2025."),
            Block("2. Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch trong dự toán "
                  "ngân sách hằng năm; hướng dẫn quản lý, sử dụng kinh phí đúng quy định."),
            Block("3. Bảo hiểm xã hội tỉnh phối hợp với Sở Y tế mở rộng danh mục thuốc, dịch vụ "
                  "kỹ thuật được thanh toán tại trạm y tế xã; đẩy mạnh khám chữa bệnh bằng căn "
                  "cước công dân gắn chíp."),
            Block("Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, "
                  "đơn vị kịp thời báo cáo về Sở Y tế để tổng hợp, trình Ủy ban nhân dân tỉnh "
                  "xem xét, quyết định./."),
        ],
        signature=(
            [Block("Nơi nhận:", "bold", size=12), Block("- Bộ Y tế;", size=11),
             Block("- Thường trực Tỉnh ủy;", size=11), Block("- Các sở, ban, ngành;", size=11),
             Block("- Lưu: VT, KGVX.", size=11)],
            [Block("TM. ỦY BAN NHÂN DÂN", "bold"), Block("KT. CHỦ TỊCH", "bold"),
             Block("PHÓ CHỦ TỊCH", "bold"), Block(" "), Block("Đoàn Thanh Sơn", "bold")],
        ),
    )
    party = Doc(
        "layout-party", "sans",
        header=(
            [Block("ĐẢNG BỘ TỈNH HÀ TĨNH"), Block("HUYỆN ỦY CẨM XUYÊN", "bold"),
             Block("*"), Block("Số 58-KH/HU")],
            [Block("ĐẢNG CỘNG SẢN VIỆT NAM", "bold"),
             Block("Cẩm Xuyên, ngày 20 tháng 5 năm 2024", "italic")],
        ),
        blocks=[
            Block("KẾ HOẠCH", "bold", "center", 0),
            Block("thực hiện Nghị quyết số 42-NQ/TW về chính sách xã hội", "bold", "center", 0),
            Block("Thực hiện Kế hoạch số 245-KH/TU ngày 15/3/2024 của Ban Thường vụ Tỉnh ủy, "
                  "Ban Thường vụ Huyện ủy xây dựng Kế hoạch thực hiện như sau:"),
            Block("1. Phấn đấu đến năm 2030 tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm bình "
                  "quân 1 - 1,5%/năm; tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt "
                  "40%; 100% người có công được chăm lo đời sống."),
            Block("2. Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với Trung tâm Chính trị huyện "
                  "tổ chức quán triệt Nghị quyết đến cán bộ, đảng viên; Ủy ban Mặt trận Tổ "
                  "quốc huyện giám sát việc thực hiện chính sách xã hội ở cơ sở."),
            Block("3. Đảng ủy các xã, thị trấn xây dựng chương trình hành động, định kỳ sáu "
                  "tháng báo cáo kết quả về Ban Thường vụ Huyện ủy (qua Văn phòng Huyện ủy)."),
        ],
        signature=(
            [Block("Nơi nhận:", size=12), Block("- Ban Thường vụ Tỉnh ủy,", size=11),
             Block("- Các đảng ủy trực thuộc,", size=11), Block("- Lưu Văn phòng Huyện ủy.",
                                                                  size=11)],
            [Block("T/M BAN THƯỜNG VỤ", "bold"), Block("PHÓ BÍ THƯ", "bold"), Block(" "),
             Block("Nguyễn Thị Hoa", "bold")],
        ),
    )
    return [ubnd, party]


# --------------------------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Sample:
    """One page to read: where it comes from, its image and resolution, its reference."""

    source: str
    dpi: int
    condition: str
    image: Any
    reference: str
    reference_as_read: str = ""
    # OCR (line, region, confidence), before clean-up
    raw: list[tuple[str, str, float]] = field(default_factory=list)
    seconds: float = 0.0


def run_ocr(samples: list[Sample], *, layout: bool = True) -> None:
    """OCR every sample on all cores (threads: tesserocr releases the GIL), raw lines kept."""
    def one(sample: Sample) -> None:
        page = ocr.ocr_image(sample.image, sample.dpi, layout=layout, clean=False)
        sample.raw = [(line.text, line.region, line.confidence) for line in page.lines]
        sample.seconds = page.seconds

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(one, samples))


def cleaned(sample: Sample, steps: Iterable[str] = ocr.CLEANUP_STEPS) -> str:
    lines = [ocr.clean_text(line, steps, header=region.startswith("header"))
             for line, region, _ in sample.raw]
    return "\n".join(line for line in lines if line)


def score(samples: Iterable[Sample], steps: Iterable[str] = ocr.CLEANUP_STEPS,
          *, as_read: bool = False) -> tuple[Rates, Rates]:
    """Summed (with diacritics, without) rates over ``samples``."""
    steps = tuple(steps)
    total, plain = ZERO, ZERO
    for s in samples:
        reference = s.reference_as_read if as_read else s.reference
        text = cleaned(s, steps)
        total = total + rates(reference, text)
        plain = plain + rates(reference, text, diacritics=False)
    return total, plain


def synthetic_samples(max_pages: int | None) -> list[Sample]:
    rng = random.Random(13)
    samples: list[Sample] = []
    for doc in [seed_doc(), *layout_docs()]:
        for dpi in RESOLUTIONS:
            pages = typeset(doc, dpi)[: max_pages or None]
            for page in pages:
                truth = "\n".join(page.truth)
                for condition in CONDITIONS:
                    if condition == "clean":
                        image = page.image
                    else:  # degraded: skew within ±1°; skewed: 2-3°, as a careless scan
                        skew = 1.0 if condition == "degraded" else rng.uniform(2.0, 3.0)
                        image = degrade(page.image, rng, dpi, skew)
                    samples.append(Sample(doc.name, dpi, condition, image, truth, truth))
    return samples


def scans_dir() -> Path:
    return real_documents() / "ingestion" / "pdf_scanned"


def gold_samples(dpi: int = ocr.DEFAULT_DPI) -> list[Sample]:
    import pypdfium2 as pdfium

    samples = []
    for gold in sorted(GOLD.glob("*.txt")):
        raw = gold.read_text(encoding="utf-8")
        pdf = pdfium.PdfDocument(str(scans_dir() / f"{gold.stem}.pdf"))
        try:
            image = ocr.render_pdf_page(pdf, 0, dpi)
        finally:
            pdf.close()
        samples.append(Sample(gold.stem, dpi, "scan", image, gold_text(raw, printed_only=True),
                              gold_text(raw, printed_only=False)))
    return samples


def fmt(r: Rates) -> str:
    return f"{100 * r.cer:.2f}% | {100 * r.wer:.2f}%"


STEP_LABELS = [((), "NFC only"), (("lookalikes",), "+ look-alike letters"),
               (("lookalikes", "junk"), "+ speck tokens"),
               (("lookalikes", "junk", "marks"), "+ dropped marks put back"),
               (("lookalikes", "junk", "marks", "fill_ins"), "+ hand-written fill-ins marked …"),
               (ocr.CLEANUP_STEPS, "+ stray stops, colons, quotes; mixed case (chinhsach)")]


def synthetic_section(samples: list[Sample], command: str) -> str:
    lines = [
        f"Command: `{command}`", "",
        "Pages typeset from the seed and two layout documents of our own (A4, 13 pt, "
        "DejaVu Serif / Serif Condensed / Sans), read back by `chinhsach.ingest.ocr.ocr_image` "
        "(tesserocr, `vie`, two-column blocks split, clean-up on). Degraded: skew up to ±1°, "
        "blur, Gaussian noise σ=12, specks; skewed: the same turned by 2–3° (pages skewed by "
        "1° or more are straightened before recognition). 150 dpi pages are enlarged to 300 dpi before "
        "recognition. Targets: CER ≤ 2% at 300 dpi, ≤ 4% at 150 dpi, diacritics included.", "",
        "| pages | dpi | condition | n | CER | WER | CER no diacritics | WER no diacritics "
        "| s/page |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    groups: dict[tuple[str, int, str], list[Sample]] = {}
    for s in samples:
        groups.setdefault(("seed" if s.source == "seed" else "layout docs", s.dpi, s.condition),
                          []).append(s)
    for (source, dpi, condition), group in sorted(groups.items()):
        total, plain = score(group)
        secs = sum(s.seconds for s in group) / len(group)
        lines.append(f"| {source} | {dpi} | {condition} | {len(group)} | {fmt(total)} | "
                     f"{fmt(plain)} | {secs:.2f} |")
    for dpi in RESOLUTIONS:
        group = [s for s in samples if s.dpi == dpi]
        total, plain = score(group)
        lines.append(f"| **all** | {dpi} | all three | {len(group)} | {fmt(total)} | "
                     f"{fmt(plain)} | |")
    lines += ["", "Clean-up steps (all generated pages; CER | WER with diacritics):", "",
              "| clean-up | 150 dpi | 300 dpi |", "|---|---|---|"]
    for steps, label in STEP_LABELS:
        cells = [fmt(score([s for s in samples if s.dpi == dpi], steps)[0]) for dpi in RESOLUTIONS]
        lines.append(f"| {label} | {cells[0].replace(' | ', ' / ')} | "
                     f"{cells[1].replace(' | ', ' / ')} |")
    return "\n".join(lines)


def confidence_table(samples: list[Sample]) -> str:
    """Whether Tesseract's line confidence tells good lines from bad: a line is *right* when
    at least 90 % of its words occur in the page's reference (as read)."""
    from collections import Counter

    from chinhsach.model import LOW_OCR_CONFIDENCE

    buckets: dict[str, list[int]] = {"low": [0, 0], "high": [0, 0]}
    for s in samples:
        reference = Counter(normalise(s.reference_as_read).split())
        for text, region, confidence in s.raw:
            words = normalise(ocr.clean_text(text, header=region.startswith("header"))).split()
            if not words:
                continue
            hits = sum(min(n, reference[w]) for w, n in Counter(words).items())
            bucket = buckets["low" if confidence < LOW_OCR_CONFIDENCE else "high"]
            bucket[0] += 1
            bucket[1] += hits >= 0.9 * len(words)
    low, high = buckets["low"], buckets["high"]
    return (f"Line confidence (the `low_ocr_confidence` flag is under {LOW_OCR_CONFIDENCE:.0f}): "
            f"{low[0]} lines under it, {low[1]} of them right ({100 * low[1] / max(low[0], 1):.0f}%); "
            f"{high[0]} lines at or above it, {high[1]} right "
            f"({100 * high[1] / max(high[0], 1):.0f}%). A line is right when 90% of its words are "
            "in the page's reference; the others are stamps, signatures, hand-written fill-ins "
            "and misread lines.")


def real_section(samples: list[Sample], no_layout: list[Sample], command: str) -> str:
    lines = [
        f"Command: `{command}`", "",
        f"First pages of {len(samples)} real scans (200 dpi bilevel or JPEG images in PDF; "
        "rendered at 300 dpi by pypdfium2), against hand-made transcriptions in "
        "`evaluation/gold/ocr/`. *printed*: the reference without the hand-written fill-ins "
        "(number, day); *as read*: with them (Tesseract does not read handwriting). "
        "Stamps and signatures are not in the reference.", "",
        "| scan | CER printed | WER printed | CER no diacritics | CER as read | s/page |",
        "|---|---|---|---|---|---|",
    ]
    for s in samples:
        total, plain = score([s])
        read, _ = score([s], as_read=True)
        lines.append(f"| {s.source} | {100 * total.cer:.2f}% | {100 * total.wer:.2f}% | "
                     f"{100 * plain.cer:.2f}% | {100 * read.cer:.2f}% | {s.seconds:.2f} |")
    total, plain = score(samples)
    read, _ = score(samples, as_read=True)
    lines.append(f"| **all** | {100 * total.cer:.2f}% | {100 * total.wer:.2f}% | "
                 f"{100 * plain.cer:.2f}% | {100 * read.cer:.2f}% | |")
    lines += ["", confidence_table(samples)]
    lines += ["", "What each part contributes (all gold pages, printed; CER | WER):", "",
              "| reading | CER | WER |", "|---|---|---|"]
    lines.append(f"| header as Tesseract lays it out (`--psm 3` on the whole page), clean-up on | "
                 f"{fmt(score(no_layout)[0])} |")
    for steps, label in STEP_LABELS:
        lines.append(f"| header columns split, {label} | {fmt(score(samples, steps)[0])} |")
    return "\n".join(lines)


def sweep_section(command: str) -> str:
    lines = [f"Command: `{command}`", "",
             "Real gold pages rendered by pypdfium2 at each resolution (the scans hold 200 dpi "
             "images), read with header split and clean-up. Pages under 250 dpi are enlarged to "
             "300 dpi before recognition, so 150 and 200 dpi measure what rendering loses.", "",
             "| render dpi | CER | WER | CER no diacritics | s/page |", "|---|---|---|---|---|"]
    for dpi in (150, 200, 250, 300, 400):
        samples = gold_samples(dpi)
        run_ocr(samples)
        total, plain = score(samples)
        secs = sum(s.seconds for s in samples) / len(samples)
        lines.append(f"| {dpi} | {100 * total.cer:.2f}% | {100 * total.wer:.2f}% | "
                     f"{100 * plain.cer:.2f}% | {secs:.2f} |")
        print(lines[-1], flush=True)
    return "\n".join(lines)


# (c) Every real scan: a phrase of its first page, and its header as printed (the number's
# digits and the day are hand-written on all six: Tesseract cannot read them).
SCANS = {
    "AQr_2193_tb_syt": ("khai giảng lớp Quản lý bệnh viện khóa 2 năm 2017",
                        {"number": "2193/TB-SYT", "date": "2017-11-29", "type": "Thông báo"}),
    "HzW_18_syt_vp": ("chỉ đạo các cơ sở khám bệnh, chữa bệnh công lập và bệnh viện tư nhân",
                      {"number": "18/SYT-VP", "date": "2018-01-04", "type": None}),
    "KOZ_2268_bc_syt": ("tập huấn xác định tình trạng nghiện ma túy cho cán bộ y tế tuyến xã",
                        {"number": "2268/BC-SYT", "date": "2017-12-15", "type": "Báo cáo"}),
    "U9c_513_syt": ("đình chỉ lưu hành thuốc Nhức khớp tê bại hoàn",
                    {"number": "513/SYT-NVD", "date": "2018-04-24", "type": None}),
    "fTo_2287_bc_syt": ("kế hoạch đảm bảo nguồn nhân lực ngành Y tế đến năm 2020",
                        {"number": "2287/BC-SYT", "date": "2017-12-19", "type": "Báo cáo"}),
    "zPs_171_gm_syt": ("hội nghị công tác tổ chức cán bộ ngành Y tế năm 2017",
                       {"number": "171/GM-SYT", "date": "2017-12-11", "type": "Giấy mời"}),
}
ISSUER = "Sở Y tế tỉnh Kiên Giang"


def search_section(command: str) -> str:
    """Build an index over every real scan and ask each one's phrase, with and without marks."""
    import tempfile

    from chinhsach.indexing import Index, build_index
    from chinhsach.text.normalize import fold

    files = [scans_dir() / f"{stem}.pdf" for stem in SCANS]
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        report = build_index(files, Path(tmp) / "idx")
        build_s = time.perf_counter() - started
        with Index.open(Path(tmp) / "idx") as idx:
            docs = {Path(d["path"]).stem: d for d in idx.documents()}
            pages = dict(idx.conn.execute("SELECT doc_id, pages FROM documents"))
            rows = []
            found = {"with": 0, "without": 0}
            fields: dict[str, dict[str, int]] = {}
            for stem, (phrase, truth) in SCANS.items():
                doc = docs.get(stem)
                ranks = []
                for key, query in (("with", phrase), ("without", fold(phrase))):
                    hits = idx.search(query, k=3)
                    rank = next((i + 1 for i, h in enumerate(hits)
                                 if doc and h.doc_id == doc["doc_id"] and h.page == 1), None)
                    found[key] += rank is not None
                    ranks.append("—" if rank is None else str(rank))
                cells = []
                for name, want in (*truth.items(), ("issuer", ISSUER)):
                    got = doc.get(name) if doc else None
                    status = ("read" if got == want else "not read" if got is None
                              else f"wrong ({got})")
                    bucket = fields.setdefault(name, {"read": 0, "not read": 0, "wrong": 0})
                    bucket[status.split(" (")[0]] += 1
                    cells.append(status if want is not None or got is not None else "— (none)")
                rows.append(f"| {stem} | {pages.get(doc['doc_id']) if doc else '—'} | "
                            f"“{phrase}” | {ranks[0]} / {ranks[1]} | " + " | ".join(cells) + " |")
    n = len(SCANS)
    lines = [
        f"Command: `{command}`", "",
        f"The six real scans indexed together (`build_index(..., ocr=\"auto\")`, "
        f"{sum(p or 0 for p in pages.values())} pages, {build_s:.0f} s on this machine under "
        f"other processes' load; {len(report.added)} documents indexed, failed: "
        f"{len(report.failed)}). Each scan's phrase (from its first page) is asked with and "
        "without diacritics; the rank is that of the first hit on that scan's page 1 (— when "
        "not in the top 3). Header fields against the page as printed: the number's digits and "
        "the day are written by hand on all six, so *not read* is the expected outcome for them "
        "and *wrong* the failure to avoid.", "",
        "| scan | pages | phrase | rank (marks / none) | number | date | type | issuer |",
        "|---|---|---|---|---|---|---|---|",
        *rows, "",
        f"Found in the top 3: {found['with']}/{n} with diacritics, {found['without']}/{n} "
        "without. Fields: " + "; ".join(
            f"{name} {v['read']} read, {v['not read']} not read, {v['wrong']} wrong"
            for name, v in fields.items()) + ".",
    ]
    return "\n".join(lines)


def skew_section(command: str) -> str:
    """Straightening measured: pages turned by 2-3° (degraded as above) read with and
    without it, and the real gold pages (skewed under 1°, read as they are) turned anyway."""
    rng = random.Random(29)
    pages = [p for doc in layout_docs() for p in typeset(doc, 300)[:1]] + typeset(seed_doc(), 300)[:4]
    turned = [Sample("turned", 300, "skewed",
                     degrade(p.image, rng, 300, 0).rotate(rng.choice((-1, 1)) * rng.uniform(2, 3),
                                                          fillcolor=255),
                     "\n".join(p.truth), "\n".join(p.truth)) for p in pages]
    rows = ["| pages | straightened | CER | WER |", "|---|---|---|---|"]
    for deskew in (True, False):
        def one(sample: Sample, deskew: bool = deskew) -> str:
            return ocr.ocr_image(sample.image, sample.dpi, deskew=deskew).text

        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            texts = list(pool.map(one, turned))
        total = ZERO
        for sample, text in zip(turned, texts, strict=True):
            total = total + rates(sample.reference, text)
        rows.append(f"| {len(turned)} generated, turned 2-3° | {'yes' if deskew else 'no'} | "
                    f"{fmt(total)} |")
    from PIL import Image

    gold = gold_samples()
    angles = [ocr.estimate_skew(g.image) for g in gold]
    for label, images in (("as they are (chinhsach: under 1°)", [g.image for g in gold]),
                          ("turned straight anyway", [
                              g.image.rotate(a, resample=Image.Resampling.BICUBIC, fillcolor=255)
                              if abs(a) >= 0.1 else g.image for g, a in zip(gold, angles, strict=True)])):
        total = ZERO
        for g, image in zip(gold, images, strict=True):
            total = total + rates(g.reference, ocr.ocr_image(image, g.dpi, deskew=False).text)
        rows.append(f"| {len(gold)} real gold pages (skews "
                    f"{', '.join(f'{a:g}°' if a else '0°' for a in angles)}), {label} | — | {fmt(total)} |")
    return "\n".join([
        f"Command: `{command} --skew-check`", "",
        "Pages straightened before recognition when their skew is 1° or more "
        "(`ocr.estimate_skew`); under 1° a page is read as it is (see \"OCR: real scans\": "
        "the real scans are skewed by up to 0.7°).", "", *rows])


def dpi_section(command: str) -> str:
    """``ocr.estimate_dpi`` (for image files that do not state a resolution) on every page of
    the real scans, rendered at 300 dpi and at half that: what it says, against the truth."""
    import pypdfium2 as pdfium

    rows = ["| rendered at | pages | estimated (min-max) | within 10% |", "|---|---|---|---|"]
    for dpi in (300, 150, 100):
        found: list[int] = []
        for path in sorted(scans_dir().glob("*.pdf")):
            pdf = pdfium.PdfDocument(str(path))
            try:
                for index in range(len(pdf)):
                    found.append(ocr.estimate_dpi(ocr.render_pdf_page(pdf, index, dpi)))
            finally:
                pdf.close()
        close = sum(abs(f - dpi) <= 0.1 * dpi for f in found)
        rows.append(f"| {dpi} dpi | {len(found)} | {min(found)}-{max(found)} | {close}/{len(found)} |")
    return "\n".join([
        f"Command: `{command} --dpi-check`", "",
        "The resolution of an image file that does not say (a JPEG from a phone), estimated from "
        "the median height of its ink's connected components (`ocr.estimate_dpi`), on every page "
        "of the six real scans rendered at a known resolution.", "", *rows])


def _d_or_horn(read: str, meant: str) -> bool:
    """Whether ``meant`` is ``read`` with d/đ or o/ơ swapped (one letter), tones the same."""
    from chinhsach.text.normalize import split_tones

    base, tones = split_tones(read)
    meant_base, meant_tones = split_tones(meant)
    if tones != meant_tones or len(base) != len(meant_base):
        return False
    diff = [(a, b) for a, b in zip(base, meant_base, strict=True) if a != b]
    return len(diff) == 1 and diff[0] in {("d", "đ"), ("đ", "d"), ("o", "ơ"), ("ơ", "o")}


def confusions_section(command: str) -> str:
    """The d/đ and o/ơ repairs (by the dictionary, as dropped marks are put back) measured:
    on the real gold pages as read, and on correct text (every change there is wrong)."""
    def repaired(text: str) -> str:
        return "\n".join(ocr.correct_marks(line, confusion=_d_or_horn)
                         for line in text.splitlines())

    gold = gold_samples()
    run_ocr(gold)
    before, after = ZERO, ZERO
    for sample in gold:
        text = cleaned(sample)
        before = before + rates(sample.reference, text)
        after = after + rates(sample.reference, repaired(text))
    files = [SEED, *sorted(GOLD.glob("*.txt"))]
    plans = real_documents() / "plans"
    if plans.is_dir():
        files += sorted(plans.glob("*.md"))
    words, changed = 0, []
    for path in files:
        for line in gold_text(path.read_text(encoding="utf-8"), printed_only=False).splitlines():
            line = unicodedata.normalize("NFC", line)
            words += len(line.split())
            changed += [f"{a} → {b}" for a, b in zip(line.split(), repaired(line).split(),
                                                       strict=False) if a != b]
    return "\n".join([
        f"Command: `{command} --confusions`", "",
        "Two more OCR confusions repaired the way dropped marks are (a syllable that forms no "
        "dictionary word with its neighbours, replaced by the one spelling that does): d/đ and "
        "o/ơ. Not in the clean-up.", "",
        "| measure | without | with d/đ, o/ơ repaired |", "|---|---|---|",
        f"| {len(gold)} real gold pages, CER / WER | {fmt(before).replace(' |', ' /')} | "
        f"{fmt(after).replace(' |', ' /')} |",
        f"| correct text ({len(files)} files, {words} words): words changed | 0 | "
        f"{len(changed)} ({', '.join(sorted(set(changed))[:12])}) |",
    ])


def cleanup_section(command: str) -> str:
    """What the clean-up does to text that is already right: the seed, the gold pages and the
    real plans (``../shared/real/plans``, when there); every changed word is a wrong change."""
    files = [SEED, *sorted(GOLD.glob("*.txt"))]
    plans = real_documents() / "plans"
    if plans.is_dir():
        files += sorted(plans.glob("*.md"))
    words = 0
    changes: list[str] = []
    for path in files:
        for line in gold_text(path.read_text(encoding="utf-8"), printed_only=False).splitlines():
            line = unicodedata.normalize("NFC", line)
            out = ocr.clean_text(line, ("marks",))
            words += len(line.split())
            changes += [f"{a} → {b}" for a, b in zip(line.split(), out.split(), strict=False)
                        if a != b]
    shown = ", ".join(sorted(set(changes))[:30])
    return "\n".join([
        f"Command: `{command}`", "",
        f"The step that puts back dropped marks, run on {len(files)} files of correct text (the "
        "seed, the gold pages"
        + (", the real plans of `../shared/real/plans/`" if plans.is_dir() else "") + f"): "
        f"{words} words, {len(changes)} changed ({100 * len(changes) / max(words, 1):.3f}%), all "
        f"wrong since the text was right: {shown}.",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write into evaluation/RESULTS.md")
    parser.add_argument("--sweep", action="store_true", help="also the rendering-dpi sweep")
    parser.add_argument("--pages", type=int, default=None,
                        help="at most this many pages per generated document (default: all)")
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--skew-check", action="store_true",
                        help="only straightening: turned pages read with and without it")
    parser.add_argument("--confusions", action="store_true",
                        help="only the d/đ and o/ơ repairs measured (not in the clean-up)")
    parser.add_argument("--dpi-check", action="store_true",
                        help="only the resolution estimate of images (seconds, no OCR)")
    parser.add_argument("--only-cleanup", action="store_true",
                        help="only the clean-up on correct text (seconds)")
    args = parser.parse_args()
    load = os.getloadavg()
    reason = ocr.unavailable_reason()
    if reason:
        sys.exit(f"skipped: {reason}")
    command = "PYTHONPATH=src .venv/bin/python evaluation/ocr_eval.py --write" + (
        f" --pages {args.pages}" if args.pages else "") + (
        " --skip-synthetic" if args.skip_synthetic and not args.skew_check else "") + (
        " --skip-real" if args.skip_real and not args.skew_check else "")
    sections: dict[str, str] = {}
    sections["OCR: clean-up on correct text"] = cleanup_section(command)
    print(sections["OCR: clean-up on correct text"], "\n", flush=True)
    if args.skew_check:
        sections = {"OCR: straightening": skew_section(command)}
        print(sections["OCR: straightening"], flush=True)
    if args.dpi_check:
        sections = {"OCR: resolution of images": dpi_section(command)}
        print(sections["OCR: resolution of images"], flush=True)
    if args.confusions:
        sections = {"OCR: other confusions": confusions_section(command)}
        print(sections["OCR: other confusions"], flush=True)
    if args.only_cleanup or args.skew_check or args.dpi_check or args.confusions:
        args.skip_synthetic = args.skip_real = True
    if not args.skip_synthetic:
        started = time.perf_counter()
        samples = synthetic_samples(args.pages)
        run_ocr(samples)
        sections["OCR: generated pages"] = synthetic_section(samples, command)
        print(sections["OCR: generated pages"], f"\n({time.perf_counter() - started:.0f} s)\n",
              flush=True)
    if not args.skip_real:
        if not scans_dir().is_dir():
            print(f"real scans skipped: {scans_dir()} not found")
        else:
            samples = gold_samples()
            run_ocr(samples)
            no_layout = gold_samples()
            run_ocr(no_layout, layout=False)
            sections["OCR: real scans"] = real_section(samples, no_layout, command)
            print(sections["OCR: real scans"], "\n", flush=True)
            sections["OCR: real scans searchable, header read"] = search_section(command)
            print(sections["OCR: real scans searchable, header read"], "\n", flush=True)
    if args.sweep:
        sections["OCR: rendering resolution"] = sweep_section(
            "PYTHONPATH=src .venv/bin/python evaluation/ocr_eval.py --write --sweep")
    timed = ("OCR: generated pages", "OCR: real scans", "OCR: real scans searchable, header read",
             "OCR: rendering resolution")
    for title in timed:
        if title in sections:  # seconds depend on what else ran on the cores
            first, rest = sections[title].split("\n\n", 1)
            sections[title] = (f"{first} · load average at start {load[0]:.2f}/{load[1]:.2f}/"
                               f"{load[2]:.2f} (other processes shared the cores: times are upper "
                               f"bounds)\n\n{rest}")
    if args.write:
        from results_md import replace_section

        for title, body in sections.items():
            replace_section(title, body)


if __name__ == "__main__":
    main()
