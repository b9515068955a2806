"""Restore diacritics of a query typed without them, from the corpus's own vocabulary.

Dense embeddings of "ai chiu trach nhiem ve nuoc sach" are nearly useless (recall falls from
0.83 to 0.03 on the seed), and so is word segmentation. The index already holds every syllable
the corpus uses with its accents, so a bigram model over the corpus picks the most likely accented
sequence: "nuoc sach" → "nước sạch", "bao hiem y te" → "bảo hiểm y tế". Syllables the user did
type with diacritics are kept as typed; syllables the corpus never saw stay as they are.

Counts live in two SQLite tables of the index, so a query reads only the rows it needs.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable

from chinhsach.text.normalize import fold, has_diacritics
from chinhsach.text.tokens import syllables

_MAX_CANDIDATES = 8
_LAMBDA = 0.8  # weight of the bigram estimate against the unigram one
_SYLLABLE_RE = re.compile(r"[^\W\d_]+")
_SEEN_MAX = 200_000  # counts kept in memory per index (a few tens of MB at most)


def count_ngrams(texts: Iterable[str]) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """Unigram and bigram counts of lower-cased accented syllables, within clauses."""
    uni: Counter[str] = Counter()
    bi: Counter[tuple[str, str]] = Counter()
    for text in texts:
        for clause in re.split(r"[.;:!?,()]", text):
            sylls = [s for s in syllables(clause) if not s[0].isdigit()]
            uni.update(sylls)
            bi.update(zip(sylls, sylls[1:], strict=False))
    return uni, bi


def create_tables(conn: sqlite3.Connection) -> None:
    conn.executescript(
        """
        CREATE TABLE IF NOT EXISTS restore_uni (
            folded TEXT NOT NULL, accented TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (folded, accented)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS restore_bi (
            a TEXT NOT NULL, b TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (a, b)) WITHOUT ROWID;
        """
    )


def store_counts(
    conn: sqlite3.Connection, uni: Counter[str], bi: Counter[tuple[str, str]]
) -> None:
    """Replace the stored counts (called inside the build's transaction)."""
    create_tables(conn)
    conn.execute("DELETE FROM restore_uni")
    conn.execute("DELETE FROM restore_bi")
    conn.executemany(
        "INSERT INTO restore_uni VALUES (?, ?, ?)", ((fold(s), s, n) for s, n in uni.items())
    )
    conn.executemany("INSERT INTO restore_bi VALUES (?, ?, ?)", ((a, b, n) for (a, b), n in bi.items()))


class Restorer:
    """Viterbi decoding of the most likely accented syllables given the corpus counts."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        row = conn.execute("SELECT COALESCE(SUM(n), 0) FROM restore_uni").fetchone()
        self.total = max(int(row[0]), 1)
        # Counts already read, kept for the index's life (a generation never changes): a
        # search service asks for the same common syllables again and again; a query's
        # lattice asks for each bigram several times.
        self._uni_seen: dict[str, list[tuple[str, int]]] = {}
        self._bi_seen: dict[tuple[str, str], int] = {}

    def _candidates(self, folded: str) -> list[tuple[str, int]]:
        found = self._uni_seen.get(folded)
        if found is None:
            rows = self.conn.execute(
                "SELECT accented, n FROM restore_uni WHERE folded = ? ORDER BY n DESC LIMIT ?",
                (folded, _MAX_CANDIDATES),
            ).fetchall()
            found = [(a, int(n)) for a, n in rows]
            if len(self._uni_seen) >= _SEEN_MAX:
                self._uni_seen.clear()
            self._uni_seen[folded] = found
        return found

    def _bigram(self, a: str, b: str) -> int:
        found = self._bi_seen.get((a, b))
        if found is None:
            row = self.conn.execute("SELECT n FROM restore_bi WHERE a = ? AND b = ?", (a, b)).fetchone()
            found = int(row[0]) if row else 0
            if len(self._bi_seen) >= _SEEN_MAX:
                self._bi_seen.clear()
            self._bi_seen[(a, b)] = found
        return found

    def restore(self, text: str) -> str:
        """Return ``text`` with diacritics restored where it had none."""
        if not text.strip():
            return text
        out = text
        # Work clause by clause on syllable spans, keeping every other character in place.
        spans = [(m.start(), m.end(), m.group(0)) for m in _SYLLABLE_RE.finditer(text)]
        if not spans:
            return text
        lattice: list[list[tuple[str, int]]] = []
        for _, _, word in spans:
            low = word.lower()
            if has_diacritics(low):
                lattice.append([(low, 1)])  # typed with accents: keep as typed
                continue
            cands = self._candidates(low)
            lattice.append(cands or [(low, 1)])
        best = self._viterbi(lattice)
        pieces = []
        last = 0
        for (start, end, word), choice in zip(spans, best, strict=True):
            pieces.append(out[last:start])
            pieces.append(_match_case(word, choice))
            last = end
        pieces.append(out[last:])
        return "".join(pieces)

    def _viterbi(self, lattice: list[list[tuple[str, int]]]) -> list[str]:
        def uni_logp(n: int) -> float:
            return math.log((n + 0.5) / (self.total + 1.0))

        scores = [uni_logp(n) for _, n in lattice[0]]
        back: list[list[int]] = []
        for i in range(1, len(lattice)):
            new_scores = []
            pointers = []
            for b, nb in lattice[i]:
                best_score, best_j = -math.inf, 0
                for j, (a, na) in enumerate(lattice[i - 1]):
                    p_bi = self._bigram(a, b) / na if na else 0.0
                    p_uni = (nb + 0.5) / (self.total + 1.0)
                    s = scores[j] + math.log(_LAMBDA * p_bi + (1 - _LAMBDA) * p_uni)
                    if s > best_score:
                        best_score, best_j = s, j
                new_scores.append(best_score)
                pointers.append(best_j)
            scores = new_scores
            back.append(pointers)
        j = max(range(len(scores)), key=lambda k: scores[k])
        path = [j]
        for pointers in reversed(back):
            j = pointers[j]
            path.append(j)
        path.reverse()
        return [lattice[i][k][0] for i, k in enumerate(path)]


def _match_case(typed: str, accented: str) -> str:
    if typed.isupper() and len(typed) > 1:
        return accented.upper()
    if typed[:1].isupper():
        return accented[:1].upper() + accented[1:]
    return accented
