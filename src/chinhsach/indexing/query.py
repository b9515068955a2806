"""What a query becomes before the signals score it: question words out of its lexical terms.

Question words ("bao nhiêu", "là gì", "đúng hay sai", "có phải ... không", "chọn câu trả lời
đúng nhất") make a query a question or ask for a verdict; they say nothing of what it is about.
Statutes rarely contain them, so BM25 gives them a high weight and they pull in passages about
"sai phạm" or "lựa chọn"; a query's lexical terms leave them out (the dense model reads the
whole query). Measured on ALQAC (evaluation/alqac_eval.py --grid, RESULTS.md "ALQAC").
"""

from __future__ import annotations

import re

from chinhsach.text.normalize import fold

QUESTION_PHRASES = (
    "chọn câu trả lời đúng nhất", "chọn phương án đúng nhất", "chọn đáp án đúng nhất",
    "chọn câu trả lời đúng", "chọn phương án đúng", "chọn đáp án đúng",
    "là đúng hay sai", "đúng hay sai", "đúng hay không", "có đúng không", "đúng không",
    "có phải là", "có phải", "phải không", "hay không", "được không",
    "nào sau đây", "nào dưới đây", "sau đây", "dưới đây",
    "như thế nào", "thế nào", "ra sao", "bao nhiêu", "bao lâu", "bao giờ", "khi nào",
    "lúc nào", "ở đâu", "tại sao", "vì sao", "là gì", "gì", "nào",
    # A choice that only points at the others ("Cả A, B, C đều đúng", "Cả 3 phương án trên").
    "cả 3 phương án trên", "các phương án trên", "phương án trên", "đáp án trên",
    "đều đúng", "đều sai",
)
# Each phrase also without diacritics: a query typed without them keeps the syllables that
# the restorer could not place (a statute never says "gì", so "gi" stays "gi").
_QUESTION_FORMS = sorted({*QUESTION_PHRASES, *(fold(p) for p in QUESTION_PHRASES)}, key=len,
                         reverse=True)
_QUESTION_RE = re.compile(
    r"(?<![^\W_])(?:" + "|".join(re.escape(p) for p in _QUESTION_FORMS) + r")(?![^\W_])",
    re.IGNORECASE)


def question_word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the question words of ``text`` (normalised; a phrase matches with
    its diacritics, or with none at all)."""
    return [m.span() for m in _QUESTION_RE.finditer(text)]


def drop_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` without the given spans (each replaced by a space, so words stay apart)."""
    if not spans:
        return text
    pieces, last = [], 0
    for start, end in spans:
        pieces += [text[last:start], " "]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
