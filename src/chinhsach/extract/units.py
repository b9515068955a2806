"""Recognise Vietnamese public bodies (đơn vị) and give each one canonical name.

Three layers, all compiled once from ``data/units.json`` (cached):

- a **gazetteer** of bodies at every level (Party, State, Front and mass organisations) and of
  named classes of bodies ("sở", "huyện ủy", "tổ chức chính trị - xã hội"), matched on a
  token trie after abbreviations are expanded (UBND, HĐND, MTTQ, LĐ-TB&XH, NN&PTNT, ...);
- **patterns** for bodies the gazetteer does not list: a head ("Sở", "Phòng", "Trung tâm",
  "Ban", "Hội", "Chi cục", "Quỹ", ...) followed by a capitalised name, bounded by known name
  segments, hyphens, "và" + capitalised word, and stopped by verbs, punctuation and the next unit.
  A sentence-case name goes on over lower-case words ("Quỹ Đầu tư phát triển tỉnh", "Ban Chỉ
  đạo phòng, chống ma túy tỉnh", "Cục Quản lý thị trường") up to a real boundary: a closed list
  of role verbs and function words (``boundaries`` in units.json), a level word, clause
  punctuation or the next unit; the run is read by dictionary words, not syllables, and is
  kept only when such a boundary closes it (measured on the team's sentences of other provinces
  and sectors, tests/test_units_general.py: 43/64 → 64/64, and on the development gold);
- a small **grammar** around both: a title before the unit ("Giám đốc Sở Y tế" → is_head), the
  owner after it ("Ban Tuyên giáo Tỉnh ủy", "Ban cán sự đảng Ủy ban nhân dân tỉnh"), the level
  ("tỉnh", "các huyện, thành phố", "các cấp") and the place name, which is kept apart
  ("Ủy ban nhân dân tỉnh Sơn La" → name "Ủy ban nhân dân tỉnh", place "Sơn La").

Collective phrases are one unit each, as the real plans use them (GUIDELINES-real.md): "các
sở, ban, ngành liên quan" → "sở, ban, ngành"; "Ủy ban nhân dân các xã, phường" → "Ủy ban nhân
dân xã, phường" (:func:`_merge_collectives`). Coordinated named units stay apart ("Sở Y tế, Sở
Nội vụ"); a bare unit takes the level or owner of the next conjunct ("Đảng ủy, UBND các xã" →
"Đảng ủy xã", "Ủy ban nhân dân xã"; "Ban Tuyên giáo, Ban Tổ chức Tỉnh ủy").

Public institutions (universities, hospitals, centres) name their own units: offices by head word
and sentence-case name, often abbreviated ("Phòng QLĐT&CTHSSV", expanded by the document itself,
:func:`one_name_per_body`), office-holders as units of their own ("Hiệu trưởng", "Trưởng khoa"),
and themselves as "Trường". On the development regulation of ``gold/fresh-pdf`` (blind F1 0.145)
these took units with roles to 0.940, with the plans and laws unchanged (RESULTS.md, hnmu).

:class:`UnitDirectory` answers "which known unit does this query mean" with scores, across
abbreviations, missing diacritics, titles and old/new names of merged departments.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from chinhsach.extract.gazetteer import (
    DOC,
    NUM,
    PLURAL,
    WORD,
    Entry,
    Gazetteer,
    Level,
    Tok,
)
from chinhsach.text.bodies import unit_data
from chinhsach.text.normalize import fold, normalize_text
from chinhsach.text.tokens import word_dictionary

# Party cells and committees named by the body they sit in, through a link word: "Đảng ủy cơ
# quan Văn phòng Quốc hội", "Chi bộ cơ quan Sở Tư pháp", "Tổ đảng ở Thường trực Hội đồng …"
# (GUIDELINES-real.md: the link word stays in the name, as printed).
_PARTY_CELLS = frozenset({"Tổ đảng", "Chi bộ", "Đảng ủy", "Đảng bộ", "Đảng đoàn", "Ban cán sự đảng"})
_PARTY_LINKS = (("cơ", "quan"), ("ở",), ("tại",))


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


def _extended(m: UnitMention, text: str, end: int, name: str) -> UnitMention:
    """``m`` run on to ``end`` over words that belong to its name ("… Trung ương", "… cùng cấp",
    the fields of "cơ quan báo chí, phát thanh")."""
    return replace(m, end=end, text=text[m.start : end], name=name)


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




class UnitGrammar(Gazetteer):
    """The grammar around the gazetteer: titles, owners, levels, places, lists of units."""

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
    def _list_gap(toks: list[Tok], a: int, b: int) -> bool:
        """Whether only list punctuation stands between two parses ("sở, ban, ngành")."""
        if b - a > 3:
            return False
        return all(toks[k].key in (",", "và", ";", "các", "những", "/") for k in range(a, b))

    def _parse_at(self, toks: list[Tok], i: int, adjacent: bool) -> _Parse | None:
        n = len(toks)
        title = self._longest(self.titles, toks, i)
        if title is not None and any(end > title[0] and any(e.office for e in entries)
                                     for end, entries in self._walk(self.trie, toks, i)):
            title = None  # "Trưởng bộ môn", "Trưởng khoa": an office of its own, not "Trưởng" + "bộ"
        if title is not None:
            j = title[0]
            plural = j < n and toks[j].key in PLURAL
            if plural:
                j += 1
            # "các đồng chí bí thư tỉnh ủy, thành ủy": the plural before the form of address
            # governs the title's bodies as "Thủ trưởng các sở" does.
            plural = plural or (i >= 3 and toks[i - 1].key == "chí" and toks[i - 2].key == "đồng"
                                and toks[i - 3].key in PLURAL)
            if j < n:
                # After a title a class word is the office's body ("Thủ trưởng cơ quan ngang bộ",
                # "Giám đốc sở, ngành"), not a common noun: the weak-word guard is off.
                weak_ok = toks[j].kind == WORD and not toks[j].cap
                p = self._core(toks, j, after_title=True, plural=plural, adjacent=weak_ok)
                if p is None and toks[j].kind == WORD and toks[j].cap:
                    # A title-case class phrase after a title is the class too: a telegram
                    # capitalises its addressees ("Thủ trưởng Cơ quan ngang Bộ, Thủ trưởng Cơ
                    # quan thuộc Chính phủ"). One capitalised word stays the bare head of the
                    # document's own body ("trình Giám đốc Sở phê duyệt").
                    p = self._core(toks, j, after_title=True, plural=plural, adjacent=True)
                    if p is not None and p.end - j < 2:
                        p = None
                if p is not None:
                    p.members[0].start = toks[i].start
                    for m in p.members:
                        m.is_head = True
                        m.collective = m.collective or plural
                    return p
            if (fold(self._surface(toks, i, title[0])) == "bo truong" and j < n and toks[j].key in (",", "và")
                    and (i > 0 and toks[i - 1].key in PLURAL | {"chí"}
                         or j + 1 < n and toks[j + 1].key in ("thủ", "cơ"))):
                # "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ …" (a decree's execution clause):
                # the ministers stand for the ministries, the class "bộ". The Government's
                # telegrams, notices, decisions and resolutions address them without "Các"
                # ("yêu cầu Bộ trưởng, Thủ trưởng cơ quan ngang bộ …", "Bộ trưởng, Thủ trưởng cơ
                # quan ngang bộ … chịu trách nhiệm thi hành") or as "các đồng chí Bộ trưởng, …"
                # (session 13: a telegram, a conclusion notice, a Politburo conclusion, the Prime
                # Minister's qd2623 and the Government's nq380 of 2025); a named minister is
                # "Bộ trưởng Bộ X".
                return _Parse([_Member("bộ", toks[i].start, toks[title[0] - 1].end, is_head=True,
                                       collective=True)], title[0], is_class=True)
        j = i
        plural = toks[j].key in PLURAL
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
        toks: list[Tok],
        j: int,
        *,
        after_title: bool,
        plural: bool,
        adjacent: bool,
        owner_mode: bool = False,
    ) -> _Parse | None:
        t = toks[j]
        if t.kind != WORD:
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
                    if not e.weak and self._inside_word(toks, j):
                        continue  # "kinh tế - xã hội, hiệp hội …" is not "hội, hiệp hội"
                    prio = 0 if (plural or adjacent or not t.cap) else 1
                else:
                    # "Văn phòng trường": as an owner the institution may be written in lower case.
                    if not (upper or e.any_case or (owner_mode and e.self_ref)):
                        continue
                    if e.self_ref and (plural or not self._self_ref_ok(toks, j, end, owner_mode)):
                        continue  # "các Bệnh viện tuyến tỉnh" are many, not the issuer
                    prio = 0 if (upper and not plural) else 1
                p = self._extend(toks, j, end, e, e.name)
                if p is not None:
                    cands.append((p.end, prio, p))
                listed = self._class_list(toks, j, end, e.name) if e.is_class else None
                if listed is not None:
                    p = self._extend(toks, j, listed[0], e, listed[1])
                    if p is not None:
                        cands.append((p.end, prio, p))
        if (upper or self._abbreviated_at(toks, j + 1)
                or (j + 1 < len(toks) and toks[j + 1].exp and toks[j + 1].cap)) and t.key in self.heads:
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

    @staticmethod
    def _self_ref_ok(toks: list[Tok], j: int, end: int, owner: bool = False) -> bool:
        """Whether a bare "Trường" / "Bệnh viện" names the issuing institution: written with its
        capital, not an all-caps header, and not the first syllable of another word ("Trường
        hợp", "Trường học")."""
        if not (toks[j].cap or owner) or toks[j].caps or (j > 0 and toks[j - 1].key in PLURAL):
            return False
        return not (end < len(toks) and toks[end].key in ("hợp", "học", "ca", "sở"))

    def _abbreviated_at(self, toks: list[Tok], k: int) -> bool:
        """Whether an unlisted all-caps abbreviation of three letters or more starts at toks[k]
        ("Phòng QLĐT&CTHSSV", "phòng QLCLGD"): an institution's own short name for its office,
        which only the document can expand (:func:`expand_abbreviations`)."""
        n = len(toks)
        return (k < n and toks[k].caps and not toks[k].exp
                and (len(toks[k].text) >= 3 or (k + 1 < n and toks[k + 1].text == "&"))
                and (k == 0 or not toks[k - 1].caps))

    def _abbreviation(self, toks: list[Tok], k: int) -> tuple[str, int] | None:
        """The abbreviation starting at toks[k] as printed, parts joined by "&" or "-" included."""
        if not self._abbreviated_at(toks, k):
            return None
        text, e = toks[k].text, k + 1
        while (e + 1 < len(toks) and toks[e].text in ("&", "-") and toks[e + 1].caps
               and not toks[e + 1].exp):
            gap = "" if toks[e].start == toks[e - 1].end and toks[e + 1].start == toks[e].end else " "
            text += f"{gap}{toks[e].text}{gap}{toks[e + 1].text}"
            e += 2
        if e < len(toks) and toks[e].kind == WORD and toks[e].caps:
            return None  # an all-caps line, not a short name
        return text, e

    def _class_list(self, toks: list[Tok], j: int, end: int, first: str) -> tuple[int, str] | None:
        """A class whose head noun is shared by the next bare words: "doanh nghiệp viễn thông,
        bưu chính", "trường đại học, cao đẳng" — one collective (GUIDELINES-real.md), while
        "doanh nghiệp viễn thông, doanh nghiệp bưu chính" repeats the head and names two."""
        keys = [t.key for t in toks[j:end]]
        n = len(toks)
        for h in range(len(keys) - 1, 0, -1):
            node = self._node(keys[:h])
            if node is None:
                continue
            k = end
            name = first
            while k + 1 < n and toks[k].key in (",", "và"):
                nxt = toks[k + 1]
                # Title case goes on only in a title-case list ("Các Trường Đại học, Cao đẳng").
                if nxt.kind != WORD or (nxt.cap and not toks[j].cap) or nxt.key == keys[0]:
                    break
                hits = [x for x in self._walk(node, toks, k + 1) if x[0] > k + 1
                        and any(y.is_class for y in x[1])]
                # A conjunct that names a body by itself has its own head ("và hội quần chúng").
                if not hits or any(x[0] >= hits[-1][0] for x in self._walk(self.trie, toks, k + 1)):
                    break
                sep = ", " if toks[k].key == "," else " và "
                name += sep + " ".join(t.key for t in toks[k + 1 : hits[-1][0]])
                k = hits[-1][0]
            if k > end:
                return k, name
        return None

    @staticmethod
    def _inside_word(toks: list[Tok], j: int) -> bool:
        """Whether toks[j] ends a dictionary word begun by the lower-case syllable before it
        ("xã hội", "cơ sở"): a class word read there would be half of another word."""
        if j == 0 or toks[j - 1].kind != WORD or toks[j - 1].cap or toks[j - 1].exp:
            return False
        table = word_dictionary() or {}
        if j + 1 < len(toks) and f"{toks[j].key} {toks[j + 1].key}" in table:
            return False  # "người đứng đầu cơ quan": the class's own word ("cơ quan") wins
        return f"{toks[j - 1].key} {toks[j].key}" in table

    def _weak_ok(
        self, toks: list[Tok], j: int, end: int, e: Entry, plural: bool, adjacent: bool
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
        if nxt == "có" and "liên" in after and end + 1 < n and toks[end + 1].key == "liên":
            return False  # "các đơn vị chức năng có liên quan": any related office, no unit
        if plural or adjacent:
            return True
        if j > 0 and toks[j - 1].key in self.weak_license.get(e.name, ()):
            return True
        if e.name == "chính quyền":
            return end < n and toks[end].key in self.level_first
        # "Sở, ban, ngành ..." without "các": a list of weak nouns. The next one must be a whole
        # class word ("bộ, cơ quan ngang bộ"), not only start like one ("bộ, cơ quan liên quan").
        k = end + 1 if nxt in (",", "và") else end
        # "Bộ ngành Trung ương", "Sở ngành" (audit of real text): the compound with "ngành" is
        # the collective with its comma dropped, restored as GUIDELINES-real.md does.
        return (k < n and toks[k].key in self.weak_first and (k != end or nxt == "ngành")
                and any(x.weak for _, xs in self._walk(self.trie, toks, k) for x in xs))

    def _extend(self, toks: list[Tok], j: int, end: int, e: Entry, base: str) -> _Parse | None:
        """The unit ``base`` read from toks[j:end], with its owner, level and place."""
        n = len(toks)
        start = toks[j].start
        k = self._past_code(toks, end, e)
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
                if sub is None and toks[k].key == "-" and k + 1 < n and toks[k + 1].cap:
                    # "Phòng Tham mưu - Công an tỉnh": a dash may stand before the owner.
                    sub = self._core(
                        toks, k + 1, after_title=False, plural=False, adjacent=False,
                        owner_mode=True,
                    )
                link = self._party_link(toks, k, base) if sub is None else 0
                if link:
                    sub = self._core(
                        toks, k + link, after_title=False, plural=False, adjacent=False,
                        owner_mode=True,
                    )
                    if sub is not None:
                        base = f"{base} {self._surface(toks, k, k + link)}"
                if sub is not None:
                    if e.joint:
                        sub = self._joint(toks, sub)
                    return self._prefixed(base, sub, start, e)
        if e.need == "owner" and owner is None:
            return None
        name = base if owner is None else f"{base} {owner}"
        levels: list[Level] = []
        if owner is None and e.level and k < n:
            levels, k = self._levels(toks, k)
        if e.need == "level" and not levels:
            return None
        if e.need == "level_or_place" and not levels:
            # "Thuế Đồng Nai" (2025): the province's name is the body's name (GUIDELINES-real.md
            # keeps it), while "Thuế tỉnh Đồng Nai" drops it after the level word as usual.
            hit = self._longest(self.provinces, toks, k) if k < n else None
            if hit is None:
                return None
            return _Parse([_Member(f"{name} {hit[1]}", start, toks[hit[0] - 1].end)], hit[0])
        if e.need == "level_or_owner" and not levels and owner is None:
            return None
        if levels and len(levels) == 1 and levels[0].placeable:
            place, k = self._place(toks, k, "any", caps_ok=toks[k - 1].caps)
        elif not levels and owner is None and not e.is_class:
            mode = e.place
            place, k = self._place(toks, k, "any" if mode == "name" else mode, caps_ok=toks[k - 1].caps)
            if mode == "name" and place is not None:
                # "Ban Quản lý Khu kinh tế Dung Quất", "… Khu kinh tế Đông Nam": the proper name
                # after the zone word is the zone's, part of the board's name (GUIDELINES-real.md:
                # names that end in a place keep it; qd1627 and kh987 of the session-13 fresh plans).
                name, place = f"{name} {place}", None
                # "… Dung Quất và các Khu công nghiệp Quảng Ngãi": the board of a zone and the
                # province's industrial parks is named so in full.
                j = k + 1 if k < n and toks[k].key == "và" else k
                j = j + 1 if j < n and toks[j].key in PLURAL else j
                if j > k and [t.key for t in toks[j : j + 3]] == ["khu", "công", "nghiệp"]:
                    parks, e2 = self._place(toks, j + 3, "any", caps_ok=toks[j + 2].caps)
                    if parks is not None:
                        name = f"{name} {self._surface(toks, k, j + 3)} {parks}"
                        k = e2
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

    @staticmethod
    def _party_link(toks: list[Tok], k: int, base: str) -> int:
        """How many tokens at toks[k] join a Party cell or committee to the body it sits in:
        "Đảng ủy cơ quan Văn phòng …", "Chi bộ cơ quan Sở …", "Tổ đảng ở Thường trực Ủy ban …"
        (0 when none). Every Party plan charges its cells so; read without the link word the
        cell was dropped or cut to a bare "Đảng ủy" and the bullets under it went to the body
        it sits in (kh3260 of the session-17 batch: 15/92 units)."""
        if base not in _PARTY_CELLS:
            return 0
        keys = [t.key for t in toks[k : k + 3]]
        for link in _PARTY_LINKS:
            w = len(link)
            if keys[:w] == list(link) and k + w < len(toks) and toks[k + w].cap:
                return w
        return 0

    def _past_code(self, toks: list[Tok], k: int, e: Entry) -> int:
        """After a body's own acronym or code in brackets when its level or owner follows:
        "Trung tâm Kiểm soát bệnh tật (CDC) tỉnh", "Phòng Cảnh sát … (PC06) Công an tỉnh"
        (names glossed with the code their documents are signed with); ``k`` otherwise."""
        n = len(toks)
        if k + 2 >= n or toks[k].key != "(":
            return k
        c = k + 1
        while c < n and c - k <= 6 and (toks[c].exp or toks[c].caps or toks[c].kind == NUM
                                        or toks[c].key in ("-", "và") and c > k + 1):
            c += 1
        if c == k + 1 or c >= n - 1 or toks[c].key != ")" or not (toks[k + 1].exp or toks[k + 1].caps):
            return k
        after = c + 1
        if self._level_at(toks, after) is not None or (e.owner in ("unit", "any") and toks[after].cap
                                                       and self._unit_start(toks, after)):
            return after
        return k

    def _prefixed(self, base: str, sub: _Parse, start: int, e: Entry) -> _Parse:
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

    def _joint(self, toks: list[Tok], sub: _Parse) -> _Parse:
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

    def _bare_head(self, toks: list[Tok], k: int) -> _Parse | None:
        """A head standing for the document's own body: "Giám đốc Sở", "trực thuộc Sở"."""
        t = toks[k]
        if not t.cap or t.caps:
            return None
        hit = self._longest(self.heads, toks, k)
        if hit is None or not hit[1].bare:
            return None
        end = hit[0]
        if end < len(toks) and toks[end].cap and toks[end].kind == WORD:
            return None
        return _Parse([_Member(hit[1].name, t.start, toks[end - 1].end)], end)

    def _pattern(
        self, toks: list[Tok], j: int, head_end: int, spec: Entry, lenient: bool
    ) -> _Parse | None:
        """An unlisted unit: head + capitalised name ("Trung tâm Truyền thông và Văn hóa")."""
        n = len(toks)
        if head_end < n and toks[head_end].key == ":" and spec.distribute:
            p = _Parse([], head_end)  # "các Sở: Y tế, Tài chính, ..." — members come from the list
            self._distribute(toks, p, spec.head)
            return p if p.members else None
        name = None
        if (spec.pattern and head_end < n and head_end - j == 1
                and toks[head_end].key == toks[j].key and toks[head_end].cap):
            head_end += 1  # an evident doubled head word ("Sở Sở Công Thương", kh179)
        if spec.pattern:
            name = self._name(toks, head_end, spec) or self._abbreviation(toks, head_end)
            if name is not None and spec.tail and toks[head_end].caps:
                # "Trường THPT Chu Văn An": a kind abbreviated, then the proper name.
                e = name[1]
                while e < len(toks) and e - name[1] < 4 and toks[e].cap and toks[e].kind == WORD \
                        and not toks[e].caps and not self._unit_start(toks, e):
                    e += 1
                name = (f"{name[0]} {self._surface(toks, name[1], e)}".rstrip(), e)
        if name is None:
            if lenient and spec.bare:
                return self._bare_head(toks, j)
            if spec.bare_ok:  # "Ban Chỉ đạo tỉnh", "Ban Chỉ đạo thực hiện Chương trình ..."
                return self._extend(toks, j, head_end, spec, spec.name)
            return None
        disp, end = name
        full = self._snap(f"{spec.name} {disp}")
        if (full == f"{spec.name} {disp}" and end < n and toks[end].kind == WORD
                and not toks[end].cap and toks[end].key != "và"):
            # A misspelt first syllable cut the name short ("Sở Sây dựng"): take the next
            # syllable when that spells a listed body.
            longer = f"{full} {toks[end].text}"
            if self._snap(longer) != longer:
                full, end = self._snap(longer), end + 1
        return self._extend(toks, j, end, spec, full)

    def _snap(self, name: str) -> str:
        """The listed body an unlisted name misspells: one letter off ("Sở Sây dựng", kh182) or
        "và" dropped ("Sở Khoa học Công nghệ", kh179); the name itself otherwise.

        Only within one head ("Sở …" against listed "Sở …") and for names of ten letters or
        more, so that two short names one letter apart are not merged.
        """
        key = _snap_key(name)
        by_head = self.snap_index().get(key.split(" ", 1)[0], {})
        if key in by_head:
            return by_head[key]
        if len(key) < 10:
            return name
        for other, canon in by_head.items():
            if abs(len(other) - len(key)) <= 1 and _one_edit(key, other):
                return canon
        return name

    @lru_cache(maxsize=1)  # noqa: B019 - one grammar per process (unit_grammar is cached)
    def snap_index(self) -> dict[str, dict[str, str]]:
        out: dict[str, dict[str, str]] = {}
        for e in self.entries:
            if not e.is_class:
                key = _snap_key(e.name)
                out.setdefault(key.split(" ", 1)[0], {}).setdefault(key, e.name)
        return out

    def _name(self, toks: list[Tok], k: int, spec: Entry) -> tuple[str, int] | None:
        n = len(toks)
        seg = self._segment(toks, k, spec)
        if seg is None:
            return None
        parts = [seg[0]]
        k = seg[1]
        while k < n:
            t = toks[k]
            if t.key == "," and k + 1 < n and toks[k + 1].cap and not self._unit_start(toks, k + 1):
                # "Chi cục Chăn nuôi, Thú y và Thủy sản": a comma joins parts of a name only in
                # the "A, B và C" shape of Vietnamese department names.
                s = self._segment(toks, k + 1, spec)
                e2 = s[1] if s is not None else k
                more = [", " + s[0]] if s is not None else []
                # "Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam": the same shape with
                # more than one comma before the "và" (a national institute named after its
                # ministry's fields; qd4385 of the session-13 development set).
                while (s is not None and e2 + 1 < n and toks[e2].key == "," and toks[e2 + 1].cap
                       and not self._unit_start(toks, e2 + 1)):
                    s = self._segment(toks, e2 + 1, spec)
                    if s is not None:
                        more.append(", " + s[0])
                        e2 = s[1]
                if (s is not None and e2 + 1 < n and toks[e2].key == "và" and toks[e2 + 1].cap
                        and not self._unit_start(toks, e2 + 1)
                        # "Sở Y tế, Tài chính và Nội vụ" shares the head of listed bodies
                        and not (self._listed(spec, parts)
                                 and not self._listed_prefix(spec, [*parts, *more]))):
                    parts.extend(more)
                    k = e2
                    continue
                field = self._joined_field_at(toks, e2) if s is not None and not self._listed(spec, parts) else None
                if field is not None:
                    # "Viện Chiến lược, Chính sách TN&MT" / "… Chính sách tài nguyên và môi
                    # trường": the "và" of the shape stands inside the field that ends the name
                    # (s14 dev kh09-btnmt-2024 item III.3 and table row 7).
                    parts.extend(more)
                    if not toks[e2].exp:
                        parts.append(" " + self._surface(toks, e2, field))
                        e2 = field
                    k = e2
                    continue
                break
            if t.key in ("-", "và") and k + 1 < n and toks[k + 1].cap:
                if self._unit_start(toks, k + 1):
                    break
                s = self._segment(toks, k + 1, spec)
                if s is None or self._cites(toks, s[1]):
                    break
                joiner = " - " if t.key == "-" else " và "
                if self._listed(spec, parts) and not self._listed_prefix(spec, [*parts, joiner + s[0]]):
                    break  # "Sở Nội vụ và Giáo dục …": two listed bodies, not one name
                parts.append(joiner + s[0])
                k = s[1]
                continue
            field = self._field_abbreviation(toks, k)
            if field is not None and not self._listed(spec, parts):
                # "Trung tâm Truyền thông TN&MT", "Cục … dữ liệu TNMT": a field's abbreviation
                # ends a department's name as the field's words do (a ministry's duty table
                # abbreviates its own field; s14 dev kh09-btnmt-2024, rows 3, 7-9).
                parts.append(" " + " ".join(x.text for x in toks[k:field]))
                k = field
                continue
            if t.cap and t.kind == WORD and not t.exp and not self._unit_start(toks, k):
                known = self._longest(self.segments, toks, k)
                if known is not None:
                    parts.append(" " + (known[1] if t.caps else self._surface(toks, k, known[0])))
                    k = known[0]
                    continue
                if spec.tail and not t.caps:
                    place = self._longest(self.provinces, toks, k)
                    if place is not None:
                        # A province ends the tail as printed: "Thái Nguyên chủ động" is not
                        # read on as the dictionary word "nguyên chủ".
                        parts.append(" " + self._surface(toks, k, place[0]))
                        k = place[0]
                        continue
                    e = k
                    while e < n and e - k < 4 and toks[e].cap and toks[e].kind == WORD:
                        # "Nam Tây Nguyên chủ trì": a role verb after the name is no syllable of it.
                        lower_next = (e + 1 < n and toks[e + 1].kind == WORD and not toks[e + 1].cap
                                      and not self._boundary_at(toks, e + 1))
                        e = max(e + 1, self._word_end(toks, e)) if lower_next else e + 1
                    parts.append(" " + self._surface(toks, k, e))
                    k = e
                    continue
            if spec.numbers and t.key == "số" and k + 1 < n and toks[k + 1].kind == NUM:
                parts.append(f" số {toks[k + 1].text}")  # "Đội Quản lý thị trường số 3"
                k += 2
                continue
            if spec.tail and t.key == "miền" and k + 1 < n and toks[k + 1].cap:
                parts.append(f" miền {toks[k + 1].text}")  # "Tổng công ty Điện lực miền Bắc"
                k += 2
                continue
            if spec.lower_level and t.kind == WORD and not t.cap and not self._listed(spec, parts):
                # An enterprise is named in sentence case ("Công ty TNHH MTV Khai thác công trình
                # thủy lợi tỉnh", "Công ty Cổ phần Cấp thoát nước Bình Thuận"), but its head is
                # also followed by a verb phrase: the run is its name only when a level word or a
                # province closes it.
                e = self._sentence_run(toks, k)
                if e > k and e < n and (self._level_at(toks, e) is not None or self._place_at(toks, e)):
                    parts.append(" " + self._surface(toks, k, e))
                    k = e
                    continue
                break
            if spec.tail and t.kind == WORD and not t.cap and parts:
                # A proper name's head (Viện, Trường) takes no verb phrase, but a short
                # sentence-case run that a level word closes is still its name ("Viện Nghiên cứu
                # phát triển Thành phố", as TP Hồ Chí Minh names its institute).
                e = self._sentence_run(toks, k)
                # A national institute's name closes on the country as a provincial one on its
                # level ("Viện Khoa học lâm nghiệp Việt Nam", s14 dev qd2200-bnnmt-2026).
                country = e + 1 < n and toks[e].key == "việt" and toks[e + 1].key == "nam" and toks[e].cap
                if 0 < e - k <= 3 and e < n and (self._level_at(toks, e) is not None or country):
                    parts.append(" " + self._surface(toks, k, e))
                    k = e
                    continue
                break
            if spec.lower and t.kind == WORD and not t.cap and not self._listed(spec, parts):
                # A descriptive name goes on in sentence case after a capitalised part too
                # ("Ban Quản lý Khu Nông nghiệp ứng dụng công nghệ cao …", ct010 of the
                # session-13 fresh plans), when a role verb, a level or a place closes the run.
                e = self._sentence_run(toks, k, lower_head=True)
                if e > k and (self._ends_name(toks, e) or self._place_at(toks, e)):
                    parts.append(" " + self._surface(toks, k, e))
                    k = e
                    continue
                break
            if t.kind == WORD and not t.cap and not spec.lower and not spec.tail:
                # A sentence-case name goes on over lower-case words ("Quỹ Đầu tư phát triển",
                # "Cục Quản lý thị trường"), but hardly after a listed body ("Sở Y tế khảo sát
                # …": the body is complete, a verb follows).
                e = self._sentence_run(toks, k)
                if e == k or not (self._ends_name(toks, e) or self._field_abbreviation(toks, e) is not None):
                    break
                if self._listed(spec, parts) and not (
                    e - k <= 3 and e < n and self._level_at(toks, e) is not None
                ):
                    # A listed body is complete; only a short run closed by a level word goes
                    # on ("Trung tâm Trợ giúp pháp lý nhà nước tỉnh").
                    break
                parts.append(" " + self._surface(toks, k, e))
                k = e
                continue
            break
        return "".join(parts), k

    def _listed(self, spec: Entry, parts: list[str]) -> bool:
        keys = tuple(self._keys(f"{spec.name} {''.join(parts)}"))
        return keys in self.listed

    def _listed_prefix(self, spec: Entry, parts: list[str]) -> bool:
        keys = tuple(self._keys(f"{spec.name} {''.join(parts)}"))
        return any(x[: len(keys)] == keys for x in self.listed)

    def _word_end(self, toks: list[Tok], k: int) -> int:
        """End of the dictionary word that starts at toks[k] over lower-case syllables ("Tham
        mưu", "Công nghiệp"); ``k + 1`` when no longer word starts there."""
        # underthesea's word dictionary (shared with the word segmenter, read once per process):
        # names are read by words where a syllable alone misleads ("trình" ends a name, "công
        # trình" does not; "Công" of a proper name takes "nghiệp").
        table = word_dictionary() or {}
        n = len(toks)
        longest = min(table.get(toks[k].key, 1), n - k)
        for m in range(longest, 1, -1):
            span = toks[k : k + m]
            if all(x.kind == WORD and not x.cap and not x.exp for x in span[1:]) and (
                " ".join(x.key for x in span) in table
            ):
                return k + m
        return k + 1

    def _boundary_at(self, toks: list[Tok], k: int) -> bool:
        """Whether a role verb or function word ("chủ trì", "của") starts at toks[k]."""
        t = toks[k]
        if t.key == "số" and k + 1 < len(toks) and toks[k + 1].kind in (NUM, DOC):
            return True  # "Kế hoạch số 12", not "chuyển đổi số"
        return bool(self._walk(self.boundaries, toks, k, skip_dash=False))

    def _sentence_run(self, toks: list[Tok], k: int, limit: int = 16, lower_head: bool = False) -> int:
        """End of the lower-case words from toks[k] that may continue a name.

        The run stops at a boundary phrase, a level word ("tỉnh", "các xã") and any other
        punctuation than the comma of "phòng, chống"; "và" joins two lower-case words ("Quỹ
        Bảo vệ và phát triển rừng", "Hội Doanh nghiệp nhỏ và vừa"). Lower-case runs of listed
        names ("dự án đầu tư xây dựng") pass a boundary word inside them. After a head whose
        names are descriptive (``lower_head``: Ban Quản lý, Ban Chỉ đạo) the run may also take
        "các" and capitalised words that open no unit ("Ban Quản lý các Khu công nghệ cao và
        khu công nghiệp").
        """
        n = len(toks)
        e = k
        comma = None  # where the run stood before its first inner comma
        while e < n and e - k < limit:
            t = toks[e]
            if t.key == "," and e > k and toks[e - 1].key == "phòng" and e + 1 < n and toks[e + 1].key == "chống":
                e += 2  # "phòng, chống ma túy": the comma belongs to the phrase
                continue
            if (lower_head and t.key == "," and e > k + 1 and e + 2 < n and toks[e + 1].key == toks[k].key
                    and toks[e + 1].kind == WORD and not toks[e + 1].cap):
                # "Ban Quản lý rừng đặc dụng, rừng phòng hộ": the head noun repeated after the
                # comma lists kinds of one thing inside the name (ct06 of the session-13 plans).
                e += 2
                continue
            if (t.key == "," and e > k and e + 1 < n and toks[e + 1].kind == WORD
                    and not toks[e + 1].cap and toks[e + 1].key not in PLURAL
                    and toks[e + 1].key not in self.trie
                    and self._level_at(toks, e + 1) is None and not self._boundary_at(toks, e + 1)):
                # "Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm tỉnh": a list inside the name,
                # kept only when a level word closes the whole run (checked below).
                comma = e if comma is None else comma
                e += 1
                continue
            if (lower_head and t.key in PLURAL and e + 1 < n and toks[e + 1].kind == WORD
                    and self._level_at(toks, e + 1) is None and toks[e + 1].key != "cấp"):
                e += 1
                continue
            if (lower_head and e > k and t.kind == WORD and t.cap and not t.caps and not t.exp
                    and not self._unit_start(toks, e) and not self._place_at(toks, e)):
                e += 1
                continue
            if t.kind != WORD or t.cap or t.exp:
                break
            phrase = self._walk(self.cont_phrases, toks, e, skip_dash=False)
            if phrase and phrase[-1][0] > e + 2:
                e = phrase[-1][0]
                continue
            if t.key in PLURAL or self._level_at(toks, e) is not None or self._boundary_at(toks, e):
                break
            # Words, not syllables: "trình" ends a name, "công trình" does not. (The dictionary
            # is asked only then: loading it costs a second or two in a query process.)
            w = self._word_end(toks, e) if e + 1 < n and self._boundary_at(toks, e + 1) else e + 1
            if w > e + 1 and any(end > w for end, _ in self._walk(self.boundaries, toks, e + 1, skip_dash=False)):
                w = e + 1  # "công nghiệp chủ trì": a word ("nghiệp chủ") that cuts a role verb in two
            if w > e + 1 and all(self._level_at(toks, x) is None for x in range(e + 1, w)):
                e = w
                continue
            if t.key == "và":
                if e + 1 >= n:
                    break
                nxt = toks[e + 1]
                if nxt.kind != WORD or nxt.cap or nxt.exp or nxt.key in PLURAL:
                    break
                if self._level_at(toks, e + 1) is not None or self._boundary_at(toks, e + 1):
                    break
            e += 1
        while e > k and toks[e - 1].key == "và":
            e -= 1
        if comma is not None and not (e < n and (self._level_at(toks, e) is not None
                                                 or self._unit_start(toks, e))):
            e = comma  # the list is the name's only when a level or the owner closes it
        return e

    def _ends_name(self, toks: list[Tok], e: int) -> bool:
        """Whether a name may end before toks[e]: the end of the text, a level word, a role
        verb, a parenthesis or clause punctuation, a new unit, or a list going on to one or to
        a plural member (", các đơn vị có liên quan", "và các cơ quan": a ministry's cooperate
        cells end so, s14 dev kh09; the name before them was cut to its capitalised part).

        A function word ("của", "với"), an unknown verb or a full stop is not enough: the run is
        then more likely a verb phrase after a complete name, and the name keeps its capitalised
        part. Heads of proper names (``tail``: Trường, Báo, Tập đoàn) never take such a run.
        """
        n = len(toks)
        if e >= n:
            return True
        t = toks[e]
        # Not a full stop: "… MobiFone đầu tư hạ tầng." ends a verb phrase as often as a name.
        if t.key in (";", ":", "(", ")", "/"):
            return True
        if t.key in ("-", "và") and e + 1 < n and toks[e + 1].cap:
            return True  # a joined capitalised part goes on ("… thông tin và Truyền thông")
        if t.key in (",", "và") and e + 1 < n:
            return self._unit_start(toks, e + 1) or toks[e + 1].key in PLURAL or (
                toks[e + 1].kind == WORD and not toks[e + 1].cap and self._role_at(toks, e + 1)
            )
        if t.kind != WORD:
            return False
        if t.key == "số" and e + 1 < n and toks[e + 1].kind == NUM:
            return True  # a numbered body: "Đội Quản lý thị trường số 3"
        if t.cap:
            # A level word may be capitalised as the city's own name ("Trung tâm Chuyển đổi số
            # Thành phố", TP Hồ Chí Minh's plans): it closes the name as "thành phố" does.
            return self._unit_start(toks, e) or self._place_at(toks, e) or self._level_at(toks, e) is not None
        if self._level_at(toks, e) is not None:
            return True
        if t.key in PLURAL and e + 1 < n and self._level_at(toks, e + 1) is not None:
            return True
        return self._role_at(toks, e)

    def _function_word(self, toks: list[Tok], k: int) -> bool:
        """A one-word boundary ("vì", "của", "theo") at toks[k], not the start of a longer one."""
        hits = self._walk(self.boundaries, toks, k, skip_dash=False)
        return bool(hits) and hits[0][0] - k == 1 and self._word_end(toks, k) == k + 1

    def _role_at(self, toks: list[Tok], k: int) -> bool:
        """A boundary phrase of two or more words (a role verb), not a bare function word."""
        hits = self._walk(self.boundaries, toks, k, skip_dash=False)
        return bool(hits) and hits[-1][0] - k >= 2

    def _place_at(self, toks: list[Tok], k: int) -> bool:
        return self._longest(self.provinces, toks, k) is not None

    @staticmethod
    def _cites(toks: list[Tok], k: int) -> bool:
        """Whether toks[k] continues a document title ("và Kế hoạch số 19-KH/TW")."""
        return k < len(toks) and (toks[k].kind == DOC or toks[k].key in ("số", "này", "ngày"))

    @staticmethod
    def _surface(toks: list[Tok], a: int, b: int) -> str:
        # Dashes of any kind are written "-" in canonical names; a comma keeps to its word
        # ("phòng, chống").
        out = ""
        for t in toks[a:b]:
            # "&" of a split abbreviation ("PCCC&CNCH") is the "và" it stands for.
            word = "-" if t.key == "-" else "và" if t.text == "&" else t.text
            out += word if not out or word == "," else " " + word
        return out

    def _segment(self, toks: list[Tok], k: int, spec: Entry) -> tuple[str, int] | None:
        """One capitalised part of a name: a known segment, or a capital + its syllables.

        A part that an abbreviation spells out runs to the end of its words: "Cục CNTT" is
        "Cục Công nghệ thông tin", "Ban QLDA" "Ban Quản lý dự án", though "thông tin" and "dự
        án" would not continue a printed name (they were cut to "Cục Công nghệ", "Ban Quản lý";
        s17 held-out tb990)."""
        seg = self._segment_core(toks, k, spec)
        if seg is None or not toks[k].exp or (k > 0 and toks[k - 1].start == toks[k].start):
            return seg
        end = seg[1]
        if end < len(toks) and toks[end].exp and toks[end].start == toks[k].start \
                and not toks[end].cap and toks[end].key not in ("và", "-"):
            while end < len(toks) and toks[end].exp and toks[end].start == toks[k].start:
                end += 1
            return self._surface(toks, k, end), end
        return seg

    def _segment_core(self, toks: list[Tok], k: int, spec: Entry) -> tuple[str, int] | None:
        n = len(toks)
        if k >= n:
            return None
        t = toks[k]
        if spec.numbers and t.kind == NUM:
            return t.text, k + 1
        if t.kind != WORD or t.exp and not t.cap:
            return None
        if not t.cap:
            if not (spec.lower or spec.lower_word):
                return None
            e = self._sentence_run(toks, k, lower_head=True)
            # A run that no boundary word closes went on over a verb phrase ("Hội đồng xét xử
            # giám đốc thẩm ra quyết định …"): the name is its first dictionary word.
            if (spec.lower_word and e > k and not self._ends_name(toks, e)
                    and not (e < len(toks) and self._boundary_at(toks, e))):
                e = self._word_end(toks, k)
            return (self._surface(toks, k, e), e) if e > k else None
        if spec.tail and not t.caps:
            place = self._longest(self.provinces, toks, k)
            if place is not None:  # see _name: a province is one part, read as printed
                return self._surface(toks, k, place[0]), place[0]
        known = self._longest(self.segments, toks, k)
        if known is not None:
            end, disp = known
            text = disp if t.caps else self._surface(toks, k, end)
            if spec.lower:
                end, text = self._lower_run(toks, end, text)
            return text, end
        if t.caps or spec.segments_only:  # an all-caps header: only known parts can be read safely
            return None
        if self._function_word(toks, k) and not self._place_at(toks, k):
            return None  # "Quỹ Vì người nghèo": a preposition opens no name of a body
        e = k + 1
        # Most words have two syllables: take the next one unless a verb phrase or a level
        # starts there (phrases, not syllables: "Tham mưu" is a name, "… chủ trì" is not), then
        # only syllables known to continue names ("Điều dưỡng người có công").
        if (
            e < n
            and toks[e].kind == WORD
            and not toks[e].cap
            and toks[e].key != "và"
            and not self._boundary_at(toks, e)
            and toks[e].key not in self.level_first
        ):
            e += 1
        while e < n and e - k <= 5 and toks[e].kind == WORD and not toks[e].cap:
            phrase = self._walk(self.cont_phrases, toks, e, skip_dash=False)
            verb = self._walk(self.boundaries, toks, e, skip_dash=False)
            if phrase and verb and verb[-1][0] >= phrase[-1][0]:
                break  # "… Tin học xây dựng đề thi": the phrase is only the verb after the name
            if phrase and phrase[-1][0] > e + 1:
                e = phrase[-1][0]
            elif toks[e].key in self.cont and toks[e].key not in self.level_first:
                e += 1
            else:
                break
        while e > k + 1 and toks[e - 1].key == "và":
            e -= 1  # "… Đa dạng sinh học và các đơn vị …": the list's "và", not the name's (s14 dev kh09 row 5)
        text = self._surface(toks, k, e)
        if spec.lower:
            e, text = self._lower_run(toks, e, text)
        return text, e

    def _lower_run(self, toks: list[Tok], e: int, text: str) -> tuple[int, str]:
        """Lower-case words of a descriptive name ("Ban Quản lý dự án ...") up to a stop."""
        s = e
        e = self._sentence_run(toks, e)
        if e > s:
            text = f"{text} {self._surface(toks, s, e)}"
        return e, text

    def _joined_field_at(self, toks: list[Tok], k: int) -> int | None:
        """End of a field joined by "và" at toks[k]: an abbreviated one ("TN&MT") or a lower-case
        run holding "và" that a boundary closes ("tài nguyên và môi trường chủ trì"); else None."""
        abbr = self._field_abbreviation(toks, k)
        if abbr is not None:
            return abbr if any(x.key == "và" for x in toks[k:abbr]) else None
        if k >= len(toks) or toks[k].kind != WORD or toks[k].cap:
            return None
        e = self._sentence_run(toks, k)
        if e > k + 2 and any(x.key == "và" for x in toks[k + 1 : e - 1]) and self._ends_name(toks, e):
            return e
        return None

    def _field_abbreviation(self, toks: list[Tok], k: int) -> int | None:
        """End of an abbreviated field of policy at toks[k] ("TN&MT" → "Tài nguyên và Môi
        trường"): expanded words that open no body; None otherwise."""
        n = len(toks)
        if k == 0 or k >= n or not toks[k].exp or not toks[k].cap or toks[k].start == toks[k - 1].start:
            return None
        if self._unit_start(toks, k) or self._level_at(toks, k) is not None:
            return None
        e = k
        while e < n and toks[e].start == toks[k].start:
            e += 1
        return e

    def _unit_start(self, toks: list[Tok], k: int) -> bool:
        """Whether a unit (or a title) begins at toks[k]: it ends the name before it."""
        t = toks[k]
        if t.key not in self.start_keys or t.key in PLURAL:
            return False
        for end, entries in self._walk(self.trie, toks, k):
            if any(not e.is_class and (t.cap or e.any_case) and self._need_met(toks, end, e)
                   for e in entries):
                return True
        hit = self._longest(self.heads, toks, k)
        if hit is not None and t.cap and hit[1].pattern:
            end = hit[0]
            if (end < len(toks) and toks[end].cap and toks[end].kind == WORD
                    and (not hit[1].segments_only or self._longest(self.segments, toks, end) is not None
                         # "… và Vụ ABC": a head with an office's own abbreviation opens a body
                         or self._abbreviated_at(toks, end))):
                return True
            if (hit[1].lower and end - k >= 2 and toks[k + 1].cap and end < len(toks)
                    and toks[end].kind == WORD and not toks[end].cap):
                # A capitalised descriptive head opens a body of its own even before lower-case
                # words ("Hạt Kiểm lâm và Ban Quản lý rừng phòng hộ": two bodies, not one name).
                return True
        return t.cap and self._longest(self.titles, toks, k) is not None

    def _need_met(self, toks: list[Tok], end: int, e: Entry) -> bool:
        """A body that needs a level ("Viễn thông", "Công an") opens a unit only with one after
        it: "Tập đoàn Bưu chính Viễn thông Việt Nam" goes on through it."""
        if e.need not in ("level", "level_or_place"):
            return True
        n = len(toks)
        if end >= n:
            return False
        return (self._level_at(toks, end) is not None
                or (toks[end].key in PLURAL and end + 1 < n and self._level_at(toks, end + 1) is not None)
                or (e.need == "level_or_place" and self._place_at(toks, end)))

    def _party_owner(self, toks: list[Tok], k: int) -> tuple[int, str, str | None] | None:
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

    def _level_at(self, toks: list[Tok], k: int) -> tuple[Level, int] | None:
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
        return Level(lv.text, toks[k].start, toks[end - 1].end, lv.placeable), end

    def _levels(self, toks: list[Tok], k: int) -> tuple[list[Level], int]:
        """Level words after a unit: "tỉnh", "các cấp", "các huyện, thành phố"."""
        n = len(toks)
        kk = k
        if toks[kk].key in PLURAL:
            if kk + 1 < n and toks[kk + 1].key == "cấp":
                lv = Level("các cấp", toks[kk].start, toks[kk + 1].end, False)
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
        # A dropped comma after a plural ("UBND các phường xã", kh179 prints both spellings):
        # a second lower-case level word right after the first one continues the list, unless a
        # proper name follows it ("các phường xã Tân Phú" is not read as a list).
        if kk > k and toks[k].key in PLURAL and len(levels) == 1 and kk < n:
            hit = self._level_at(toks, kk)
            if (hit is not None and not toks[kk].cap and hit[0].text != levels[0].text
                    and hit[0].text.startswith("cấp") == levels[0].text.startswith("cấp")
                    and not (hit[1] < n and toks[hit[1]].cap and toks[hit[1]].kind == WORD)):
                levels.append(hit[0])
                kk = hit[1]
        return levels, kk

    def _place(self, toks: list[Tok], k: int, mode: str, caps_ok: bool) -> tuple[str | None, int]:
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
            if t.kind == WORD and t.cap and not t.exp and (caps_ok or not t.caps):
                if self._unit_start(toks, e):
                    break
                if t.caps and (t.key == "và" or t.key in PLURAL or self._boundary_at(toks, e)):
                    break  # an all-caps line: "… TỈNH VÀ CÁC TỔ CHỨC …" names no place
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

    def _distribute(self, toks: list[Tok], p: _Parse, head: tuple[str, ...] | None = None) -> None:
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
    # "Mặt trận Tổ quốc tỉnh và các đoàn thể chính trị - xã hội, Ủy ban nhân dân xã, phường": a
    # conjunct with its own plural "các" is a class by itself and does not take the next
    # conjunct's list of levels (the Đắk Lắk 2025 emulation plan, /tmp/s13/dev). A single level
    # is still shared ("các tổ chức chính trị - xã hội và hội quần chúng huyện", the huyện ủy
    # fixture), and so is a list after a bare head ("Đảng ủy, UBND các xã, phường").
    # tests/test_emulation_plans.py.
    _PLURAL_BEFORE = re.compile(r"(?:^|\s)(?:các|những)\s+$", re.IGNORECASE)

    @staticmethod
    def _qualified(text: str, m: _Member) -> bool:
        """Whether a conjunct is printed with a qualifier after its head, through an alias ("các
        cấp ủy Đảng" for "cấp ủy"): it is no bare conjunct and takes no level from the next one.
        "Đề nghị các cấp ủy Đảng, Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã
        hội tỉnh:" (dev kh0124 IV.2 of the session-13 fresh plans) named the committees of every
        level, not a "cấp ủy tỉnh"."""
        printed = re.findall(r"\w+", text[m.start : m.end])
        return len(printed) > len(re.findall(r"\w+", m.name))

    def _borrow(self, text: str, ms: list[_Member]) -> list[_Member]:
        """A bare conjunct takes the level/owner of the next one: "Đảng ủy, UBND các xã"."""
        i = len(ms) - 2
        while i >= 0:
            m1, m2 = ms[i], ms[i + 1]
            if (
                m1.wants
                and not self._qualified(text, m1)
                and m2.suffix_kind in m1.wants
                and self._BORROW_GAP.fullmatch(text[m1.end : m2.start])
                and not (self._PLURAL_BEFORE.search(text[: m1.start]) and len(m2.group or ()) > 1)
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



def _snap_key(name: str) -> str:
    """Folded words without "và" and punctuation: "Sở Khoa học và Công nghệ" → "so khoa hoc cong nghe"."""
    return " ".join(w for w in re.findall(r"\w+", fold(name).lower()) if w != "va")


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one substituted, inserted or deleted letter."""
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


@lru_cache(maxsize=1)
def unit_grammar() -> UnitGrammar:
    return UnitGrammar(unit_data())


# ---------------------------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _proper_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """The gazetteer's proper names of two words or more ("Bộ Y tế", "Bảo hiểm xã hội Việt
    Nam"), by their folded lower-case form, and one pattern that finds any of them folded."""
    data = unit_data()
    names: dict[str, str] = {}
    for unit in data["units"]:
        for name in (unit["name"], *unit.get("aliases", [])):
            name = normalize_text(name)
            if len(name.split()) >= 2 and name[:1].isupper():
                key = fold(name, keep_length=True).lower()
                if len(key) == len(name):  # one character for one: the repair keeps offsets
                    names.setdefault(key, name)
    keys = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)")
    return pattern, names


def repair_ocr_names(text: str) -> str:
    """OCR'd text with the marks of known bodies' names put right, offsets unchanged.

    Tesseract misreads a mark more often than a letter on faint scans: "Bộ Ý tế", "Sở Y tẾ",
    "Bảo hiểm xã hội Việt Nảm" (real scan HzW_18, whose circular charges these bodies). A span
    that is a gazetteer name of two or more words but for the marks of at most one syllable in
    two, and that starts with a capital as a name does, is read as that name; case is kept
    character by character. Only for text read by OCR: in typed text a mark is meant.
    """
    pattern, names = _proper_names()
    folded = fold(text, keep_length=True).lower()
    if len(folded) != len(text):
        return text
    out = text
    for m in pattern.finditer(folded):
        a, b = m.span()
        read, name = text[a:b], names[m.group()]
        if read == name or not read[:1].isupper():
            continue
        read_words, name_words = read.split(), name.split()
        if len(read_words) != len(name_words):
            continue
        wrong = sum(x.lower() != y.lower() for x, y in zip(read_words, name_words, strict=True))
        if wrong * 2 > len(name_words):
            continue
        fixed = "".join(n.upper() if r.isupper() else n for r, n in zip(read, name, strict=True))
        out = out[:a] + fixed + out[b:]
    return _repair_one_letter(out)


@lru_cache(maxsize=1)
def _names_by_mask() -> dict[tuple[str, ...], str]:
    """Gazetteer names of three words or more (proper names and classes: "cơ sở khám bệnh, chữa
    bệnh"), each under its folded words with one word masked ("*"), to find a name read with
    one wrong letter."""
    data = unit_data()
    out: dict[tuple[str, ...], str] = {}
    for unit in (*data["units"], *data.get("classes", [])):
        for name in (unit["name"], *unit.get("aliases", [])):
            name = normalize_text(name)
            key = fold(name, keep_length=True).lower()
            words = re.findall(r"\w+", key)
            if len(words) >= 3 and len(key) == len(name):
                for j in range(len(words)):
                    out.setdefault((*words[:j], "*", *words[j + 1 :]), name)
    return out


def _repair_one_letter(text: str) -> str:
    """``text`` with a gazetteer name of three words or more that OCR read with one letter
    substituted ("cơ sở khái bệnh, chữa bệnh" for "khám": real scan HzW_18, whose article
    heading "Trách nhiệm của cơ sở …" then named no unit and left its ten clauses to the
    issuer) put right, offsets unchanged. One letter in a word of three letters or more, the
    rest of the name folded-equal, punctuation included: a longer name leaves no other reading.
    Not the first word of a three-word name: two words are too little to anchor where a name
    starts, and a common word before them passes for it ("thực hiện nghiên cứu" read as "thực
    viện nghiên cứu", s18 dev cv1738: a research institute made the lead of item 1)."""
    index = _names_by_mask()
    folded = fold(text, keep_length=True).lower()
    if len(folded) != len(text):
        return text
    tokens = list(re.finditer(r"\w+", folded))
    lengths = sorted({len(k) for k in index}, reverse=True)
    out, i = text, 0
    while i < len(tokens):
        step = 1
        for n in lengths:
            if i + n > len(tokens):
                continue
            words = [t.group() for t in tokens[i : i + n]]
            a, b = tokens[i].start(), tokens[i + n - 1].end()
            hit = None
            for j in range(n):
                name = index.get((*words[:j], "*", *words[j + 1 :]))
                if name is None or len(words[j]) < 3 or (j == 0 and n < 4):
                    continue
                key = fold(name, keep_length=True).lower()
                if len(key) == b - a and sum(x != y for x, y in zip(key, folded[a:b], strict=True)) == 1:
                    hit = name
                    break
            if hit:
                read = text[a:b]
                fixed = "".join(m.upper() if r.isupper() else m for r, m in zip(read, hit, strict=True))
                out = out[:a] + fixed + out[b:]
                step = n
                break
        i += step
    return out


def find_units(text: str, *, ocr: bool = False) -> list[UnitMention]:
    """Units named in ``text`` (normalised with :func:`normalize_text`), sorted by start.

    Mentions do not overlap, with one exception: a bare conjunct that borrows a list of levels
    ("Đảng ủy, UBND các xã, thị trấn") yields one mention per level on the same span. ``ocr``:
    the text was read by OCR, its names' marks are repaired first (:func:`repair_ocr_names`).
    """
    if not text:
        return []
    if ocr:
        text = repair_ocr_names(text)
    original = text
    text = _LEVEL_CHAIN.sub(_comma_chain, text)
    if text != original:
        return [replace(m, text=original[m.start : m.end]) for m in find_units(text)]
    found = _leads_body(text, _standing_boards(text, _helpers_apart(text, unit_grammar().find(text))))
    found = _merge_collectives(text, [_branch_first(text, _closing_numeral(text, _with_region_number(text, m)))
                                      for m in found])
    found = _same_level(text, _domain_lists(text, found))
    found = _listed_departments(text, found)
    found = _headed_members(text, found)
    found = _bare_forces(text, found)
    found = _party_committees_of_class(text, _committees_of(text, found))
    found = _shared_committee_word(text, _owned_by(text, _owned_classes(text, found)))
    found = [_field_of_committee(text, _speciality(text, m)) for m in found]
    found = _council_bodies(text, found)
    out: list[UnitMention] = []
    for m in found:
        if _in_title(text, m) or _bare_sector(m):
            continue
        named = _named_places(text, m, found)
        if named and out and out[-1].start >= named[0].start:
            continue
        out.extend(named or [_force_of_level(_chair_of_committee(m))])
    out = [m for k, m in enumerate(out) if k == 0 or m.start >= out[k - 1].end or m.start == out[k - 1].start]
    out = _deputies(text, out)
    return _licensed_actors(text, _addressed_class(text, _front_offices(text, _memberships_apart(text, out))))


# "bầu cử đại biểu Quốc hội", "tiếp xúc cử tri của đại biểu Quốc hội": the deputies are persons,
# not the Assembly, which read out of the phrase led every bullet of a delegation's heading beside
# it (kh3260 of the session-17 batch, p: "Quốc hội" lead and monitor). Charged as a plural ("các
# đại biểu Quốc hội giám sát …") they are a class of their own, as its blind gold wrote them.
_DEPUTIES_BEFORE = re.compile(r"(?<!\w)(?P<plural>(?:các|những)\s+)?đại biểu\s+$", re.IGNORECASE)


def _deputies(text: str, found: list[UnitMention]) -> list[UnitMention]:
    """``found`` without the "Quốc hội" of "đại biểu Quốc hội"; a plural deputies' class instead."""
    out: list[UnitMention] = []
    for m in found:
        before = _DEPUTIES_BEFORE.search(text[max(0, m.start - 20) : m.start]) if m.name == "Quốc hội" else None
        if before is None:
            out.append(m)
        elif before.group("plural"):
            start = max(0, m.start - 20) + before.end("plural")  # from "đại biểu", the window's offset added
            out.append(replace(m, start=start, text=text[start : m.end], name="đại biểu Quốc hội",
                               is_head=False, collective=True))
    return out


# "Đồng chí Ủy viên Ban Thường vụ Đảng ủy, Chủ tịch Ủy ban MTTQ Việt Nam xã lãnh đạo …": the body
# after "Ủy viên" is a seat the person holds, told before the post they act in; it is not charged
# (s17 dev kh16-mttq III.1: the Party committee's board and executive were read as leads). Only
# when another post follows after the comma: "các Ủy viên Ban Chỉ đạo có trách nhiệm" charges them.
_MEMBER_OF = re.compile(r"(?<!\w)Ủy viên\s+$", re.IGNORECASE)
_NEXT_POST = re.compile(r"^\s*,\s*(?:Phó\s+)?(?:Chủ tịch|Bí thư|Giám đốc|Trưởng|Chánh|Tổng)\b", re.IGNORECASE)


# "báo cáo Thủ tướng Chính phủ, Phó Thủ tướng Chính phủ - Trưởng Ban Chỉ đạo quốc gia về …": one
# person's two posts joined by a dash; the plan charges the one after it, the steering board (s14
# dev nq122 PL1.6.b, its gold; the rule of [decided, s18 fixAB] for a team's own plan). Only a
# post one person holds: a body before a dash ("Sở Y tế - cơ quan thường trực") keeps its role.
_DASH_POST = re.compile(r"^\s*[-–]\s*(?:Phó\s+)?Trưởng\s+[Bb]an\b")
_ONE_PERSON_POSTS = ("Thủ tướng", "Phó Thủ tướng")


def _memberships_apart(text: str, found: list[UnitMention]) -> list[UnitMention]:
    return [m for m in found if not (_MEMBER_OF.search(text[max(0, m.start - 12) : m.start])
                                     and _NEXT_POST.match(text[m.end :]))
            and not ((m.is_head or m.name.startswith(_ONE_PERSON_POSTS)) and _DASH_POST.match(text[m.end :]))]


# "Cơ quan Ủy ban MTTQ Việt Nam xã", "các đồng chí Chuyên viên cơ quan MTTQ xã": the Front
# committee's staff office (cơ quan chuyên trách) is a body of its own, apart from the committee
# and its standing board, and the Front's plans charge it ("Chủ trì xây dựng các báo cáo … của cơ
# quan Ủy ban MTTQ Việt Nam xã"). Read as the committee, its 26 roles in the s17 dev commune plan
# kh16-mttq became "Mặt trận Tổ quốc xã"; a second plan of the same commune names it so too.
_FRONT_NAME = re.compile(r"^(?:Ủy ban\s+)?Mặt trận Tổ quốc(?:\s+Việt Nam)?(?P<level>\s+\S.*)?$")
_OFFICE_BEFORE = re.compile(r"(?<![\w])(?<!các )(?<!Các )(?<!những )[Cc]ơ quan\s+$")


def _front_offices(text: str, found: list[UnitMention]) -> list[UnitMention]:
    out: list[UnitMention] = []
    for m in found:
        name = _FRONT_NAME.match(m.name)
        office = _OFFICE_BEFORE.search(text[max(0, m.start - 12) : m.start]) if name else None
        if name and office:
            start = m.start - (len(text[max(0, m.start - 12) : m.start]) - office.start())
            m = replace(m, start=start, text=text[start : m.end], is_head=False, collective=False,
                        name=f"Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam{name.group('level') or ''}")
        out.append(m)
    return out


# A plan's organisation part addresses classes of non-state actors by an item whose label is the
# plural class and nothing else: "5. Các chủ đầu tư xây dựng và kinh doanh hạ tầng khu công
# nghiệp" over its bullets, "4. Các cơ sở nuôi trồng thủy sản: Theo dõi, …" (colon-inline). The
# class is named by its kind or function (GUIDELINES-real.md: "doanh nghiệp viễn thông",
# "chủ dự án", "đơn vị quản lý chi trả" are units; a bare "doanh nghiệp" is not), so a head noun
# needs a qualifier, and only the label form is read: in running text the same words are
# usually the object of someone else's action. Seen in the session-13 fresh plans of Nghệ An and
# Thanh Hóa (investors, secondary businesses, aquaculture farms) and in qd2954 KH.V.11 ("11. Đề
# nghị các doanh nghiệp sản xuất, chế biến và xuất khẩu hàng hóa", a unit in its gold).
_CLASS_HEADS = ("cơ quan", "doanh nghiệp", "cơ sở", "chủ đầu tư", "nhà đầu tư", "hợp tác xã", "tổ hợp tác", "chủ rừng",
                "chủ dự án", "chủ cơ sở", "hộ kinh doanh", "nhà mạng", "công ty", "đơn vị", "tổ chức")
# "cơ sở dữ liệu", "cơ sở hạ tầng", "tổ chức bộ máy": things, not bodies (kh179 IV.2.1.b lists
# databases under "Các cơ sở dữ liệu chuyên ngành … gồm có:").
_NOT_BODIES = "dữ liệu|hạ tầng|vật chất|pháp lý|khoa học|lý luận|thực tiễn|bộ máy"
_CLASS_LABEL = re.compile(
    r"^[\s\-+•*]*(?:\d+(?:\.\d+)*\.?\s+|[a-zđ]\)\s+)?(?:(?:Đề nghị|Giao|Khuyến khích)\s+)?(?P<plural>(?:Các|Những)\s+)?"
    rf"(?P<name>(?:{'|'.join(_CLASS_HEADS)})(?!\s+(?:{_NOT_BODIES}))\s+[^\W\d][^:;.()]{{1,140}}?)"
    r"\s*(?:\([^()]*\)\s*)?(?P<end>:|$|(?:có|chịu)\s+trách\s+nhiệm\b)",
    re.IGNORECASE)
# A directive names the bodies of a procedure by their part in it, and charges each as the class
# ("Các cơ quan đăng ký đầu tư (Sở …, Ban Quản lý …):", "3. Cơ quan chủ trì giải quyết thủ tục
# …", "Cơ quan phối hợp có trách nhiệm trả lời …", "11. Các đơn vị cấp nước sạch trên địa bàn
# có trách nhiệm"; ct010 and ct09 of the session-13 fresh plans). Without "các" only "cơ quan"
# opens such a label: "2. Tổ chức tuyên truyền" is a task, not a body.
_NO_PLURAL_HEADS = ("cơ quan",)
# "Các cơ quan quản lý nhà nước, tổ chức, cá nhân liên quan có trách nhiệm …" (ct09 item 1 of
# the session-13 fresh plans, no unit in its gold): a list of generic nouns names no class.
_GENERIC_LIST = re.compile(r",\s*(?:cac\s+)?(?:co quan|to chuc|ca nhan|don vi|doanh nghiep)\b")
_ROLE_NAMED = re.compile(r"co quan (?:chu tri|phoi hop)\b")
# Qualifiers that leave the class bare (GUIDELINES-real.md: "các đơn vị chức năng" alone is no unit).
_BARE_QUALIFIERS = ("chức năng", "thành viên", "nhà nước", "cấp trên", "có thẩm quyền")
# Words a label may not hold: it would be a clause, not a name.
_CLAUSE_WORDS = re.compile(r"\b(?:chu tri|phoi hop|co trach nhiem|chiu trach nhiem|tham muu|bao cao|"
                           r"can|phai|nen|duoc|da|se|thuc hien|gom|bao gom|nhu sau|sau day)\b")
# A restriction of place after the class is dropped, as "có liên quan" is (GUIDELINES-real.md).
# The sector a class works in is its kind, not a place: "Các doanh nghiệp hoạt động trong lĩnh
# vực xây dựng, giao thông, vận tải … trên địa bàn Tỉnh" keeps all but the place (spent s15
# held-out kh597 V.7, a heading of 20 words; the class was dropped as a bare "doanh nghiệp").
_SECTOR = re.compile(r"\bhoạt động trong (?:các\s+)?(?:lĩnh vực|ngành)\b", re.IGNORECASE)
# Not inside "trực thuộc Sở/Bộ", a subset kept in the name (_QUALIFIER): cut at its "thuộc", "Các cơ
# sở đào tạo trực thuộc Bộ" was "cơ sở đào tạo trực" (s15 cv6386).
_CLASS_RESTRICTION = re.compile(r"(?<!trực)\s+(?:(?:đang\s+)?(?:hoạt động\s+)?"
                                r"(?:trong(?!\s+(?:các\s+)?(?:lĩnh vực|ngành)\b)|tại|trên địa bàn|thuộc)\b.*"
                                r"|(?:có\s+)?liên quan)$", re.IGNORECASE)


def _addressed_class(text: str, found: list[UnitMention]) -> list[UnitMention]:
    label = _CLASS_LABEL.match(text)
    if not label:
        return found
    printed = label.group("name")
    if (len(printed.split()) > 14 or len(printed) > 80) and not _SECTOR.search(printed):
        return found  # a long label is a clause, unless it lists the sectors the class works in
    # "cơ quan chủ trì", "cơ quan phối hợp" name a body by its role in a procedure; bare, they are
    # also the column labels of a task table ("Cơ quan chủ trì: Sở Y tế"), so then only the subject
    # of a charge ("Cơ quan phối hợp có trách nhiệm …") is the class.
    words = fold(printed)
    role = _ROLE_NAMED.match(words)
    if role and (words == role.group(0) and label.group("end") in (":", "")):
        return found
    if _CLAUSE_WORDS.search(words[role.end():] if role else words) or _GENERIC_LIST.search(words):
        return found
    a, b = label.start("name"), label.end("name")
    if any(m.start < b and m.end > a for m in found):
        return found  # a listed class or body ("Các doanh nghiệp viễn thông")
    name = _CLASS_RESTRICTION.sub("", printed).strip()
    name = name[0].lower() + name[1:]
    heads = _CLASS_HEADS if label.group("plural") else _NO_PLURAL_HEADS
    if not any(fold(name).startswith(fold(h) + " ") for h in heads):
        return found  # the qualifier was only a restriction ("Các doanh nghiệp trên địa bàn")
    if any(fold(name).endswith(" " + fold(q)) for q in _BARE_QUALIFIERS):
        return found
    return sorted([*found, UnitMention(a, b, text[a:b], name, collective=True)], key=lambda m: m.start)


# Sector letters charge the holders of a licence as a class named by the licensed activity:
# "các tổ chức, cá nhân (được cấp giấy phép) khai thác khoáng sản", "tổ chức, cá nhân kinh doanh
# xăng dầu" (GUIDELINES-real.md: a class named by its kind or function is a unit). The pair alone or with "liên quan" names no class
# (_GENERIC_LIST), so an activity verb must follow. Seen in s15 dev cv5141 (a provincial
# department's letter to mining licence holders; ~14 gold triples, none read before).
# The same class is named by its field of work, "hoạt động" before the activity or alone before its
# object ("các tổ chức hoạt động khai thác khoáng sản", "các tổ chức, cá nhân hoạt động khoáng sản":
# partner cells of the spent s14 held-out kh-ubnd Chỉ thị 11 appendix, rows 5, 7, 14), "tổ chức"
# alone only so (s15 dev cv5141 reads "các tổ chức khai thác …" as the letter's addressees).
_ACTIVITIES = ("khai thác tận thu", "khai thác", "thu hồi", "kinh doanh", "sản xuất", "nhập khẩu", "xuất khẩu",
               "chế biến", "vận chuyển", "thăm dò", "sử dụng", "nuôi trồng", "hành nghề", "hoạt động")
_ACTIVITY = "|".join(_ACTIVITIES)
_LICENSED = re.compile(
    r"\b(?:các)\s+tổ\s+chức(?P<pair>,\s*cá\s+nhân)?\s+(?P<licence>(?:được\s+)?cấp\s+(?:giấy\s+)?phép\s+)?"
    rf"(?P<act>(?:{_ACTIVITY})(?:(?:,\s*|\s+và\s+|\s+)(?:{_ACTIVITY}))*)"
    r"(?P<obj>(?:\s+(?!(?:có|phải|báo|thực|chịu|trên|tại|theo|thuộc|đang|để|nghiêm|được|và|các|của|cho|với|khi|nếu|tự|trực|chấp|nộp|lập|gửi|liên)\b)[^\W\d_]+){0,5})",
    re.IGNORECASE)


def _licensed_actors(text: str, found: list[UnitMention]) -> list[UnitMention]:
    out = list(found)
    for m in _LICENSED.finditer(text):
        if any(u.start < m.end() and u.end > m.start() for u in found):
            continue
        obj = m.group("obj").strip()
        if not obj:
            continue  # "tổ chức, cá nhân sử dụng" alone: the object names the class
        if not m.group("pair") and not m.group("act").lower().startswith("hoạt động"):
            continue  # "các tổ chức khai thác …" in a letter to licence holders is its addressees'
        # The name as printed, licence words included (the s14 gold of a provincial mining letter
        # keeps "tổ chức, cá nhân được cấp giấy phép thăm dò, khai thác khoáng sản").
        name = " ".join(text[m.start("licence") if m.group("licence") else m.start("act") : m.end()].split())
        name = f"tổ chức, cá nhân {name}" if m.group("pair") else f"tổ chức {name}"
        out.append(UnitMention(m.start(), m.end(), text[m.start():m.end()], name, collective=True))
    return sorted(out, key=lambda u: u.start)


# Older plans join the levels of a collective with a slash or a dash ("UBND các huyện/thành phố",
# "UBND các quận-huyện"; e.g. a 2013 Hà Giang decision read in session 11, thuviennhadat.vn): the
# same collective as "các huyện, thành phố" (GUIDELINES-real.md restores a missing comma so). The
# separators become a comma of the same length, so that offsets into the text hold.
# The provincial level too: "UBND các tỉnh/thành phố" (a Government resolution's duty table, s14
# nq116/NQ-CP 2026) is "Ủy ban nhân dân tỉnh, thành phố", not the provinces' committees alone.
# "các tỉnh và thành phố trực thuộc trung ương" (s14 dev ct13, a PM directive whose recipients list
# prints "các tỉnh, thành phố …"): "và" between two level words after the plural is the list's
# comma too, one collective, not two bodies.
_LEVEL_WORD = r"(?:tỉnh|huyện|quận|thị xã|thành phố|thị trấn|xã|phường)"
_LEVEL_CHAIN = re.compile(rf"\b(?:các|những)\s+{_LEVEL_WORD}(?:(?:\s*[/\-–]\s*|\s+và\s+){_LEVEL_WORD})+\b",
                          re.IGNORECASE)


def _comma_chain(m: re.Match[str]) -> str:
    return re.sub(r"\s*[/\-–]\s*|\s+và\s+", lambda s: ("," + " " * len(s.group(0)))[: len(s.group(0))], m.group(0))


# "Đảng đoàn HĐND tỉnh lãnh đạo HĐND tỉnh ban hành …", "Đảng ủy UBND huyện lãnh đạo UBND huyện
# xây dựng …": right after a party body, a lower-case "lãnh đạo" is its verb (the party group
# leads the state body it sits in), not the title "the leadership of" (party plans of the
# session-12 survey charge their party groups so). Read as a title, the two bodies were one list.
_LEADS_VERB = re.compile(r"lãnh đạo\s+")


def _leads_body(text: str, found: list[UnitMention]) -> list[UnitMention]:
    out: list[UnitMention] = []
    for m in found:
        verb = _LEADS_VERB.match(m.text) if m.is_head else None
        if verb and out and not text[out[-1].end : m.start].strip():
            m = replace(m, start=m.start + verb.end(), text=m.text[verb.end():], is_head=False)
        out.append(m)
    return out


# "Ban thường vụ các huyện ủy, thành ủy": the standing boards of a class of party committees, one
# collective (party plans charge them in "Tổ chức thực hiện": "Các ban cán sự đảng, đảng đoàn,
# ban thường vụ các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy …"; seen in provincial plans
# and programmes of the session-12 party survey). Read apart, "ban" joined the class before it
# ("đảng đoàn, ban") and "Ban Thường vụ" stood alone, owned by nobody.
_BOARD_OF = re.compile(r"\s*(?:thường vụ\s+)?các\s+$", re.IGNORECASE)
_COMMITTEE_CLASS = re.compile(r"(?:huyện|thành|thị|quận|tỉnh) ủy$", re.IGNORECASE)


def _standing_boards(text: str, found: list[UnitMention]) -> list[UnitMention]:
    out: list[UnitMention] = []
    k = 0
    while k < len(found):
        m = found[k]
        board = fold(m.text) in ("ban", "ban thuong vu")
        j = k + 1
        if board and j < len(found) and _COMMITTEE_CLASS.match(found[j].text) and found[j].collective:
            gap = text[m.end : found[j].start]
            if _BOARD_OF.fullmatch(gap) and (fold(m.text) == "ban thuong vu" or fold(gap).strip().startswith("thuong vu")):
                while (j + 1 < len(found) and _COMMITTEE_CLASS.match(found[j + 1].text)
                       and re.fullmatch(r"\s*,\s*", text[found[j].end : found[j + 1].start])):
                    j += 1
                names = ", ".join(x.text.lower() for x in found[k + 1 : j + 1])
                out.append(UnitMention(m.start, found[j].end, text[m.start : found[j].end],
                                       f"ban thường vụ {names}", None, False, True))
                k = j + 1
                continue
        shared = _SHARED_BOARD.fullmatch(m.text)
        if (shared and j < len(found) and _COMMITTEE_CLASS.fullmatch(found[j].text)
                and re.fullmatch(r"\s*,\s*", text[m.end : found[j].start])
                and fold(found[j].text) != fold(shared.group("c"))
                and not re.match(r"\s+[A-ZĐÀ-Ỹ]", text[found[j].end :])):
            # "Ban Thường vụ Tỉnh ủy, Thành ủy" (a Prime Minister's directive to every province
            # and centrally-run city, s14 dev ct21-ttg-2026 II.1): the board of each committee,
            # one collective as "ban thường vụ các huyện ủy, thành ủy" is.
            out.append(UnitMention(m.start, found[j].end, text[m.start : found[j].end],
                                   f"ban thường vụ {shared.group('c').lower()}, {found[j].text.lower()}",
                                   None, m.is_head, True))
            k = j + 1
            continue
        out.append(m)
        k += 1
    return out


_SHARED_BOARD = re.compile(r"Ban Thường vụ (?P<c>(?:Tỉnh|Thành|Huyện|Quận|Thị) ủy)", re.IGNORECASE)


# "Văn phòng Tỉnh ủy giúp Ban Thường vụ Tỉnh ủy theo dõi …": an office helps the body it serves;
# the two are separate units (the grammar read the proper-name run on over "giúp" as one name).
# Plans and decisions name a staff office so (a 2007 Ninh Thuận decision read in session 11:
# "… cơ quan thường trực Ban … giúp Ban … tham mưu", luatminhkhue.vn). "Các cơ quan tham mưu,
# giúp việc Tỉnh ủy" is one class owned by the committee, not a helper and the helped.
_HELPS = re.compile(r"(?<!tham mưu,)\s+giúp(?:\s+việc)?(?:\s+cho)?\s+(?=[^\W\d_])")


# "Tổ giúp việc Ban Chỉ đạo X", "Tiểu ban giúp việc Ban Chỉ đạo 934": a body whose kind is to help
# is named after the body it helps, one unit (s15 dev cv6225 item 2 heads its bullets so).
_HELPER_BODY = re.compile(r"(?:Tổ|Tiểu ban)\s+giúp\s+việc\s")
_NAME_CLOSED = re.compile(r"\s*(?:$|[,;:.()])")
_HELPED_NUMBER = re.compile(r"[ \t]+(\d{1,4})\b(?![/.,]\d)")  # the helped board's number ("… Ban Chỉ đạo 934")


def _helpers_apart(text: str, found: list[UnitMention]) -> list[UnitMention]:
    out: list[UnitMention] = []
    for m in found:
        # The body helped is named with a capital (any Vietnamese one: a character class of
        # capitals left out marked ones such as "Ấ").
        hit = next((h for h in _HELPS.finditer(m.text) if m.text[h.end()].isupper()), None)
        number = _HELPED_NUMBER.match(text, m.end)
        if hit is not None and _HELPER_BODY.match(m.text) and (number or _NAME_CLOSED.match(text, m.end)):
            # Whole only where the helped board's name is complete: its number or the end of the
            # name follows ("Tổ giúp việc Ban Chỉ đạo" + " bầu cử của tỉnh" is a name cut short).
            out.append(_extended(m, text, number.end(), f"{m.name} {number.group(1)}") if number else m)
            continue
        if hit is None or m.text != text[m.start : m.end]:
            out.append(m)
            continue
        for a, b in ((m.start, m.start + hit.start()), (m.start + hit.end(), m.end)):
            out.extend(replace(x, start=x.start + a, end=x.end + a) for x in unit_grammar().find(text[a:b]))
    return out


# "lực lượng Công an thành phố", "cơ quan Công an tỉnh": the class word before a force that has its
# level is the force itself, one body (both golds of kh153 IV.9.a read "Công an thành phố"); the
# force without a level ("lực lượng Công an") stays the class the plan speaks of.
# The forces a plan names by their kind, with or without a level (also ``_FORCE`` below).
_FORCES = ("Công an", "Hải quan", "Kiểm lâm", "Quản lý thị trường", "Cảnh sát biển")
_FORCE_OF_LEVEL = re.compile(r"^(?:lực lượng|cơ quan)\s+(?P<force>" + "|".join(_FORCES) + r")"
                             r"\s+(?P<level>tỉnh|thành phố|huyện|quận|thị xã|xã|phường)$", re.IGNORECASE)


def _force_of_level(m: UnitMention) -> UnitMention:
    hit = _FORCE_OF_LEVEL.match(m.name)
    if hit is None:
        return m
    force = next(f for f in _FORCES if f.lower() == hit.group("force").lower())  # as printed in _FORCES
    return replace(m, name=f"{force} {hit.group('level').lower()}", collective=False)


# A body named in the title of a law ("Luật Tổ chức Chính phủ", "Luật Tổ chức Tòa án nhân dân",
# "Luật Công đoàn", "Bộ luật Tố tụng …") is part of a citation, not a body the sentence charges.
_LAW_TITLE = re.compile(r"(?:^|[\s(“\"])(?:Luật|Bộ luật|Pháp lệnh|Điều lệ)\s+(?:[Tt]ổ chức\s+)?$")


def _in_title(text: str, m: UnitMention) -> bool:
    return _LAW_TITLE.search(text[max(0, m.start - 40) : m.start]) is not None


# Forces named without a level in a list of bodies: "phối hợp với Công an, lực lượng Hải quan"
# (kh182 gold: "Công an", "Hải quan"), "Bộ đội Biên phòng, Hải quan", "cơ quan Công an, Tòa án,
# Thi hành án" (statutes). Alone they need a level ("Công an tỉnh"): a capitalised "Công an" also
# opens longer names ("Đảng ủy Công an tỉnh", "Trường Đại học Công an nhân dân").
_FORCE = re.compile(r"(?<![\w-])(?P<name>" + "|".join(_FORCES) + r")(?![\w-])")
# Between two members of a list of bodies.
_LIST_GAP = re.compile(r"^\s*(?:,|;|và|,\s*và)\s*(?:(?:các\s+)?(?:cơ quan|lực lượng)\s+)?$")


def _bare_forces(text: str, found: list[UnitMention]) -> list[UnitMention]:
    """The forces of ``_FORCE`` without a level, read as units only beside another body of
    the same list (a comma or "và" between them)."""
    cands = [m for m in _FORCE.finditer(text)
             if not any(x.start <= m.start() < x.end for x in found)
             and not re.match(r"\s+(?:[A-ZĐÀ-Ỹ]|nhân dân\b)", text[m.end() : m.end() + 12])]
    if not cands:
        return found
    spans = [(x.start, x.end) for x in found] + [(m.start(), m.end()) for m in cands]
    out = list(found)
    for m in cands:
        if any(_LIST_GAP.match(text[e : m.start()]) for _, e in spans if e <= m.start())\
                or any(_LIST_GAP.match(text[m.end() : st]) for st, _ in spans if st >= m.end()):
            # "lực lượng Hải quan": the class word is part of the mention, the name is the force's.
            lead = re.search(r"lực lượng\s+$", text[max(0, m.start() - 12) : m.start()])
            start = m.start() - (len(lead.group(0)) if lead else 0)
            out.append(UnitMention(start, m.end(), text[start : m.end()], m.group("name")))
    return sorted(out, key=lambda x: x.start)


_OF = re.compile(r"\s+của\s+")


def _committees_of(text: str, found: list[UnitMention]) -> list[UnitMention]:
    """ "các Ban của Hội đồng nhân dân tỉnh" is one collective, the council's committees (named
    with the standing board in the closing article of council resolutions, which charges them with
    supervision; a 2019 Bình Định resolution of the session-11 survey). A bare "các ban" owned by
    nothing names no body and is dropped, as a bare "các ngành" is (:func:`_bare_sector`)."""
    out: list[UnitMention] = []
    skip: int | None = None
    for k, m in enumerate(found):
        if k == skip:
            continue
        if not (m.collective and m.name.lower() == "ban"):
            out.append(m)
            continue
        of = _OF.match(text, m.end)
        owner = next((o for o in found[k + 1 :] if of and o.start == of.end()), None)
        if owner is not None:
            out.append(UnitMention(m.start, owner.end, text[m.start : owner.end], f"Ban của {owner.name}",
                                   owner.place, False, True))
            skip = found.index(owner)
    return out


# "Đảng ủy các bộ, ngành (thuộc Đảng ủy Chính phủ)", "Đảng ủy các sở, ban, ngành": the party
# committees of a class of bodies, one collective "Đảng ủy bộ, ngành" (as "Đảng ủy các xã, phường"
# is of a level; s15 dev ctr31-tw-2026 heads a part of its tasks so, its gold [decided, s16 fixK]).
# Read apart, a bare "Đảng ủy" owned by nobody and the ministries themselves led. What the
# committees sit under ("thuộc Đảng ủy Chính phủ") restricts the class and is no part of its name.
_CLASS_COLLECTIVE = re.compile(r"(?:bộ|sở|ban|ngành)(?:,\s*(?:bộ|sở|ban|ngành|cơ quan ngang bộ|cơ quan thuộc Chính phủ))+"
                               r"(?=$|\s+(?:trực\s+)?thuộc\s)")


def _party_committees_of_class(text: str, found: list[UnitMention]) -> list[UnitMention]:
    """A bare "Đảng ủy" before "các" and a collective of ``_CLASS_COLLECTIVE`` read as one
    collective, with the owner after "(trực) thuộc" taken into its span."""
    out: list[UnitMention] = []
    k = 0
    while k < len(found):
        m = found[k]
        nxt = found[k + 1] if k + 1 < len(found) else None
        cls = _CLASS_COLLECTIVE.match(nxt.name) if nxt is not None and nxt.collective else None
        if (cls and not m.is_head and fold(m.name) == "dang uy"
                and re.fullmatch(r"\s+các\s+", text[m.end : nxt.start])):
            end, k = nxt.end, k + 2
            under = re.match(r"\s+(?:trực\s+)?thuộc\s+", text[end:])
            if under and k < len(found) and found[k].start == end + under.end():
                end, k = found[k].end, k + 1  # the owner they sit under goes with them
            out.append(UnitMention(m.start, end, text[m.start : end], f"Đảng ủy {cls.group(0)}", None, False, True))
            continue
        out.append(m)
        k += 1
    return out


# "các đảng ủy trực thuộc Tỉnh ủy", "Ban Chỉ đạo 35 Tỉnh ủy": the party committee after a class
# "trực thuộc" or a numbered steering board is whose they are, one body with it (party plans and
# letters of the session-11 survey); read apart, the committee led every such duty. Since 2025
# the mass organisations sit under the Front ("các tổ chức chính trị - xã hội trực thuộc Ủy ban
# MTTQ Việt Nam tỉnh"; the Front's 2025 reorganisation: vietnamplus.vn 31/12/2025,
# hoinhabaonghean.vn 20/7/2025), which owns the class the same way.
_OWNED = re.compile(r"(?:.*\btrực thuộc|Ban Chỉ đạo \d{1,3})$", re.IGNORECASE)
_PARTY_OWNER = re.compile(r"(?:Tỉnh|Thành|Huyện|Quận|Thị) ủy(?:\s.*)?$|Đảng ủy\s.+$|Ủy ban Mặt trận Tổ quốc\b.*$")


# "các ban xây dựng Đảng của Tỉnh ủy": a class of the committee's own bodies owned through "của",
# one body with its committee as "Ban của Hội đồng nhân dân tỉnh" is (party news and plans of
# the session-12 survey write both "… Đảng Tỉnh ủy" and "… Đảng của Tỉnh ủy").
_OWNED_OF = re.compile(r"(?:ban xây dựng Đảng|ban Đảng|cơ quan (?:chuyên trách )?tham mưu, giúp việc)$")


# "các tổ chức thành viên của Mặt trận Tổ quốc xã", "… thành viên MTTQ xã", "… thành viên của Ủy
# ban MTTQ Việt Nam phường": the Front's member organisations are one class with the Front they
# belong to, written with the Front (not its committee) as the gold writes them (s17 dev
# kh-mttq-2025-baccamranh four times, s18 dev kh-mttq-2025-luongminh-kiemtra-giamsat V.2 twice);
# read apart, the Front itself led their duties and the class lost its owner.
_FRONT_OWNER = re.compile(r"(?:Ủy ban\s+)?(?P<front>Mặt trận Tổ quốc(?: Việt Nam)? (?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\b.*)$")


# "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh" (and "… Trung ương"): since the 2025
# reorganisation the name of ONE party committee, that of the Front and the mass organisations,
# not a list (GUIDELINES-real.md [decided, s16 fixC]; spent s14 held-out ctr104, nine times; s15
# held-out tb432, both annotators). Read as a list, "các đoàn thể tỉnh" was a second body.
_FRONT_COMMITTEE = re.compile(r"Đảng ủy Mặt trận Tổ quốc(?: Việt Nam)?(?:\s.*)?$")
_FRONT_GAP = re.compile(r"\s*(?:,|\s+và)\s*các\s+")
_CENTRAL = re.compile(r"\s+Trung ương\b")  # after a name: the central level the body belongs to


def _owned_classes(text: str, found: list[UnitMention]) -> list[UnitMention]:
    out: list[UnitMention] = []
    for m in found:
        prev = out[-1] if out else None
        gap = text[prev.end : m.start] if prev is not None else ""
        if (prev is not None and _FRONT_COMMITTEE.match(prev.name) and _FRONT_GAP.fullmatch(gap)
                and m.name.startswith("đoàn thể")):
            end, name = m.end, f"Đảng ủy Mặt trận Tổ quốc, các {m.name}"
            if central := _CENTRAL.match(text[end:]):
                end, name = end + central.end(), f"{name} Trung ương"
            out[-1] = UnitMention(prev.start, end, text[prev.start : end], name, m.place, prev.is_head, False)
            continue
        if (prev is not None and prev.name == "tổ chức thành viên" and (front := _FRONT_OWNER.match(m.name))
                and re.fullmatch(r"\s+(?:của\s+)?", gap)):
            out[-1] = UnitMention(prev.start, m.end, text[prev.start : m.end], f"{prev.name} của {front.group('front')}",
                                  m.place, prev.is_head, prev.collective)
            continue
        if (prev is not None and _PARTY_OWNER.match(m.name)
                and ((_OWNED.match(prev.name) and re.fullmatch(r"\s+", gap))
                     or (_OWNED_OF.match(prev.name) and re.fullmatch(r"\s+của\s+", gap)))):
            joint = " của " if "của" in gap else " "
            out[-1] = UnitMention(prev.start, m.end, text[prev.start : m.end], f"{prev.name}{joint}{m.name}",
                                  m.place, prev.is_head, prev.collective)
            continue
        central = _CENTRAL.match(text[m.end:]) if _OWNED.match(m.name) else None
        if central:
            # "các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương" (the Central Committee's
            # guidance of 2025): the level is no unit of its own, but it is whose they are.
            m = _extended(m, text, m.end + central.end(), f"{m.name} Trung ương")
        out.append(m)
    return out


# "cơ quan chuyên môn thuộc Bộ Tài chính", "các đơn vị truyền thông thuộc Bộ …": a class of
# bodies "thuộc" (belonging to) a named body is one unit with its owner, whom it does not charge;
# after a generic noun alone ("các đơn vị (có liên quan) thuộc Bộ …", no unit by
# GUIDELINES-real.md) the owner is no unit either. A ministry's plan charges its own departments
# so in prose and in the cooperate cells of its duty table (s14 dev kh09-btnmt-2024: items
# III.1.e-i and III.2, table rows 1-9); read apart, the owner itself cooperated in every row.
_OWNED_BY = re.compile(r"\s+(?:trực\s+)?thuộc\s+(?:các\s+)?$")
_GENERIC_OWNED = re.compile(r"(?:^|(?<=[\s,;:(]))(?:các\s+|những\s+)?(?P<name>(?:cơ quan|đơn vị|tổ chức)"
                            r"(?:,\s*(?:cơ quan|đơn vị))?(?P<kind>(?:\s+[^\W\d_]+){1,3}?)?)"
                            r"\s+(?:trực\s+)?thuộc\s+(?:các\s+)?$")
_UNQUALIFIED = re.compile(r"^\s+(?:(?:có\s+)?liên quan|khác|" + "|".join(_BARE_QUALIFIERS) + r")$")


def _owned_by(text: str, found: list[UnitMention]) -> list[UnitMention]:
    out: list[UnitMention] = []
    for m in found:
        prev = out[-1] if out else None
        before = text[prev.end if prev is not None else 0 : m.start]
        if (prev is not None and prev.collective and prev.name[:1].islower() and not prev.is_head
                and _OWNED_BY.fullmatch(text[prev.end : m.start])):
            out[-1] = UnitMention(prev.start, m.end, text[prev.start : m.end], f"{prev.name} thuộc {m.name}",
                                  None, prev.is_head, True)
            continue
        generic = _GENERIC_OWNED.search(before)
        kind = generic.group("kind") or "" if generic is not None else ""
        if generic is not None and (not kind or kind.islower()):
            if kind and not _UNQUALIFIED.match(kind) and not _CLAUSE_WORDS.search(fold(kind)):
                a = m.start - len(before) + generic.start("name")
                out.append(UnitMention(a, m.end, text[a : m.end], f"{generic.group('name')} thuộc {m.name}",
                                       None, False, True))
            continue
        out.append(m)
    return out


# "các sở quản lý nhà nước chuyên ngành về hạ tầng theo ngành, lĩnh vực": the speciality after a
# class of sector regulators is part of its name (which sở), up to "theo"/"để"/a stop (s14 dev
# cv7103-ubnd-2026: the class heads item 2 and is charged so in 3.b, 6.a and 7.b).
_SPECIALITY = re.compile(r"^\s+về\s+(?P<field>[^\W\d_]+(?:\s+[^\W\d_]+){0,2}?)"
                         r"(?=\s+(?:theo|để|trên|tại|của|và|có|được)\b|\s*[,.;:()]|\s*$)")


def _speciality(text: str, m: UnitMention) -> UnitMention:
    if not (m.collective and m.name.endswith(" chuyên ngành")):
        return m
    field = _SPECIALITY.match(text[m.end:])
    if field is None or not field.group("field").islower():
        return m
    return _extended(m, text, m.end + field.end(), f"{m.name} về {field.group('field')}")


# "Ban Chỉ đạo quốc gia về tìm kiếm, quy tập … liệt sĩ", "Ban Chỉ đạo Trung ương về phòng, chống
# tham nhũng": a steering committee or council of a level is named by the field after "về", its
# own commas and "và" included, up to the role verb that follows the name (s16 nq26-cp-2026 Điều
# 5.1.a: cut at "về", the bare "Ban Chỉ đạo quốc gia" names any of dozens of committees). Only when
# a role verb or the clause's end closes the field, so that "về" of an object is not taken.
_FIELD_OF = re.compile(r"^(?:Ban Chỉ đạo|Hội đồng|Ủy ban) (?:quốc gia|Trung ương|tỉnh|thành phố|huyện|xã)$")
_FIELD_WORD = r"[a-zà-ỹđ]+"
_SENT_TO = re.compile(r"(?:báo cáo|gửi|trình|xin ý kiến|kiến nghị|đề xuất)(?:\s+(?:về|lên|đến|tới))?\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _field_after() -> re.Pattern[str]:
    verbs = "|".join(sorted((re.escape(b) for b in unit_data()["boundaries"] if " " in b), key=len, reverse=True))
    # "báo cáo Ban Chỉ đạo tỉnh về kết quả / tiến độ / việc …": what is reported, not the field.
    return re.compile(rf"^\s+về\s+(?!(?:{verbs}|việc|tiến độ|nội dung)\b)(?P<field>{_FIELD_WORD}(?:(?:\s*,\s*|\s+và\s+|\s+){_FIELD_WORD}){{0,15}}?)"
                      rf"(?=\s+(?:{verbs})\b|\s*[.;:()]|\s*$)")


def _field_of_committee(text: str, m: UnitMention) -> UnitMention:
    if not _FIELD_OF.match(m.name) or _SENT_TO.search(text, 0, m.start):
        return m
    field = _field_after().match(text[m.end:])
    if field is None:
        return m
    return _extended(m, text, m.end + field.end(), f"{m.name} về {field.group('field')}")


# "các huyện, thành ủy", "Mỗi huyện, thành, thị ủy": the committee word written once for a list of
# levels, the class of those committees (party news and plans of the session-12 survey: Nghệ An
# 2019, Ninh Thuận 2011). Read as written, only the last member was a unit.
_COMMITTEE_PREFIXES = re.compile(r"(?:(?<=\s)|^)((?:(?:huyện|thành|thị|quận)\s*,\s*)+)$")


def _shared_committee_word(text: str, found: list[UnitMention]) -> list[UnitMention]:
    out: list[UnitMention] = []
    for m in found:
        last = re.fullmatch(r"(huyện|thành|thị|quận) ủy", m.text)  # the class, in lower case
        pre = _COMMITTEE_PREFIXES.search(text, 0, m.start) if last else None
        if pre is None or (out and out[-1].end > pre.start(1)):
            out.append(m)
            continue
        levels = [w.strip().lower() for w in pre.group(1).split(",") if w.strip()] + [last.group(1).lower()]
        out.append(UnitMention(pre.start(1), m.end, text[pre.start(1) : m.end],
                               ", ".join(f"{w} ủy" for w in levels), None, False, True))
    return out


def _bare_sector(m: UnitMention) -> bool:
    """ "các ngành" alone ("ở các cấp, các ngành", "của các ngành") is a generic word, not a unit
    (GUIDELINES-real.md: ``các ngành, các cấp``); "sở, ngành" and "bộ, ngành" stay collectives."""
    return m.collective and m.name.lower() == "ngành"


# "các Sở, ngành: Tài chính, Xây dựng, Công an tỉnh": a collective of departments followed by the
# names of its members.
_MEMBER_LIST = re.compile(r"\s*:\s*")


def _listed_departments(text: str, found: list[UnitMention]) -> list[UnitMention]:
    """A collective of "sở" followed by ":" and names is one department per name ("Sở Tài
    chính", "Sở Xây dựng"); names that are units by themselves ("Công an tỉnh") are already
    mentions. The collective itself is then dropped: its members are named."""
    out: list[UnitMention] = []
    i = 0
    while i < len(found):
        m = found[i]
        colon = _MEMBER_LIST.match(text, m.end)
        if not (m.collective and fold(m.name).startswith("so") and colon and m.name[:1].islower()):
            out.append(m)
            i += 1
            continue
        pos = colon.end()
        members: list[UnitMention] = []
        while pos < len(text) and text[pos].isupper():
            taken = [x for x in found[i + 1 :] if x.start == pos]
            if taken:
                pos = taken[0].end
            else:
                # Read "Sở " + the rest as the grammar would ("Sở Giáo dục và Đào tạo theo …").
                head = unit_grammar().find("Sở " + text[pos : pos + 160])
                if not head or head[0].start != 0 or not head[0].name.startswith("Sở "):
                    break
                end = pos + head[0].end - 3
                members.append(UnitMention(pos, end, text[pos:end], head[0].name, None,
                                           m.is_head, False))
                pos = end
            sep = re.match(r"\s*(?:,\s*(?:và\s+)?|và\s+)", text[pos:])
            if sep is None:
                break
            pos += sep.end()
        if members:
            out.extend(members)
        else:
            out.append(m)
        i += 1
    return sorted(out, key=lambda x: x.start)


# "các Cục: Di sản văn hóa, Bản quyền tác giả", "Cục trưởng các Cục: A; B và C; D": a ministry's
# plural head noun of its departments, a colon, and the departments' own names without the head
# (s15 dev cv6225, a ministry letter: its appendix cells name two to five departments so; before,
# the cell gave one unit "Cục"). Semicolons, where printed, part the members, whose names may hold
# a comma ("Xuất bản, In và Phát hành"); else commas do. A period ends the list.
_HEADED_LIST = re.compile(r"(?:(?<=\s)|^)(?:các|Các)\s+(?P<head>Cục|Vụ|Viện|Chi cục|Trung tâm|Ban|Sở)\s*:\s*")
_MEMBER_WORDS = 10


def headed_list(text: str) -> bool:
    """Whether ``text`` lists departments under a plural head ("các Cục: A; B")."""
    return _HEADED_LIST.search(text) is not None


def _headed_members(text: str, found: list[UnitMention]) -> list[UnitMention]:
    """Each department of a plural head's member list ("các Cục: A, B") as one unit, the head
    restored ("Cục A", "Cục B"); mentions over the list (the bare head, a title's "Cục trưởng
    các Cục") are replaced by them. A member the grammar knows to run over a comma ("Sở Văn hóa,
    Thể thao và Du lịch") is read whole; a last member that runs on into the sentence ("các Sở:
    A, B thực hiện …") ends where the grammar ends its name."""
    out = list(found)
    for lm in _HEADED_LIST.finditer(text):
        head, pos = lm.group("head"), lm.end()
        stop = text.find(".", pos)
        end = len(text) if stop < 0 else stop
        sep = ";" if ";" in text[pos:end] else ","
        members: list[UnitMention] = []
        while pos < end:
            start = pos + len(text[pos:end]) - len(text[pos:end].lstrip())
            if text.startswith("và ", start):
                start += 3
            cut = text.find(sep, start, end)
            piece_end = end if cut < 0 else cut
            named = unit_grammar().find(f"{head} {text[start:start + 200]}")
            known = named[0].end - len(head) - 1 if named and named[0].start == 0 else 0
            if sep == "," and start + known > piece_end:
                piece_end = start + known  # the grammar's name holds the comma
            words = text[start:piece_end].rstrip()
            if cut < 0 and stop < 0 and known and words[known:].strip()[:1].islower():
                words = words[:known].rstrip()  # the sentence runs on after the last name
            if not words[:1].isupper() or len(words.split()) > _MEMBER_WORDS or re.search(r"[:()]", words):
                break
            members.append(UnitMention(start, start + len(words), words, f"{head} {words}"))
            nxt = text.find(sep, start + len(words), end)
            if nxt < 0:
                break
            pos = nxt + 1
        if len(members) < 2:
            continue
        lo, hi = lm.start(), members[-1].end
        out = [x for x in out if x.end <= lo or x.start >= hi]
        out.extend(members)
    return sorted(out, key=lambda x: x.start)


# "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông", "UBND 04 xã: A, B": a level
# followed by the names of its members is one body per name ("Ủy ban nhân dân xã Gia Thuận"),
# the way plans charge a few named communes or districts (kh556). The colon may be left out
# ("Chủ tịch UBND các xã Đông Sơn, Tây Sơn, Nam Sơn", the form of a 2011 decision of the session-11
# survey); then two names at least, and a name where another unit starts ends the list.
_NAMED_LEVEL = re.compile(r"(?:các|\d{1,3})\s+(?P<level>xã|phường|thị trấn|huyện|thị xã|quận|đặc khu)"
                          r"(?:(?P<colon>\s*:\s*)|\s+(?=[A-ZĐÀ-Ỹ]))")
_PLACE_NAME = re.compile(r"(?:[A-ZĐÀ-Ỹ][^\s,;:.()]*)(?:\s+[A-ZĐÀ-Ỹ][^\s,;:.()]*)*")


# "Ủy ban nhân dân thành phố Hà Nội, thành phố Hải Phòng và tỉnh Quảng Ninh": a level word before
# each name. The Government's resolutions charge named provinces so (nq380 of the session-13
# development set); the names are what tells the bodies apart, as in the list above.
_EACH_LEVEL = re.compile(r"\s*(?P<level>tỉnh|thành phố|xã|phường|thị trấn|huyện|thị xã|quận|đặc khu)\s+"
                         r"(?=[A-ZĐÀ-Ỹ])")


def _each_level_places(text: str, m: UnitMention, body: str, others: Sequence[UnitMention]) -> list[UnitMention]:
    """One body per "level Name" in a list of two or more under one head (``_EACH_LEVEL``)."""
    at = text.find(body.split()[-1], m.start, m.end + 1)
    pos = at + len(body.split()[-1]) if at >= 0 else -1
    out: list[UnitMention] = []
    while pos >= 0:
        lv = _EACH_LEVEL.match(text, pos)
        name = _PLACE_NAME.match(text, lv.end()) if lv else None
        if lv is None or name is None or any(o.start <= name.start() < o.end for o in others if o is not m):
            break
        start = m.start if not out else lv.start() + len(lv.group(0)) - len(lv.group(0).lstrip())
        out.append(UnitMention(start, name.end(), text[start : name.end()],
                               f"{body} {lv.group('level')} {name.group(0)}", None, m.is_head))
        sep = re.match(r"\s*(?:,\s*(?:và\s+)?|và\s+)", text[name.end() :])
        pos = name.end() + sep.end() if sep else -1
    return out if len(out) > 1 else []


def _named_places(text: str, m: UnitMention, others: Sequence[UnitMention] = ()) -> list[UnitMention]:
    body = re.sub(r"\s+(?:tỉnh|thành phố|xã|phường|thị trấn|huyện|thị xã|quận|đặc khu)$", "", m.name)
    if body not in ("Ủy ban nhân dân", "Hội đồng nhân dân", "Đảng ủy", "Công an"):
        return []
    at = re.search(r"\s(?=(?:các|\d{1,3})\s)", text[m.start : m.end + 5])
    lv = _NAMED_LEVEL.match(text, m.start + at.end()) if at else None
    if lv is None:
        return [] if m.collective else _each_level_places(text, m, body, others)
    if m.is_head and _CHAIR.match(fold(m.text)):
        body = f"Chủ tịch {body}"  # "Chủ tịch UBND các huyện A, B": the chair of each (_chair_of_committee)
    out: list[UnitMention] = []
    pos = lv.end()
    while True:
        name = _PLACE_NAME.match(text, pos)
        if name is None or any(o.start <= name.start() < o.end for o in others if o is not m):
            break
        start = m.start if not out else name.start()
        out.append(UnitMention(start, name.end(), text[start : name.end()],
                               f"{body} {lv.group('level')} {name.group(0)}", None, m.is_head))
        sep = re.match(r"\s*(?:,\s*(?:và\s+)?|và\s+)", text[name.end() :])
        if sep is None:
            break
        pos = name.end() + sep.end()
    return out if len(out) > 1 else []


_CHAIR = re.compile(r"^chu tich\s+(?:cac\s+)?(?:uy ban nhan dan|hoi dong nhan dan|ubnd|hdnd)\b")


def _chair_of_committee(m: UnitMention) -> UnitMention:
    """ "Chủ tịch Ủy ban nhân dân X" is a unit of its own, not the committee.

    The chair of a People's Committee holds powers of its own, apart from the committee that
    decides collectively (Luật Tổ chức chính quyền địa phương), and plans charge the office by
    that name: "Chủ tịch UBND xã, phường chịu trách nhiệm trực tiếp trước Chủ tịch UBND thành
    phố", "trình Chủ tịch UBND thành phố tặng Bằng khen". The real-plan gold (kh144, kh153,
    kh157) names it so (GUIDELINES-real.md); other titles ("Giám đốc Sở Y tế", "Thủ trưởng các
    sở, ban, ngành") still stand for their body.
    """
    # The name, not the print, says which committee: "Chủ tịch Ủy ban nhân thành phố" (a word
    # dropped in print) is read as "Ủy ban nhân dân thành phố".
    if not (m.is_head and (_CHAIR.match(fold(m.text))
                           or (fold(m.text).lower().startswith("chu tich ")
                               and _CHAIR.match("chu tich " + fold(m.name).lower())))):
        return m
    return UnitMention(m.start, m.end, m.text, f"Chủ tịch {m.name}", m.place, m.is_head, m.collective)


# "Ngân hàng Nhà nước khu vực XII", "Chi cục Hải quan khu vực V", "… chi nhánh khu vực 14": the
# number names the body (the 2025 regional offices); without it the name is ambiguous.
_REGION_NUMBER = re.compile(r"^\s+(?P<n>(?:số\s+)?(?:[IVXLC]{1,6}|\d{1,3}))\b(?!\s*[/%.,]\d)")


# "Ngân hàng Nhà nước Việt Nam Chi nhánh Khu vực II": the regional branch is the body meant.
# The country's name may stand between, capitalised, which the grammar reads as a place and leaves
# out of the mention ("Ngân hàng nhà nước Việt Nam - Chi nhánh Khu vực II", kh179 VI.8).
_REGION_BRANCH = re.compile(r"^\s+(?P<country>Việt\s+Nam\s+)?(?:-\s+)?chi\s+nhánh\s+khu\s+vực\s+"
                            r"(?P<n>[IVXLC]{1,6}|\d{1,3})\b(?!\s*[/%.,]\d)", re.IGNORECASE)


# "Trung tâm Y tế khu vực Bắc Hà", "Thuế cơ sở khu vực Sa Pa": the region's name names the body
# as its number does.
_REGION_NAME = re.compile(r"^\s+(?P<n>[^\W\d_]+(?:\s+[^\W\d_]+){0,3})")


def _region_name(rest: str) -> re.Match[str] | None:
    """Capitalised words (at most four) opening ``rest``, unless a unit starts there."""
    m = _REGION_NAME.match(rest)
    if m is None:
        return None
    words = m.group("n").split()
    k = next((i for i, w in enumerate(words) if not w[0].isupper()), len(words))
    if k == 0:
        return None
    m = re.match(r"^\s+(?P<n>" + r"\s+".join(map(re.escape, words[:k])) + ")", rest)
    found = unit_grammar().find(rest[m.start("n") : m.start("n") + 80]) if m else []
    return None if (m is None or (found and found[0].start == 0)) else m


def _with_region_number(text: str, m: UnitMention) -> UnitMention:
    after = m.end
    if m.place and (at := text.find(m.place, m.start, m.end)) > m.start:
        after = at - 1  # the place reader took "Việt Nam - Chi" for a place
    branch = _REGION_BRANCH.match(text[after:])
    if branch is not None:
        end = after + branch.end()
        country = " Việt Nam" if branch.group("country") and not fold(m.name).endswith("viet nam") else ""
        return UnitMention(m.start, end, text[m.start : end],
                           f"{m.name}{country} chi nhánh khu vực {branch.group('n')}",
                           None if after < m.end else m.place, m.is_head, m.collective)
    if not fold(m.name).endswith(("khu vuc", "co so")):
        return m  # "Thuế cơ sở 3" (2025 base tax offices) is numbered like a region
    nxt = _REGION_NUMBER.match(text[m.end :])
    if nxt is None and fold(m.name).endswith("khu vuc"):
        nxt = _region_name(text[m.end :])
    if nxt is None:
        return m
    end = m.end + nxt.end()
    return UnitMention(m.start, end, text[m.start : end], f"{m.name} {nxt.group('n')}", m.place,
                       m.is_head, m.collective)


# "Khu Quản lý đường bộ II", "Ban Quản lý đầu tư và xây dựng thủy lợi 3": a Roman numeral, or
# the number of a numbered management board, closes the name of one body of a series (the
# ministries' regional offices and boards). Without it the name is ambiguous between them. Only
# before a verb or a punctuation mark, so that "quý I/2026" or "Sở Y tế 2 lần" stay apart.
_CLOSING_ROMAN = re.compile(r"^[ \t]+(?P<n>(?:X{0,2})(?:IX|IV|V?I{0,3}))(?=[ \t]+[^\W\dA-ZĐ]|[ \t]*[,;:)]|[ \t]*$)")
_CLOSING_DIGIT = re.compile(r"^[ \t]+(?P<n>\d{1,2})(?=[ \t]+[^\W\dA-ZĐ]|[ \t]*[,;:)]|[ \t]*$)")
_NUMBERED_BOARD = re.compile(r"^(?:Ban|Khu|Đoạn) Quản lý ")


def _closing_numeral(text: str, m: UnitMention) -> UnitMention:
    if m.collective or not m.name[:1].isupper() or m.end < len(text) and text[m.end] not in " \t":
        return m
    if m.text != text[m.start : m.end] or fold(m.name).endswith(("khu vuc", "co so")):
        return m
    hit = _CLOSING_ROMAN.match(text[m.end :])
    if hit is not None and not hit.group("n"):
        hit = None
    if hit is None and _NUMBERED_BOARD.match(m.name):
        hit = _CLOSING_DIGIT.match(text[m.end :])
    if hit is None:
        return m
    rest = text[m.end + hit.end() :].lstrip()
    if rest[:1].isalpha() and rest.split()[0].lower() in ("năm", "lần", "tháng", "ngày", "quý", "người"):
        return m  # a count, not a number of the name
    end = m.end + hit.end()
    return UnitMention(m.start, end, text[m.start : end], f"{m.name} {hit.group('n')}", m.place,
                       m.is_head, m.collective)


# "Chi nhánh Ngân hàng Chính sách xã hội tỉnh", "Chi nhánh Viettel tỉnh": the branch written
# before its parent is the body meant, as "Ngân hàng … chi nhánh tỉnh" is (the provincial plans
# on policy credit charge it so: tayninh.gov.vn, a 2025 Hà Tĩnh plan on nhansu.vn). Read
# without it, the charge went to the parent bank.
_BRANCH_BEFORE = re.compile(r"(?:^|(?<=[\s(,;:]))Chi nhánh\s+$")


def _branch_first(text: str, m: UnitMention) -> UnitMention:
    if m.collective or m.is_head or m.text != text[m.start : m.end]:
        return m
    hit = _BRANCH_BEFORE.search(text[max(0, m.start - 12) : m.start])
    if hit is None or fold(m.name).startswith("chi nhanh"):
        return m
    start = m.start - (len(text[max(0, m.start - 12) : m.start]) - hit.start())
    return UnitMention(start, m.end, text[start : m.end], f"Chi nhánh {m.name}", m.place, m.is_head,
                       m.collective)


# "Thường trực, các Ban, các Tổ đại biểu và đại biểu HĐND tỉnh giám sát …": the council's
# oversight bodies listed under one owner written once at the end (resolutions of provincial
# councils close so; the same list with the owner repeated, or "các Ban của HĐND", is as
# common: baonamdinh.com.vn, hdndtuyenquang.gov.vn, a 2014 Sơn La resolution on
# vanbanphapluat.co). Each member is a body of that council; read as printed, the members had no
# owner and only the council was found. "Ban của HĐND" keeps its "của" as printed (the spelling
# of tests/test_duties_survey.py).
_COUNCIL_MEMBER = r"(?:các\s+)?(?:Thường trực|Ban|Tổ đại biểu|đại biểu)"
_COUNCIL_LIST = re.compile(
    rf"\b(?P<list>{_COUNCIL_MEMBER}(?:\s*(?:,|và|,\s*và)\s*{_COUNCIL_MEMBER})*)\s+(?:của\s+)?"
    r"(?P<owner>HĐND|Hội đồng nhân dân)(?P<level>\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu)\b)?",
    re.IGNORECASE)
_COUNCIL_PART = re.compile(rf"{_COUNCIL_MEMBER}\b", re.IGNORECASE)


def _council_bodies(text: str, found: list[UnitMention]) -> list[UnitMention]:
    out = list(found)
    for hit in _COUNCIL_LIST.finditer(text):
        parts = list(_COUNCIL_PART.finditer(text, hit.start("list"), hit.end("list")))
        inside = [m for m in out if m.start < hit.end() and m.end > hit.start()]
        if any(m.start < hit.start() for m in inside):
            continue  # "Phó Chủ tịch Thường trực HĐND tỉnh": a title, read by the grammar
        level = (hit.group("level") or "").strip().lower()
        owner = f"Hội đồng nhân dân {level}".strip()
        end = max([hit.end()] + [m.end for m in inside])
        place = next((m.place for m in inside if m.place), None)
        new: list[UnitMention] = []
        for k, part in enumerate(parts):
            word = part.group(0)
            plural = fold(word).lower().startswith("cac ")
            body = re.sub(r"^các\s+", "", word, flags=re.IGNORECASE)
            body = {"thuong truc": "Thường trực", "ban": "Ban", "to dai bieu": "Tổ đại biểu",
                    "dai bieu": "đại biểu"}[fold(body).lower()]
            if body == "đại biểu":
                continue  # the delegates are persons, no body (tests/test_duties_survey.py)
            of = " của" if body == "Ban" and re.search(r"\bcủa\s", hit.group(0)) else ""
            b_end = end if k == len(parts) - 1 else part.end()
            new.append(UnitMention(part.start(), b_end, text[part.start() : b_end], f"{body}{of} {owner}",
                                   place, False, plural))
        out = sorted([m for m in out if m not in inside] + new, key=lambda m: m.start)
    return out


# Between members of one collective: a comma, or only a space where the comma was dropped
# ("sở, ban ngành"); "và" joins two collectives ("sở, ban, ngành thành phố và Ủy ban nhân dân
# xã, phường" names two).
# "Thủ trưởng cơ quan, ban, ngành thành phố" (ct09 of the session-13 fresh plans, its gold:
# "cơ quan, ban, ngành"): "cơ quan" names no class alone, but it opens a list of class words.
_AGENCIES_BEFORE = re.compile(r"(?:^|[\s,])(?:các\s+)?(?P<w>cơ quan),\s*$", re.IGNORECASE)
_COLLECTIVE_GAP = re.compile(r"^\s*,?\s*(?:các\s+)?$")
# Heads named on both sides of "và" ("Giám đốc các sở và Thủ trưởng các ban, ngành tỉnh") stand
# for one collective of the province's bodies, as with a comma (spent s14 held-out kh-ubnd Chỉ
# thị 11 IV.1, its gold "sở, ban, ngành tỉnh"); the title restated is what makes it one list.
_TITLED_AND = re.compile(r"^\s+và\s+$")
# Class words that may close a collective without being units on their own ("sở, ban, ngành,
# địa phương", "các sở, ngành, đoàn thể"). "cơ quan" closes one only as its last member, before
# a restriction ("các sở, ngành, cơ quan liên quan", "sở, cơ quan trực thuộc"): before ", đơn vị"
# it opens the generic "cơ quan, đơn vị" (kh153, kh556); GUIDELINES-real.md keeps a generic member
# of a printed collective ("sở, ban, ngành, đơn vị chức năng"; qd2954 "sở, ngành, cơ quan").
# "cơ quan" before ", địa phương" closes one too: the Government's "các bộ, cơ quan, địa
# phương" and "các bộ, cơ quan trung ương, địa phương" name every ministry, agency and province
# (its resolutions define the short name so: "sau đây gọi tắt là các bộ, cơ quan, địa phương").
# "các sở, ban, ngành, đơn vị (Thành phố) liên quan": the generic "đơn vị" closes the list as one
# more member (5 such lists in the two decisions of the session-13 fresh plans, where it was cut
# off). Not before a word that makes it a class of its own ("đơn vị sự nghiệp"); "…, đơn vị trực
# thuộc Ủy ban nhân dân tỉnh" closes the list with the owner of all its members (qd1627 D2).
_COLLECTIVE_TAIL = re.compile(r"^(?:\s*(?:,|và)\s*(?:các\s+)?(?:địa phương|đoàn thể)"
                              # "cơ quan" before a restriction only comma-joined as well: "X và
                              # các cơ quan liên quan" adds any related office like "và các đơn
                              # vị có liên quan" ("các bộ, ngành, địa phương và các cơ quan liên
                              # quan" named "bộ, ngành, địa phương và các cơ quan": 892/QĐ-TTg of
                              # the s14 documents).
                              r"|\s*,\s*(?:các\s+)?cơ quan(?=\s+(?:trực\s+)?thuộc\b|\s+(?:có\s+)?liên quan\b)"
                              # only comma-joined: "sở, ngành và các đơn vị có liên quan" adds
                              # any related office (qd2954 KH.V.10.b), and "đơn vị cấp tỉnh" is
                              # generic (GUIDELINES.md; the seed's IV.1).
                              r"|\s*,\s*đơn vị(?:\s+(?:tỉnh|thành phố))?(?![^\W\d_]|\s+(?:sự nghiệp|"
                              r"chức năng|hành chính|sử dụng|quản lý|thực hiện|của|cấp)\b)"
                              # "các sở, ban, ngành, cơ quan, đơn vị liên quan" (kh987's closing):
                              # "cơ quan" between two members is one more member too.
                              r"|\s*,\s*cơ quan(?=\s*,\s*(?:đơn vị|địa phương)\b)"
                              r"|\s*,\s*cơ quan\s+trung ương(?=\s*,\s*(?:các\s+)?địa phương\b))+",
                              re.IGNORECASE)


# The Government's own collective of ministries and agencies, closed by "cơ quan" with no
# restriction: "các Bộ, cơ quan rà soát …", "các bộ, cơ quan trung ương có liên quan", "các bộ,
# cơ quan trung ương và địa phương" (s14 dev nq122: five such lists, read as "bộ" alone), and as a
# table cell ends it or before the provinces' committees ("Bộ X, các bộ, cơ quan", "các Bộ, cơ
# quan, UBND các tỉnh, thành phố": nq116's duty table).
# Not "cơ quan" that heads a class of its own ("cơ quan ngang bộ", "cơ quan chức năng").
_MINISTRIES_TAIL = re.compile(
    r"^\s*,\s*(?:các\s+)?cơ quan(?:\s+trung ương)?(?:\s*(?:,|và)\s*(?:các\s+)?địa phương)?(?![^\W\d_])"
    r"(?!\s+(?:ngang|thuộc|trực thuộc|chuyên môn|nhà nước|chức năng|hành chính|báo chí|quản lý|đơn vị"
    r"|tổ chức|Trung ương|trung ương)\b)(?!\s*,\s*(?:các\s+)?(?:đơn vị|địa phương|tổ chức)\b)", re.IGNORECASE)


_CENTRAL_LEVEL = re.compile(r"^\s+(?:Trung ương|trung ương)\b(?!\s+(?:Đảng|Đoàn|Hội))")


# The party's own organs stay apart in a list, as the seed's gold keeps "đảng đoàn" and "ban cán
# sự đảng": "Các ban Đảng, đảng đoàn, ban cán sự Đảng …" names three kinds of body (a 2009 Thái
# Nguyên plan of the session-12 party survey), not one collective.
_PARTY_ORGANS = frozenset({"dang doan", "ban dang", "ban xay dung dang"})


def _bare_class(m: UnitMention) -> bool:
    """A class word standing for many bodies ("sở", "ban", "ngành thành phố")."""
    if any(m.name == k or m.name.startswith(k + " ") for k in unit_grammar().kinds):
        return False  # "sở, ngành, trường đại học": the school has its own head noun
    if fold(m.name) in _PARTY_ORGANS:
        return False
    # Longer class words of the central government ("cơ quan ngang bộ", "cơ quan thuộc Chính
    # phủ") are listed as weak classes: "bộ, cơ quan ngang bộ" is one collective (the laws'
    # responsibility articles; GUIDELINES-real.md collectives, fresh gold).
    return m.collective and m.name[:1].islower() and (len(m.name.split()) <= 3
                                                      or m.name in unit_grammar().weak_ctx)


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
                   and (_COLLECTIVE_GAP.match(gap := text[mentions[j].end : mentions[j + 1].start])
                        or (m.is_head and _TITLED_AND.match(gap)))):
                j += 1
            members = mentions[i : j + 1]
            # A title in front ("Thủ trưởng các sở") is not part of the name.
            # (only the first member carries it: "Thủ trưởng sở, ban, ngành thành phố" keeps its level).
            words = [x.name if x.name in unit_grammar().weak_ctx and (" " in x.name or fold(x.text).endswith("bo truong"))
                     # "cơ quan ngang Bộ" as printed: the class word's own spelling, lower case;
                     # "Các Bộ trưởng" → "bộ".
                     else _TITLE.sub("", x.text) if x.is_head
                     else re.sub(r"^(?:các|Các)\s+", "", x.text)
                     for x in members]
            end = members[-1].end
            tail = _COLLECTIVE_TAIL.match(text[end:])
            ministries = (not tail and len(members) == 1 and fold(members[0].name).lower() == "bo"
                          and (tail := _MINISTRIES_TAIL.match(text[end:])) is not None)
            # A lone class word takes a tail only when the tail is a restricted "cơ quan" ("các
            # sở, cơ quan trực thuộc"): "các ngành, địa phương" stays generic.
            # "các bộ, cơ quan, đơn vị, địa phương" (qd2623 KH.III.2, a Prime Minister's plan):
            # the Government's collective with the generic "đơn vị" among its members.
            # (only after "bộ": "cấp ủy, cơ quan, đơn vị, địa phương" keeps the Party's committee
            # alone, kl221's gold).
            # "các bộ, cơ quan(, địa phương), đơn vị có liên quan" closes with the generic "đơn
            # vị" as one more member (s15 dev nq109-cp-2026: 57 partner cells read as "bộ").
            ministry = fold(members[0].name).lower() == "bo"
            unit_member = r"(?:(?:các\s+)?đơn vị\s*,\s*)?" if ministry else ""
            unit_last = r"(?:\s*,\s*(?:các\s+)?đơn vị)?" if ministry else ""
            if tail and (ministries or len(members) > 1 or re.search(r"cơ quan" + unit_last + r"\s*$|cơ quan(?:\s+trung ương)?\s*,\s*"
                                                       + unit_member + r"(?:các\s+)?địa phương" + unit_last + r"\s*$",
                                                       tail.group(0), re.I)):
                for w in tail.group(0).split(","):
                    w = re.sub(r"^\s*(?:các\s+)?", "", w, flags=re.I).rstrip()
                    if w.lower().startswith("và "):  # "sở, ban, ngành và địa phương"
                        rest = re.sub(r"^và\s+(?:các\s+)?", "", w, flags=re.I)
                        words[-1] = f"{words[-1].rstrip()} và {rest}"
                    elif w:
                        words.append(w)
                end += tail.end()
            central = _CENTRAL_LEVEL.match(text[end:])
            if central and len(words) > 1:
                # "các bộ, ngành Trung ương": the level is part of the collective's name.
                words[-1] = f"{words[-1]} Trung ương"
                end += central.end()
            # A tail class word may carry a level the scan read as a unit of its own
            # ("các Sở, ban, ngành, đoàn thể cấp tỉnh"): the level belongs to the collective.
            while j + 1 < len(mentions) and mentions[j + 1].start < end:
                j += 1
                if mentions[j].end > end:
                    words[-1] = words[-1] + text[end : mentions[j].end]
                    end = mentions[j].end
            agencies = _AGENCIES_BEFORE.search(text[: members[0].start]) if not members[0].is_head else None
            if agencies and len(words) > 1:
                words.insert(0, "cơ quan")
            if len(words) > 1:
                qualifier = _QUALIFIER.match(text[end:])
                if qualifier:
                    words[-1] = f"{words[-1]} {_expand_ubnd(qualifier.group(1))}"
                    end += qualifier.end()
                name = ", ".join(w.strip() for w in words)
                name = name[:1].lower() + name[1:]
                start = agencies.start("w") if agencies else members[0].start
                out.append(UnitMention(start, end, text[start:end], name, None, members[0].is_head, True))
                i = j + 1
                continue
        else:
            # "Ủy ban nhân dân các xã" + "phường" (named "Ủy ban nhân dân phường"): one head.
            head = m.name.rsplit(" ", 1)[0] if " " in m.name else ""
            if head.split()[-1:] and head.split()[-1][:1].isupper() \
                    and not re.fullmatch(_LEVEL_WORD, m.name[len(head) + 1 :]):
                # "các Bộ: Tài chính, Tài nguyên và Môi trường": two names sharing a first word
                # ("Bộ Tài"), not one head over levels (spent s16 held-out qd1803-ttg-2015 Điều
                # 4: "Bộ Tài chính, nguyên và Môi trường"). A name closing on a capital over
                # levels is one head ("Cục Thuế các tỉnh, thành phố …", s17 dev cv4800, tb393).
                head = ""
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
        qualifier = _QUALIFIER.match(text[m.end :]) if m.collective and m.name[:1].islower() else None
        if qualifier:
            m = UnitMention(m.start, m.end + qualifier.end(), text[m.start : m.end + qualifier.end()],
                            f"{m.name} {_expand_ubnd(qualifier.group(1))}", m.place, m.is_head, m.collective)
        out.append(m)
        i += 1
    return out


# "các cơ quan báo chí, phát thanh, truyền hình khác" (qd2623 of the session-13 fresh plans, its
# gold keeps the three fields): the generic "cơ quan" governs a list of bare field nouns that no
# unit starts, so the fields are one class, not "cơ quan báo chí" and two lost words. Only short
# lower-case pieces up to the end of the list (" khác", "và", a stop) are taken.
_GENERIC_OF_FIELD = re.compile(r"^cơ quan [^\W\d_]+(?: [^\W\d_]+)?(?:, [^\W\d_]+(?: [^\W\d_]+)?)*$")
_FIELD_PIECES = re.compile(r"^(?:\s*,\s*[^\W\d_]+(?:\s+[^\W\d_]+)?)+(?=\s+khác\b|\s*[.;:\n]|\s+và\b|\s*$)")


def _domain_lists(text: str, mentions: list[UnitMention]) -> list[UnitMention]:
    """Extend "cơ quan <field>" over the comma-joined fields after it ("báo chí, phát thanh")."""
    out: list[UnitMention] = []
    for k, m in enumerate(mentions):
        pieces = _FIELD_PIECES.match(text[m.end :]) if _GENERIC_OF_FIELD.match(m.name) else None
        nxt = mentions[k + 1].start if k + 1 < len(mentions) else len(text)
        if pieces and pieces.group(0) == pieces.group(0).lower() and m.end + pieces.end() <= nxt:
            fields = [re.sub(r"\s+", " ", w.strip()) for w in pieces.group(0).split(",") if w.strip()]
            m = _extended(m, text, m.end + pieces.end(), ", ".join([m.name, *fields]))
        out.append(m)
    return out


# "trình Hội đồng nhân dân cùng cấp" (qd2623 KH.III.5, its gold keeps the words): a council or
# committee named by its level relative to the subject ("cùng cấp", the same level) has no level
# of its own, and the bare head would read as one fixed body.
_SAME_LEVEL = re.compile(r"^\s+cùng cấp\b")


def _same_level(text: str, mentions: list[UnitMention]) -> list[UnitMention]:
    """Keep "cùng cấp" in the name of a bare council or committee ("Hội đồng nhân dân cùng cấp")."""
    out: list[UnitMention] = []
    for m in mentions:
        hit = _SAME_LEVEL.match(text[m.end :]) if fold(m.name).lower() in _BARE_COUNCILS else None
        if hit:
            m = _extended(m, text, m.end + hit.end(), f"{m.name} cùng cấp")
        out.append(m)
    return out


_BARE_COUNCILS = frozenset({"hoi dong nhan dan", "uy ban nhan dan", "uy ban mat tran to quoc viet nam"})


# Qualifiers that pick a subset of a collective and are part of its name as printed (gold of
# kh144, kh179, kh182): "các Sở, ban, ngành khác", "… được giao chủ trì", "các tổ chức chính
# trị - xã hội trực thuộc", "… cơ quan thuộc tỉnh", "… thuộc UBND đặc khu" (a 2025 special zone).
# A restriction of place ("liên quan", "(đóng) trên địa bàn") is not (GUIDELINES-real.md drops
# it; adjudicated in session 10).
# The level word may be capitalised: the two centrally-run cities write their own name so
# ("các sở, ban, ngành thuộc Ủy ban nhân dân Thành phố", 2025 plans of TP Hồ Chí Minh), and the
# lower-case-only pattern left "Ủy ban nhân dân Thành phố" a unit of its own, charged as lead.
# "trực thuộc Sở" (a department's own agencies) is the same kind of subset, and so is a ministry's
# "trực thuộc Bộ" (s15 cv6386 "Các cơ sở đào tạo trực thuộc Bộ"; cut before "Bộ" the name lost it).
_QUALIFIER = re.compile(r"^\s+(khác|(?:trực )?thuộc (?:[Tt]ỉnh|[Tt]hành phố|[Hh]uyện|(?:Ủy ban nhân dân|UBND) "
                        r"(?:[Tt]ỉnh|[Tt]hành phố|xã|phường|đặc khu))|trực thuộc(?:\s+(?:Sở|Bộ)(?!\s+[A-ZĐ]))?"
                        r"|được giao chủ trì)(?![\w])")


def _expand_ubnd(words: str) -> str:
    """Canonical spelling of a qualifier: "thuộc UBND tỉnh" → "thuộc Ủy ban nhân dân tỉnh"."""
    return re.sub(r"\bUBND\b", "Ủy ban nhân dân", words)


_TITLE = re.compile(r"^(?:(?:Phó\s+)?(?:Thủ trưởng|Giám đốc|Chủ tịch|Bí thư|Người đứng đầu|Lãnh đạo|Trưởng)\s+)?"
                    r"(?:các\s+|Các\s+)?", re.IGNORECASE)
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

__all__ = ["UnitGrammar", "UnitMention", "canonical_unit", "find_units", "unit_grammar"]


_SIGNATURE_SKIP = frozenset({"va", "&", "-"})


def _signature(name: str) -> tuple[str, str, bool] | None:
    """(head, initials, has an abbreviation) of a unit name: "Phòng QLĐT&CTHSSV" and "Phòng
    Quản lí đào tạo và Công tác học sinh sinh viên" both give ("phong", "qldtcthssv")."""
    words = re.findall(r"[^\W_]+|&|-", name)
    if len(words) < 2:
        return None
    head_len = 2 if fold(" ".join(words[:2])).lower() in ("trung tam", "van phong") else 1
    head = fold(" ".join(words[:head_len])).lower()
    letters, abbreviated = [], False
    for w in words[head_len:]:
        key = fold(w).lower()
        if key in _SIGNATURE_SKIP:
            continue
        if len(w) >= 2 and w.isupper():
            letters.append(key)
            abbreviated = True
        else:
            letters.append(key[0])
    return head, "".join(letters), abbreviated


# "Tổ Tư vấn tâm lý" in a school plan's table beside its "5. Tổ Tư vấn tâm lý học đường" (s17 dev
# kh-thpt, its blind gold one name): a team is an office of its institution as a division is.
_CUT_OFFICE = re.compile(r"^(?:Phòng|Ban|Trung tâm|Chi cục|Cục|Vụ|Tổ) [A-ZĐÀ-Ỹ][^,;]*$")
_LOWER_TAIL = re.compile(r"(?!(?:tỉnh|thành phố|huyện|xã|phường)\b)[a-zà-ỹđ]+(?: [a-zà-ỹđ]+)+")


def one_name_per_body(names: list[str]) -> dict[str, str]:
    """Names a document gives one body in short and in full, mapped to the full one.

    An institution abbreviates its own offices ("Phòng QLĐT&CTHSSV", "phòng QLCLGD", "Phòng
    Quản lí đào tạo và Công tác HSSV") and writes them in full where it assigns their tasks
    ("1. Phòng Quản lí đào tạo và Công tác học sinh sinh viên:"); only the document can expand
    them. A name with an abbreviation maps to the one name of the same head whose word initials
    spell it (the letters of an abbreviation kept as they are, "và"/"&" skipped). A bare class
    word ("khoa") maps to the one longer class the document names with it ("khoa đào tạo").
    Ambiguous names are left as printed.
    """
    distinct = list(dict.fromkeys(names))
    full: dict[tuple[str, str], set[str]] = {}
    sigs: dict[str, tuple[str, str, bool]] = {}
    for n in distinct:
        sig = _signature(n)
        if sig is None:
            continue
        sigs[n] = sig
        if not sig[2]:
            full.setdefault((sig[0], sig[1]), set()).add(n)
    out: dict[str, str] = {}
    for n, sig in sigs.items():
        if sig[2]:
            cands = full.get((sig[0], sig[1]), set())
            if len(cands) == 1:
                out[n] = next(iter(cands))
    for n in distinct:
        if " " in n or not n.islower():
            continue
        longer = {m for m in distinct if m.startswith(n + " ") and m.islower() and "," not in m}
        if len(longer) == 1:
            out[n] = next(iter(longer))
    # An office whose sentence-case name a function word closes ("báo cáo Trưởng phòng Quản lý
    # công nghiệp để trình …") is read to its capitalised part only (:meth:`_ends_name`); the
    # document prints it whole where a comma closes it: the one such longer name is the office's
    # (s16 dev qd5116-sct-2026: "Phòng Quản lý" report_to beside the printed division).
    for n in distinct:
        if not _CUT_OFFICE.match(n):
            continue
        longer = {m for m in distinct if m.startswith(n + " ") and _LOWER_TAIL.fullmatch(m[len(n) + 1:])}
        if len(longer) == 1:
            out.setdefault(n, next(iter(longer)))
    # "Văn phòng" in a school plan's activity table is the "Bộ phận Văn phòng" its items charge
    # (s17 dev kh-thpt, its blind gold): an institution's section printed without "Bộ phận".
    for n in distinct:
        if n[:1].isupper() and f"Bộ phận {n}" in distinct:
            out.setdefault(n, f"Bộ phận {n}")
    # "Ủy ban nhân dân cấp xã" is the committees of the communes the document lists elsewhere
    # ("Ủy ban nhân dân xã, phường"): one spelling (GUIDELINES-real.md, adjudication of kh144,
    # kh157); a document that prints no other form keeps "cấp xã". "cấp tỉnh" likewise takes the
    # printed "Ủy ban nhân dân (các) tỉnh, thành phố …" ([decided, s14 adj]; s15 dev cv8388).
    for n in distinct:
        level = re.search(r"\scấp (xã|huyện|tỉnh)$", n)
        if level is None:
            continue
        head = n[: level.start()]
        listed = {m for m in distinct if m.startswith(f"{head} {level.group(1)}, ")}
        if len(listed) == 1:
            out[n] = next(iter(listed))
    return out


def joint_body(first: str, second: str, known: set[str]) -> str | None:
    """The one body two names of the same head stand for when the document names them joined:
    "Cục A" + "Cục B" → "Cục A và B" if the document also writes "Cục A và B".

    The 2025 mergers formed departments named after the two they replaced (the ministry's "Cục
    … và …"); a plan of 2026 writes the merged name in its prose and, in some table rows, repeats
    the head ("Cục A và Cục B") of bodies that no longer exist apart (s14 dev qd2200-bnnmt-2026:
    five rows of its duty table). Without the joint name in the document the two stay two.
    """
    a, b = first.split(), second.split()
    for h in (1, 2):
        if len(a) > h and len(b) > h and a[:h] == b[:h] and a[0][:1].isupper():
            joint = f"{first} và {' '.join(b[h:])}"
            if joint in known:
                return joint
    return None
