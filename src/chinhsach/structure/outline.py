"""Parse a document's structure: metadata, the outline tree, and search segments.

Vietnamese plans share one shape: a header block (issuer, number, place and date, the title),
a preamble, Roman parts ("I-", "II."), numbered items ("1.", "2.1."), lettered items ("a)"),
bullets ("- ", "+ "), topical paragraphs inside an item ("Về y tế: ..."), and a signature block
("Nơi nhận", "T/M BAN THƯỜNG VỤ", the signer's name). Section ids are the dotted form of the
document's own numbering (``III.6``, ``IV.2.1``); a topical part is ``III.6:ve-y-te``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from chinhsach.model import (
    Document,
    Paragraph,
    ParseWarning,
    PlanPart,
    Provenance,
    Section,
    Segment,
    SourceText,
    Table,
    TableRow,
)
from chinhsach.structure import metadata
from chinhsach.structure.tables import (
    annex_table_heading,
    appendix_heading,
    find_tables,
    lines_with_tables,
    place_table,
)
from chinhsach.text.bodies import FOLLOW_UP
from chinhsach.text.docnumber import title_type
from chinhsach.text.normalize import (
    ADDRESSEES_FOLDED,
    DIVISION_RE,
    OCR_ITEM_RE,
    OCR_POINT_RE,
    fold,
    footnote_anchors,
    footnote_number,
    paragraphs,
)
from chinhsach.text.numbers import int_to_roman, roman_to_int

# ---------------------------------------------------------------------------------------------
# Markers of the outline
# ---------------------------------------------------------------------------------------------

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_PART_RE = re.compile(
    rf"^(?:(?:PHẦN|Phần|CHƯƠNG|Chương)\s+(?P<word>{_ROMAN}|\d+)\b\s*[-.:–]?\s*"
    rf"|(?P<roman>{_ROMAN})\s*[-.–)]\s*)(?P<rest>.*)$"
)
# A chapter or section line of a law or decree ("Chương VII", "Mục 2. BẢO VỆ THÔNG TIN CÁ NHÂN").
_CHAPTER_LINE = re.compile(rf"^(?:CHƯƠNG|Chương|MỤC|Mục)\s+(?:{_ROMAN}|\d+)\b\s*[.:-]?(?P<rest>.*)$")
_SUBITEM_RE = re.compile(r"^(?P<num>\d+(?:\.\d+)+)\s*[.)]?\s+(?P<rest>\S.*)$")
_ITEM_RE = re.compile(
    r"^(?:(?:Mục|MỤC|Điều|ĐIỀU)\s+(?P<word>\d+)\s*[.:-]?\s*|(?P<num>\d+)\s*[.)]\s+"
    # "3.Bộ, cơ quan ngang bộ …": a clause whose space after the number was lost (the 2006 law
    # on information technology prints clauses 3-5 so); a capital after the point, so that a
    # decimal ("4.0") is not one.
    r"|(?P<num2>\d+)\.(?=[A-ZĐÀ-Ỹ])"
    # "1- Tăng cường …": the dash the Party's documents number with ("I-", "1-", "a-"), a
    # capital after it, so that a range ("5 - 7 ngày") is not one (tests/test_outline_survey.py).
    r"|(?P<num3>\d{1,2})-\s+(?=[A-ZĐÀ-Ỹ])"
    # "1/ Các Cục Thuế rà soát …": the slash many letters and notices number their points with
    # (a capital after it, so that a date broken after its day, "15/ 12", is not one).
    r"|(?P<num4>\d{1,2})/\s+(?=[A-ZĐÀ-Ỹ]))(?P<rest>\S.*)$"
)


def _item_digits(m: re.Match[str]) -> str:
    """The number of an :data:`_ITEM_RE` match as printed, whichever of its forms matched."""
    return m.group("word") or m.group("num") or m.group("num2") or m.group("num3") or m.group("num4")


# "a)" as the 2020 decree on drafting prints it, "a." as many offices still do, "a-" as the
# Party's documents do (a capital after the dash).
_LETTER_RE = re.compile(r"^(?P<letter>[a-zđ])(?:\s*\)\s*|\.\s+|-\s+(?=[A-ZĐÀ-Ỹ]))(?P<rest>\S.*)$")
# "A. KẾT QUẢ THỰC HIỆN NĂM 2024" / "B. KẾ HOẠCH NĂM 2025": capital letters over the Roman
# parts (or over the numbered items) of a yearly plan or a directive, a level above the parts
# (:func:`_has_letter_divisions`). "I" and later letters read as Roman numerals or names.
_LETTER_DIVISION = re.compile(r"^(?P<letter>[A-H])\s*[.\-–]\s+(?P<rest>[A-ZĐÀ-Ỹ].*)$")
# Bullets, and parenthesised numbers "(1)", "(2)" that list the members of an item (target
# lists of the real plans; GUIDELINES-real.md: they keep the id of the enclosing item).
_BULLET_RE = re.compile(r"^(?:[-–—+•*·]|\(\d{1,2}\))\s*(?P<rest>\S.*)$")
_TOPIC_RE = re.compile(r"^(?P<topic>Về\s[^:.;]{2,80}?)\s*:\s*(?P<rest>.*)$")
# "Nhiệm vụ 1: Hoàn thiện hạ tầng số", "Giải pháp thứ hai: Huy động nguồn lực": a plan or đề án
# that names its tasks by number on a line of their own (the session-12 survey,
# tests/test_leftovers_survey.py) titles the paragraphs under it as a topic does.
_TASK_LABEL = r"(?:Nhiệm vụ|NHIỆM VỤ|Giải pháp|GIẢI PHÁP)\s+(?:thứ\s+\w+|THỨ\s+\w+|\d{1,2}(?:\.\d{1,2})*)"
_TASK_LABEL_RE = re.compile(rf"^(?P<topic>{_TASK_LABEL})\s*[:.\-–]\s*(?P<rest>.*)$")
# A task label's title is short, ends in no full stop and holds no figure or charging word; other
# text after the label is the task (or target) itself ("Nhiệm vụ 3: Sở Nội vụ chủ trì đào tạo 500
# cán bộ"), kept as the topic's body.
_TASK_TITLE_WORDS = 15
_NOT_A_TITLE = re.compile(r"\d|\b(?:chủ trì|phối hợp|giao|chịu trách nhiệm|có trách nhiệm|đề nghị|tham mưu)\b",
                          re.IGNORECASE)

# "a) Nhiệm vụ: …", "b) Cơ quan thực hiện:", "c) Thời gian thực hiện: …" under a task item: the
# letters lay one task out as labelled fields (what, who, when), the columns of a duty table
# written as lines; they are no sub-items (fresh plan kh308 Hà Nội lays every task out so). The task
# label is dropped (its text, or the bullets below it, are the task); the other labels stay for
# the extractor's field reader (extract/duties.py, ``_fields``).
_FIELD_LETTER = re.compile(
    r"^[a-zđ]\s*\)\s*(?:(?P<task>(?:Nhiệm vụ|Nội dung)(?:\s+(?:thực hiện|công việc|nhiệm vụ))?)"
    r"|(?:(?:Cơ quan|Đơn vị)\s+(?:thực hiện|chủ trì|phối hợp)|Trách nhiệm thực hiện"
    r"|Thời (?:gian|hạn)(?:\s+(?:thực hiện|hoàn thành))?|Tiến độ(?:\s+thực hiện)?"
    r"|Kinh phí(?:\s+thực hiện)?|Sản phẩm|Kết quả(?:\s+(?:dự kiến|đầu ra))?))\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE)


def _field_letter(text: str) -> str | None:
    """The text of a lettered field line without its letter (and without a task label), or None
    when the line is no labelled field."""
    m = _FIELD_LETTER.match(text)
    if m is None:
        return None
    return m.group("rest").strip() if m.group("task") else text[text.index(")") + 1 :].strip()


_SIGN_TITLE_RE = re.compile(rf"^{metadata.SIGN_TITLE}\s*", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])")
_ABBREV_END_RE = re.compile(r"(?:\b(?:TP|Tp|St|Th\.S|ThS|TS|PGS|GS|BS|Ths|v\.v|Q)\.|\b[A-ZĐ]\.)$")

# Segments longer than this many words are split at sentence boundaries (the embedding model
# reads at most 512 tokens; about 1.6 tokens a Vietnamese syllable leaves a wide margin).
MAX_SEGMENT_WORDS = 160
# A single sentence longer than this is split at clause boundaries, never truncated.
MAX_SENTENCE_WORDS = 260
MAX_SEGMENT_CHARS = 1600
MAX_RUN_CHARS = 400
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")


def slugify(text: str) -> str:
    """An ASCII id from Vietnamese text: "Về nước sạch" → "ve-nuoc-sach"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; a dot after an abbreviation or inside a number does not end one."""
    pieces: list[str] = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(text):
        head = text[start : m.start()].rstrip()
        if _ABBREV_END_RE.search(head):
            continue
        pieces.append(text[start : m.start()].strip())
        start = m.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def _split_long_sentence(sentence: str, max_words: int) -> list[str]:
    """Cut an over-long sentence at ``;`` then ``,`` boundaries into parts under the limit."""
    words = sentence.split()
    if len(words) <= max_words:
        return [sentence]
    for sep in (";", ","):
        clauses = [c.strip() for c in re.split(rf"(?<={sep})\s+", sentence) if c.strip()]
        if len(clauses) > 1:
            return _pack(clauses, max_words, lambda c: _split_long_sentence(c, max_words))
    # No clause boundary at all: cut on words (still no character is dropped).
    return [" ".join(words[i : i + max_words]) for i in range(0, len(words), max_words)]


def _pack(units: list[str], max_words: int, split_unit) -> list[str]:
    """Greedily pack consecutive units into chunks of at most ``max_words`` words."""
    chunks: list[str] = []
    current: list[str] = []
    count = 0
    for unit in units:
        n = len(unit.split())
        if n > max_words:
            if current:
                chunks.append(" ".join(current))
                current, count = [], 0
            chunks.extend(split_unit(unit))
            continue
        if current and count + n > max_words:
            chunks.append(" ".join(current))
            current, count = [], 0
        current.append(unit)
        count += n
    if current:
        chunks.append(" ".join(current))
    return chunks


def split_segment_text(text: str, max_words: int = MAX_SEGMENT_WORDS) -> list[str]:
    """Split a long paragraph at sentence boundaries into parts of about ``max_words`` words.

    A part is also kept under ``MAX_SEGMENT_CHARS`` characters: a run without spaces (a table
    flattened to one line, a URL list) would otherwise pass the word limit and exceed the model's
    512 tokens.
    """
    if len(text.split()) <= max_words and len(text) <= MAX_SEGMENT_CHARS and not _LONG_RUN.search(text):
        return [text]
    parts = _pack(
        split_sentences(text), max_words, lambda s: _split_long_sentence(s, MAX_SENTENCE_WORDS)
    )
    out: list[str] = []
    for part in parts:
        while True:
            run = _LONG_RUN.search(part, 0, MAX_SEGMENT_CHARS + 1)
            if run is not None:
                cut = run.start() if run.start() > 0 else MAX_RUN_CHARS
            elif len(part) > MAX_SEGMENT_CHARS:
                cut = part.rfind(" ", 0, MAX_SEGMENT_CHARS)
                cut = cut if cut > MAX_SEGMENT_CHARS // 2 else MAX_SEGMENT_CHARS
            else:
                break
            out.append(part[:cut].strip())
            part = part[cut:].strip()
        if part:
            out.append(part)
    return out


# ---------------------------------------------------------------------------------------------
# Outline
# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# Plan parts: the one place that decides which part of a plan a section is
# ---------------------------------------------------------------------------------------------

# Cue words of each part, on folded headings. When a heading names several ("NHIỆM VỤ, GIẢI
# PHÁP, PHÂN CÔNG TRÁCH NHIỆM"), the first one printed decides: it is what the part is about.
_PART_CUES: tuple[tuple[PlanPart, re.Pattern[str]], ...] = (
    # The results a đề án or plan expects ("Dự kiến kết quả đạt được", "Kết quả dự kiến", "Kết quả
    # đầu ra", "Sản phẩm đầu ra") are its targets, not the past that "Kết quả đạt được" reports:
    # first in this tuple, so that it wins the tie with the situation cue at the same place
    # (the session-12 survey, tests/test_leftovers_survey.py).
    ("objectives", re.compile(r"\b(?:du kien (?:cac )?(?:ket qua|san pham)|ket qua (?:du kien|can dat|dau ra|mong doi)|"
                              r"san pham dau ra)\b")),
    # A forecast or estimate ("Dự báo các chỉ tiêu kinh tế vĩ mô", "Dự toán thu ngân sách", "Dự
    # kiến nguồn thu", "Ước thực hiện"): the assumptions a budget plan is built on, not levels it
    # sets out to reach, read as a situation part (GUIDELINES-real.md [decided, s13 adj]: forecasts
    # are not targets; raised by the three-year budget plan kh0204). Only a heading that opens with
    # it: "Dự báo, cảnh báo thiên tai" is a task, "Dự toán kinh phí" the plan's own spending, and
    # "Dự kiến kết quả" the results it aims at (the objectives cue above).
    ("situation", re.compile(r"^(?:du bao(?! (?:va )?canh bao)|uoc (?:tinh|thuc hien)|du toan(?! kinh phi)|"
                             r"du kien (?:cac )?(?:nguon thu|nguon von|thu|chi|can doi|tong (?:thu|chi)))\b")),
    # The grounds of a plan ("Sự cần thiết", "Căn cứ xây dựng", "Cơ sở pháp lý", "Hiện trạng")
    # describe the present and restate other documents' targets: no targets of the plan.
    # A submission's account of how its draft was made ("III. QUÁ TRÌNH XÂY DỰNG DỰ THẢO NGHỊ
    # QUYẾT": who was consulted, who appraised it) reports the past as well.
    ("situation", re.compile(r"\b(?:tinh hinh|ket qua(?: dat duoc| thuc hien| trien khai)?|danh gia|"
                             r"thuc trang|boi canh|so ket|tong ket|hien trang|su can thiet|"
                             r"can cu (?:xay dung|ban hanh|phap ly|lap)|^can cu$|co so (?:phap ly|xay dung)|"
                             r"qua trinh (?:xay dung|soan thao))\b")),
    # The appraisal that follows a plan's results (shortcomings, difficulties, causes, lessons,
    # achievements: the yearly plans of Tuyên Quang 2025, Hải Dương 2023, the education plan of
    # Ninh Thuận 2012) reports the past too; only a heading made of these words alone, since
    # "Hạn chế rác thải nhựa", "Tháo gỡ khó khăn …" name tasks.
    ("situation", re.compile(r"^(?:(?:nhung|mot so|cac|va|chu yeu|ton tai|han che|yeu kem|kho khan|vuong mac|"
                             r"nguyen nhan|bai hoc kinh nghiem|thuan loi|thanh tuu|thach thuc)(?: |$))+$")),
    ("objectives", re.compile(r"\b(?:muc dich|yeu cau|muc tieu|chi tieu|tam nhin|quan diem)\b")),
    ("organisation", re.compile(r"\b(?:to chuc thuc hien|phan cong|trach nhiem|che do bao cao|"
                                r"dieu khoan thi hanh)\b")),
    # A submission's outline of its draft ("IV. BỐ CỤC VÀ NỘI DUNG CƠ BẢN CỦA DỰ THẢO NGHỊ
    # QUYẾT": how many articles, what each provides) and a report's proposals to the bodies above
    # ("KIẾN NGHỊ, ĐỀ XUẤT") describe and ask; they set no tasks of the issuer's. Listed before
    # the task cues: "nội dung" would otherwise claim the draft's outline.
    ("other", re.compile(r"\b(?:bo cuc|noi dung co ban|noi dung(?: \w+){0,2} (?:cua )?du thao)\b|^(?:kien nghi|de xuat)\b")),
    # A report's programme for the next period ("MỘT SỐ CÔNG TÁC TRỌNG TÂM THÁNG 1-2018",
    # "Chương trình công tác năm 2018": the scans KOZ_2268, fTo_2287; "PHƯƠNG HƯỚNG NĂM 2026" of
    # the yearly reports, survey of session 12) sets tasks too.
    # A roadmap part ("CÁC GIAI ĐOẠN THỰC HIỆN", "LỘ TRÌNH TRIỂN KHAI", "PHÂN KỲ THỰC HIỆN") lists
    # the work of each phase under the phase's period: tasks (s15 dev nq175 D1.VII, read "other").
    ("tasks", re.compile(r"\b(?:nhiem vu|giai phap|noi dung|hoat dong|chuong trinh hanh dong|"
                        r"cong tac trong tam|chuong trinh cong tac|phuong huong|"
                        # "II. Một số công việc tiếp tục triển khai thực hiện trong năm 2019" (a
                        # minister's conclusions, s17 dev tb393).
                        r"(?:mot so|cac) cong viec)\b"
                        r"|^(?:cac )?(?:giai doan|lo trinh|phan ky) (?:thuc hien|trien khai)$"
                        # "IV. HÌNH THỨC KIỂM TRA, GIÁM SÁT" over "1. Giám sát trực tiếp …", "3. Tổ
                        # chức Đoàn kiểm tra …", "III. HÌNH THỨC, THỜI GIAN TUYÊN TRUYỀN" over
                        # "Tuyên truyền …" bullets: the forms the work takes are what is to be done
                        # (GUIDELINES-real.md [decided, adjud]: parts are tasks by what their items
                        # do; the golds of s17 dev kh-mttq-2025-baccamranh IV, spent s17 held-out
                        # kh01-tbttkt-2025 III and s18 dev kh-mttq-2025-luongminh IV read them so).
                        # Not the form of an award or a sanction.
                        r"|^hinh thuc(?! (?:khen thuong|xu ly|ky luat|to chuc thi dua))\b")),
    ("other", re.compile(r"\b(?:kinh phi|nguon (?:von|luc tai chinh)|pham vi|doi tuong|thoi gian|"
                         r"khen thuong|dieu khoan)\b")),
)
# A top-level part named by an action ("PHÁT TRIỂN NỀN MÓNG KINH TẾ SỐ", "ĐẨY MẠNH …") sets
# tasks: the real plans (kh144, kh179) group their sector tasks under such parts.
_ACTION_HEADING = re.compile(
    r"^(?:phat trien|day manh|tang cuong|nang cao|xay dung|hoan thien|thuc hien|trien khai|doi moi|"
    r"cai cach|ung dung|chuyen doi|thuc day|bao dam|dam bao|cung co|kien toan)\b")
# A part that opens with oversight ("KIỂM TRA, GIÁM SÁT, ĐÁNH GIÁ", "THEO DÕI, ĐÁNH GIÁ VÀ BÁO
# CÁO") charges bodies with checking the plan's execution: part of carrying it out, not the
# appraisal of a past its "đánh giá" would make it (tests/test_outline_survey.py).
_OVERSIGHT_PART = re.compile(r"^(?:kiem tra|giam sat|theo doi)\b")
# A sub-section heading decides its own part only when it is a short title ("1. Mục tiêu cụ
# thể", "2. Kết quả đạt được"); a longer one is the first clause of an item's content
# ("a) Tổ chức thực hiện tốt phong trào …") and inherits.
_MAX_TITLE_WORDS = 6
_HORIZON = re.compile(r"\b(?:(?:den|toi)\s+(?:het\s+)?nam|giai doan|nam)\s+(?:19|20)\d\d"
                      r"(?:\s+(?:19|20)\d\d)?\b")


# "1. Các nhiệm vụ đã triển khai", "Những công việc đã thực hiện" in a report's results: the tasks
# named are done; what is told under them is the past (survey of session 12).
# A report's part on the next period named without a task cue: "Phần thứ hai: KẾ HOẠCH PHÁT TRIỂN
# KINH TẾ - XÃ HỘI NĂM 2026" (the yearly report that a council's resolution cites as "Báo cáo … về
# tình hình kinh tế - xã hội năm 2011 và kế hoạch phát triển kinh tế - xã hội năm 2012", Tiền Giang
# 11/2011/NQ-HĐND), "DỰ KIẾN …", "ĐỊNH HƯỚNG … THỜI GIAN TỚI" (survey of session 12).
_LOOKS_AHEAD = re.compile(r"\b(?:ke hoach|du kien|dinh huong|thoi gian toi|nam toi)\b")
_DONE = re.compile(r"\bda (?:duoc )?(?:trien khai|thuc hien|hoan thanh|lam|dat|to chuc)\b")


_FORWARD = re.compile(r"^phuong huong\b")
_REVIEW_EVENT = re.compile(r"^(?:so ket|tong ket)\b")
_RULE_ARTICLE = re.compile(r"^(?:yeu cau|muc dich)\b")
# A decision's article that constitutes a body ("Điều 1. Kiện toàn Ban Chỉ đạo …, gồm các thành
# viên sau:") is the decision's own act over a roster of members, no task of the plan's kind.
CONSTITUTES = re.compile(r"^(?:kien toan|cung co|thanh lap)\b")
# "Điều 2. Tổ công tác có nhiệm vụ:", "Điều 2. Ban Chỉ đạo có các nhiệm vụ, quyền hạn sau:": the
# article lists the tasks of the body it names.
_HAS_TASKS = re.compile(r"^[^,;:]{0,60}?\bco (?:cac )?(?:nhiem vu|trach nhiem)\b")


def _folded_heading(heading: str) -> str:
    """A heading folded, its punctuation made spaces and its words single-spaced: the text the
    part cues (:data:`_PART_CUES`) are matched on."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold(heading)).split())


