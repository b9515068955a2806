"""Suspect typos (``suspect_typo``): real-word slips of a mark or a letter, found without a list.

A plan's typos that change meaning are real words put in place of others: "nâng lực" for "năng
lực" (capacity), "xây dụng" for "xây dựng", "mở tại khoản" for "mở tài khoản", "Sở Sây dựng" for
"Sở Xây dựng", "cai nghiện tự nghiện" for "tự nguyện". Each syllable is Vietnamese, so a spelling
list cannot see them, and a list of known slips finds only the slips it lists (the list this
module replaced found 1 of the 9 such slips in the gold of the seed and the development plans;
this module finds 6). Two kinds of general evidence find them instead:

1. **The document against itself** (:func:`document_typos`). Two adjacent syllables P, as
   printed, are a slip for a variant V when all of these hold:

   - P is not a word of underthesea's dictionary (VLSP 2013, read through
     :mod:`chinhsach.text.tokens`), nor is either syllable part of a dictionary word with its
     other neighbour ("hình | thực hiện" is two words, not a slip for "hình thức");
   - each syllable of P is a Vietnamese syllable (one the dictionary spells): slips into
     non-words ("măt hàng") change no meaning, and a spelling checker shows them already;
   - the two syllables are not both capitalised (a name: "Gò Công Đông" beside "cộng đồng");
   - V is a dictionary word printed in the same document that differs from P in one syllable:
     by tone or vowel marks (same folded form, :func:`chinhsach.text.normalize.fold`), or by one
     letter with the same tone ("sây" / "xây"; two letters in a syllable of six letters or more,
     "nghiện" / "nguyện");
   - the dictionary does not spell the differing syllable both ways beside one partner in the
     same slot ("hằng ngày" and "hàng ngày" are both words, so "hằng năm" beside "hàng năm" is a
     spelling of one word, not a slip);
   - **self-consistency**: P is printed at most ``MAX_PRINTED`` times and V at least
     ``MIN_RATIO`` times as often: a slip is a one-off against the document's usual spelling;
   - **context**: V is printed next to one of P's neighbours ("nâng cao **nâng lực**" against
     "nâng cao năng lực"): this keeps "quy định tại khoản 2" quiet in a plan that prints "mở tài
     khoản" everywhere;
   - **the slip's other side**: the printed syllable does not go with its outer neighbour more
     often than P is printed ("nguồn nước phải được": "phải được" is printed everywhere);
   - **share**: V is at least ``MIN_SHARE`` of the pairs the unchanged syllable forms in its
     slot ("xây _" is "xây dựng" 16 times in 17; "nước _" is "nước thải" 3 times in 229).

2. **A target's unit that is no word** (:func:`unit_typo`). The unit of a count ("bác sỹ/10.000
   dân") names a thing, a noun of the dictionary. A unit of two or more syllables that no
   dictionary word spells, while exactly one dictionary word spells its folded form with other
   marks on one syllable (one slip), is that word misprinted: "01 được sỹ/10.000 dân" → "dược
   sĩ". No document evidence is needed, as the position itself asks for a noun. Of the units of
   the nine development documents' targets this flags that one only; without the one-syllable
   condition it also took "109 bé trai/100 bé gái" for "bề trái".

Spellings with "y" or "i" after a consonant ("bác sỹ", "bác sĩ") are one spelling here: the
dictionary keeps one of them, documents print both.

Measured (``evaluation/extraction_eval.py`` on the seed and the eight development plans;
``evaluation/typo_audit.py`` on 3,980 articles of statutes: ALQAC without the fresh-check laws,
the six DOCX laws, HNMU.pdf; ``evaluation/RESULTS.md``, "Typo warnings (typos, session 8)"). With all
conditions, the document's evidence flags 7 phrases in the development plans: the gold's 5
real-word slips of one mark or letter (nâng lực, xây dụng, mở tại khoản, Sở Sây dựng, tự nghiện)
and "Ủy bân", "ứng dựng" (true slips the gold does not list); on the statutes 1 ("ghi nhãn sản
phẩn", a true slip), 0.3 per 1,000 articles. Each condition was kept for what it removes there,
the development plans' 7 flags staying the same:

==============================  =========================================
without                         statutes: warnings (all false but 1)
==============================  =========================================
share                           8 ("nước phải" → "nước thải", "chắt ruột")
the slip's other side           4 ("mức do hai bên" → "mức độ", "đấu nối với")
both of them                    15
context                         4 (2 true), 4 more in the plans (1 true)
context, share and other side   74, and 7 more in the plans
==============================  =========================================

The share threshold sits between the slips' shares (0.24 "năng lực" to 0.96) and the statutes'
false alarms (0.013 to 0.063). The gold's slips that only the dictionary could find ("nợ động" for
"nợ đọng", "cho thuế đất" for "cho thuê", printed once with the right word printed nowhere) are
left: the dictionary alone proposes some 430 such variants in the twelve gold documents,
nearly all of them right as printed ("số người" / "sổ người").
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from chinhsach.text.normalize import canonical_tones, fold, split_tones
from chinhsach.text.tokens import dictionary_entries, word_dictionary

#: A phrase printed more often than this is the writer's spelling, not a slip.
MAX_PRINTED = 2
#: The variant must be printed at least this many times as often as the phrase.
MIN_RATIO = 2
#: The variant's share of the pairs the unchanged syllable forms in its slot ("xây _": 16 of 17
#: are "xây dựng"). Slips measured 0.24-0.96, statutes' false alarms 0.013-0.063 (module docstring).
MIN_SHARE = 0.15
#: Longest dictionary word looked for around a phrase (words of the dictionary run to 6 syllables;
#: 4 covers all but a few dozen of them).
_MAX_WORD = 4

# Syllables and numbers; a number is a token so that it breaks adjacency ("năm 2030 đạt").
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
# Clause punctuation (and the slash of "bác sỹ/10.000 dân"): pairs do not cross it.
_CLAUSE_RE = re.compile(r"[.;:!?,()\[\]\"“”‘’/\n]")
_Y_TO_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")
_PLAIN_VOWELS = set("aeiouy")


@dataclass(frozen=True)
class SuspectTypo:
    """A phrase as printed, its correction (case as printed), the text it is in (index into the
    texts given) and how often the correction is printed in the document (0: from the
    dictionary alone)."""

    printed: str
    correction: str
    text_index: int
    evidence: int


_fold_syllable = functools.lru_cache(maxsize=65536)(fold)


@functools.lru_cache(maxsize=65536)  # a language has some ten thousand syllables, cased a few ways
def spelling_key(syllable: str) -> str:
    """A lower-case syllable with canonical tone placement and a final "y" after a consonant
    written "i" ("sỹ" → "sĩ", "kỹ" → "kĩ"; "quy", "tuy" keep theirs)."""
    s = canonical_tones(syllable.lower())
    if len(s) > 1 and s[-1] in "yýỳỷỹỵ" and fold(s[-2]) not in _PLAIN_VOWELS:
        s = s[:-1] + s[-1].translate(_Y_TO_I)
    return s


@dataclass(frozen=True)
class _Lexicon:
    words: frozenset[str]  # words of two or more syllables, keys joined by spaces
    syllables: frozenset[str]  # every syllable the dictionary spells
    by_fold: dict[str, tuple[str, ...]]  # folded word → words
    right: dict[str, frozenset[str]]  # first syllable → second syllables of two-syllable words
    left: dict[str, frozenset[str]]  # second syllable → first syllables


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon | None:
    """Tables over underthesea's dictionary (through :func:`chinhsach.text.tokens.word_dictionary`,
    the one segmentation reads); None when the installed underthesea keeps none."""
    table = word_dictionary()
    entries = dictionary_entries()
    if table is None or entries is None:
        return None
    words = {" ".join(spelling_key(s) for s in w.split()) for w in table if " " in w}
    by_fold: dict[str, list[str]] = defaultdict(list)
    right: dict[str, set[str]] = defaultdict(set)
    left: dict[str, set[str]] = defaultdict(set)
    for w in words:
        by_fold[fold(w)].append(w)
        parts = w.split()
        if len(parts) == 2:
            right[parts[0]].add(parts[1])
            left[parts[1]].add(parts[0])
    sylls = frozenset(spelling_key(s) for e in entries for s in str(e).split())
    return _Lexicon(frozenset(words), sylls, {k: tuple(sorted(v)) for k, v in by_fold.items()},
                    {k: frozenset(v) for k, v in right.items()}, {k: frozenset(v) for k, v in left.items()})


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _in_word(words: frozenset[str], keys: list[str | None], j: int) -> bool:
    """Whether the pair at ``j`` is a word, or either of its syllables is part of a dictionary
    word with a neighbour ("hình | thực hiện")."""
    for start in range(max(0, j - _MAX_WORD + 1), j + 2):
        for n in range(max(2, j + 1 - start), _MAX_WORD + 1):  # spans reaching position j
            span = keys[start : start + n]
            if len(span) == n and None not in span and " ".join(span) in words:  # type: ignore[arg-type]
                return True
    return False


@functools.lru_cache(maxsize=65536)
def _letter_slip(printed: str, meant: str) -> bool:
    """One syllable for another with the same tone and one letter off (two for long syllables):
    "sây"/"xây", "nghiện"/"nguyện"; not "mới"/"có" or "được"/"tộc"."""
    if split_tones(printed)[1] != split_tones(meant)[1]:
        return False
    a, b = fold(printed), fold(meant)
    return a != b and 3 * _edit_distance(a, b) <= max(len(a), len(b))


def _spelling_variants(lex: _Lexicon, pair: tuple[str, str], meant: tuple[str, str]) -> bool:
    """Whether the dictionary spells the differing syllable both ways beside one partner in the
    same slot ("hằng ngày", "hàng ngày"): then the two are spellings of one word."""
    if pair[0] != meant[0]:
        return bool(lex.right.get(pair[0], frozenset()) & lex.right.get(meant[0], frozenset()))
    return bool(lex.left.get(pair[1], frozenset()) & lex.left.get(meant[1], frozenset()))


def _slot_total(pairs: Counter[tuple[str, str]], by_first: dict[str, set[str]],
                by_second: dict[str, set[str]], pair: tuple[str, str], meant: tuple[str, str]) -> int:
    """How often the syllable the slip left unchanged is printed in its slot, with any partner."""
    if meant[0] == pair[0]:
        return sum(pairs[pair[0], y] for y in by_first[pair[0]])
    return sum(pairs[x, pair[1]] for x in by_second[pair[1]])


def _correct(printed: str, key: str) -> str:
    """``printed`` with its syllables that differ from ``key`` replaced, in the printed case; a
    syllable the key only respells ("sỹ" for "sĩ") stays as printed."""
    out = []
    for p, k in zip(printed.split(), key.split(), strict=False):
        if spelling_key(p) == k:
            out.append(p)
        else:
            out.append(k.upper() if p.isupper() and len(p) > 1 else (k[0].upper() + k[1:] if p[0].isupper() else k))
    return " ".join(out)


def _clauses(text: str) -> list[list[re.Match[str]]]:
    return [list(_TOKEN_RE.finditer(text, c.start(), c.end()))
            for c in re.finditer(r"[^.;:!?,()\[\]\"“”‘’/\n]+", text)]


def document_typos(texts: Sequence[str]) -> list[SuspectTypo]:
    """Suspect slips in the texts of one document (its segments), first occurrence of each,
    in order of the texts (see the module's docstring for the conditions)."""
    lex = _lexicon()
    if lex is None:
        return []
    clauses = [(i, tokens) for i, text in enumerate(texts) for tokens in _clauses(text)]
    keys = [[spelling_key(m.group()) if not m.group()[0].isdigit() else None for m in tokens]
            for _, tokens in clauses]
    pairs: Counter[tuple[str, str]] = Counter()
    before: Counter[tuple[str | None, str, str]] = Counter()  # (left neighbour, pair)
    after: Counter[tuple[str, str, str | None]] = Counter()  # (pair, right neighbour)
    by_first: defaultdict[str, set[str]] = defaultdict(set)
    by_second: defaultdict[str, set[str]] = defaultdict(set)
    by_fold: defaultdict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for k in keys:
        for j in range(len(k) - 1):
            a, b = k[j], k[j + 1]
            if a is None or b is None:
                continue
            pairs[a, b] += 1
            before[k[j - 1] if j else None, a, b] += 1
            after[a, b, k[j + 2] if j + 2 < len(k) else None] += 1
            by_first[a].add(b)
            by_second[b].add(a)
            by_fold[_fold_syllable(a), _fold_syllable(b)].add((a, b))

    found: list[SuspectTypo] = []
    seen: set[tuple[str, str]] = set()
    for (index, tokens), k in zip(clauses, keys, strict=True):
        flagged = -1  # last token already in a flagged pair: one slip, one warning
        for j in range(len(k) - 1):
            a, b = k[j], k[j + 1]
            if a is None or b is None or j <= flagged:
                continue
            pair = (a, b)
            if pair in seen or not 0 < pairs[pair] <= MAX_PRINTED:
                continue
            if a not in lex.syllables or b not in lex.syllables or _in_word(lex.words, k, j):
                continue
            printed_a, printed_b = tokens[j].group(), tokens[j + 1].group()
            if printed_a[0].isupper() and printed_b[0].isupper():
                continue
            prev, nxt = (k[j - 1] if j else None), (k[j + 2] if j + 2 < len(k) else None)
            variants = set(by_fold[_fold_syllable(a), _fold_syllable(b)])
            variants |= {(a, y) for y in by_first[a] if _letter_slip(b, y)}
            variants |= {(x, b) for x in by_second[b] if _letter_slip(a, x)}
            variants.discard(pair)
            best: tuple[str, str] | None = None
            for v in variants:
                if " ".join(v) not in lex.words or pairs[v] < MIN_RATIO * pairs[pair]:
                    continue
                if (v[0] != a) + (v[1] != b) != 1 or _spelling_variants(lex, pair, v):
                    continue
                if not ((prev is not None and before[prev, v[0], v[1]]) or
                        (nxt is not None and after[v[0], v[1], nxt])):
                    continue
                # The printed syllable goes with its other neighbour elsewhere: it belongs there.
                outer = (prev, a) if v[0] != a else (b, nxt)
                if None not in outer and pairs[outer] > pairs[pair]:  # type: ignore[index]
                    continue
                # The unchanged syllable must mostly come with the variant: "xây" is "xây dựng"
                # 16 times in 17, "nước" is "nước thải" 3 times in 229 (a statute's "nước phải").
                if pairs[v] < MIN_SHARE * _slot_total(pairs, by_first, by_second, pair, v):
                    continue
                if best is None or pairs[v] > pairs[best]:
                    best = v
            if best is None:
                continue
            seen.add(pair)
            flagged = j + 1
            printed = texts[index][tokens[j].start() : tokens[j + 1].end()]
            found.append(SuspectTypo(printed, _correct(printed, " ".join(best)), index, pairs[best]))
    return found


def unit_typo(unit: str) -> str | None:
    """The dictionary word a target's unit misprints, or None: the noun of the unit (before "/")
    is no dictionary word while exactly one word spells its folded form with other marks
    ("được sỹ" → "dược sĩ"). Case as printed."""
    lex = _lexicon()
    noun = unit.split("/")[0].strip()
    # A multiplier belongs to the number ("N triệu đồng": income and output targets of a
    # district's chỉ tiêu list and a district industry plan): "triệu đồng" is no dictionary
    # word, and its one look-alike "triệu đông" made every such target a suspect typo.
    multiplier = re.match(r"(?:nghìn|ngàn|triệu|tỷ|tỉ)\s+", noun, flags=re.IGNORECASE)
    head, noun = (noun[:multiplier.end()], noun[multiplier.end():]) if multiplier else ("", noun)
    tokens = list(_TOKEN_RE.finditer(noun))
    if lex is None or len(tokens) < 2 or any(t.group()[0].isdigit() for t in tokens):
        return None
    key = " ".join(spelling_key(t.group()) for t in tokens)
    if key in lex.words or any(s not in lex.syllables for s in key.split()):
        return None
    # One slip: exactly one syllable differs ("bé trai" → "bề trái" would take two).
    variants = [v for v in lex.by_fold.get(fold(key), ())
                if sum(x != y for x, y in zip(v.split(), key.split(), strict=True)) == 1]
    if len(variants) != 1:
        return None
    return head + _correct(noun, variants[0])


def suspect_typos(text: str) -> list[tuple[str, str]]:
    """Suspect slips in one text read as a whole document: ``[(as printed, correction)]``."""
    return [(t.printed, t.correction) for t in document_typos([text])]


__all__ = ["MAX_PRINTED", "MIN_RATIO", "SuspectTypo", "document_typos", "spelling_key", "suspect_typos",
           "unit_typo"]
