"""Restore diacritics of a query typed without them, from the corpus's own vocabulary.

Dense embeddings of "ai chiu trach nhiem ve nuoc sach" are nearly useless (recall falls from
0.83 to 0.03 on the seed), and so is word segmentation. The index already holds every syllable
the corpus uses with its accents, so a bigram model over the corpus picks the most likely accented
sequence: "nuoc sach" → "nước sạch", "bao hiem y te" → "bảo hiểm y tế". Syllables the user did
type with diacritics are kept as typed; syllables neither the corpus nor the dictionary (below)
spells stay as they are.

Counts live in two SQLite tables of the index, so a query reads only the rows it needs.

The index's text is not the only evidence: a provincial office's first index holds a few plans,
and a staff member's question words ("bao nhiêu", "bao lâu", "có thể", "ai") are rare in plans
and statutes. underthesea's word dictionary (72k words, the one word segmentation reads) adds
what the language itself says: every syllable it spells is a candidate, and every pair of
syllables inside one of its words counts as a bigram, at ``DICTIONARY_WEIGHT`` occurrences of
the index's text per dictionary word (``evaluation/restore_eval.py``). A dictionary counts
words, not how often they are said; underthesea's tagged running text (``RUNNING_TEXT_WEIGHT``)
says that. Clause breaks inside a query are boundaries of the counts (``START``/``END``).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import marshal
import math
import os
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from chinhsach.text.normalize import canonical_tones, fold, has_diacritics
from chinhsach.text.tokens import dictionary_entries, dictionary_path, syllables

_MAX_CANDIDATES = 8
_LAMBDA = 0.8  # weight of the bigram estimate against the unigram one
_TOKEN_RE = re.compile(r"\d+|[^\W\d_]+")
# Every number is one token of the counts: "năm 2030", "quý 1", "ngày 15" are the commonest
# bigrams of a plan, and a number between two syllables no longer makes them neighbours. Without
# it "chi so HDI nam 2030" came back "nam 2030" once the dictionary's "nam" (Việt Nam, nam giới)
# counted (evaluation/retrieval_eval.py, the seed's query Q27).
NUMBER = "<num>"
# A clause's start and end are tokens of the counts too: "bảo" (bảo đảm, bảo vệ) never ends a
# clause, "báo" ("trên báo, đài") often does, so "tren bao, dai" comes back "trên báo, đài" and
# not "trên bảo, đại" (evaluation/restore_twins.py, b38 and b45 of queries_who_blind.json).
# The query is cut into clauses where the counts were (``CLAUSE_BREAK``), but only inside it:
# a question's own start and end ("Người nào ...", "... không?") are unlike a statute clause's,
# and counting them there cost ALQAC 2022 0.006 of its syllables (0.9776 -> 0.9716) while the
# breaks inside a query gain (evaluation/restore_eval.py; RESULTS.md, restore2 session 10).
START, END = "<s>", "</s>"
_BOUNDARIES = (START, END)
CLAUSE_BREAK = re.compile(r"[.;:!?,()]")
_SEEN_MAX = 200_000  # counts kept in memory per index (a few tens of MB at most)
DICTIONARY_WEIGHT = 0.3  # occurrences in the index's text that one dictionary word is worth
# A query with marks on at least this share of its syllables was typed with marks: its plain
# syllables that Vietnamese spells plain ("cho", "theo", "bao" of "bao nhiêu") are kept, and only
# the ones no word spells plain ("hiem" in "bảo hiem y tế") are restored. Restoring every plain
# syllable changed 1.4% of the syllables of ALQAC 2022's questions typed with marks, 0 with this
# rule (evaluation/restore_eval.py, "typed with marks"). Questions typed with marks carry marks
# on 0.53-1.0 of their syllables (ALQAC 2022 and the plans' questions; median 0.88).
MARKED_SHARE = 0.5


# Running text. The dictionary counts words, not how often they are said: "độ" (mức độ, trình
# độ), "ái", "lộ" and "bảo" are in many more words than "do", "ai", "lo" and "báo", which a
# question says far more often, so "do so nao" came back "đồ số nào" and "ai" "ái". underthesea
# ships 2,119 sentences of the VLSP 2013 part-of-speech test set (news and legal prose, 68k
# words) beside its tagger; their counts join the index's, each occurrence worth
# ``RUNNING_TEXT_WEIGHT`` of one in the index's text. Syllables restored as written with
# running-text weight 0 / 0.3 / 1 (dictionary 0.3; evaluation/restore_eval.py --running 0,0.3,1,
# development sets): ALQAC 2022 0.9776 / 0.9811 / 0.9817, plans' questions 0.9545 / 0.9627 /
# 0.9645, blind who set 1 0.9154 / 0.9281 / 0.9260, who questions typed without marks 0.9359 /
# 0.9389 / 0.9374. At 1 its bigrams outvote a small index's ("trợ cấp đến" came back "trợ cập
# đến", from "đề cập đến") and a blind who question lost its answer; 0.3 lost none.
RUNNING_TEXT_WEIGHT = 0.3
_RUNNING_TEXT = Path("pipeline") / "pos_tag" / "models" / "pos_crf_vlsp2013_20230303" / "test_output.txt"


def running_text_path() -> Path | None:
    """Where the installed underthesea keeps its tagged running text (None without it)."""
    source = dictionary_path()
    if source is None:
        return None
    for base in source.parents:
        if base.name == "underthesea":
            return base / _RUNNING_TEXT
    return None


@functools.lru_cache(maxsize=1)
def running_text_counts() -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """Unigram and bigram counts of underthesea's tagged running text (one word a line, its
    tag after a tab, a blank line between sentences), empty when it is not installed.

    Counting takes about 0.5 s; kept in the user's cache folder like the dictionary's."""
    path = running_text_path()
    cache = _cache_file(path, "running") if path else None
    if cache is not None:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            uni, bi = marshal.loads(cache.read_bytes())
            return Counter(uni), Counter(bi)
    counts = _count_running_text(path)
    if cache is not None and counts[0]:
        _write_cache(cache, (dict(counts[0]), dict(counts[1])))
    return counts


def _write_cache(path: Path, value: object) -> None:
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(value))
        os.replace(tmp, path)  # atomic: a reader sees the old file or the whole new one


def _count_running_text(path: Path | None) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    sentences: list[str] = []
    words: list[str] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines() if path else []
    except (OSError, UnicodeDecodeError):
        lines = []
    for line in lines:
        word = line.split("\t", 1)[0].strip()
        if word:
            words.append(word)
        elif words:
            sentences.append(" ".join(words))
            words = []
    if words:
        sentences.append(" ".join(words))
    return count_ngrams(canonical_tones(s) for s in sentences)


DictionaryCounts = tuple[dict[str, list[tuple[str, int]]], dict[tuple[str, str], int], int]
_CACHE_FORMAT = 1


def _cache_file(source: Path | None = None, kind: str = "dictionary") -> Path | None:
    """The user's cache of the dictionary counts (or of another ``kind``), named after the file
    it was made from (path, size, time) so that another underthesea makes another file."""
    source = source or dictionary_path()
    try:
        stat = source.stat() if source else None
    except OSError:
        return None
    if stat is None:
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "chinhsach"
    key = hashlib.sha256(f"{_CACHE_FORMAT}:{source}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()
    return base / f"restore-{kind}-{key[:16]}.marshal"


@functools.lru_cache(maxsize=1)
def dictionary_counts() -> DictionaryCounts:
    """Type counts of underthesea's word dictionary: candidates by folded syllable (accented
    syllable, number of words it appears in), bigrams inside a word, and the syllable total.
    Empty when the installed underthesea keeps no dictionary where we read it.

    Counting takes 0.2-0.5 s, a cold ``chinhsach search`` typed without marks about as long
    again; the counts are therefore kept in the user's cache folder (``$XDG_CACHE_HOME``, else
    ``~/.cache``), which loads in 0.05 s. A cache that cannot be read or written is recounted."""
    path = _cache_file()
    if path is not None:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            uni, bi, total = marshal.loads(path.read_bytes())
            return uni, bi, total
    counts = _count_dictionary()
    if path is not None and counts[2]:
        _write_cache(path, counts)
    return counts


def _count_dictionary() -> DictionaryCounts:
    split = re.compile(r"[^\W\d_]+").findall
    # Entries are words (no clause punctuation inside); counted in one pass each (0.2 s).
    words = [split(str(entry).lower()) for entry in dictionary_entries() or []]
    uni: Counter[str] = Counter(itertools.chain.from_iterable(words))
    bi: Counter[tuple[str, str]] = Counter(
        itertools.chain.from_iterable(zip(w, w[1:], strict=False) for w in words))
    # Tone placement made canonical per distinct syllable, as the index's text is (hoà -> hòa).
    changed = {syll: c for syll in uni if (c := canonical_tones(syll)) != syll}
    for syll in changed:
        uni[changed[syll]] += uni.pop(syll)
    for pair in [p for p in bi if p[0] in changed or p[1] in changed]:
        bi[(changed.get(pair[0], pair[0]), changed.get(pair[1], pair[1]))] += bi.pop(pair)
    by_folded: dict[str, list[tuple[str, int]]] = {}
    for syll, n in uni.items():
        by_folded.setdefault(fold(syll), []).append((syll, n))
    return by_folded, dict(bi), sum(uni.values())


def count_ngrams(texts: Iterable[str]) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """Unigram and bigram counts of lower-cased accented syllables, within clauses."""
    uni: Counter[str] = Counter()
    bi: Counter[tuple[str, str]] = Counter()
    for text in texts:
        for clause in CLAUSE_BREAK.split(text):
            sylls = [NUMBER if s[0].isdigit() else s for s in syllables(clause)]
            if not sylls:
                continue
            uni.update(sylls)
            uni.update(_BOUNDARIES)
            sylls = [START, *sylls, END]
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

    def __init__(self, conn: sqlite3.Connection, dictionary_weight: float = DICTIONARY_WEIGHT,
                 running_weight: float = RUNNING_TEXT_WEIGHT) -> None:
        self.conn = conn
        row = conn.execute("SELECT COALESCE(SUM(n), 0) FROM restore_uni WHERE folded NOT IN (?, ?)",
                           _BOUNDARIES).fetchone()
        self.weight = dictionary_weight
        self._text_total = int(row[0])
        self.total: float = max(self._text_total, 1)
        self.running_weight = running_weight
        self._dictionary: tuple[dict[str, list[tuple[str, int]]], dict[tuple[str, str], int]] | None = None
        self._running: tuple[dict[str, list[tuple[str, int]]], Counter[str], Counter[tuple[str, str]]] = ({}, Counter(), Counter())
        # Counts already read, kept for the index's life (a generation never changes): a
        # search service asks for the same common syllables again and again; a query's
        # lattice asks for each bigram several times.
        self._uni_seen: dict[str, list[tuple[str, float]]] = {}
        self._text_seen: dict[str, list[tuple[str, int]]] = {}
        self._bi_seen: dict[tuple[str, str], float] = {}

    def _load_dictionary(self) -> None:
        """The dictionary's counts, on the first query that needs restoring (once per process;
        a query typed with marks seldom needs them)."""
        uni, bi, total = dictionary_counts() if self.weight else ({}, {}, 0)
        self._dictionary = (uni, bi)
        running_uni, running_bi = running_text_counts() if self.running_weight else (Counter(), Counter())
        by_folded: dict[str, list[tuple[str, int]]] = {}
        for syll, n in running_uni.items():
            by_folded.setdefault(fold(syll), []).append((syll, n))
        self._running = (by_folded, running_uni, running_bi)
        running_total = sum(n for syll, n in running_uni.items() if syll not in _BOUNDARIES)
        self.total = max(self._text_total + self.weight * total + self.running_weight * running_total, 1)

    def _text_candidates(self, folded: str) -> list[tuple[str, int]]:
        """Accented spellings of a folded syllable in the index's text, the most frequent first."""
        found = self._text_seen.get(folded)
        if found is None:
            rows = self.conn.execute(
                "SELECT accented, n FROM restore_uni WHERE folded = ? ORDER BY n DESC LIMIT ?",
                (folded, _MAX_CANDIDATES),
            ).fetchall()
            found = [(a, int(n)) for a, n in rows]
            if len(self._text_seen) >= _SEEN_MAX:
                self._text_seen.clear()
            self._text_seen[folded] = found
        return found

    def _candidates(self, folded: str) -> list[tuple[str, float]]:
        """Spellings from the index's text and the dictionary, with their counts (a dictionary
        word weighted ``weight``), the most frequent first."""
        found = self._uni_seen.get(folded)
        if found is None:
            if self._dictionary is None:
                self._load_dictionary()
            assert self._dictionary is not None
            counts: Counter[str] = Counter({a: float(n) for a, n in self._text_candidates(folded)})
            for accented, n in self._dictionary[0].get(folded, ()):
                counts[accented] += self.weight * n
            for accented, n in self._running[0].get(folded, ()):
                counts[accented] += self.running_weight * n
            found = counts.most_common(_MAX_CANDIDATES)
            if len(self._uni_seen) >= _SEEN_MAX:
                self._uni_seen.clear()
            self._uni_seen[folded] = found
        return found

    def _number_count(self) -> float:
        return (max((n for _, n in self._text_candidates(NUMBER)), default=1)
                + self.running_weight * self._running[1][NUMBER])

    def _boundary_count(self) -> float:
        """Clauses counted (0 in an index built before the boundaries were: then a clause's
        first syllable is scored by its unigram alone, as it was)."""
        return (max((n for a, n in self._text_candidates(START) if a == START), default=0)
                + self.running_weight * self._running[1][START])

    def _bigram(self, a: str, b: str) -> float:
        found = self._bi_seen.get((a, b))
        if found is None:
            row = self.conn.execute("SELECT n FROM restore_bi WHERE a = ? AND b = ?", (a, b)).fetchone()
            dictionary = self._dictionary[1] if self._dictionary else {}
            found = ((int(row[0]) if row else 0) + self.weight * dictionary.get((a, b), 0)
                     + self.running_weight * self._running[2][(a, b)])
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
        spans = [(m.start(), m.end(), m.group(0)) for m in _TOKEN_RE.finditer(text)]
        words = [w for _, _, w in spans if not w[0].isdigit()]
        if not words:
            return text
        typed_with_marks = sum(has_diacritics(w) for w in words) >= MARKED_SHARE * len(words)
        lattice: list[list[tuple[str, float]]] = []
        slots: list[int] = []  # the lattice position of each span (the boundaries have none)
        last_end = 0
        for i, (start, end, word) in enumerate(spans):
            if i and CLAUSE_BREAK.search(text, last_end, start):
                lattice.append([(END, 1)])
                lattice.append([(START, 0)])
            last_end = end
            slots.append(len(lattice))
            low = word.lower()
            if low[0].isdigit():
                lattice.append([(NUMBER, 0)])  # counted below, once the sources are known
                continue
            if has_diacritics(low):
                lattice.append([(low, 1)])  # typed with accents: keep as typed
                continue
            # A plain syllable of a query typed with marks stays plain when the index's text (or,
            # failing it, the dictionary) spells it so: most are in the text, so a query typed
            # with marks seldom loads the dictionary.
            if typed_with_marks and (any(c == low for c, _ in self._text_candidates(low))
                                     or any(c == low for c, _ in self._candidates(low))):
                lattice.append([(low, 1)])
                continue
            lattice.append(self._candidates(low) or [(low, 1)])
        # The number and clause-start tokens' counts, with the running text's once a plain
        # syllable has loaded it (the same counts for every query that decodes).
        for choices in lattice:
            if choices[0][0] == NUMBER:
                choices[0] = (NUMBER, self._number_count())
            elif choices[0][0] == START:
                choices[0] = (START, self._boundary_count())
        # Nothing to choose between (a query typed with marks, mostly): no decoding, no bigrams.
        path = ([choices[0][0] for choices in lattice] if all(len(choices) == 1 for choices in lattice)
                else self._viterbi(lattice))
        best = [path[i] for i in slots]
        pieces = []
        last = 0
        for (start, end, word), choice in zip(spans, best, strict=True):
            pieces.append(out[last:start])
            pieces.append(word if choice == NUMBER else _match_case(word, choice))
            last = end
        pieces.append(out[last:])
        return "".join(pieces)

    def _viterbi(self, lattice: list[list[tuple[str, float]]]) -> list[str]:
        def uni_logp(n: float) -> float:
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