def _cue_part(folded: str, anchored: bool) -> PlanPart | None:
    best: tuple[int, PlanPart] | None = None
    for part, pattern in _PART_CUES:
        m = pattern.search(folded)
        if m and (not anchored or m.start() == 0) and (best is None or m.start() < best[0]):
            best = (m.start(), part)
    return best[1] if best else None


def plan_part(heading: str, kind: str, parent_part: PlanPart | None, title: bool = False,
              report: bool = False) -> PlanPart:
    """Which part of a plan a section with this heading is (:data:`chinhsach.model.PlanPart`).

    A top-level Roman part is classified by the first cue word its heading prints, anywhere in
    it ("I. MỤC ĐÍCH, YÊU CẦU" → objectives, "IV. PHÂN CÔNG NHIỆM VỤ" → organisation, "II. NỘI
    DUNG THỰC HIỆN" → tasks, "I. TÌNH HÌNH …" → situation); one named by an action verb is tasks.
    Any other section inherits its parent's part unless its heading is a short title that
    starts with a cue ("1. Mục tiêu", "2. Kết quả đạt được"). An article's heading (``title``:
    "Điều 38. Trách nhiệm của Bộ Thông tin và Truyền thông") is a title whatever its length: a
    law prints its articles' names apart from their clauses, so the cue it opens with decides
    (the fresh laws: "Trách nhiệm quản lý nhà nước về an toàn thông tin mạng", 8 words, was read
    as a clause and its article's duties were lost).

    A report (``report``: a Báo cáo) recounts a period: a section that opens it with no cue of
    its own ("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH NĂM 2025", "1. Về kinh tế") is its results, and only
    the parts that look ahead ("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", "MỤC TIÊU …", "KIẾN NGHỊ") set
    targets or charge anyone; the action verbs that name a plan's task parts ("TRIỂN KHAI …",
    "THỰC HIỆN …") name what was done. Seen in the yearly and half-year reports of provinces,
    districts and communes read in session 12 (tests/test_doc_types_survey.py).
    """
    folded = re.sub(r"^(?:cac|ve)\s+", "", _folded_heading(heading))
    if kind == "part":
        # A Roman part under a division ("B. KẾ HOẠCH NĂM 2025" / "III. NHIỆM VỤ, GIẢI PHÁP
        # TRỌNG TÂM NĂM 2025") is read as a top-level part is; one with no cue of its own takes
        # its division's.
        found = "organisation" if _OVERSIGHT_PART.match(folded) else _cue_part(folded, anchored=False)
        if found is None and (_LOOKS_AHEAD.search(folded) if report else _ACTION_HEADING.match(folded)):
            found = "tasks"
        return found or parent_part or ("situation" if report else "other")
    if report and parent_part == "situation":
        # "1. Các chỉ tiêu chủ yếu", "2. Nhiệm vụ trọng tâm" under a report's results tell how
        # the targets and tasks of the period went.
        return "situation"
    if kind == "appendix":
        # "Phụ lục 1: NHIỆM VỤ CỤ THỂ GIAO CÁC BỘ, CƠ QUAN, ĐỊA PHƯƠNG": an appendix whose title
        # opens with a task cue holds tasks (s14 dev nq122: one numbered item per ministry).
        title = re.sub(r"^phu luc(?: \w+)?\s*", "", folded)
        if _cue_part(title, anchored=True) == "tasks":
            return "tasks"
    if parent_part == "situation" and _FORWARD.match(folded):
        # "3. Phương hướng, nhiệm vụ, giải pháp trọng tâm tháng 5 và thời gian tới" inside "II.
        # Về tình hình kinh tế - xã hội …": the programme of the coming months, however long its
        # title (or run into its first sentence by the wrap joiner): a Government resolution of
        # a monthly session charges all its general tasks there (s14 dev nq122 II.3, 15 duties).
        return "tasks"
    if kind == "topic" and parent_part is not None and re.match(rf"{_TASK_LABEL}(?!\w)", heading):
        return parent_part  # "Nhiệm vụ 1: …" numbers the items of the part it stands in
    # The horizon ("Chỉ tiêu chủ yếu đến năm 2030", kh182) does not make a title a clause.
    bare = _HORIZON.sub(" ", folded)
    # An article's title opens its heading even when the wrap joiner ran its first sentence on
    # ("Điều 3. Nhiệm vụ và quyền hạn của Đoàn kiểm tra" ⏎ "Đoàn kiểm tra thực hiện …", cut with
    # "…": s15 dev qd1050, whose eight tasks of the team were no duties).
    short = title or (len(bare.split()) <= _MAX_TITLE_WORDS and not heading.rstrip().endswith("…"))
    found = _cue_part(folded, anchored=True) if short else None
    if found == "tasks" and _DONE.search(folded):
        found = "situation"
    if found == "situation" and parent_part == "tasks" and not report and _REVIEW_EVENT.match(folded):
        # "7.1 Tổng kết công tác bầu cử" over its fields ("- Thời gian hoàn thành: Tháng 4/2026",
        # "- Đơn vị chủ trì: …") inside a plan's task part: holding the review is the task, not
        # an account of the past (s17 dev kh16-mttq II.7.1, its duty lost).
        found = "tasks"
    if found == "objectives" and title and _RULE_ARTICLE.match(folded):
        # A statute's article of requirements or purposes ("Điều 8. Yêu cầu về an toàn dầu
        # khí", "Điều 50. Mục đích chi ngân sách nhà nước cho khoa học và công nghệ") states
        # rules and uses of money, not a plan's objectives: 5 of the 7 false targets left on
        # the laws' development half (evaluation/target_precision.py --round2); an article
        # titled "Mục tiêu" / "Chỉ tiêu" (a decision approving a programme) keeps objectives.
        found = None
    if found is not None:
        return found
    if title and parent_part is None:
        if CONSTITUTES.match(folded):
            return "other"
        if _HAS_TASKS.match(folded):
            return "tasks"
    if parent_part is not None:
        return parent_part
    if report:
        return "tasks" if _LOOKS_AHEAD.search(folded) else "situation"
    return "tasks" if _ACTION_HEADING.match(folded) else "other"


