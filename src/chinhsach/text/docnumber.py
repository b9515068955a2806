"""Document numbers (số hiệu) and document types: one spelling, one join key.

"2161/qd-ttg", "2161/QĐ-TTg" and "2161 / QD-TTG" are the same number; the kind code inside a
number ("KH", "NQ", "QĐ") names the document type (Kế hoạch, Nghị quyết, Quyết định).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from chinhsach.text.normalize import fold, normalize_text


@dataclass(frozen=True)
class DocType:
    """A document type (loại văn bản) as ``data/doc_types.json`` describes it."""

    name: str  # "Kế hoạch"
    codes: tuple[str, ...]  # kind codes inside numbers, folded upper: ("KH", "KHLT")
    words: tuple[str, ...]  # type words: ("kế hoạch",)
    plan: bool = False  # a plan or programme that carries out another document
    capitalised_only: bool = False  # "Luật" counts, "pháp luật" does not
    named: bool = False  # a name may stand before "số": Luật Việc làm số 38/2013/QH13


@cache
def _data() -> dict:
    return json.loads(files("chinhsach").joinpath("data/doc_types.json").read_text(encoding="utf-8"))


DOC_TYPES: tuple[DocType, ...] = tuple(
    DocType(t["name"], tuple(t["codes"]), tuple(t["words"]), t.get("plan", False),
            t.get("capitalised_only", False), t.get("named", False))
    for t in _data()["types"]
)
# Derived views, for the matchers that need them.
KIND_CODES: dict[str, str] = {code: t.name for t in DOC_TYPES for code in t.codes}
TYPE_WORDS: dict[str, str] = {fold(w): t.name for t in DOC_TYPES for w in t.words}  # folded word
# The type words as spelled: a scan's OCR drops or swaps accents in a header's capitals ("KE
# HOẠCH", "QUYÉT ĐỊNH", "QUYET ĐỊNH" in s17 dev qd2439-btc-2022, cv1457-bkhdt-2019), and the type
# read from such a line must still be the type's own spelling ("Kế hoạch"), or the decision's
# "Ban hành kèm theo … Kế hoạch" finds no attached plan and the whole plan is lost.
_TYPE_SPELLING: dict[str, str] = {fold(w): w for t in DOC_TYPES for w in t.words}
PLAN_CODES: frozenset[str] = frozenset(c for t in DOC_TYPES if t.plan for c in t.codes)
_NUMBER_CODES: dict[str, str] = _data()["code_spellings"]


def title_type(title: str) -> str | None:
    """The type a header's title line starts with, in sentence case: "KẾ HOẠCH" → "Kế hoạch",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG thực hiện …" → "Chương trình hành động"; None for other lines."""
    folded = fold(" ".join(title.split()))
    for word in sorted(_TYPE_SPELLING, key=len, reverse=True):
        if folded == word or folded.startswith(word + " "):
            spelled = _TYPE_SPELLING[word]
            return spelled[:1].upper() + spelled[1:]
    return None


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


@dataclass(frozen=True)
class DocNumber:
    """A document number (số hiệu) read once: its one spelling, join key, kind and issuer codes.

    ``DocNumber.parse("19-kh/tw")`` → text "19-KH/TW", key "19-KH/TW", kind_code "KH",
    doc_type "Kế hoạch", issuer_codes ("TW",). "38/2013/QH13" has no kind code: its only
    letters are the issuer's.
    """

    text: str
    key: str
    kind_code: str | None
    issuer_codes: tuple[str, ...]

    @classmethod
    def parse(cls, number: str) -> DocNumber:
        text = canonical_doc_number(number)
        letters = [fold(p).upper() for p in re.split(r"[/-]", text) if p and not p[0].isdigit()]
        kind = letters[0] if len(letters) > 1 else None
        issuers = tuple(letters[1:] if len(letters) > 1 else letters)
        return cls(text, fold(text).upper(), kind, issuers)

    @property
    def doc_type(self) -> str | None:
        """The type its kind code names (42-NQ/TW → Nghị quyết), None when unknown."""
        return KIND_CODES.get(self.kind_code or "")

    @property
    def is_plan(self) -> bool:
        return self.kind_code in PLAN_CODES
