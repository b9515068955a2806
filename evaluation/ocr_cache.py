"""A cache of raw OCR pages for evaluation runs that read the same scans again and again.

    with ocr_cache.cached("/tmp/some-dir"):
        parse("scan.pdf", ocr="auto")

Recognition (Tesseract, 10-20 s a page on two cores) is the slow part of reading a scan; the
extraction that follows takes well under a second. Inside :func:`cached`, every PDF page the
readers send to OCR is recognised once, **uncleaned**, and pickled under the directory (keyed by
the file's SHA-1, the page and the resolution); later runs load it and apply
:func:`chinhsach.ingest.ocr.clean_page`, the same code ``ocr_image`` runs, so a change to the
post-OCR clean-up or to anything after it is measured as a fresh run would measure it. A change to
recognition itself (layout, rendering, skew) needs an empty directory. Keep the directory outside
the repository: it holds the scans' text.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from chinhsach.ingest import ocr


@contextmanager
def cached(folder: str | Path) -> Iterator[None]:
    """While inside, OCR of PDF pages goes through the raw-page cache in ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    original = ocr.read_pdf_page
    digests: dict[str, str] = {}

    def read_pdf_page(path: str | Path, index: int, dpi: int = ocr.DEFAULT_DPI) -> ocr.OcrPage:
        key = str(Path(path).resolve())
        if key not in digests:
            digests[key] = hashlib.sha1(Path(path).read_bytes()).hexdigest()
        store = folder / f"{digests[key]}-p{index}-{dpi}.pickle"
        if store.is_file():
            raw = pickle.loads(store.read_bytes())
        else:
            import pypdfium2 as pdfium

            with ocr.PDFIUM_LOCK:
                pdf = pdfium.PdfDocument(str(path))
                try:
                    image = ocr.render_pdf_page(pdf, index, dpi)
                finally:
                    pdf.close()
            raw = ocr.ocr_image(image, dpi, clean=False)
            store.write_bytes(pickle.dumps(raw))
        return ocr.clean_page(raw)

    ocr.read_pdf_page = read_pdf_page
    try:
        yield
    finally:
        ocr.read_pdf_page = original