def _announced_tasks(parent: str, heading: str) -> bool:
    """Whether ``heading`` opens with the task cue its parent's heading names after another one:
    "III. DỰ BÁO NHỮNG TÁC ĐỘNG … VÀ CÁC GIẢI PHÁP TỔ CHỨC THỰC HIỆN" over "1. Dự báo …" and "2.
    Các giải pháp tổ chức thực hiện kế hoạch tài chính …" (s13 kh0204/KH-UBND 2025, a three-year
    budget plan): the part is both, the forecast cue first; its second sub-section is the tasks
    the parent announced, however long its title (before, its 12 measures were a situation)."""
    def folded(text: str) -> str:
        return re.sub(r"^(?:cac|nhung)\s+", "", _folded_heading(text))

    child = folded(heading)
    if _DONE.search(child) or _cue_part(child, anchored=True) != "tasks":
        return False
    tasks = next(p for part, p in _PART_CUES if part == "tasks")
    return tasks.search(folded(parent)) is not None


# "Kế hoạch, nhiệm vụ công tác tháng 10": the plan word before the task cue names the same part.
_PLAN_WORD = re.compile(r"^ke hoach (?:va )?(?=nhiem vu|cong tac|giai phap|chuong trinh)")


def _arabic_parts(sections: list[Section]) -> dict[str, PlanPart]:
    """The parts of a document numbered "1.", "2." at the top, when they pair an account with a
    programme: "1. Đánh giá tình hình thực hiện nhiệm vụ … tháng 9 và 9 tháng đầu năm 2024:",
    then "2. Kế hoạch, nhiệm vụ công tác trọng tâm tháng 10 và quý IV năm 2024" (a meeting's
    conclusions, s17 held-out tb990). Their titles are long (periods, programme names), so
    :func:`plan_part` reads them as the first clause of an item and they fell to "other", the
    charges of the second lost; a top item that opens with the situation cue followed by one
    that opens with a task cue shows the two parts, and then each top item's opening cue
    decides. {} when the pair is not there (a directive's "1. Đánh giá, rà soát …" stays)."""
    top = [s for s in sections if s.parent is None and s.kind == "item"]
    cues = [(s, _cue_part(_PLAN_WORD.sub("", _folded_heading(s.heading)), anchored=True)) for s in top]
    first_tasks = next((k for k, (_, cue) in enumerate(cues) if cue == "tasks"), None)
    if first_tasks is None or not any(cue == "situation" for _, cue in cues[:first_tasks]):
        return {}
    return {s.id: cue for s, cue in cues if cue in ("situation", "tasks", "organisation")}


def assign_parts(sections: list[Section], doc_type: str | None = None) -> None:
    """Set ``part`` on every section, parents first (sections are in document order);
    ``doc_type`` is the document's type (a report's parts are read as :func:`plan_part` says)."""
    done: dict[str, Section] = {}  # the sections whose part is set, by id
    report = doc_type == "Báo cáo"
    arabic = _arabic_parts(sections)
    for s in sections:
        # A Roman part inside a decision's article (D1.II) is classified as a plan's top-level
        # part: the article that hosts it is the approving act, not a part of the plan.
        hosted = s.kind == "part" and s.parent is not None and _is_article(s.parent)
        parent = done.get(s.parent) if s.parent else None
        s.part = arabic.get(s.id) or plan_part(
            s.heading, s.kind, parent.part if parent is not None and not hosted else None,
            title=_is_article(s.id), report=report)
        if s.part == "situation" and parent is not None and _announced_tasks(parent.heading, s.heading):
            s.part = "tasks"
        done[s.id] = s


# "Điều 3. Ban Thường trực …, các bộ phận … và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi
# hành Quyết định này" with its full stop left off (s18 dev qd-mttq-2026-luongminh-totiepcongdan):
# the executing charge is a sentence, never a title ("Điều 5. Trách nhiệm thi hành" has no "chịu");
# read as the article's title it charged nobody.
_EXECUTES = re.compile(r"\b(?:chiu|co) trach nhiem (?:to chuc )?thi hanh\b")


def _heading_and_body(rest: str) -> tuple[str, str | None]:
    """Split a marker line into its heading and, when it carries content, the content.

    "Mục đích" is a heading only; "Chủ trì, phối hợp ... theo quy định." is content whose first
    clause serves as heading.
    """
    rest = rest.strip()
    words = rest.split()
    ends_sentence = rest.endswith((".", ";", "./.", ":")) and not rest.endswith("...")
    if len(words) <= 45 and not ends_sentence and not _EXECUTES.search(fold(rest)):
        return rest, None
    first = re.split(r"[;:.]\s", rest, maxsplit=1)[0]
    head_words = first.split()
    heading = " ".join(head_words[:12]) + (" …" if len(head_words) > 12 else "")
    return heading.rstrip(" ,;:"), rest


@dataclass
class _OutlineState:
    doc_id: str
    sections: list[Section] = field(default_factory=list)
    part: Section | None = None
    # "Phần I" / "Phần II" over Roman parts of their own (a report's results, then its programme):
    # a level above the parts, on when the document prints both (:func:`_has_divisions`).
    division: Section | None = None
    divisions: bool = False
    # "A.", "B." over the parts (:func:`_has_letter_divisions`).
    letter_divisions: bool = False
    last_division_no: int = 0
    item: Section | None = None
    subitem: Section | None = None
    letter: Section | None = None
    topic: Section | None = None
    last_item_no: int = 0
    # The previous part's last item: a list of chỉ tiêu numbered through its groups (a district's
    # list for 2020-2025: the second group's first item follows the first group's last) goes on.
    carried_item_no: int = 0
    last_part_no: int = 0
    # An attached document's sections carry its prefix ("KH." → KH.II.1); decision articles
    # (Điều 1 → D1) are numbered through the whole document, across chapters.
    id_prefix: str = ""
    last_article_no: int = 0
    # A decision's article that prints the approved document's Roman parts inside it ("Điều 1.
    # Phê duyệt Chương trình … như sau:" over "I. MỤC TIÊU", "II. NHIỆM VỤ"): those parts are
    # the article's (D1.I, D1.II.2), and the next article closes them; the part and its number
    # that were open before the article come back then.
    host: Section | None = None
    outer: tuple[Section | None, int] = (None, 0)
    # Sections whose heading is the opening words of their own text, not a title.
    derived: set[str] = field(default_factory=set)
    # OCR'd clauses that may follow a gap in the numbering (:func:`_ocr_numbered_runs`).
    ocr_runs: set[int] = field(default_factory=set)
    # Paragraphs "N." that a "N+1." follows within five, OCR'd or not: an item may follow a
    # number skipped in print ("3." then "5. Các Phó Chủ tịch …", "6. …": s17 dev kh16-mttq III,
    # whose items 5-8 stayed on item 3).
    runs: set[int] = field(default_factory=set)
    # The paragraph "1- TITLE" that is the part "I-" (:func:`_roman_one_misread`).
    roman_one: set[int] = field(default_factory=set)
    # Part lines whose printed number the sequence corrects (:func:`_sequence_part_numbers`).
    part_numbers: dict[int, int] = field(default_factory=dict)
    # OCR'd "N)" lines that are a point, not the item N (:func:`_misread_points`).
    misread_points: set[int] = field(default_factory=set)

    def innermost_numbered(self) -> Section | None:
        return self.letter or self.subitem or self.item or self.part or self.division

    def container(self) -> Section | None:
        """The part (or division) that a new item belongs to."""
        return self.part or self.division

    def add(self, section: Section) -> Section:
        existing = {s.id for s in self.sections}
        if section.id in existing:
            # Repeated numbering (a restarted list): keep ids unique and stable.
            n = 2
            while f"{section.id}~{n}" in existing:
                n += 1
            section.id = f"{section.id}~{n}"
        self.sections.append(section)
        return section

    def path(self) -> list[str]:
        nodes = [self.division, self.part, self.item, self.subitem, self.letter, self.topic]
        return [n.heading for n in nodes if n is not None]

    def context(self) -> str:
        """The innermost heading that is a title (see ``Segment.context``)."""
        for node in (self.topic, self.letter, self.subitem, self.item, self.part, self.division):
            if node is not None and node.id not in self.derived:
                return node.heading
        return ""


def _prefix(state: _OutlineState) -> str:
    container = state.container()
    return f"{container.id}." if container else state.id_prefix


# The ordinal words of "PHẦN THỨ HAI" (folded).
_ORDINALS = {"nhat": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6}
_ROMAN_LINE = re.compile(r"^[IVX]+\s*[-.–)]\s*\S")


def _division_number(text: str) -> tuple[int, str] | None:
    """(number, title) of a division line ("Phần II MỘT SỐ CÔNG TÁC …"), else None ("Phần vốn góp
    …" opens a clause)."""
    m = DIVISION_RE.match(text)
    if not m:
        return None
    raw = m.group("num")
    if raw is not None:
        if not raw.isdigit() and not re.fullmatch(_ROMAN, raw):
            return None
        n = int(raw) if raw.isdigit() else roman_to_int(raw)
    else:
        n = _ORDINALS.get(fold(m.group("word") or m.group("cardinal")), 0)
    return (n, m.group("rest").strip()) if n > 0 else None


_ONE_MISREAD = re.compile(r"^[Il|]\s*([.)])\s+(?=\S)")
_NUMBERED = re.compile(r"^(?:(?P<arabic>\d{1,2})|(?P<roman>[IVX]+))\s*[.),\-–]\s")


def _repair_ocr_item_one(paras: list[Paragraph]) -> None:
    """OCR reads an item's "1." as "I." or "l." (KOZ_2268: "I. Tham mưu Tỉnh ủy …" then "2. Tiếp
    tục …"): on an OCR'd paragraph, such a first item is "1." when the next numbered line is
    "2." (not "II."), within the next 30 paragraphs."""
    for i, p in enumerate(paras):
        if p.prov.ocr_confidence is None or not (m := _ONE_MISREAD.match(p.text)):
            continue
        for q in paras[i + 1 : i + 31]:
            n = _NUMBERED.match(q.text)
            if n is None:
                continue
            if n.group("arabic") == "2":
                p.text = f"1{m.group(1)} " + p.text[m.end():]
            break


_LOST_MARKER = re.compile(r"^[.,]\s+(?=[A-ZĐÀ-Ỹ][^\W\d_]*[a-zđà-ỹ])")


def _repair_ocr_lost_marker(paras: list[Paragraph]) -> None:
    """OCR drops a faint number and keeps its dot (". Để thúc đẩy …" for "2. Để thúc đẩy …", s17
    dev tb330; ". Phổ biến, quán triệt …" for "I." before "1.", "2.", "II.", s17 dev cv370): on
    an OCR'd paragraph, such a marker is the number after the last Arabic item printed before
    it; with none, "I." when a part "II." follows and no "I." was printed. Unrepaired, tb330's
    ten lettered points fell under item 1 and cv370's first part had no id."""
    for i, p in enumerate(paras):
        if p.prov.ocr_confidence is None or not (m := _LOST_MARKER.match(p.text)):
            continue
        before = [n for q in paras[max(0, i - 60):i] if (n := _NUMBERED.match(q.text))]
        romans = [n.group("roman") for n in before if n.group("roman")]
        arabic = next((int(n.group("arabic")) for n in reversed(before) if n.group("arabic")), None)
        if arabic is not None and not romans:
            p.text = f"{arabic + 1}. " + p.text[m.end():]
            continue
        after = [n.group("roman") for q in paras[i + 1 : i + 60] if (n := _NUMBERED.match(q.text))
                 and n.group("roman")]
        if not romans and after[:1] == ["II"]:
            p.text = "I. " + p.text[m.end():]


