"""Word's automatic list numbering (đánh số tự động), rendered as Word shows it.

A plan saved from Word often numbers its parts, items and lettered items ("I.", "1.", "a)")
with list numbering: the paragraph carries ``w:numPr`` (or inherits it from its paragraph
style) and the label lives in ``word/numbering.xml``, not in the paragraph's text. Without the
label the outline loses every section id. :class:`ListNumbering` keeps Word's counters while
the reader visits the paragraphs in document order and returns each paragraph's label.

What it follows (ECMA-376 §17.9 and Word's own behaviour where the two differ):

* counters belong to the abstract definition (``w:abstractNum``), so several ``w:num``
  instances of one definition continue one sequence; a ``w:lvlOverride/w:startOverride``
  restarts its level the first time its instance is used there, a ``w:lvl`` inside the
  override replaces the level's definition for that instance;
* a level restarts after any higher level is used, or only after levels up to ``w:lvlRestart``
  (0: never); a level not used since its last restart shows its start value minus one ("1.0.1"
  when a paragraph skips a level: the counters of §17.9 give it, and it is what Word users
  report; not checked against Word itself here);
* ``w:lvlText`` with ``%1``..``%9``, ``w:numFmt`` decimal, decimalZero, upper/lowerRoman,
  upper/lowerLetter (27 → "aa", as Word), none and bullet; other formats fall back to decimal,
  ``w:isLgl`` shows every level in decimal; ``w:suff`` tab/space give one space, nothing none;
* numbering from the paragraph style (``w:basedOn`` chain, the default paragraph style, levels
  linked to a style by ``w:pStyle``), ``w:numStyleLink`` to a numbering style, and ``numId`` 0
  that switches the style's numbering off.

Bullets are printed as "-", "+" or "•" (the marks the outline reads as bullets), never as their
Symbol/Wingdings code points: a dash stays "-", a plus "+", any other glyph is "•" on the first
level and "+" deeper, so that a lead-in bullet and its sub-bullets keep different marks.

Why our own code: docx2python (3.7.1, the PyPI library that prints list numbers) gave 0 of
the 27 numbered paragraphs of ``evaluation/fixtures/make_numbered_docx.py`` as Word shows them:
it ignores ``w:lvlText`` (every label "N)") and numbering that comes from a paragraph style
(parts and lettered items got none, so items counted 1..10 over all parts), and counts each
``w:num`` apart ("I)" for part IV, which continues the list of parts I-III);
python-docx, which the reader already uses, does not compute labels at all.

Roman numerals use :func:`chinhsach.text.numbers.int_to_roman` (1 to 399) and letters repeat
up to 30 times; larger values are printed in decimal, which bounds a label's length whatever
``w:start`` a file declares (the counters themselves only grow by one per paragraph).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from chinhsach.text.numbers import int_to_roman

__all__ = ["ListNumbering"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{_W}val"
_LEVELS = 9  # ilvl 0..8
_MAX_ROMAN = 399
_MAX_LETTER = 26 * 30
_PLACEHOLDER = re.compile(r"%([1-9])")
_DASHES = frozenset("-–—‐‑−")
_FALSE = ("0", "false", "off")
_PPR, _PSTYLE, _NUMPR = f"{_W}pPr", f"{_W}pStyle", f"{_W}numPr"
_NUMID, _ILVL = f"{_W}numId", f"{_W}ilvl"


def _child(el: Any, name: str) -> Any:
    return None if el is None else el.find(f"{_W}{name}")


def _val(el: Any, name: str) -> str | None:
    found = _child(el, name)
    return None if found is None else found.get(_VAL)


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def _flag(el: Any, name: str) -> bool:
    found = _child(el, name)
    return found is not None and found.get(_VAL, "true") not in _FALSE


@dataclass(frozen=True, slots=True)
class _Level:
    """One ``w:lvl``: how its label is written and when it restarts."""

    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    restart: int | None = None  # w:lvlRestart (1-based level), None = after any higher level
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None  # w:pStyle: the paragraph style linked to this level


def _level(el: Any) -> _Level:
    start = _int(_val(el, "start"))
    return _Level(
        fmt=_val(el, "numFmt") or "decimal",
        text=_val(el, "lvlText") or "",
        start=1 if start is None else start,
        restart=_int(_val(el, "lvlRestart")),
        legal=_flag(el, "isLgl"),
        suffix=_val(el, "suff") or "tab",
        style=_val(el, "pStyle"),
    )


def _levels(el: Any) -> dict[int, _Level]:
    levels: dict[int, _Level] = {}
    for lvl in el.iterchildren(f"{_W}lvl"):
        ilvl = _int(lvl.get(f"{_W}ilvl"))
        if ilvl is not None and 0 <= ilvl < _LEVELS:
            levels[ilvl] = _level(lvl)
    return levels


@dataclass(slots=True)
class _Num:
    """One ``w:num`` instance: its abstract definition and level overrides."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # w:startOverride per level
    levels: dict[int, _Level] = field(default_factory=dict)  # w:lvl inside w:lvlOverride


