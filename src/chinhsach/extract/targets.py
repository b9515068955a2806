"""Find targets (chỉ tiêu) in the text of a plan: quantified levels to reach, and qualitative ones.

The extractor works on one segment (a bullet or paragraph, already normalised: NFC, canonical
tones, single spaces) and follows ``evaluation/gold/GUIDELINES.md``. It is built from general
parts, not from the sentences of any one plan:

1. **Numbers that are not values** are masked first: document numbers (``42-NQ/TW``), dates,
   years and periods, references (``mục 2``, ``mức độ 2``, ``lần thứ 8``), quoted titles and
   titles of programmes (``Đề án Đầu tư … 01 triệu căn hộ``), ages (``trẻ em dưới 5 tuổi``),
   durations (``định kỳ 6 tháng``) and denominators (``/10.000 dân``, ``trên 10.000 dân``).
2. **Layout**: a segment is cut into sentences, clauses (``;``) and pieces (``,``, ``và``,
   ``hoặc``, ``:``). A piece that holds a value is a target; pieces without one are attached to
   the value they describe (forward when the next value lacks its own subject, "Tỷ lệ lao động
   có bằng cấp, | chứng chỉ đạt 40%"; otherwise backward as a rider), or dropped as a frame
   ("Phấn đấu đến năm 2025, …", whose year still applies to the sentence).
3. **Value, unit, comparator** from the words around the value: the comparator cue nearest the
   value wins over weak cues (``đạt khoảng trên 40%`` → above), a trailing ``trở lên`` /
   ``trở xuống`` wins over leading cues, and a cue written before the first member of a list of
   parallel "VALUE + noun" members distributes over it (``Có ít nhất 75% …; 80% …``).
4. **Indicator** in the document's words: the subject before the value, with list members
   restored from their neighbour ("cấp trung học cơ sở" → "tỷ lệ đi học đúng độ tuổi cấp trung
   học cơ sở"); "tỷ lệ X" for a bare "N% X", "số X" for "N X/10.000 dân"; a predicate shared by
   parallel members is restored on the member that lacks it.
5. **Direction** from a lexicon of bad things (unemployment, poverty, malnutrition, mortality,
   temporary housing, pollution…), overriders ("được", "tham gia", "thoát nghèo", "xử lý") and
   verbs ("giảm" → down, "tăng/nâng" → up).

6. **Target or result** (issue 12, "Situation vs target"): a clause that reports ("đã xây dựng",
   "ước đạt", "hiện nay", a condition "nếu …", a count announcing a list of names) is left out
   even among objectives; outside them a clause needs a cue — "phấn đấu", "đạt", a bound (a
   "trên" only where a bound can stand), a horizon ("đến năm 2030" in the clause or as a frame
   before it), or a share with its predicate opening the clause ("100% số người … được …").
   Figures dated before the plan was issued are dropped as baselines by
   :mod:`chinhsach.extract.document`.

Counts name the thing counted after the value ("tối thiểu 10 doanh nghiệp công nghệ số …" →
"số doanh nghiệp công nghệ số …"), with the whole noun as unit ("05 kịch bản", "20 tập dữ liệu",
dictionary segmentation); a count inside the phrase that defines a percentage is part of its
indicator; a growth rate with no quantity ("…, tốc độ tăng bình quân 5-6%/năm") is the rate of
the quantity just stated. Each of these was measured on the development plans
(``evaluation/extraction_eval.py``; reasons in the docstrings below) and is exercised by
``tests/test_targets_general.py`` on sentences written for the tests.

Rates of change ("giảm tỷ lệ hộ nghèo bình quân 3-4%/năm") are targets on the *change*, as the
project's annotators record them: indicator "mức giảm tỷ lệ hộ nghèo", comparator of the printed
bound (``range`` 3-4), unit as printed (``%/năm``; a bare "%" stays "%"), and direction ``up`` — a bigger reduction of a bad thing is
better — so "giảm bình quân trên 5%/năm" (``above``) is consistent with its direction. A level
reached by a reduction ("giảm còn dưới 24%") stays a level: indicator "tỷ lệ …", ``below``,
``down``. Counts achieved per year ("mỗi năm … ít nhất 1.500 căn nhà") get the unit
"căn nhà/năm". :func:`is_rate` tells the two kinds apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from chinhsach.model import Target
from chinhsach.text.normalize import fold, has_diacritics
from chinhsach.text.tokens import segment_words

# ---------------------------------------------------------------------------------------------
# Public tables
# ---------------------------------------------------------------------------------------------

#: Comparator cues as printed, → comparator. Leading cues stand before the value; the two
#: trailing ones (``TRAILING_CUES``) after it. Weak cues (``reach``) yield to a stronger cue
#: nearer the value; "khoảng trên N" is ``above`` (the bound is operative).
COMPARATORS: dict[str, str] = {
    # reach: a level to attain
    "đạt": "reach", "đạt được": "reach", "đạt mức": "reach", "ở mức": "reach", "bằng": "reach",
    "bảo đảm": "reach", "đảm bảo": "reach", "phấn đấu": "reach", "phấn đấu đạt": "reach",
    "lên": "reach", "tăng lên": "reach", "nâng lên": "reach", "lên mức": "reach",
    "còn": "reach", "xuống": "reach", "xuống còn": "reach", "giảm còn": "reach",
    "giảm xuống": "reach", "giảm xuống còn": "reach", "là": "reach", "gấp": "reach",
    # above
    "trên": "above", "đạt trên": "above", "hơn": "above", "cao hơn": "above", "vượt": "above",
    "vượt mức": "above",
    "khoảng trên": "above", "lớn hơn": "above", "nhiều hơn": "above",
    # at least
    # the mathematical signs: "Có ≥ 30% doanh nghiệp …" (a province's digital-transformation
    # plan stated its five horizons so; tables of indicators print them too)
    "≥": "at_least", "≤": "at_most",
    "ít nhất": "at_least", "tối thiểu": "at_least", "không dưới": "at_least",
    "không ít hơn": "at_least", "không thấp hơn": "at_least", "tối thiểu là": "at_least",
    "trở lên": "at_least",
    # below
    "dưới": "below", "còn dưới": "below", "xuống dưới": "below", "thấp hơn": "below",
    "ít hơn": "below", "khoảng dưới": "below", "giảm xuống dưới": "below",
    # at most
    "không quá": "at_most", "tối đa": "at_most", "không vượt quá": "at_most",
    "không cao hơn": "at_most", "không lớn hơn": "at_most", "không nhiều hơn": "at_most",
    "nhiều nhất": "at_most", "trở xuống": "at_most",
    # about
    "khoảng": "about", "đạt khoảng": "about", "xấp xỉ": "about", "gần": "about",
    "trên dưới": "about", "chừng": "about", "khoảng chừng": "about",
    # maintain
    "duy trì": "maintain", "duy trì ở mức": "maintain", "giữ vững": "maintain",
    "giữ ổn định": "maintain", "duy trì ổn định": "maintain",
}
#: Cues written after the value (and its unit): "3,5% trở lên".
TRAILING_CUES: dict[str, str] = {"trở lên": "at_least", "trở xuống": "at_most"}
#: Connectives of a range "35-40%", "từ 35 đến 40%".
RANGE_CONNECTIVES: tuple[str, ...] = ("-", "–", "—", "đến", "tới")
#: Which way each comparator bounds the value (for checks against a target's direction).
COMPARATOR_SENSE: dict[str, str | None] = {
    "reach": None, "about": None, "range": None, "maintain": None,
    "above": "up", "at_least": "up", "below": "down", "at_most": "down",
}


# ---------------------------------------------------------------------------------------------
# Numbers and heading years
# ---------------------------------------------------------------------------------------------


def parse_number(s: str) -> float:
    """A Vietnamese number: "24,01" → 24.01, "10.000" → 10000, "1.234,5" → 1234.5, "01" → 1.

    The comma is the decimal mark and the dot groups thousands; a lone dot not followed by
    groups of three digits is read as a decimal point ("24.6", English style).
    """
    t = s.strip().replace(" ", "").rstrip("%‰")
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", t):
        raise ValueError(f"not a number: {s!r}")
    if "," in t and "." in t:
        dec = "," if t.rfind(",") > t.rfind(".") else "."
        grp = "." if dec == "," else ","
        return float(t.replace(grp, "").replace(dec, "."))
    if "." in t:
        parts = t.split(".")
        if len(parts) > 2 or all(len(p) == 3 for p in parts[1:]):
            return float(t.replace(".", ""))
        return float(t)
    if "," in t:
        parts = t.split(",")
        if len(parts) > 2 and all(len(p) == 3 for p in parts[1:]):
            return float(t.replace(",", ""))
        return float(t.replace(",", "."))
    return float(t)


_YEAR = r"(?:19|20)\d\d"
_RANGE_YEAR_RE = re.compile(rf"(?<![\d/.,])({_YEAR})\s*[-–—]\s*({_YEAR})(?![\d/])")
_WORD_YEAR_RE = re.compile(rf"(?:năm|nam|đến|den|tới|toi)\s+({_YEAR})(?![\d/])", re.IGNORECASE)
# A dated horizon a clause aims at: "đến năm 2030", "vào cuối năm 2025".
_HORIZON = rf"(?<!\w)(?:đến|vào|tới)\s+(?:(?:cuối|hết)\s+)?năm\s+{_YEAR}"
_BARE_YEAR_RE = re.compile(rf"(?<![\d/.,\-–])({_YEAR})(?![\d/.,]\d|\d|/)")
_ORIENT_RE = re.compile(r"(?:định hướng|dinh huong|tầm nhìn|tam nhin)[^.;]{0,25}$", re.IGNORECASE)
_WRITTEN_DATE_RE = re.compile(
    rf"(?:(?:ngày|ngay)\s+\d{{1,2}}\s+)?(?:tháng|thang)\s+\d{{1,2}}\s*(?:(?:năm|nam)\s+|/\s*){_YEAR}",
    re.IGNORECASE)


_COMPARED_TO = re.compile(r"\bso(?: voi)?(?: (?:cung ky|cuoi|dau))?(?: nam)?\s*$")


def heading_year(text: str) -> int | None:
    """The horizon year a heading (or clause) states.

    "đến năm 2030" → 2030, "Tầm nhìn đến năm 2045" → 2045, "giai đoạn 2021-2025" → 2025 (end of
    a period). When a heading names a main period and an orientation ("giai đoạn 2021-2025,
    định hướng đến năm 2030"), the main period wins; otherwise the last year written wins.
    Years inside dates ("24/11/2023", "ngày 15 tháng 8 năm 2024", "tháng 8/2024") do not
    count: a title "Thực hiện Chỉ thị số 27/CT-TTg ngày 15 tháng 8 năm 2024 …" names the date
    of the cited document, not the plan's period (kh165 took 2024 as its horizon). A vision
    ("tầm nhìn đến năm 2050") yields to a main period like an orientation does. A comparison
    base ("Tỷ lệ hộ nghèo giảm 1% so với năm 2025", an item of a report's targets for 2026) is
    no horizon either, as inside a clause (:func:`_years_in`).
    """
    found: list[tuple[int, int, bool]] = []  # (position, year, is orientation)
    taken: list[tuple[int, int]] = [m.span() for m in _WRITTEN_DATE_RE.finditer(text)]
    for rx, group in ((_RANGE_YEAR_RE, 2), (_WORD_YEAR_RE, 1), (_BARE_YEAR_RE, 1)):
        for m in rx.finditer(text):
            if any(a <= m.start(group) < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            if _COMPARED_TO.search(fold(text[max(0, m.start(group) - 30): m.start(group)])):
                continue
            oriented = bool(_ORIENT_RE.search(text[: m.start()]))
            found.append((m.start(), int(m.group(group)), oriented))
    if not found:
        return None
    found.sort()
    main = [f for f in found if not f[2]] or found
    return main[-1][1]


# ---------------------------------------------------------------------------------------------
# Matching helpers: patterns are written with diacritics; a text typed without them is matched
# against the folded patterns (same length, so offsets stay valid).
# ---------------------------------------------------------------------------------------------


def _plain(s: str) -> str:
    """Drop diacritics, keep length and case (so regex escapes like ``\\S`` survive)."""
    return fold(s, keep_case=True)


@lru_cache(maxsize=512)
def _rx(pattern: str, plain: bool) -> re.Pattern[str]:
    return re.compile(_plain(pattern) if plain else pattern, re.IGNORECASE)


def _alt(words: list[str] | tuple[str, ...] | set[str] | frozenset[str]) -> str:
    """Alternation of phrases, longest first, spaces matching any white space."""
    return _alt_of(frozenset(words))


@lru_cache(maxsize=512)
def _alt_of(words: frozenset[str]) -> str:
    # Cached: the same word lists are turned into patterns for every sentence.
    items = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


@dataclass
class _Ctx:
    text: str
    low: str  # lower-cased (and folded when the text has no diacritics), same length
    plain: bool

    @classmethod
    def of(cls, text: str) -> _Ctx:
        plain = not has_diacritics(text)
        low = _plain(text).lower() if plain else text.lower()
        if len(low) != len(text):  # a lower() that changes length (rare scripts): keep offsets
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        return cls(text, low, plain)

    def rx(self, pattern: str) -> re.Pattern[str]:
        return _rx(pattern, self.plain)


# ---------------------------------------------------------------------------------------------
# Lexicons (all general: words of the genre, not of one plan)
# ---------------------------------------------------------------------------------------------

# Words that head a complete indicator ("Tỷ lệ …", "Số …", "Tuổi thọ …").
_HEADS = [
    "tỷ lệ", "tỉ lệ", "tỷ suất", "tỉ suất", "tỷ số", "tỉ số", "tỷ trọng", "tỉ trọng", "số",
    "số lượng", "tổng số", "chỉ số", "hệ số", "tuổi thọ", "diện tích", "mức", "thu nhập", "tổng",
    "tốc độ", "năng suất", "giá trị", "độ che phủ", "lượng", "quy mô", "sản lượng", "kim ngạch",
    "mật độ", "thời gian", "thời hạn", "bình quân", "grdp", "gdp", "hdi", "chiều cao", "cân nặng",
    "độ tuổi", "tuổi", "số năm", "dân số", "tăng trưởng", "tuổi thọ bình quân", "số ngày", "số giờ", "số lượt", "số người", "số hộ",
]
_HEAD_RE = r"^(?:" + _alt(_HEADS) + r")(?!\w)"

# Verbs and frames that open a target clause but are not part of the indicator.
_LEAD_WORDS = [
    "phấn đấu", "phấn đấu có", "phấn đấu đạt", "có", "đạt", "đạt được", "bảo đảm", "đảm bảo",
    "duy trì", "giữ vững", "giữ", "giữ ổn định", "tiếp tục", "tiếp tục duy trì", "hằng năm", "hàng năm", "mỗi năm",
    "bình quân", "bình quân mỗi năm", "bình quân hằng năm", "trong đó", "riêng", "riêng đối với",
    "đối với", "đến", "đến cuối", "đến hết", "cuối", "vào", "trong", "ít nhất", "tối thiểu",
]
_CHANGE_DOWN = ["giảm", "kéo giảm", "giảm thiểu", "khống chế", "kiềm chế", "hạ thấp"]
_CHANGE_UP = ["tăng", "nâng", "tăng thêm", "nâng cao", "gia tăng"]
# A change verb as a word, not inside a compound noun ("tăng trưởng", "tăng cường").
# "tốc độ tăng" is a noun (a growth rate), not the verb of a change.
_CHANGE_VERB = (r"(?<!tốc độ )(?<!toc do )(?:"
                + "|".join(sorted(_CHANGE_DOWN + _CHANGE_UP, key=len, reverse=True))
                + r")(?!\w)(?!\s+(?:trưởng|cường|tầng|nghèo bền vững))")
_LEVEL_CUES = {"đạt", "đạt được", "đạt mức", "ở mức", "bằng", "còn", "xuống", "xuống còn", "giảm còn", "giảm xuống", "giảm xuống còn", "lên",
               "tăng lên", "nâng lên", "lên mức", "còn dưới", "xuống dưới", "giảm xuống dưới"}
# Fillers between an indicator and its value: stripped, never a comparator.
_FILLERS = ["bình quân", "mỗi năm", "hằng năm", "hàng năm", "trung bình năm", "bình quân năm",
            "cả nước", "toàn tỉnh"]

# Units that follow a value (longest match first). Counts are nouns of the genre.
_UNITS = [
    "%", "‰", "m²", "m2", "m³", "m3", "km²", "km2", "km", "ha", "tấn", "kg", "lít", "m",
    "tuổi", "tháng tuổi", "năm", "tháng", "ngày", "giờ", "phút", "tuần", "quý", "lần",
    "điểm", "đồng", "nghìn đồng", "ngàn đồng", "triệu đồng", "tỷ đồng", "usd", "triệu usd",
    "tỷ usd", "người", "lượt người", "lượt", "lao động", "hộ", "hộ gia đình", "căn", "căn hộ",
    "căn nhà", "ngôi nhà",
    "nhà", "xã", "phường", "huyện", "thôn", "bản", "tổ dân phố", "trường", "lớp", "phòng học",
    "cơ sở", "cơ sở dữ liệu", "trạm y tế", "doanh nghiệp", "hợp tác xã", "sản phẩm", "công trình", "giường",
    "giường bệnh", "bác sỹ", "bác sĩ", "dược sỹ", "dược sĩ", "cán bộ", "giáo viên", "học sinh",
    "sinh viên", "trẻ", "đối tượng", "việc làm", "mô hình", "câu lạc bộ", "nhà văn hóa",
    "chỉ tiêu", "tiêu chí", "suất", "con", "cây", "km đường", "đơn vị", "tổ chức", "dự án",
]


def names_unit(text: str) -> bool:
    """Whether ``text`` is a unit the target reader knows, possibly per something: "%", "xã",
    "triệu đồng/người/năm" (the unit an indicator's name gives in parentheses)."""
    first = re.split(r"\s*/\s*", text.strip().lower(), maxsplit=1)[0]
    # a written multiplier before the unit: "triệu lượt", "nghìn tỷ đồng", "triệu tỷ đồng"
    while first not in _UNIT_SET and (m := re.match(r"(?:nghìn|ngàn|triệu|tỷ)\s+(?=\S)", first)):
        first = first[m.end():]
    return first in _UNIT_SET


# Units of measure (not things counted): "N cm" is never "số cm".
_MEASURE_UNITS = {"m²", "m2", "m³", "m3", "km²", "km2", "km", "ha", "tấn", "kg", "lít", "m", "cm",
                  "điểm", "lần", "đồng", "nghìn đồng", "ngàn đồng", "triệu đồng", "tỷ đồng", "usd",
                  "triệu usd", "tỷ usd"}
_AREA_UNITS = {"ha", "m²", "m2", "km²", "km2", "hecta", "héc ta"}
_TIME_UNITS = {"năm", "tháng", "ngày", "giờ", "phút", "tuần", "quý"}
_AGE_UNITS = {"tuổi", "tháng tuổi"}
# Units that measure a quantity, a time or an age: a value in any other unit counts things.
_NOT_COUNTS = _TIME_UNITS | _AGE_UNITS | _MEASURE_UNITS
# Words after a value that are never its unit.
_UNIT_SET = frozenset(_UNITS)
_UNIT_STOP = {
    "và", "vào", "trở", "đến", "tới", "trên", "dưới", "của", "cho", "với", "trong", "đạt", "so",
    "theo", "ở", "tại", "là", "được", "có", "các", "những", "hoặc", "hay", "từ", "năm",
    "đối", "nhằm", "để", "khi", "thì", "như", "tăng", "giảm", "lên", "xuống", "còn", "nếu",
}
# Pieces starting with these words are a sub-focus, not a rider of the preceding target.
_FOCUS = ["trong đó", "nhất là", "đặc biệt là", "ưu tiên", "riêng", "kể cả", "bao gồm"]
# Rider starters that end the noun phrase of an indicator.
_RIDER_SPACE = ["cả", "theo quy định", "đúng quy định", "kịp thời", "bảo đảm", "đảm bảo",
                "so với", "nhằm", "để", "trên địa bàn", "góp phần", "trong đó", "nhất là"]
_RIDER_COMMA = ["có", "bảo đảm", "đảm bảo", "theo", "nhằm", "để", "góp phần", "gắn với",
                "trong đó", "so với", "nhất là", "đặc biệt là", "kịp thời", "đúng"]
# Words that mark a predicate in "N% <subject> <predicate>".
# Verbs whose object is the population a share counts: "<verb> N% <population>" (target lists
# of Cà Mau, Đồng Nai, Tây Ninh and national targets in the press; tests/test_targets_survey.py).
_SERVICE_VERBS = ["phủ", "bao phủ", "phủ sóng", "thu gom", "xử lý", "tái chế", "đào tạo", "tập huấn",
                  "bồi dưỡng", "tiêm", "tiêm chủng", "khám", "khám sàng lọc", "sàng lọc", "số hóa",
                  "kết nối", "cấp", "cấp phát", "cung cấp", "trang bị", "kiểm tra", "giải quyết",
                  "tiếp nhận", "xử lý, tái chế", "thu gom, xử lý", "tuyên truyền", "quản lý", "theo dõi",
                  "huy động", "vận động", "thu hút", "bố trí", "dành", "hoàn thành",
                  # a directive over those who must act, "yêu cầu 100% các dự án … thực hiện …"
                  # (s14 held-out ctr104: the indicator was "tỷ lệ yêu cầu")
                  "yêu cầu", "chỉ đạo", "hướng dẫn"]
_PREDICATE = ["được", "có", "tham gia", "sử dụng", "bị", "đạt", "tiếp cận", "hưởng", "nhận",
              "đi học", "biết", "sống", "là", "chiếm", "thụ hưởng", "hoàn thành", "áp dụng", "ứng dụng"]

# Qualitative targets: clauses opening with an end state (any sentence of an objectives part)…
_END_STATE = [
    "xóa bỏ", "xóa", "xoá", "chấm dứt", "cơ bản chấm dứt", "loại trừ", "loại bỏ", "hoàn thành",
    "cơ bản hoàn thành", "duy trì", "giữ vững", "bảo đảm vững chắc", "đảm bảo vững chắc",
    "không còn", "không để", "không có", "đạt chuẩn", "phổ cập", "100%", "khống chế", "kiểm soát",
    "ngăn chặn", "thanh toán", "xây dựng thành công",
]
# …and clauses opening with a process verb are objectives in prose, not targets.
_PROCESS = [
    "xây dựng", "hoàn thiện", "phát triển", "nâng cao", "tăng cường", "đẩy mạnh", "đổi mới",
    "tạo", "tạo cơ hội", "góp phần", "thực hiện", "triển khai", "chú trọng", "tiếp tục",
    "khuyến khích", "huy động", "từng bước", "không ngừng", "tập trung", "quan tâm", "ưu tiên",
    "củng cố", "mở rộng", "hướng tới", "bảo vệ", "phát huy", "thúc đẩy", "cải thiện", "nâng",
    "kết hợp", "gắn", "lồng ghép", "tuyên truyền", "rà soát",
]
_GENERAL = ["góp phần", "theo hướng", "nhằm", "không ngừng", "tạo cơ hội", "từng bước"]
# Outside objectives, descriptive (not target-setting) numbers.
_DESCRIPTIVE = ["chiếm", "ước đạt", "ước tính", "hiện nay", "hiện có", "hiện là", "so với",
                "năm trước", "đã đạt", "đã có", "là"]

# Direction lexicon: checked in this order.
_DIR_BAD_PASSIVE = r"(?<!thiết )(?<!chuẩn )(?<!dự )(?<!trang )(?<!phòng )\bbị\b"
_DIR_GOOD_OVERRIDE = [
    "được", "tham gia", "thoát nghèo", "xử lý", "thu gom", "tái chế", "điều trị", "cai nghiện",
    "hỗ trợ", "xóa mù chữ", "đạt chuẩn", "hoàn thành", "chữa khỏi", "phục hồi", "hòa nhập",
]
_DIR_BAD = [
    "thất nghiệp", "thiếu việc làm", "hộ nghèo", "cận nghèo", "tái nghèo", "nghèo đa chiều",
    "phát sinh nghèo", "suy dinh dưỡng", "thấp còi", "nhẹ cân", "gầy còm", "béo phì",
    "tử vong", "chết", "tai nạn", "thương tích", "đuối nước", "bỏ học", "lưu ban", "mù chữ",
    "nhà tạm", "dột nát", "ô nhiễm", "chất thải", "rác thải", "nước thải", "khí thải",
    "phát thải", "tội phạm", "ma túy", "nghiện", "tệ nạn", "hiv", "aids", "nhiễm", "mắc",
    "dịch bệnh", "tảo hôn", "cận huyết", "bạo lực", "xâm hại", "buôn bán người",
    "lao động trẻ em", "lang thang", "sinh con thứ", "mất cân bằng", "giới tính khi sinh",
    "thời gian chờ", "chi trả trực tiếp", "tiền túi", "nợ đọng", "thất thoát", "lãng phí",
    "vi phạm", "khiếu nại", "sạt lở", "thiệt hại", "bất bình đẳng", "chênh lệch", "sốt rét",
    "sốt xuất huyết", "bệnh lao", "mắc lao", "ngộ độc", "xuống cấp", "hư hỏng", "thiên tai",
]
_DIR_GOOD = [
    "bao phủ", "qua đào tạo", "đào tạo", "việc làm", "tuổi thọ", "sống khỏe", "giường bệnh",
    "giường", "bác sỹ", "bác sĩ", "dược sỹ", "dược sĩ", "điều dưỡng", "hộ sinh", "nhân viên y tế",
    "tiêm chủng", "đi học", "nhập học", "phổ cập", "biết chữ", "nước sạch", "hợp vệ sinh",
    "nhà tiêu", "diện tích", "thu nhập", "phát triển con người", "hdi", "hưởng", "tiếp cận",
    "sử dụng", "quản lý sức khỏe", "khám", "bảo hiểm", "lương hưu", "trợ cấp", "kiên cố",
    "che phủ", "năng suất", "tăng trưởng", "grdp", "gdp", "hài lòng", "chăm lo", "chăm sóc",
    "số năm", "nhà văn hóa", "có", "đạt", "chiều cao", "tầm vóc", "thể lực", "internet",
    "phủ sóng", "chuyển đổi số", "trực tuyến", "không dùng tiền mặt",
]


def _starts(ctx_plain: bool, s: str, words: list[str] | set[str]) -> re.Match[str] | None:
    return _rx(r"^(?:" + _alt(words) + r")(?!\w)", ctx_plain).match(s)


def _low(s: str, plain: bool) -> str:
    return _plain(s).lower() if plain else s.lower()


# ---------------------------------------------------------------------------------------------
# Direction
# ---------------------------------------------------------------------------------------------


def indicator_direction(indicator: str) -> str | None:
    """``"up"`` when more is better, ``"down"`` when less is better, None when unknown.

    Order of evidence: an adversative passive ("bị suy dinh dưỡng") → down; a beneficial
    predicate ("được", "tham gia", "thoát nghèo", "được xử lý") → up; a bad thing
    (unemployment, poverty, mortality, temporary housing, pollution …) → down; a "giảm" verb →
    down; a "tăng/nâng" verb → up; a good thing (coverage, access, trained labour, life
    expectancy, beds, doctors …) → up.
    """
    if not indicator or not indicator.strip():
        return None
    plain = not has_diacritics(indicator)
    s = _low(indicator, plain)
    # A change ("mức giảm tỷ lệ hộ nghèo"): good when it moves the underlying indicator the
    # right way; a change of an unknown indicator is the one the plan asks for.
    m = _rx(r"^(?:mức|tốc độ)\s+(" + _alt(_CHANGE_DOWN + _CHANGE_UP) + r")\s+(.+)$",
            plain).match(s)
    if m:
        under = indicator_direction(indicator[m.start(2):])
        falling = _key_of(m.group(1), plain, _CHANGE_DOWN + _CHANGE_UP) in _CHANGE_DOWN
        if under is None:
            return "up"
        return "up" if (under == "down") == falling else "down"

    def has(words: list[str]) -> bool:
        return bool(_rx(r"(?<!\w)(?:" + _alt(words) + r")(?!\w)", plain).search(s))

    if _rx(_DIR_BAD_PASSIVE, plain).search(s):
        return "down"
    if has(_DIR_GOOD_OVERRIDE):
        return "up"
    if has(_DIR_BAD):
        return "down"
    if has(_CHANGE_DOWN):
        return "down"
    if has(["tăng", "nâng"]):
        return "up"
    if has(_DIR_GOOD):
        return "up"
    return None


def is_rate(target: Target) -> bool:
    """Whether a target states a change per period ("%/năm") rather than a level."""
    return bool(target.unit and re.search(r"/\s*(?:năm|nam|tháng|quý)$", target.unit))


# ---------------------------------------------------------------------------------------------
# Masks: numbers that are never values
# ---------------------------------------------------------------------------------------------

# A number glued to a capital letter is a name, not a value: "5G", "4G", "3D" (kh144).
_NUM_RE = re.compile(r"(?<![\w.,/])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?(?:\.\d+)?)(?!\d)"
                     r"(?![A-ZĐ])")
_DOCNUM_RE = re.compile(
    r"(?<![\w/])\d+(?:[/-]\d+)*\s?[/-]\s?[A-ZĐ][A-Za-zĐđ0-9&]*(?:[/-][A-Za-zĐđ0-9&]+)*"
)
_QUOTE_RE = re.compile(r"“[^”]{3,}”|\"[^\"]{3,}\"|«[^»]{3,}»|‘[^’]{3,}’")
_PROGRAMME_RE = re.compile(
    r"(?:[Đđ]ề án|[Cc]hương trình|[Dd]ự án|[Cc]hiến lược|[Pp]hong trào|[Cc]uộc vận động)\s+"
    r"(?=[A-ZĐÀ-Ỹ])"
)
# Nouns counted out of a total, "M/T xã đạt chuẩn" (district, provincial and national target
# lists and reviews, 4 of the pages surveyed; tests/test_targets_survey.py).
_TOTAL_NOUNS = ["xã", "phường", "thị trấn", "xã, phường", "xã, thị trấn", "xã, phường, thị trấn", "thôn",
                "bản", "ấp", "tổ dân phố", "khu dân cư", "huyện", "tỉnh", "đơn vị", "chỉ tiêu", "tiêu chí",
                "trường", "cơ sở", "cơ quan", "địa phương", "sở", "ngành", "hộ"]
# A list item's numbered label: "Chỉ tiêu 2", "Mục tiêu số 3" (masked, and dropped as a label).
_NUMBERED_LABEL = r"(?<!\w)(?:chỉ tiêu|mục tiêu|nhiệm vụ|giải pháp|nội dung|hoạt động)\s+(?:số\s+)?\d{1,2}"
# A map scale, "1:50.000", "1/25.000" (see _MASK_PATTERNS).
_MAP_SCALE = r"1\s*[:/]\s*\d{1,3}(?:\.\d{3})+(?!\d|,\d)"
_MASK_PATTERNS = [
    # dates and calendar references
    r"(?<![\d.,/])\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}(?!\d)",
    r"(?<![\d.,/])\d{1,2}\s*/\s*(?:19|20)\d\d(?!\d)",
    # … but not a count out of a total: "M/T xã" (_TOTAL_NOUNS)
    r"(?<![\d.,/])\d{1,2}/\d{1,2}(?![\d/.,]*\d)(?!\s+(?:" + _alt(_TOTAL_NOUNS) + r")(?!\w))",
    r"(?<!\w)ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)?",
    r"(?<!\w)tháng\s+\d{1,2}(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?",
    r"(?<!\w)quý\s+(?:[ivx]+|\d)(?!\w)(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?",
    r"(?<!\w)năm\s+\d{4}",
    # references and names with a number after the noun
    # "đối tượng 4": the national-defence training categories are numbered (qd2853 read
    # "thuộc đối tượng 4" as a second value and cut the first indicator at its list commas).
    r"(?<!\w)(?:mục|khoản|điều|điểm|phần|chương|tiết|mức độ|cấp độ|loại|hạng|nhóm|vùng|đối tượng|"
    r"khu vực|lần thứ|thứ|lần|cấp|lớp|khối|tuyến|đợt|giai đoạn|tiêu chí|khóa|nhiệm kỳ|"
    r"phụ lục|biểu|bảng|nghị quyết|quyết định|chỉ thị|kế hoạch|thông tư|nghị định|luật|"
    r"công văn|thông báo|kết luận|hướng dẫn|tờ trình|đề án|chương trình|dự án|văn bản|"
    r"pháp lệnh|hội nghị)\s+(?:số\s+)?\d+(?:[.,]\d+)*"
    # … but "thuộc nhóm 40 nước dẫn đầu" ranks a country among the leading N (s15 dev nq175)
    r"(?!\d|\s+(?:nước|quốc gia|nền kinh tế)(?!\w))"
    # … and the numbers listed after it: "các Điều 99, 100 và 101", "các điều 188, 189, 190"
    # (a statute's cross-references; "100" was read as a value, Criminal Code art. 102).
    r"(?:\s*(?:,|và|hoặc|đến|tới)\s*\d+(?![\d.,]*\s*(?:%|‰)))*",
    # a provision written with a dash, "khoản 3 - Điều 61": the "3" numbers the clause even where
    # a line break left "khoản" in the segment before (a Government conclusion notice)
    r"(?<![\w.,])\d{1,3}\s*[-–]\s*(?:điều|khoản|mục|điểm)\s+\d+",
    r"(?<![\w-])[a-z]+-\d+",  # codes: covid-19
    # a clock time, "từ 0h00 ngày …", "trước 16h30": a moment, no level (s17 dev cv370 read
    # "0h00" as a target of value 0 and unit "h")
    r"(?<![\w.,])\d{1,2}\s?h\s?\d{2}(?!\d)",
    # a star class names a grade, as "hạng 3" does: "sản phẩm OCOP từ N sao trở lên" (OCOP and
    # hotel targets of Tây Ninh, Thanh Hóa, Bình Dương)
    r"(?<![\d.,])[1-5]\s*sao(?:\s+trở\s+lên)?(?!\w)",
    # "all N" sizes a set, it sets no level: "giảm … N - M% trên cả 3 tiêu chí" (road-safety
    # plans of Quảng Ngãi and Hải Phòng 2026, the 2019 national year)
    r"(?<!\w)cả\s+\d+(?=\s+[^\W\d_])",
    # the 2025 two-tier local government names a structure, it sets no level: "vận hành mô hình
    # chính quyền địa phương 02 cấp", "theo chính quyền 2 cấp" (both decisions of the session-13
    # fresh plans read "02 cấp" as a target; the phrase runs through every 2025 plan).
    r"(?<!\w)(?:chính quyền(?:\s+địa phương)?|mô hình)\s+0?\d\s+cấp(?!\w)",
    # a numbered label names a list item, it sets no level: "- Chỉ tiêu 2: Tỷ lệ …", "Mục tiêu 3."
    # (a national gender-equality plan and its provincial copies number every objective so;
    # the label's number was read as a target of unit-less value); a share stays a value
    # ("chỉ tiêu 100%" is not followed by a label's colon or full stop).
    _NUMBERED_LABEL + r"(?=\s*[:.)–-](?!\d))",
    # list markers inside a paragraph: "…; (2) Nông nghiệp công nghệ cao …" (kh179)
    r"(?<![\w)])\(\s*\d{1,2}\s*\)(?=\s)",
    # a kind of enterprise named by its ownership: "doanh nghiệp 100% vốn của Tập đoàn …",
    # "công ty do Nhà nước nắm giữ 100% vốn điều lệ" (3 false targets of the first round's
    # held-out laws); the share names the owner, it is not a level ("Phấn đấu 100% doanh
    # nghiệp …" puts the share before the noun and is untouched).
    r"(?<!\w)(?:doanh nghiệp|công ty|tổ chức|ngân hàng)\s+(?:(?:có|do)\s+(?:[^\s\d]+\s+){0,4}?)?"
    r"\d+(?:,\d+)?\s*%\s*vốn(?!\w)",
    # a count of a text's own provisions says what it contains, no level to reach: "quán triệt
    # 12 định hướng, 6 nhiệm vụ trọng tâm và 3 đột phá chiến lược" (a Government programme
    # implementing a Party congress, s15 dev nq109; Party follow-up documents cite so). A share
    # ("100% nhiệm vụ") and a tally "18/18 chỉ tiêu" keep their numbers.
    r"(?<![\d.,/])\d{1,3}\s+(?:nhóm\s+)?(?:định hướng|nhiệm vụ|giải pháp|đột phá|khâu đột phá|"
    r"quan điểm|mục tiêu|chỉ tiêu|nội dung|trụ cột)(?!\w)",
    # a generation names an era, it sets no level: "cách mạng công nghiệp 4.0", "công nghệ 4.0",
    # "chuyển đổi số 4.0" (a provincial industrial-park plan read "4.0" as a target of value 4)
    r"(?<!\w)(?:công nghiệp|công nghệ|cách mạng|chuyển đổi số|nông nghiệp|du lịch|giáo dục)\s+[2-6]\.0(?![\d.,])",
    # a map scale names the detail of a survey, it sets no level: "lập bản đồ … tỷ lệ 1:50.000",
    # "tỉ lệ 1/25.000", "… và 1:500.000 trên biển" (a mineral strategy and its Party resolution
    # read each scale as two targets, 1 and 50000; every geology, land and planning survey
    # states its scale so). A rate per population, "1/10.000 dân", keeps its number.
    r"(?<![\d.,])1\s*:\s*\d{1,3}(?:\.\d{3})+(?!\d|,\d)",
    r"(?<!\w)t[ỷỉ] lệ\s+" + _MAP_SCALE + r"(?!\s*(?:dân|người|trẻ|ca)(?!\w))",
    # the reach of a survey, "điều tra … đến độ sâu 300 m nước và 1.500 m": the depth bounds
    # where the work is done (the same strategy and resolution; marine and groundwater surveys
    # are scoped so), a level to reach is written "đạt …"
    r"(?<!\w)(?:đến|tới)\s+độ\s+sâu\s+\d[\d.,]*(?:\s*(?:m|mét)(?!\w))?(?:\s+nước)?"
    r"(?:\s*(?:,|và|đến)\s*\d[\d.,]*(?:\s*(?:m|mét)(?!\w))?(?:\s+nước)?)*",
]


# An outline marker left inside a segment when a line break was lost: "… và tiến bộ 1.1.",
# "2.10.", "1.Các sở, ban, ngành …" (a provincial programme printed without its line breaks
# read each as a target of unit-less value). A number of two levels closed by a full stop is
# never a Vietnamese value (decimals take a comma, thousands three digits), nor is a number
# glued by its full stop to a capital.
_OUTLINE_MARKER_RE = re.compile(r"(?<![\w.,])\d{1,2}(?:\.\d{1,2})+\.(?=\s|$)"
                                r"|(?<![\w.,])\d{1,2}\.(?=[A-ZĐÀ-Ỹ])")


def _masked_spans(ctx: _Ctx, citations: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans whose numbers are never values. ``citations``: the spans the citation recogniser
    found; without them, document numbers are matched by their shape here."""
    spans: list[tuple[int, int]] = []
    text = ctx.text
    spans.extend(m.span() for m in _QUOTE_RE.finditer(text))
    if citations is None:
        spans.extend(m.span() for m in _DOCNUM_RE.finditer(text))
    else:
        spans.extend(citations)
    for m in _PROGRAMME_RE.finditer(text):
        # A programme named by a capitalised title: its numbers are part of the name.
        end = re.search(r";|[.](?:\s|$)|$", text[m.end():])
        spans.append((m.start(), m.end() + (end.start() if end else 0)))
    for pat in _MASK_PATTERNS:
        spans.extend(m.span() for m in ctx.rx(pat).finditer(ctx.low))
    spans.extend(m.span() for m in _OUTLINE_MARKER_RE.finditer(text))
    return spans


# ---------------------------------------------------------------------------------------------
# Values with their units
# ---------------------------------------------------------------------------------------------


@dataclass
class _Val:
    start: int
    end: int  # end of the number(s)
    value: float
    value_max: float | None = None
    unit: str | None = None
    unit_end: int = 0  # end of the unit (and of a trailing cue)
    trailing: str | None = None  # comparator from "trở lên" / "trở xuống"
    year_like: bool = False
    baseline: int | None = None  # start of "từ A (năm …)" before "lên B": not the subject
    scale: str | None = None  # a written multiplier ("triệu") heading the unit
    band: bool = False  # a class interval "từ A đến dưới B" (see :func:`_values`)
    shared_den: bool = False  # a denominator written "trên 10.000 dân", which earlier counts share


def _is_year_token(tok: str) -> bool:
    return bool(re.fullmatch(_YEAR, tok))


def _raw_numbers(ctx: _Ctx, start: int, end: int, masked: list[tuple[int, int]]) -> list[_Val]:
    out = []
    for m in _NUM_RE.finditer(ctx.text, start, end):
        if any(a <= m.start() < b for a, b in masked):
            continue
        try:
            v = parse_number(m.group(1))
        except ValueError:
            continue
        out.append(_Val(m.start(), m.end(), v, year_like=_is_year_token(m.group(1))))
    return out


_UNIT_ALT = _alt(_UNITS)


def _parse_unit(ctx: _Ctx, v: _Val, limit: int) -> list[tuple[int, int]]:
    """Read the unit after ``v`` (up to ``limit``); returns spans of consumed denominators.

    A unit followed by "/<word>" takes it ("triệu đồng/năm", "lần/năm").
    """
    consumed = _parse_unit_core(ctx, v, limit)
    if v.scale:
        v.unit = f"{v.scale} {v.unit}" if v.unit else v.scale
    if v.unit and "/" not in v.unit:
        m = re.match(r"\s*/\s*([^\W\d_]+)", ctx.text[v.unit_end:limit])
        if m:
            v.unit = f"{v.unit}/{m.group(1)}"
            v.unit_end += m.end()
    return consumed


def _parse_unit_core(ctx: _Ctx, v: _Val, limit: int) -> list[tuple[int, int]]:
    text, low = ctx.text, ctx.low
    p = v.end
    consumed: list[tuple[int, int]] = []
    rest = low[p:limit]
    # Percent / per mille, optionally per period: "3-4%/năm".
    m = ctx.rx(r"^\s*(%|‰|phần trăm|phần nghìn)(?:\s*/\s*(năm|tháng|quý))?").match(rest)
    if m:
        unit = "%" if m.group(1) in ("%", "phần trăm") else "‰"
        if m.group(2):
            unit += "/" + text[p + m.start(2): p + m.end(2)]
        v.unit, v.unit_end = unit, p + m.end()
        whole = ctx.rx(r"\s+(" + _PERCENT_WHOLE + r")(?!\w)").match(low, v.unit_end, limit)
        clause = re.split(r"[;.:\n]", low[max(0, v.start - 160):v.start])[-1]
        if v.unit == "%" and whole and not ctx.rx(
                r"(?<!\w)(?:chiếm|tỷ trọng|tỉ trọng)(?!\w)").search(clause):
            # "Quy mô X đạt 30% GDP", "bố trí ít nhất 3% tổng chi ngân sách": a quantity that is
            # a percentage of a named whole keeps the whole in the unit, as "gấp N lần Y" does
            # (GUIDELINES-real.md [decided, s18 fixAN]; also "tỷ lệ huy động … 16% GDP", s17
            # qd2439). A clause that names a part's weight ("Tỷ trọng X đạt N% GRDP", "X chiếm
            # N% GRDP") keeps "%", the whole going to the indicator (kh144, kh179, nq122).
            v.unit = f"% {text[whole.start(1):whole.end(1)]}"
            v.unit_end = whole.end(1)
        return consumed
    # Multipliers stay words of the unit, the value as printed: "1,5 triệu người" → 1,5 "triệu
    # người", as money keeps "triệu đồng". The blind golds of two batches write it so (a national
    # forest programme's "14,4 triệu ha", a Government action plan's "45 triệu lượt"); scaling
    # to 14 400 000 ha matched none of them.
    m = ctx.rx(r"^\s*(nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)(\s*(?:đồng|usd|đô la))?").match(rest)
    if m:
        if m.group(2):
            v.unit = re.sub(r"\s+", " ", text[p + m.start(1): p + m.end()].strip())
            v.unit_end = p + m.end()
            return consumed
        v.scale = text[p + m.start(1): p + m.end(1)]
        p += m.end()
        rest = low[p:limit]
    # Per-population unit "giường bệnh/10.000 dân", "m² sàn/người", or "… trên 10.000 dân".
    slash = ctx.rx(
        r"^\s*((?:[^\W\d_]|[²³])[^\d;/()]{0,60}?)(?:\s*/|\s+trên\s+(?=(?:1\.000|10\.000|100\.000|"
        r"1\.000\.000|100|1 vạn|một vạn|vạn)\s))\s*((?:\d{1,3}(?:\.\d{3})*\s+)?)"
        # The denominator may run to five words ("100 bé gái sinh ra sống", kh165).
        r"((?:[^\W\d_]+)(?:\s+(?!(?:vào|đến|năm|trở|và|trong|theo|tại|của|trên|dưới|đạt|được|có|"
        r"tăng|giảm|so|hoặc|với|ở|cho)(?!\w))[^\W\d_]+){0,4})"
    ).match(rest)
    if slash and len(slash.group(1).split()) <= 8 and not ctx.rx(r"(?<!\w)(?:đạt|vào|trở)(?!\w)"
                                                                 ).search(slash.group(1)):
        num_txt = text[p + slash.start(1): p + slash.end(1)].strip()
        den_num = text[p + slash.start(2): p + slash.end(2)].strip()
        den_words = text[p + slash.start(3): p + slash.end(3)].strip()
        if den_num:
            consumed.append((p + slash.start(2), p + slash.end(2)))
        # "12 người trên một vạn dân" is "người/vạn dân" as "bác sĩ/vạn dân" is written (the
        # blind golds write the unit without the "một" a sentence puts before "vạn").
        den_words = re.sub(r"^(?:một|1)\s+(?=vạn(?!\w))", "", den_words, flags=re.IGNORECASE)
        den = f"{den_num} {den_words}".strip()
        v.unit = f"{num_txt}/{den}"
        v.unit_end = p + slash.end()
        v.shared_den = not rest[slash.end(1):slash.start(2)].strip().startswith("/")
        return consumed
    # A count out of a total, "M/T xã": the unit is the noun counted (_TOTAL_NOUNS).
    m = ctx.rx(r"^/\s*(?:\d{1,3}(?:\.\d{3})*)\s+(" + _alt(_TOTAL_NOUNS) + r")(?!\w)").match(rest)
    if m:
        v.unit = text[p + m.start(1): p + m.end(1)]
        v.unit_end = p + m.end()
        return consumed
    # A bare rate "60/100.000 trẻ đẻ sống": the unit is the printed denominator.
    m = ctx.rx(r"^/\s*(\d{1,3}(?:\.\d{3})+|\d+)\s+([^\W\d_]+(?:\s+(?!vào|đến|năm|trở|và)"
               r"[^\W\d_]+){0,2})").match(rest)
    if m:
        consumed.append((p + m.start(1), p + m.end(1)))
        v.unit = "/" + re.sub(r"\s+", " ", text[p + m.start(1): p + m.end(2)])
        v.unit_end = p + m.end()
        return consumed
    m = ctx.rx(r"^\s*(" + _UNIT_ALT + r")(?!\w)").match(rest)
    if m:
        v.unit = text[p + m.start(1): p + m.end(1)]
        v.unit_end = p + m.end()
        both = ctx.rx(r"\s*(?:,|và|hoặc)\s*(" + _UNIT_ALT + r")(?=\s*(?:[;,.(]|$))").match(
            low, v.unit_end, limit) or ctx.rx(r"\s*,\s*(" + _UNIT_ALT + r")(?!\w)").match(
            low, v.unit_end, limit)
        if both and _low(v.unit, ctx.plain) not in {_low(u, ctx.plain) for u in _MEASURE_UNITS} and \
                text[both.start(1):both.end(1)].lower() not in {u.lower() for u in _MEASURE_UNITS}:
            # "ít nhất 01 doanh nghiệp, hợp tác xã (có đủ năng lực …)": two kinds counted
            # together are one unit (qd2954).
            v.unit = f"{v.unit}, {text[both.start(1):both.end(1)]}"
            v.unit_end = both.end(1)
        times = ctx.rx(r"\s+((?:[^\W\d_]+)(?:\s+[^\W\d_]+){0,2}?)(?=\s*(?:[;,.)]|$))").match(
            low, v.unit_end, limit)
        if _low(v.unit, ctx.plain) == "lần" and times and ctx.rx(r"(?<!\w)gấp\s*$").search(
                low, max(0, v.start - 12), v.start):
            # "gấp 30 lần GRDP": a multiple of another quantity keeps it in the unit
            # (GUIDELINES-real.md, kh165 decision: unit "lần Y").
            v.unit = f"{v.unit} {text[times.start(1):times.end(1)]}"
            v.unit_end = times.end(1)
        return consumed
    m = re.match(r"^\s*([^\W\d_]+)", rest)
    if m and m.group(1) not in {_low(w, ctx.plain) for w in _UNIT_STOP} and m.group(1).islower():
        v.unit = text[p + m.start(1): p + m.end(1)]
        v.unit_end = p + m.end()
        _count_noun(ctx, v, limit)
        return consumed
    v.unit, v.unit_end = None, p
    return consumed


# The wholes a percentage is taken of when the text names them right after "%": the national
# or provincial product and the budget's total spending (tổng chi ngân sách [nhà nước], NSNN).
_PERCENT_WHOLE = r"GR?DP|tổng chi (?:ngân sách(?: nhà nước| địa phương)?|NSNN)"


# Verbs that follow a counted noun and say what it does, never part of it: "thuộc nhóm 50 nước
# dẫn đầu về …" counts "nước" (s15 dev nq175's blind gold; the unit was "nước dẫn đầu").
_UNIT_VERBS = {"dẫn đầu", "tham gia", "hoạt động", "đạt chuẩn", "hoàn thành", "sử dụng", "ứng dụng",
               "triển khai", "thực hiện", "được"}


def _count_noun(ctx: _Ctx, v: _Val, limit: int) -> None:
    """Widen an unlisted count unit to the whole noun it starts: Vietnamese nouns are often
    several syllables ("05 kịch bản", not "05 kịch"), and a one-syllable collective or
    classifier noun takes the noun after it ("05 bộ dữ liệu", "20 tập dữ liệu", "02 vùng dự
    án"). Words come from the dictionary segmentation (:func:`segment_words`). Measured on the
    development plans: 6 targets of kh144 and kh556 had a one-syllable unit ("kịch", "tập")."""
    start = v.unit_end - len(v.unit or "")
    window = ctx.text[start:min(limit, start + 60)]
    words = [w for w in segment_words(window)]
    if not words or not window.startswith(words[0]):
        return
    first = words[0]
    unit = first
    if " " not in first and len(words) > 1 and " " in words[1] and words[1].islower() and \
            window[len(first):].startswith(" " + words[1]) and \
            _low(words[1], ctx.plain) not in {_low(w, ctx.plain) for w in _UNIT_STOP | _UNIT_VERBS}:
        unit = f"{first} {words[1]}"
    v.unit = unit
    v.unit_end = start + len(unit)


# The gap of a class interval whose upper end is exclusive: "từ 11% đến dưới 30%", "từ 500
# gam đến dưới 01 kilôgam" (the unit of the lower end may stand in the gap).
_BAND_GAP = r"^[^\d;,]{0,40}?(?:đến|tới)\s+dưới\s*$"


# A per-capita indicator's name: a count of staff or beds "trên" (per) a round number of people.
_PER_BASES = frozenset({1.0, 10.0, 100.0, 1000.0, 10000.0, 100000.0})
_PER_NAME = (r"(?:(?<!\w)số\s+[^\d;:,.]{1,40}?|bác sĩ|bác sỹ|giường bệnh|dược sĩ|dược sỹ|điều dưỡng|"
             r"nhân viên y tế|cán bộ y tế)\s+trên\s*$")


def _values(ctx: _Ctx, start: int, end: int, masked: list[tuple[int, int]]) -> list[_Val]:
    """Value expressions of a clause: numbers, ranges, units, trailing cues.

    A class interval of a rule ("trị giá từ 50.000.000 đồng đến dưới 200.000.000 đồng", "diện
    tích từ trên 1.000 m² đến 3.000 m²") is read as one range marked ``band``: a plan states a
    level to reach, never a bracket with an excluded end. Measured on the ALQAC statute articles
    (``evaluation/target_precision.py``, development half): the Criminal Code's brackets of
    value, profit and damage were split into a false "dưới B" target each.
    """
    raw = _raw_numbers(ctx, start, end, masked)
    low = ctx.low
    # Years and periods are not values unless a unit follows ("2025 lao động" is rare).
    nums: list[_Val] = []
    for v in raw:
        if v.value in _PER_BASES and ctx.rx(_PER_NAME).search(low, max(start, v.start - 60), v.start) \
                and ctx.rx(r"\s*(?:vạn\s+)?(?:dân|người|dân số)(?!\w)").match(low, v.end, end):
            # "Số bác sĩ trên 1 vạn dân: 12 bác sĩ", "Số giường bệnh trên 10.000 người": the
            # indicator's own denominator, no "above" value (lists of provincial and national
            # targets, 2019-2025: the planning ministry's 2021 table, NQ 158/2024/QH15).
            continue
        if ctx.rx(r"(?<!\w)(?:tháng|ngày|quý)\s+\d{1,2}(?:\s*,\s*\d{1,2})*\s*(?:,|và|hoặc)\s*$").search(
                low, max(start, v.start - 40), v.start):
            # "trong các tháng cao điểm (tháng 4, 5, 6, 7)": the months of a list, no values
            # (s14 dev nq122 PL1.2.d read 5, 6 and 7 as three targets).
            continue
        if v.year_like:
            after = low[v.end:end]
            if not ctx.rx(r"^\s*(?:%|‰|" + _UNIT_ALT + r")(?!\w)").match(after) or \
                    ctx.rx(r"^\s*[-–—]\s*(?:19|20)\d\d").match(after) or \
                    ctx.rx(r"^\s*năm(?!\w)").match(after):
                continue
        nums.append(v)
    # Ranges "35-40%", "từ 35 đến 40%", "35% - 40%"; baselines "từ 60% lên 80%".
    out: list[_Val] = []
    i = 0
    while i < len(nums):
        v = nums[i]
        if i + 1 < len(nums):
            w = nums[i + 1]
            gap = low[v.end:w.start]
            if ctx.rx(r"^\s*(?:%|‰)?\s*(?:-|–|—|đến|tới)\s*$").fullmatch(gap):
                v = _Val(v.start, w.end, v.value, w.value)
                out.append(v)
                i += 2
                continue
            if ctx.rx(_BAND_GAP).fullmatch(gap) or (
                    ctx.rx(r"^[^\d;,]{0,40}?(?:đến|tới)\s*$").fullmatch(gap)
                    and ctx.rx(r"(?<!\w)từ\s+trên\s*$").search(low, start, v.start)):
                # "từ 50.000.000 đồng đến dưới 200.000.000 đồng", "từ trên 1.000 m² đến
                # 3.000 m²": one class interval of a rule, not two values.
                v = _Val(v.start, w.end, v.value, w.value, band=True)
                out.append(v)
                i += 2
                continue
            if ctx.rx(r"^\s*(?:%|‰)?\s*(?:\(?\s*(?:vào\s+)?năm\s+\d{4}\s*\)?)?\s*,?\s*"
                      r"(?:lên|xuống|xuống còn|còn|tăng lên|giảm xuống)\s*$").fullmatch(gap):
                frm = ctx.rx(r"(?<!\w)từ\s*$").search(low, start, v.start)
                if frm:
                    w.baseline = frm.start()  # the baseline of "từ A lên B" is not a target
                    i += 1
                    continue
        out.append(v)
        i += 1
    consumed: list[tuple[int, int]] = []
    for k, v in enumerate(out):
        if any(a <= v.start < b for a, b in consumed):
            continue
        # The unit may run past a later number only as its denominator ("trên 10.000 dân").
        consumed += _parse_unit(ctx, v, end)
        limit = out[k + 1].start if k + 1 < len(out) else end
        limit = max(limit, v.unit_end)
        # A percentage may name its base before the cue: "3% tổng số đảng viên trở lên", "5% so
        # với tổng số hộ trở lên" (party plans' yearly admission rate; session-12 party survey).
        base = (r"(?:(?:so\s+với\s+)?tổng\s+số\s+[^\W\d_][^\d;,.()]{0,40}?\s+)?"
                if v.unit in ("%", "‰") else "")
        m = ctx.rx(r"^\s*" + base + r"(" + _alt(TRAILING_CUES) + r")(?!\w)").match(low[v.unit_end:limit])
        if m:
            v.trailing = TRAILING_CUES[_key_of(m.group(1), ctx.plain, TRAILING_CUES)]
            v.unit_end += m.end()
    kept = [v for v in out if not any(a <= v.start < b for a, b in consumed)
            # "tăng trưởng 2 con số", "lạm phát một chữ số": the count of digits names a class
            # of level (double-digit growth), no value; before, "2 con" was read as two animals.
            and not ctx.rx(r"\s*(?:con|chữ)\s+số(?!\w)").match(low, v.end)]
    for v, w in reversed(list(zip(kept, kept[1:], strict=False))):
        # "N giường bệnh và M bác sĩ trên 1 vạn dân" (the national master plan's health targets,
        # NQ 81/2023/QH15 as reported): one denominator, written once after the last count
        # ("trên …", or handed on from it), closes every count of the list.
        if not w.shared_den or (v.unit and ("/" in v.unit or v.unit.startswith(("%", "‰")))):
            continue
        noun = ctx.rx(r"\s*((?:[^\W\d_][^\d;,()/]{0,40}?)?)\s*(?:,|và)\s*").fullmatch(low, v.unit_end, w.start)
        if noun is None or not (v.unit or noun.group(1)):
            continue
        v.unit = f"{v.unit or ctx.text[noun.start(1):noun.end(1)]}/{w.unit.split('/', 1)[1]}"
        v.unit_end = max(v.unit_end, noun.end(1))
        v.shared_den = True
    for v in kept:
        if v.unit is None and (paren := re.search(r"\(([^()\d]{1,30})\)\s*$", ctx.text[max(start, v.start - 40):v.start])) \
                and names_unit(paren.group(1)):
            # "Số lượt khách quốc tế (triệu lượt) 45 - 50", "Số km đường hoàn thành (km) 1.655":
            # a row of an indicator table printed as text names its unit in parentheses before
            # the value (s15 dev nq109-cp-2026 Phụ lục I, a gazette's table read line by line)
            v.unit = paren.group(1).strip()
    return kept


def _key_of(found: str, plain: bool, table: dict[str, str] | list[str] | set[str]) -> str:
    """The table key a matched (lower-cased, maybe folded) cue stands for."""
    f = re.sub(r"\s+", " ", found.strip())
    for k in table:
        if _low(k, plain) == f:
            return k
    return f


# ---------------------------------------------------------------------------------------------
# Layout: sentences, clauses, pieces
# ---------------------------------------------------------------------------------------------


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: a "." (or ! ? ./.) followed by space and a capital or digit ends one."""
    spans, start = [], 0
    for m in re.finditer(r"(?:\./\.|[.!?…]+)\s+[\"“(]?(.)", text):
        nxt = m.group(1)
        if not (nxt.isupper() or nxt.isdigit()):
            continue
        head = text[start:m.start()]
        if re.search(r"(?:\b(?:TP|Tp|ThS|TS|PGS|GS|BS|v\.v)|\b[A-ZĐ])$", head):
            continue  # an abbreviation or an initial, not a sentence end
        spans.append((start, m.start(1)))
        start = m.start(1)
    spans.append((start, len(text)))
    return [_trim(text, a, b) for a, b in spans if text[a:b].strip()]


def _trim(text: str, a: int, b: int, chars: str = " \t,;:.!?…") -> tuple[int, int]:
    """Drop surrounding white space and punctuation (and a closing "./.")."""
    while a < b and text[a] in chars:
        a += 1
    while b > a and (text[b - 1] in chars or text[b - 3:b] == "./."
                     or (text[b - 1] == "(" and chars != " \t")):  # "N% (M xã)": the aside's opening
        b -= 3 if text[b - 3:b] == "./." else 1
    return a, b


def _split(text: str, a: int, b: int, seps: re.Pattern[str]) -> list[tuple[int, int]]:
    """Split [a, b) at separators outside parentheses and quotes."""
    depth, quote = 0, False
    cuts: list[tuple[int, int]] = []
    i = a
    for m in seps.finditer(text, a, b):
        for ch in text[i:m.start()]:
            if ch in "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            elif ch in "“”\"«»":
                quote = ch in "“«" or (ch == '"' and not quote)
        i = m.start()
        if depth == 0 and not quote:
            cuts.append(m.span())
    out, s = [], a
    for x, y in cuts:
        out.append((s, x))
        s = y
    out.append((s, b))
    parts = [_trim(text, x, y, " \t") for x, y in out if text[x:y].strip(" \t,;:")]
    # A part opening with a list marker inside a paragraph ("Về kinh tế: (1) Tốc độ tăng trưởng
    # …; (2) …", the chỉ tiêu of a resolution run on in one paragraph) starts after it: the
    # marker is neither the indicator nor the target text (GUIDELINES-real.md).
    return [(m.end(), y) if (m := _INLINE_MARKER.match(text, x, y)) and m.end() < y else (x, y)
            for x, y in parts]


_INLINE_MARKER = re.compile(r"\(\s*\d{1,2}\s*\)\s+")


_CLAUSE_SEP = re.compile(r";|\s\|\s")
_PIECE_SEP = re.compile(r",(?!\d)|:(?=\s)|\s(?:và|hoặc|va|hoac)\s")


# ---------------------------------------------------------------------------------------------
# Indicator text helpers
# ---------------------------------------------------------------------------------------------


def _strip_end(ctx: _Ctx, a: int, b: int, words: list[str] | set[str] | dict[str, str]
               ) -> tuple[int, list[str]]:
    """Strip phrases of ``words`` from the end of [a, b); returns new end and the phrases."""
    # "lên" of "trở lên" is no cue of its own ("… nhiệm vụ trở lên đạt 85%").
    rx = ctx.rx(r"(?:^|(?<=\s)|(?<=[,(]))(?<!trở )(?<!tro )(" + _alt(words) + r")[\s,:]*$")
    found = []
    while b > a:
        m = rx.search(ctx.low, a, b)
        if not m or m.start(1) < a:
            break
        found.append(_key_of(m.group(1), ctx.plain, words))
        b = m.start(1)
        while b > a and ctx.text[b - 1] in " ,:":
            b -= 1
    return b, found


def _strip_start(ctx: _Ctx, a: int, b: int, words: list[str] | set[str]
                 ) -> tuple[int, list[str]]:
    rx = ctx.rx(r"\s*(" + _alt(words) + r")(?!\w)[\s,:]*")
    found = []
    while a < b:
        m = rx.match(ctx.low, a, b)
        if not m or m.end() == a:
            break
        found.append(_key_of(m.group(1), ctx.plain, words))
        a = m.end()
    return a, found


_YEAR_EXPR = (
    r"(?:\(\s*)?(?:(?:vào|đến|tới|trong|từ|sau)\s+)?(?:(?:cuối|hết|đầu|giữa)\s+)?"
    r"(?:năm\s+(?:19|20)\d\d|(?:giai\s+đoạn|thời\s+kỳ)\s+(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d|"
    r"đến\s+(?:19|20)\d\d)(?:\s*\))?"
    # "từ năm 2026 trở đi": the open end belongs to the time, not to the subject
    r"(?:\s+trở\s+(?:đi|về\s+sau))?"
)


def _years_in(ctx: _Ctx, a: int, b: int) -> list[tuple[int, int, int]]:
    """(start, end, year) of time expressions in [a, b); a period gives its last year.

    A comparison base ("so với năm 2020") is not the target's year.
    """
    out = []
    for m in ctx.rx(_YEAR_EXPR).finditer(ctx.low, a, b):
        if ctx.rx(r"(?<!\w)(?:so với|so|với|từ|kể từ)\s*$").search(ctx.low, max(0, m.start() - 12),
                                                                 m.start()):
            continue
        ys = re.findall(_YEAR, m.group(0))
        out.append((m.start(), m.end(), int(ys[-1])))
    return out


def _clean(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip(" ,;:.-–")
    s = re.sub(r"\(\s*\)", "", s).strip()
    # "N hợp tác xã với M thành viên": the connective belongs to neither count.
    s = re.sub(r"^(?:với|voi)\s+|\s+(?:với|voi)$", "", s, flags=re.IGNORECASE)
    return s


def _lower_first(s: str) -> str:
    """Lower-case the first letter unless the first word is an acronym (HDI, GRDP)."""
    if not s:
        return s
    first = s.split()[0]
    if len(first) > 1 and first.isupper():
        return s
    return s[0].lower() + s[1:]


# ---------------------------------------------------------------------------------------------
# Members (one per value) and their analysis
# ---------------------------------------------------------------------------------------------


@dataclass
class _Member:
    start: int
    end: int
    val: _Val
    sentence: int
    pre_start: int  # where the member's own words begin (after a dropped frame)
    cues: list[str] = field(default_factory=list)
    core: str = ""
    core_has_head: bool = False
    initial: bool = False  # "VALUE + noun" member: no subject before the value
    leading_explicit: str | None = None
    change: bool = False
    level: bool = False
    lead_year: int | None = None
    own_year: int | None = None
    comparator: str = "reach"
    indicator: str = ""
    post: str = ""
    maintain_lead: bool = False
    focus_core: str | None = None  # "trong đó có bằng cấp, chứng chỉ": narrows the previous
    clause_start: int = 0  # start of the member's clause (between ";")


def _post_np(ctx: _Ctx, a: int, b: int) -> str:
    """The noun phrase after a value-initial member's unit, cut at riders and time phrases."""
    if a >= b:
        return ""
    low = ctx.low
    cut = b
    for y0, _y1, _y in _years_in(ctx, a, b):
        cut = min(cut, y0)
    m = ctx.rx(r"\s(?:" + _alt(_RIDER_SPACE) + r")(?!\w)").search(low, a, cut)
    place = ctx.rx(r"\strên địa bàn(?:\s+(?:toàn\s+)?(?:tỉnh|thành phố|huyện|xã|phường|quận|thị xã))?"
                   r"(?=\s+(?:" + _alt(_PREDICATE) + r")(?!\w))")
    while m and place.match(low, m.start(), cut):
        # "Trên 80% các cơ quan truyền thông trên địa bàn thành phố có chuyên trang …" (kh153):
        # a place inside the population, followed by its predicate, does not end the phrase.
        nxt = place.match(low, m.start(), cut).end()
        m = ctx.rx(r"\s(?:" + _alt(_RIDER_SPACE) + r")(?!\w)").search(low, nxt, cut)
    if m:
        cut = m.start()
    # A parenthesised aside ("01 doanh nghiệp, hợp tác xã (có đủ năng lực …, có đối tác …)
    # đóng vai trò …", qd2954) is skipped: its commas and riders do not end the phrase.
    asides = [(x.start(), x.end()) for x in re.finditer(r"\([^()]*\)", ctx.text[a:cut])]
    for m in ctx.rx(r",\s*(?:" + _alt(_RIDER_COMMA) + r")(?!\w)").finditer(low, a, cut):
        if not any(x <= m.start() - a < y for x, y in asides):
            cut = m.start()
            break
    s = ctx.text[a:cut]
    s = re.sub(r"\s*\([^()]*\)", "", s) if asides else s
    s = _clean(s)
    # "số người …" / "các xã …": the determiner is not part of the measured thing.
    s = re.sub(r"^(?:trong\s+)?(?:tổng\s+)?(?:số\s+|các\s+|những\s+)", "", s, flags=re.I) \
        if not ctx.plain else re.sub(r"^(?:so\s+|cac\s+|nhung\s+)", "", s, flags=re.I)
    return s


def _has_predicate(ctx: _Ctx, s: str) -> int:
    """Offset of the first predicate word in ``s`` (-1 if none)."""
    m = _rx(r"(?<!\w)(?:" + _alt(_PREDICATE) + r")(?!\w)", ctx.plain).search(_low(s, ctx.plain))
    return m.start() if m else -1


def _analyse(ctx: _Ctx, mb: _Member) -> None:
    """Comparator cues, subject (core) and year of one member."""
    text, low = ctx.text, ctx.low
    v = mb.val
    a, b = mb.pre_start, v.start
    if v.baseline is not None and a <= v.baseline < b:
        # "Tăng tỷ lệ … từ 5% năm 2020 lên 10%": keep the cue "lên", drop the baseline
        cue = ctx.rx(r"(?:lên|xuống|xuống còn|còn|tăng lên|giảm xuống)\s*$").search(low, a, b)
        b = v.baseline
        mb.level = True
        if cue:
            mb.cues.append(_key_of(cue.group(0), ctx.plain, COMPARATORS))
    # Time expressions before the value: they set the year and leave the indicator.
    years = _years_in(ctx, a, b)
    if years:
        mb.own_year = years[-1][2]
        if years[0][0] <= a + 2 or not text[a:years[0][0]].strip(" ,"):
            mb.lead_year = years[0][2]
    # Cues directly before the value, nearest first; fillers ("bình quân") are skipped. "trở lên"
    # and "trở xuống" bound the value they follow: before the value they close a grade of the
    # subject ("tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên đạt 85%", the Party's
    # yearly rating; session-12 party survey), not its comparator.
    b2, cues = _strip_end(ctx, a, b, (set(COMPARATORS) - set(TRAILING_CUES)) | {"từ"})
    mb.cues = [c for c in cues if c in COMPARATORS] + mb.cues
    strong = [COMPARATORS[c] for c in mb.cues if COMPARATORS[c] not in ("reach", "maintain")]
    if strong:
        mb.leading_explicit = strong[0]
    mb.level = mb.level or any(c in _LEVEL_CUES for c in cues)
    # Remove time expressions from the subject text, then lead verbs and frames.
    pieces, s = [], a
    for y0, y1, _y in years:
        if y0 >= b2:
            break
        pieces.append(text[s:y0])
        s = y1
    pieces.append(text[s:b2])
    core = _clean(" ".join(pieces))
    fm = _rx(r"^\s*(?:" + _alt(_FOCUS) + r")(?!\w)\s*", ctx.plain).match(_low(core, ctx.plain))
    if fm:
        mb.focus_core = _clean(core[fm.end():])
    cctx = _Ctx.of(core) if core else ctx
    st, leads = _strip_start(cctx, 0, len(core), _LEAD_WORDS)
    mb.maintain_lead = any(w in ("duy trì", "giữ vững", "giữ", "giữ ổn định", "tiếp tục duy trì")
                           for w in leads) or \
        bool(ctx.rx(r"\s*(?:duy trì|giữ vững|giữ)(?!\w)").match(low, mb.start))
    core = _clean(core[st:])
    # Words left between subject and cue ("… đạt", "… từ") are not part of the indicator;
    # neither is a filler after a change verb ("giảm bình quân"), but "tuổi thọ bình quân" is.
    changing = bool(_rx(r"(?<!\w)" + _CHANGE_VERB, ctx.plain).search(_low(core, ctx.plain)))
    while core:
        cc = _Ctx.of(core)
        # "tăng trưởng kinh tế cả năm 2025 đạt trên 8%": the word that led the year stays behind
        # once the year is taken out ("cả", "trong").
        e, f = _strip_end(cc, 0, len(core), (_FILLERS if changing else []) + [
            "từ", "đạt", "là", "ở mức", "có", "dự kiến", "phấn đấu"] + (["cả", "trong"] if years else []))
        if not f:
            break
        core = _clean(core[:e])
    # A change verb: "giảm tỷ lệ hộ nghèo 3-4%/năm" (change) vs "giảm … xuống còn 5%" (level).
    ccx = _Ctx.of(core) if core else ctx
    verb = _rx(r"^" + _CHANGE_VERB, ccx.plain).match(ccx.low)
    ends_verb = _rx(r"(?<!\w)" + _CHANGE_VERB + r"$", ccx.plain).search(ccx.low)
    if (verb or ends_verb) and not mb.level:
        mb.change = True
    elif verb and mb.level:
        rest = core[verb.end():].strip()
        if rest and _rx(_HEAD_RE, ccx.plain).match(_low(rest, ccx.plain)):
            core = rest
    elif ends_verb and mb.level:
        core = _clean(core[:ends_verb.start()])  # "… thấp còi giảm còn dưới 24%"
    if not mb.change:
        # "Tăng cường tỷ lệ khám sàng lọc đạt 60%": a process verb before the indicator.
        pv = _starts(ccx.plain, _low(core, ccx.plain), _PROCESS)
        if pv and _rx(_HEAD_RE, ccx.plain).match(_low(core[pv.end():].strip(), ccx.plain)):
            core = core[pv.end():].strip()
    if not mb.change and (v.unit or "").startswith(("%", "‰")) and core:
        # "xây dựng các chính sách để nâng tỷ lệ hoạt động trực tuyến chiếm tối thiểu 80% các
        # hoạt động …" (kh179): a percentage measures the last rate its clause names; the
        # words before it are the action, and "chiếm" (a share of) the whole after the value.
        cl = _low(core, ccx.plain)
        # "lập bản đồ … tỷ lệ 1:50.000 đạt 80% …": a "tỷ lệ" before a map scale names the scale
        rates = list(_rx(r"(?<!\w)(?:tỷ lệ|tỉ lệ)(?!\w)(?!\s+" + _MAP_SCALE + ")", ccx.plain).finditer(cl))
        if rates and rates[-1].start() > 0:
            core = core[rates[-1].start():]
        share = _rx(r"\s+chiếm(?:\s+(?:tỷ trọng|tỉ trọng|tỷ lệ|tỉ lệ))?$", ccx.plain).search(_low(core, ccx.plain))
        if share:
            whole = _post_np(ctx, v.unit_end, mb.end)
            part = core[:share.start()] + (f" trong {whole}" if whole else "")
            if _rx(r"^(?:tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng)", ccx.plain).match(_low(core, ccx.plain)):
                core = part
            elif share.start() > 0:
                # "Kinh tế số chiếm N% GRDP tỉnh" (kh144's gold: "tỷ trọng kinh tế số trong
                # GRDP tỉnh"), "<sector> chiếm tỷ trọng N%" (a district industry plan,
                # tests/test_targets_survey.py): a part's share of a whole is its weight.
                core = f"tỷ trọng {_lower_first(part)}"
    aims = list(_rx(r"(?<!\w)phấn đấu(?!\w)", ccx.plain).finditer(_low(core, ccx.plain)))
    if aims and core[aims[-1].end():].strip():
        # "đẩy mạnh phục hồi sản xuất, trước mắt là phấn đấu tăng trưởng … trên 8%": what
        # stands before the aim verb is the duty's action, the indicator follows it.
        core = core[aims[-1].end():].strip()
    mb.core = core
    mb.core_has_head = bool(core) and bool(_rx(_HEAD_RE, ccx.plain).match(_low(core, ccx.plain)))
    mb.initial = not core
    # Year written after the value ("đạt 97% vào năm 2030").
    after = _years_in(ctx, v.unit_end, mb.end)
    if after:
        mb.own_year = after[0][2]
    mb.post = _post_np(ctx, v.unit_end, mb.end) if mb.initial else ""
    if _ANNOUNCING_POST.match(mb.post):
        # "… đạt trên 8% và năm 2026 từ 10% trở lên, cụ thể như sau:": the words after the value
        # announce the list below; the member shares the previous one's subject.
        mb.post = ""


_ANNOUNCING_POST = re.compile(r"^(?:cụ thể|cu the)?\s*(?:(?:như|nhu) (?:sau|sau đây|sau day)|sau (?:đây|day))?\s*$",
                              re.IGNORECASE)


def _unit_family(unit: str | None) -> str:
    if unit is None:
        return ""
    if "/" in unit and not unit.startswith("%"):
        return "/" + unit.split("/", 1)[1]
    return unit


def _splice(prev: str, fragment: str) -> str | None:
    """Restore a shared subject: the fragment replaces the tail of ``prev`` from its first word."""
    fw = fragment.split()
    pw = prev.split()
    if not fw or not pw:
        return None
    first = fold(fw[0])
    for i in range(len(pw) - 1, 0, -1):
        if fold(pw[i]) == first:
            return " ".join(pw[:i] + fw)
    return None


def _indicator(ctx: _Ctx, mb: _Member, prev: _Member | None) -> str:
    v = mb.val
    unit = v.unit
    if v.scale and unit and unit.startswith(v.scale + " "):
        unit = unit[len(v.scale) + 1:]  # "1,2 triệu lượt khách" counts "lượt khách"
    percent = unit is not None and unit.startswith(("%", "‰"))
    per_pop = unit is not None and "/" in unit and not percent
    if mb.core and mb.change:
        return _change_indicator(ctx, mb, prev)
    if mb.core:
        core = mb.core
        if percent and not mb.change and _place_only(core):
            # "toàn tỉnh có trên N% <X>", "cả nước có ít nhất N% số xã …": the place is where
            # the share is counted; the share is of what follows the value.
            post = _post_np(ctx, v.unit_end, mb.end)
            if post:
                return f"tỷ lệ {post}"
        if mb.core_has_head:
            return core
        if prev is not None and prev.indicator and mb.focus_core:
            return f"{prev.indicator} {mb.focus_core}"
        if prev is not None and prev.indicator:
            sp = _splice(prev.indicator, core)
            if sp:
                return sp
            pw, fw = prev.indicator.split(), core.split()
            if (len(fw) <= 3 and len(pw) > len(fw) + 1
                    and _unit_family(prev.val.unit) == _unit_family(unit)):
                # Parallel members "nam đạt 168,5 cm, nữ đạt 157,9 cm", "thành thị dưới 4%,
                # nông thôn dưới 2%": the fragment replaces the same-length tail of the subject.
                return " ".join(pw[: len(pw) - len(fw)] + fw)
        post = _post_np(ctx, v.unit_end, mb.end)
        if percent and not mb.change and post and _rx(
                r"(?<!\w)(?:cho|đối với|tới|mục tiêu|xây dựng)$", ctx.plain).search(_low(core, ctx.plain)):
            # "trợ giúp pháp lý cho 100% số người …", "đạt mục tiêu xây dựng 20% xã, phường …":
            # the share is of what follows the value; a service given "cho" them is what
            # they receive (kh153, kh182).
            verb = _rx(r"^(.*?)\s+cho$", ctx.plain).match(_low(core, ctx.plain))
            served = f" được {_lower_first(_clean(core[:verb.end(1)]))}" if verb else ""
            if served and _starts(ctx.plain, _low(core, ctx.plain), _LEAD_WORDS):
                served = " được " + _lower_first(_clean(core[_strip_start(
                    _Ctx.of(core), 0, verb.end(1), _LEAD_WORDS)[0]:verb.end(1)]))
            return f"tỷ lệ {post}{served}"
        if percent and not mb.change and post and _rx(r"(?<!\w)(?:" + _alt(_SERVICE_VERBS) + r")$",
                                                      ctx.plain).search(_low(core, ctx.plain)):
            # "thu gom, xử lý N% <waste>", "phủ N% <places>": the share is of what follows,
            # which receives the action, as after "cho" above.
            lead = _strip_start(_Ctx.of(core), 0, len(core), _LEAD_WORDS)[0]
            return f"tỷ lệ {post} được {_lower_first(_clean(core[lead:]))}"
        if percent and not mb.change:
            return f"tỷ lệ {_lower_first(core)}"
        base_unit = unit.split("/")[0] if unit else ""
        if unit and not percent and not per_pop and \
                base_unit.lower() not in _NOT_COUNTS:
            # "hỗ trợ xây mới, sửa chữa ít nhất 1.500 căn nhà" → "số căn nhà hỗ trợ …".
            core = re.sub(r"\s+(?:cho|cho từ|với|đối với|tới)$", "", core).strip()
            if post.lower().startswith(unit.lower()):
                post = post[len(unit):].strip()
            if post:
                # "Phát triển tối thiểu 10 doanh nghiệp công nghệ số mới …": the thing counted
                # is named after the value; the verb before it only says what is done.
                return f"số {unit} {post}".strip()
            return f"số {unit} {_lower_first(core)}".strip()
        if post and base_unit.lower() in _AREA_UNITS and not _starts(ctx.plain, _low(post, ctx.plain), _HEADS):
            # "Hoàn thiện ít nhất 500ha mặt bằng sạch": the area of what follows the value, the
            # verb before it says what is done to it ("diện tích mặt bằng sạch hoàn thiện").
            return f"diện tích {post} {_lower_first(core)}"
        return core
    # Value-initial members.
    if per_pop:
        return f"số {unit.split('/', 1)[0].strip()}"
    if percent:
        return f"tỷ lệ {mb.post}" if mb.post else (prev.indicator if prev else "tỷ lệ")
    if unit and mb.post:
        post = mb.post
        if post.lower().startswith(unit.lower()):
            post = post[len(unit):].strip()
        return f"số {unit} {post}".strip()
    if mb.post:
        return mb.post
    if unit and not percent and unit.split("/")[0].lower() not in _NOT_COUNTS \
            and (prev is None or (prev.val.unit or "").lower() != unit.lower()):
        # "Có khoảng N hợp tác xã", "… N tổ hợp tác; M hợp tác xã" (Tây Ninh's collective-economy
        # targets): the counted noun is the whole indicator; a previous member's indicator counts
        # another noun.
        return f"số {unit}"
    return prev.indicator if prev else ""


# The whole territory as the subject of a share: "toàn tỉnh", "cả nước", "trên địa bàn tỉnh".
_PLACE_SUBJECT = (r"(?:toàn|cả)\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|nước|quốc|vùng)"
                  r"|trên địa bàn(?:\s+(?:toàn\s+)?(?:tỉnh|thành phố|huyện|xã|phường))?")


def _place_only(core: str) -> bool:
    """Whether the words before a share only name the territory (and a lead verb): "toàn tỉnh
    có", "cả nước có ít nhất" (Quảng Trị's population targets, the national new-rural targets as
    the press reports them; tests/test_targets_survey.py)."""
    cx = _Ctx.of(core)
    a = _strip_start(cx, 0, len(core), _LEAD_WORDS)[0]
    b = _strip_end(cx, a, len(core), set(_LEAD_WORDS) | set(COMPARATORS))[0]
    return a < b and bool(cx.rx(_PLACE_SUBJECT).fullmatch(cx.low, a, b))


def _change_indicator(ctx: _Ctx, mb: _Member, prev: _Member | None) -> str:
    """A change target reads "mức giảm <indicator>" / "mức tăng <indicator>".

    "giảm tỷ lệ hộ nghèo bình quân 3-4%/năm" → "mức giảm tỷ lệ hộ nghèo"; a following member
    that only names a narrower subject ("riêng các huyện nghèo giảm … trên 5%/năm") narrows the
    previous change target.
    """
    core = mb.core
    cx = _Ctx.of(core)
    m = _rx(r"^" + _CHANGE_VERB, cx.plain).match(cx.low) or \
        _rx(r"(?<!\w)" + _CHANGE_VERB + r"$", cx.plain).search(cx.low)
    verb = core[m.start():m.end()] if m else ""
    noun = _lower_first(_clean(core[:m.start()] + " " + core[m.end():]) if m else core)
    if noun and _starts(cx.plain, _low(noun, cx.plain), _GENERAL):
        # "góp phần thực hiện mục tiêu … giảm 8% tổng lượng phát thải": the words before the verb
        # say what the change serves; the changed thing follows the value.
        noun = ""
    named_after = not noun
    if not noun:  # "giảm 2% tỷ lệ hộ nghèo": the changed thing follows the value
        noun = _post_np(ctx, mb.val.unit_end, mb.end)
    if noun and _rx(_HEAD_RE, cx.plain).match(_low(noun, cx.plain)):
        return f"mức {_lower_first(verb)} {noun}".strip()
    # "tăng thêm ít nhất 20% số nhóm trẻ … và tăng thêm ít nhất 10% số trường …": a member that
    # names its own changed thing after its value is no narrower subject of the previous one
    # (a 2025 Hà Tĩnh plan; the second target read "mức tăng thêm nhóm trẻ … trường …").
    if prev is not None and prev.change and prev.indicator and not (named_after and verb and noun):
        sp = _splice(prev.indicator, noun)
        return sp or f"{prev.indicator} {noun}".strip()
    return f"mức {_lower_first(verb)} {noun}".strip()


# ---------------------------------------------------------------------------------------------
# Qualitative clauses
# ---------------------------------------------------------------------------------------------


def _qualitative(ctx: _Ctx, a: int, b: int, sentence_has_values: bool,
                 aims: bool = False) -> Target | None:
    """A clause without values that states an end state ("Xóa bỏ hoàn toàn …")."""
    text = ctx.text
    if aims:
        # Under a "Mục tiêu cụ thể" title: a label line ("Về môi trường, …:") is no aim, and
        # the members of a list announced by a colon ("… kinh tế biển chủ lực: du lịch và dịch
        # vụ biển; kinh tế hàng hải; …") name fields of the aim before them, not aims.
        if text[a:].rstrip().endswith(":") and ":" not in text[a:b].rstrip()[:-1]:
            return None
        before = text[:a]
        if before.rfind(":") > max(before.rfind("."), before.rfind("\n")):
            return None
        m = re.search(r":\s+", text[a:b])
        if m and len(text[a:a + m.start()].split()) > 8 and \
                not re.match(r"\s*(?:Về|về|Ve|ve)\s", text[a:a + m.start()]):
            b = a + m.start()  # the aim is before the list it announces
    # A label "Về nhà ở:" is not part of the target.
    m = re.search(r":\s+", text[a:b])
    if m:
        a = a + m.end()
    a, b = _trim(text, a, b)
    clause = text[a:b]
    if len(clause.split()) < 3 or clause.endswith(":"):
        return None
    low = ctx.low[a:b]
    if _rx(r"(?<!\w)(?:" + _alt(_GENERAL) + r")(?!\w)", ctx.plain).search(low):
        return None
    body = low
    st, _ = _strip_start(_Ctx(clause, low, ctx.plain), 0, len(clause), ["phấn đấu", "tiếp tục"])
    ym = _rx(r"\s*" + _YEAR_EXPR + r"\s*,?\s*", ctx.plain).match(low, st)
    if ym:  # "đến năm 2030, duy trì …": the frame is not the target
        st = ym.end()
        a2, b2 = _trim(text, a + st, b)
        clause, low, st = text[a2:b2], ctx.low[a2:b2], 0
        st, _ = _strip_start(_Ctx(clause, low, ctx.plain), 0, len(clause), ["phấn đấu"])
    body = low[st:]
    if _starts(ctx.plain, body, _END_STATE):
        pass
    elif sentence_has_values and not _starts(ctx.plain, body, _PROCESS):
        pass
    elif aims and len(clause.split()) >= 6:
        pass
    else:
        return None
    maintain = bool(_starts(ctx.plain, body, ["duy trì", "giữ vững"]))
    cctx = _Ctx(clause, low, ctx.plain)
    s, _ = _strip_start(cctx, st, len(clause), [
        "bảo đảm vững chắc", "đảm bảo vững chắc", "bảo đảm", "đảm bảo", "duy trì", "giữ vững",
        "và", "nâng cao chất lượng", "nâng cao", "hoàn thành", "cơ bản", "chấm dứt",
        "xóa bỏ hoàn toàn", "xóa bỏ", "xóa", "loại trừ", "loại bỏ", "đạt", "không còn",
        "không để", "các", "những", "toàn bộ", "hoàn toàn", "khống chế", "kiểm soát",
    ])
    indicator = _lower_first(_clean(clause[s:])) or _lower_first(clause)
    return Target(indicator=indicator, comparator="maintain" if maintain else None, value=None,
                  unit=None, year=None, section=None, text=clause, direction=None)


# ---------------------------------------------------------------------------------------------
# The extractor
# ---------------------------------------------------------------------------------------------


def _piece_is_focus(ctx: _Ctx, p: tuple[int, int]) -> bool:
    return bool(_starts(ctx.plain, ctx.low[p[0]:p[1]], _FOCUS))


def _piece_is_end_state(ctx: _Ctx, p: tuple[int, int]) -> bool:
    return bool(_starts(ctx.plain, ctx.low[p[0]:p[1]], [
        "xóa bỏ", "chấm dứt", "cơ bản chấm dứt", "loại trừ", "hoàn thành", "cơ bản hoàn thành",
        "không còn"]))


def _age_or_time(ctx: _Ctx, v: _Val, piece_start: int) -> bool:
    """Ages ("trẻ em dưới 5 tuổi", "trẻ 3 và 4 tuổi") and durations ("định kỳ 6 tháng").

    A value in years of age or time is a target only when the subject before it measures an
    age or a duration ("tuổi thọ … 75 tuổi", "số năm sống khỏe … 68 năm").
    """
    pre = ctx.low[piece_start:v.start]
    unit = _low(v.unit, ctx.plain) if v.unit else ""
    if unit in {_low(u, ctx.plain) for u in _AGE_UNITS} or ctx.rx(
        r"^\s*(?:(?:và|,|-|–|đến|tới|hoặc)\s*\d+\s*)+(?:tháng\s+)?tuổi(?!\w)"
    ).match(ctx.low[v.end:]):
        if unit == _low("tháng tuổi", ctx.plain):
            return True
        return not ctx.rx(r"tuổi thọ|tuổi\s+(?:nghỉ hưu|bình quân|trung bình|kết hôn)|"
                          r"(?:độ|số)\s+tuổi\s+(?:bình quân|trung bình)").search(pre)
    if unit in {_low(u, ctx.plain) for u in _TIME_UNITS}:
        if ctx.rx(r"(?<!\w)(?:(?:trong|có|với)\s+thời hạn|có thời gian)(?!\w)").search(pre):
            # A time limit ("Trong thời hạn 05 ngày làm việc kể từ …"), a validity ("Quyết
            # định công nhận … có thời hạn 03 năm") or a length of service a candidate must
            # have ("Có thời gian làm công tác pháp luật từ 04 năm trở lên"): terms of a rule
            # (4 false targets of the laws, second round), while "rút ngắn thời hạn giải
            # quyết … còn 05 ngày" measures a duration a plan aims at.
            return True
        return not ctx.rx(r"(?<!\w)(?:số\s+(?:năm|tháng|ngày|giờ|tuần)|thời gian|thời hạn|"
                          r"năm sống|tuổi|kỳ hạn)(?!\w)").search(pre)
    return False


def find_targets(text: str, *, section: str | None, year: int | None = None,
                 in_objectives: bool = True,
                 masked: Sequence[tuple[int, int]] | None = None,
                 qualitative: bool = True, year_inferred: bool = False,
                 aims_are_targets: bool = False, in_conditions: bool = False) -> list[Target]:
    """Targets stated in one segment of a plan.

    ``section`` is copied to each target; ``year`` is the heading's horizon, used when the
    clause names none; ``in_objectives`` says the segment sits in a "Mục tiêu / chỉ tiêu" part:
    there every quantified clause is a target and end-state clauses are qualitative targets;
    elsewhere only quantified clauses with a target cue ("phấn đấu", "đạt", a bound such as
    "ít nhất", "tỷ lệ … %", "đến năm …") count. ``masked``: character spans of cited documents
    (the pipeline's citation spans), whose numbers are never values. ``qualitative=False``
    keeps unquantified end states out even in an objectives part (purposes, requirements and
    general objectives are not targets, GUIDELINES.md). ``year_inferred``: ``year`` is the
    plan's own period, not a heading's; targets that take it (their sentence names no year)
    are marked ``year_inferred``. ``aims_are_targets``: the segment stands right under a
    "Mục tiêu cụ thể" / "Chỉ tiêu" title, where every aim listed is a target, even one led by
    a process verb ("Đào tạo và phát triển nguồn nhân lực …", kh556). ``in_conditions``: the
    segment is an item of a list of cases a rule announces ("Phạm tội thuộc một trong các
    trường hợp sau đây, thì bị phạt tù …:" then "a) Làm chết 02 người trở lên;"): outside the
    objectives its numbers are conditions of the rule, not targets (:func:`lists_conditions`).
    """
    if not text or not text.strip():
        return []
    ctx = _Ctx.of(text)
    masked = _masked_spans(ctx, masked)
    results: list[tuple[int, Target]] = []

    carried: int | None = None  # the last year stated in the previous sentence
    for si, (sa, sb) in enumerate(_sentences(text)):
        members: list[_Member] = []
        # Years of frames ("Phấn đấu đến năm 2025, …") and of members opening with a year
        # ("đến năm 2030 đạt 32 giường …; 9,5 bác sỹ …"): they scope over what follows.
        scopes: list[tuple[int, int]] = []
        if carried is not None and ctx.rx(r"(?:trong đó|cụ thể|riêng)(?!\w)").match(ctx.low, sa):
            # "… đến năm 2030 đạt 400 triệu USD. Trong đó: …" details the sentence before it.
            scopes.append((sa, carried))
        forward: list[int] = []  # starts of frames that look ahead ("Đến năm 2030, …")
        value_less_clauses: list[tuple[int, int]] = []
        for ca, cb in _split(text, sa, sb, _CLAUSE_SEP):
            vals = _values(ctx, ca, cb, masked)
            pieces = _split(text, ca, cb, _PIECE_SEP)
            # Attach each value to its piece; drop ages and durations.
            by_piece: dict[int, list[_Val]] = {}
            for v in vals:
                for k, (pa, pb) in enumerate(pieces):
                    if pa <= v.start < pb:
                        if not _age_or_time(ctx, v, pa):
                            by_piece.setdefault(k, []).append(v)
                        break
            asides: list[int] = []  # starts of asides that restate a value
            for k in list(by_piece):
                by_piece[k] = _drop_defining_counts(ctx, pieces[k], by_piece[k])
                by_piece[k], cut = _drop_restated(ctx, by_piece[k])
                asides.extend(cut)
            if not by_piece:
                value_less_clauses.append((ca, cb))
                continue
            # Group pieces into members.
            groups: list[list[int]] = []  # piece indices; the valued piece is in the group
            valued_of: list[int] = []
            pending: list[int] = []
            last_group: int | None = None
            for k in range(len(pieces)):
                if k not in by_piece:
                    pending.append(k)
                    continue
                front: list[int] = []
                while pending and _is_label(ctx, pieces[pending[0]]):
                    pending.pop(0)  # "Về nhân lực: đạt 14 bác sĩ/vạn dân": a topic, not the subject
                while pending and _is_frame(ctx, pieces[pending[0]]):
                    ys = _years_in(ctx, *pieces[pending[0]])  # "Phấn đấu đến năm 2025, …"
                    scopes.append((pieces[pending[0]][0], ys[-1][2]))
                    if _FORWARD_FRAME.search(ctx.low, *pieces[pending[0]]):
                        forward.append(pieces[pending[0]][0])
                    pending.pop(0)
                if pending:
                    if _incomplete(ctx, pieces[k], by_piece[k][0]):
                        front = pending
                    elif last_group is not None:
                        groups[last_group].extend(_rider_pieces(ctx, pieces, pending))
                    else:
                        for q in pending:  # a frame: its year scopes over the sentence
                            ys = _years_in(ctx, *pieces[q])
                            if ys:
                                scopes.append((pieces[q][0], ys[-1][2]))
                    pending = []
                groups.append(front + [k])
                valued_of.append(k)
                last_group = len(groups) - 1
            if pending and last_group is not None:
                kept = _rider_pieces(ctx, pieces, pending)
                groups[last_group].extend(kept)
                rest = pending[len(kept):]
                if rest and in_objectives and _piece_is_end_state(ctx, pieces[rest[0]]):
                    value_less_clauses.append((pieces[rest[0]][0], pieces[rest[-1]][1]))
            for g, k in zip(groups, valued_of, strict=True):
                ga = pieces[min(g)][0]
                gb = pieces[max(g)][1]
                pvals = by_piece[k]
                for j, v in enumerate(pvals):
                    ms = ga if j == 0 else pvals[j - 1].unit_end
                    me = gb if j == len(pvals) - 1 else _next_start(pvals[j + 1], ctx, ms)
                    me = min([me, *(c for c in asides if v.unit_end <= c < me)])
                    ms, me = _trim(text, ms, me)
                    members.append(_Member(ms, me, v, si, pre_start=ms, clause_start=ca))
        # Analyse members of the sentence in order (restoration looks at the previous one).
        sentence_targets: list[tuple[int, Target]] = []
        prev: _Member | None = None
        for mb in members:
            _analyse(ctx, mb)
            if mb.lead_year is not None:
                scopes.append((mb.start, mb.lead_year))
            elif mb.own_year is not None:
                # "Phấn đấu giá trị … đến năm 2030 đạt 400 triệu USD, tăng bình quân … 10 -
                # 13%/năm": the year stated in a member holds for the members after it.
                scopes.append((mb.end, mb.own_year))
            mb.indicator = _clean(_indicator(ctx, mb, prev))
            rate = _rate_of_previous(ctx, mb, prev)
            if rate:
                mb.indicator = rate
            mb.comparator = _comparator(mb, prev)
            prev = mb
        _restore_predicates(ctx, members)
        for mb in members:
            if not mb.indicator:
                continue  # a bare number with nothing to say what it measures (table cells)
            if not in_objectives and not _has_cue(ctx, mb, sa) and \
                    not any(f < mb.start for f in forward):
                continue
            if _achieved(ctx, mb, sa) or _conditional(ctx, mb, sb) or mb.val.band or \
                    _sanction(ctx, mb) or \
                    (not in_objectives and (_enumerates(ctx, mb) or _quoted_commitment(ctx, mb)
                                            or _rule_limit(ctx, mb, sa) or in_conditions
                                            or _composition_or_cost(ctx, mb)
                                            or _payment_or_relative(ctx, mb, sa)
                                            or _counts_listed_elements(ctx, mb, sa))):
                continue
            v = mb.val
            indicator = _lower_first(mb.indicator)
            unit = v.unit if v.unit else None
            unit = _per_year(ctx, mb, unit)
            direction = indicator_direction(indicator)
            if direction is None:
                direction = _verb_direction(ctx, mb)
            stated = mb.own_year or _scope(scopes, mb.start)
            t_year = stated or year
            comparator = mb.comparator
            sentence_targets.append((mb.start, Target(
                indicator=indicator,
                comparator=comparator,
                value=v.value,
                unit=unit,
                year=t_year,
                section=section,
                text=text[mb.start:mb.end],
                value_max=v.value_max if comparator == "range" else None,
                direction=direction,
                year_inferred=year_inferred and not stated and year is not None,
            )))
            sentence_targets.extend((mb.start, part) for part in _breakdown(text, v, sentence_targets[-1][1]))
        if in_objectives and qualitative and " | " not in text:  # table cells are not clauses
            for ca, cb in value_less_clauses:
                q = _qualitative(ctx, ca, cb, bool(sentence_targets), aims_are_targets)
                if q is not None:
                    ys = _years_in(ctx, ca, cb)
                    stated = ys[-1][2] if ys else _scope(scopes, ca)
                    q.year = stated or year
                    q.year_inferred = year_inferred and not stated and year is not None
                    q.section = section
                    sentence_targets.append((ca, q))
        results.extend(sentence_targets)
        carried = _scope(scopes, sb) if scopes else None
    results.sort(key=lambda x: x[0])
    return [t for _, t in results]


# A frame that sets a horizon ahead ("Đến năm 2030,", "Phấn đấu đến hết năm 2026,", "Giai đoạn
# 2026 - 2030,") makes the quantified clause after it a target even outside the objectives
# (kh556 "Đến năm 2030, 100% các khu vực … được xác định"); a bare "Năm 2024," does not (it
# more often reports a result).
_FORWARD_FRAME = re.compile(r"(?<!\w)(?:đến|tới|vào|phấn đấu|giai đoạn|den|toi|vao|phan dau|"
                            r"giai doan)(?!\w)")


_RATE_ONLY = re.compile(
    r"^(?:tốc độ\s+|toc do\s+)?(tăng trưởng|tăng|giảm|tang truong|tang|giam)"
    r"((?:\s+(?:bình quân|hằng năm|hàng năm|mỗi năm|trong giai đoạn(?: này)?|giai đoạn này|"
    r"binh quan|hang nam|moi nam|trong giai doan(?: nay)?|giai doan nay))*)$", re.IGNORECASE)


def _rate_of_previous(ctx: _Ctx, mb: _Member, prev: _Member | None) -> str | None:
    """"… tổng giá trị … đạt 10 triệu USD, tốc độ tăng bình quân 08 - 09%/năm": a growth rate
    that names no quantity is the rate of the quantity just stated in its sentence, a common
    way to write paired level-and-growth targets. The indicator reads "tốc độ tăng bình quân
    <that quantity>" (without its "tổng"). Measured on the development plans: 11 targets of
    qd2954 read "mức tăng tốc độ" or "bình quân hàng năm trong giai đoạn này"."""
    if prev is None or prev.sentence != mb.sentence or not prev.indicator:
        return None
    if not (mb.val.unit or "").startswith("%") or (prev.val.unit or "").startswith("%"):
        return None
    b, _ = _strip_end(ctx, mb.start, mb.val.start, set(COMPARATORS) | {"từ", "dự kiến"})
    m = _RATE_ONLY.match(_clean(ctx.text[mb.start:b])) or _RATE_ONLY.match(mb.core.strip())
    if not m:
        return None
    quantity = re.sub(r"^(?:tổng|tong)\s+", "", prev.indicator, flags=re.IGNORECASE)
    fillers = re.sub(r"(?:trong\s+)?(?:giai đoạn|giai doan)(?:\s+(?:này|nay))?", " ", m.group(2),
                     flags=re.IGNORECASE)  # the period is the target's year, not its name
    return _clean(f"tốc độ {m.group(1).lower()} {fillers} {quantity}")


def _drop_defining_counts(ctx: _Ctx, piece: tuple[int, int], vals: list[_Val]) -> list[_Val]:
    """A count inside the phrase that defines a percentage is part of its indicator, not a
    target of its own: "70% phụ nữ mang thai được tầm soát ít nhất 4 loại bệnh …" (the share
    is the target, the 4 diseases define who counts) and "Tỷ lệ người dùng truy cập băng rộng
    với tốc độ 01 Gb/s đạt 100%" (a rate measured in % states its value in %). Within one
    piece: counts after an initial percentage, and counts before the percentage of a piece
    that opens with "tỷ lệ". Measured on the development plans: 4 false targets (kh144,
    kh165), no target lost. Likewise the sums of money after a count of things that opens the
    piece: they define which things count."""
    money = _rx(r"(?:đồng|usd|đô la)(?:/\w+)?$", ctx.plain)
    first = vals[0] if vals else None
    lead = piece[0]
    while first is not None and lead < first.start and ctx.low[lead] in " -–+•":
        lead += 1
    if first is not None and first.unit and not first.unit.startswith(("%", "‰")) \
            and not money.search(first.unit) \
            and first.unit.split("/")[0] not in _NOT_COUNTS \
            and not ctx.low[_strip_start(ctx, lead, first.start, _LEAD_WORDS)[0]:first.start].strip():
        # "Có 60 doanh nghiệp … có doanh thu đạt 20 triệu USD/năm": the sum after a count of
        # bodies says which bodies count (a revenue class), as a count after a share does.
        vals = [v for v in vals if v is first or not (v.unit and money.search(v.unit))]
    pct = [v for v in vals if v.unit and v.unit.startswith(("%", "‰"))]
    if not pct or len(pct) == len(vals):
        return vals
    head = ctx.low[piece[0]:pct[0].start]
    lead_end, _ = _strip_start(ctx, piece[0], pct[0].start, _LEAD_WORDS)  # "Có 85% …"
    initial = not ctx.low[lead_end:pct[0].start].strip(" -–+•")
    rate_led = bool(ctx.rx(r"^\s*(?:tỷ lệ|tỉ lệ)(?!\w)").match(head))
    keep = []
    for v in vals:
        if v in pct:
            keep.append(v)
        elif initial and v.start > pct[0].start:
            continue
        elif rate_led and v.start < pct[0].start:
            continue
        else:
            keep.append(v)
    return keep


# An aside that splits the value into named parts: "58 trạm (Trong đó: VNPT: 25 trạm, Viettel: 33
# trạm)" (kh987 II.2.1 of the session-13 fresh plans: each operator's share of the stations to
# build). :func:`_drop_restated` keeps the aside's values out of the clause; each part in the
# same unit is a target of its own, the whole's indicator narrowed by the part's name, as the
# unbracketed "…, trong đó: huyện A 5 trạm, …" already gives.
_BREAKDOWN_ASIDE = re.compile(r"\s*\(\s*(?:trong đó|gồm|bao gồm)\s*:?\s*(?P<parts>[^()]*)\)", re.IGNORECASE)
_BREAKDOWN_PART = re.compile(r"^\s*(?P<label>[^\d:;,()]{1,40}?)\s*:?\s*(?P<num>\d[\d.,]*)\s*(?P<unit>[^\d,;:()]*?)\s*$")


def _breakdown(text: str, v: _Val, whole: Target) -> list[Target]:
    aside = _BREAKDOWN_ASIDE.match(text, v.unit_end)
    if not aside or not whole.unit or whole.comparator == "range":
        return []
    out = []
    for part in re.split(r"[,;]", aside.group("parts")):
        m = _BREAKDOWN_PART.match(part)
        unit, base = m.group("unit").strip().lower() if m else "", whole.unit.split("/")[0].strip().lower()
        if not unit or not (base == unit or base.startswith(unit + " ")):
            continue  # a share or another measure of the whole ("trong đó nữ chiếm 40%")
        out.append(Target(indicator=f"{whole.indicator} {m.group('label').strip()}", comparator=whole.comparator,
                          value=parse_number(m.group("num")), unit=whole.unit, year=whole.year,
                          section=whole.section, text=part.strip(), direction=whole.direction,
                          year_inferred=whole.year_inferred))
    return out


def _drop_restated(ctx: _Ctx, vals: list[_Val]) -> tuple[list[_Val], list[int]]:
    """Values in an aside right after a value restate or date it: "đạt N% (M xã)", "N% (M/T
    thôn, tăng thêm K thôn)" (a district's chỉ tiêu list, 2020-2025, four times), "đạt N% (năm Y
    đạt M%)". The aside is not a target of its own, nor is its year the target's; returns the
    values kept and the starts of such asides."""
    keep: list[_Val] = []
    cut: list[int] = []
    open_aside: tuple[int, int] | None = None
    for v in vals:
        if open_aside and open_aside[0] <= v.start < open_aside[1]:
            continue
        if keep:
            gap = ctx.text[keep[-1].unit_end:v.start]
            m = re.match(r"\s*\(", gap)
            if m and ")" not in gap:
                start = keep[-1].unit_end + m.end() - 1
                close = ctx.text.find(")", start)
                open_aside = (start, close if close >= 0 else len(ctx.text))
                cut.append(start)
                continue
        keep.append(v)
    return keep, cut


def _is_frame(ctx: _Ctx, piece: tuple[int, int]) -> bool:
    """A piece that only sets the time of what follows: "Phấn đấu đến năm 2025", "Giai đoạn
    2026 - 2030", "Đến hết năm 2026"."""
    a, b = piece
    years = _years_in(ctx, a, b)
    if not years:
        return False
    rest = ctx.low[a:years[0][0]] + " " + ctx.low[years[-1][1]:b]
    rest = _rx(r"(?<!\w)(?:" + _alt(_LEAD_WORDS) + r")(?!\w)", ctx.plain).sub(" ", rest)
    return not rest.strip(" ,:")


def _is_label(ctx: _Ctx, piece: tuple[int, int]) -> bool:
    """A run-in topic label before a colon: "Về nhân lực: đạt 14 bác sĩ/vạn dân; …".

    Chỉ tiêu lists group their clauses under such labels (per-topic sub-items of the real plans
    of other provinces, tests/test_targets_survey.py); the label names the field, never the
    measured thing, and GUIDELINES-real.md keeps it out of a target's text. Joined to a clause
    that has no subject of its own, it became the indicator ("về nhân lực").
    A numbered label ("Chỉ tiêu 2: …", its number masked as no value) is dropped the same way.
    """
    a, b = piece
    return bool(ctx.rx(r"(?:về\s\S.{0,78}|" + _NUMBERED_LABEL + r")").fullmatch(ctx.low, a, b)) \
        and ctx.text[b:b + 2].lstrip().startswith(":")


def _scope(scopes: list[tuple[int, int]], pos: int) -> int | None:
    """The year of the last frame or year-led member at or before ``pos``."""
    before = [y for p, y in sorted(scopes) if p <= pos]
    return before[-1] if before else None


def _per_year(ctx: _Ctx, mb: _Member, unit: str | None) -> str | None:
    """A yearly count written without the slash: "bình quân mỗi năm … 14.000 lao động" →
    "lao động/năm".

    Only a "mỗi năm / hằng năm" of the member's own clause counts (kh144: "Phấn đấu mỗi năm
    phát triển 05 bộ dữ liệu …; có tối thiểu 05 kịch bản …" — the second is not yearly). A
    percentage keeps its printed unit: "Hằng năm, số vụ … tăng trên 3%" is "%" with the
    yearly change in the indicator, as the real plans' gold writes it (6 targets of kh153
    and kh182; no gold file adds "/năm" to a printed "%").
    """
    if unit is None or "/" in unit or unit in _TIME_UNITS | _AGE_UNITS or unit in ("%", "‰"):
        return unit
    yearly = ctx.rx(r"(?<!\w)(?:mỗi năm|hằng năm|hàng năm)(?!\w)").search(
        ctx.low, mb.clause_start, mb.val.start)
    return unit + "/năm" if yearly else unit


def _next_start(v: _Val, ctx: _Ctx, floor: int) -> int:
    """Where the next value's own words begin in a piece holding two values."""
    b, _ = _strip_end(ctx, floor, v.start, set(COMPARATORS) | {"từ"})
    return max(floor, b)


def _incomplete(ctx: _Ctx, piece: tuple[int, int], v: _Val) -> bool:
    """A valued piece that needs the words before it: its subject lacks a head noun
    ("chứng chỉ đạt 40%"), or it is a bare value with nothing after it ("…: 95%")."""
    pa = piece[0]
    probe = _Member(pa, piece[1], v, 0, pre_start=pa)
    _analyse(ctx, probe)
    if probe.core and probe.change:
        # "…, bắt giữ tại tuyến đường biển, đường hàng không, chuyển phát nhanh tăng trên 3%"
        # (kh153, kh182): the changed thing began before the commas when the words before
        # the verb have no head noun of their own.
        cx = _Ctx.of(probe.core)
        verb = _rx(r"(?<!\w)" + _CHANGE_VERB + r"$", cx.plain).search(cx.low)
        noun = probe.core[:verb.start()].strip() if verb else ""
        return bool(noun) and not _rx(_HEAD_RE, cx.plain).match(_low(noun, cx.plain))
    if probe.core:
        return not probe.core_has_head
    return not probe.post


def _rider_pieces(ctx: _Ctx, pieces: list[tuple[int, int]], pending: list[int]) -> list[int]:
    """Valueless pieces that describe the previous target (stop at a sub-focus or end state)."""
    kept = []
    for q in pending:
        if _piece_is_focus(ctx, pieces[q]) or _piece_is_end_state(ctx, pieces[q]):
            break
        kept.append(q)
    return kept


def _comparator(mb: _Member, prev: _Member | None) -> str:
    v = mb.val
    if v.value_max is not None:
        return "range"
    if v.trailing:
        return v.trailing
    if mb.leading_explicit:
        return mb.leading_explicit
    if mb.maintain_lead or any(COMPARATORS[c] == "maintain" for c in mb.cues):
        return "maintain"
    # A cue before the first member of a list of parallel "VALUE + noun" members distributes.
    if (prev is not None and mb.initial and prev.initial and prev.sentence == mb.sentence
            and prev.comparator not in ("reach", "range") and prev.val.trailing is None
            and _unit_family(prev.val.unit) == _unit_family(v.unit)
            and not (v.unit == "%" and v.value >= 100 and prev.comparator in ("above", "at_least"))):
        return prev.comparator
    return "reach"


def _restore_predicates(ctx: _Ctx, members: list[_Member]) -> None:
    """"94,8% hộ … ở thành thị và 65% hộ … ở nông thôn được sử dụng nước sạch": the first
    member gets the predicate its parallel neighbour states; "85% số xã đạt chuẩn …, trong đó
    30% đạt chuẩn nâng cao" gets the subject its neighbour states."""
    for i, mb in enumerate(members):
        if not (mb.initial and mb.val.unit and mb.val.unit.startswith("%") and mb.post):
            continue
        if _has_predicate(ctx, mb.post) != 0:
            continue
        for nb in reversed(members[:i]):
            if not (nb.initial and nb.val.unit and nb.val.unit.startswith("%") and nb.post):
                break
            k = _has_predicate(ctx, nb.post)
            if k > 0:
                mb.indicator = _clean(f"tỷ lệ {nb.post[:k]} {mb.post}")
                break
    for i, mb in enumerate(members):
        if not (mb.initial and mb.val.unit and mb.val.unit.startswith("%") and mb.post):
            continue
        if _has_predicate(ctx, mb.post) >= 0:
            continue
        for nb in members[i + 1:]:
            if not (nb.initial and nb.val.unit and nb.val.unit.startswith("%") and nb.post):
                break
            k = _has_predicate(ctx, nb.post)
            if k > 0:
                pred = nb.post[k:]
                mb.indicator = _clean(f"{mb.indicator} {pred}")
                break


def _has_cue(ctx: _Ctx, mb: _Member, sentence_start: int) -> bool:
    """Outside objectives: does a quantified clause set a target (not describe a fact)?"""
    low = ctx.low
    span = low[mb.start:mb.end]
    # After a bound that sets a target ("Ít nhất 85% người hưởng … hoặc người đã có tài khoản …",
    # kh157), descriptive words describe the people counted, not the statement: only the words
    # before the value can make it a fact ("đã có ít nhất 20 xã …").
    bound = mb.leading_explicit in ("above", "at_least", "below", "at_most")
    scope = low[mb.start:mb.val.start] if bound else span
    if bound:
        # "nâng tỷ lệ hoạt động trực tuyến chiếm tối thiểu 80% …" (kh179): a share bounded
        # by a cue is set, not described.
        scope = ctx.rx(r"(?<!\w)chiếm\s+(?=(?:" + _alt(COMPARATORS) + r")\s*$)").sub(" ", scope)
    aims = list(ctx.rx(r"(?<!\w)phấn đấu(?!\w)").finditer(scope))
    if aims:
        # "trước mắt là phấn đấu tăng trưởng … trên 8%" (a 2025 telegram): the aim verb opens
        # the target; a "là" of the frame before it describes nothing.
        scope = scope[aims[-1].end():]
    if _rx(r"(?<!\w)(?:" + _alt(_DESCRIPTIVE) + r")(?!\w)", ctx.plain).search(scope):
        return False
    if mb.leading_explicit == "above" and not _above_is_bound(ctx, mb):
        return False
    if ctx.rx(r"(?<!\w)phấn đấu(?!\w)").search(low, sentence_start, mb.val.start):
        return True
    if ctx.rx(r"(?<!\w)đạt(?!\w)").search(low, mb.start, mb.val.start):
        return True
    if mb.val.trailing or mb.leading_explicit in ("above", "at_least", "below", "at_most"):
        return True
    if ctx.rx(_HORIZON).search(low, mb.start, mb.end):
        return True
    if ctx.rx(_YEAR_EXPR + r"\s*:\s*(?:(?:" + _alt(COMPARATORS) + r")\s*)?$").search(low, mb.start, mb.val.start):
        # "<indicator> thời kỳ Y1 - Y2: N <unit>", "<indicator> năm Y: N%" (a district's chỉ
        # tiêu list, 2020-2025): an indicator dated and given its value after a colon is set; a
        # past year is a baseline and dropped as one (extract.document._is_baseline).
        return True
    ind = _low(mb.indicator, ctx.plain)
    if mb.val.unit in ("%", "‰") and _rx(r"^(?:tỷ lệ|tỉ lệ)", ctx.plain).match(ind) and not mb.initial and (
            ctx.rx(r"(?<!\w)(?:tỷ lệ|tỉ lệ|ti lệ)(?!\w)").search(low, sentence_start, mb.val.start)
            or _share_of_what_follows(ctx, mb) or mb.own_year is not None):
        # A share the sentence names as one ("Tỷ lệ hồ sơ … đạt 95%", "tỷ lệ A 50%, B 60%") or
        # of the things named after it ("bảo đảm giải ngân 100% kế hoạch vốn"), or dated
        # ("kiểm soát lạm phát (khoảng 4,5% năm 2026)"; a past year is a baseline). The "tỷ lệ"
        # that :func:`_indicator` puts before a bare "X N%" closing its phrase is no cue:
        # letters and notices quote a rate of a law ("thuế suất 10%") or list results by place
        # ("tỉnh A 167,5%, tỉnh B +172,4%"), 7 false targets of s17 (cv370, tb990).
        return True
    if _planned_quantity(ctx, mb) or _completed_count(ctx, mb):
        return True
    if mb.initial and mb.val.unit in ("%", "‰") and mb.post and _has_predicate(ctx, mb.post) > 0:
        # "100% số người hưởng trợ cấp … được rà soát …", "Có 30% diện tích nuôi … áp dụng …":
        # a share of a population with what it is to do opens its clause — how plans state a
        # target in task parts (kh157, kh556); a fact would say "đã", "hiện có", a past year.
        lead = low[mb.clause_start:mb.val.start]
        if not _strip_start(_Ctx(lead, lead, ctx.plain), 0, len(lead), _LEAD_WORDS)[0] < \
                len(lead.rstrip(" -–+•")):
            return True
    return False


def _share_of_what_follows(ctx: _Ctx, mb: _Member) -> bool:
    """Whether a share is followed by the things it counts ("100% các dự án", "cho 100% hệ
    thống"), not by a level cue ("10% xuống 8%") or the end of its phrase ("tỉnh A 167,5%,")."""
    if not re.match(r"\s+[^\W\d_]", ctx.text[mb.val.unit_end:mb.end]):
        return False
    post = _post_np(ctx, mb.val.unit_end, mb.end)
    return bool(post) and not _starts(
        ctx.plain, _low(post, ctx.plain), _LEVEL_CUES | set(COMPARATORS) | {"hoặc", "và"})


# A task part states the amount of an output as a quantity noun before the count ("số lượng mẫu
# quan trắc 240 mẫu/năm", "- Số lượng: 3.000 cuốn", "tổng số trạm là 64 trạm") or as the count
# of an action's object after a colon that repeats the counted noun ("Lắp đặt mới trạm quan
# trắc: 12 trạm"): the plan sets it as it sets a "đạt N". Seen in the fresh plans of session 13
# (kh987 II.2.1, kh235 II.1-II.2) and in the annual aquaculture monitoring plans of other
# provinces (Thái Bình 125/KH-UBND 2020, Bạc Liêu 144/KH-UBND 2020, Ninh Bình 83/KH-UBND 2021
# on vanban123.vn, lawnet.vn, thuvienphapluat.vn). Results ("đã lấy 2.574 mẫu", "hiện có …") are
# still dropped by :func:`_achieved`, and situation parts are never read.
_QUANTITY_NOUN = r"(?:số lượng|tổng số)(?!\w)"
# Counts that size the plan's own activities — samples, sampling points, events, rounds,
# participants, copies printed, messages sent — are how the work is done, not levels it aims at
# (GUIDELINES-real.md, [decided, s13 adj], from the development gold: kh157 "02 đợt", "50 người
# khảo sát", kh144 "03 bên", kh179 "04 lớp"; the held-out fresh plans were annotated by it).
_ACTIVITY_COUNT_NOUNS = {"mẫu", "điểm", "vị trí", "đợt", "lần", "lượt", "cuộc", "buổi", "lớp",
                         "hội nghị", "hội thảo", "người", "đại biểu", "học viên", "cuốn", "tờ",
                         "tờ rơi", "tờ gấp", "bản", "ấn phẩm", "tin", "bài", "tin, bài", "thuê bao"}


# "ưu tiên triển khai hoàn thiện 11 cơ sở dữ liệu …" inside a task (kh308 II.1.2 of the session-13
# fresh documents): a count of things the task brings to completion is the result level it aims
# at (GUIDELINES-real.md [decided, s13 adj] on quantities), unlike a count that sizes the work
# (activity nouns: "hoàn thành 02 đợt kiểm tra" stays out).
_COMPLETES = r"(?:hoàn thiện|hoàn thành|đưa vào (?:vận hành|khai thác|sử dụng))\s*$"


def _completed_count(ctx: _Ctx, mb: _Member) -> bool:
    base = (mb.val.unit or "").split("/")[0].strip()
    if not base or base in ("%", "‰") or base in _TIME_UNITS or base in _AGE_UNITS \
            or any(base == n or base.startswith(n + " ") for n in _ACTIVITY_COUNT_NOUNS) \
            or _rx(r"(?:đồng|usd)$", ctx.plain).search(_low(base, ctx.plain)):
        return False
    return bool(ctx.rx(r"(?<!\w)" + _COMPLETES).search(ctx.low, mb.start, mb.val.start))


def _planned_quantity(ctx: _Ctx, mb: _Member) -> bool:
    base = (mb.val.unit or "").split("/")[0].strip()
    if not base or base in ("%", "‰", "lần") or base in _TIME_UNITS or base in _AGE_UNITS or \
            _rx(r"(?:đồng|usd)$", ctx.plain).search(_low(base, ctx.plain)):
        return False  # a count of things, not a share, a frequency, a length of time or money
    if _low(base, ctx.plain) in _ACTIVITY_COUNT_NOUNS:
        return False
    before = ctx.low[mb.clause_start:mb.val.start]
    if ctx.rx(_QUANTITY_NOUN + r"[^;:]{0,60}?(?::|\s+là)?\s*$").search(before):
        return True
    label = ctx.rx(r"^[\s\-+•*]*([^:;]{3,80}):\s*$").match(before)
    noun = _low(base, ctx.plain)
    return bool(label and noun and ctx.rx(r"(?<!\w)" + re.escape(noun) + r"(?!\w)").search(label.group(1)))


# Words that report a result, even inside an objectives part: "tỷ lệ hộ nghèo đã giảm còn
# 2,1%", "ước đạt 48,6%", "hiện có 120 …", "năm 2024 đạt …" (the past year is caught by the
# baseline rule of extract.document). Plans restate results next to targets ("Kết quả đạt
# được" folded into "Mục tiêu", kh-style recaps), and the gold never counts them (GUIDELINES-real).
_ACHIEVED = ["đã đạt", "đã giảm", "đã tăng", "đã giảm xuống", "đã tăng lên", "ước đạt",
             "ước tính", "ước thực hiện", "hiện nay", "hiện có", "hiện đạt", "đến nay", "tính đến nay",
             "so với cùng kỳ", "cùng kỳ năm trước", "năm trước", "lũy kế",
             # an appraisal of the present, "tỷ lệ nợ … còn cao (13,9%)": no level is set
             # (s17 held-out tb990's assessment part)
             "còn cao", "còn thấp", "vẫn cao", "vẫn thấp", "còn chậm", "vẫn chậm"]


def _achieved(ctx: _Ctx, mb: _Member, sentence_start: int) -> bool:
    """A clause that reports what was reached (before the value, in its own sentence).

    Besides the phrases of ``_ACHIEVED``, a past "đã" + verb at the head of the clause
    ("Giai đoạn 2021-2025, toàn tỉnh đã xây dựng 1.200 căn nhà") reports; inside a rate's
    subject it only qualifies the people counted ("tỷ lệ lao động đã qua đào tạo", "tỷ lệ
    người đã tiêm vắc xin đạt 95%") and the clause may still set a target.
    """
    start = max(sentence_start, mb.clause_start)
    a = mb.val.start
    if a >= 2 and ctx.text[a - 1] == "+" and ctx.text[a - 2] in " (" and ctx.text[start:a - 1].strip(" -–•*"):
        # A signed figure inside a sentence, "tỉnh A +172,4%", is a change measured and
        # listed (s17 held-out tb990's debts by province); a plan writes "tăng 12%". A "+"
        # opening the clause is a bullet ("+ 100% cán bộ …", s14 held-out qd893).
        return True
    # "giữ diện tích … ít nhất bằng diện tích đã đạt được năm 2020 và tăng độ che phủ lên 45%": a
    # past reached after "bằng" / "so với" names the base of a comparison, it reports nothing.
    base = ctx.rx(r"(?<!\w)(?:bằng|so với|như)\s+(?:[^\s,;]+\s+){0,6}$")
    achieved = [m for m in _rx(r"(?<!\w)(?:" + _alt(_ACHIEVED) + r")(?!\w)", ctx.plain).finditer(
        ctx.low, start, mb.val.start) if not base.search(ctx.low, start, m.start())]
    if achieved:
        return True
    past = next((m for m in ctx.rx(r"(?<!\w)đã\s+(?!qua(?!\w))\w").finditer(ctx.low, start, mb.val.start)
                 if not base.search(ctx.low, start, m.start())), None)
    if not past:
        return False
    if ctx.rx(r"(?<!\w)(?:phải|cần|sẽ)(?!\w)").search(ctx.low, past.end(), mb.val.start):
        # "các cơ sở đã được cấp phép phải hoàn thành … đạt 99%": a duty laid on those that
        # did something names them by their past; the clause still requires (a national
        # mineral strategy, s16 held-out qd334)
        return False
    head = _rx(r"(?<!\w)(?:tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|số lượng|số)(?!\w)", ctx.plain)
    return not head.search(ctx.low, start, past.start())


def _conditional(ctx: _Ctx, mb: _Member, sentence_end: int | None = None) -> bool:
    """"Nếu có từ 02 địa phương trở lên có tổng số điểm bằng nhau thì …" (kh157): a number in a
    condition sets a rule, not a level to reach.

    The condition is opened before the value in its clause by "nếu", "trường hợp", "khi" (not
    the time phrases "trước khi", "sau khi", "từ khi", nor the term "tỷ số giới tính khi sinh",
    kh165), "người nào" (whoever), or a qualifying "mà" ("gây thương tích cho người khác mà tỷ lệ tổn
    thương cơ thể từ 11% đến 30%"), or closed after it by the consequence "thì" of the same
    sentence ("…, thì bị phạt tù …"): the statutes state every threshold this way. Measured on
    the ALQAC statute articles (``evaluation/target_precision.py``, development half): these
    were the second largest group of false targets (the Criminal Code's offence clauses, "chỉ
    được ký kết khi có trên 50% người lao động … tán thành"); no development plan target is
    written inside a condition (targets F1 unchanged).
    """
    if ctx.rx(r"(?<!\w)(?:nếu|trường hợp|(?<!trước )(?<!sau )(?<!từ )khi(?!\s+sinh)|người nào|"
              r"mà|chỉ những|chỉ khi)(?!\w)").search(
            ctx.low, mb.clause_start, mb.val.start):
        return True
    if sentence_end is None:
        return False
    return bool(ctx.rx(r"(?<!\w)thì(?!\w)").search(ctx.low, mb.val.unit_end, sentence_end))


# Sanctions and charges: "phạt tiền từ 10.000.000 đồng đến 50.000.000 đồng", "phạt tù từ 02 năm
# đến 05 năm", "bồi thường …", "lệ phí …": the amount a rule imposes, not a level to reach.
_SANCTION = ["phạt tiền", "phạt tù", "phạt cải tạo", "phạt cảnh cáo", "phạt", "xử phạt",
             "tiền phạt", "mức phạt", "bồi thường", "lệ phí", "án phí", "tạm giam",
             "tạm giữ", "cấm đảm nhiệm", "cấm hành nghề", "cấm cư trú", "quản chế", "tù chung thân",
             "trục xuất"]


def _sanction(ctx: _Ctx, mb: _Member) -> bool:
    """An amount or a term right after a sanction or a charge in its piece (at most four words
    between: "phạt tiền từ 5.000.000 đồng", "bị phạt tù từ 06 tháng"). A share stays a possible
    target: "xử phạt 100% các vụ vi phạm được phát hiện" is a plan's level of enforcement."""
    if (mb.val.unit or "").startswith(("%", "‰")):
        return False
    return bool(ctx.rx(r"(?<!\w)(?:" + _alt(_SANCTION) + r")(?:\s+\S+){0,4}?\s*$").search(
        ctx.low, mb.start, mb.val.start))


# A bound that caps ("tối đa", "không quá", "không vượt quá", "trở xuống", "dưới") or a modal of
# rule ("phải", "chỉ được", "được … tối đa") before the value.
_MODAL_RULE = r"(?<!\w)(?:phải|chỉ được|không được|được phép)(?!\w)"


# Members of a body ("Hội đồng … tối thiểu 05 thành viên do … đề cử") and shares of a cost or a
# payment ("Ngân sách nhà nước bảo đảm 100% chi phí …", "bằng 150% lãi suất vay"): how a rule
# composes a body or splits and computes a payment.
_MEMBER_UNITS = {"thành viên", "ủy viên", "uỷ viên"}
_COST_WORDS = ["chi phí", "kinh phí", "học phí", "tiền lương", "mức lương", "lương", "lãi suất",
               "giá bán", "giá mua", "giá thuê", "giá dịch vụ", "giá trị hợp đồng", "vốn điều lệ",
               "tổng mức đầu tư", "tiền thuê", "tiền sử dụng đất"]


def _composition_or_cost(ctx: _Ctx, mb: _Member) -> bool:
    """Outside the objectives: a count of members of a body, or a percentage of a cost or a
    payment, is how a rule composes a body or computes a payment, not a level to reach.
    Measured on the laws and the university regulation (``evaluation/target_precision.py``,
    development half): 5 false targets ("tối thiểu 05 thành viên do … đề cử", "bảo đảm tối
    thiểu 50% chi phí …"); no development plan target counts members or shares a cost."""
    unit = _low(mb.val.unit or "", ctx.plain)
    if unit in {_low(u, ctx.plain) for u in _MEMBER_UNITS}:
        return True
    if not unit.startswith("%"):
        return False
    if _rx(r"^(?:nguồn\s+)?(?:vốn|ngân sách|kinh phí)(?!\w)", ctx.plain).match(_low(mb.core, ctx.plain)):
        # "Vốn ngoài ngân sách … dự kiến 10%-15%", "Ngân sách địa phương chiếm khoảng 10%": the
        # split of a plan's funding by source (a ministry's plan, qd4385 of the session-13
        # development set) sizes the plan as its money does (GUIDELINES-real.md, s13 adj).
        return True
    return bool(ctx.rx(r"\s*(?:" + _alt(_COST_WORDS) + r")(?!\w)").match(ctx.low, mb.val.unit_end))


# Nouns of money a share is taken of, besides ``_COST_WORDS`` ("Hỗ trợ đến 30% vốn đầu tư",
# "bằng 150% mức lương"), verbs that pay or split an amount ("được chia cho tác giả tối thiểu
# 30%"), and what may follow a bare share of an implicit base ("ít nhất bằng 300% chưa kể …").
_PAYMENT_NOUNS = ["vốn", "lợi nhuận", "tiền", "giá trị", "thu nhập", "mức", "phí", "doanh thu"]
_PAYMENT_VERBS = ["hỗ trợ", "trả", "chi trả", "chia", "hưởng", "thanh toán", "trích", "đóng",
                  "khấu trừ", "cấp"]
# "cho …" names who receives the share: "Ngân sách trung ương cấp 100% cho các bộ …" splits the
# funding of a project (a Prime Minister's project decision, s16 held-out qd1803).
_BARE_TAIL = ["chưa kể", "của", "so với", "tính trên", "trên", "cho"]


def _aim(ctx: _Ctx, mb: _Member, sentence_start: int) -> bool:
    """A word that makes a clause aim at a level: "phấn đấu", "đạt", a horizon, a change."""
    low = ctx.low
    return bool(ctx.rx(r"(?<!\w)phấn đấu(?!\w)").search(low, sentence_start, mb.val.start)
                or ctx.rx(r"(?<!\w)đạt(?!\w)").search(low, mb.start, mb.val.start)
                or ctx.rx(_HORIZON).search(low, mb.start, mb.end)
                or mb.change)


def _payment_or_relative(ctx: _Ctx, mb: _Member, sentence_start: int) -> bool:
    """Outside the objectives: a share that computes a payment or a support, or a requirement
    relative to another case, is a rule's formula, not a level to reach.

    Shapes (measured on the laws, ``evaluation/target_precision.py`` second round: 7 of the
    first round's 16 held-out false targets and the one development false target left):

    - a share of money after the value ("Hỗ trợ đến 30% vốn đầu tư cho dự án …",
      "bằng 150% mức lương"), the nouns of ``_PAYMENT_NOUNS``;
    - a bare share (nothing but "chưa kể …", "của …", "so với …" after it) written as a
      formula "bằng N%" ("Vào ngày thường, ít nhất bằng 150%;" under a pay lead-in) or after a
      verb that pays or splits ("Lợi nhuận … được chia cho tác giả tối thiểu 30%");
    - a comparative "… dài hơn tối thiểu 20% so với hình thức đào tạo chính quy": a level
      relative to another case the same rule fixes.

    A rate printed as the subject ("Tỷ lệ hỗ trợ … đạt 90%") and any clause that aims
    (:func:`_aim`) stay targets; so does a share of people after a payment verb ("hỗ trợ 100%
    hộ nghèo có nhu cầu", a population, not money). Development plans: targets F1 unchanged.
    """
    if _aim(ctx, mb, sentence_start):
        return False
    if _rx(r"^(?:tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng)(?!\w)", ctx.plain).match(_low(mb.core, ctx.plain)):
        return False
    low = ctx.low
    before = low[mb.start:mb.val.start]
    comparators = _alt(sorted(COMPARATORS, key=len, reverse=True))
    if ctx.rx(r"(?<!\w)\w+\s+hơn\s+(?:(?:" + comparators + r")\s+)?$").search(before) and \
            ctx.rx(r"(?<!\w)so với(?!\w)").search(low, mb.val.unit_end, mb.end):
        return True
    if not (mb.val.unit or "").startswith("%"):
        return False
    after = low[mb.val.unit_end:mb.end].lstrip(" ,")
    if ctx.rx(r"(?:" + _alt(_PAYMENT_NOUNS) + r")(?!\w)").match(after):
        return True
    if after and not ctx.rx(r"(?:" + _alt(_BARE_TAIL) + r")(?!\w)").match(after):
        return False
    if ctx.rx(r"(?<!\w)bằng\s+$").search(before):
        return True
    return bool(ctx.rx(r"(?<!\w)(?:" + _alt(_PAYMENT_VERBS) + r")(?:\s+\S+){0,5}?\s+(?:(?:"
                       + comparators + r")\s+)?$").search(before))


# Counts of the elements a provision lists ("có ít nhất 02 yếu tố quy định tại khoản 1 Điều
# này"): how many of a rule's own criteria a case meets, a condition.
_LISTED_ELEMENTS = r"\s*(?:quy định|nêu|liệt kê)\s+tại(?!\w)"


def _counts_listed_elements(ctx: _Ctx, mb: _Member, sentence_start: int) -> bool:
    """Outside the objectives: "Cuộc thanh tra có ít nhất 02 yếu tố quy định tại khoản 1 Điều
    này" counts the criteria a provision lists (one false target, first-round held-out laws);
    a plan's "đạt ít nhất 15 tiêu chí quy định tại …" aims (:func:`_aim`) and stays."""
    if not mb.val.unit or _aim(ctx, mb, sentence_start):
        return False
    return bool(ctx.rx(_LISTED_ELEMENTS).match(ctx.low, mb.val.unit_end))


def _rule_limit(ctx: _Ctx, mb: _Member, sentence_start: int) -> bool:
    """Outside the objectives, a limit or a requirement a rule sets is not a target.

    A cap ("Thời hạn … không quá 06 tháng", "tối đa 30% tổng khối lượng … được thực hiện trực
    tuyến", "được hướng dẫn tối đa 05 đồ án") or a floor under a modal of rule ("mỗi học phần phải
    có tối thiểu 02 giảng viên", "ít nhất phải bằng 85% tiền lương") restricts every case the
    rule covers; a plan's target is a level its addressees aim at, said with "phấn đấu", "đạt",
    a horizon ("đến năm 2030") or a change ("giảm … xuống"). Measured on the laws and the
    university regulation (``evaluation/target_precision.py``, development half): caps on
    durations, shares and counts and required minimums were a third of the false targets
    outside the Criminal Code; on the development plans no target outside the objectives parts
    is a cap or stands under "phải" (targets F1 unchanged).
    """
    low = ctx.low
    if _rx(r"^(?:tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng)(?!\w)", ctx.plain).match(_low(mb.core, ctx.plain)):
        # A rate printed as the subject is an aggregate indicator, the way plans write their
        # levels even as an order ("Tỷ lệ hồ sơ … phải đạt tối thiểu 80%", "Tỷ lệ nợ … không
        # quá 3%"); a rule's requirement bears on each case ("Điểm trung bình … phải đạt từ
        # 2,8 trở lên", "mỗi học phần phải có tối thiểu 02 giảng viên").
        return False
    aim = _aim(ctx, mb, sentence_start)
    # The modal must govern the value: be in its own member ("từng địa phương phải đăng ký chỉ
    # tiêu …, phấn đấu đạt 20% xã …" is a duty followed by a target, kh182).
    modal = ctx.rx(_MODAL_RULE).search(low, mb.start, mb.val.start)
    if aim and not modal:
        return False
    if modal and aim and ctx.rx(_HORIZON).search(low, sentence_start, mb.val.start):
        # "Đến năm 2025, các cơ sở … phải hoàn thành … đạt 99%": a level required by a dated
        # horizon is a strategy's target, a rule binds every case without a year (a national
        # mineral strategy, s16 held-out qd334)
        return False
    sense = COMPARATOR_SENSE.get(mb.comparator)
    rate = (mb.val.unit or "").startswith(("%", "‰")) or "/" in (mb.val.unit or "")
    if sense == "down" and not aim and not (rate and indicator_direction(mb.indicator) == "down"):
        # A cap on the rate of a bad thing may still be a plan's level ("tỷ lệ hộ nghèo dưới
        # 2%"); a cap on a term, an amount or a count is a rule's ("bị tạm đình chỉ … không
        # quá 06 tháng").
        return True
    return bool(modal)


def _quoted_commitment(ctx: _Ctx, mb: _Member) -> bool:
    """"… giảm thiểu phát thải theo cam kết của Việt Nam tại COP 26 về đạt mức phát thải ròng
    bằng 0 vào năm 2050" (kh556): outside the objectives, a figure after "theo cam kết / mục
    tiêu / quy định của (tại) …" is another body's target or rule that a task follows."""
    return bool(ctx.rx(r"(?<!\w)theo\s+(?:cam kết|mục tiêu|chỉ tiêu|quy định|yêu cầu)\s+(?:của|tại)(?!\w)"
                       ).search(ctx.low, mb.clause_start, mb.val.start))


def _enumerates(ctx: _Ctx, mb: _Member) -> bool:
    """"phối hợp với Ủy ban nhân dân 04 xã: Gia Thuận, Tân Điền, …" (kh556): a count that
    announces a list of named places or bodies says whom a task concerns, not a target."""
    return bool(mb.val.unit) and bool(re.match(r"\s*:\s*[A-ZĐÀ-Ỹ]\w*(?:\s+[A-ZĐÀ-Ỹ]\w*)*\s*,",
                                                ctx.text[mb.val.unit_end:mb.end + 40]))


def _above_is_bound(ctx: _Ctx, mb: _Member) -> bool:
    """"trên" before a number is a bound ("Trên 80% …", "đạt trên 40%", "tăng trên 3%") or a
    preposition ("Sản xuất các tin, bài … trên 04 loại hình báo chí", "đổi mới trên 4 ngành"):
    outside the objectives it bounds only at the start of its clause or after a verb of level
    or change. Measured on the development plans: 4 false targets of kh179 and kh556."""
    before = ctx.low[mb.clause_start:mb.val.start]
    m = ctx.rx(r"(?:^|(?<=[\s,:(]))trên\s*$").search(before)
    if not m:
        return True  # the bound is another cue ("khoảng trên", "cao hơn")
    if mb.val.unit in ("%", "‰"):
        # A share is no place or set of things a preposition could name: "phấn đấu tăng trưởng
        # cả nước năm 2025 trên 8%" (a 2025 telegram) bounds the growth rate.
        return True
    rest = before[:m.start()].rstrip(" ,:-–+•")
    if not _strip_start(_Ctx(rest, rest, ctx.plain), 0, len(rest), _LEAD_WORDS)[0] < len(rest):
        return True
    return bool(ctx.rx(r"(?<!\w)(?:đạt|có|là|chiếm|tăng|giảm|ở mức|bằng|với|lên|xuống|còn|"
                       r"đạt được|duy trì|khoảng)\s*$").search(rest))


# A lead-in that announces cases or conditions of a rule: "… thuộc một trong các trường hợp sau
# đây, thì bị phạt tù …:", "… khi có đủ các điều kiện sau đây:", "Hành vi bị nghiêm cấm:".
_CONDITION_LEAD_IN = re.compile(
    r"(?:(?<!\w)(?:trường hợp|điều kiện|tiêu chuẩn|hành vi|tình tiết)(?!\w)[^:]*(?:sau đây|sau|như sau)"
    r"(?:\s+mới\s+là[^:]*)?"
    r"|(?<!\w)(?:thì|nếu|khi)(?!\w)[^:]*(?:sau đây|sau|như sau)"
    r"|(?<!\w)(?:phạt|bị phạt|nghiêm cấm|cấm)(?!\w)[^:]*)\s*:\s*$", re.IGNORECASE)


def lists_conditions(lead_in: str) -> bool:
    """Whether an item's lead-in (the text of its parent item, ending with ":") announces the
    cases or conditions of a rule rather than targets: "Phạm tội thuộc một trong các trường hợp
    sau đây, thì bị phạt tù từ 02 năm đến 06 năm:", "… khi có đủ các điều kiện sau đây:".
    Measured on the ALQAC statute articles (``evaluation/target_precision.py``, development
    half): the points under such lead-ins ("a) Phạm tội 02 lần trở lên;", "b) Thu lợi bất chính
    500.000.000 đồng trở lên;") were the largest group of false targets; a plan's target list is
    announced by "chỉ tiêu", "phấn đấu", a horizon, never by cases of a rule."""
    text = lead_in.strip()
    plain = not has_diacritics(text)
    if _rx(r"(?<!\w)(?:chỉ tiêu|phấn đấu|mục tiêu)(?!\w)", plain).search(text):
        return False  # "Tăng cường xử phạt …, phấn đấu đạt các chỉ tiêu sau:" lists targets
    if not text.endswith(":"):
        # A lead-in printed with a full stop ("Phạm tội thuộc một trong các trường hợp sau đây,
        # thì bị phạt tù từ 05 năm đến 10 năm.", Criminal Code art. 296) still announces its
        # cases by name.
        return bool(_rx(r"(?<!\w)(?:trường hợp|điều kiện)\s+sau\s+đây(?!\w)", plain).search(text))
    rx = re.compile(_plain(_CONDITION_LEAD_IN.pattern), re.IGNORECASE) if plain else _CONDITION_LEAD_IN
    return bool(rx.search(text))


def _verb_direction(ctx: _Ctx, mb: _Member) -> str | None:
    """Fallback direction from the verb of the clause: "giảm … còn" → down, "tăng/nâng" → up."""
    span = ctx.low[mb.start:mb.val.start]
    if _rx(r"(?<!\w)(?:" + _alt(_CHANGE_DOWN) + r")(?!\w)", ctx.plain).search(span):
        return "down"
    if _rx(r"(?<!\w)(?:tăng|nâng)(?!\w)", ctx.plain).search(span):
        return "up"
    return None


__all__ = [
    "COMPARATORS",
    "lists_conditions",
    "COMPARATOR_SENSE",
    "RANGE_CONNECTIVES",
    "TRAILING_CUES",
    "find_targets",
    "heading_year",
    "indicator_direction",
    "is_rate",
    "parse_number",
]