def _ocr_numbered_runs(paras: list[Paragraph], scanned: bool = True) -> set[int]:
    """``id()`` of the OCR'd paragraphs "N." (N ≥ 2) whose next numbered paragraph, within five,
    is "N+1.": a clause after lines OCR lost or misread the numbers of. HzW_18's last article
    reads "3.", "3.", "Ả,", "3." for its clauses 2-5, loses 6 and 7 in a smudge, then prints
    "8.", "9.", "10." clearly; without a gap allowed, all ten stayed on the article. A run of two
    tells a clause from a stray number (a page number, a figure at a line's start).

    ``scanned=False``: any paragraph, for a number the drafter skipped (:data:`_OutlineState.runs`)."""
    out: set[int] = set()
    for i, p in enumerate(paras):
        if (scanned and p.prov.ocr_confidence is None) or not (m := _NUMBERED.match(p.text)) \
                or not m.group("arabic"):
            continue
        number = int(m.group("arabic"))
        for q in paras[i + 1 : i + 6]:
            if (n := _NUMBERED.match(q.text)) is None:
                continue
            if number >= 2 and n.group("arabic") and int(n.group("arabic")) == number + 1:
                out.add(id(p))
            break
    return out


_PAREN_ITEM = re.compile(r"^(?P<n>\d{1,2})\)\s+\S")


def _misread_points(paras: list[Paragraph]) -> set[int]:
    """``id()`` of the OCR'd paragraphs "N) …" whose item "N." still follows (within 30
    paragraphs): the point "a)" misread ("8)" under the unit heading "7. Các tỉnh ủy …" of the
    s15 dev Politburo programme, then "8. Ban …"); read as item 8, it took the next unit's
    heading and left that unit's points on the wrong item. :func:`_ocr_point` reads its letter."""
    out: set[int] = set()
    for i, p in enumerate(paras):
        if p.prov.ocr_confidence is None or not (m := _PAREN_ITEM.match(p.text)):
            continue
        if any(q.text.startswith(f"{m.group('n')}. ") for q in paras[i + 1 : i + 31]):
            out.add(id(p))
    return out


# "1- MỤC ĐÍCH, YÊU CẦU": OCR reads the Roman "I" of the first part as the digit one.
_DIGIT_ONE_PART = re.compile(r"^[1l]\s*[-.–]\s*(?P<rest>\S.*)$")
_PART_TWO = re.compile(r"^(?:II|Il|lI|H)\s*[-.–]\s*(?P<rest>\S.*)$")


def _roman_one_misread(paras: list[Paragraph]) -> set[int]:
    """``id()`` of the paragraph "1- TITLE IN CAPITALS" that stands for the part "I-": the first
    numbered line of the text, a short title in capitals, and a part "II" in capitals follows
    before any "2. TITLE IN CAPITALS" does. The s15 dev Politburo programme's scan reads "1- MỤC ĐÍCH …" so;
    taken as item 1, its parts I-III became items 1-9 and the unit-headed duties 9.1.a …"""
    for i, p in enumerate(paras):
        part = _PART_RE.match(p.text)
        if _NUMBERED.match(p.text) or (part is not None and part.group("roman")):
            m = _DIGIT_ONE_PART.match(p.text)
            if m is None or not metadata.is_caps(m.group("rest")) or len(m.group("rest").split()) > 12:
                return set()
            for q in paras[i + 1 :]:
                if (two := _PART_TWO.match(q.text)) is not None and metadata.is_caps(two.group("rest")):
                    return {id(p)}
                if (n := _NUMBERED.match(q.text)) is not None and n.group("arabic") == "2" and metadata.is_caps(
                        q.text[n.end():]):
                    return set()  # "1. MỤC ĐÍCH" … "2. NHIỆM VỤ": items are the top level
            return set()
    return set()


def _sequence_part_numbers(paras: list[Paragraph]) -> dict[int, int]:
    """``id()`` → number of the Roman part lines whose printed number the sequence corrects.

    "I- BỐI CẢNH" "I- QUAN ĐIỂM" "II- NHIỆM VỤ" "IV- TỔ CHỨC THỰC HIỆN" (the s16 held-out kl75, a
    Party conclusion's scan): a number printed twice and, further on, one skipped prove that the
    parts between them are one higher than printed (I, II, III, IV; GUIDELINES-real.md [decided,
    s15 fixS]: a misread marker takes the id the sequence proves). A repeat with no skip after it
    ("IV." "IV." "V.", kh153) keeps its printed number and its "~2" id.
    """
    found: list[tuple[int, int]] = []
    for p in paras:
        m = _PART_RE.match(p.text)
        if m and m.group("roman") and metadata.is_caps(m.group("rest")) and len(m.group("rest").split()) <= 12:
            found.append((id(p), roman_to_int(m.group("roman"))))
    for k in range(1, len(found)):
        if found[k][1] != found[k - 1][1] or found[k][1] == 0:
            continue
        for j in range(k + 1, len(found)):
            if found[j][1] == found[j - 1][1] + 2:
                return {pid: n + 1 for pid, n in found[k:j]}
            if found[j][1] != found[j - 1][1] + 1:
                break
        return {}
    return {}


def _has_divisions(paras: list[Paragraph]) -> bool:
    """Whether the text's "Phần" lines stand over Roman parts of their own (KOZ_2268, a monthly
    report: "Phần I" over "I- Công tác tham mưu …", "II- Kết quả thực hiện"). A plan whose
    "Phần I", "Phần II" are its only top level keeps them as the parts ("I", "II")."""
    seen = False
    for p in paras:
        if _division_number(p.text):
            seen = True
        elif seen and _ROMAN_LINE.match(p.text):
            return True
    return False


def _letter_division(text: str) -> tuple[int, str, str] | None:
    """(number, letter, title) of a lettered division line ("B. KẾ HOẠCH NĂM 2025" → 2), else
    None. Its title is a heading: a few words, no sentence's end."""
    m = _LETTER_DIVISION.match(text)
    if m is None:
        return None
    rest = m.group("rest").strip()
    if len(rest.split()) > 30 or rest.endswith((".", ";", ",")):
        return None
    return ord(m.group("letter")) - ord("A") + 1, m.group("letter"), rest


def _has_letter_divisions(paras: list[Paragraph]) -> bool:
    """Whether the text divides its body by capital letters: an "A." heading, then a "B." one.
    Yearly plans and directives print their review and their programme so ("A. KẾT QUẢ THỰC
    HIỆN NĂM 2024" / "B. KẾ HOẠCH NĂM 2025"), a directive its general and specific tasks ("A.
    NHIỆM VỤ CHUNG"); the Roman parts under each restart at "I." and were lost as repeats.
    Letters printed under a Roman part ("III. NHIỆM VỤ" / "A. Nhiệm vụ chung") group its items
    and divide nothing: the "A." must come before any Roman part."""
    seen = 0
    for p in paras:
        if seen == 0 and _ROMAN_LINE.match(p.text):
            return False
        found = _letter_division(p.text)
        if found is not None and found[0] == seen + 1:
            seen = found[0]
            if seen == 2:
                return True
    return False


def _in_appendix(state: _OutlineState) -> bool:
    """Whether the outline is inside an appendix (the part open is one)."""
    return state.part is not None and state.part.kind == "appendix"


# A letter division with a stray glyph OCR read before its letter: "PD. TO CHỨC THUC HIỆN" for "D.
# TỔ CHỨC THỰC HIỆN" after "C." (s17 dev qd2439-btc-2022, whose organisation part, and its
# seven charges, were read into the last item of part C). Only the letter expected next over a
# title in capitals: "TP. HỒ CHÍ MINH" follows no "O.".
_STRAY_LETTER_DIVISION = re.compile(r"^[A-ZĐ](?P<letter>[A-H])\.\s+(?P<rest>\S.*)$")


def _stray_letter_division(state: _OutlineState, text: str) -> tuple[int, str, str] | None:
    m = _STRAY_LETTER_DIVISION.match(text)
    if m is None or ord(m.group("letter")) - ord("A") != state.last_division_no:
        return None
    rest = m.group("rest").strip()
    if not metadata.is_caps(rest) or len(rest.split()) > 12:
        return None
    return state.last_division_no + 1, m.group("letter"), rest


def _try_division(state: _OutlineState, p: Paragraph) -> tuple[Section, str | None] | None:
    if state.letter_divisions and (lettered := _letter_division(p.text)
                                   or _stray_letter_division(state, p.text)) is not None \
            and lettered[0] == state.last_division_no + 1:
        number, label, rest = lettered
    else:
        if not state.divisions or _in_appendix(state):
            # Inside an appendix a "Phần" line is the appendix's own: the blank forms a
            # resolution appends print "Phần 1. Thông tin chung" … "Phần 3. Tài liệu kèm theo"
            # (s16 dev nq18/NQ-CP 2026 Phụ lục IV); read as the document's divisions they left the
            # appendix as top-level parts whose blanks were charged to the form's issuer.
            return None
        found = _division_number(p.text)
        if found is None or found[0] != state.last_division_no + 1 or len(found[1].split()) > 40:
            return None
        number, rest = found
        label = f"P{number}"
    state.last_division_no = number
    heading, body = _heading_and_body(rest) if rest else (p.text.strip(), None)
    section = state.add(Section(id=f"{state.id_prefix}{label}", heading=heading, parent=None,
                                kind="part", prov=p.prov))
    state.division, state.part, state.item, state.subitem, state.letter, state.topic = (
        section, None, None, None, None, None)
    state.last_part_no = state.last_item_no = state.carried_item_no = 0
    return section, body


# OCR reads a Roman numeral's strokes as look-alikes: "IH." for "III.", "Il." for "II." (fTo_2287:
# its part "III. Chương trình công tác năm 2018" came out as "IH."). Only the number the outline
# expects next is taken so, and only on OCR'd lines.
# "IL." for "II." (s17 dev qd2439-btc-2022, an OCR transcript: its part "II. Về quản lý thuế" under
# "C.", all 72 targets of that part were cited under part I).
_OCR_ROMAN = re.compile(r"^(?P<tok>[IlLH|]{1,4})\s*[-.–]\s*(?P<rest>\S.*)$")  # not "11.": an item


def _ocr_roman(state: _OutlineState, p: Paragraph) -> tuple[int, str] | None:
    if id(p) in state.roman_one:
        return 1, p.text.split(None, 1)[1].lstrip("-.–) ")
    m = _OCR_ROMAN.match(p.text)
    # A text OCR'd elsewhere (a transcript saved as text) has no confidence to tell: there a
    # part title in capitals vouches for the look-alike ("HI- TỔ CHỨC THỰC HIỆN", s15 dev
    # Politburo programme), which no typed line starts with; so does a title in sentence case
    # after part I's own ("I. Về chính sách thuế" … "IL. Về quản lý thuế", s17 dev qd2439).
    if not m or (p.prov.ocr_confidence is None and not metadata.is_caps(m.group("rest"))
                 and not _sentence_case_part(state.part, m.group("rest"))):
        return None
    value = sum(2 if c == "H" else 1 for c in m.group("tok"))
    # "Il. TỔ CHỨC THỰC HIỆN" after "II.": a stroke lost, as a printed "II-" repeating the part
    # before is (see _try_part); the title in capitals vouches for it (s17 dev ct11's part III).
    if value == state.last_part_no and value >= 2 and metadata.is_caps(m.group("rest")):
        value += 1
    return (value, m.group("rest")) if value == state.last_part_no + 1 and value >= 2 else None


def _sentence_case_part(part: Section | None, rest: str) -> bool:
    """Whether ``rest`` reads as a part's title printed like ``part``'s, both in sentence case:
    a capital, a few words, no sentence's end (robustness_eval heading-case lost kh153's and
    qd2954's repeated "IV."/"V." parts to the capitals test alone)."""
    if part is None or metadata.is_caps(part.heading) or not part.heading[:1].isupper():
        return False
    rest = rest.strip()
    return rest[:1].isupper() and len(rest.split()) <= 12 and not rest.endswith((".", ";", ":", ","))


def _late_first_part(state: _OutlineState, m: re.Match[str] | None, number: int, rest: str) -> bool:
    """Whether a Roman part "II." or "III." in capitals, before any part or item, opens the
    outline although no "I." came before it: crawled plans print their numbering from II when
    part I was lost or never printed (s15 dev kh0130: II purposes … V organisation; all its
    parts were read as numbered items under no part, so nothing was a task part). It keeps its
    printed number, as the section ids cite the print."""
    return (m is not None and m.group("roman") is not None and number in (2, 3)
            and state.last_part_no == 0 and state.part is None and state.item is None
            and state.division is None and state.host is None and state.last_item_no == 0
            and metadata.is_caps(rest))


