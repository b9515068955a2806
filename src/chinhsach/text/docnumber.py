"""Document numbers (số hiệu) and document types: one spelling, one join key.

"2161/qd-ttg", "2161/QĐ-TTg" and "2161 / QD-TTG" are the same number; the kind code inside a
number ("KH", "NQ", "QĐ") names the document type (Kế hoạch, Nghị quyết, Quyết định).
"""

from __future__ import annotations

import re

from chinhsach.text.normalize import fold, normalize_text

# Kind codes inside numbers (folded upper) → doc_type: 42-NQ/TW, 2161/QĐ-TTg, 08-QĐi/TW.
KIND_CODES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết",
    "KH": "Kế hoạch",
    "KHLT": "Kế hoạch",
    "QD": "Quyết định",
    "ND": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "TTR": "Tờ trình",
    "CTR": "Chương trình",
    "HD": "Hướng dẫn",
    "BC": "Báo cáo",
    "TB": "Thông báo",
    "DA": "Đề án",
    "QDI": "Quy định",
    "QC": "Quy chế",
    "CV": "Công văn",
    "CD": "Công điện",
}


# Codes of issuers and document kinds inside document numbers, keyed by their folded upper form;
# the value is the spelling used in official numbers (QĐ-TTg, NQ-HĐND, TTr-SLĐTBXH).
_NUMBER_CODES = {
    "QD": "QĐ", "ND": "NĐ", "HDND": "HĐND", "TTG": "TTg", "TTR": "TTr", "CTR": "CTr",
    "DU": "ĐU", "BCSD": "BCSĐ", "DDT": "ĐĐT", "BLDTBXH": "BLĐTBXH", "SLDTBXH": "SLĐTBXH",
    "LDTBXH": "LĐTBXH", "DHDCD": "ĐHĐCĐ", "VPDU": "VPĐU", "BTGTU": "BTGTU",
    "QDI": "QĐi", "SGDDT": "SGDĐT", "BGDDT": "BGDĐT", "SKHDT": "SKHĐT", "BKHDT": "BKHĐT",
}
_NUMBER_SPACES = re.compile(r"\s*([/-])\s*")


def canonical_doc_number(number: str) -> str:
    """One spelling for a document number (số hiệu): "2161/qd-ttg" → "2161/QĐ-TTg".

    Spaces around separators go, letters go upper case, and code words get their official
    spelling with Đ (QĐ, NĐ, HĐND) and mixed case (TTg, TTr) from a table of known codes.
    """
    number = normalize_text(number).strip(" .,;:")
    number = _NUMBER_SPACES.sub(r"\1", number)
    parts = re.split(r"([/-])", number)
    out = []
    for part in parts:
        if part in "/-" or part.isdigit():
            out.append(part)
            continue
        key = fold(part).upper()
        out.append(_NUMBER_CODES.get(key, part.upper()))
    return "".join(out)


def doc_number_key(number: str) -> str:
    """A join key for document numbers that ignores đ/d, case and spacing."""
    return fold(canonical_doc_number(number)).upper()
