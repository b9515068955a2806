"""Which Python binding drives Tesseract: pytesseract, tesserocr or ocrmypdf, measured.

    PYTHONPATH=src .venv/bin/python evaluation/ocr_bindings.py [--dpi 300] [--write]

Each candidate reads the first page of every real scan that has a gold transcription
(``evaluation/gold/ocr/*.txt``; the scans themselves stay in ``../shared/real/ingestion/
pdf_scanned/``) with the Vietnamese model, one thread (``OMP_THREAD_LIMIT=1``: the build runs
pages in parallel instead), page segmentation mode 3 (automatic layout). Reported: seconds
per page, CER / WER against the gold (printed text), and what the binding gives back (line
confidence, layout). pytesseract and tesserocr get the same page image, rendered by pypdfium2;
ocrmypdf renders the PDF itself and adds a text layer, read back with pypdfium2.

The candidates that are not installed are skipped (only the chosen one is a dependency of
chinhsach): ``pip install pytesseract ocrmypdf`` to measure them all.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ocr_metrics import ROOT, ZERO, Rates, gold_text, rates, real_documents  # noqa: E402

SCANS = real_documents() / "ingestion" / "pdf_scanned"
GOLD = ROOT / "evaluation" / "gold" / "ocr"
TESSDATA = Path("/usr/share/tesseract-ocr/5/tessdata")


def render(pdf_path: Path, dpi: int) -> object:
    """First page as a grayscale PIL image at ``dpi``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return pdf[0].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        pdf.close()


def with_pytesseract() -> Callable[[Path, int], str] | None:
    try:
        import pytesseract
    except ImportError:
        return None

    def run(pdf_path: Path, dpi: int) -> str:
        image = render(pdf_path, dpi)
        data = pytesseract.image_to_data(image, lang="vie", config="--psm 3",
                                         output_type=pytesseract.Output.DICT)
        lines: dict[tuple[int, int, int], list[str]] = {}
        for i, word in enumerate(data["text"]):
            if word.strip():
                key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
                lines.setdefault(key, []).append(word)
        return "\n".join(" ".join(words) for words in lines.values())

    return run


def with_tesserocr() -> Callable[[Path, int], str] | None:
    try:
        import tesserocr
    except ImportError:
        return None
    api = tesserocr.PyTessBaseAPI(path=str(TESSDATA), lang="vie", psm=tesserocr.PSM.AUTO)

    def run(pdf_path: Path, dpi: int) -> str:
        api.SetImage(render(pdf_path, dpi))
        api.Recognize()
        lines = []
        iterator = api.GetIterator()
        level = tesserocr.RIL.TEXTLINE
        for line in tesserocr.iterate_level(iterator, level):
            text = line.GetUTF8Text(level)
            if text and text.strip():
                lines.append(text.strip())
        return "\n".join(lines)

    return run


def with_ocrmypdf() -> Callable[[Path, int], str] | None:
    if shutil.which("ocrmypdf") is None and not _module_available("ocrmypdf"):
        return None

    def run(pdf_path: Path, dpi: int) -> str:
        import pypdfium2 as pdfium

        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out.pdf"
            subprocess.run(
                [sys.executable, "-m", "ocrmypdf", "-q", "-l", "vie", "--jobs", "1",
                 "--pages", "1", "--output-type", "pdf", "--invalidate-digital-signatures", "--oversample", str(dpi),
                 str(pdf_path), str(out)],
                check=True, capture_output=True,
            )
            pdf = pdfium.PdfDocument(str(out))
            try:
                return pdf[0].get_textpage().get_text_range()
            finally:
                pdf.close()

    return run


def _module_available(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


CAPABILITIES = {
    "pytesseract": "word confidences (TSV; line = mean of words); blocks/lines from the TSV; "
                   "one tesseract process per call",
    "tesserocr": "line confidence and box from the result iterator; blocks and lines; "
                 "model loaded once per thread; releases the GIL while recognising",
    "ocrmypdf": "a text layer in a new PDF; no confidences back; line order from the PDF "
                "reader; refuses signed PDFs (U9c) unless told to invalidate the signature",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--write", action="store_true", help="write into evaluation/RESULTS.md")
    args = parser.parse_args()
    if not SCANS.is_dir():
        sys.exit(f"skipped: the real scans are not in {SCANS}")
    golds = sorted(GOLD.glob("*.txt"))
    candidates = {"pytesseract": with_pytesseract(), "tesserocr": with_tesserocr(),
                  "ocrmypdf": with_ocrmypdf()}
    rows = []
    for name, run in candidates.items():
        if run is None:
            print(f"{name}: not installed, skipped")
            continue
        total, total_plain, times = ZERO, ZERO, []
        for gold in golds:
            reference = gold_text(gold.read_text(encoding="utf-8"), printed_only=True)
            start = time.perf_counter()
            text = run(SCANS / f"{gold.stem}.pdf", args.dpi)
            times.append(time.perf_counter() - start)
            total = total + rates(reference, text)
            total_plain = total_plain + rates(reference, text, diacritics=False)
            print(f"{name} {gold.stem}: {times[-1]:.2f} s, CER {rates(reference, text).cer:.4f}")
        rows.append((name, statistics.mean(times), total, total_plain))
    lines = [
        f"Command: `PYTHONPATH=src .venv/bin/python evaluation/ocr_bindings.py --dpi {args.dpi}"
        " --write`",
        "",
        f"First pages of {len(golds)} real scans with hand-made gold (printed text), rendered at "
        f"{args.dpi} dpi, one thread, `--psm 3` on the whole page (no column split, no clean-up: "
        "the bindings alone), Tesseract's `vie` model from Debian. pytesseract and ocrmypdf run "
        "Debian's `tesseract` 5.3; tesserocr's wheel carries libtesseract 5.5.",
        "",
        "| binding | s/page | CER | WER | CER no diacritics | what it returns |",
        "|---|---|---|---|---|---|",
    ]
    for name, seconds, total, plain in rows:
        assert isinstance(total, Rates)
        lines.append(f"| {name} | {seconds:.2f} | {total.cer:.4f} | {total.wer:.4f} | "
                     f"{plain.cer:.4f} | {CAPABILITIES[name]} |")
    body = "\n".join(lines)
    print(body)
    if args.write:
        from results_md import replace_section

        replace_section("OCR: Tesseract bindings", body)


if __name__ == "__main__":
    main()