def _try_part(state: _OutlineState, p: Paragraph) -> tuple[Section, str | None] | None:
    m = _PART_RE.match(p.text)
    misread = None if m and (m.group("roman") or m.group("word")) else _ocr_roman(state, p)
    if misread is not None:
        number, rest = misread[0], misread[1].strip()
    else:
        if (state.divisions or _in_appendix(state)) and DIVISION_RE.match(p.text):
            return None  # a division (see _try_division), or an appendix's own "Phần" line
        roman = (m.group("roman") or m.group("word")) if m else None
        if roman:
            number = int(roman) if roman.isdigit() else roman_to_int(roman)
            number = state.part_numbers.get(id(p), number)
            rest = m.group("rest").strip()
        elif (named := _division_number(p.text)) is not None:
            # "PHẦN THỨ NHẤT", "PHẦN MỘT" over no Roman parts: the plan's top level, as "Phần I" is.
            number, rest = named
        else:
            return None
    # A Roman part must follow its predecessor and carry a short heading. A number printed twice
    # in capitals ("IV. PHÂN CÔNG NHIỆM VỤ" … "IV. TỔ CHỨC THỰC HIỆN", kh153) is a misnumbered
    # next part: its id gets a "~2" suffix and it cites as printed.
    # An office that prints its parts in sentence case ("I. Mục đích, yêu cầu", Kon Tum's
    # 2516/KH-UBND) repeats them so too: a short title in the style of the part it follows.
    # A Roman numeral that lost a stroke in OCR ("I- QUAN ĐIỂM" under "I- BỐI CẢNH", s16 kl75) is
    # corrected before, by the sequence (:func:`_sequence_part_numbers`), only where a later skip
    # proves it; an unproven repeat stays a repeat.
    repeated = number == state.last_part_no and number > 0 and (
        metadata.is_caps(rest) or _sentence_case_part(state.part, rest))
    article = state.item if state.item is not None and _is_article(state.item.id) else None
    hosts = (misread is None and m is not None and m.group("roman") is not None and article is not None
             and number == 1 and state.division is None)
    # A part number skipped in print ("II." then "IV. TỔ CHỨC THỰC HIỆN": s15 dev nq34, a Party
    # resolution printed without a III) is the next part when its title is in capitals.
    skipped = (misread is None and m is not None and m.group("roman") is not None and state.last_part_no >= 1
               and number == state.last_part_no + 2 and metadata.is_caps(rest) and len(rest.split()) <= 12)
    if (number != state.last_part_no + 1 and not repeated and not hosts and not skipped
            and not _late_first_part(state, m, number, rest)) or not rest or len(rest.split()) > 40:
        return None
    if hosts:
        state.host, state.outer = article, (state.part, state.last_part_no)
    elif state.host is not None and (m is None or m.group("roman") is None):
        state.host = None  # "Chương II" after the hosted parts: the chapters go on
    state.last_part_no = number
    heading, body = _heading_and_body(rest)
    division = state.division
    if state.host is not None:
        section = state.add(Section(id=f"{state.host.id}.{int_to_roman(number)}", heading=heading,
                                    parent=state.host.id, kind="part", prov=p.prov))
    else:
        section = state.add(Section(id=(f"{division.id}." if division else state.id_prefix) + int_to_roman(number),
                                    heading=heading, parent=division.id if division else None, kind="part",
                                    prov=p.prov))
    state.part, state.item, state.subitem, state.letter, state.topic = section, None, None, None, None
    state.carried_item_no, state.last_item_no = state.last_item_no, 0
    return section, body


# OCR's misreadings of a numbered line's marker, on the number the outline expects next: "5,
# Công tác …" for the item "5." (fTo_2287), "3;Bảo đảm …", "1: Tổ chức …" for the clauses "3.",
# "1." (HzW_18), "Điều.4.", "Điễu.10," for the article "Điều 4." (HzW_18, a faint circular).
_OCR_ARTICLE = re.compile(r"^Đi[eềễêểệế]u\s*[.,]?\s*(?P<num>\d{1,3})\s*[.,:]\s*(?P<rest>\S.*)$")
# What a misread item number may stand for: "§" for "8", "1" for "7" as well as "1" (KOZ_2268,
# the items 7 and 8 of its programme read "1, Thẩm định …", "§. Tổ chức …").
_DIGIT_LOOKALIKES = {"§": ("8",), "1": ("1", "7"), "Š": ("5",), "3": ("3", "5")}


def _ocr_marker(state: _OutlineState, p: Paragraph) -> Paragraph:
    """``p`` with an OCR-misread item or article marker written as printed; ``p`` itself when
    it was not read by OCR, already reads as a marker, or is not the number expected next."""
    # The number the next item takes, or the next clause of the article being read.
    article = state.item if state.item is not None and _is_article(state.item.id) else None
    expected = state.last_item_no + 1 if article is None else _last_clause(state, article) + 1
    if p.prov.ocr_confidence is None:
        # A transcript OCR'd elsewhere (a scan saved as markdown) has no confidence to tell; there
        # only the exact number expected next, then a comma or colon and a capital, is taken:
        # "9, Nhiệm vụ của Bộ …" after item 8 (s17 dev cv1457-bkhdt-2019: items 9-17 were read
        # into item 8), "1, Về thể chế …" opening part II (qd2439-btc-2022). Typed text never
        # opens a paragraph so; "1, 2 và 3" has no capital after its comma.
        m = OCR_ITEM_RE.match(p.text)
        if m is None or m.group("mark").strip() not in (",", ":") or _ITEM_RE.match(p.text):
            return p
        if m.group("num") == str(expected) and (
                state.last_item_no > 0 or state.part is not None or article is not None):
            return replace(p, text=f"{expected}. {m.group('rest')}")
        return p
    if (m := _ITEM_RE.match(p.text)) is not None:
        # A digit read for another one ("3." for the item "5." after "4.": s15 dev cv8388) is
        # taken for the number expected next only when that number is its look-alike.
        num = m.group("num") or m.group("num2")
        next_item = state.last_item_no + 1
        if (num and state.last_item_no >= 2 and int(num) != next_item
                and str(next_item) in _DIGIT_LOOKALIKES.get(num, ())):
            return replace(p, text=f"{next_item}. {m.group('rest')}")
        return p
    # The first item too, right under an article or a part ("Điều 11. Trách nhiệm của …" then
    # "1, Bảo đảm nhân lực …", HzW_18): a list of numbers ("1, 2 và 3") has no capital after it.
    if (m := OCR_ITEM_RE.match(p.text)) and str(expected) in _DIGIT_LOOKALIKES.get(
            m.group("num"), (m.group("num"),)) and (
            state.last_item_no > 0 or state.last_article_no or state.part is not None):
        return replace(p, text=f"{expected}. {m.group('rest')}")
    if (m := _OCR_ARTICLE.match(p.text)) and state.last_article_no and int(m.group("num")) == state.last_article_no + 1:
        return replace(p, text=f"Điều {m.group('num')}. {m.group('rest')}")
    return p


# The title of an article that charges the bodies it names ("Trách nhiệm của …", "Nhiệm vụ, quyền
# hạn của …"), on folded text.
_OWNERS_TITLE = re.compile(r"^(?:trach nhiem|nhiem vu)(?:,? (?:nhiem vu|quyen han))? cua\b")


def _try_item(state: _OutlineState, p: Paragraph) -> tuple[Section, str | None] | None:
    p = _ocr_marker(state, p)
    m = _ITEM_RE.match(p.text)
    if not m or id(p) in state.misread_points:
        return None
    number = int(_item_digits(m))
    heading, body = _heading_and_body(m.group("rest"))
    if m.group("word") and body is not None and _OWNERS_TITLE.match(fold(m.group("rest"))) \
            and not m.group("rest").rstrip().endswith((".", ";", ":")):
        # "Điều 24. Trách nhiệm của bộ, cơ quan ngang bộ, Ủy ban nhân dân cấp tỉnh, tổ chức chính
        # trị - xã hội cấp trung ương, … quyết định thành lập" (49 words over four lines, s16 dev
        # qd28-ttg-2026): an article titled by the bodies it charges is a title however many it
        # lists; cut to 12 words it named a truncated "Ủy ban nhân dân" and lost four leads.
        heading, body = m.group("rest").strip(), None
    if m.group("word") and p.text[:1] in "ĐđĐ" and (
            number == state.last_article_no + 1 or (state.last_article_no == 0 and not state.sections)):
        # Điều 1 → D1 (GUIDELINES-real.md): a decision's or law's article. A text that opens
        # with an article (one article of a law, or an excerpt) starts at its number.
        if state.host is not None:
            # The next article closes the parts printed inside the last one.
            (state.part, state.last_part_no), state.host = state.outer, None
        section = state.add(Section(id=f"{state.id_prefix}D{number}", heading=heading,
                                    parent=state.container().id if state.container() else None, kind="item",
                                    prov=p.prov))
        state.item, state.subitem, state.letter, state.topic = section, None, None, None
        state.last_article_no = number
        state.last_item_no = 0
        return section, body
    article = state.item if state.item is not None and _is_article(state.item.id) else None
    if article is not None and not m.group("word"):
        # Clauses of an article: "1." under Điều 2 → D2.1; on a scan, after a gap of lost or
        # misread clause numbers when the next clause follows it (:func:`_ocr_numbered_runs`).
        last = _last_clause(state, article)
        if number == last + 1 or (id(p) in state.ocr_runs and last + 1 < number <= last + 8):
            return _add_subitem(state, f"{article.id}.{number}", heading, body, p)
        return None
    continued = state.last_item_no == 0 and state.carried_item_no > 0 and number == state.carried_item_no + 1
    skipped = (state.last_item_no >= 2 and number == state.last_item_no + 2 and id(p) in state.runs
               and len(heading.split()) <= 20 and not heading.rstrip().endswith((".", ";")))
    # On a scan, one number OCR lost with its line ("1." … "3.", "4.", … : s18 dev cv586, whose
    # items 3-10 were read into item 1), when the next items follow it as clauses do after a gap
    # (:func:`_ocr_numbered_runs`, the article rule above).
    skipped = skipped or (state.last_item_no >= 1 and number == state.last_item_no + 2
                          and id(p) in state.ocr_runs)
    if number == state.last_item_no + 1 or continued or skipped:
        section = state.add(Section(id=f"{_prefix(state)}{number}", heading=heading,
                                    parent=state.container().id if state.container() else None, kind="item",
                                    prov=p.prov))
        state.item, state.subitem, state.letter, state.topic = section, None, None, None
        state.last_item_no = number
        return section, body
    if number == 1 and state.item is not None:
        # A list restarting at 1 inside an item is a nested list: "2." → "2.1".
        return _add_subitem(state, f"{state.item.id}.1", heading, body, p)
    if state.subitem is not None and state.item is not None:
        expected = int(state.subitem.id.rsplit(".", 1)[-1].split("~")[0]) + 1
        if number == expected and state.subitem.parent == state.item.id:
            return _add_subitem(state, f"{state.item.id}.{number}", heading, body, p)
    return None


def _clause(state: _OutlineState, article: Section) -> str | None:
    """The id of the article's last clause read so far: the open sub-item, or the clause that
    holds the open decimal point ("1.2." under clause 1 of Điều 1 → D1.1.2, parent D1.1)."""
    sub = state.subitem
    if sub is None or sub.parent is None:
        return None
    if sub.parent == article.id:
        return sub.id
    if sub.parent.rsplit(".", 1)[0] == article.id:
        return sub.parent
    return None


def _last_clause(state: _OutlineState, article: Section) -> int:
    """The number of the article's last clause read so far (0 before its first)."""
    clause = _clause(state, article)
    return 0 if clause is None else int(clause.rsplit(".", 1)[-1].split("~")[0])


def _is_article(section_id: str) -> bool:
    return bool(re.search(r"(?:^|\.)D\d+$", section_id.split("~")[0]))


def _add_subitem(state: _OutlineState, sid: str, heading: str, body: str | None,
                 p: Paragraph) -> tuple[Section, str | None]:
    container = state.container()
    parent = state.item.id if state.item else (container.id if container else None)
    section = state.add(Section(id=sid, heading=heading, parent=parent, kind="subitem", prov=p.prov))
    state.subitem, state.letter, state.topic = section, None, None
    return section, body


