"""Recognise Vietnamese public bodies (đơn vị) and give each one canonical name.

Three layers, all compiled once from ``data/units.json`` (cached):

- a **gazetteer** of bodies at every level (Party, State, Front and mass organisations) and of
  named classes of bodies ("sở", "huyện ủy", "tổ chức chính trị - xã hội"), matched on a
  token trie after abbreviations are expanded (UBND, HĐND, MTTQ, LĐ-TB&XH, NN&PTNT, ...);
- **patterns** for bodies the gazetteer does not list: a head ("Sở", "Phòng", "Trung tâm",
  "Ban", "Hội", "Chi cục", ...) followed by a capitalised name, bounded by known name segments,
  hyphens, "và" + capitalised word, and stopped by verbs, punctuation and the next unit;
- a small **grammar** around both: a title before the unit ("Giám đốc Sở Y tế" → is_head), the
  owner after it ("Ban Tuyên giáo Tỉnh ủy", "Ban cán sự đảng Ủy ban nhân dân tỉnh"), the level
  ("tỉnh", "các huyện, thành phố", "các cấp") and the place name, which is kept apart
  ("Ủy ban nhân dân tỉnh Sơn La" → name "Ủy ban nhân dân tỉnh", place "Sơn La").

Collective phrases are one unit each, as the real plans use them (GUIDELINES-real.md): "các
sở, ban, ngành liên quan" → "sở, ban, ngành"; "Ủy ban nhân dân các xã, phường" → "Ủy ban nhân
dân xã, phường" (:func:`_merge_collectives`). Coordinated named units stay apart ("Sở Y tế, Sở
Nội vụ"); a bare unit takes the level or owner of the next conjunct ("Đảng ủy, UBND các xã" →
"Đảng ủy xã", "Ủy ban nhân dân xã"; "Ban Tuyên giáo, Ban Tổ chức Tỉnh ủy").

:class:`UnitDirectory` answers "which known unit does this query mean" with scores, across
abbreviations, missing diacritics, titles and old/new names of merged departments.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from typing import Any

from chinhsach.errors import UnknownUnitError
from chinhsach.text.normalize import fold, normalize_text


@dataclass(frozen=True, slots=True)
class UnitMention:
    """One unit named in a text.

    ``start``/``end`` are character offsets in the text given to :func:`find_units`; ``text``
    is the words as written (a title in front included); ``name`` the canonical name; ``place``
    the province/district name written after the level word, kept out of ``name``.
    """

    start: int
    end: int
    text: str
    name: str
    place: str | None = None
    is_head: bool = False  # "Giám đốc Sở Y tế", "Chủ tịch UBND tỉnh"
    collective: bool = False  # from a plural/collective phrase ("các sở, ban, ngành")


# ---------------------------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------------------------

_WORD, _PUNCT, _NUM, _DOC = 0, 1, 2, 3

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
_PLURAL = frozenset({"các", "những"})


class _Tok:
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
        self.caps = kind == _WORD and len(text) > 1 and text.isupper()


def _simple_tokens(text: str, offset: int = 0) -> list[_Tok]:
    out = []
    for m in _SIMPLE_RE.finditer(text):
        kind = _WORD if m.lastgroup == "word" else _NUM if m.lastgroup == "num" else _PUNCT
        s = m.group()
        out.append(_Tok(_DASHES.get(s, s.lower()), s, offset + m.start(), offset + m.end(), kind))
    return out


# ---------------------------------------------------------------------------------------------
# Gazetteer
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Entry:
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
    numbers: bool = False
    bare: bool = False
    bare_ok: bool = False
    distribute: bool = False


@dataclass(slots=True)
class _Level:
    text: str
    start: int
    end: int
    placeable: bool


@dataclass(slots=True)
class _Member:
    name: str
    start: int
    end: int
    place: str | None = None
    suffix: str | None = None  # the level/owner the name ends with (lent to a bare conjunct)
    suffix_kind: str | None = None  # "level" | "party"
    group: list[str] | None = None  # every level of a level list ("xã", "thị trấn")
    wants: tuple[str, ...] = ()  # what a bare unit may borrow from the next conjunct
    is_head: bool = False
    collective: bool = False


@dataclass(slots=True)
class _Parse:
    members: list[_Member]
    end: int  # token index after the parse
    is_class: bool = False


_TERM = ""  # trie key of a terminal


def _trie_add(trie: dict, keys: list[str], value: Any) -> None:
    node = trie
    for k in keys:
        node = node.setdefault(k, {})
    node.setdefault(_TERM, []).append(value)


class _Recognizer:
    """Everything compiled from units.json; one instance per process."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.level_first: set[str] = set()
        self.abbr: dict[str, list[tuple[str, str, int]]] = {}
        for short, long in data["abbreviations"].items():
            self.abbr[short] = [(t.key, t.text, t.kind) for t in _simple_tokens(long)]
        self.ctx_abbr: dict[str, tuple[list[tuple[str, str, int]], str]] = {}
        for short, spec in data["context_abbreviations"].items():
            toks = [(t.key, t.text, t.kind) for t in _simple_tokens(spec["expand"])]
            self.ctx_abbr[short] = (toks, spec["before"])

        self.titles: dict = {}
        for t in data["titles"]:
            _trie_add(self.titles, self._keys(t), t)

        self.levels: dict = {}
        placeable = set(data["placeable_levels"])
        for lv in data["levels"]:
            _trie_add(self.levels, self._keys(lv), _Level(lv, 0, 0, lv in placeable))
        self.level_first = {next(iter(self._keys(lv))) for lv in data["levels"]}

        self.party: dict = {}
        for po in data["party_owners"]:
            _trie_add(self.party, self._keys(po["name"]), po)

        self.heads: dict = {}
        self.head_specs: dict[tuple[str, ...], _Entry] = {}
        for h in data["heads"]:
            keys = tuple(self._keys(h["name"]))
            spec = _Entry(
                name=h["name"],
                owner=h.get("owner"),
                borrow=h.get("borrow", False),
                pattern=h.get("pattern", True),
                tail=h.get("tail", False),
                lower=h.get("lower", False),
                numbers=h.get("numbers", False),
                bare=h.get("bare", False),
                bare_ok=h.get("bare_ok", False),
                distribute=h.get("distribute", False),
                keep_level=h.get("keep_level", True),
                head=keys,
            )
            self.head_specs[keys] = spec
            _trie_add(self.heads, list(keys), spec)

        self.trie: dict = {}
        self.entries: list[_Entry] = []
        for u in data["units"]:
            e = _Entry(
                name=u["name"],
                level=u.get("level", "optional") != "none",
                need=u.get("need"),
                owner=u.get("owner"),
                joint=u.get("joint", False),
                borrow=u.get("borrow", False),
                any_case=u.get("any_case", False),
                place=u.get("place", "province"),
                successors=u.get("successors", []),
            )
            self._add_entry(e, [u["name"], *u.get("aliases", [])])
        for c in data["classes"]:
            e = _Entry(
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
        self.weak_ctx = {
            k: (frozenset(v["before"]), frozenset(v["after"]))
            for k, v in data["weak_context"].items()
        }
        self.weak_first = {tuple(self._keys(k))[0] for k in self.weak_ctx}

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
            toks = _simple_tokens(s)
            if not toks or not toks[0].cap:
                continue
            _trie_add(self.segments, [t.key for t in toks], s)
            self.cont.update(t.key for t in toks[1:] if t.kind == _WORD and not t.cap)
            run: list[str] = []
            for t in [*toks[1:], None]:
                if t is not None and t.kind == _WORD and not t.cap:
                    run.append(t.key)
                    continue
                for a in range(len(run) - 1):
                    _trie_add(self.cont_phrases, run[a:], True)
                run = []
        self.stop = frozenset(data["stop_words"])
        self.cont -= self.stop

        self.provinces: dict = {}
        for p in data["provinces"]:
            _trie_add(self.provinces, self._keys(p), p)

        # Why a start set: most tokens open no unit, and one set lookup rejects them.
        self.start_keys = (set(self.trie) | set(self.heads) | set(self.titles) | set(_PLURAL)) - {
            _TERM
        }

        self.equivalences = [(f" {a} ", f" {b} ") for a, b in data["directory"]["equivalences"]]

    # -- building ------------------------------------------------------------------------------

    def _keys(self, text: str) -> list[str]:
        """Trie keys of a name, abbreviations expanded; hyphens are optional inside names."""
        return [t.key for t in self.tokenize(normalize_text(text)) if t.key != "-"]

    def _add_entry(self, e: _Entry, names: list[str]) -> None:
        self.entries.append(e)
        first = e.name.split()[0]
        spec = self.head_specs.get((first.lower(),))
        if spec is not None and not spec.keep_level and first[0].isupper():
            e.keep_level = False  # the head's rule holds for its listed bodies (Sở Y tế)
        for name in names:
            _trie_add(self.trie, self._keys(name), e)
            if "," in name:  # "Văn hóa, Thể thao và Du lịch" is also written without the comma
                _trie_add(self.trie, self._keys(name.replace(",", "")), e)

    def _strip_head(self, name: str) -> str:
        toks = name.split()
        for n in range(min(3, len(toks)), 0, -1):
            if tuple(t.lower() for t in toks[:n]) in self.head_specs:
                return " ".join(toks[n:])
        return ""

    # -- tokens --------------------------------------------------------------------------------

    def tokenize(self, text: str) -> list[_Tok]:
        raw: list[_Tok] = []
        for m in _TOKEN_RE.finditer(text):
            group = m.lastgroup
            s, e = m.span()
            surface = m.group()
            if group == "abbr":
                key = _ABBR_SEP_RE.sub("", surface)
                if key in self.abbr:
                    raw.append(_Tok(key, surface, s, e, _WORD))
                else:
                    raw.extend(_simple_tokens(surface, s))
            elif group == "word":
                raw.append(_Tok(surface.lower(), surface, s, e, _WORD))
            elif group == "num":
                raw.append(_Tok(surface, surface, s, e, _NUM))
            elif group == "doc":
                raw.append(_Tok(surface.lower(), surface, s, e, _DOC))
            else:
                raw.append(_Tok(_DASHES.get(surface, surface), surface, s, e, _PUNCT))
        out: list[_Tok] = []
        n = len(raw)
        i = 0
        while i < n:
            t = raw[i]
            exp = None
            span_end = t.end
            if t.kind == _WORD:
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
                elif key in self.abbr and (t.caps or key == t.text):
                    exp = self.abbr[key]
                elif t.text in self.ctx_abbr and i + 1 < n:
                    toks, before = self.ctx_abbr[t.text]
                    nxt = raw[i + 1]
                    if (
                        (before == "level" and (nxt.key in self.level_first or nxt.key in _PLURAL))
                        or (before == "owner" and (nxt.caps or nxt.cap) and nxt.kind == _WORD)
                        or (before == "head" and nxt.key in ("và", "&"))
                    ):
                        exp = toks
            if exp is None:
                out.append(t)
            else:
                if i + 1 < n and raw[i + 1].key == "." and raw[i + 1].start == span_end:
                    if i + 2 < n and raw[i + 2].cap:  # "TP. Hồ Chí Minh"
                        span_end = raw[i + 1].end
                        i += 1
                for k, txt, kind in exp:
                    out.append(_Tok(k, txt, t.start, span_end, kind, exp=True))
            i += 1
        return out

    # -- trie walks ----------------------------------------------------------------------------

    @staticmethod
    def _walk(
        node: dict, toks: list[_Tok], k: int, skip_dash: bool = True
    ) -> list[tuple[int, list]]:
        """Every terminal reached from ``node`` along the tokens from ``k`` (shortest first)."""
        out = []
        n = len(toks)
        while True:
            if _TERM in node:
                out.append((k, node[_TERM]))
            if k >= n:
                break
            t = toks[k]
            if skip_dash and t.key == "-" and k + 1 < n:
                nxt = node.get(toks[k + 1].key)
                if nxt is not None:  # a hyphen is optional between two parts of a name
                    node = nxt
                    k += 2
                    continue
            if t.kind == _DOC:
                break
            nxt = node.get(t.key)
            if nxt is None:
                break
            node = nxt
            k += 1
        return out

    def _longest(self, trie: dict, toks: list[_Tok], k: int) -> tuple[int, Any] | None:
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

    def find(self, text: str) -> list[UnitMention]:
        toks = self.tokenize(text)
        n = len(toks)
        members: list[_Member] = []
        i = 0
        prev_end, prev_class, prev_head = -1, False, False
        start_keys = self.start_keys
        while i < n:
            if toks[i].key not in start_keys:
                i += 1
                continue
            adjacent = prev_class and self._list_gap(toks, prev_end, i)
            p = self._parse_at(toks, i, adjacent)
            if p is None:
                i += 1
                continue
            if adjacent and prev_head and p.is_class:
                # "Thủ trưởng các sở, ban, ngành": the title governs the whole list.
                for m in p.members:
                    m.is_head = True
            members.extend(p.members)
            prev_end, prev_class = p.end, p.is_class
            prev_head = any(m.is_head for m in p.members)
            i = p.end
        members = self._borrow(text, members)
        return [
            UnitMention(
                start=m.start,
                end=m.end,
                text=text[m.start : m.end],
                name=m.name,
                place=m.place,
                is_head=m.is_head,
                collective=m.collective,
            )
            for m in members
        ]

    @staticmethod
    def _list_gap(toks: list[_Tok], a: int, b: int) -> bool:
        """Whether only list punctuation stands between two parses ("sở, ban, ngành")."""
        if b - a > 3:
            return False
        return all(toks[k].key in (",", "và", ";", "các", "những", "/") for k in range(a, b))

    def _parse_at(self, toks: list[_Tok], i: int, adjacent: bool) -> _Parse | None:
        n = len(toks)
        title = self._longest(self.titles, toks, i)
        if title is not None:
            j = title[0]
            plural = j < n and toks[j].key in _PLURAL
            if plural:
                j += 1
            if j < n:
                p = self._core(toks, j, after_title=True, plural=plural, adjacent=False)
                if p is not None:
                    p.members[0].start = toks[i].start
                    for m in p.members:
                        m.is_head = True
                        m.collective = m.collective or plural
                    return p
        j = i
        plural = toks[j].key in _PLURAL
        if plural:
            j += 1
            if j >= n:
                return None
        p = self._core(toks, j, after_title=False, plural=plural, adjacent=adjacent)
        if p is not None and plural:
            for m in p.members:
                m.collective = True
        return p

    def _core(
        self,
        toks: list[_Tok],
        j: int,
        *,
        after_title: bool,
        plural: bool,
        adjacent: bool,
        owner_mode: bool = False,
    ) -> _Parse | None:
        t = toks[j]
        if t.kind != _WORD:
            return None
        cands: list[tuple[int, int, _Parse]] = []
        upper = t.cap or after_title
        for end, entries in reversed(self._walk(self.trie, toks, j)):
            for e in entries:
                if e.is_class:
                    if owner_mode:
                        continue
                    if e.weak and not self._weak_ok(toks, j, end, e, plural, adjacent):
                        continue
                    prio = 0 if (plural or adjacent or not t.cap) else 1
                else:
                    if not (upper or e.any_case):
                        continue
                    prio = 0 if (upper and not plural) else 1
                p = self._extend(toks, j, end, e, e.name)
                if p is not None:
                    cands.append((p.end, prio, p))
        if upper and t.key in self.heads:
            hit = self._longest(self.heads, toks, j)
            if hit is not None:
                p = self._pattern(toks, j, hit[0], hit[1], after_title or owner_mode)
                if p is not None:
                    cands.append((p.end, 2, p))
        if not cands:
            return None
        best = max(cands, key=lambda c: (c[0], -c[1]))[2]
        self._distribute(toks, best)
        return best

    def _weak_ok(
        self, toks: list[_Tok], j: int, end: int, e: _Entry, plural: bool, adjacent: bool
    ) -> bool:
        """A weak class noun ("sở", "ban") is a unit only in a list or after "các"."""
        n = len(toks)
        before, after = self.weak_ctx.get(e.name, (frozenset(), frozenset()))
        if j > 0 and toks[j - 1].key in before:
            return False
        nxt = toks[end].key if end < n else ""
        if nxt in after:
            return False
        if nxt == "," and end + 1 < n and toks[end + 1].key in after:
            return False  # "phòng, chống"
        if plural or adjacent:
            return True
        if e.name == "chính quyền":
            return end < n and toks[end].key in self.level_first
        # "Sở, ban, ngành ..." without "các": a list of weak nouns.
        k = end + 1 if nxt in (",", "và") else end
        return k < n and toks[k].key in self.weak_first and k != end

    def _extend(self, toks: list[_Tok], j: int, end: int, e: _Entry, base: str) -> _Parse | None:
        """The unit ``base`` read from toks[j:end], with its owner, level and place."""
        n = len(toks)
        start = toks[j].start
        k = end
        owner = None
        place = None
        if e.owner:
            po = self._party_owner(toks, k) if e.owner in ("party", "any") else None
            if po is not None:
                k, owner, place = po
            elif e.owner in ("unit", "any") and k < n:
                sub = self._core(
                    toks, k, after_title=False, plural=False, adjacent=False, owner_mode=True
                )
                if sub is None:
                    sub = self._bare_head(toks, k)
                if sub is not None:
                    if e.joint:
                        sub = self._joint(toks, sub)
                    return self._prefixed(base, sub, start, e)
        if e.need == "owner" and owner is None:
            return None
        name = base if owner is None else f"{base} {owner}"
        levels: list[_Level] = []
        if owner is None and e.level and k < n:
            levels, k = self._levels(toks, k)
        if e.need == "level" and not levels:
            return None
        if e.need == "level_or_owner" and not levels and owner is None:
            return None
        if levels and len(levels) == 1 and levels[0].placeable:
            place, k = self._place(toks, k, "any", caps_ok=toks[k - 1].caps)
        elif not levels and owner is None and not e.is_class:
            mode = e.place
            place, k = self._place(toks, k, mode, caps_ok=toks[k - 1].caps)
        # "Huyện ủy viên", "Tỉnh ủy viên" are members, not the committee.
        if k < n and toks[k].key == "viên" and toks[k - 1].key == "ủy":
            return None
        suffix_kind = "party" if owner else None
        wants: tuple[str, ...] = ()
        if not levels and owner is None and place is None:
            w = []
            if e.borrow:
                w.append("level")
            if e.owner in ("party", "any"):
                w.append("party")
            wants = tuple(w)
        last_end = toks[k - 1].end
        if e.is_class:  # a class of bodies is collective by itself ("sở", "huyện ủy")
            wants = wants if e.borrow else ()
            if not levels or not e.keep_level:
                m = _Member(name, start, last_end, place, wants=wants, collective=True)
                return _Parse([m], k, True)
        elif levels and not e.keep_level:  # "Sở Y tế tỉnh Sơn La": a Sở has one level only
            return _Parse([_Member(name, start, last_end, place)], k)
        if not levels:
            m = _Member(name, start, last_end, place, owner, suffix_kind, wants=wants)
            return _Parse([m], k, e.is_class)
        group = [lv.text for lv in levels] if len(levels) > 1 else None
        members = [
            _Member(
                f"{name} {levels[0].text}",
                start,
                levels[0].end,
                suffix=levels[0].text,
                suffix_kind="level",
                group=group,
                collective=e.is_class or len(levels) > 1 or levels[0].text == "các cấp",
            )
        ]
        for lv in levels[1:]:
            members.append(
                _Member(
                    f"{name} {lv.text}", lv.start, lv.end, None, lv.text, "level", collective=True
                )
            )
        members[-1].end = last_end
        members[-1].place = place
        return _Parse(members, k, e.is_class)

    def _prefixed(self, base: str, sub: _Parse, start: int, e: _Entry) -> _Parse:
        """ "Ban cán sự đảng" + the members of its owner ("Ủy ban nhân dân tỉnh")."""
        members = []
        for idx, m in enumerate(sub.members):
            members.append(
                _Member(
                    f"{base} {m.name}",
                    start if idx == 0 else m.start,
                    m.end,
                    m.place,
                    m.suffix,
                    m.suffix_kind,
                    m.group,
                    wants=tuple(w for w in m.wants if w == "level"),
                    collective=m.collective,
                )
            )
        return _Parse(members, sub.end, e.is_class)

    def _joint(self, toks: list[_Tok], sub: _Parse) -> _Parse:
        """ "Văn phòng HĐND và UBND huyện": one office of two bodies sharing the level."""
        k = sub.end
        if len(sub.members) != 1 or sub.members[0].suffix or k + 1 >= len(toks):
            return sub
        if toks[k].key != "và":
            return sub
        second = self._core(
            toks, k + 1, after_title=False, plural=False, adjacent=False, owner_mode=True
        )
        if second is None or not second.members[0].suffix:
            return sub
        first = sub.members[0].name
        members = [
            _Member(
                f"{first} và {m.name}",
                sub.members[0].start if i == 0 else m.start,
                m.end,
                m.place,
                m.suffix,
                m.suffix_kind,
                m.group,
                collective=m.collective,
            )
            for i, m in enumerate(second.members)
        ]
        return _Parse(members, second.end)

    def _bare_head(self, toks: list[_Tok], k: int) -> _Parse | None:
        """A head standing for the document's own body: "Giám đốc Sở", "trực thuộc Sở"."""
        t = toks[k]
        if not t.cap or t.caps:
            return None
        hit = self._longest(self.heads, toks, k)
        if hit is None or not hit[1].bare:
            return None
        end = hit[0]
        if end < len(toks) and toks[end].cap and toks[end].kind == _WORD:
            return None
        return _Parse([_Member(hit[1].name, t.start, toks[end - 1].end)], end)

    def _pattern(
        self, toks: list[_Tok], j: int, head_end: int, spec: _Entry, lenient: bool
    ) -> _Parse | None:
        """An unlisted unit: head + capitalised name ("Trung tâm Truyền thông và Văn hóa")."""
        n = len(toks)
        if head_end < n and toks[head_end].key == ":" and spec.distribute:
            p = _Parse([], head_end)  # "các Sở: Y tế, Tài chính, ..." — members come from the list
            self._distribute(toks, p, spec.head)
            return p if p.members else None
        name = None
        if spec.pattern:
            name = self._name(toks, head_end, spec)
        if name is None:
            if lenient and spec.bare:
                return self._bare_head(toks, j)
            if spec.bare_ok:  # "Ban Chỉ đạo tỉnh", "Ban Chỉ đạo thực hiện Chương trình ..."
                return self._extend(toks, j, head_end, spec, spec.name)
            return None
        disp, end = name
        return self._extend(toks, j, end, spec, f"{spec.name} {disp}")

    def _name(self, toks: list[_Tok], k: int, spec: _Entry) -> tuple[str, int] | None:
        n = len(toks)
        seg = self._segment(toks, k, spec)
        if seg is None:
            return None
        parts = [seg[0]]
        k = seg[1]
        while k < n:
            t = toks[k]
            if t.key in ("-", "và") and k + 1 < n and toks[k + 1].cap:
                if self._unit_start(toks, k + 1):
                    break
                s = self._segment(toks, k + 1, spec)
                if s is None or self._cites(toks, s[1]):
                    break
                joiner = " - " if t.key == "-" else " và "
                parts.append(joiner + s[0])
                k = s[1]
                continue
            if t.cap and t.kind == _WORD and not t.exp and not self._unit_start(toks, k):
                known = self._longest(self.segments, toks, k)
                if known is not None:
                    parts.append(" " + (known[1] if t.caps else self._surface(toks, k, known[0])))
                    k = known[0]
                    continue
                if spec.tail and not t.caps:
                    e = k
                    while e < n and e - k < 4 and toks[e].cap and toks[e].kind == _WORD:
                        e += 1
                    parts.append(" " + self._surface(toks, k, e))
                    k = e
                    continue
            break
        return "".join(parts), k

    @staticmethod
    def _cites(toks: list[_Tok], k: int) -> bool:
        """Whether toks[k] continues a document title ("và Kế hoạch số 19-KH/TW")."""
        return k < len(toks) and (toks[k].kind == _DOC or toks[k].key in ("số", "này", "ngày"))

    @staticmethod
    def _surface(toks: list[_Tok], a: int, b: int) -> str:
        # Dashes of any kind are written "-" in canonical names.
        return " ".join("-" if t.key == "-" else t.text for t in toks[a:b])

    def _segment(self, toks: list[_Tok], k: int, spec: _Entry) -> tuple[str, int] | None:
        """One capitalised part of a name: a known segment, or a capital + its syllables."""
        n = len(toks)
        if k >= n:
            return None
        t = toks[k]
        if spec.numbers and t.kind == _NUM:
            return t.text, k + 1
        if t.kind != _WORD or t.exp and not t.cap:
            return None
        if not t.cap:
            if not spec.lower or t.key in self.stop:
                return None
            e = k
            while (
                e < n
                and e - k < 8
                and toks[e].kind == _WORD
                and not toks[e].cap
                and toks[e].key not in self.stop
                and toks[e].key not in self.level_first
            ):
                e += 1
            return (self._surface(toks, k, e), e) if e > k else None
        known = self._longest(self.segments, toks, k)
        if known is not None:
            end, disp = known
            text = disp if t.caps else self._surface(toks, k, end)
            if spec.lower:
                end, text = self._lower_run(toks, end, text)
            return text, end
        if t.caps:  # an all-caps header: only known parts can be read safely
            return None
        e = k + 1
        # Most words have two syllables: take the next one unless it is a verb or a level,
        # then only syllables known to continue names ("Điều dưỡng người có công").
        if (
            e < n
            and toks[e].kind == _WORD
            and not toks[e].cap
            and toks[e].key not in self.stop
            and toks[e].key not in self.level_first
        ):
            e += 1
        while e < n and e - k <= 5 and toks[e].kind == _WORD and not toks[e].cap:
            phrase = self._walk(self.cont_phrases, toks, e, skip_dash=False)
            if phrase and phrase[-1][0] > e + 1:
                e = phrase[-1][0]
            elif toks[e].key in self.cont and toks[e].key not in self.level_first:
                e += 1
            else:
                break
        text = self._surface(toks, k, e)
        if spec.lower:
            e, text = self._lower_run(toks, e, text)
        return text, e

    def _lower_run(self, toks: list[_Tok], e: int, text: str) -> tuple[int, str]:
        """Lower-case words of a descriptive name ("Ban Quản lý dự án ...") up to a stop."""
        n = len(toks)
        s = e
        while (
            e < n
            and e - s < 8
            and toks[e].kind == _WORD
            and not toks[e].cap
            and toks[e].key not in self.stop
            and toks[e].key not in self.level_first
        ):
            e += 1
        if e > s:
            text = f"{text} {self._surface(toks, s, e)}"
        return e, text

    def _unit_start(self, toks: list[_Tok], k: int) -> bool:
        """Whether a unit (or a title) begins at toks[k]: it ends the name before it."""
        t = toks[k]
        if t.key not in self.start_keys or t.key in _PLURAL:
            return False
        for _end, entries in self._walk(self.trie, toks, k):
            if any(not e.is_class and (t.cap or e.any_case) for e in entries):
                return True
        hit = self._longest(self.heads, toks, k)
        if hit is not None and t.cap and hit[1].pattern:
            end = hit[0]
            if end < len(toks) and toks[end].cap and toks[end].kind == _WORD:
                return True
        return t.cap and self._longest(self.titles, toks, k) is not None

    def _party_owner(self, toks: list[_Tok], k: int) -> tuple[int, str, str | None] | None:
        hit = self._longest(self.party, toks, k)
        if hit is None:
            return None
        end, spec = hit
        name = spec["name"]
        place = None
        if spec.get("level") and end < len(toks):
            lv = self._level_at(toks, end)
            if lv is not None:
                name = f"{name} {lv[0].text}"
                end = lv[1]
        if spec.get("place") or spec.get("level"):
            place, end = self._place(toks, end, "any", caps_ok=toks[end - 1].caps)
        return end, name, place

    def _level_at(self, toks: list[_Tok], k: int) -> tuple[_Level, int] | None:
        if k >= len(toks) or toks[k].key not in self.level_first:
            return None
        hit = self._longest(self.levels, toks, k)
        if hit is None:
            return None
        end, lv = hit
        nxt = toks[end].key if end < len(toks) else ""
        if toks[end - 1].key == "xã" and nxt == "hội":
            return None  # "xã hội" is not the commune level
        if nxt in ("ủy", "đoàn") and end - k == 1:
            return None  # "Tỉnh ủy", "Huyện đoàn" are bodies, not levels
        return _Level(lv.text, toks[k].start, toks[end - 1].end, lv.placeable), end

    def _levels(self, toks: list[_Tok], k: int) -> tuple[list[_Level], int]:
        """Level words after a unit: "tỉnh", "các cấp", "các huyện, thành phố"."""
        n = len(toks)
        kk = k
        if toks[kk].key in _PLURAL:
            if kk + 1 < n and toks[kk + 1].key == "cấp":
                lv = _Level("các cấp", toks[kk].start, toks[kk + 1].end, False)
                return [lv], kk + 2
            kk += 1
        first = self._level_at(toks, kk)
        if first is None:
            return [], k
        levels = [first[0]]
        kk = first[1]
        while kk + 1 < n and toks[kk].key in (",", "và"):
            nxt = kk + 1
            if toks[nxt].key == "và" and nxt + 1 < n:
                nxt += 1
            hit = self._level_at(toks, nxt)
            if hit is None or hit[0].text.startswith("cấp") != levels[0].text.startswith("cấp"):
                break
            if toks[nxt].cap and not toks[nxt].caps:
                break  # a level word in a list is written in lower case
            levels.append(hit[0])
            kk = hit[1]
        return levels, kk

    def _place(self, toks: list[_Tok], k: int, mode: str, caps_ok: bool) -> tuple[str | None, int]:
        """Proper-name words after a level ("tỉnh Sơn La") or a committee ("Tỉnh ủy Sơn La")."""
        n = len(toks)
        if k >= n:
            return None, k
        if not toks[k].cap or toks[k].exp:
            return None, k
        hit = self._longest(self.provinces, toks, k)
        if hit is not None:
            return hit[1], hit[0]
        if mode != "any":
            # An unlisted district or commune: a proper name of two or more syllables.
            place, e = self._place(toks, k, "any", caps_ok=False)
            if place is not None and len(place.split()) >= 2:
                return place, e
            return None, k
        words: list[str] = []
        e = k
        while e < n and len(words) < 5:
            t = toks[e]
            if t.kind == _WORD and t.cap and not t.exp and (caps_ok or not t.caps):
                if self._unit_start(toks, e):
                    break
                words.append(t.text.capitalize() if t.caps else t.text)
                e += 1
                continue
            if t.key == "-" and words and e + 1 < n and toks[e + 1].cap and not toks[e + 1].exp:
                words.append("-")
                e += 1
                continue
            break
        while words and words[-1] == "-":
            words.pop()
            e -= 1
        return (" ".join(words), e) if words else (None, k)

    def _distribute(self, toks: list[_Tok], p: _Parse, head: tuple[str, ...] | None = None) -> None:
        """A head shared by a list: "Sở Y tế, Tài chính" → also "Sở Tài chính"."""
        if head is None:
            if not p.members or p.is_class:
                return
            e_head = self._head_of(p.members[-1].name)
            if e_head is None:
                return
            head = e_head
        node = self._node(head)
        if node is None:
            return
        n = len(toks)
        k = p.end
        while k + 1 < n and toks[k].key in (",", "và", ";", ":"):
            if toks[k].key == ":" and p.members:
                break
            s = k + 1
            if not toks[s].cap or self._unit_start(toks, s):
                break
            hits = [h for h in self._walk(node, toks, s) if h[0] > s]
            if not hits:
                break
            end, entries = hits[-1]
            e = next((x for x in entries if not x.is_class), None)
            if e is None:
                break
            q = self._extend(toks, s, end, e, e.name)
            if q is None:
                break
            p.members.extend(q.members)
            p.end = k = q.end

    def _head_of(self, name: str) -> tuple[str, ...] | None:
        keys = tuple(self._keys(name))
        for n in range(min(3, len(keys) - 1), 0, -1):
            spec = self.head_specs.get(keys[:n])
            if spec is not None and spec.distribute:
                return keys[:n]
        return None

    # -- coordination --------------------------------------------------------------------------

    _BORROW_GAP = re.compile(r"\s*(?:,|và|,\s*và)\s*(?:(?:các|những)\s+)?")

    def _borrow(self, text: str, ms: list[_Member]) -> list[_Member]:
        """A bare conjunct takes the level/owner of the next one: "Đảng ủy, UBND các xã"."""
        i = len(ms) - 2
        while i >= 0:
            m1, m2 = ms[i], ms[i + 1]
            if (
                m1.wants
                and m2.suffix_kind in m1.wants
                and self._BORROW_GAP.fullmatch(text[m1.end : m2.start])
            ):
                suffixes = m2.group if (m2.group and m2.suffix_kind == "level") else [m2.suffix]
                suffixes = list(dict.fromkeys(suffixes))
                new = [
                    _Member(
                        f"{m1.name} {s}",
                        m1.start,
                        m1.end,
                        m1.place,
                        s,
                        m2.suffix_kind,
                        m2.group,
                        is_head=m1.is_head,
                        collective=m1.collective or len(suffixes) > 1 or s == "các cấp",
                    )
                    for s in suffixes
                    if s
                ]
                ms[i : i + 1] = new
            i -= 1
        return ms


@lru_cache(maxsize=1)
def _recognizer() -> _Recognizer:
    raw = resources.files("chinhsach").joinpath("data/units.json").read_text(encoding="utf-8")
    return _Recognizer(json.loads(raw))


# ---------------------------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------------------------


def find_units(text: str) -> list[UnitMention]:
    """Units named in ``text`` (normalised with :func:`normalize_text`), sorted by start.

    Mentions do not overlap, with one exception: a bare conjunct that borrows a list of levels
    ("Đảng ủy, UBND các xã, thị trấn") yields one mention per level on the same span.
    """
    if not text:
        return []
    return _merge_collectives(text, [_with_region_number(text, m) for m in _recognizer().find(text)])


# "Ngân hàng Nhà nước khu vực XII", "Chi cục Hải quan khu vực V", "… chi nhánh khu vực 14": the
# number names the body (the 2025 regional offices); without it the name is ambiguous.
_REGION_NUMBER = re.compile(r"^\s+(?P<n>[IVXLC]{1,6}|\d{1,3})\b(?!\s*[/%.,]\d)")


def _with_region_number(text: str, m: UnitMention) -> UnitMention:
    if not fold(m.name).endswith("khu vuc"):
        return m
    nxt = _REGION_NUMBER.match(text[m.end :])
    if nxt is None:
        return m
    end = m.end + nxt.end()
    return UnitMention(m.start, end, text[m.start : end], f"{m.name} {nxt.group('n')}", m.place,
                       m.is_head, m.collective)


# Between members of one collective: a comma, or only a space where the comma was dropped
# ("sở, ban ngành"); "và" joins two collectives ("sở, ban, ngành thành phố và Ủy ban nhân dân
# xã, phường" names two).
_COLLECTIVE_GAP = re.compile(r"^\s*,?\s*(?:các\s+)?$")
# Class words that may close a collective without being units on their own ("sở, ban, ngành,
# địa phương", "các sở, ngành, đoàn thể").
_COLLECTIVE_TAIL = re.compile(r"^(?:\s*,\s*(?:các\s+)?(?:địa phương|đoàn thể))+", re.IGNORECASE)


def _bare_class(m: UnitMention) -> bool:
    """A class word standing for many bodies ("sở", "ban", "ngành thành phố")."""
    return m.collective and m.name[:1].islower() and len(m.name.split()) <= 3


def _merge_collectives(text: str, mentions: list[UnitMention]) -> list[UnitMention]:
    """One mention per collective phrase.

    Two shapes, both measured on the real plans: a list of bare class words ("các sở, ban,
    ngành" → "sở, ban, ngành"; a level word stays as printed: "Sở, ban, ngành thành phố" →
    "sở, ban, ngành thành phố"), and one head distributed over levels ("Ủy ban nhân dân các xã,
    phường" → "Ủy ban nhân dân xã, phường"). A leading "các" is dropped and a missing comma
    restored ("sở, ban ngành" → "sở, ban, ngành").
    """
    out: list[UnitMention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        j = i
        if _bare_class(m):
            while (j + 1 < len(mentions) and _bare_class(mentions[j + 1])
                   and mentions[j + 1].is_head == m.is_head
                   and _COLLECTIVE_GAP.match(text[mentions[j].end : mentions[j + 1].start])):
                j += 1
            members = mentions[i : j + 1]
            # A title in front ("Thủ trưởng các sở") is not part of the name.
            words = [x.name if x.is_head else re.sub(r"^(?:các|Các)\s+", "", x.text) for x in members]
            end = members[-1].end
            tail = _COLLECTIVE_TAIL.match(text[end:])
            if tail and (len(members) > 1):
                words += [re.sub(r"^[\s,]*(?:các\s+)?", "", w, flags=re.I) for w in tail.group(0).split(",") if w.strip()]
                end += tail.end()
            if len(words) > 1:
                name = ", ".join(w.strip() for w in words)
                name = name[:1].lower() + name[1:]
                out.append(UnitMention(members[0].start, end, text[members[0].start : end], name,
                                       None, members[0].is_head, True))
                i = j + 1
                continue
        else:
            # "Ủy ban nhân dân các xã" + "phường" (named "Ủy ban nhân dân phường"): one head.
            head = m.name.rsplit(" ", 1)[0] if " " in m.name else ""
            suffixes = [m.name[len(head) + 1 :]] if head else []
            while (head and j + 1 < len(mentions) and mentions[j + 1].collective
                   and mentions[j + 1].is_head == m.is_head
                   and mentions[j + 1].name.startswith(head + " ")
                   and (mentions[j + 1].start == m.start  # levels borrowed on one span
                        or (not fold(mentions[j + 1].text).startswith(fold(head))
                            and _COLLECTIVE_GAP.match(text[mentions[j].end : mentions[j + 1].start])))):
                j += 1
                suffixes.append(mentions[j].name[len(head) + 1 :])
            if j > i:
                out.append(UnitMention(m.start, mentions[j].end, text[m.start : mentions[j].end],
                                       f"{head} {', '.join(suffixes)}", None, m.is_head, True))
                i = j + 1
                continue
        out.append(m)
        i += 1
    return out


_LEFTOVER_RE = re.compile(r"[\s,.;:()\-–]*(?:(?:các|những)\s*)?[\s,.;:()\-–]*")


def canonical_unit(name: str) -> str | None:
    """The canonical name of one unit written any way ("UBND tỉnh Sơn La", "Sở NN&PTNT",
    "Giám đốc Sở Y tế"), or None when the text names no unit or several."""
    text = normalize_text(name).strip(" .,;:")
    if not text:
        return None
    for candidate in (text, text[0].upper() + text[1:]):
        ms = find_units(candidate)
        names = {m.name for m in ms}
        if len(names) != 1:
            continue
        rest = []
        pos = 0
        for m in ms:
            rest.append(candidate[pos : m.start])
            pos = max(pos, m.end)
        rest.append(candidate[pos:])
        if all(_LEFTOVER_RE.fullmatch(r) for r in rest):
            return ms[0].name
    return None


# ---------------------------------------------------------------------------------------------
# Directory: fuzzy lookup of a unit among the units an index knows
# ---------------------------------------------------------------------------------------------

_FOLD_LEVELS = sorted(
    (
        "tinh",
        "huyen",
        "quan",
        "thi xa",
        "thanh pho",
        "xa",
        "phuong",
        "thi tran",
        "dac khu",
        "cap tinh",
        "cap huyen",
        "cap xa",
        "cap co so",
        "co so",
        "cac cap",
        "dia phuong",
        "khu vuc",
        "chi nhanh tinh",
        "chi nhanh huyen",
        "thanh pho truc thuoc trung uong",
    ),
    key=lambda s: -len(s.split()),
)
_FOLD_TITLES = sorted(
    (
        "giam doc",
        "pho giam doc",
        "tong giam doc",
        "chu tich",
        "pho chu tich",
        "chu nhiem",
        "bi thu",
        "pho bi thu",
        "pho bi thu thuong truc",
        "thu truong",
        "nguoi dung dau",
        "lanh dao",
        "bo truong",
        "thu truong",
        "cuc truong",
        "chi cuc truong",
        "vien truong",
        "chi huy truong",
        "chanh an",
        "ct",
        "pct",
        "gd",
        "pgd",
    ),
    key=lambda s: -len(s.split()),
)
# "Trưởng"/"Chánh" fold to words that also start unit names (Trường), so they are stripped only
# before the units they head.
_FOLD_TITLE_BEFORE = {
    "truong": ("ban", "phong", "cong an"),
    "pho truong": ("ban", "phong", "cong an"),
    "chanh": ("van phong", "thanh tra"),
    "pho chanh": ("van phong", "thanh tra"),
}
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
        rec = _recognizer()
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
        rec = _recognizer()
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
        for a, b in _recognizer().equivalences:
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


__all__ = ["UnitDirectory", "UnitMention", "canonical_unit", "find_units"]
