"""Which known unit a query means: fuzzy lookup across abbreviations, missing diacritics,
titles and the old and new names of merged departments (:class:`UnitDirectory`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from chinhsach.errors import UnknownUnitError
from chinhsach.extract.units import canonical_unit, unit_grammar
from chinhsach.text.bodies import unit_data
from chinhsach.text.normalize import fold, normalize_text

# ---------------------------------------------------------------------------------------------
# Directory: fuzzy lookup of a unit among the units an index knows
# ---------------------------------------------------------------------------------------------

# "Trưởng"/"Chánh" fold to words that also start unit names (Trường), so they are stripped only
# before the units they head.
_FOLD_TITLE_BEFORE = {
    "truong": ("ban", "phong", "cong an"),
    "pho truong": ("ban", "phong", "cong an"),
    "chanh": ("van phong", "thanh tra"),
    "pho chanh": ("van phong", "thanh tra"),
}


def _by_length(words: set[str]) -> list[str]:
    return sorted(words, key=lambda s: -len(s.split()))


# The level words and titles of units.json, folded, for the directory's lookup keys; "các cấp"
# is a plural level phrase the gazetteer never needs, and CT/PCT/GĐ/PGĐ are the titles'
# abbreviations in queries ("PGĐ Sở Y tế").
_FOLD_LEVELS = _by_length({fold(lv) for lv in unit_data()["levels"]} | {"cac cap"})
_FOLD_TITLES = _by_length({fold(t) for t in unit_data()["titles"]} - set(_FOLD_TITLE_BEFORE)
                          | {"ct", "pct", "gd", "pgd"})
_DROP = frozenset({"cac", "nhung", "va"})
_KEY_SPLIT_RE = re.compile(r"[^\w]+|_")


@dataclass(slots=True)
class _Form:
    key: str  # folded words, "các"/"và"/punctuation dropped, equivalences applied
    head: str  # key without its trailing level
    level: str | None
    words: tuple[str, ...]


class UnitDirectory:
    """Fuzzy lookup among the units known to an index ("duties of a unit").

    Scores: 1.0 the same unit (any spelling, abbreviation, diacritics, title); 0.9 the same
    body without/with a level ("Ủy ban nhân dân" ~ "Ủy ban nhân dân tỉnh") or a name prefix
    ("Ban Tuyên giáo" ~ "Ban Tuyên giáo Tỉnh ủy", 0.75–0.9 by length); 0.8 an old/new name of a
    merged body (Sở NN&PTNT ~ Sở Nông nghiệp và Môi trường), used by :meth:`resolve` only when
    nothing matches directly; below that, near spellings and containing names.
    """

    def __init__(self, names: Iterable[str]) -> None:
        rec = unit_grammar()
        self._names: list[str] = list(dict.fromkeys(n for n in names if n and n.strip()))
        self._forms = [self._form(canonical_unit(n) or normalize_text(n)) for n in self._names]
        # Old ↔ new names, by head key, both ways: 0.8 for a rename or merger, 0.7 when the
        # old body's duties were split between several new ones (only part carries over).
        self._succ: dict[str, dict[str, float]] = {}
        for e in rec.entries:
            weight = 0.8 if len(e.successors) == 1 else 0.7
            for s in e.successors:
                a, b = self._form(e.name).head, self._form(s).head
                self._succ.setdefault(a, {})[b] = weight
                self._succ.setdefault(b, {})[a] = weight
        self._vocab = {w for f in self._forms for w in f.words} | {
            w for e in rec.entries for w in self._form(e.name).words
        }
        self._folded_abbr = {fold(k).lower(): fold(v) for k, v in self._abbr_table().items()}

    @staticmethod
    def _abbr_table() -> dict[str, str]:
        rec = unit_grammar()
        table = {k: " ".join(t[1] for t in v) for k, v in rec.abbr.items()}
        return table

    @property
    def names(self) -> list[str]:
        return list(self._names)

    # -- keys ----------------------------------------------------------------------------------

    @staticmethod
    def _words(text: str) -> list[str]:
        words = [w for w in _KEY_SPLIT_RE.split(fold(text)) if w]
        # "các" goes ("các sở" = "sở") except in the level "các cấp".
        return [
            w
            for i, w in enumerate(words)
            if w not in _DROP or (w == "cac" and i + 1 < len(words) and words[i + 1] == "cap")
        ]

    def _form(self, name: str) -> _Form:
        words = self._words(name)
        return self._form_words(words)

    def _form_words(self, words: list[str]) -> _Form:
        key = " " + " ".join(words) + " "
        for a, b in unit_grammar().equivalences:
            key = key.replace(a, b)
        key = key.strip()
        words = key.split()
        level = None
        head = key
        for lv in _FOLD_LEVELS:
            if key.endswith(" " + lv) and len(words) > len(lv.split()):
                level = lv
                head = key[: -len(lv) - 1]
                break
        return _Form(key, head, level, tuple(words))

    def _query_forms(self, query: str) -> list[_Form]:
        forms = []
        canon = canonical_unit(query)
        if canon:
            forms.append(self._form(canon))
        words = self._folded_query(query)
        if words:
            forms.append(self._form_words(words))
        return forms

    def _folded_query(self, query: str) -> list[str]:
        """The query folded, abbreviations expanded, titles and a trailing place dropped."""
        raw = re.findall(r"[^\W_]+(?:\s*[&\-,]\s*[^\W\d_]+)*|[^\W_]+", query)
        # "NN và PTNT", "nn va ptnt": two abbreviations around a written "và".
        merged: list[str] = []
        i = 0
        while i < len(raw):
            if (
                i + 2 < len(raw)
                and fold(raw[i + 1]) == "va"
                and fold(raw[i] + raw[i + 2]) in self._folded_abbr
                and fold(raw[i]) not in self._vocab
            ):
                merged.append(raw[i] + "&" + raw[i + 2])
                i += 3
                continue
            merged.append(raw[i])
            i += 1
        words: list[str] = []
        for chunk in merged:
            joined = re.sub(r"[\s&\-,]", "", chunk)
            f = fold(joined)
            compound = chunk != joined
            if f in self._folded_abbr and (
                compound or joined.isupper() or (len(f) >= 3 and f not in self._vocab)
            ):
                words.extend(self._words(self._folded_abbr[f]))
                continue
            for w in re.findall(r"[^\W_]+", chunk):
                fw = fold(w)
                if fw in self._folded_abbr and (
                    (w.isupper() and len(w) >= 2) or (len(fw) >= 3 and fw not in self._vocab)
                ):
                    words.extend(self._words(self._folded_abbr[fw]))
                else:
                    words.append(fw)
        text = " ".join(self._words(" ".join(words)))
        for title in _FOLD_TITLES:
            if text.startswith(title + " "):
                text = text[len(title) + 1 :]
                break
        for title, before in _FOLD_TITLE_BEFORE.items():
            if text.startswith(title + " ") and text[len(title) + 1 :].startswith(before):
                text = text[len(title) + 1 :]
        words = text.split()
        # A trailing place after the level or committee: "uy ban nhan dan tinh son la".
        for i in range(len(words) - 1, 0, -1):
            w = words[i - 1]
            pair = " ".join(words[i - 2 : i]) if i >= 2 else ""
            if w in ("tinh", "huyen", "xa", "phuong", "quan") or pair in (
                "thanh pho",
                "thi tran",
                "thi xa",
                "tinh uy",
                "huyen uy",
                "thanh uy",
            ):
                tail = words[i:]
                if 1 <= len(tail) <= 4 and not any(t in self._vocab for t in tail):
                    words = words[:i]
                break
        return words

    # -- scoring -------------------------------------------------------------------------------

    def _score(self, q: _Form, f: _Form) -> tuple[float, bool]:
        """(score, via succession)."""
        if q.key == f.key:
            return 1.0, False
        if q.head == f.head:
            if q.level is None or f.level is None:
                return 0.9, False
            return 0.5, False  # same kind of body at another level: another body
        weight = self._succ.get(q.head, {}).get(f.head)
        if weight is not None and (q.level is None or f.level is None or q.level == f.level):
            return weight, True
        best = 0.0
        qw, fw = q.words, f.words
        if len(qw) >= 2 and len(qw) < len(fw) and fw[: len(qw)] == qw:
            best = min(0.9, 0.75 + 0.2 * len(qw) / len(fw))
        elif len(qw) >= 2 and self._contains(fw, qw):
            best = 0.55
        ratio = SequenceMatcher(None, q.key, f.key, autojunk=False).ratio()
        if ratio >= 0.6:
            best = max(best, 0.9 * ratio)
        return best, False

    @staticmethod
    def _contains(hay: tuple[str, ...], needle: tuple[str, ...]) -> bool:
        n = len(needle)
        return any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))

    def _scored(self, query: str) -> list[tuple[str, float, bool]]:
        forms = self._query_forms(query)
        out = []
        for name, f in zip(self._names, self._forms, strict=True):
            best, succ = 0.0, False
            for q in forms:
                s, via = self._score(q, f)
                if s > best or (s == best and succ and not via):
                    best, succ = s, via
            out.append((name, round(best, 4), succ))
        out.sort(key=lambda x: (-x[1], x[0]))
        return out

    def lookup(self, query: str) -> list[tuple[str, float]]:
        """Known units that may be meant by ``query``, best first, with scores in [0, 1]."""
        return [(n, s) for n, s, _ in self._scored(query) if s >= 0.5]

    def resolve(self, query: str, threshold: float = 0.8) -> list[str]:
        """The units ``query`` means (several for a generic query such as "Ủy ban nhân dân").

        Old/new names count only when nothing matches directly. Raises
        :class:`~chinhsach.errors.UnknownUnitError` with the 5 closest names otherwise.
        """
        scored = self._scored(query)
        direct = [n for n, s, via in scored if s >= threshold and not via]
        if direct:
            return direct
        succ = [n for n, s, via in scored if s >= threshold and via]
        if succ:
            return succ
        raise UnknownUnitError(query, self._closest(query, scored))

    def _closest(self, query: str, scored: list[tuple[str, float, bool]]) -> list[str]:
        """Five suggestions: the best scores, then the nearest spellings of the rest."""
        out = [n for n, s, _ in scored if s > 0][:5]
        if len(out) < 5:
            q = " ".join(self._words(query))
            rest = sorted(
                (n for n in self._names if n not in out),
                key=lambda n: -SequenceMatcher(None, q, " ".join(self._words(n))).ratio(),
            )
            out.extend(rest[: 5 - len(out)])
        return out


__all__ = ["UnitDirectory"]