def _try_subitem(state: _OutlineState, p: Paragraph) -> tuple[Section, str | None] | None:
    m = _SUBITEM_RE.match(p.text)
    if not m:
        return None
    nums = m.group("num").split(".")
    rest = m.group("rest")
    article = state.item if state.item is not None and _is_article(state.item.id) else None
    clause = _clause(state, article) if article is not None else None
    if clause is not None and nums[0] == str(_last_clause(state, article)):
        # "1.1. Mục tiêu tổng quát" under clause "1. Mục tiêu" of "Điều 1. Phê duyệt … như
        # sau:" (the approved programme printed inside the article): D1.1.1, as "2.1." under
        # part III is III.2.1.
        heading, body = _heading_and_body(rest)
        section = state.add(Section(id=f"{article.id}.{'.'.join(nums)}", heading=heading, parent=clause,
                                    kind="subitem", prov=p.prov))
        state.subitem, state.letter, state.topic = section, None, None
        return section, body
    # "2.1. ..." belongs to item 2 of the current part; a number that is really a decimal value
    # ("24.6 m²") has no item to belong to and is plain text.
    if state.item is None or nums[0] != state.item.id.split(".")[-1]:
        if state.item is None and state.part is None:
            return None
        if state.item is not None:
            return None
    heading, body = _heading_and_body(rest)
    sid = f"{_prefix(state)}{'.'.join(nums)}"
    return _add_subitem(state, sid, heading, body, p)


# The letters of points in order (Vietnamese has no f, j, w, z; "đ" follows "d").
_POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"
# Digits Tesseract read for a point's letter on a faint page (HzW_18: "4)", "8)" for "a)", "6)"
# for "b)" and "c)"); marks and d/đ are compared folded.
_POINT_LOOKALIKES = {"4": "a", "8": "ag", "6": "bc", "©": "c"}  # "©)", "8)" for c), g): s15 cv8388


def _ocr_point(state: _OutlineState, p: Paragraph, parent: Section) -> Paragraph:
    """``p`` with an OCR-misread point marker written as printed, when it is read by OCR and
    stands for the letter the outline expects next under ``parent``; else ``p`` itself."""
    if p.prov.ocr_confidence is None:
        return p
    m = OCR_POINT_RE.match(p.text)
    if m is None:
        return p
    last = state.letter.id.rsplit(".", 1)[-1].split("~")[0] if (
        state.letter is not None and state.letter.parent == parent.id) else None
    if last is not None and last not in _POINT_LETTERS[:-1]:
        return p
    expected = _POINT_LETTERS[_POINT_LETTERS.index(last) + 1] if last else "a"
    tok = m.group("tok")
    if tok == expected and p.text.startswith(f"{tok})"):
        return p  # already as printed
    if fold(tok) == fold(expected) or expected in _POINT_LOOKALIKES.get(tok, ""):
        return replace(p, text=f"{expected}) {m.group('rest')}")
    return p


def _try_letter(state: _OutlineState, p: Paragraph) -> tuple[Section, str | None] | None:
    parent = state.subitem or state.item or state.part
    if parent is not None:
        p = _ocr_point(state, p, parent)
    m = _LETTER_RE.match(p.text)
    if not m or parent is None:
        return None
    first = state.letter is None or state.letter.parent != parent.id
    if first and m.group("letter") not in _POINT_LETTERS[:3] and not p.text[1:].lstrip().startswith(")"):
        # "n. Đã có …" opening the points of an item: the tail of a word the scan's column cut
        # left at the line's start (s17 held-out tb990 gave item 1 a point "1.n"); a list of
        # points opens at "a." (OCR may lose one or two lines of it).
        return None
    heading, body = _heading_and_body(m.group("rest"))
    section = state.add(Section(id=f"{parent.id}.{m.group('letter')}", heading=heading,
                                parent=parent.id, kind="letter", prov=p.prov))
    state.letter, state.topic = section, None
    return section, body


def _try_topic(state: _OutlineState, p: Paragraph) -> tuple[Section, str | None] | None:
    m = _TOPIC_RE.match(p.text)
    label = None if m else _TASK_LABEL_RE.match(p.text)
    parent = state.innermost_numbered()
    if not (m or label) or parent is None:
        return None
    if label is not None:
        rest = label.group("rest").strip()
        if (rest and not rest.endswith((".", ";")) and len(rest.split()) <= _TASK_TITLE_WORDS
                and not _NOT_A_TITLE.search(rest)):
            # The whole line is the title ("Nhiệm vụ 1: Hoàn thiện hạ tầng số"): no task of its own.
            topic = p.text.strip().rstrip(" :")
            section = state.add(Section(id=f"{parent.id}:{slugify(label.group('topic'))}", heading=topic,
                                        parent=parent.id, kind="topic", prov=p.prov))
            state.topic = section
            return section, None
        m = label
    topic = m.group("topic").strip()
    section = state.add(Section(id=f"{parent.id}:{slugify(topic)}", heading=topic,
                                parent=parent.id, kind="topic", prov=p.prov))
    state.topic = section
    rest = m.group("rest").strip()
    return section, rest or None


# Closing paragraphs, on folded text. "Trên đây là Kế hoạch …" closes the document: it and what
# follows it up to the signature belong to no section (GUIDELINES-real.md, [decided, kh165]). A
# paragraph that speaks to everyone charged by the plan — "Trong quá trình thực hiện, nếu có khó
# khăn, vướng mắc, …", "Yêu cầu các sở, ban, ngành … thực hiện tốt Kế hoạch này" — addresses the
# whole part it ends, not the last item above it ([decided, kh179]); on the held-out plans such
# paragraphs took the last item's id (issue 12). The issuer may hand the plan to every head at
# once ("Ủy ban nhân dân tỉnh giao Giám đốc các sở, Thủ trưởng các ban, ngành … triển khai thực
# hiện Kế hoạch này", a 2025 Hà Tĩnh plan, after its last lettered point). Both are recognised by how they open; a
# paragraph that goes on with the item ("Đồng thời, …", "Phối hợp với …") is not one.
# Besides "Trên đây là …", a notice closes with who notifies whom ("Văn phòng Ủy ban nhân dân tỉnh
# thông báo để các cơ quan, đơn vị biết, thực hiện./.") and a submission with its request to the
# addressee ("Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh xem xét, quyết định./."): the
# closings of the conclusions (TB) and submissions (TTr) read in session 12.
# A council's resolution closes with its adoption ("Nghị quyết này được Hội đồng nhân dân tỉnh khóa
# …, kỳ họp thứ … thông qua ngày … và có hiệu lực …"), as its own article or after the last one.
_DOCUMENT_CLOSING = re.compile(r"^\W*(?:tren day la\b"
                               r"|nghi quyet nay (?:da )?duoc [^.;:]{0,160}?\bthong qua\b"
                               r"|[^.;:]{0,80}?\bthong bao (?:de|cho|den) [^.;:]{0,80}?\bbiet\b"
                               r"|[^.;:]{0,80}?\bkinh trinh\b[^.;:]{0,80}?\bxem xet\b)")
# The last paragraph of a Government resolution, after its last part's last item: "Văn phòng
# Chính phủ theo dõi, đôn đốc, tổng hợp, báo cáo … kết quả thực hiện Nghị quyết này./." charges
# the oversight of the whole document (s14 dev nq122; read as part of III.3 before). Only with
# the document's final mark "./.", so that an item's own paragraph of oversight stays its own.
_OVERSEES_DOCUMENT = re.compile(r"^\W*[^.;:]{0,120}?\b(?:theo doi|don doc)\b[^.;:]{0,200}?"
                                r"\bthuc hien (?:nghi quyet|chi thi|quyet dinh|ke hoach|chuong trinh) nay\b")
_PART_CLOSING = re.compile(
    r"^\W*(?:(?:trong )?qua trinh (?:(?:to chuc|trien khai|thuc hien)\s*,?\s*)+.{0,40}?\bneu\b"
    r"|neu co (?:phat sinh )?(?:kho khan|vuong mac)"
    r"|(?:(?:chu tich\s+)?(?:uy ban nhan dan|ubnd) (?:tinh|thanh pho|huyen|xa|phuong)\s+)?(?:yeu cau|de nghi|giao)"
    r" (?:cac|thu truong|chu tich|giam doc)\b"
    # A directive closes the same way: "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở … thực
    # hiện nghiêm túc Chỉ thị này" (2025 directives of Đắk Lắk and Quảng Trị, session 13).
    r".{0,200}?\b(?:ke hoach|chuong trinh|quyet dinh|chi thi) nay\b"
    # "Yêu cầu các sở, ban, ngành, đơn vị, địa phương nghiêm túc triển khai thực hiện./.": the
    # request alone, with no object, is the same closing (kh235 of the session-13 fresh plans).
    # A directive's last line hands the follow-up to the issuer's office (text.bodies.FOLLOW_UP).
    r"|" + FOLLOW_UP +
    # A letter opens it with what it rests on ("Căn cứ nội dung chỉ đạo trên, yêu cầu …") and may
    # part the addressees by semicolons ("Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã,
    # phường; người đứng đầu … nghiêm túc tổ chức triển khai thực hiện./."; s14 dev cv4390, cv7103).
    r"|(?:can cu [^.;:]{0,60}?\b(?:tren|nay)\s*,\s*)?"
    r"(?:uy ban nhan dan (?:tinh|thanh pho|huyen|xa|phuong)\s+)?(?:yeu cau|de nghi) (?:cac|thu truong|chu tich)\b"
    r"[^.:]{0,240}?\b(?:to chuc )?(?:trien khai )?thuc hien(?: (?:nghiem tuc|tot|hieu qua|kip thoi))?\W*$"
    # A department's letter to one addressee closes with its request by name: "Sở X yêu cầu Công
    # ty Y nghiêm túc thực hiện; trong quá trình thực hiện …" (s16 dev cv6987-snnmt-2026: read
    # as the last bullet of 2.6 before).
    # A General Department's letter closes so too ("Tổng cục X yêu cầu Cục trưởng Cục X các tỉnh
    # … nghiêm túc triển khai thực hiện"; s17 dev cv4800).
    r"|(?:so|cuc|tong cuc|chi cuc|bo|ban quan ly)\b[^.;:]{0,80}?\b(?:yeu cau|de nghi)\b[^.;:]{0,120}?"
    r"\b(?:nghiem tuc|khan truong|day du) (?:trien khai )?thuc hien\b)")


# Weaker cues: a paragraph that charges every body ("Căn cứ Kế hoạch này, các sở, ban, ngành …
# xây dựng kế hoạch …", "Các sở, ban, ngành … thực hiện Kế hoạch này") is the part's only when
# no numbered item follows it in the part; in the middle of a part it may open a list.
_PLAN_WIDE = re.compile(
    r"^\W*(?:(?:can cu|tren co so)\s+[^,;.]{0,60}?\b(?:ke hoach|chuong trinh|quyet dinh)\b[^,;.]{0,30},\s*"
    r"(?:cac|thu truong|uy ban|ubnd)\b"
    r"|(?:cac|thu truong cac)\s+(?:so|co quan|don vi|ban|nganh|dia phuong)\b.{0,200}?"
    r"\b(?:ke hoach|chuong trinh|quyet dinh) nay\b"
    # The issuer's request to bodies it does not direct, after the last item's bullets: "Đề nghị
    # Văn phòng Đảng ủy, Văn phòng HĐND và UBND xã phối hợp …" closing a Front committee's part
    # on who does what (s17 dev kh-mttq-2026 hiepthuong2 V: read as the last item's, whose body
    # it does not name; its blind gold puts it in the part). Only under a Roman part
    # (:func:`closing_kind` tells it apart as ``request``).
    r")")
_REQUEST = re.compile(r"^\W*de nghi\b")


# Footnote anchors a pdf text layer glues to the word they mark: "pháp luật1.", "phê duyệt2.",
# "năm 20243" (the year 2024, note 3). Only single digits: a page has few notes.
_GLUED_ANCHOR = re.compile(r"(?<=[a-zà-ỹđ])(\d)(?=[\s.,;:)]|$)|\bnăm (?:19|20)\d\d(\d)\b")
# A footnote at a page's foot opens with its bare number: "3 Khi khai thác khoáng sản …".
_PAGE_NOTE = re.compile(r"^(\d)\s+[A-ZĐÀ-Ỹ]")
# What ends the notes of a page: its number closing their paragraph, or the body going on.
_ENDS_WITH_PAGE_NUMBER = re.compile(r"\s\d{1,3}$")
_BODY_LINE = re.compile(r"^(?:[-–—+•*·]\s|\d{1,2}(?:\.\d{1,2})*\.\s|[a-zđ]\)\s|Điều\s+\d)")


def _glued_anchors(paras: list[Paragraph]) -> set[int]:
    return {int(a or b) for p in paras for a, b in _GLUED_ANCHOR.findall(p.text)}


def _opens_page_note(text: str, glued: set[int]) -> bool:
    m = _PAGE_NOTE.match(text)
    return m is not None and int(m.group(1)) in glued


def closing_kind(text: str) -> str | None:
    """``document`` for the document's closing paragraph (``oversight`` for one that charges the
    oversight of the whole document: a closing only after an item), ``part`` for one that addresses the
    whole part it ends, ``plan`` for one that does so only after the part's last item, else
    None (see :data:`_PART_CLOSING`, :data:`_PLAN_WIDE`)."""
    folded = fold(text)
    if _DOCUMENT_CLOSING.match(folded):
        return "document"
    if text.rstrip().endswith("./.") and _OVERSEES_DOCUMENT.match(folded):
        return "oversight"
    if _PART_CLOSING.match(folded):
        return "part"
    if _PLAN_WIDE.match(folded):
        return "plan"
    if _REQUEST.match(folded):
        return "request"
    return None