@dataclass(slots=True)
class _Style:
    num_id: str | None
    ilvl: int | None
    based_on: str | None


def _format(value: int, fmt: str) -> str:
    """One level's number in its format ("III", "c", "07")."""
    if fmt in ("upperRoman", "lowerRoman") and 0 < value <= _MAX_ROMAN:
        roman = int_to_roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter") and 0 < value <= _MAX_LETTER:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero" and 0 <= value < 10:
        return f"0{value}"
    return str(value)


def _bullet(level: _Level, ilvl: int) -> str:
    glyph = level.text.strip()
    if glyph and all(c in _DASHES for c in glyph):
        return "-"
    if glyph == "+":
        return "+"
    return "•" if ilvl == 0 else "+"


class ListNumbering:
    """Labels of a document's numbered paragraphs, counted in document order.

    Built from the ``w:numbering`` and ``w:styles`` roots (either may be None); call
    :meth:`label` once per paragraph, in document order, tables' paragraphs included.
    """

    def __init__(self, numbering: Any, styles: Any) -> None:
        # Definitions are indexed by id and parsed when a paragraph first uses them: a numbering
        # part of 39 MB (300 000 w:num) took 8 s to parse whole, a plan uses a handful of lists.
        self._abstract_elements: dict[str, Any] = {}
        self._num_elements: dict[str, Any] = {}
        self._style_elements: dict[str, Any] = {}
        self._abstracts: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, _Num | None] = {}
        self._styles: dict[str, _Style] = {}
        self._default_style: str | None = None
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[tuple[str, int]] = set()  # (numId, ilvl) whose override was applied
        self._resolved: dict[str, tuple[str, tuple[_Level | None, ...]]] = {}
        self._style_cache: dict[str | None, tuple[str | None, int | None]] = {}
        if numbering is not None:
            for el in numbering.iterchildren(f"{_W}abstractNum", f"{_W}num"):
                if el.tag == f"{_W}num":
                    num_id = el.get(f"{_W}numId")
                    if num_id is not None:
                        self._num_elements.setdefault(num_id, el)
                elif (key := el.get(f"{_W}abstractNumId")) is not None:
                    self._abstract_elements.setdefault(key, el)
        if styles is not None:
            for el in styles.iterchildren(f"{_W}style"):
                style_id = el.get(f"{_W}styleId")
                if style_id is None:
                    continue
                self._style_elements.setdefault(style_id, el)
                if el.get(f"{_W}type") == "paragraph" and el.get(f"{_W}default") in ("1", "true"):
                    self._default_style = style_id

    @property
    def empty(self) -> bool:
        """No list is defined: every label is empty (most documents typed by hand)."""
        return not self._num_elements

    def _num(self, num_id: str) -> _Num | None:
        """The ``w:num`` instance ``num_id``, parsed once (None when it is not defined)."""
        if num_id in self._nums:
            return self._nums[num_id]
        el = self._num_elements.get(num_id)
        abstract = _val(el, "abstractNumId")
        num = None if abstract is None else _Num(abstract)
        if num is not None:
            for override in el.iterchildren(f"{_W}lvlOverride"):
                ilvl = _int(override.get(f"{_W}ilvl"))
                if ilvl is None or not 0 <= ilvl < _LEVELS:
                    continue
                start = _int(_val(override, "startOverride"))
                if start is not None:
                    num.starts[ilvl] = start
                lvl = _child(override, "lvl")
                if lvl is not None:
                    num.levels[ilvl] = _level(lvl)
        self._nums[num_id] = num
        return num

    def _levels(self, abstract: str) -> dict[int, _Level]:
        if abstract not in self._abstracts:
            el = self._abstract_elements.get(abstract)
            self._abstracts[abstract] = {} if el is None else _levels(el)
        return self._abstracts[abstract]

    def _style(self, style_id: str) -> _Style | None:
        if style_id not in self._styles:
            el = self._style_elements.get(style_id)
            if el is None:
                return None
            num_pr = _child(_child(el, "pPr"), "numPr")
            self._styles[style_id] = _Style(num_id=_val(num_pr, "numId"),
                                            ilvl=_int(_val(num_pr, "ilvl")),
                                            based_on=_val(el, "basedOn"))
        return self._styles[style_id]

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph style gives, following ``w:basedOn`` (cycles cut)."""
        if style_id in self._style_cache:
            return self._style_cache[style_id]
        key = style_id
        num_id: str | None = None
        ilvl: int | None = None
        seen: set[str] = set()
        while style_id is not None and style_id not in seen:
            seen.add(style_id)
            style = self._style(style_id)
            if style is None:
                break
            num_id = style.num_id if num_id is None else num_id
            ilvl = style.ilvl if ilvl is None else ilvl
            style_id = style.based_on
        self._style_cache[key] = (num_id, ilvl)
        return num_id, ilvl

    def _abstract(self, num: _Num) -> str:
        """The abstract definition that holds the levels, through ``w:numStyleLink``."""
        key = num.abstract
        for _ in range(2):  # a link points at a numbering style whose num holds the levels
            link = _val(self._abstract_elements.get(key), "numStyleLink")
            if not link:
                break
            linked = self._num(self._style_numbering(link)[0] or "")
            if linked is None or linked.abstract == key:
                break
            key = linked.abstract
        return key

    def _resolve(self, num_id: str, num: _Num) -> tuple[str, tuple[_Level | None, ...]]:
        """(counter key, the nine level definitions) of one instance, computed once."""
        found = self._resolved.get(num_id)
        if found is None:
            abstract = self._abstract(num)
            levels = self._levels(abstract)
            found = (abstract, tuple(num.levels.get(i) or levels.get(i) for i in range(_LEVELS)))
            self._resolved[num_id] = found
        return found

    def _paragraph_numbering(self, paragraph: Any) -> tuple[str | None, str | None, int | None]:
        """(paragraph style, direct numId, direct ilvl) of a ``w:p``.

        Filtered child iteration, not ``find``: a long plan has tens of thousands of paragraphs
        and ``find`` on python-docx's element classes cost most of the labelling time.
        """
        style = num_id = ilvl = None
        for ppr in paragraph.iterchildren(_PPR):
            for child in ppr.iterchildren(_PSTYLE, _NUMPR):
                if child.tag == _PSTYLE:
                    style = child.get(_VAL)
                    continue
                for item in child.iterchildren(_NUMID, _ILVL):
                    if item.tag == _NUMID:
                        num_id = item.get(_VAL)
                    else:
                        ilvl = item.get(_VAL)
            break
        return style, num_id, _int(ilvl)

    def label(self, paragraph: Any) -> str:
        """The label Word shows before this ``w:p`` ("III. ", "1. ", "a) ", "- "), or "".

        Counts the paragraph in its list even when the caller drops it (an empty numbered
        paragraph still shows, and uses, a number in Word).
        """
        if self.empty:
            return ""
        style_id, num_id, ilvl = self._paragraph_numbering(paragraph)
        style_id = style_id or self._default_style
        style_num, style_ilvl = self._style_numbering(style_id)
        from_style = num_id is None
        if num_id is None:
            num_id = style_num
        num = None if num_id is None or num_id == "0" else self._num(num_id)
        if num is None or num_id is None:
            return ""
        abstract, levels = self._resolve(num_id, num)
        if ilvl is None and (from_style or style_num == num_id):
            ilvl = style_ilvl
        if ilvl is None and from_style:
            # A style linked to a level by the level's w:pStyle uses that level.
            ilvl = next((i for i, lv in enumerate(levels) if lv and lv.style == style_id), None)
        ilvl = 0 if ilvl is None else ilvl
        if not 0 <= ilvl < _LEVELS:
            return ""
        level = levels[ilvl]
        if level is None:
            return ""
        counters = self._counters.setdefault(abstract, [None] * _LEVELS)
        if ilvl in num.starts and (num_id, ilvl) not in self._started:
            self._started.add((num_id, ilvl))
            counters[ilvl] = num.starts[ilvl]
        else:
            current = counters[ilvl]
            counters[ilvl] = (level.start - 1 if current is None else current) + 1
        for deeper in range(ilvl + 1, _LEVELS):
            lower = levels[deeper]
            restart = None if lower is None else lower.restart
            if restart is not None and restart > deeper:
                restart = None  # names a level below this one: ignored (§17.9.10)
            if restart is None or (restart > 0 and ilvl < restart):
                counters[deeper] = None
        if level.fmt == "bullet":
            text = _bullet(level, ilvl)
        elif level.fmt == "none":
            text = _PLACEHOLDER.sub("", level.text)
        else:
            text = _PLACEHOLDER.sub(
                lambda m: _number(levels[int(m.group(1)) - 1], counters[int(m.group(1)) - 1],
                                  level.legal),
                level.text,
            )
        if not text.strip():
            return ""
        return text if level.suffix == "nothing" else text + " "


def _number(level: _Level | None, value: int | None, legal: bool) -> str:
    """The number ``%N`` stands for: its level's counter in the level's format."""
    level = level or _Level()
    if level.fmt in ("bullet", "none"):
        return ""  # a level without a number of its own prints nothing
    value = level.start - 1 if value is None else value
    return _format(value, "decimal" if legal else level.fmt)
