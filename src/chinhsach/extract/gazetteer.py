"""The gazetteer of public bodies: ``data/units.json`` compiled into token tries.

Bodies at every level, named classes of bodies, titles, level words, Party owners, heads and
abbreviations, with the tokenisation the grammar (:mod:`chinhsach.extract.units`) reads them by.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from chinhsach.text.normalize import normalize_text
from chinhsach.text.tokens import word_dictionary

# ---------------------------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------------------------

WORD, PUNCT, NUM, DOC = 0, 1, 2, 3

# Document numbers (42-NQ/TW, 85/KH-UBND, 38/2013/QH13) are one opaque token: the issuer codes
# inside them are not mentions of units. Upper-case abbreviations joined by & - , (LĐ-TB&XH,
# VH,TT&DL) are one token when the table knows them, and are split back otherwise.
_TOKEN_RE = re.compile(
    r"(?P<doc>\d+(?:[/.]\d+)*(?:[/-][^\W\d_][^\W_]*)+)"
    r"|(?P<abbr>[A-ZĐ]{1,8}(?:\s?[&,\-–]\s?[A-ZĐ]{1,8})+(?![^\W_]))"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<num>\d+)"
    r"|(?P<punct>[^\w\s])"
)
_SIMPLE_RE = re.compile(r"(?P<word>[^\W\d_]+)|(?P<num>\d+)|(?P<punct>[^\w\s])")
_ABBR_SEP_RE = re.compile(r"[\s&,\-–]")
_DASHES = {"–": "-", "—": "-", "‑": "-", "&": "và"}
PLURAL = frozenset({"các", "những"})


class Tok:
    """A token of the text; an abbreviation expands to several tokens sharing its span."""

    __slots__ = ("key", "text", "start", "end", "cap", "caps", "kind", "exp")

    def __init__(self, key: str, text: str, start: int, end: int, kind: int, exp: bool = False):
        self.key = key  # lower-cased, dashes unified, "&" read as "và"
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.exp = exp  # produced by an abbreviation
        self.cap = bool(text) and text[0].isupper()
        self.caps = kind == WORD and len(text) > 1 and text.isupper()


def simple_tokens(text: str, offset: int = 0) -> list[Tok]:
    out = []
    for m in _SIMPLE_RE.finditer(text):
        kind = WORD if m.lastgroup == "word" else NUM if m.lastgroup == "num" else PUNCT
        s = m.group()
        out.append(Tok(_DASHES.get(s, s.lower()), s, offset + m.start(), offset + m.end(), kind))
    return out


# ---------------------------------------------------------------------------------------------
# Gazetteer
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Entry:
    """A unit, class of units, or pattern head, with the grammar that may follow it."""

    name: str
    is_class: bool = False
    level: bool = True  # a level word may follow
    need: str | None = None  # "level" | "owner" | "level_or_owner"
    owner: str | None = None  # "party" | "unit" | "any"
    joint: bool = False
    borrow: bool = False
    any_case: bool = False
    place: str = "province"  # "any": any capitalised words after it are a place
    weak: bool = False
    keep_level: bool = True
    successors: list[str] = field(default_factory=list)
    head: tuple[str, ...] | None = None  # (heads) trie keys of the head words
    # pattern heads only
    pattern: bool = True
    tail: bool = False
    lower: bool = False
    # a lower-case name is one dictionary word unless a role verb, level or owner closes a longer
    # run ("Ủy ban tư pháp", not "Ủy ban kiểm sát thảo luận")
    lower_word: bool = False
    numbers: bool = False
    # a proper-name head (tail) whose names may also run over lower-case words when a level word
    # or a province closes the run ("Công ty Xổ số kiến thiết tỉnh")
    lower_level: bool = False
    # the name must start with a known name segment: a short head that also begins place names
    # ("Vụ Pháp chế", a ministry's department, but "huyện Vụ Bản")
    segments_only: bool = False
    bare: bool = False
    bare_ok: bool = False
    distribute: bool = False
    # A public institution's own offices and self-reference (units.json): "Hiệu trưởng",
    # "Trưởng khoa" name an office-holder as a unit of its own; "Trường" alone is the issuer.
    office: bool = False
    self_ref: bool = False


@dataclass(slots=True)
class Level:
    text: str
    start: int
    end: int
    placeable: bool


TERM = ""  # trie key of a terminal


def trie_add(trie: dict, keys: list[str], value: Any) -> None:
    node = trie
    for k in keys:
        node = node.setdefault(k, {})
    node.setdefault(TERM, []).append(value)


class Gazetteer:
    """Everything compiled from units.json: tries of bodies, titles, levels, owners, heads and
    abbreviations, and the lookups on them (one instance per process)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._key_cache: dict[str, list[str]] = {}  # a plain dict: the grammar stays picklable
        self.level_first: set[str] = set()
        self.abbr: dict[str, list[tuple[str, str, int]]] = {}
        for short, long in data["abbreviations"].items():
            self.abbr[short] = [(t.key, t.text, t.kind) for t in simple_tokens(long)]
        self.ctx_abbr: dict[str, tuple[list[tuple[str, str, int]], str]] = {}
        for short, spec in data["context_abbreviations"].items():
            toks = [(t.key, t.text, t.kind) for t in simple_tokens(spec["expand"])]
            self.ctx_abbr[short] = (toks, spec["before"])

        self.titles: dict = {}
        for t in data["titles"]:
            trie_add(self.titles, self._keys(t), t)

        self.levels: dict = {}
        placeable = set(data["placeable_levels"])
        for lv in data["levels"]:
            trie_add(self.levels, self._keys(lv), Level(lv, 0, 0, lv in placeable))
        self.level_first = {next(iter(self._keys(lv))) for lv in data["levels"]}

        self.party: dict = {}
        for po in data["party_owners"]:
            trie_add(self.party, self._keys(po["name"]), po)

        self.heads: dict = {}
        self.head_specs: dict[tuple[str, ...], Entry] = {}
        for h in data["heads"]:
            keys = tuple(self._keys(h["name"]))
            spec = Entry(
                name=h["name"],
                owner=h.get("owner"),
                borrow=h.get("borrow", False),
                pattern=h.get("pattern", True),
                tail=h.get("tail", False),
                lower=h.get("lower", False),
                lower_word=h.get("lower_word", False),
                numbers=h.get("numbers", False),
                lower_level=h.get("lower_level", False),
                segments_only=h.get("segments_only", False),
                bare=h.get("bare", False),
                bare_ok=h.get("bare_ok", False),
                distribute=h.get("distribute", False),
                keep_level=h.get("keep_level", True),
                place=h.get("place", "province"),
                head=keys,
            )
            self.head_specs[keys] = spec
            trie_add(self.heads, list(keys), spec)

        self.trie: dict = {}
        self.entries: list[Entry] = []
        for u in data["units"]:
            e = Entry(
                name=u["name"],
                level=u.get("level", "optional") != "none",
                need=u.get("need"),
                owner=u.get("owner"),
                joint=u.get("joint", False),
                borrow=u.get("borrow", False),
                any_case=u.get("any_case", False),
                place=u.get("place", "province"),
                successors=u.get("successors", []),
                office=u.get("office", False),
                self_ref=u.get("self_ref", False),
            )
            self._add_entry(e, [u["name"], *u.get("aliases", [])])
            # A word dropped in print ("Ủy ban nhân thành phố", kh153): read as the body only
            # with a level after it, so that the short spelling names nothing else.
            for typo in u.get("misspelt", []):
                trie_add(self.trie, self._keys(typo), dataclasses.replace(e, need="level"))
        for c in data["classes"]:
            e = Entry(
                name=c["name"],
                is_class=True,
                level=c.get("level", "optional") != "none",
                need=c.get("need"),
                owner=c.get("owner"),
                borrow=c.get("borrow", False),
                weak=c.get("weak", False),
                keep_level=c.get("keep_level", True),
                any_case=True,
            )
            self._add_entry(e, [c["name"], *c.get("aliases", [])])
        # Classes of institutions named by their kind ("trường đại học"): not bare class words.
        self.kinds = frozenset(c["name"] for c in data["classes"] if c.get("kind"))
        self.weak_ctx = {
            k: (frozenset(v["before"]), frozenset(v["after"]))
            for k, v in data["weak_context"].items()
        }
        self.weak_first = {tuple(self._keys(k))[0] for k in self.weak_ctx}
        # Words after which a weak class noun names bodies without "các": "nộp cho khoa",
        # "lưu tại khoa" (a submission or a place: the faculty, not "khoa học").
        self.weak_license = {k: frozenset(v.get("license", [])) for k, v in data["weak_context"].items()}

        # Name segments: the listed ones plus every capitalised part of a gazetteer name.
        self.segments: dict = {}
        self.cont: set[str] = set()
        seg_texts = list(data["name_segments"])
        for e in self.entries:
            if e.is_class:
                continue
            rest = self._strip_head(e.name)
            if rest:
                seg_texts.extend(p for p in re.split(r"\s+và\s+|\s+-\s+|,\s+", rest) if p)
        # Lower-case runs of known names continue an unknown name even through a stop word
        # ("Trung tâm Nuôi dưỡng người có công").
        self.cont_phrases: dict = {}
        for s in seg_texts:
            toks = simple_tokens(s)
            if not toks:
                continue
            # A lower-case rest ("Ban Quản lý" + "dự án đầu tư xây dựng") is no segment, but its
            # words continue a name through a boundary word ("xây dựng").
            lower_rest = not toks[0].cap
            if not lower_rest:
                trie_add(self.segments, [t.key for t in toks], s)
                self.cont.update(t.key for t in toks[1:] if t.kind == WORD and not t.cap)
            run: list[str] = []
            for t in [*(toks if lower_rest else toks[1:]), None]:
                if t is not None and t.kind == WORD and not t.cap:
                    run.append(t.key)
                    continue
                for a in range(len(run) - 1):
                    trie_add(self.cont_phrases, run[a:], True)
                run = []
        self.stop = frozenset(data["stop_words"])
        self.cont -= self.stop
        # Phrases that end a sentence-case name ("Quỹ Đầu tư phát triển tỉnh chủ trì"): matched
        # as whole phrases, so "triển" of "phát triển" no longer stops a name the way the
        # syllable stop list does ("triển khai").
        self.boundaries: dict = {}
        for b in data["boundaries"]:
            trie_add(self.boundaries, [t.key for t in simple_tokens(b)], True)
        # Listed bodies are complete: lower-case words after one are not read into its name.
        self.listed = frozenset(tuple(self._keys(e.name)) for e in self.entries if not e.is_class)

        self.provinces: dict = {}
        for p in data["provinces"]:
            trie_add(self.provinces, self._keys(p), p)

        # Why a start set: most tokens open no unit, and one set lookup rejects them.
        self.start_keys = (set(self.trie) | set(self.heads) | set(self.titles) | set(PLURAL)) - {
            TERM
        }

        self.equivalences = [(f" {a} ", f" {b} ") for a, b in data["directory"]["equivalences"]]

    # -- building ------------------------------------------------------------------------------

    def _keys(self, text: str) -> list[str]:
        """Trie keys of a name, abbreviations expanded; hyphens are optional inside names."""
        # Cached: the grammar asks for the keys of the same few hundred names again and again.
        cache = self._key_cache
        keys = cache.get(text)
        if keys is None:
            if len(cache) > 50_000:  # names read from texts: keep the cache bounded
                cache.clear()
            keys = cache[text] = [t.key for t in self.tokenize(normalize_text(text)) if t.key != "-"]
        return list(keys)

    def _add_entry(self, e: Entry, names: list[str]) -> None:
        self.entries.append(e)
        first = e.name.split()[0]
        spec = self.head_specs.get((first.lower(),))
        if spec is not None and not spec.keep_level and first[0].isupper():
            e.keep_level = False  # the head's rule holds for its listed bodies (Sở Y tế)
        for name in names:
            trie_add(self.trie, self._keys(name), e)
            if "," in name:  # "Văn hóa, Thể thao và Du lịch" is also written without the comma
                trie_add(self.trie, self._keys(name.replace(",", "")), e)

    def _strip_head(self, name: str) -> str:
        toks = name.split()
        for n in range(min(3, len(toks)), 0, -1):
            if tuple(t.lower() for t in toks[:n]) in self.head_specs:
                return " ".join(toks[n:])
        return ""

    # -- tokens --------------------------------------------------------------------------------

    def tokenize(self, text: str) -> list[Tok]:
        raw: list[Tok] = []
        for m in _TOKEN_RE.finditer(text):
            group = m.lastgroup
            s, e = m.span()
            surface = m.group()
            if group == "abbr":
                key = _ABBR_SEP_RE.sub("", surface)
                if key in self.abbr:
                    raw.append(Tok(key, surface, s, e, WORD))
                else:
                    raw.extend(simple_tokens(surface, s))
            elif group == "word":
                raw.append(Tok(surface.lower(), surface, s, e, WORD))
            elif group == "num":
                raw.append(Tok(surface, surface, s, e, NUM))
            elif group == "doc":
                raw.append(Tok(surface.lower(), surface, s, e, DOC))
            else:
                raw.append(Tok(_DASHES.get(surface, surface), surface, s, e, PUNCT))
        out: list[Tok] = []
        n = len(raw)
        i = 0
        while i < n:
            t = raw[i]
            exp = None
            span_end = t.end
            if t.kind == WORD:
                key = _ABBR_SEP_RE.sub("", t.text)
                # "NN và PTNT", "KH và ĐT": two abbreviations joined by a written "và".
                if (
                    t.caps
                    and i + 2 < n
                    and raw[i + 1].key == "và"
                    and raw[i + 2].caps
                    and key + raw[i + 2].text in self.abbr
                ):
                    exp = self.abbr[key + raw[i + 2].text]
                    span_end = raw[i + 2].end
                    i += 2
                elif key in self.abbr and (t.caps or key == t.text) and not self._caps_syllable(raw, i):
                    exp = self.abbr[key]
                elif t.text in self.ctx_abbr and i + 1 < n:
                    toks, before = self.ctx_abbr[t.text]
                    nxt = raw[i + 1]
                    if (
                        (before == "level" and (nxt.key in self.level_first or nxt.key in PLURAL))
                        or (before == "owner" and (nxt.caps or nxt.cap) and nxt.kind == WORD)
                        or (before == "head" and nxt.key in ("và", "&"))
                    ):
                        exp = toks
            if exp is None:
                out.append(t)
            else:
                # "Ủy ban UBTVQH", "Ban BCĐ": the drafter wrote the head before its own
                # abbreviation; the head read twice ("Ủy ban Ủy ban Thường vụ …") broke the name
                # into a bogus "Vụ Quốc hội" (kh3260 of the s17 batch). The written head joins
                # the expansion.
                start = t.start
                for w in range(min(3, len(exp) - 1), 0, -1):
                    tail = out[len(out) - w:] if len(out) >= w else []
                    before = out[len(out) - w - 1] if len(out) > w else None
                    # the head opens a name of its own: not the last word of one ("Ban Văn hóa -
                    # Xã hội HĐND" is no "Hội HĐND")
                    if (len(tail) == w and not any(x.exp for x in tail) and tail[0].cap
                            and (before is None or before.kind != WORD or not before.cap)
                            and [x.key for x in tail] == [k for k, _, _ in exp[:w]]):
                        start = tail[0].start
                        del out[len(out) - w:]
                        break
                if i + 1 < n and raw[i + 1].key == "." and raw[i + 1].start == span_end:
                    if i + 2 < n and raw[i + 2].cap:  # "TP. Hồ Chí Minh"
                        span_end = raw[i + 1].end
                        i += 1
                for k, txt, kind in exp:
                    out.append(Tok(k, txt, start, span_end, kind, exp=True))
            i += 1
        return out

    def _caps_syllable(self, raw: list[Tok], i: int) -> bool:
        """A two-letter "abbreviation" of an all-caps line that forms a dictionary word with its
        neighbour is a syllable: "SỞ TƯ PHÁP", "ĐẦU TƯ" are not "Trung ương", while "BCH TW",
        "BAN THƯỜNG VỤ TU" keep their abbreviations."""
        t = raw[i]
        if len(t.text) > 2 or not t.caps:
            return False
        line_caps = [x for x in (raw[i - 1] if i else None, raw[i + 1] if i + 1 < len(raw) else None)
                     if x is not None and x.kind == WORD and x.caps]
        if not line_caps:
            return False
        words = word_dictionary() or {}
        key = t.text.lower()
        return any(f"{x.text.lower()} {key}" in words if x.start < t.start else f"{key} {x.text.lower()}" in words
                   for x in line_caps)

    # -- trie walks ----------------------------------------------------------------------------

    @staticmethod
    def _walk(
        node: dict, toks: list[Tok], k: int, skip_dash: bool = True
    ) -> list[tuple[int, list]]:
        """Every terminal reached from ``node`` along the tokens from ``k`` (shortest first)."""
        out = []
        n = len(toks)
        while True:
            if TERM in node:
                out.append((k, node[TERM]))
            if k >= n:
                break
            t = toks[k]
            if skip_dash and t.key == "-" and k + 1 < n:
                nxt = node.get(toks[k + 1].key)
                if nxt is not None:  # a hyphen is optional between two parts of a name
                    node = nxt
                    k += 2
                    continue
            if t.kind == DOC:
                break
            nxt = node.get(t.key)
            if nxt is None:
                break
            node = nxt
            k += 1
        return out

    def _longest(self, trie: dict, toks: list[Tok], k: int) -> tuple[int, Any] | None:
        hits = self._walk(trie, toks, k)
        if not hits:
            return None
        end, values = hits[-1]
        return end, values[0]

    def _node(self, keys: Iterable[str]) -> dict | None:
        node = self.trie
        for key in keys:
            node = node.get(key)
            if node is None:
                return None
        return node

    # -- grammar -------------------------------------------------------------------------------