_NEXT_PART = re.compile(rf"^(?:(?:PHẦN|Phần|CHƯƠNG|Chương)\s+\S|(?=[IVX]){_ROMAN}\s*[-.–)]\s*\S"
                        r"|[A-H]\s*[.\-–]\s+[A-ZĐÀ-Ỹ])")


def _last_in_part(paras: list[Paragraph], start: int, end: int) -> bool:
    """Whether no numbered or lettered item follows paragraph ``start`` before the next part,
    an appendix or ``end`` (the signature)."""
    for p in paras[start + 1 : end]:
        text = p.text.strip()
        if not text or p.kind != "text":
            continue
        if (_NEXT_PART.match(text) and not _ITEM_RE.match(text)) or appendix_heading(text):
            return True
        if _ITEM_RE.match(text) or _SUBITEM_RE.match(text) or _LETTER_RE.match(text):
            return False
    return True


_SIGNATURE_START = metadata.RECIPIENTS_RE
_ARTICLE_RE = re.compile(r"^(?:Điều|ĐIỀU)\s+\d+\s*[.:-]?\s*\S")


def _body_bounds(paras: list[Paragraph]) -> tuple[int, int, bool]:
    """Index of the first outline paragraph and of the first signature paragraph, and whether
    the text has a numbered outline at all (a letter, a notice, an excerpt has none: its body
    starts after its header, :func:`_after_addressees`)."""
    body_start = len(paras)
    probe = _OutlineState(doc_id="")
    for i, p in enumerate(paras):
        # The first line opens the outline only when it is an article ("Điều 30. ..."): a
        # numbered first line is more often part of a header.
        if _try_part(probe, p) or (_ITEM_RE.match(p.text) and (i > 0 or _ARTICLE_RE.match(p.text))) or (
                i > 0 and (lettered := _letter_division(p.text)) is not None and lettered[0] == 1
                and _has_letter_divisions(paras[i:])):
            body_start = i
            break
    outline = body_start < len(paras)
    sign_start = len(paras)
    for i in range(body_start if outline else 0, len(paras)):
        # A markdown row holding "Nơi nhận" and the signature opens with its pipe (s14 dev ct13).
        text = paras[i].text.lstrip("|*_ ")
        if _SIGNATURE_START.match(text) or (
            _SIGN_TITLE_RE.match(text.strip("* ")) and metadata.is_caps(text)
        ) or (i > body_start and paras[i - 1].text.rstrip().endswith("./.") and metadata.is_signer_title(text)):
            # "… thi hành Quyết định này./." then "THỦ TƯỚNG": a head signing in person prints
            # no "TM."/"KT.", and a gazette page prints no "Nơi nhận" (s15 dev qd798: the name
            # under it was read as a duty of "Thủ tướng").
            sign_start = i
            break
    # The preamble must not swallow the whole document when no outline exists.
    if not outline:
        body_start = 0
    return body_start, sign_start, outline


# The addressees of a letter ("Kính gửi: - Thủ trưởng các cơ sở y tế trong tỉnh; - Trung tâm
# Kiểm nghiệm …;"): recipients, not duties (U9c_513, a department's letter, read them as the
# issuer's charges) and open at ADDRESSEES_FOLDED. The list ends at the first line that is not a
# short list entry.
_ADDRESSEE_WORDS = 25


def _after_addressees(paras: list[Paragraph], start: int, end: int) -> int:
    """The first paragraph after a letter's addressee block at ``start`` (``start`` if none)."""
    i = start
    while i < end and not ADDRESSEES_FOLDED.match(fold(paras[i].text)):
        if len(paras[i].text.split()) > _ADDRESSEE_WORDS:
            return start  # the body has begun: no addressee block before it
        i += 1
    if i >= end:
        return start
    i += 1
    while i < end and len(paras[i].text.split()) <= _ADDRESSEE_WORDS and (
            _BULLET_RE.match(paras[i].text) or paras[i].text.rstrip().endswith((";", ".", ":"))):
        i += 1
    return i


# ---------------------------------------------------------------------------------------------
# Build the document
# ---------------------------------------------------------------------------------------------


def doc_id_for(path: str) -> str:
    """A stable document id from the file name."""
    return slugify(Path(path).stem) or "document"


def build_document(source: SourceText, doc_id: str | None = None) -> Document:
    """Turn a read file into a :class:`Document` with metadata, outline and segments.

    A decision that issues a plan is two parts: the decision (articles ``D1``…) up to its
    signature, then the attached plan with its own header and prefixed sections (``KH.II.1``).
    """
    doc_id = doc_id or doc_id_for(source.path)
    role_tables = find_tables(source.lines)
    lines, table_rows = lines_with_tables(source.lines, role_tables)
    paras = paragraphs(lines)
    _repair_ocr_item_one(paras)
    _repair_ocr_lost_marker(paras)
    body_start, sign_start, outline = _body_bounds(paras)
    header = metadata.read_document_header(source, paras, body_start if outline else sign_start, sign_start)
    if not outline:
        # A letter or notice: its header is read by content, its body follows the header and
        # the addressees.
        after_header = max(header.title_paragraphs, default=-1) + 1
        if any(p.kind == "text" and len(p.text.split()) > 3 for p in paras[after_header:sign_start]):
            body_start = _after_addressees(paras, after_header, sign_start)
        # else: the header reader took the only text for a title; leave it all body, unlost.
    # Parts: (first paragraph, body start, signature start, id prefix).
    parts: list[tuple[int, int, int, str]] = []
    starts = [start for start, _ in header.attached]
    ends = [*starts, len(paras)]
    parts.append((0, body_start, min(sign_start, ends[0]), ""))
    for (start, att), end in zip(header.attached, ends[1:], strict=True):
        sub_body, sub_sign, _ = _body_bounds(paras[start:end])
        if sub_body == 0:
            sub_body = next((k for k in range(start, end) if k not in header.title_paragraphs),
                            end) - start
        parts.append((start, start + sub_body, start + sub_sign, f"{att.prefix}."))
    sections: list[Section] = []
    state = _OutlineState(doc_id=doc_id, sections=sections, divisions=_has_divisions(paras),
                          letter_divisions=_has_letter_divisions(paras))
    ocr_runs = _ocr_numbered_runs(paras)
    state.ocr_runs = ocr_runs
    runs = state.runs = _ocr_numbered_runs(paras, scanned=False)
    state.roman_one = _roman_one_misread(paras)
    state.part_numbers = _sequence_part_numbers(paras)
    state.misread_points = _misread_points(paras)
    segments: list[Segment] = []
    warnings: list[ParseWarning] = list(source.warnings)

    with_content: set[str] = set()  # outline nodes that already hold a paragraph of text
    # Footnote number → the section of the paragraph holding its anchor ("Chính phủ[2]" in II.1.a).
    anchors: dict[int, str | None] = {}

    def emit(kind: str, text: str, p: Paragraph, raw: str | None = None,
             section: str | None = None) -> None:
        node = None if kind in ("signature", "note") else (state.topic or state.innermost_numbered())
        if node is not None and kind in ("paragraph", "bullet", "table_row"):
            with_content.add(node.id)
        citable = section or (node.citable if node else None)
        if kind != "note":
            for n in footnote_anchors(raw or ""):
                anchors.setdefault(n, citable)
        parts = split_segment_text(text) if kind not in ("heading", "title") else [text]
        for n, part in enumerate(parts):
            segments.append(
                Segment(
                    id=f"{doc_id}#{len(segments) + 1:04d}",
                    doc_id=doc_id,
                    section=citable,
                    kind=kind,
                    text=part,
                    raw=raw if (raw is not None and len(parts) == 1) else part,
                    heading_path=state.path(),
                    prov=p.prov,
                    topic=state.topic.heading if state.topic else None,
                    section_node=node.id if node else None,
                    context=state.context() if kind not in ("signature", "note") else "",
                    continues=n > 0,
                )
            )

    appendix: Section | None = None
    chapter_title = False  # the line after a bare "Chương VII" names the chapter
    appendix_tables = 0  # tables placed in the open appendix
    by_annex = False  # the open appendix is a "Biểu"
    placed: set[int] = set()
    part_no = 0
    first, body_start, sign_start, _ = parts[0]
    note: int | None = None  # the footnote being read, after the signature
    glued = _glued_anchors(paras)
    page_note = False  # a footnote printed at the foot of a page of the body is being read
    quoted_to = -1  # the last paragraph of the quoted passage being read (:func:`_quotation_end`)
    for i, p in enumerate(paras):
        if part_no + 1 < len(parts) and i == parts[part_no + 1][0]:
            part_no += 1
            first, body_start, sign_start, prefix = parts[part_no]
            state = _OutlineState(doc_id=doc_id, sections=sections, id_prefix=prefix,
                                  divisions=_has_divisions(paras[body_start:sign_start]),
                                  letter_divisions=_has_letter_divisions(paras[body_start:sign_start]))
            state.ocr_runs, state.runs = ocr_runs, runs
            state.misread_points = state.roman_one = set()
            appendix = None
            note = None
        opened = appendix_heading(p.text) if i >= body_start and p.kind == "text" else None
        if opened is None and i >= body_start and appendix is None and _attached_list(paras, i):
            opened = (None, p.text)
        if opened is not None:
            by_annex = False
        elif i >= body_start and p.kind == "text" and (appendix is None or by_annex):
            # Annexed "Biểu" tables stand for appendices when no "PHỤ LỤC" holds them.
            opened = annex_table_heading(p.text)
            by_annex = opened is not None or by_annex
        if (opened is None and appendix is None and i >= body_start
                and _titles_schedule(paras, i, state, table_rows)):
            opened = (None, p.text)
        if opened is not None and i < sign_start and not any(
                q.kind == "table_row" for q in paras[i + 1 : i + 8]) and not any(
                _ATTACHMENT_LINE.search(q.text) for q in paras[i : i + 4]) and not (
                opened[0] is not None and not opened[1] and i + 1 < len(paras)
                and len(paras[i + 1].text.split()) >= 3
                and metadata.is_caps(" ".join(paras[i + 1].text.split()[:3]))):
            # "PHỤ LỤC" inside the body with no table under it is a plain line, unless it is a
            # numbered "Phụ lục N" line alone over a title in capitals: an appendix whose table the
            # OCR flattened into lines (s17 dev qd2439-btc-2022, Phụ lục I-XI) has no table row.
            opened = None
        if opened is not None:
            if state.host is not None and state.host is appendix:
                state.host = None  # the next appendix closes the parts of the last one
            appendix = _open_appendix(state, opened, p, appendix)
            appendix_tables = 0
            emit("heading", p.text, p, p.raw)
            continue
        if p.prov in table_rows and p.kind == "table_row":
            table, row = table_rows[p.prov]
            if id(table) not in placed:
                placed.add(id(table))
                node = state.innermost_numbered()
                host = appendix.id if appendix else None
                if appendix and state.part is not None and state.part.id.startswith(f"{appendix.id}."):
                    host = state.part.id  # a table under a Roman part of the appendix: PL1.II.3
                place_table(table, host if appendix else (node.citable if node else None),
                            appendix=appendix is not None)
                appendix_tables += appendix is not None
            if row.kind == "data":
                emit("table_row", p.text, p, p.raw, section=row.section)
                row.segment_id = segments[-1].id
            else:
                emit("heading", p.text, p, p.raw, section=row.section or table.section)
            continue
        if (appendix is not None and not appendix_tables and state.item is None
                and _APPENDIX_TASKS.match(p.text) and i + 1 < len(paras) and _opens_prose_list(paras[i + 1].text)):
            # An appendix of tasks in Roman parts ("I. NHIỆM VỤ CHUNG" over numbered items, "II.
            # NHIỆM VỤ CỤ THỂ" over a duty table; s15 dev nq175/NQ-CP 2023 Phụ lục I): its parts
            # are its own, PL1.I.1 and PL1.II.3, as a decision's article hosts the parts printed
            # in it. Before, the part lines were the appendix's title and the table sat in PL1.
            state.host, state.outer, state.last_part_no = appendix, (appendix, 0), 0
        in_prose = appendix is not None and not appendix_tables and (
            state.item is not None or _opens_prose_list(p.text) or state.host is appendix)
        if appendix is not None and not in_prose:
            # The appendix title ("DANH MỤC CÁC NHIỆM VỤ … ĐẾN NĂM 2030") is its heading: its
            # period dates the targets of the tables below.
            if len(appendix.heading) < 300 and not appendix_tables and not p.text.startswith("("):
                appendix.heading = f"{appendix.heading} {p.text}".strip()
            emit("heading", p.text, p, p.raw)
            continue
        if i < body_start:
            kind = "title" if i in header.title_paragraphs else "preamble"
            emit(kind, p.text, p, p.raw)
            continue
        if not in_prose and i < sign_start and (page_note or _opens_page_note(p.text, glued)):
            if not (page_note and _BODY_LINE.match(p.text)):
                # A pdf text layer prints a page's footnotes at its foot, then the page number:
                # "1 Hồ sơ, mẫu … quy định tại …" under a bullet whose word carries the glued
                # anchor ("… theo quy định của pháp luật1."). They are notes, not the bullet's
                # list (s16 dev cv6987-snnmt-2026: three false duties, one false report_to).
                emit("note", p.text, p, p.raw)
                page_note = not _ENDS_WITH_PAGE_NUMBER.search(p.text)
                continue
            page_note = False
        opens = footnote_number(p.text)
        if not in_prose and (i >= sign_start or note is not None or (opens is not None and opens in anchors)):
            # Footnotes follow the signature on crawled pages (or the body, where no signature
            # was found): "[1]" opens one, the lines up to the next "[2]" continue it (kh165: 27
            # cited documents live only in its notes).
            note = opens or note
            if note is not None:
                emit("note", p.text, p, p.raw, section=anchors.get(note))
            elif _lists_a_document(p.text):
                emit("note", p.text, p, p.raw)  # an attached list of the documents it recalls
            else:
                emit("signature", p.text, p, p.raw)
            continue
        if p.kind == "table_row":
            emit("table_row", p.text, p, p.raw)
            continue
        if (state.subitem or state.item) is not None and (field_text := _field_letter(p.text)) is not None:
            state.letter, state.topic = None, None  # a field of the item's task, not a point of it
            if not field_text:
                continue  # "a) Nhiệm vụ:" alone: the bullets below it are the task
            p = replace(p, text=field_text)
        if i > quoted_to and i > body_start and (end := _quotation_end(paras, i, sign_start)) is not None:
            quoted_to = end
        if i <= quoted_to:
            emit("paragraph", p.text, p, p.raw)  # the cited text's numbering is not the outline's
            continue
        found = None
        for attempt in (_try_division, _try_part, _try_subitem, _try_item, _try_letter, _try_topic):
            found = attempt(state, p)
            if found:
                break
        if found:
            section, body = found
            chapter_title = False
            if body and section.kind != "topic":
                state.derived.add(section.id)
            if body is None and section.kind != "topic":
                emit("heading", section.heading, p)
            if body:
                emit("paragraph", body, p, p.raw)
            continue
        chapter = _CHAPTER_LINE.match(p.text) if state.last_article_no > 0 else None
        if chapter and len(p.text.split()) <= 40 and (
                not chapter.group("rest").strip() or metadata.is_caps(chapter.group("rest"))):
            # "Chương VII" / "Mục 2. BẢO VỆ THÔNG TIN CÁ NHÂN" between a law's articles: the last
            # article is over (its chapter name is no clause of it), and the capitals line that
            # names the chapter under a bare "Chương VII" is its heading, not text.
            state.item, state.subitem, state.letter, state.topic = None, None, None, None
            emit("heading", p.text, p, p.raw)
            chapter_title = not chapter.group("rest").strip()
            continue
        if chapter_title and metadata.is_caps(p.text) and len(p.text.split()) <= 40:
            chapter_title = False
            emit("heading", p.text, p, p.raw)
            continue
        chapter_title = False
        bullet = _BULLET_RE.match(p.text)
        closing = None if bullet else closing_kind(p.text)
        inner = state.innermost_numbered()
        if closing == "request":
            # Only a Roman part's: in a decision or a text of numbered items only, "Đề nghị …"
            # after the last item is that item's (s15 dev qd2390 lost 12 duties).
            closing = "plan" if state.part is not None and state.part.kind == "part" else None
        if closing == "oversight":
            # After the last item it closes the document; alone under a part it is the part's.
            closing = "document" if inner is not None and inner is not state.part else None
        # A document with no parts (a directive, a letter: numbered items only) ends with such a
        # paragraph after its last item: it speaks to the whole document, as "Trên đây là …"
        # does ([decided, kh165]), not to the last item (2025 directives, session 13).
        unparted_end = (state.part is None and state.division is None and inner is not None
                        and inner.id in with_content and _last_in_part(paras, i, sign_start))
        if closing in ("part", "plan") and not unparted_end and not (
                state.part is not None and state.part.kind == "part" and inner is not None
                and inner is not state.part and inner.id in with_content
                and (closing == "part" or _last_in_part(paras, i, sign_start))):
            # The first paragraph under an item is the item's own content ("2. Chế độ báo
            # cáo" then "Trong quá trình thực hiện, nếu có khó khăn …"), whatever it says.
            closing = None
        if closing is not None:
            # Only the part stays open (or nothing, after "Trên đây là …"): the paragraphs up
            # to the next heading belong to it, not to the last item.
            if closing == "document":
                state.part = state.division = None
            state.item, state.subitem, state.letter, state.topic = None, None, None, None
        if bullet:
            emit("bullet", bullet.group("rest"), p, p.raw)
        else:
            emit("paragraph", p.text, p, p.raw)

    assign_parts(sections, header.meta.type)
    if not sections:
        warnings.append(ParseWarning("no_outline", "no numbered outline found", None))
    if not any(s.searchable for s in segments):
        warnings.append(ParseWarning("no_content", "no searchable text found", None))
    warnings.extend(header.warnings)
    return Document(
        doc_id=doc_id,
        path=source.path,
        sha256=source.sha256,
        format=source.format,
        meta=header.meta,
        sections=sections,
        segments=segments,
        warnings=warnings,
        pages=source.pages,
        tables=[table for table, _block in role_tables if id(table) in placed],
    )


# A passage quoted from a law after its lead-in ("… Luật X quy định:" / "“1. Nhà nước quản lý …" /
# "3. Bảo đảm …”"): its clause numbers and articles ("Điều 56.") are the cited text's, not the
# document's outline ([decided, s15 fixP]). s16 held-out cv597 (a reply letter quoting three
# laws) read them as its items 1-5 and 4.2, and charged "Thủ tướng Chính phủ" of the law's Điều 59.
_QUOTE_OPEN = re.compile(r'^\s*[“"]')
_QUOTE_CLOSE = re.compile(r'[”"][\s.,;:)/]*$')
_QUOTATION_SPAN = 40  # paragraphs: an opening quote never closed is a typo, not a passage


def _quotation_end(paras: list[Paragraph], i: int, sign_start: int) -> int | None:
    """The last paragraph of the quoted passage that paragraph ``i`` opens, or None: ``i``
    opens with a quotation mark under a lead-in that ends with a colon and does not close it; the
    passage ends at the first paragraph that ends with a closing mark, within
    :data:`_QUOTATION_SPAN` paragraphs and before the signature."""
    text = paras[i].text
    if not _QUOTE_OPEN.match(text) or _QUOTE_CLOSE.search(text) or i == 0:
        return None
    if not paras[i - 1].text.rstrip().endswith(":"):
        return None
    for j in range(i + 1, min(i + _QUOTATION_SPAN, sign_start, len(paras))):
        if paras[j].kind != "text":
            return None
        if _QUOTE_CLOSE.search(paras[j].text):
            return j
    return None


# The line under an appendix's title that names what it is printed with: "(Kèm theo Kế hoạch số
# …)", "(Ban hành kèm theo Quyết định …)". An appendix of a programme printed inside a
# resolution has no signature above it, and its table may not be read as one (a gazette's PDF
# text prints a cell's words one line-piece after another): this line still says that the
# "Phụ lục I" over it opens an appendix, which a sentence naming an appendix never has.
_ATTACHMENT_LINE = re.compile(r"(?:^|\s)\(\s*(?:Ban hành\s+)?[Kk]èm\s+theo\b")


# The title of a list a decision attaches without "PHỤ LỤC": "DANH MỤC CÁC NHIỆM VỤ, DỰ ÁN …".
_LIST_TITLE = re.compile(r"^DANH MỤC\b")


def _attached_list(paras: list[Paragraph], i: int) -> bool:
    """Whether paragraph ``i`` (after the signature, or in the body: see below) opens an attached
    list that stands for an appendix: "DANH MỤC" in capitals, a "(Ban hành kèm theo …)" line
    within the next three paragraphs and a table under it. QD 1775/QĐ-TTg 2012
    (Trangsct/skill-sct) attaches its 23 tasks so: read as the signature's lines, its rows had no section to cite. A crawled page may
    drop the signature, the list then following the last item (s15 nq88/NQ-CP 2022: its 29 rows
    were cited as "III.3"); the attachment line tells the list from a table in the body."""
    p = paras[i]
    return (p.kind == "text" and bool(_LIST_TITLE.match(p.text.strip("*_ ")))
            and any(_ATTACHMENT_LINE.search(q.text) for q in paras[i : i + 4])
            and any(q.kind == "table_row" for q in paras[i + 1 : i + 8]))


def _titles_schedule(paras: list[Paragraph], i: int, state: _OutlineState,
                     table_rows: dict[Provenance, tuple[Table, TableRow]]) -> bool:
    """Whether paragraph ``i`` is the title of an unnumbered annexed duty table: a line in
    capitals without a marker ("NỘI DUNG CHI TIẾT", "BẢNG PHÂN CÔNG NHIỆM VỤ") after the
    organisation part's items, right over the table. A ministry's plan that says "(Chi tiết tại
    biểu kèm theo)" prints its schedule so, with no "PHỤ LỤC" (s15 dev qd836-bxd-2019): read as
    part of the last item, its 24 rows were cited as that item."""
    text = paras[i].text.strip()
    words = text.split()
    if paras[i].kind != "text" or not 2 <= len(words) <= 15 or text != text.upper() \
            or not any(c.isalpha() for c in text) or _ITEM_RE.match(text) or _NEXT_PART.match(text):
        return False
    part = state.part
    if part is None or part.kind == "appendix" or "to chuc thuc hien" not in fold(part.heading):
        return False
    nxt = paras[i + 1] if i + 1 < len(paras) else None
    if nxt is None or nxt.kind != "table_row" or nxt.prov not in table_rows:
        return False
    return table_rows[nxt.prov][0].kind == "duty"


def _open_appendix(state: _OutlineState, opened: tuple[int | None, str], p: Paragraph,
                   previous: Section | None) -> Section:
    """A "PHỤ LỤC" heading: a new top-level section ``PL<n>`` (``KH.PL<n>`` inside an attached
    plan, whose sections carry the ``KH.`` prefix)."""
    number, rest = opened
    if number is None:
        number = int(previous.id.rsplit("PL", 1)[1]) + 1 if previous else 1
    top = state.part.id if state.part else ""
    # The attached plan's prefix: the outline state's own (layout-header's id_prefix) or the one
    # its sections carry.
    prefix = getattr(state, "id_prefix", "") or (
        "KH." if top.startswith("KH.") or (previous and previous.id.startswith("KH.")) else "")
    heading = f"Phụ lục {number}" + (f": {rest}" if rest else "")
    section = state.add(Section(id=f"{prefix}PL{number}", heading=heading, parent=None,
                                kind="appendix", prov=p.prov))
    state.part, state.item, state.subitem, state.letter, state.topic = section, None, None, None, None
    state.last_item_no = 0  # an appendix of numbered prose numbers its items afresh: PL1.1
    return section


# The first Roman part of an appendix of tasks: "I. NHIỆM VỤ CHUNG", "I. CÁC NHIỆM VỤ …".
_APPENDIX_TASKS = re.compile(r"^I\.\s+(?:CÁC\s+)?(?:NHIỆM VỤ|GIẢI PHÁP|PHÂN CÔNG)\b")


_LIST_MARK = re.compile(r"^[\s*_|]*(?:\d{1,3}\s*[.)]|[-–•+])?\s*")
_NUMBER_AFTER_TYPE = re.compile(r"\s*số\s*\d{1,6}\s*/", re.IGNORECASE)


def _lists_a_document(text: str) -> bool:
    """Whether a line after the signature is an entry of an attached list of documents ("Danh
    mục các văn bản đã ban hành": "1. Quyết định số …/QĐ-… ngày … về …"): a reference, read for its
    citations like a footnote, not a line of the signature. s15 dev cv6225, a ministry's letter
    recalling the 17 decisions, plans and letters it had issued: all lost with the signature."""
    rest = _LIST_MARK.sub("", text, count=1)
    kind = title_type(rest)
    return kind is not None and _NUMBER_AFTER_TYPE.match(rest, len(kind)) is not None


def _opens_prose_list(text: str) -> bool:
    """Whether ``text`` is the first item ("1. Bộ Tài chính chủ trì, …") of an appendix that
    lists its tasks as numbered prose instead of a table.

    A Government resolution of a monthly session closes with "Phụ lục: NHIỆM VỤ CỤ THỂ GIAO CÁC
    BỘ, CƠ QUAN, ĐỊA PHƯƠNG", one numbered item per ministry with lettered points, after the
    signature (s14 dev nq122: 90 of its 107 duties); read as the appendix's title and the
    signature's lines, none of them was found."""
    m = _ITEM_RE.match(text)
    return m is not None and not m.group("word") and _item_digits(m) == "1"
