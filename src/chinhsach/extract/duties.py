"""Duties (nhiệm vụ, giải pháp) and the units charged with them, with roles and deadlines.

A duty is a paragraph or bullet of the parts that set tasks ("Nhiệm vụ và giải pháp",
"Tổ chức thực hiện", "Phân công", "Trách nhiệm"), or any paragraph outside objectives and
purposes that assigns a unit ("Sở Y tế chủ trì ..."). Roles come from the words around each unit
mention, the same way a reader finds them:

- ``lead``: "Giao X", "X chủ trì", "X chịu trách nhiệm", "X chỉ đạo", the unit that opens the
  sentence as its subject, and units named by the heading of the item ("2. Giao Ban Tuyên giáo
  Tỉnh ủy", "1. Sở Y tế") for everything under it;
- ``cooperate``: units after "phối hợp với";
- ``monitor``: the unit charged with "theo dõi", "kiểm tra", "giám sát" (often the lead too);
- ``report_to``: units after "báo cáo ... với/cho/về", "trình", "(qua X)", "chịu trách nhiệm
  trước X", "tham mưu cho X".

Duties that name no unit inherit the plan's lead (the unit that "Tổ chức thực hiện" charges with
the whole plan) as ``explicit=False``.

Two layouts name the lead away from the duty's own words: a lead-in line ("Giao Sở Tài chính:",
"Chỉ đạo Công an tỉnh:", a bold unit line) over the bullets and paragraphs that follow it, and
labelled fields under a task ("- Cơ quan chủ trì: …", "- Thời gian hoàn thành: …"), read as the
columns of a duty table. The development plans print lead-ins only right under a heading that
names the same unit (kh153 IV.1, kh179 VI.10) or as "Chủ trì, phối hợp với …:" (qd2954 KH.V.4),
and no labelled fields; both mechanisms were written for unseen plans (issue 12) and are covered
by ``tests/test_duties_general.py``.

Laws and decrees write the same lead-in as a sentence: "Bộ Quốc phòng có nhiệm vụ, quyền hạn sau
đây:" over points a), b) … (:func:`lead_in_clause`), and name whose article it is in its title
("Điều 38. Trách nhiệm của Bộ Thông tin và Truyền thông"), which leads the clauses that name no
subject of their own. On the responsibility articles of six real laws (``gold/fresh``, read blind
once: units with roles F1 0.495) these took the score to 0.977 against the blind annotation;
the set is development data since (``tests/test_laws_duties.py`` holds made-up laws).

An institution's regulation (quy chế, quy định, also one attached to a decision) says who does what
in plain verbs in every article, with submissions, consents and approvals for report_to; there
any sentence where a unit takes a role is a duty (``gold/fresh-pdf``, development since its blind
measurement; ``tests/test_institution_units.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from chinhsach.extract.units import find_units, joint_body, one_name_per_body
from chinhsach.model import Document, Duty, Section, Segment, UnitRole
from chinhsach.structure.outline import CONSTITUTES
from chinhsach.text.bodies import FOLLOW_UP
from chinhsach.text.normalize import ADDRESSEES_FOLDED, ADDRESSEES_MARK, fold, normalize_text
from chinhsach.text.numbers import month_end

# Words that charge a unit with something: a sentence with one of them and a unit it governs is
# a duty wherever it stands (an excerpt, a decision article, a closing paragraph).
_CHARGE = re.compile(r"\b(?:giao|chu tri|phoi hop|chiu trach nhiem|co trach nhiem|tham muu|de nghi|"
                     r"yeu cau|lam dau moi|la co quan (?:thuong truc|dau moi|chu tri)|to chuc thuc hien|"
                     r"trien khai)\b")
# Letters drop the "nếu" ("Quá trình thực hiện có khó khăn, vướng mắc đề nghị các đơn vị báo cáo về
# Sở X", the fresh-scans letter HzW_18) and circulars ask to "phản ánh kịp thời về Bộ X" instead.
_DIFFICULTIES = re.compile(r"\b(?:neu |thuc hien )co\b.{0,30}\b(?:kho khan|vuong mac)\b.{0,200}\b(?:bao cao|phan anh|phan hoi)\b")
# "… biết, thực hiện và báo cáo việc thực hiện về Sở Y tế" (the fresh-scans letter U9c_513), "báo cáo
# kết quả về Sở X trước ngày …", "phải báo cáo …": a letter's instruction to report, the one sentence of many official
# letters that names a body (the receiver) and carries the letter's deadline (session-11 survey:
# the fresh-scans letter U9c_513, Bắc Kạn 2021, the 2020 inspection letter of thanhtravietnam.vn).
# Not a report already made ("đã báo cáo", "tại Báo cáo số …").
# "Hồ sơ … gửi về Sở Nội vụ (qua Phòng X) trước ngày 31/3/2026 để tổng hợp": a submission due by a
# date is charged to whoever submits, even when it names no sender, as award plans route their
# dossiers (the Đắk Lắk 2025 emulation plan of session 13, /tmp/s13/dev; tests/test_emulation_plans.py).
_CHARGED_REPORT = re.compile(r"(?<!\bda )\b(?:thuc hien va bao cao|phai bao cao|bao cao ket qua|bao cao viec thuc hien"
                             r"|gui bao cao|gui (?:ve|den|cho)\b[^.;]{0,120}\b(?:truoc ngay|cham nhat)\b)")
_CARRIES_PLAN = re.compile(r"\b(?:to chuc )?(?:trien khai )?thuc hien\b.*\b(?:ke hoach|chuong trinh|quyet dinh) nay\b")
# A paragraph that is a quotation and nothing else: the theme or slogan of an emulation campaign
# printed under "1. Chủ đề thi đua" in its task part (dev kh0124 II.1 of the session-13 fresh
# plans; GUIDELINES-real.md: a title line is no leaf item).
_QUOTED_ONLY = re.compile(r"[“\"][^“”\"]+[”\"]\s*[.;]?")
# A clause that only dates the act or names what it replaces ("1. Quyết định này có hiệu lực
# từ ngày ký ban hành.", "2. Quyết định này thay thế Quyết định số …") in the closing article of
# a decision set in a "Tổ chức thực hiện và điều khoản thi hành" chapter (s16 dev qd08-ttg-2022
# D14.1, qd28-ttg-2021 D8.1, qd28-ttg-2026 D26): every item of that part is read as a task, and
# these charge no one; nor does an article "Điều 6. Hiệu lực thi hành" whose title the joiner ran
# into that one sentence. The whole clause only, on folded text: "… có hiệu lực từ ngày ký. Chánh
# Văn phòng … chịu trách nhiệm thi hành" goes on with a charge.
_IN_FORCE_ONLY = re.compile(r"(?:[-+•*]\s*)?(?:(?:hieu luc(?: thi hanh)?|dieu khoan thi hanh)\s+)?(?:quyet dinh|nghi quyet|chi thi|ke hoach|thong tu|quy che|quy dinh|huong dan)"
                            r" nay (?:co hieu luc|thay the)\b[^.;]*(?:\d[.;/]\d[^.;]*)*[.;]?(?:/\.)?")
# The enacting formula that ends a plan's preamble: "Ủy ban nhân dân tỉnh triển khai Phong trào …
# và ban hành Kế hoạch tổ chức thực hiện như sau:" (dev kh982 of the session-13 fresh plans; its
# "triển khai" made the issuer the lead of a duty in the preamble).
# The plan's name it repeats may hold semicolons (a campaign's name of three clauses).
_ENACTS = re.compile(r"\b(?:ban hanh|xay dung)\s+(?:ke hoach|chuong trinh)\b[^.]*\b(?:nhu sau|sau day)\s*:\s*$")
_FOLLOWS_PLAN = re.compile(
    r"\b(?:la co quan thuong truc|lam dau moi|la dau moi|tong hop,? bao cao|"
    r"(?:theo doi|kiem tra|don doc|giam sat),? (?:va )?(?:theo doi|kiem tra|don doc|giam sat|huong dan)|"
    r"to chuc (?:trien khai )?thuc hien ke hoach nay)\b")
_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=\S)")
# A lead-in that only announces the list after it ("Các nhiệm vụ trọng tâm bao gồm:").
_LEAD_IN_WORDS = 15

# Cues on folded text. Each cue's match end is where the governed units start.
# "các đồng chí Bộ trưởng, …", "đề nghị các đồng chí Bí thư …": the form of address before the
# title of those charged (Government telegrams and notices, Party conclusions) is no opener.
# "Khuyến khích X …" opening a clause charges a body outside the issuer's command (Mặt trận,
# đoàn thể, associations: GUIDELINES-real.md) as "Đề nghị X" does; inside a clause ("…, khuyến
# khích doanh nghiệp đầu tư") X is only the object of the promotion.
_LEAD_BEFORE = re.compile(
    r"(?:(?:^|[\s,;(])(?:giao(?: trach nhiem)?(?: cu the)?(?: cho)?|de nghi|yeu cau)"
    # "yêu cầu Giám đốc, Thủ trưởng các sở, ban ngành, …": a bare title listed before the one
    # that heads the bodies (a 2025 Cần Thơ directive; before, no addressee was charged).
    r"(?:\s+(?:giam doc|thu truong|lanh dao|nguoi dung dau)\s*,)?"
    r"|(?:^|[.;:]\s*)[\s\-+•*]*khuyen khich"
    # "Giao nhiệm vụ cho Phó Trưởng phòng … và Chuyên viên thuộc Phòng X …" opens a decision's
    # article (s16 dev qd5116-sct-2026 Điều 1); after a comma it is a noun in a list ("Cơ chế đặt
    # hàng, giao nhiệm vụ cho các doanh nghiệp …", kh179: the firms are charged with nothing).
    r"|(?:^|(?<![,;])\s|\()giao nhiem vu cho)\s+(?:cac\s+)?(?:dong chi\s+)?$"
)
_LEAD_AFTER = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:chu tri|chiu trach nhiem(?! truoc)|co trach nhiem|chi dao|lanh dao|"
    r"la co quan (?:thuong truc|dau moi|chu tri)|lam dau moi|thuc hien|to chuc|trien khai|"
    r"tang cuong|day manh|xay dung|tham muu|huong dan|phoi hop|"
    # "…, cơ sở X phải thực hiện:", "X phải gửi …": the body that must act is the actor, whatever
    # comma-closed limit opens the sentence (a circular's "kể từ ngày kết thúc việc khám bệnh,
    # chữa bệnh đối với người bệnh, …" has commas of its own; fresh scans, HzW_18_syt_vp ATT.D7.1).
    r"phai (?!la\b|duoc\b|chiu\b)|"
    # "… căn cứ Quyết định thi hành": the execution article's other wording.
    r"can cu (?:quyet dinh|nghi quyet|chi thi|ke hoach|quy che|quy dinh)\b)"
)
# "phối hợp với đầu mối các bộ, ngành": the partners' focal points stand for the partners.
# Generic partners may come first ("phối hợp với cơ quan, tổ chức có liên quan và chính quyền
# địa phương"): the unit named after them is a partner all the same.
# "phối hợp với các cơ quan Trung ương, Bộ Tài chính": a level word may close the generic noun.
_GENERIC_PARTNERS = (r"(?:(?:cac\s+)?(?:co quan|to chuc|don vi)\s+(?:trung uong|dia phuong)\s*(?:,|va)\s+|"
                     r"(?:(?:cac\s+)?(?:co quan|to chuc|don vi|ca nhan)(?:\s*,\s*|\s+)){1,4}"
                     r"(?:(?:co\s+)?lien quan\s*)?(?:,|va)\s+)")
# "phối hợp với các Bộ: Xây dựng, Quốc phòng …": a head written once before a colon for a list of
# bodies (units.json "distribute"); the partners follow the colon (s14 dev nq122 PL1.10.b).
_SHARED_HEAD = r"(?:bo|so|cuc|vu|ban|phong|trung tam|chi cuc|tong cuc|hoi|quy)\s*:\s*"
# "tổ chức diễn đàn với sự tham gia của Bộ X, các cơ quan báo chí": the bodies that take part
# in the duty's work are its partners, as after "tham gia cùng X" ([decided, kh179]; s14 dev kh09
# items III.1.e and III.4).
# "ký (kết) với X": the counterparty of the unit's signing is its partner (GUIDELINES-real.md
# [decided, adjud]; s16 qd1803-ttg-2015 Điều 3, the State Bank signing with the World Bank).
_COOPERATE = re.compile(r"(?:phoi hop(?: chat che)?(?: voi| cung)?(?: (?:cac )?dau moi)?|voi su tham gia(?: tich cuc)? cua"
                        # not a past signing ("thỏa thuận đã ký kết với chính quyền địa phương", seed III.6)
                        r"|(?<!\bda )(?<!\bduoc )\bky(?: ket)? voi)"
                        rf"\s+(?:cac\s+)?(?:{_GENERIC_PARTNERS}(?:cac\s+)?)?(?:{_SHARED_HEAD})?$")
# "tham mưu đề xuất UBND tỉnh" advises the committee as "tham mưu UBND tỉnh" does (kh556 prints
# both); "báo cáo kết quả thực hiện Kế hoạch này về Bộ X", "đồng gửi UBND tỉnh": the object of the
# report may stand between "báo cáo" and the "về" that names the recipient.
_REPORT = re.compile(
    # "báo cáo kịp thời UBND tỉnh (qua Sở X)": a manner adverb may stand before the recipient
    # (the closing sentence of provincial plans, kh987-style; fresh-plans dev gold).
    r"(?:bao cao(?: kip thoi| ngay| dinh ky)?(?: ket qua(?: thuc hien)?)?(?: ve| voi| cho| len| gui)?|trinh|\(qua|qua|"
    # The object may be a list ("Báo cáo kịp thời, đầy đủ thông tin và số liệu thống kê … về Bộ
    # Khoa học và Công nghệ", 15 words, fresh LUATKHOAHOCCONGNGHE D75.4.c).
    # A bracketed time may stand in the object: "báo cáo kết quả 6 tháng (trước ngày 15/6) và
    # năm (trước ngày 15/12) về Sở Nội vụ" (the reporting clause of provincial plans).
    r"bao cao(?:,?\s+(?:[^\s;.,()]+|\([^()]{1,40}\))){1,16}?\s+(?:ve|len|gui ve|toi)|"
    # "báo cáo kết quả kiểm tra với Chủ tịch UBND tỉnh" (a 2024 inspection plan relayed by
    # thanhtra.com.vn): "với" names the recipient only after the reported results, so
    # that "báo cáo, phối hợp với X" keeps X a partner. "cho" likewise: "Báo cáo kết quả kiểm
    # kê cho cơ quan quản lý cấp trên" (qd1627 IV.1.5 of the session-13 fresh documents).
    r"bao cao (?:ket qua|tinh hinh|tien do)(?:\s+[^\s;.,()]+){0,12}?\s+(?:voi|cho)|"
    # "chịu trách nhiệm giải trình trước UBND Thành phố", "giải trình với Sở X": the body a unit
    # accounts to is the one it answers to (the [decided, laws] rule; fresh plan qd2820).
    r"(?:trach nhiem )?giai trinh (?:truoc|voi)|"
    # "chịu trách nhiệm trước Nhà đầu tư và Chủ tịch UBND tỉnh", "… trước pháp luật và trước Chủ
    # tịch UBND tỉnh" (ct010 I.2.1.đ of the session-13 fresh plans): the law, the investor or the
    # people named first are no units, and the body after them is still the one answered to.
    # "chịu trách nhiệm toàn diện trước pháp luật và trước UBND tỉnh" (s14 dev cv-ubnd-2026 item 7).
    r"chiu trach nhiem(?: truc tiep| toan dien)? truoc(?:\s+(?:phap luat|nha dau tu|nhan dan|nguoi dan)\s*(?:,|va)(?:\s+truoc)?)*"
    r"|tham muu,?(?: de xuat| de nghi)?(?: cho)?|(?:dong )?gui(?: ve| den)?|"
    # "gửi kết quả rà soát về Bộ Công an trước ngày …" (a national plan's time field), "gửi danh
    # sách về Sở X" (kh987 IV.4 of the session-13 fresh plans): the object sent may stand between
    # "gửi" and the "về" / "đến" that names the receiver, as after "báo cáo".
    # "gửi danh sách người lao động đề nghị hỗ trợ … theo Mẫu số 03 đến cơ quan X" (a procedure
    # step naming its form, 13 words: s16 dev qd08-ttg-2022 Điều 11.3): as long as after "báo cáo".
    r"gui(?:\s+[^\s;.,()]+){1,16}?\s+(?:ve|den|toi)|"
    # "gửi các nội dung, thông tin về quy hoạch …, … cho các cơ quan đăng ký đầu tư để cung cấp
    # …" (ct010 II.2 of the session-13 fresh plans): a long object of documents, commas and all,
    # then "cho" and the receiver. Only an object that opens with a kind of document.
    r"gui\s+(?:cac\s+|nhung\s+)?(?:noi dung|thong tin|tai lieu|van ban|ho so|du lieu|danh sach|ket qua|so lieu)\b"
    r"[^;.()]{0,300}?\s+cho|"
    # Every addressee of a chain of advice: "báo cáo UBND thành phố đề xuất Bộ Công an, Chính phủ",
    # "kiến nghị Chính phủ bổ sung …" (GUIDELINES-real.md, adjudicated in session 10).
    r"(?:de xuat|kien nghi)(?: voi| len)?|"
    # "phản ánh kịp thời về Bộ X (Vụ Y) để xem xét, giải quyết": a circular's and a letter's
    # closing request sends problems to the body that resolves them (fresh-scans gold, HzW_18).
    # "phản hồi về Ban Chỉ đạo (qua Sở X)" is the same closing request (qd1627 of the session-13
    # fresh plans).
    r"(?:phan anh|phan hoi)(?: kip thoi)?(?: ve| voi| len| toi| den)|"
    # A submission to a body ("nộp đơn cho khoa", "nộp về Phòng Đào tạo", "chuyển cho Phòng X
    # xem xét") and a consent someone needs ("được sự đồng ý của Trưởng khoa"): the body receives
    # and decides, as with a report (gold/fresh-pdf/README.md, convention 5).
    r"nop(?:\s+[^\s;.,()]+){0,12}?\s+(?:cho|ve|toi|den)|chuyen(?: ho so| don)? (?:cho|ve|den)|"
    r"(?:duoc\s+)?su (?:dong y|chap thuan|phe duyet) cua)\s+(?:cac\s+)?$"
)
# A letter puts its due date between the receiver and what the receiver does with the reports
# ("gửi về Sở Nội vụ trước ngày 05/12/2025 để tổng hợp", "gửi Sở X chậm nhất ngày … để tổng hợp";
# the session-12 survey of letters, tests/test_charges_survey.py): the receiver still consolidates.
# A procedure step sends files "để xác nhận", "để thẩm định": the receiver checks them, as it
# consolidates reports ([decided, adjud] "để (X) tổng hợp, tham mưu, xem xét …"; s16 dev
# qd08-ttg-2022 Điều 7.3, 11.3).
_ACTS_ON_REPORTS = re.compile(r"^\s*,?\s*(?:(?:truoc|cham nhat|trong|den het|den)\b[^,;.()]{0,40}?,?\s*)?"
                              r"de\s+(?:tong hop|xem xet,? giai quyet|giai quyet|tham muu|cung cap|xac nhan|tham dinh)\b")
# "gửi Sở X tổng hợp, báo cáo …", "phản ánh về Sở X tổng hợp, …": what is sent is for X to
# consolidate, as with "để tổng hợp" (fresh plan kh308 II.4.1, development kh165's closing); not
# "tham mưu X tổng hợp", where the adviser consolidates.
_SENT_BEFORE = re.compile(r"\b(?:gui|phan anh|bao cao|nop)(?: kip thoi)?(?: (?:ve|den|len|cho|toi))?\s+(?:cac\s+)?$")
_CONSOLIDATES = re.compile(r"^\s*tong hop\b")
# "hình thức thi, kiểm tra, đánh giá", "quy chế về thi, kiểm tra": tests beside exams are nouns.
# "đoàn kiểm tra", "đợt kiểm tra" (an inspection plan's team and round) are nouns too.
# "thanh tra" is the verb too (GUIDELINES-real.md lists it with "kiểm tra"; ct09 8.b of the
# session-13 fresh plans: "Giao Thanh tra thành phố tổ chức thanh tra việc chấp hành …"), but not
# the inspectorate's name ("Thanh tra tỉnh", "Chánh Thanh tra", "cơ quan thanh tra") nor the
# findings of one ("kết luận thanh tra").
_MONITOR_VERBS = re.compile(r"\b(?:theo doi|(?<!\bthi, )(?<!\bthi )(?<!\bdoan )(?<!\bdot )kiem tra|giam sat"
                            r"|(?<!\bdoan )(?<!\bdot )(?<!\bchanh )(?<!\bco quan )(?<!\bket luan )(?<!\bthanh vien )"
                            r"thanh tra(?!\s+(?:tinh|thanh pho|huyen|quan|so|bo|chinh phu|vien|nha nuoc|cap|giao thong|xay dung)\b))\b")
MONITOR_VERBS = _MONITOR_VERBS  # public: table cells (extract.tables) use the same verbs
_CLAUSE_BREAK = re.compile(r"[;.]")
# Between two members of a list of units: commas, "và", "các".
# Generic words may stand in a list without breaking it ("các sở, ban, ngành, đơn vị cấp tỉnh,
# Ủy ban nhân dân các huyện"), and so may the address of the office holders listed ("các đồng chí
# bí thư …, các đồng chí bộ trưởng …": kl221 item 2 of the session-13 fresh documents, where the
# first holders lost the second's monitoring).
_LIST_GAP = re.compile(
    r"^(?:[\s,;/]|va\s|va cua\s|hoac\s|cac\s|dong chi\b|co quan\b|can bo\b|\((?:noi|co so|doi voi)\b[^()]{0,50}\)|don vi\b|dia phuong\b|cap tinh\b|cap huyen\b|cap xa\b|"
    r"chuc nang\b|co lien quan\b|lien quan\b|truc thuoc\b|cua (?:tinh|thanh pho|huyen)\b|tren dia ban\b|"
    # "Bộ, cơ quan ngang bộ, cơ quan khác ở trung ương và Ủy ban nhân dân …" (s15 dev cv8388)
    r"khac(?: o trung uong)?\b)*$"
)

_VAGUE = frozenset({"thường xuyên", "định kỳ"})
# Numbers as laws spell them out ("hai năm một lần", "ba mươi ngày"): the ones a period or a
# time limit is written with.
_NUMBER_VALUES = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
                  "chin": 9, "muoi": 10, "muoi lam": 15, "hai muoi": 20, "ba muoi": 30, "bon muoi lam": 45,
                  "sau muoi": 60, "chin muoi": 90}
_NUMBER_WORDS = "|".join(sorted(_NUMBER_VALUES, key=len, reverse=True))
# "6 tháng" is a cycle only when its words say so: after "định kỳ", "mỗi", "báo cáo", "sơ kết"
# ("định kỳ 06 tháng", "báo cáo 6 tháng"), before the year's report ("6 tháng, năm", "6 tháng
# và hằng năm", "6 tháng, tổng kết năm"), "6 tháng một lần", or in a list of frequencies
# ("định kỳ hàng tháng (…), 6 tháng (…)"); "nửa năm" in the same places is the same cycle.
# Elsewhere it is a length: "biệt tích 06 tháng liền",
# "điều trị 06 tháng liên tục", "bình quân của 06 tháng liền kề", "trong 6 tháng", "6 tháng đầu
# năm 2026" (deadline_audit.py: 150 such lengths in the laws were read as a cycle).
_SIX_MONTHS = re.compile(r"\b(?:(?:0?6|sau) thang|nua nam)\b(?!\s+(?:dau|cuoi) nam\b)")
_SIX_BEFORE = re.compile(r"(?:\b(?:dinh ky|moi|hang|bao cao|so ket|danh gia|kiem tra)\s+"
                         r"|\b(?:hang|moi) (?:ngay|tuan|thang|quy)\b[^.;]{0,60},\s*)$")
# "6 tháng, năm", "6 tháng và tổng kết năm": the half-year cycle and the yearly one after it.
# Each may carry its day in brackets: "báo cáo 6 tháng (trước ngày 15/6) và năm (trước ngày
# 15/12)" (the reporting clause of provincial plans; read as no cycle before).
_SIX_AND_YEAR = re.compile(r"(?:\s*\([^()]{0,40}\))?\s*(?:,|va|/)\s*(?:ca\s+|hang\s+|moi\s+|tong ket\s+|bao cao\s+)?"
                           r"nam\b")
_SIX_AFTER = re.compile(rf"{_SIX_AND_YEAR.pattern}|\s+(?:mot|1|01)\s+lan\b|\s*/\s*lan\b")
# After a stated half-year cycle the yearly one may carry its count: "định kỳ 6 tháng, 01 năm"
# (read as "6 tháng" alone before). Only after a cycle word: "trong 6 tháng, 1 năm" lists lengths.
_SIX_AND_ONE_YEAR = re.compile(r"\s*(?:,|va|/)\s*(?:0?1|mot)\s+nam\b")
# A cycle of N years or months: "định kỳ 05 năm", "02 năm một lần", "định kỳ hai năm một lần",
# "3 tháng một lần" (the laws' reporting and review cycles; deadline_audit.py found 18, all
# read as nothing). Labelled "5 năm", "3 tháng" in the standard spelling, as "định kỳ 06 tháng"
# is "6 tháng" (GUIDELINES-real.md); the six-month cycle keeps its own pattern below.
_EVERY_N = re.compile(rf"\bdinh ky\s+(?:la\s+)?(?:it nhat\s+)?(?P<n>\d{{1,2}}|{_NUMBER_WORDS})\s+(?P<u>nam|thang)\b"
                      rf"|\b(?P<n2>\d{{1,2}}|{_NUMBER_WORDS})\s+(?P<u2>nam|thang)\s+(?:mot|1|01)\s+lan\b")
# A count per period: "ít nhất 03 lần/năm học", "02 lần/năm", "2 lần trong năm" (HNMU.pdf's
# graduation rounds; inspections and reviews of the laws), "02 đợt/tháng", "04 cuộc/năm", "02
# buổi/tuần" (kiểm tra, thanh tra, sinh hoạt): the rhythm of the action, labelled by its period
# with the count dropped ("hằng năm học", "hằng tháng"; GUIDELINES-real.md, [decided, s13 adj];
# the adjudicated kh0134 II.1). A duration ("03 ngày/hội nghị") or a product per year ("sản
# phẩm/năm") names no round and is no frequency.
_COUNT_PER = re.compile(rf"\b(?P<n>\d{{1,3}}|{_NUMBER_WORDS})\s+(?:lan\s*(?:/|trong|moi|mot)|(?:dot|cuoc|buoi)\s*/)\s*"
                        r"(?P<u>nam hoc|hoc k[yi]|nam|quy|thang|tuan|ngay)\b")
_PERIOD_NAMES = {"nam hoc": "năm học", "hoc ky": "học kỳ", "hoc ki": "học kỳ", "nam": "năm", "quy": "quý",
                 "thang": "tháng", "tuan": "tuần", "ngay": "ngày"}
# The comma may be missing: "Thời gian thực hiện: Thường xuyên hằng năm" (eight time fields of the
# spent s16 ctr435) is the list "Thường xuyên, hằng năm" of the table cells (s13 kh617, s16
# nq116), as ``time_cell`` already reads it. ("định kỳ hằng năm" never gets here: its "định kỳ"
# names the frequency after it and is no vague label.)
_FREQUENCY_LIST = re.compile(r"\s*,?\s*(?:dinh ky\s+)?(?:hang|moi)\s+(?:ngay|tuan|thang|quy|nam)\b")
# "báo cáo hằng tháng, quý, năm", "định kỳ hằng quý, 6 tháng, năm", "định kỳ 6 tháng, năm": one
# frequency word shared by a list of periods, each a cycle of its own (GUIDELINES-real.md joins
# several frequencies). Seen in a 2025 plan of the session-11 survey (Thái Bình); the development
# plans write the word before each period ("hằng tháng, 6 tháng, hằng năm", qd2954).
_SHARED_FREQUENCY = re.compile(r"(?:\b(?:hang|moi)\s+(?:ngay|tuan|thang|quy|nam)"
                               # "định kỳ 6 tháng, năm"; a time cell "6 tháng, năm". ("báo cáo 6 tháng, năm" in
                               # a sentence stays "6 tháng": tests/test_deadline_forms.py, test_extract.py.)
                               r"|(?:\bdinh ky\s+|^\s*)(?:0?6|sau)\s+thang)"
                               r"(?P<rest>(?:\s*(?:,|va|/)\s*(?:(?:0?6|sau)\s+thang|tuan|thang|quy|nam)\b(?!\s*\d))+)")
_PERIOD_MEMBER = re.compile(r"(?:0?6|sau)\s+thang|tuan|thang|quy|nam")
_MEMBER_LABELS = {"tuan": "hằng tuần", "thang": "hằng tháng", "quy": "hằng quý", "nam": "hằng năm"}
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_RECURRING = [
    (re.compile(r"\b(?:hang|moi) thang\b"), "hằng tháng"),
    # "trước ngày 10 của tháng cuối quý": a day of every quarter.
    (re.compile(r"\b(?:hang|moi) quy\b|\bthang cuoi (?:cua )?quy\b"), "hằng quý"),
    # "sau khi kết thúc mỗi học kì", "hằng học kỳ": a school's semester cycle (HNMU.pdf).
    (re.compile(r"\b(?:hang|moi) hoc k[yi]\b"), "hằng học kỳ"),
    # "6 tháng" (the six-month cycle) is matched by _SIX_MONTHS with its context, below.
    # "cứ mỗi năm làm việc được trợ cấp …" counts years of service: no yearly cycle.
    # Compounds that name a thing, not a cycle: "nghỉ hằng năm" (annual leave), "cây hằng năm"
    # (annual crops), "báo hằng ngày" (daily papers), "sinh hoạt / nhu cầu hằng ngày" (daily life).
    # "theo Nghị quyết hằng năm của Hội đồng nhân dân thành phố" (ct09 11.a of the session-13 fresh
    # plans): a document's title with its issuer, not the duty's cycle; "kế hoạch hằng năm" alone
    # (a plan made every year) still is one.
    (re.compile(r"(?<!\bnghi )(?<!\bcay )(?<!\bnghi quyet )(?<!\bke hoach )(?<!\bquyet dinh )"
                r"\b(?:hang|moi|thuong) nam\b(?!\s+(?:lam viec|cong tac|dong bao hiem))"
                r"|(?:(?<=\bnghi quyet )|(?<=\bke hoach )|(?<=\bquyet dinh ))(?:hang|thuong) nam\b(?!\s+cua\b)"),
     "hằng năm"),
    (re.compile(r"(?<!\bbao )(?<!\bsinh hoat )(?<!\bthiet yeu )(?<!\bnhu cau )\b(?:hang|moi) ngay\b"), "hằng ngày"),
    (re.compile(r"(?<!\bnghi )\b(?:hang|moi) tuan\b"), "hằng tuần"),  # "ngày nghỉ hằng tuần": weekly rest
    # "chi thường xuyên" (recurrent spending, against "chi đầu tư"), "kinh phí thường xuyên",
    # "bồi dưỡng thường xuyên" (continuing training): an attribute of the noun before it, not a
    # cycle (the development gold gives such duties none, kh144, kh179; deadline_audit.py).
    # "các nhiệm vụ thường xuyên như …" (routine tasks, KOZ_2268) names the tasks, not a cycle.
    # "Tỷ lệ người tập luyện thể dục thể thao thường xuyên" is a standing indicator (people who
    # exercise regularly), set as a target in the yearly indicator tables that decisions assign.
    # "giáo dục thường xuyên" is continuing education (a school level and its centres), and an
    # event that "thường xuyên xảy ra" / a place "thường xuyên chịu tác động, bị ngập" is a state
    # (GUIDELINES-real.md: not recurrences; both in qd2853 of the session-13 fresh plans).
    (re.compile(r"(?<!\bchi )(?<!\bphi )(?<!\bsach )(?<!\bduong )(?<!\bdao tao )(?<!\blam viec )"
                r"(?<!\bnhiem vu )(?<!\bcong viec )(?<!\btap luyen the duc the thao )(?<!\bluyen tap the duc the thao )"
                r"(?<!\bgiao duc )\bthuong xuyen\b(?!\s+(?:xay ra|chiu|bi|ngap)\b)"), "thường xuyên"),
    # "thường niên" is the yearly cycle by another name (GUIDELINES-real.md: synonyms take the
    # standard label, adjudicated in session 10).
    (re.compile(r"\bthuong nien\b"), "hằng năm"),
    # "định kỳ" that names no frequency (GUIDELINES-real.md: the label is "định kỳ"). A number word
    # is a frequency only before its period: folded, "định kỳ, sâu rộng" reads "sau" (six) too
    # (kh144 VI.13 lost its "định kỳ").
    (re.compile(rf"\bdinh ky\b(?!,?\s+(?:hang|moi|0?6\b|\d+|(?:{_NUMBER_WORDS})\s+(?:nam|thang|quy|tuan|lan)\b))"),
     "định kỳ"),
]


@dataclass(frozen=True, slots=True)
class Mention:
    """What the unit recogniser must give: a span and a canonical name."""

    start: int
    end: int
    name: str


UnitFinder = Callable[[str], Sequence[Mention]]


def _default_finder(text: str) -> Sequence[Mention]:
    return [Mention(m.start, m.end, m.name) for m in find_units(text)]


# "Trung tâm Phục vụ hành chính công tỉnh thuộc Văn phòng UBND tỉnh", "Chi cục Kiểm lâm thuộc Sở
# Nông nghiệp và Môi trường": the body after "thuộc" is where the named one sits (2025 decisions
# reorganising bodies under merged departments, session-12 survey). It takes no role of its own:
# the named body's span runs over it. Read apart, the parent took the duty of its own centre. A
# class in lower case ("các đơn vị thuộc Sở") is left alone: its owner may be charged with it.
_UNDER = re.compile(r",?\s+thuộc\s+")
# "UBND tỉnh Gia Lai (mới) giao …", "UBND các xã, phường (mới)", "Sở Tài chính tỉnh X (cũ)": a
# body dated by the 2025 reorganisation (baogialai.com.vn 6/2025, haithinh.ninhbinh.gov.vn
# 18/6/2025, thuyxuantien.chuongmy.hanoi.gov.vn). The mark is part of the name as printed: the
# words after it ("giao", "chủ trì") still follow the body.
_REORGANISED = re.compile(r"\s*\((?:mới|cũ|(?:sau|trước) (?:sắp xếp|sáp nhập|hợp nhất))\)", re.IGNORECASE)


# "Sở Kế hoạch và Đầu tư (nay là Sở Tài chính)", "Phòng Lao động - Thương binh và Xã hội (nay thuộc
# Phòng Nội vụ)": documents of 2025 still cite bodies merged away, with the successor in brackets
# (the session-12 survey, tests/test_leftovers_survey.py). Before, the old name took the role
# and the successor none.
_RENAMED = re.compile(r"\s*\(\s*(?:nay là|nay thuộc|nay đã hợp nhất vào|nay hợp nhất vào)\s+(?:các\s+)?", re.IGNORECASE)
_RENAMED_CLOSE = re.compile(r"\s*\)")


# "Trung tâm Dịch vụ việc làm Thành phố (Sở Nội vụ)", "Chi cục Thủy lợi (Sở Nông nghiệp và Môi
# trường)": a bracket after a subordinate body naming the department, ministry or committee it
# belongs to says whose it is, as "thuộc" does (:data:`_UNDER`); the parent takes no role of its
# own. The reverse, a sub-body in brackets after its parent ("Sở Nội vụ (Ban Thi đua - Khen
# thưởng)"), names a second body (GUIDELINES-real.md, parenthesised sub-bodies) and is left alone.
_PARENT_HEADS = ("Sở ", "Bộ ", "Ủy ban nhân dân ")
_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_CLOSE_BRACKET = re.compile(r"\s*\)")


def _as_printed(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions with what belongs to them as printed: a reorganisation mark after a body
    (:data:`_REORGANISED`) and the parent a body sits in (:data:`_UNDER`, :data:`_PARENT_HEADS`)."""
    out: list[Mention] = []
    renamed_to: Mention | None = None
    for m in mentions:
        if renamed_to is not None and m is renamed_to:
            continue  # read with the old name before it
        renamed = _RENAMED.match(text, m.end)
        following = [x for x in mentions if x.start >= m.end]
        if renamed and following and following[0].start == renamed.end():
            close = _RENAMED_CLOSE.match(text, following[0].end)
            if close:
                # "Sở Kế hoạch và Đầu tư (nay là Sở Tài chính) chủ trì …": the body that does it
                # now is the one the bracket names, printed over the old name's span.
                renamed_to = following[0]
                out.append(Mention(m.start, close.end(), following[0].name))
                continue
        mark = _REORGANISED.match(text, m.end)
        if mark:
            m = Mention(m.start, mark.end(), m.name)
        prev = out[-1] if out else None
        if (prev is not None and prev.name[:1].isupper()
                and _UNDER.fullmatch(text[prev.end : m.start])):
            out[-1] = Mention(prev.start, m.end, prev.name)
            continue
        if (prev is not None and prev.name[:1].isupper() and m.name.startswith(_PARENT_HEADS)
                and not prev.name.startswith(_PARENT_HEADS)
                and _OPEN_BRACKET.fullmatch(text[prev.end : m.start])
                and (close := _CLOSE_BRACKET.match(text, m.end))):
            out[-1] = Mention(prev.start, close.end(), prev.name)
            continue
        out.append(m)
    return out


# A body followed by a bracket of other bodies. After a class, the bracket lists its members:
# "phối hợp với các nhà mạng (Viettel X, VNPT X, MobiFone X)" (kh987 IV.1 of the session-13 fresh
# plans), the heading "Các cơ quan đăng ký đầu tư (Sở A, Ban B, Ban C)" (the 2025 Đắk Lắk
# directive ct010 I.1), the heading "Các cơ quan tham mưu quản lý ngành (gồm các Sở: X, Y)"
# (qd1627). The members take the class's role, and a class that is no named body is not added
# beside its named members (GUIDELINES-real.md [decided, s13 fixleft], as the names listed under
# one head). After a named body, one bracketed body is its sub-body: "phối hợp với Sở Y tế (Chi
# cục Dân số - Xã hội)" takes the parent's role, and the parent keeps it (GUIDELINES-real.md
# [decided, adjud]; kh157 V.3.a). The bracket and what it lists are read once, by
# :func:`_members_after`; where the class stands differs: in running text it is a class mention
# (:func:`_named_members`) or the few words a cue governs (:func:`_class_before`), in a heading
# it is the heading before the bracket (:func:`_class_heading`), and there a class read as a body
# leads with its members (ct010, ct06 of the session-13 fresh plans: the gold keeps both).
_MEMBERS_OPEN = re.compile(r"\s*\(\s*(?P<says>(?:bao\s+)?gom(?:\s+ca)?\s+)?")


@dataclass(frozen=True, slots=True)
class MemberBracket:
    """The bracket after a body or a class and the mentions it lists (:func:`_members_after`)."""

    start: int  # where the listed names begin: after "(" and a "gồm", "bao gồm (cả)"
    end: int  # the closing ")", or the text's end when the bracket is left open
    inside: tuple[int, ...]  # indices of the mentions within [start, end)
    named: bool  # every one is a named body (capital initial): they stand for the class
    says_members: bool  # it opens with "gồm", "bao gồm (cả)": what it lists are members

    @property
    def listed(self) -> bool:
        """Several bodies: a list of members, not a sub-body or one body named in passing
        ("hội nghị (Sở X chủ trì)"). Counted in bodies, not commas: "(A và B)" is a list too."""
        return len(self.inside) > 1

    def opens_with(self, mentions: Sequence[Mention], i: int) -> bool:
        """Whether mention ``i`` is the first thing the bracket lists."""
        return bool(self.inside) and self.inside[0] == i and mentions[i].start == self.start


def _members_after(text: str, folded: str, mentions: Sequence[Mention], at: int) -> MemberBracket | None:
    """The bracket that opens at ``at`` (right after a body's or a class's last word), or None."""
    opened = _MEMBERS_OPEN.match(folded, at)
    if not opened:
        return None
    end = folded.find(")", opened.end())
    end = len(folded) if end < 0 else end
    inside = tuple(k for k, x in enumerate(mentions) if opened.end() <= x.start and x.end <= end)
    named = bool(inside) and all(text[mentions[k].start : mentions[k].start + 1].isupper() for k in inside)
    return MemberBracket(opened.end(), end, inside, named, bool(opened.group("says")))


# In running text a class that is no mention is the few words a cue governs: "phối hợp với [các
# nhà mạng] (…)".
_CLASS_WORDS = re.compile(r"(?<=\s)(?:cac\s+)?[a-z]+(?:\s+[a-z]+){0,2}\s*\(")


def _class_before(folded: str, mentions: Sequence[Mention], j: int) -> int | None:
    """Where the class words begin when mention ``j`` opens the member list of a bracket after
    them ("… các nhà mạng (Viettel X, …"), or None."""
    found = list(_CLASS_WORDS.finditer(folded, 0, mentions[j].start))
    if not found:
        return None
    cls = found[-1]  # the last one: the bracket right before mention j
    # Folded text is all lower case: only the list counts here, not whether its names are named.
    bracket = _members_after(folded, folded, mentions, cls.end() - 1)
    return cls.start() if bracket and bracket.listed and bracket.opens_with(mentions, j) else None


def _in_list_after(folded: str, mentions: Sequence[Mention], i: int, cue: re.Pattern[str]) -> bool:
    """Whether mention ``i`` follows ``cue`` directly, through a list of other units, or as a
    body a bracket lists after the one the cue governs (a member or a sub-body)."""
    j = i
    while True:
        before = folded[: mentions[j].start]
        if cue.search(before):
            return True
        if (cls := _class_before(folded, mentions, j)) is not None and cue.search(before[:cls]):
            return True  # the cue governs the class, and so the members its bracket lists
        if j == 0:
            return False
        if not _LIST_GAP.match(folded[mentions[j - 1].end : mentions[j].start]) and not (
                (bracket := _members_after(folded, folded, mentions, mentions[j - 1].end))
                and bracket.opens_with(mentions, j)):
            return False
        j -= 1


def _named_members(text: str, folded: str, mentions: Sequence[Mention], i: int) -> bool:
    """Whether mention ``i`` is a class (a lower-case collective name) followed by a bracketed
    list of named bodies, which stand for it."""
    m = mentions[i]
    bracket = _members_after(text, folded, mentions, m.end) if m.name[:1].islower() else None
    return bool(bracket) and bracket.listed and bracket.named and bracket.opens_with(mentions, i + 1)


# "Các thành viên Ban Chỉ đạo, Thủ trưởng các sở, ban, ngành … chịu trách nhiệm thi hành": the
# body whose members are meant is owned by them; the units listed after it are subjects of their
# own (the execution articles of the decisions that issue a body's rules, tests/test_decisions_survey.py).
_MEMBERS_OF = re.compile(r"\bthanh vien\s+(?:cac\s+)?$")


# "Trên cơ sở đề nghị của các Bộ, cơ quan liên quan, Bộ X khẩn trương …": the opener's owners end
# at "liên quan," (a list it closes) and the subject follows (tb659 item 2 of the session-13 fresh
# documents: the subject was read as one more owner and got no role).
_OWNER_OPENER = re.compile(r"^[\s\-+•*]*(?:tren co so|theo|can cu|qua)\b[^,;:]{0,60}\bcua\b[^;:]{0,120}?"
                           r"\b(?:co\s+)?lien quan\s*,\s*")
_CLOSED_GAP = re.compile(r"^\s*(?:co\s+)?lien quan\s*,\s*$")


def _opener_ends(folded: str, mentions: Sequence[Mention], j: int) -> bool:
    """Whether the gap after mention ``j`` closes an owner list of an opener (:data:`_OWNER_OPENER`)."""
    if not _CLOSED_GAP.match(folded[mentions[j].end : mentions[j + 1].start]):
        return False
    start = _clause_start(folded, mentions[j].start)
    opener = _OWNER_OPENER.match(folded, start)
    return bool(opener) and opener.end() == mentions[j + 1].start


def _list_head(folded: str, mentions: Sequence[Mention], i: int) -> int:
    """Index of the first mention of the list that mention ``i`` belongs to."""
    j = i
    while j > 0 and _LIST_GAP.match(folded[mentions[j - 1].end : mentions[j].start]):
        if _MEMBERS_OF.search(folded[: mentions[j - 1].start]) or _opener_ends(folded, mentions, j - 1):
            break
        j -= 1
    return j


def _list_tail(folded: str, mentions: Sequence[Mention], i: int) -> int:
    j = i
    while (j + 1 < len(mentions) and _LIST_GAP.match(folded[mentions[j].end : mentions[j + 1].start])
           and not _opener_ends(folded, mentions, j)):
        j += 1
    return j


# A unit after these words is the object of someone else's action ("chỉ đạo các doanh nghiệp",
# "nhận thức của cấp ủy", "Kế hoạch ... của Ban Chấp hành Đảng bộ tỉnh"), not an actor.
_OBJECT_BEFORE = re.compile(
    r"(?:\bcua|\bdoi voi|\bcho|\bchi dao|\blanh dao|\bdon doc|\bhuong dan|\bho tro|\bvan dong|\bkhuyen khich|"
    # "tạo điều kiện (thuận lợi) để các doanh nghiệp viễn thông triển khai …" (kh987 IV.2-IV.3 of the
    # session-13 fresh plans): the body helped, as with "cho".
    r"\btao dieu kien(?: thuan loi)? (?:cho|de)|\bgiup|\bphat huy vai tro cua|\bvai tro cua|\btrach nhiem cua|\bthanh vien|\bdai bieu|"
    # "Kiện toàn Ban Chỉ đạo …", "thành lập Tổ công tác …": the body is what is organised.
    r"\bkien toan|\bcung co|\bthanh lap|\bsap xep|\bgiai the|\bhop nhat|"
    # "tiếp thu ý kiến các Bộ: Tư pháp, Tài chính …" (s14 dev cv3479): the bodies whose opinions
    # are taken in are inputs, no role ([decided, kh179]); "xin ý kiến X" asks X and is not one.
    r"(?<!xin )\by kien(?: cua)?(?: cac (?:bo|so|nganh)\s*:)?|"
    # "Sở X - cơ quan thường trực Ban Chỉ đạo …": the body whose standing office Sở X is (an
    # appositive title, GUIDELINES-real.md: no second entry), not an actor.
    r"\bco quan (?:thuong truc|dau moi|giup viec)(?: cua)?)"
    # Generic objects may come first: "hướng dẫn các cơ quan, tổ chức, đơn vị, Ủy ban nhân dân
    # các phường, xã triển khai …" guides the committees too (qd1627 of the session-13 fresh plans).
    # "Chỉ đạo các đơn vị trực thuộc, lực lượng Công an xã tăng cường …" (ct06 of the session-13
    # fresh plans): a generic object with its qualifier, and "lực lượng" before the force.
    r"\s+(?:cac\s+|nhung\s+|mot so\s+)?(?:(?:co quan|to chuc|don vi|doanh nghiep|ca nhan)"
    r"(?:\s+(?:truc thuoc|lien quan|chuc nang))?\s*,\s*(?:cac\s+)?)*(?:luc luong\s+)?$"
)
# "(... HĐND tỉnh thông qua tại ...)", "do UBND tỉnh ban hành": the unit issued something.
# "Hội đồng nhân dân tỉnh cơ bản tán thành báo cáo của Ủy ban nhân dân tỉnh …" (a council's
# resolution on a report: Phú Yên 138/2015, An Giang 08/2015, survey of session 12): the council
# endorsing is its own act of resolving, as adopting or signing is.
_ISSUER_AFTER = re.compile(r"^\s*(?:da\s+)?(?:thong qua|phe duyet|ban hanh|ky|(?:co ban\s+)?(?:tan thanh|nhat tri) voi|"
                           r"co ban tan thanh|tan thanh)\b")


_ORGANISED = re.compile(r"\b(?:kien toan|cung co|thanh lap|sap xep|giai the|hop nhat)\s+(?:cac\s+)?$")


# "Việc tổ chức thực hiện … do Chính phủ quy định.": a nominal subject ("Việc …") whose
# predicate is "do X quy định" makes X the body charged with regulating it (a law's
# delegation), not an issuer named in passing.
_DELEGATED = re.compile(r"^\s*(?:quy dinh|huong dan|ban hanh|quyet dinh|xem xet,? quyet dinh)"
                        r"(?:\s+(?:chi tiet|cu the))?\s*(?:[.;]|$)")
# "Trường hợp đặc biệt do Hiệu trưởng quyết định.": the exception is the named office's to decide.
_NOMINAL_SUBJECT = re.compile(r"(?:^|[.;:]\s*)[\s\-+•*]*(?:viec|truong hop)\b[^.;:]*\bdo\s+$")
# "… phải được Hiệu trưởng phê duyệt": the approving body receives the matter (report_to). Not
# an approval given already ("kế hoạch … năm 2023 đã được Tổng cục Thuế phê duyệt theo Quyết định
# số …", s18 dev cv586 item 1): what was approved is the ground of the task, nothing goes there.
_APPROVAL_AFTER = re.compile(r"^\s*(?:phe duyet|dong y|chap thuan|cho phep)\b")
_APPROVAL_BEFORE = re.compile(r"(?<!\bda )(?<!\bvua )\bduoc\s+$")
# "… vào thời điểm thích hợp do Hiệu trưởng quyết định": the office decides (lead); "biên bản
# phải có xác nhận của trưởng khoa": the office confirms, an act of its own.
_DECIDES = re.compile(r"^\s*quyet dinh\s*(?:[.;]|$)")
# "thời khóa biểu do Trường sắp xếp", "sinh viên … được Hiệu trưởng cấp bằng": the agent of a
# passive acts; only with the verbs of arranging and granting, so that an issuer ("do Ủy ban
# nhân dân tỉnh ban hành") or a partner ("do Sở X chủ trì") is not read so.
_AGENT_BEFORE = re.compile(r"(?:\bdo|\bduoc)\s+$")
_AGENT_ACTS = re.compile(r"^\s*(?:sap xep|cap bang|cap giay|bo tri|cong nhan|xet duyet)\b")
# A subject followed by what it has or meets states a condition, not a task.
# "Tổ công tác tự giải thể sau khi hoàn thành nhiệm vụ": the decision that sets up a body says when
# it ends; its dissolution is no task of its own (the session-12 survey, tests/test_leftovers_survey.py).
_STATE = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:co du|da co du|du dieu kien|dap ung du|(?:tu )?giai the|"
                    r"(?:tu )?cham dut hoat dong|het nhiem vu"
                    # "Bộ Chính trị, Ban Bí thư ghi nhận và biểu dương …": the issuer of a conclusion
                    # acknowledges and praises; a verdict, no task (a Politburo conclusion of 2025).
                    r"|(?:(?:da|cung)\s+)?(?:ghi nhan|bieu duong|danh gia cao|hoan nghenh|khen ngoi|"
                    r"co ban (?:thong nhat|nhat tri|dong y))"
                    # "Ngân hàng Nhà nước Việt Nam đã yêu cầu các tổ chức phát hành thẻ … Do vậy,
                    # Tổng cục Thuế đề nghị các Cục Thuế …" (s18 dev cv997 item 7): a request or
                    # order given already is the ground of the item's charge, not a task of its own.
                    r"|(?:truoc do\s+)?da\s+(?:co van ban\s+)?(?:yeu cau|de nghi|chi dao|ban hanh))\b")
_CONFIRMED_BY = re.compile(r"\bco (?:su )?xac nhan cua\s+(?:cac\s+)?$"
                           # "việc sửa điểm phải được thực hiện tại phòng X", "bài thi được lưu tại
                           # khoa": the office where it is done or kept does it.
                           r"|\bduoc (?:thuc hien|luu(?: tru)?) tai\s+(?:cac\s+)?$")
# "Trường hợp có thay đổi …, Trưởng khoa phải báo cáo …": a unit right after a condition clause
# opens its own clause as subject, as after a sentence start.
# Read on the lower-cased text with its tones: folded "nêu" (state) would read as "nếu" (if).
# The condition may hold one inner comma ("Trong trường hợp cần điều chỉnh, bổ sung …, các khoa");
# one that directs others ("Căn cứ …, chỉ đạo các cơ sở …, các cơ sở …") lists objects instead.
_CONDITION_BEFORE = re.compile(r"(?:^|[.;:,]\s*)[\s\-+•*]*(?:nếu|trong trường hợp|trường hợp|khi|sau khi|trước khi|"
                               r"ngoài|căn cứ)\b(?P<body>[^.;:,]*(?:,[^.;:,]*)?),\s*(?:các\s+|những\s+)?$")
_DIRECTS = re.compile(r"\b(?:chi dao|huong dan|don doc|ho tro|phoi hop|giao)\b")


# "… đề xuất bổ sung để Bộ trưởng Bộ Y tế ban hành", "… hoàn thiện hồ sơ để Chủ tịch UBND tỉnh
# xem xét, quyết định": the body named after "để" receives the work and decides on it, as with
# "trình X ban hành" (GUIDELINES-real.md, [decided, kh165] `trình X`; the fresh-scans gold gives
# it report_to, HzW_18_syt_vp ATT.D11.3). Only deciding verbs: "để X tổ chức thực hiện" charges X.
_DECIDER_BEFORE = re.compile(r"\bde\s+(?:cac\s+)?$")
_DECIDES_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:xem xet|ban hanh|quyet dinh|phe duyet|cho y kien)\b")
# "Hồ sơ trình, đề nghị Thủ tướng Chính phủ, Chủ tịch UBND tỉnh xem xét tặng Bằng khen …": an
# "đề nghị" inside a clause, after what is sent up (a dossier, a submission), asks the body named
# after it to decide, as "trình X xem xét" does: X is report_to. Only an "đề nghị" that opens its
# clause addresses X with a task of its own ("Đề nghị Ủy ban Mặt trận Tổ quốc … vận động …": lead,
# GUIDELINES-real.md [decided, adjud]). Award plans route every proposal so (the Đắk Lắk 2025
# emulation plan of session 13, /tmp/s13/dev; tests/test_emulation_plans.py).
_REQUEST_BEFORE = re.compile(r"\bde nghi\s+(?:cac\s+)?$")


def _after_condition(text: str, folded: str, start: int) -> bool:
    """Whether the unit at ``start`` opens the main clause after a condition ("Trường hợp có
    thay đổi …, Trưởng khoa phải báo cáo …"; "…, nếu đảm bảo …, Trưởng khoa báo cáo …")."""
    m = _CONDITION_BEFORE.search(text[:start].lower())
    return m is not None and not _DIRECTS.search(folded[m.start("body") : m.end("body")])


# "Đảng ủy Công an tỉnh lãnh đạo Công an tỉnh chủ trì, phối hợp …": the body directed is told to
# lead the work itself; "chủ trì" right after it makes it the lead all the same.
_DIRECTED_LEADS = re.compile(r"\b(?:chi dao|lanh dao)\s+(?:cac\s+)?$")

# "2. Đối với Sở Nông nghiệp và Môi trường: chủ trì tổ chức tiêm phòng …", "4. Đối với Ủy ban nhân dân
# các xã:" over bullets: meeting conclusions and plans address each body's tasks to it by "Đối
# với" (the session-12 survey, tests/test_leftovers_survey.py). "Đối với" opening the clause and a
# colon (or a comma and a charging verb) right after the units make them its subject; elsewhere
# "đối với X" names what is acted on ("tăng cường kiểm tra đối với các cơ sở …").
# A named body only ("Đối với Sở X:", not "Đối với các xã, phường:"), and no rule after the colon:
# "- Đối với các tổ chức cung cấp dịch vụ chi trả: Căn cứ vào số lượng … để xếp loại" (kh157
# III.4, how the entrants of an emulation are ranked) says how a body is treated, not what it does.
_RULE_OPENER = re.compile(r"\s*(?:can cu|tren co so|neu|truong hop|khi|ap dung|duoc|se duoc|khong(?! de))\b")
_ADDRESSED_TOPIC = re.compile(r"[\s\-+•*]*doi voi\s+(?:cac\s+)?")
_ADDRESSED_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?(?::|,\s*(?:chu tri|chiu trach nhiem|co trach nhiem|tham muu|"
                              r"khan truong|tap trung|chu dong)\b)")


# "Giao Bộ Y tế, Ủy ban nhân dân các tỉnh … ban hành văn bản phê duyệt …" (s17 dev nq106 D2.1),
# "Yêu cầu Sở X phê duyệt …": a body handed the task by an assigning verb right before it is to
# issue or approve; "X ban hành" alone names the issuer of a document cited in passing.
_ASSIGNED_BEFORE = re.compile(r"\b(?:giao|yeu cau|de nghi|phan cong)(?: trach nhiem)?(?: cho)?\s+(?:cac\s+)?$")

# "X có trách nhiệm đề nghị / yêu cầu Y …", "X chịu trách nhiệm đề nghị Y …": asking Y is X's act
# (s16 nq16-cp-2026 Điều 4.2.c, 5.2.d: the auditor a competent body is to ask was read as charged).
_ASKED_BY_CHARGED = re.compile(r"\b(?:co|chiu) trach nhiem\s+(?:de nghi|yeu cau)\s+(?:cac\s+)?$")
# "a) Đề nghị X …" under a unit heading: the heading's unit asks X; ``partner``: X is asked to
# cooperate ("Đề nghị X phối hợp …").
_ASKED_OPENER = re.compile(r"^[\s\-+•*]*de nghi\s(?P<partner>[^;.:]{0,120}?\bphoi hop\b)?")


def _not_an_actor(folded: str, start: int, end: int) -> bool:
    before = folded[:start]
    if _OBJECT_BEFORE.search(before) and not _LEAD_BEFORE.search(before):
        return not (_DIRECTED_LEADS.search(before) and re.match(r"\s*(?:,\s*)?chu tri\b", folded[end:]))
    if re.search(r"(?:\bdo|duoc)\s+$", before):
        return True
    if _ISSUER_AFTER.match(folded[end:]) and not _ASSIGNED_BEFORE.search(before):
        # "Trong 02 ngày làm việc kể từ ngày nhận đủ hồ sơ, Ủy ban nhân dân cấp tỉnh ban hành
        # quyết định phê duyệt …": after a time limit the approval is the step the body is to take
        # (a regulation's procedure, s16 dev qd08-ttg-2022 Điều 7.6), not one it took.
        opener = before[_clause_start(folded, start):]
        if not opener.strip(" -+•*") and before.count("(") <= before.count(")") and re.match(
                r"\s*(?:ban hanh\s+(?!(?:tai|theo|nghi quyet|quyet dinh|nghi dinh|thong tu|chi thi|ke hoach|luat)\b)"
                r"|ky(?: ket)? voi\b)",
                folded[end:]):
            # "a) Ban Chỉ đạo X ban hành quy trình phối hợp …", "Ngân hàng Nhà nước ký với Ngân hàng
            # Thế giới Hiệp định …": a body opening its clause with "ban hành" or "ký với" is
            # charged to issue or sign, as with any verb (s16 nq26-cp-2026 Điều 5.1.a, qd1803-ttg
            # Điều 3: signing for the State is the body's act, GUIDELINES-real.md "ký kết với"); not
            # the enacting formula ("Chính phủ ban hành Nghị quyết …"), nor words before it
            # ("Kế hoạch … Ủy ban nhân dân tỉnh ban hành").
            return False
        return not (_TIME_OPENER.match(opener) and not _without_openers(opener).strip(" -+•*"))
    return before.count("(") > before.count(")") and not _REPORT.search(before)


# "Chủ tịch UBND tỉnh giao Sở Tài chính chủ trì …", "Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các
# sở, ban, ngành …", "Sở Công Thương đề nghị Hiệp hội Doanh nghiệp tỉnh …": a body that opens
# the sentence and then hands the task to others is the one assigning it (the document's issuer
# in directives, official letters and closing paragraphs), not a unit charged with it. Seen in 9 of
# the 27 real documents read in session 11 (tests/test_duties_survey.py); the development plans
# print none.
# "Thường trực UBND tỉnh thống nhất giao Sở X …", "UBND tỉnh có ý kiến chỉ đạo như sau: Giao Sở X
# …" (meeting conclusions and letters that relay a decision; quangtri.gov.vn 2023, the
# session-12 survey in tests/test_charges_survey.py): the same hand-over after an agreeing word
# or an announcing colon.
# "Chính phủ trân trọng đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam …": the courtesy word
# a government uses for bodies outside its command (nq380 of the session-13 development set).
_ASSIGNER_AFTER = re.compile(r"\s*(?:(?:da|vua|cung|tiep tuc|thong nhat|dong y|tran trong|"
                             r"co y kien(?: chi dao)?(?: nhu sau\s*:)?)\s+)*"
                             r"(?:giao(?: trach nhiem)?(?: cho)?|yeu cau|de nghi)\s+(?:cac\s+)?(?:dong chi\s+)?"
                             r"(?:(?:thu truong|giam doc|chu tich|lanh dao|nguoi dung dau)\s+(?:cac\s+)?)?")


# The bodies that issue directives and official letters: "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các
# cơ quan, đơn vị tổ chức thực hiện Chỉ thị này" hands the task on even to generic addressees.
# Every party committee's standing board issues so, not the province's alone: "Ban Thường vụ Huyện
# ủy yêu cầu các cơ quan, đơn vị …" (district and bloc committees' plans and directives of the
# session-12 party survey).
_ISSUER_NAME = re.compile(r"(?:chu tich )?uy ban nhan dan (?:tinh|thanh pho)"
                          r"|ban thuong vu (?:(?:tinh|thanh|huyen|quan|thi) uy|dang uy\b.*)")


# "Sở Y tế thông báo để các cơ sở, đơn vị biết, thực hiện và báo cáo …": the letter's issuer informs;
# the acts are the addressees' (the fresh-scans gold of the letter U9c_513 gives Sở Y tế report_to only).
# "… thông báo để / cho …", and "Tổng cục Thuế thông báo Cục Thuế các tỉnh … được biết và thực
# hiện" with the recipients named right after the verb (s18 dev cv1738: the issuer was made the
# lead of its own closing formula).
_INFORMS_AFTER = re.compile(r"\s*(?:(?:da|vua)\s+)?thong bao(?:\s+(?:de|cho|den)\b|\s(?=[^.;]{0,120}\bbiet\b))")


def _informs(text: str, find: UnitFinder) -> bool:
    """Whether ``text`` opens with a body that informs others ("Văn phòng UBND tỉnh thông báo để
    các cơ quan, đơn vị biết, thực hiện./."): the closing line of a letter or conclusions."""
    mentions = sorted(find(text), key=lambda m: m.start)
    folded = fold(text)
    return bool(mentions) and not re.sub(r"[\W_]", "", folded[: mentions[0].start]) \
        and _INFORMS_AFTER.match(folded, mentions[0].end) is not None


# What a request hands over when it names no body: the contents ("Sở X đề nghị một số nội dung cụ
# thể như sau:") or the addressees by a generic word ("Sở X yêu cầu các đơn vị thực hiện:"): the
# body asking is the letter's issuer, the points are the addressees' (s15 dev cv5141: the
# department that asked led the 60 points it addressed to the licence holders).
_HANDED_WITHOUT_BODY = re.compile(r"(?:(?:mot so|nhung)\s+)?(?:noi dung|nhiem vu|cong viec|viec)\b"
                                  r"|(?:co quan|don vi|dia phuong|to chuc, ca nhan)\b(?!\s+(?:quan ly|chu quan))")


def _assigns_to_next(folded: str, mentions: Sequence[Mention], tail: int) -> bool:
    """Whether the list ending at mention ``tail`` is followed by "giao / yêu cầu / đề nghị" and
    the next unit mention right after it (the body the task is handed to), or is an issuing body
    ("Chủ tịch UBND tỉnh", "Ban Thường vụ Tỉnh ủy") followed by those words, or hands over only
    contents or generic addressees (:data:`_HANDED_WITHOUT_BODY`)."""
    hit = _ASSIGNER_AFTER.match(folded, mentions[tail].end)
    if hit is None:
        return False
    if _ISSUER_NAME.fullmatch(fold(mentions[tail].name)):
        return True
    if _HANDED_WITHOUT_BODY.match(folded, hit.end()) and not (
            tail + 1 < len(mentions) and mentions[tail + 1].start < hit.end() + 40):
        return True
    return tail + 1 < len(mentions) and hit.end() >= mentions[tail + 1].start


# A time opener ("Trong tháng 1-2018, Sở Y tế tập trung chỉ đạo …", a report's programme, KOZ_2268;
# "Năm 2026, …", "Hằng năm, …") leaves its subject the subject too.
_ADVERBIAL_OPENER = re.compile(r"^[\s\-+•*]*(?:can cu|tren co so|theo|thuc hien|trong qua trinh|sau khi|"
                               r"(?:trong\s+)?(?:thang|quy|nam)\s+[\divx]+(?:\s*[-/]\s*\d{4})?|hang (?:nam|quy|thang|tuan|ngay)|"
                               # "Định kỳ hằng quý, Sở X báo cáo …", "Định kỳ trước ngày 20 hằng tháng,
                               # …": a letter's reporting cycle opens the sentence before its
                               # subject (the session-12 survey, tests/test_charges_survey.py).
                               r"dinh ky)\b"
                               r"[^,;:]{0,80},\s*")


# A time limit that opens the sentence before its subject ("Trong thời gian 07 ngày làm việc, kể
# từ ngày …, cơ sở X phải thực hiện …", "Trước ngày 15/12, Sở X có trách nhiệm:", "Chậm nhất 05
# ngày sau khi …, Sở X …"): each comma-closed piece is dropped in turn, so that the unit after it
# is the subject, as after a bare sentence start. Laws and circulars write their procedural
# limits so (the fresh-scans gold, ATT.D7.1 of HzW_18_syt_vp); plans their yearly report dates.
# The limit may be a bare count ("Trong 02 ngày làm việc, kể từ ngày nhận đủ hồ sơ, Ủy ban nhân
# dân cấp huyện thẩm định …", "Sau 05 ngày làm việc kể từ …, cơ quan X gửi …"): the procedure
# articles of the Prime Minister's regulation-type decisions open nearly every step so (s16 dev
# qd08-ttg-2022 Điều 7, 11; qd28-ttg-2026 Điều 11-18).
_TIME_OPENER = re.compile(r"^[\s\-+•*]*(?:trong (?:thoi gian|thoi han|vong)|cham nhat|truoc ngay|truoc|den (?:het )?ngay|"
                          r"ngay sau khi|ke tu|tinh tu|(?:trong|sau)\s+\d+\s+(?:ngay|thang|tuan|gio))\b[^,;:]{0,80},\s*")


# A fronted purpose ("Để nâng cao hiệu lực, hiệu quả quản lý …, tăng cường kiểm tra …, các sở,
# ngành … triển khai …"): it runs, its own commas included, up to the comma before the subject.
# Read piece by piece, its inner commas left the subject unread (a 2025 Đắk Lắk directive, II.5).
# One purpose clause ("Để …", "Nhằm …"; not "đề nghị", "đề xuất", "đề án", "đề ra"), in folded text;
# a semicolon closes it in the lead-ins of :func:`_clause_core`.
_PURPOSE = r"(?:de(?!\s+(?:nghi|xuat|an|ra)\b)|nham)\s[^;:]*"
_PURPOSE_OPENER = re.compile(r"^[\s\-+•*]*" + _PURPOSE + r",\s*")
# A fronted case ("Đối với công trình đã nghiệm thu, bàn giao, Sở X thanh toán …") or condition
# closed by "thì" ("Trường hợp hồ sơ thiếu thì Sở X trả lại …"): it runs, its own commas included,
# up to the comma or "thì" right before the subject, which it leaves the subject. Decrees and
# resolutions that settle cases write nearly every clause so (s16 nq16-cp-2026: about 20 clauses
# "Đối với dự án …, cơ quan có thẩm quyền …" whose subject went unread); only a whole opener is
# taken ("$"), so that a unit inside the case ("Đối với dự án do Sở X quản lý") stays no subject.
_CASE_OPENER = re.compile(r"^[\s\-+•*]*(?:(?:rieng\s+)?doi voi\s[^;:]*,"
                          r"|(?:doi voi|neu|trong truong hop|truong hop|khi|sau khi)\s[^;:]*\bthi)\s*$")


def _without_openers(opener: str) -> str:
    """The opener with its adverbial and time pieces taken off, one comma-closed piece at a time."""
    opener = _CASE_OPENER.sub("", _PURPOSE_OPENER.sub("", opener, count=1), count=1)
    while True:
        shorter = _TIME_OPENER.sub("", _ADVERBIAL_OPENER.sub("", _OWNER_OPENER.sub("", opener)))
        if shorter == opener:
            return opener
        opener = shorter


def _clause_start(folded: str, pos: int) -> int:
    cut = max(folded.rfind(";", 0, pos), folded.rfind(". ", 0, pos), folded.rfind(":", 0, pos))
    return cut + 1


# The label of an inspection plan's list of the bodies it inspects ("Đối tượng kiểm tra: …",
# "Đơn vị được kiểm tra: …", "Đối tượng và thời gian kiểm tra: Sở X (tháng 4); Sở Y (tháng 9)"): the
# bodies listed after it up to the sentence's end are inspected, not charged (GUIDELINES-real.md:
# bodies only acted on are no units). The session-12 survey, tests/test_charges_survey.py.
_INSPECTED = re.compile(r"\b(?:doi tuong|(?:co quan|don vi|co so)\s+duoc)(?:\s+va\s+(?:thoi gian|noi dung))?\s+"
                        r"(?:kiem tra|thanh tra|giam sat|kiem toan)(?:\s*,\s*(?:kiem tra|thanh tra|giam sat))*\s*:")


# Monitoring words that are not the unit's own act: what the people it guides are taught to do
# ("Tuyên truyền, hướng dẫn người nuôi quan trắc, giám sát chất lượng nước") and fields listed as
# examples ("triển khai ứng dụng trong các lĩnh vực như: Giám sát môi trường, …"). Both forms in
# the fresh plans of session 13 (kh235 IV.1, kh987 IV.5-6), where the heading's unit was made
# monitor from them.
_NOT_OWN_ACTS = re.compile(
    r"\b(?:huong dan|van dong|tuyen truyen|khuyen khich|ho tro)\s+(?:cac\s+)?"
    r"(?:nguoi|ho|to chuc|ca nhan|doanh nghiep|co so|nhan dan|cong dong)\b[^.;,]*?\s"
    r"(?:[a-z ]{1,20},\s*)?(?:theo doi|kiem tra|giam sat)\b"
    # "phổ biến nội dung … đến các tổ chức, cá nhân để tham gia giám sát" (qd4385 IV.1.a of the
    # session-13 fresh plans): the public is informed so that it monitors, the informer does not.
    r"|\b(?:den|cho|toi)\s+(?:cac\s+|moi\s+)?(?:nguoi|ho|to chuc|ca nhan|doanh nghiep|nhan dan|cong dong)\b"
    r"[^.;]{0,80}?\bde\s+(?:(?:cung|co the|duoc)\s+)?(?:tham gia\s+)?(?:theo doi|kiem tra|giam sat)\b"
    r"|\bnhu\s*:[^.;]*")
# "tham mưu ủy quyền thực hiện thủ tục huấn luyện, kiểm tra, cấp giấy chứng nhận …": the check
# names a step of the administrative procedure the duty is about, not a watch the unit keeps
# (s15 dev Lào Cai letter on explosives training: its department was made monitor).
_PROCEDURE_CHECK = re.compile(r"\bthu tuc\s+(?:[a-z]+\s*,?\s*){0,4}?(?:kiem tra|giam sat|theo doi)\b")


def _own_acts(folded: str) -> str:
    """``folded`` without the monitoring words of :data:`_NOT_OWN_ACTS`."""
    return _PROCEDURE_CHECK.sub(" ", _NOT_OWN_ACTS.sub(" ", folded))


# "- Kiểm tra việc chủ trì, phối hợp với Trưởng thôn tổ chức hội nghị …", "- Giám sát việc tiếp
# nhận hồ sơ … nộp về Ủy ban bầu cử xã": an item that opens with the check of an act names in the
# act whose conduct is checked; the partners and receivers of that act are not the checker's
# (s18 dev kh-mttq-2025-luongminh-kiemtra-giamsat III.1.a: two roles). To the clause's end.
_CHECKED_ACT = re.compile(r"^\W*(?:kiem tra|giam sat)\s+(?:viec|hoat dong|cong tac)\b")


def _without_mentions(text: str, units: Sequence[UnitRole]) -> str:
    """``text`` with the words naming ``units`` blanked: a body named for its checks ("phản ánh
    về Tổng cục Thuế (qua Cục Thanh tra - Kiểm tra thuế)", s18 dev cv586 and cv997) is no
    monitoring the sentence charges."""
    for u in units:
        if u.mention:
            text = text.replace(u.mention, " ")
    return text


def _inspected_spans(folded: str) -> list[tuple[int, int]]:
    """Where the bodies an inspection list names stand: from each label to its sentence's end,
    and the act a checking item opens with (:data:`_CHECKED_ACT`) to its clause's end."""
    spans = []
    if m := _CHECKED_ACT.match(folded):
        end = re.compile(r"[;:]|\.(?:\s|$)").search(folded, m.end())
        spans.append((m.end(), end.start() if end else len(folded)))
    for m in _INSPECTED.finditer(folded):
        end = re.compile(r"\.(?:\s|$)").search(folded, m.end())
        spans.append((m.end(), end.start() if end else len(folded)))
    return spans


# "Ông Nguyễn Văn A - Trưởng đoàn: Phụ trách chung; …", "Đồng chí B – Phó Chủ tịch UBND tỉnh: …": a
# list assigning tasks to persons by their office. The office is the unit (a title stands for its
# body, GUIDELINES-real.md [decided, duties2]; a named person is no unit, [decided, s15 fixP]); the
# name in front kept the title from opening the clause (s15 kh1105 4.1-4.3: no unit).
_PERSON_BEFORE_TITLE = re.compile(r"^\W*(?:Ông|Bà|Đồng chí|đồng chí|Đ/c|đ/c)\.?\s+(?:\w+\s+){1,5}?[-–]\s*(?=\w)")


def roles_in_text(text: str, find: UnitFinder = _default_finder) -> list[UnitRole]:
    """Units named in one duty text, each with its role(s), in order of first mention."""
    if person := _PERSON_BEFORE_TITLE.match(text):
        text = " " * person.end() + text[person.end():]
    if "gọi" in text and _UNIT_ALIAS.search(text):
        # A short name defined in brackets ("X (sau đây gọi là Y) và Z …") is X again: blanked,
        # so that the list X … và Z goes on over it (s15 dev cv8388 lost Z, the committees).
        text = _UNIT_ALIAS.sub(lambda m: " " * len(m.group()), text)
    mentions = _as_printed(text, sorted(find(text), key=lambda m: m.start))
    if not mentions:
        return []
    if _ASSIGNED_AFTER_DASH.search(text[: mentions[-1].start]) and not text[mentions[-1].end :].strip(" .;,") \
            and len(text[: mentions[-1].start].split()) >= 4:
        # "- Hạ tầng bến xe khách - Sở Giao thông." (an assignment list: a field, a dash, the body
        # in charge of it): the closing body leads; bodies named inside the field are its topic.
        last = mentions[-1]
        return [UnitRole(name=last.name, role="lead", explicit=True, mention=text[last.start : last.end])]
    folded = fold(text)
    inspected = _inspected_spans(folded)
    if inspected:
        mentions = [m for m in mentions if not any(a <= m.start < b for a, b in inspected)]
        if not mentions:
            return []
    # The words of the acts, the units' names blanked: a body named for its checks ("… phản ánh
    # về Tổng cục Thuế (qua Cục Thanh tra - Kiểm tra thuế)", s18 dev cv586, cv997) charges none.
    acts = folded
    for x in mentions:
        acts = acts[: x.start] + " " * (x.end - x.start) + acts[x.end :]
    out: list[UnitRole] = []
    seen: set[tuple[str, str]] = set()

    def add(m: Mention, role: str) -> None:
        if (m.name, role) not in seen:
            seen.add((m.name, role))
            out.append(UnitRole(name=m.name, role=role, explicit=True, mention=text[m.start : m.end]))

    for i, m in enumerate(mentions):
        if _named_members(text, folded, mentions, i):
            continue
        head = _list_head(folded, mentions, i)
        tail = _list_tail(folded, mentions, i)
        if _in_list_after(folded, mentions, i, _COOPERATE):
            # "phối hợp với các Sở, ban, ngành được giao chủ trì": the partner named as the lead.
            add(m, "lead" if fold(m.name).endswith("duoc giao chu tri") else "cooperate")
            continue
        if _in_list_after(folded, mentions, i, _REPORT):
            add(m, "report_to")
            if _ACTS_ON_REPORTS.match(folded[mentions[tail].end :]) or (
                    _SENT_BEFORE.search(folded[: mentions[head].start])
                    and _CONSOLIDATES.match(folded[mentions[tail].end :])):
                # "báo cáo về Sở X để tổng hợp, tham mưu …": Sở X is charged with consolidating
                # what it receives (GUIDELINES-real.md: kh144 VII, kh157 V, kh556 VI.5); "(qua
                # Sở X) để …" only routes the reports, and "báo cáo X xem xét" asks X to decide.
                # Inside the bracket the purpose is the bracketed body's own: "báo cáo về Ủy ban
                # nhân dân tỉnh (thông qua Sở X để tổng hợp)" names Sở X as the one who
                # consolidates (2025 plans of TP Hồ Chí Minh).
                add(m, "lead")
            continue
        if _DECIDER_BEFORE.search(folded[: mentions[head].start]) and _DECIDES_AFTER.match(folded[mentions[tail].end :]):
            add(m, "report_to")
            continue
        if ((request := _REQUEST_BEFORE.search(folded[: mentions[head].start]))
                and re.search(r"\w", folded[_clause_start(folded, request.start()) : request.start()])
                and _DECIDES_AFTER.match(folded[mentions[tail].end :])):
            add(m, "report_to")
            continue
        if (_NOMINAL_SUBJECT.search(folded[: mentions[head].start])
                and _DELEGATED.match(folded[mentions[tail].end :])):
            add(m, "lead")
            continue
        if (_APPROVAL_BEFORE.search(folded[: mentions[head].start])
                and _APPROVAL_AFTER.match(folded[mentions[tail].end :])):
            add(m, "report_to")
            continue
        if (_CONFIRMED_BY.search(folded[: mentions[head].start])
                or (re.search(r"\bdo\s+$", folded[: mentions[head].start])
                    and _DECIDES.match(folded[mentions[tail].end :]))
                or (_AGENT_BEFORE.search(folded[: mentions[head].start])
                    and _AGENT_ACTS.match(folded[mentions[tail].end :]))):
            add(m, "lead")
            continue
        # "Đối với các Bệnh viện công lập (…): Giữ nguyên …", "Đối với các Trạm Y tế xã, phường:
        # Thực hiện theo …": a plural names a class the norm is about, in title case as in lower
        # case (an orientation appendix, s14 dev nq105 Phụ lục II): no addressee.
        if _ADDRESSED_TOPIC.fullmatch(folded[_clause_start(folded, mentions[head].start) : mentions[head].start]) \
                and text[mentions[head].start : mentions[head].start + 1].isupper() \
                and not re.search(r"\bcac\s+$", folded[: mentions[head].start]) \
                and (addressed := _ADDRESSED_AFTER.match(folded, mentions[tail].end)) \
                and not _RULE_OPENER.match(folded, addressed.end()):
            # "Đối với Sở Tài chính: tham mưu bố trí kinh phí …": the body the clause is addressed
            # to does what follows, as "Sở Tài chính: tham mưu …" does.
            add(m, "lead")
            continue
        if _ASKED_BY_CHARGED.search(folded[: mentions[head].start]):
            # "Sở X có trách nhiệm đề nghị Kiểm toán nhà nước kiểm toán …": the body the charged
            # one is to ask is not charged by the document (GUIDELINES-real.md: "Đề nghị X" makes X
            # lead only when the document itself addresses X); asked to cooperate, it is a partner.
            if re.match(r"\s*(?:\([^)]*\)\s*)?(?:,\s*)?phoi hop\b", folded[mentions[tail].end :]):
                add(m, "cooperate")
            continue
        if re.search(r"\bthong bao\s+(?:cho\s+)?(?:cac\s+)?$", folded[: mentions[head].start]) \
                and re.match(r"[^.;]{0,80}\bbiet\b", folded[mentions[tail].end :]):
            continue  # "… thông báo Cục Thuế các tỉnh … được biết và thực hiện": told, not charged
        if _not_an_actor(folded, mentions[head].start, mentions[tail].end):
            continue
        subject_from = mentions[head].start
        if head > 0 and _LIST_GAP.match(folded[mentions[head - 1].end : subject_from]) and (
                members := _MEMBERS_OF.search(folded[: mentions[head - 1].start])):
            # "Các thành viên Ban Chỉ huy …, Văn phòng Thường trực … và Thủ trưởng … chịu trách
            # nhiệm thi hành": the members open the list of subjects the units go on with.
            subject_from = members.start()
        if head_colon := re.search(r"\bcac\s+" + _SHARED_HEAD + "$", folded[:subject_from]):
            # "… cấp phát cho các Bộ: Tài chính, Xây dựng …": the colon of a head written once for
            # a list opens no clause; what stands before the head decides (s16 qd1803-ttg-2015
            # Điều 1: the ministries the budget funds were read as charged).
            subject_from = head_colon.start()
        start = _clause_start(folded, subject_from)
        opener = folded[start:subject_from]
        after = folded[mentions[tail].end :]
        # An adverbial opener ("Căn cứ Kế hoạch này, các sở, ban, ngành … nghiên cứu triển
        # khai"; "Trên cơ sở đó,") leaves the units after it the subject of the sentence.
        opener = _without_openers(opener)
        # "Mỗi tỉnh ủy, thành ủy chọn cử …", "- Mỗi bộ, cơ quan ngang bộ: cử …": "mỗi" (each) opens
        # its subject as "các" does; a guidance's per-body allotments (s13 hd40 II.1, II.2: six
        # bullets, no unit).
        is_subject = _after_condition(text, folded, mentions[head].start) or bool(re.fullmatch(
            r"[\s\-+•*]*(?:(?:dong thoi|trong do|tren co so do|giao|de nghi|"
            r"yeu cau|cac|moi|dong chi|chu tich|giam doc|thu truong|lanh dao|can bo)\s+)*", opener))
        bare = re.match(r"^\s*(?:,\s*)?phoi hop(?: chat che)?\s+(?:cac\s+)?", after)
        if (re.match(r"^\s*(?:,\s*)?phoi hop\b", after)
                and not re.match(r"^\s*(?:,\s*)?phoi hop(?: chat che)?\s+(?:voi|cung)\b", after)
                # "Sở Tài chính phối hợp Ban Quản lý …": "với" left out before the partner's name
                # still makes the subject the actor.
                and not (bare and tail + 1 < len(mentions)
                         and mentions[tail + 1].start == mentions[tail].end + bare.end())
                and not _LEAD_BEFORE.search(folded[: mentions[head].start])):
            # "Bệnh viện ... phối hợp thực hiện": a partner, not the lead; but "A phối hợp với B
            # làm C" makes A the actor and B its partner (GUIDELINES-illustrative.md, kh157 III.2.b).
            add(m, "cooperate")
            continue
        # "giao trách nhiệm cho các thành viên Ban Chỉ đạo, Lãnh đạo các sở, ngành …": the charge
        # stands before the members that open the list (qd1627 IV.1.1 of the session-13 fresh plans).
        charged = bool(_LEAD_BEFORE.search(folded[: mentions[head].start])
                       or _LEAD_BEFORE.search(folded[:subject_from]))
        if not charged and (_assigns_to_next(folded, mentions, tail) or _INFORMS_AFTER.match(folded, mentions[tail].end)
                            or _REQUESTS_AFTER.match(folded, mentions[tail].end)):
            # "Chủ tịch UBND tỉnh giao Sở X …", "…, Giám đốc Sở Y tế yêu cầu Thủ trưởng các đơn
            # vị:": the issuer hands the task on, no role of its own
            continue
        if not charged and _STATE.match(after):
            continue  # "Trường, phân hiệu có đủ các điều kiện …": a condition the body meets, no task
        if charged or is_subject or _LEAD_AFTER.match(after):
            add(m, "lead")
            if charged:
                # "giao cho X ...": X monitors only if its own clause says so.
                clause_end = _CLAUSE_BREAK.search(folded, mentions[tail].end)
                # "…; đồng thời theo dõi, kiểm tra …" goes on with the same subject.
                while clause_end and re.match(r"[;.]\s*(?:dong thoi|va)\b", folded[clause_end.start():]):
                    clause_end = _CLAUSE_BREAK.search(folded, clause_end.end())
                # A request ("yêu cầu / đề nghị các đồng chí … phải …; tăng cường kiểm tra …") asks
                # for every clause up to the sentence's end that names no other body (kl221 item 2).
                requested = re.search(r"\b(?:de nghi|yeu cau)\s+(?:cac\s+)?(?:dong chi\s+)?$",
                                      folded[: mentions[head].start])
                while requested and clause_end and folded[clause_end.start()] == ";":
                    nxt_end = _CLAUSE_BREAK.search(folded, clause_end.end())
                    stop = nxt_end.start() if nxt_end else len(folded)
                    if any(clause_end.end() <= x.start < stop for x in mentions):
                        break
                    clause_end = nxt_end
                if _MONITOR_VERBS.search(_PROCEDURE_CHECK.sub(
                        " ", acts[mentions[tail].end : clause_end.start() if clause_end else None])):
                    add(m, "monitor")
                continue
            # The lead monitors when the text charges it with monitoring before another unit
            # takes over as subject.
            # A recipient bounds it too: "gửi về Công an tỉnh … để theo dõi" is the recipient's.
            # A body named only as an owner (the council after "các Ban của" or after "đại biểu" in the
            # closing article of council resolutions) or as the one helped ("Văn phòng Tỉnh ủy giúp
            # Ban Thường vụ Tỉnh ủy theo dõi …") takes no turn as subject.
            # So does a body the subject leads, directs or guides ("Đảng đoàn HĐND tỉnh lãnh đạo HĐND
            # tỉnh ban hành …; tăng cường giám sát …": the party group goes on as subject; "Văn phòng
            # X hướng dẫn các sở, ngành mẫu báo cáo và theo dõi, đôn đốc …", a 2025 telegram).
            nxt = next((x.start for x in mentions[tail + 1 :]
                        if not re.search(r"\b(?:(?:dai bieu|cua|giup(?: viec)?(?: cho)?|lanh dao|chi dao)\s+(?:cac\s+)?"
                                         r"|huong dan\s+(?:cac\s+)?(?:\w+\s+){0,2})$",
                                         folded[: x.start])
                        and not _in_list_after(folded, mentions, mentions.index(x), _COOPERATE)
                        and (not _in_list_after(folded, mentions, mentions.index(x), _REPORT)
                             or re.search(r"\bgui\b", folded[mentions[tail].end : x.start]))),
                       len(folded))
            if _MONITOR_VERBS.search(_PROCEDURE_CHECK.sub(" ", acts[mentions[tail].end : nxt])):
                add(m, "monitor")
    return out


# ---------------------------------------------------------------------------------------------
# Deadlines
# ---------------------------------------------------------------------------------------------

# A date is a deadline only with a deadline word before it ("trước ngày 30/6/2024"); a bare
# "ngày 07/8/2018" dates a cited document.
# "ngày" may be left out before a slashed date ("hoàn thành trước 30/6/2026", "trước 15/12 hằng
# năm"): the deadline word and the d/m shape still make it a date.
# A time label or an opening bracket stands for the preposition: "Thời hạn: ngày 30/9/2026",
# "Thời gian hoàn thành: tháng 9/2026", "(tháng 3/2026)" — the forms a plan prints after a task.
# "Tiến độ: tháng 9/2026", "Tiến độ thực hiện: Quý II/2026": the progress label of plans that print
# the time after each task as a field, the same as "Thời gian:".
_LABEL = r"(?:thoi (?:gian|han)|tien do)(?: thuc hien| hoan thanh| trien khai)?\s*:\s*|\(\s*"
# "vào tháng 12/2026", "dự kiến tháng 8/2026": the date an event is scheduled for is when it is due
# ("vào năm 2030" is not taken: it dates a target's horizon, kh182 III.2.3.d, no deadline in the gold).
# "đến hết ngày 31/12/2025", "chậm nhất là ngày 30/9/2025", "Thời hạn hoàn thành: 30/6/2026"
# (a label before a full date with its year) are the same deadline written otherwise.
# An hour (and a weekday) may stand before the day: "hoàn thành trước 8h00 sáng ngày 15/9/2025", "gửi
# trước 16 giờ ngày 20/11/2025", "vào lúc 7 giờ 45 phút, Thứ sáu ngày 01/12/2017" (urgent letters; a
# 2025 instruction of the session-11 survey, and the fresh-scans gold writes the words so).
_CLOCK = (r"(?:luc\s+)?\d{1,2}\s*(?:h|gio)\s*(?:\d{1,2}\s*(?:phut\s*)?)?(?:(?:sang|chieu|toi)\s+)?,?\s*"
          r"(?:(?:thu\s+(?:hai|ba|tu|nam|sau|bay)|chu nhat)\s*,?\s*)?")
_DATE_FULL = re.compile(r"(?P<prep>(?:truoc|cham nhat(?: la| vao)?|den(?: het)?|trong|vao|du kien|hoan thanh truoc|"
                        rf"xong truoc|la(?: truoc)?)\s+|(?:{_LABEL})(?=ngay|\d{{1,2}}/\d{{1,2}}/\d{{4}}))"
                        rf"(?:(?P<clock>{_CLOCK})?ngay\s+(?P<d>\d{{1,2}})(?:[/\-.]|\s+thang\s+)(?P<m>\d{{1,2}})"
                        r"(?:(?:[/\-.]|\s+nam\s+)(?P<y>\d{4}))?"
                        r"|(?P<d2>\d{1,2})/(?P<m2>\d{1,2})(?:(?:/|\s+nam\s+)(?P<y2>\d{4}))?(?![\d/])"
                        # The Party's own style dashes the date ("trước 30-5-2020"; its documents
                        # and the news that quote them, session-12 party survey): with its year.
                        r"|(?P<d3>\d{1,2})-(?P<m3>\d{1,2})-(?P<y3>\d{4})(?![\d/\-])"
                        # "trước 30 tháng 6 năm 2026": the spelt-out date without "ngày", only with
                        # its year ("trước 3 tháng" alone is a length).
                        r"|(?P<d4>\d{1,2})\s+thang\s+(?P<m4>\d{1,2})\s+nam\s+(?P<y4>\d{4}))")
# "Hạn cuối nộp báo cáo là ngày 20/11/2026", "Thời hạn gửi hồ sơ chậm nhất là ngày …": the date the
# deadline noun is said to be ("là" stands for the preposition; "là" after anything else is no
# deadline: "ngày truyền thống là ngày 10/3").
_DEADLINE_NOUN = re.compile(r"\b(?:han cuoi|thoi han|thoi diem cuoi|han chot|han nop)\b[^.;:]{0,80}$")
# A quarter or month with its year written either way: "quý IV/2025", "quý IV năm 2025",
# "tháng 12/2025", "tháng 12 năm 2025" (both spellings occur in the plans' running text and
# time columns). A list of quarters ("quý I, II năm 2026", "quý III và quý IV/2025") ends with
# the last one.
_Q = r"(?:iv|iii|ii|i|[1-4])"
_QUARTER = re.compile(r"(?P<prep>(?:trong|truoc|den het|cuoi)\s+)?quy\s+"
                      rf"(?:{_Q}\s*(?:,|va|-|den)\s*(?:quy\s+)?)*(?P<q>{_Q})\s*(?:/|-|\s+nam\s+)\s*(?P<y>\d{{4}})")
_MONTH = re.compile(rf"(?P<prep>(?:trong|truoc|den het|cuoi|hoan thanh|vao|du kien)\s+|{_LABEL})thang\s+(?P<m>\d{{1,2}})"
                    r"\s*(?:/|-|\s+nam\s+)\s*(?P<y>\d{4})")  # "tháng 1-2018" (a report's month, KOZ_2268)
# A span of days, months or quarters is due at its end: "từ ngày 15/11-30/11/2025", "từ ngày 3 đến
# 5-9-2025", "dự kiến từ ngày 8-19/5", "từ tháng 3/2026 đến tháng 5/2026", "Tháng 11-12/2025",
# "tháng 11 và tháng 12/2025", "từ Quý I/2026 đến Quý III/2026" (inspection rounds, campaigns and
# events of real plans, letters and resolutions: 5 of the documents read in session 11, none in the
# development plans; read as nothing, or as the span's first quarter, before). The words are the
# whole span, as a table's "2026 - 2030" is (GUIDELINES-real.md).
_SPAN_TO = r"\s*(?:-|–|den(?:\s+het)?(?:\s+ngay)?|va|,)\s*"
# "(từ 17/12/2025 đến 25/01/2026)" with no "ngày": a span of full dates after "từ" is one too (s18
# dev kh-mttq-2025-luongminh-kiemtra-giamsat III.1.b, III.2.b: the items' own windows were lost
# and their phase's end taken instead).
_DAY_SPAN = re.compile(r"(?:\btu\s+(?=\d{1,2}[/.]\d{1,2}[/.]\d{4}\s+den\b)|(?:\btu\s+)?\bngay\s+)(?P<d1>\d{1,2})(?:[/.](?P<m1>\d{1,2}))?(?:[/.](?P<y1>\d{4}))?"
                       r"(?:\s*(?:-|–)\s*|\s+den(?:\s+het)?(?:\s+ngay)?\s+)"
                       r"(?P<d2>\d{1,2})[/\-.](?P<m2>\d{1,2})(?:[/\-.](?P<y2>\d{4}))?(?![\d/])")
# The second month may carry its year with the Party's dash: "từ tháng 7 đến tháng 12-2019" (a 2019
# district committee's schedule of the session-12 party survey).
_MONTH_SPAN = re.compile(r"(?:\btu\s+)?\bthang\s+(?P<m1>\d{1,2})(?:\s*/\s*(?P<y1>\d{4}))?"
                         rf"{_SPAN_TO}(?:thang\s+)?(?P<m2>\d{{1,2}})\s*(?:/|-|\s+nam\s+)\s*(?P<y2>\d{{4}})")
_QUARTER_SPAN = re.compile(rf"(?:\btu\s+)?\bquy\s+(?P<q1>{_Q})\s*(?:/|\s+nam\s+)\s*(?P<y1>\d{{4}})"
                           rf"\s*(?:-|–|den(?:\s+het)?)\s*quy\s+(?P<q2>{_Q})\s*(?:/|\s+nam\s+)\s*(?P<y2>\d{{4}})")

# Years listed in a sentence: "trong các năm 2026 - 2027", "trong 2 năm 2026, 2027", "trong hai
# năm 2026 và 2027": due by the end of the last (as a table's "2026 - 2027"; read as nothing
# before). Only after "trong"/"đến hết" with "các"/"những"/a count: "giai đoạn 2026 - 2030" alone
# is a name's period.
# "trong (các) năm 2026 - 2027", "trong 02 năm 2026, 2027": the work runs through the last year
# (s15 dev nq175 prints "Trong năm 2023 - 2024:" without "các").
_YEAR_SPAN = re.compile(rf"\b(?:trong|den het)\s+(?:(?:cac|nhung|\d|{_NUMBER_WORDS})\s+)?nam\s+20\d\d"
                        r"(?:\s*(?:-|–|,|va|den)\s*(?:nam\s+)?20\d\d)*\s*(?:-|–|,|va|den)\s*(?:nam\s+)?(?P<y>20\d\d)\b")


def _spans(folded: str, text: str) -> list[tuple[int, int, str | None, str]]:
    """(start, end, ISO end of the span, words) of every span of time in the text."""
    out: list[tuple[int, int, str | None, str]] = []
    for m in _DAY_SPAN.finditer(folded):
        d1, d2, mo = int(m.group("d1")), int(m.group("d2")), int(m.group("m2"))
        if not (1 <= d2 <= 31 and 1 <= mo <= 12 and 1 <= d1 <= 31):
            continue
        iso = f"{int(m.group('y2')):04d}-{mo:02d}-{d2:02d}" if m.group("y2") else None
        out.append((m.start(), m.end(), iso, text[m.start() : m.end()]))
    for m in _MONTH_SPAN.finditer(folded):
        m1, m2 = int(m.group("m1")), int(m.group("m2"))
        if 1 <= m1 <= 12 and 1 <= m2 <= 12:
            out.append((m.start(), m.end(), month_end(int(m.group("y2")), m2), text[m.start() : m.end()]))
    for m in _YEAR_SPAN.finditer(folded):
        out.append((m.start(), m.end(), f"{int(m.group('y')):04d}-12-31", text[m.start() : m.end()]))
    for m in _QUARTER_SPAN.finditer(folded):
        out.append((m.start(), m.end(), month_end(int(m.group("y2")), _QUARTERS[m.group("q2")] * 3),
                    text[m.start() : m.end()]))
    return out


# "6 tháng đầu năm 2026": the half-year ends on 30 June; "6 tháng cuối năm 2026" on 31 December.
# "nửa đầu năm 2026" / "nửa cuối năm 2026" say the same halves.
_HALF_YEAR = re.compile(r"\b(?:(?:0?6|sau) thang|nua) (?P<half>dau|cuoi) nam\s+(?P<y>20\d\d)\b")
# A part of a year or month with no fixed end: "đầu năm 2026", "giữa năm 2026", "tuần đầu tháng
# 10/2026", "giữa tháng 5/2026", "trước trung tuần tháng 10/2026" (a ten-day third): the words
# are the time, no ISO date can be fixed (read as nothing before; "cuối năm 2026" has its 31
# December through _YEAR).
_PART_OF_PERIOD = re.compile(r"(?P<prep>(?:trong|vao|truoc|den)\s+)?(?:(?:tuan|dot)\s+(?:dau|cuoi|thu\s+\w+)\s+|(?:thuong|trung|ha)\s+tuan\s+|dau\s+|giua\s+)"
                             r"(?:nam\s+(?P<y>20\d\d)\b|thang\s+(?P<m>\d{1,2})\s*(?:/|-|\s+nam\s+)\s*(?P<my>20\d\d)\b)")
# A month or quarter with a deadline word and no year ("trước tháng 10 hằng năm", "trong quý
# III", "trong tháng 12 hằng năm"): words with the recurrence, as a day without its year is.
_PERIOD_NO_YEAR = re.compile(r"(?P<prep>(?:trong|truoc|den het|cuoi|cham nhat(?: la)?|vao)\s+)"
                             rf"(?:thang\s+(?P<m>\d{{1,2}})|quy\s+{_Q})\b"
                             r"(?!\s*(?:/|-|,?\s+nam\s+)\s*\d)(?!\s*/)")
# "năm 2026 và các năm tiếp theo", "từ năm 2026 trở đi": a start and then every year, not a
# year by which the work is done (a time cell read as "trong năm 2026" took its 31 December).
# A time cell may leave out "năm" ("2026 và các năm tiếp theo").
# "… và các năm tiếp theo", "… trở đi" after a year or a quarter: every year from then on.
_YEARS_AFTER = re.compile(r"\s+(?:va\s+(?:cac|nhung)\s+nam\s+(?:tiep theo|sau|tiep)|tro di)\b")
_YEARS_ON = re.compile(r"(?:\btu\s+)?(?:\bnam\s+|^\s*)(?P<y>20\d\d)" + _YEARS_AFTER.pattern)
# A relative time limit, counted from an event: "trong thời hạn 15 ngày kể từ ngày nhận hồ sơ",
# "chậm nhất là 05 ngày làm việc kể từ …", "trong vòng 30 ngày", "ít nhất 03 ngày trước ngày …".
# "Sau 01 năm, kể từ ngày thông báo … mà không …" is when something may happen, not a limit to
# act by (the laws' conditions; deadline_audit.py hand check).
# No date can be fixed: the words (through the event they count from) are the deadline_text,
# as the development gold writes one (kh153 IV.1.a); GUIDELINES-real.md is silent on them. Laws
# write these limits on most procedural duties (deadline_audit.py: 347 such sentences in the
# audited laws and plans, all read as nothing before). A bare duration ("trong 6 tháng", "phạt
# tù từ 01 năm đến 05 năm") and a term ("có thời hạn là 05 năm", "có hiệu lực sau 15 ngày")
# are not limits: without "thời hạn", "vòng" or "chậm nhất" the words must count from an event.
# A prohibition in the clause before a limit makes it the length of a ban (LUATKHOAHOCCONGNGHE
# D44.2: "… không được tham gia … trong thời hạn 03 năm kể từ ngày bị xử lý vi phạm").
_BANNED = re.compile(r"\b(?:khong duoc|bi cam|cam)\b[^.;]*$")
_REL_NUMBER = rf"(?:\d{{1,3}}|(?:{_NUMBER_WORDS})(?:\s+(?:{_NUMBER_WORDS}))?)"
_REL_UNIT = r"(?:ngay(?:\s+lam viec)?|thang|nam|gio|tuan)"
# The event runs to the next comma or stop, or to the main clause's verb ("… kể từ ngày Luật
# này có hiệu lực thi hành phải ngừng hoạt động": the limit ends before "phải").
_ANCHOR = (r",?\s*(?:ke tu|tinh tu|sau khi|truoc khi|truoc ngay|ke khi)\b"
           r"(?:(?!\s(?:phai|thi|co trach nhiem|co quyen|ma|va [^,;.()]{0,40}?cham nhat|cham nhat)\b)[^,;.()]){0,120}")
# The number may be spelt out after it in brackets ("07 (bảy) ngày làm việc").
_REL_SPELT = rf"(?:\s*\(\s*(?:{_NUMBER_WORDS})(?:\s+(?:{_NUMBER_WORDS}|muoi|mươi))*\s*\))?"
_RELATIVE = re.compile(
    rf"(?P<prep>(?<!co )(?<!\bhieu luc )(?:trong thoi han|trong vong|cham nhat(?: la)?(?: sau)?)"
    rf"(?:\s+(?:khong qua|toi da|la))?\s+){_REL_NUMBER}{_REL_SPELT}\s+{_REL_UNIT}\b(?:{_ANCHOR})?"
    # "trong thời gian N ngày" is a limit only when counted from an event ("trong thời gian 03 năm
    # tới" is a period) and with no cap: "… trong thời gian không quá 36 tháng kể từ …" bounds a
    # term (a contract's, in the labour code; deadline_audit.py).
    rf"|(?P<prep2>(?<!\bhieu luc )(?:trong thoi gian\s+|(?:trong|truoc|it nhat(?: la)?)(?:\s+(?:khong qua|toi da|it nhat))?\s+))"
    rf"{_REL_NUMBER}{_REL_SPELT}\s+{_REL_UNIT}\b(?={_ANCHOR})(?:{_ANCHOR})")
# "ngay sau khi kết thúc lần khám bệnh …": at once after an event, a limit with no length
# (GUIDELINES-real.md, Time: relative limits, [decided, lead s11]). Matched on the text with its
# tones: folded, "ngày sau khi" (a day after) would read the same.
_AT_ONCE = re.compile(r"\bngay sau khi\b(?:(?!\s(?:phải|thì|có trách nhiệm|có quyền|mà)\b)[^,;.()]){1,120}")
# "Đến năm 2030" sets a horizon the duty must reach (GUIDELINES-real.md: deadline 2030-12-31);
# "giai đoạn 2026-2030" and a year inside a cited title do not.
_YEAR = re.compile(rf"(?P<prep>(?:trong|truoc|den het|den|cuoi|hoan thanh)\s+|{_LABEL})nam\s+(?P<y>20\d\d)\b"
                   r"(?!\s*[-–])(?!\s+(?:va\s+(?:cac|nhung)\s+nam|tro di)\b)")
# Further years listed after a year ("năm 2026, 2027", "năm 2026 và năm 2027"); the last is kept.
_MORE_YEARS = re.compile(r"(?:\s*(?:,|va)\s*(?:nam\s+)?20\d\d\b(?!\s*[-–]))*\s*(?:,|va)\s*(?:nam\s+)?(?P<y>20\d\d)\b"
                         r"(?!\s*[-–])(?!\s+(?:va\s+(?:cac|nhung)\s+nam|tro di)\b)")
# "Chiến lược … đến năm 2030, tầm nhìn đến năm 2045", "Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm
# nhìn đến năm 2050", "Chiến lược … đến năm 2025, định hướng đến năm 2030": the years of a cited
# strategy's or plan's name, not a time the duty is due by (the development gold gives these
# duties none: kh179 III.1.i, III.1.k, kh556 IV.6; deadline_audit.py's hand check).
_VISION_BEFORE = re.compile(r"\b(?:tam nhin|dinh huong)\s+$")
_VISION_AFTER = re.compile(r"\s*,?\s*(?:va\s+)?(?:tam nhin|dinh huong)\b")
# "Chương trình mục tiêu quốc gia … đến năm 2030 theo Quyết định số 7619/QĐ-BCA", "… đến năm 2030
# (Nghị quyết số 163/2024/QH15)": a name followed by the act that approved it or by its alias
# is cited, its year is the name's (the development gold gives kh182 III.2 no deadline). A
# horizon that ends the duty ("triển khai Kế hoạch … đến năm 2030.") is left as a deadline, as
# the gold reads it (kh556 III.4, IV.1).
# "Duy trì … các dự án …, hướng tới mục tiêu phát thải ròng bằng 0 trước năm 2050": the year
# belongs to the national aim the item works toward, not to the item's own work (three blind
# golds alike: s15 nq88, s16 nq10 III.4, s16 qd334 D1.IV.5). In the same clause only.
_AIM_BEFORE = re.compile(r"\bhuong toi\b[^.;:,]*$")
_CITED_AFTER = re.compile(r"\s*(?:\(|,?\s*(?:theo|tai|ban hanh kem theo)\s+(?:quyet dinh|nghi quyet|ke hoach|chi thi|"
                          r"thong bao|van ban|cong van)\b)")
_NAME_HEAD = re.compile(r"\b(?:Chương trình|Chiến lược|Đề án|Quy hoạch|Kế hoạch|Nghị quyết|Chỉ thị|Dự án)\b[^.;:]*$")
# A time label ("Thời gian thực hiện: năm 2027", "thời hạn hoàn thành: giai đoạn 2026 - 2030")
# dates the duty as a table's time column does: a period ends with its last year. Without the
# label a period is only named in passing ("Chương trình … giai đoạn 2026 - 2030": the
# development gold gives such duties no deadline, kh182, qd2954).
# "Năm 2026 và các năm tiếp theo" after the label is a start and then every year (_YEARS_ON).
_TIME_LABEL = re.compile(r"(?P<prep>thoi (?:gian|han)(?: thuc hien| hoan thanh| trien khai)?\s*:?\s*)"
                         r"(?:giai doan\s+|nam\s+|tu nam\s+)?(?P<y>20\d\d)"
                         r"(?:\s*(?:[-–—]|den(?: nam)?)\s*(?P<y2>20\d\d))?(?!\d)"
                         r"(?!\s+(?:va\s+(?:cac|nhung)\s+nam|tro di)\b)")
# "… tiến tới thí điểm (2025 - 2026).", "… (xuyên suốt 2025 - 2035).": the steps of a roadmap
# ("Lộ trình chung …:") end with their period in brackets. A bracket that holds only the period
# and ends the item dates it as a time label does (fresh plan qd2820 KH.III); a period inside the
# text stays a name's ("Chương trình … giai đoạn 2026 - 2030"), an open start ("2026 trở đi") none.
_BRACKET_PERIOD = re.compile(r"\((?:(?:giai doan|xuyen suot|nam|tu nam|trong)\s+)?(?P<y>20\d\d)"
                             r"(?:\s*(?:[-–—]|den(?: nam)?)\s*(?P<y2>20\d\d))?\s*\)\s*[.;]?\s*$")
# "trước Tết Nguyên đán Bính Ngọ 2026", "hoàn thành trước Tết": a lunar feast, due before it; no
# solar date can be fixed without a calendar, so the words alone (directives before Tết of 2021,
# 2025 and 2026 in the session-12 survey: chi trả, thăm hỏi, rà soát "trước Tết").
_LUNAR_YEARS = "giap|at|binh|dinh|mau|ky|canh|tan|nham|quy"
_BEFORE_TET = re.compile(r"(?P<prep>truoc|cham nhat(?: la)? truoc)\s+(?:dip\s+)?tet(?:\s+nguyen dan|\s+duong lich)?"
                         rf"(?:\s+(?:{_LUNAR_YEARS})\s+(?:ty|suu|dan|mao|thin|ty|ngo|mui|than|dau|tuat|hoi))?"
                         r"(?:\s+(?:nam\s+)?20\d\d)?\b")
# "Năm 2026, các xã hoàn thành …", "- Năm 2027: hoàn thành …": a year that opens the duty is the
# year it is done in, as "Trong năm 2026" is (the yearly steps of multi-year plans).
_YEAR_OPENER = re.compile(r"^[\s\-+•*]*(?P<prep>nam\s+)(?P<y>20\d\d)\s*[,:]")
# "trước ngày 20 hằng tháng": a day of every month, kept as words with the recurrence.
# "trước ngày 07 của tháng tiếp theo", "trước ngày mùng 05 của tháng kế tiếp": a day of the month after
# the period reported on (the reporting clauses of circulars and regulations; a 2016 circular read in
# the session-11 survey, and the fresh-scans gold writes the words so): kept whole, with no date.
_NEXT_PERIOD = r"(?:cua\s+)?(?:thang|quy|nam)\s+(?:tiep theo|ke tiep|sau)\b"
_MONTH_DAY = re.compile(r"(?P<prep>(?:truoc|cham nhat|den)\s+)ngay\s+(?:mung\s+)?(?P<d>\d{1,2})"
                        r"(?=\s*,?\s*(?:cua\s+)?(?:(?:hang|moi)\s+(?:thang|quy)\b"
                        rf"|thang\s+(?:cuoi|dau)\s+(?:quy|ky|nam)\b|(?:quy|ky bao cao)\b)|\s*,?\s*{_NEXT_PERIOD})"
                        rf"(?:\s*,?\s*{_NEXT_PERIOD})?")
# A date cut by a line wrap after its slash ("31/12/⏎2026" in a crawl or a table cell) is one date.
_WRAPPED_DATE = re.compile(r"(?<=\d)\s*/\s+(?=\d)|(?<=\d)\s+/\s*(?=\d)")


# "… vẫn được sử dụng và có giá trị … đến hết ngày 31 tháng 12 năm 2022", "có hiệu lực đến
# hết ngày …", "hết hiệu lực …": a document's or a paper's validity ends on that date; nobody
# has to act by it (the one absolute deadline predicted on the laws, a false one,
# ``evaluation/target_precision.py``). In the sentence before an "đến (hết) ngày" date only;
# the entry into force ("có hiệu lực thi hành / kể từ ngày ký") is not a validity end.
_VALIDITY = re.compile(r"(?:\b(?:co|con)\s+(?:\w+\s+){0,2}?(?:hieu luc(?! thi hanh| ke tu| tu)|gia tri)|\bhet hieu luc)\b"
                       r"[^.;]*$")


# Folding makes "quyết định kỷ luật" and "quy định kỹ thuật" read "dinh ky": only "kỳ" (or an
# untoned "ky") is the "định kỳ" of a cycle (deadline_audit.py: every "quyết định kỷ luật" and
# "quy định kỹ thuật" in the laws was labelled "định kỳ").
_DINH_KY = re.compile(r"\bdinh ky\b")


def _not_cycle_words(text: str, folded: str) -> str:
    """The folded text with the "dinh ky" that are not "định kỳ" blanked out."""
    if len(folded) != len(text):
        return folded
    for m in _DINH_KY.finditer(folded):
        if text[m.end() - 1].lower() not in "ỳy":
            folded = folded[: m.start()] + "dinh k_" + folded[m.end() :]
    return folded


# A one-off date printed without its year: "hoàn thành trước 30/8", "trước ngày 15/6", "trong tháng
# 10", "trong quý III" (letters and yearly plans leave out the year they are written in: "gửi về Bộ
# Nội vụ trước 30/8", https://thanhnienonline.com/tag/hanh-chinh, 2025). The words, once their
# preposition is set aside, must be the date alone.
_YEARLESS_DAY = re.compile(r"^(?:(?:hoan thanh|xong)\s+)?(?:truoc|cham nhat(?: la| vao)?|den(?: het)?|trong|vao)?\s*"
                           r"(?:ngay\s+)?(?P<d>\d{1,2})(?:/|-|\.|\s+thang\s+)(?P<m>\d{1,2})$")
_YEARLESS_PERIOD = re.compile(rf"^(?:truoc|trong|den het|cuoi|cham nhat(?: la)?|vao)\s+"
                              rf"(?:thang\s+(?P<m>\d{{1,2}})|quy\s+(?P<q>{_Q}))$")


def date_in_issue_year(duties: Sequence[Duty], issued: str | None) -> None:
    """Give a one-off date printed without its year the year of the document's issue.

    A yearly cycle keeps its words with no date (GUIDELINES.md, Time: "trước ngày 15/12" under
    "hằng năm"); a date with no cycle is due once, in the year the plan or letter is issued, or
    the next one when the day has already passed at the issue ("trước 15/01" in a plan of
    December). The development golds print no such one-off date (all their yearless days recur)."""
    if not issued or not re.match(r"\d{4}-\d\d-\d\d$", issued):
        return
    year = int(issued[:4])
    for duty in duties:
        if duty.deadline or duty.recurring or not duty.deadline_text:
            continue
        folded = fold(duty.deadline_text).strip().rstrip(".")
        if day := _YEARLESS_DAY.match(folded):
            d, mo = int(day.group("d")), int(day.group("m"))
            if not (1 <= d <= 31 and 1 <= mo <= 12):
                continue
            try:
                iso = date(year, mo, d).isoformat()
            except ValueError:
                continue
            duty.deadline = iso if iso >= issued else date(year + 1, mo, d).isoformat()
        elif period := _YEARLESS_PERIOD.match(folded):
            mo = int(period.group("m")) if period.group("m") else _QUARTERS[period.group("q")] * 3
            if 1 <= mo <= 12:
                iso = month_end(year, mo)
                duty.deadline = iso if iso >= issued else month_end(year + 1, mo)


# A heading that is a time and nothing else: "1. Năm 2026", "2. Giai đoạn 2027 - 2028", "Quý IV/2026",
# "Từ năm 2027 đến năm 2028" — the steps of a roadmap (lộ trình) whose items name no time of their own.
_TIME_HEADING = re.compile(r"^(?:(?:trong|den het|den)\s+)?(?:(?:nam|giai doan|cac nam)\s+20\d\d(?:\s*(?:[-–—]|den(?: nam)?)\s*20\d\d)?"
                           rf"|tu nam\s+20\d\d\s+den(?: het)?(?: nam)?\s+20\d\d|quy\s+{_Q}\s*(?:/|\s+nam\s+)\s*20\d\d"
                           r"|thang\s+\d{1,2}\s*(?:/|\s+nam\s+)\s*20\d\d)\s*:?$")
_HEADING_NUMBER = re.compile(r"^\s*(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)]\s*")
# A phase heading that says more than its time: "Giai đoạn 1 (2026 - 2027): hoàn thiện thể chế",
# "Giai đoạn từ nay đến hết năm 2027", "Giai đoạn 2026 - 2028: tập trung …", "Năm 2026 và 2027",
# "Giai đoạn 1: từ năm 2026 đến năm 2027". Its period opens the heading (after an optional phase
# word and number); whatever follows a bracket, colon, comma or dash is the phase's theme.
_PHASE_OPEN = re.compile(r"^(?:giai doan|lo trinh|buoc)(?:\s+(?:\d{1,2}|[ivx]+|mot|hai|ba|bon|dau|cuoi|tiep theo)\b)?"
                         r"\s*(?:[:(,.]|[-–—](?=\s))?\s*\(?\s*")
_PHASE_PERIOD = re.compile(r"(?:(?:tu|trong)\s+)?(?:(?:nam|cac nam)\s+)?(?P<y1>20\d\d)"
                           r"(?:\s*(?:[-–—]|den(?: het)?(?: nam)?|va(?: nam)?|,)\s*(?:nam\s+)?(?P<y2>20\d\d))?"
                           r"|(?:tu nay|tu nam 20\d\d)?\s*den(?: het)?(?: nam)?\s+(?P<y3>20\d\d)")
# The period ends the heading or a bracket, colon, comma or dash opens its theme ("… đến hết năm
# 2025 (giai đoạn xây dựng nền tảng)": s15 dev nq175's three phases lost their 24 deadlines).
_PHASE_END = re.compile(r"\s*(?:$|[():,;.]|[-–—]\s)")


def _phase_period(heading: str) -> tuple[int, int, str] | None:
    """(first year, last year, the period's words) of a heading that opens with a period.

    "1. Giai đoạn 2026 - 2027", "Giai đoạn 1 (2026 - 2027): hoàn thiện thể chế", "b) Từ năm 2028 đến
    năm 2030", "Đến năm 2027", "Năm 2026 và 2027": the heading's time words, whatever else it says
    (GUIDELINES-real.md, [decided, s13 adj]: a phase heading dates its items). A period followed
    by "tầm nhìn" is a strategy's name, and "Giai đoạn 1" with no year gives none."""
    bare = _HEADING_NUMBER.sub("", heading.strip(" *_#")).strip(" *_")
    folded = fold(bare)
    opener = _PHASE_OPEN.match(folded)
    start = opener.end() if opener and opener.end() > 0 else 0
    m = _PHASE_PERIOD.match(folded, start)
    if m is None or not _PHASE_END.match(folded, m.end()) or _VISION_AFTER.match(folded, m.end()):
        return None
    if start == 0 and not re.match(r"(?:tu|trong|den|nam|cac nam)\b", folded):
        return None  # "2026 - 2027 …" with no time word is no heading of a phase
    last = int(m.group("y2") or m.group("y1") or m.group("y3"))
    first = int(m.group("y1") or m.group("y3"))
    words = bare[: m.end()].rstrip(" (")
    if words.count("(") > words.count(")"):
        words += ")"  # "Giai đoạn 1 (2026 - 2027)": the bracket closes after the period
    return first, last, words


def _heading_time(heading: str, scope: Sequence[tuple[int, int]] = ()) -> tuple[str | None, str | None, str | None]:
    """The time a heading that opens with a period gives its items (nothing for any other heading).

    ``scope``: periods (first, last year) of the plan's title and of the parts above: a heading
    that only restates one of them ("1. Giai đoạn 2026 - 2030" in a plan for 2026 - 2030) bounds the
    whole part, it is no phase of it (GUIDELINES-real.md: scope, not a deadline; dev qd2954 KH.III)."""
    bare = _HEADING_NUMBER.sub("", heading).strip().rstrip(":").strip()
    if not _TIME_HEADING.match(fold(bare)):
        period = _phase_period(heading)
        if period is None or any(period[1] == last and period[0] <= first for first, last in scope):
            return None, None, None
        return f"{period[1]}-12-31", period[2], None  # a period ends with its last year
    years = re.findall(r"20\d\d", bare)
    if years and not re.search(r"\b(?:quy|thang)\b", fold(bare)) \
            and any(int(years[-1]) == last and int(years[0]) <= first for first, last in scope):
        return None, None, None
    if len(years) > 1:
        return f"{years[-1]}-12-31", bare, None  # a period ends with its last year
    deadline, _words, _ = find_deadline(f"trong {bare}")
    return (deadline, bare, None) if deadline else (None, None, None)


def _span(text: str | None, single: bool = False, since: int | None = None) -> tuple[int, int] | None:
    """The first and last year printed in a title or heading ("… giai đoạn 2026 - 2030"); with
    ``single``, a title's one year too ("Kế hoạch … năm 2026", "… đến năm 2030"), minus a vision's.

    A title's lone "đến năm Y" runs from the plan's issue (``since``) to Y: its later phases
    ("2. Giai đoạn 2031 - 2035" in a plan "… đến năm 2035" issued in 2025) are periods of their
    own, not the title's span said again (s13 kh552 III.2 lost 19 deadlines so)."""
    folded = fold(text or "")
    vision = re.search(r"\b(?:tam nhin|dinh huong)\b", folded)
    years = [int(y) for y in re.findall(r"\b20\d\d\b", folded[: vision.start()] if vision else folded)]
    if len(years) == 1 and single and since and since < years[0] \
            and re.search(rf"\bden(?: het)?(?: nam)?\s+{years[0]}\b", folded):
        return since, years[0]
    return (min(years), max(years)) if len(years) > 1 or (single and years) else None


def _lead_in_time(path: Sequence[Section], lead_texts: dict[str, str],
                  title_scope: Sequence[tuple[int, int]] = ()) -> tuple[str | None, str | None, str | None]:
    """The time a lead-in line gives the items under it, for an item that names none.

    "1. Trước ngày 15 tháng 12 hằng năm:" over "a) Phòng … tổng hợp số liệu …", "b) … báo cáo
    …" (HNMU.pdf, Điều 32): each point is due by that day every year. Only a line that ends in
    ":" announces its items this way (``lead_texts``: such lines by outline node); the nearest
    one with a time wins. A heading that opens with a period ("1. Năm 2026", "2. Giai đoạn
    2027 - 2028", "Giai đoạn 1 (2026 - 2027): …" over the items of a roadmap) times its items the
    same way, unless it only restates the span of the title or of a heading above it."""
    for depth in range(len(path) - 1, -1, -1):
        sec = path[depth]
        scope = [*title_scope, *(s for p in path[:depth] if (s := _span(p.heading)))]
        line = lead_texts.get(sec.id)
        if line is not None:
            found = find_deadline(line)
            if found[0] and found[0].endswith("-12-31") and any(int(found[0][:4]) == last for _, last in scope):
                # "Phê duyệt Chương trình … đến năm 2030, với các nội dung sau:" in a decision
                # "… đến năm 2030": the programme's horizon said again, scope, not the items' limit
                # (s14 qd419 Điều 1 dated every point by it).
                found = (None, None, found[2])
            if any(found):
                return found
        found = _heading_time(sec.heading, scope)
        if any(found):
            return found
    return None, None, None


_QUOTED_TITLE = re.compile(r"[“\"][^“”\"]{3,300}[”\"]")


_CLAUSE_END = re.compile(r"[.;]\s")
# "… hoàn thành trước ngày 20/4/2026, …, báo cáo Thủ tướng Chính phủ trong tháng 4 năm 2026": a
# comma-joined report or submission is the item's next step (s15 dev nq109 IV.1.a, its gold
# takes the month's end).
_NEXT_STEP = re.compile(r",\s+(?:dong thoi\s+)?(?:bao cao|trinh|gui)\b")


# "Quý IV/2026, 2027" (a duty table's time cell, s14 dev qd2200-bnnmt-2026 rows 2.b-2.d): the
# work begins in the period and goes on through the later year, which is when it is due.
_LATER_YEAR = re.compile(r"\s*(?:,|va)\s*(?:nam\s+)?(?P<y>(?:19|20)\d\d)\b(?!\s*[/.\-]\s*\d)(?=\s*(?:[.;)]|$))")


def find_deadline(text: str, cell: bool = False) -> tuple[str | None, str | None, str | None]:
    """(ISO deadline, the words, recurrence) of a duty text.

    A one-off date goes to the deadline; a date without a year ("trước ngày 15/12" under
    "hằng năm") stays as words with the recurrence. ``cell``: the text is a time field
    ("Thời gian thực hiện: …"), read as a table's time cell.
    """
    text = _WRAPPED_DATE.sub("/", text)
    folded = _not_cycle_words(text, fold(text))
    if len(folded) == len(text):
        # A quoted title's period is the name's ("thực hiện Đề án “Nâng cao nhận thức …, đến năm
        # 2030”"), not the task's deadline (qd2853 V.1 of the session-13 fresh plans).
        folded = _QUOTED_TITLE.sub(lambda m: m.group(0)[0] + "_" * (len(m.group(0)) - 2) + m.group(0)[-1], folded)
    matches = [(m, label) for pattern, label in _RECURRING if (m := pattern.search(folded))]
    six = next((m for m in _SIX_MONTHS.finditer(folded)
                if _SIX_BEFORE.search(folded, max(0, m.start() - 80), m.start()) or _SIX_AFTER.match(folded, m.end())),
               None)
    if six:
        matches.append((six, "6 tháng"))
    for m in _EVERY_N.finditer(folded):
        raw_n, unit = m.group("n") or m.group("n2"), m.group("u") or m.group("u2")
        n = int(raw_n) if raw_n.isdigit() else _NUMBER_VALUES[raw_n]
        label = (("hằng năm" if unit == "nam" else "hằng tháng") if n == 1  # "01 năm một lần"
                 else f"{n} {'năm' if unit == 'nam' else 'tháng'}")
        if not (n == 6 and unit == "thang") and all(lb != label for _, lb in matches):
            matches.append((m, label))  # "6 tháng" has its own pattern
    counts = list(_COUNT_PER.finditer(folded))
    for i, m in enumerate(counts):
        if i and m.group("u") == "nam" and re.fullmatch(r"\s*\(\s*", folded[counts[i - 1].end() : m.start()]):
            continue  # "02 đợt/tháng (24 đợt/năm)": the year's total of the same rhythm, the finer label only
        if m.group("u") == "ngay" and "lan" not in m.group(0):
            continue  # "02 buổi/ngày" paces a course; "báo cáo 02 lần/ngày" (s15 kh0129 IV.10) is daily
        label = f"hằng {_PERIOD_NAMES[m.group('u')]}"
        if all(lb != label for _, lb in matches):
            matches.append((m, label))
    shared = [(sf.start("rest") + p.start(), _MEMBER_LABELS.get(p.group(0), "6 tháng"))
              for sf in _SHARED_FREQUENCY.finditer(folded)
              for p in _PERIOD_MEMBER.finditer(sf.group("rest"))]
    if six and (year_after := _SIX_AND_YEAR.match(folded, six.end())
                or (_SIX_BEFORE.search(folded, max(0, six.start() - 80), six.start())
                    and _SIX_AND_ONE_YEAR.match(folded, six.end()))):
        # Not "6 tháng một lần": the same cycle said again, no yearly one.
        # "báo cáo 6 tháng, năm", "sơ kết 6 tháng và tổng kết năm": two cycles, comma-joined
        # (GUIDELINES-real.md, Time: several frequencies, [decided, lead s11]).
        shared.append((year_after.end() - 1, "hằng năm"))
    found = [(m.start(), label) for m, label in matches] + shared
    # A stated frequency ("định kỳ hằng năm") says more than "thường xuyên" / a bare "định kỳ"
    # elsewhere in the text: the vague labels count only when no frequency is given, or when
    # they open a list of frequencies ("một cách thường xuyên, định kỳ hàng ngày, hàng tuần":
    # GUIDELINES-real.md keeps all of them).
    precise = [(m.start(), label) for m, label in matches
               if label not in _VAGUE or _FREQUENCY_LIST.match(folded, m.end())] + shared
    # In the text's order, each label once ("hằng năm" and its synonym "thường niên").
    recurring_parts = list(dict.fromkeys(label for _, label in sorted(precise or found)))
    recurring = ", ".join(recurring_parts) if recurring_parts else None
    candidates: list[tuple[int, str | None, str]] = []
    spans = _spans(folded, text)
    candidates.extend((start, iso, words) for start, _end, iso, words in spans)
    limits: set[int] = set()  # "trước ngày 05/12/2025": a day the duty is due by
    bare_years: set[int] = set()  # "trong năm 2025": a whole year
    for m in _DATE_FULL.finditer(folded):
        d = int(m.group("d") or m.group("d2") or m.group("d3") or m.group("d4"))
        mo = int(m.group("m") or m.group("m2") or m.group("m3") or m.group("m4"))
        year = m.group("y") or m.group("y2") or m.group("y3") or m.group("y4")
        prep = m.group("prep").strip()
        if prep.startswith("la") and not _DEADLINE_NOUN.search(folded, 0, m.start()):
            continue  # "là ngày …" dates a deadline only after "hạn cuối", "thời hạn"
        if m.group("clock") and prep == "trong":
            continue  # "trong 6 giờ …": a length of hours, not an hour of a day
        if (m.group("d2") or m.group("d3") or m.group("d4")) and not (prep.endswith(("truoc", "cham nhat", "cham nhat la", "la"))
                                  or (prep.endswith((":", "(")) and m.group("y2"))):
            continue  # "trong 2/3 số xã" is a fraction: without "ngày" only "trước"/"chậm nhất" date
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            continue
        if prep.startswith("den") and _VALIDITY.search(folded, 0, m.start()):
            continue  # the end of a validity, not a date by which something is done
        if prep.endswith("(") and not year:
            continue  # "(ngày 30 tháng 4 dương lịch)": a bracketed day of the year names a day, no deadline
        iso = f"{int(year):04d}-{mo:02d}-{d:02d}" if year else None
        end = m.end()
        if not year and (nxt := re.compile(rf"\s*,?\s*{_NEXT_PERIOD}").match(folded, end)):
            end = nxt.end()  # "trước ngày 15 tháng 01 của năm tiếp theo": the year is the next one
        candidates.append((m.start(), iso, text[m.start() : end]))
        if iso and prep.endswith(("truoc", "cham nhat", "cham nhat la")):
            limits.add(m.start())
    every_year = False  # a start, then every year (below)
    for m in _QUARTER.finditer(folded):
        q = _QUARTERS[m.group("q")]
        iso, end = month_end(int(m.group("y")), q * 3), m.end()
        if on := _YEARS_AFTER.match(folded, end):
            # "Quý IV năm 2025 và các năm tiếp theo": a start, then every year, as "năm 2026 và
            # các năm tiếp theo" (_YEARS_ON): no last day ([decided, s13 adj], kh7360 II.1).
            candidates.append((m.start(), None, text[m.start() : on.end()]))
            every_year = True
            continue
        if (later := _LATER_YEAR.match(folded, end)) and int(later.group("y")) > int(m.group("y")):
            iso, end = f"{int(later.group('y')):04d}-12-31", later.end()
        candidates.append((m.start(), iso, text[m.start() : end]))
    for m in _MONTH.finditer(folded):
        mo = int(m.group("m"))
        if 1 <= mo <= 12:
            iso, end = month_end(int(m.group("y")), mo), m.end()
            if (later := _LATER_YEAR.match(folded, end)) and int(later.group("y")) > int(m.group("y")):
                iso, end = f"{int(later.group('y')):04d}-12-31", later.end()
            candidates.append((m.start(), iso, text[m.start() : end]))
    for m in _HALF_YEAR.finditer(folded):
        end = "06-30" if m.group("half") == "dau" else "12-31"
        candidates.append((m.start(), f"{int(m.group('y')):04d}-{end}", text[m.start() : m.end()]))
    for m in _PART_OF_PERIOD.finditer(folded):
        if re.search(r"\btu\s+$", folded[: m.start()]):
            continue  # "từ đầu năm 2026 (đến nay)": where a period starts, not a time to act by
        candidates.append((m.start(), None, text[m.start() : m.end()]))
    for m in _PERIOD_NO_YEAR.finditer(folded):
        if m.group("m") is None or 1 <= int(m.group("m")) <= 12:
            candidates.append((m.start(), None, text[m.start() : m.end()]))
    for m in _RELATIVE.finditer(folded):
        if _BANNED.search(folded, 0, m.start()):
            continue  # "không được tham gia … trong thời hạn 03 năm": how long a ban lasts
        candidates.append((m.start(), None, text[m.start() : m.end()].rstrip(" ,")))
    if len(folded) == len(text):
        for m in _AT_ONCE.finditer(text.lower()):
            candidates.append((m.start(), None, text[m.start() : m.end()].rstrip(" ,")))
    for m in _YEARS_ON.finditer(folded):
        candidates.append((m.start(), None, text[m.start() : m.end()]))
        every_year = True
    if every_year and "hằng năm" not in recurring_parts:
        recurring_parts.append("hằng năm")
        recurring = ", ".join(recurring_parts)
    for m in _YEAR.finditer(folded):
        if _VISION_BEFORE.search(folded, 0, m.start()) or _VISION_AFTER.match(folded, m.end()):
            continue  # "… đến năm 2030, tầm nhìn đến năm 2045": a strategy's or plan's name
        if _CITED_AFTER.match(folded, m.end()) and _NAME_HEAD.search(text, 0, m.start()):
            continue  # "Chương trình … đến năm 2030 theo Quyết định số …": the name being cited
        if _AIM_BEFORE.search(folded, max(0, m.start() - 160), m.start()):
            continue  # "… hướng tới mục tiêu phát thải ròng bằng 0 trước năm 2050": the aim's horizon
        year, end = int(m.group("y")), m.end()
        if (more := _MORE_YEARS.match(folded, end)) and _VISION_AFTER.match(folded, more.end()):
            continue  # "mục tiêu … đến năm 2030, 2035 và tầm nhìn đến năm 2050": horizons (s14 qd893 IV.3.a)
        if more:
            # "Trong năm 2026, 2027", "năm 2026 và năm 2027": the work runs through the last
            # year listed (as a period followed by a later year, [decided, s15 fixL]).
            year, end = int(more.group("y")), more.end()
        elif m.group("prep").strip() == "truoc":
            year -= 1  # "hoàn thành trước năm 2027": before that year begins ([decided, s15 fixV])
        candidates.append((m.start(), f"{year:04d}-12-31", text[m.start() : end]))
        if more or m.group("prep").strip() != "truoc":
            # "trước năm 2030" is a limit the item is due by, as "trước ngày …" is: with a later
            # limit in a clause of its own the item is done by that one (s16 nq10 III.4).
            bare_years.add(m.start())
    for m in _TIME_LABEL.finditer(folded):
        end = int(m.group("y2") or m.group("y"))
        start = m.start() + len(m.group("prep"))
        candidates.append((start, f"{end:04d}-12-31", text[start : m.end()]))
    if m := _BRACKET_PERIOD.search(folded):
        end = int(m.group("y2") or m.group("y"))
        candidates.append((m.start() + 1, f"{end:04d}-12-31", text[m.start() + 1 : m.end("y2") if m.group("y2") else m.end("y")]))
    for m in _MONTH_DAY.finditer(folded):
        candidates.append((m.start(), None, text[m.start() : m.end()]))
    for m in _BEFORE_TET.finditer(folded):
        candidates.append((m.start(), None, text[m.start() : m.end()]))
    if m := _YEAR_OPENER.match(folded):
        start = m.start("prep")
        candidates.append((start, f"{int(m.group('y')):04d}-12-31", text[start : m.end("y")]))
    # A date or month inside a span is one of its ends, not a time of its own.
    candidates = [c for c in candidates
                  if not any(start < c[0] < end or (start == c[0] and (c[1], c[2]) != (iso, words))
                             for start, end, iso, words in spans)]
    if not candidates:
        return None, None, recurring
    dated = [c for c in candidates if c[1]]
    chosen = min(dated or candidates, key=lambda c: c[0])
    if chosen[1] and chosen[0] not in bare_years and (later := [
            c for c in dated if c[0] > chosen[0] and c[0] not in bare_years and c[1] > chosen[1]
            and (_CLAUSE_END.search(folded, chosen[0], c[0]) or (chosen[0] in limits and c[0] in limits)
                 or _NEXT_STEP.search(folded, chosen[0], c[0]))
            and folded.count("(", 0, c[0]) <= folded.count(")", 0, c[0])]):
        # Several one-off limits in one item, each in a clause of its own ("… hoàn thành trong
        # tháng 5 năm 2026. … trình … trước ngày 15 tháng 5 năm 2026. … hoàn thành trong quý II
        # năm 2026"): the item is done when its last step is ([decided, s14 fixG], as a time cell
        # listing several times; s14 dev nq122: 4 items of its appendix and II.3.l). Two "trước
        # ngày …" limits need no clause between them ("xong trước ngày 01/5/2026 đối với …, xong
        # trước ngày 01/8/2026 đối với …": s14 nq113 D2.3). Not the
        # months a bracket lists ("(tháng 12 năm 2025, tháng 01 và tháng 02 năm 2026)", nq380).
        chosen = max(later, key=lambda c: c[1])
    if chosen[0] in bare_years and (days := [c for c in dated if c[0] in limits and c[1][:4] == chosen[1][:4]]):
        # "… những vướng mắc tiếp tục được xử lý trong năm 2025 …. Các báo cáo gửi Bộ X trước
        # ngày 05 tháng 12 năm 2025": a day limit inside the same year says when the duty is due;
        # the bare year before it dates what the duty handles (tb659 item 1 of the session-13
        # fresh documents, read whole once its long paragraph was no longer cut in parts).
        chosen = min(days, key=lambda c: c[0])
    if chosen[1] and recurring == "thường xuyên" and not cell:
        # A one-off deadline: "thường xuyên" describes the manner, not a cycle. A time field that
        # gives both ("Thực hiện thường xuyên, riêng việc … hoàn thành trong quý II/2026") keeps
        # both, as a time cell does (:func:`time_cell`; GUIDELINES-real.md [decided, s13 adj]
        # reads field lines as cells; s16 held-out ctr435 II.1.2, blind gold).
        recurring = None
    # The words start at the preposition: a label or a bracket that stood for it is dropped.
    words = re.sub(r"^(?:\(\s*|l[àa]\s+|(?:th[ờo]i (?:gian|h[ạa]n)|ti[ếe]n đ[ộo])[^:]{0,20}:\s*)", "",
                   chosen[2].strip(), flags=re.IGNORECASE)
    return chosen[1], words, recurring


# A table's time cell, and a labelled time field read as one ("Thời gian hoàn thành: …").
_RANGE = re.compile(r"(?<!\d)(20\d\d)\s*[-–—]\s*(20\d\d)(?!\d)")
# A cell that lists years or bounds them with "đến": "Năm 2026, 2027", "2026 và 2027", "Năm 2026 và
# năm 2027", "Từ 2026 đến 2030" — the work runs through the last one, as a range "2026 - 2030"
# does (GUIDELINES-real.md, Time). Before, the first year was taken, or none.
_YEAR_LIST = re.compile(r"^(?:(?:cac\s+)?nam\s+|tu\s+(?:nam\s+)?)?20\d\d"
                        r"(?:\s*(?:,|;|va|-|–|—|den(?: het)?)\s*(?:nam\s+)?20\d\d)+\.?$")
# A time cell that is only a month or a day: "6/2026", "06/2026", "30/6/2026" (NQ 03/NQ-CP 2025,
# Phụ lục II: 17 of its first 41 rows give the month this way, two write "Tháng 5/2025").
_BARE_DATE = re.compile(r"^(?P<day>\d{1,2}/)?(?:0?[1-9]|1[0-2])/20\d\d$")
# "Năm 2026", "2026", and the bounds "Đến 2030", "Trước 2027" (the year the work must be done
# by); "Từ năm 2026" only says when it starts.
_SINGLE_YEAR = re.compile(r"^(?:(?:năm|nam|trong năm|trong nam|cả năm|đến|den|đến hết|den het|trước|truoc|"
                          r"chậm nhất|cham nhat)\s+)?(?:(?:năm|nam)\s+)?(20\d\d)\.?$", re.IGNORECASE)
_ALWAYS = re.compile(r"\bthuong xuyen\b|\bhang ngay\b|\bhang tuan\b|\bdinh ky\b")
_ALWAYS_LABELS = (("thuong xuyen", "thường xuyên"), ("hang ngay", "hằng ngày"),
                  ("hang tuan", "hằng tuần"))


# "10-11/2026", "Tháng 01-4/2027": two months sharing the year printed once (:func:`time_cell`).
_CELL_MONTH_SPAN = re.compile(r"^(?:[Tt]háng\s+)?(\d{1,2})\s*[-–]\s*(\d{1,2})/(\d{4})$")


def time_cell(text: str) -> tuple[str | None, str | None, str | None, int | None]:
    """(ISO deadline, words, recurrence, horizon year) of a table's time cell.

    "Quý IV/2025" → 2025-12-31; "Năm 2026" / "2026" → 2026-12-31; "2026 - 2030" → 2030-12-31
    (the end of the period); "Thường xuyên" → recurrence "thường xuyên", no deadline;
    "Hằng năm" → "hằng năm". The words are the cell as written when it gives a date or a period;
    a cell that gives only a frequency ("Thường xuyên", "Hằng năm", "Định kỳ 6 tháng") has none:
    the frequency is the recurrence (GUIDELINES-real.md, Time, [decided, adjud]).
    """
    text = text.strip()
    if not text:
        return None, None, None, None
    if _YEAR_LIST.match(fold(text)):
        year = int(re.findall(r"20\d\d", text)[-1])
        return f"{year}-12-31", text, None, year
    # A cell listing its times ("Tháng 6/2026; tháng 12/2026", "Quý II/2026, quý IV/2026") is due
    # by the last, as a list of quarters ("Quý II và quý IV/2026") and a span ("2026 - 2030") are.
    listed = re.split(r"\s*(?:;|,|\bvà\b)\s*(?=(?:tháng|quý|năm)\s+\S*\d)", text, flags=re.IGNORECASE)
    if len(listed) > 1 and all(time_cell(part)[0] for part in listed):
        last = time_cell(listed[-1])
        return last[0], text, last[2], last[3]
    deadline, words, recurring = find_deadline(text, cell=True)
    if deadline is None:
        # The cell is a time expression on its own: "Tháng 12/2026", "Năm 2026" read as
        # "trong tháng 12/2026", the preposition a sentence would carry; a bare "6/2026" is a
        # month and a bare "30/6/2026" a day, the word a sentence would put before them.
        # A span of two ("6/2026 - 12/2026") ends with its second.
        plain = text.rstrip(".")
        if span := _CELL_MONTH_SPAN.match(plain):
            # "10-11/2026", "01-4/2027": the months share the year printed once; the span ends
            # with its second month (a schedule's time column).
            parts = [f"{span.group(1)}/{span.group(3)}", f"{span.group(2)}/{span.group(3)}"]
        else:
            parts = re.split(r"\s*[-–—]\s*", plain)
        bare = _BARE_DATE.match(parts[-1]) if all(_BARE_DATE.match(q) for q in parts) else None
        if bare is not None:
            lead = "ngày" if bare.group("day") else "tháng"
            deadline, bare_words, _ = find_deadline(f"trước {lead} {parts[-1]}")
        else:
            deadline, bare_words, _ = find_deadline(f"trong {text}")
        words = words or bare_words
    folded = fold(text)
    year: int | None = int(deadline[:4]) if deadline else None
    if deadline is None:
        if m := _RANGE.search(text):
            year = int(m.group(2))
            deadline = f"{year}-12-31"
        elif m := _SINGLE_YEAR.match(text):
            year = int(m.group(1))
            deadline = f"{year}-12-31"
    # Frequencies the sentence reader (find_deadline) did not already name.
    always = [label for key, label in _ALWAYS_LABELS
              if re.search(rf"\b{key}\b", folded) and label not in (recurring or "")]
    if always:
        recurring = ", ".join([*always, *([recurring] if recurring else [])])
    elif recurring is None and _ALWAYS.search(folded):
        recurring = "định kỳ"
    timed = bool(deadline or words)
    return deadline, text if timed or not recurring else None, recurring, year



# ---------------------------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------------------------


# A sub-heading that only states the role of the heading's unit in the items below it.
_ROLE_LEAD_IN = re.compile(r"^\W*(?:chu tri\s*,\s*)?phoi hop (?:voi|cung)\b")
_COOPERATE_LEAD_IN = re.compile(r"^\W*phoi hop (?:voi|cung)\b")
# A letter's item that opens with its partner ("Phối hợp chặt chẽ với …").
_PARTNER_ONLY = re.compile(r"^\W*(?:chu dong\s+)?phoi hop(?:\s+chat che)?\s+(?:voi|cung)\b")


def _role_lead_in(heading: str, folded: str, mentions: Sequence[Mention]) -> bool:
    """Whether a heading only states a role and its partners ("Chủ trì, phối hợp với các sở,
    ngành và cơ quan, đơn vị có liên quan") — not an item that goes on with a task of its own
    ("c) Phối hợp với Sở Tư pháp tổ chức phổ biến …", whose roles come from its own text)."""
    if heading.endswith("…") or not _ROLE_LEAD_IN.match(folded) or not mentions:
        return False
    rest = folded
    for m in reversed(mentions):
        rest = rest[: m.start] + " " + rest[m.end :]
    # Generic partners in a list ("… và các cơ quan, tổ chức, cá nhân có liên quan") and a closing
    # "trong việc:" (a law's "Chủ trì, phối hợp với Bảo hiểm xã hội Việt Nam … trong việc:" over
    # its points; the fresh-scans gold, HzW_18_syt_vp ATT.D10.2) say no task of their own.
    rest = re.sub(r"\b(?:to chuc|ca nhan)\b(?=\s*(?:,|\bva\b|\bco lien quan\b|\blien quan\b|\btrong viec\b|$))"
                  r"|\btrong viec\s*:?\s*$", " ", rest)
    rest = re.sub(r"\b(?:chu tri|phoi hop|voi|cung|cac|va|co quan|don vi|dia phuong|co lien quan|lien quan)\b"
                  r"|[,;:()\-–]", " ", rest)
    return len(rest.split()) <= 2


_BARE_ROLE_LEAD_IN = re.compile(r"^\W*chu tri\s*,?\s*(?:va\s+)?phoi hop(?:\s+(?:voi|cung))?\W*$")


def _under_bare_role_lead_in(path: Sequence[Section], text: str) -> bool:
    """Whether the item stands under a sub-heading that only says "Chủ trì, phối hợp:" (kh182
    III.2.3.b): its bullets name the partners of the heading's unit as their subjects."""
    own = fold(text)[:40]
    return any(s.kind != "part" and _BARE_ROLE_LEAD_IN.match(fold(s.heading))
               and fold(s.heading)[:40] != own for s in path)


# "2.12. Giao Vụ X" over bullets with no verb of their own: the heading charges the named body
# with every item below it, whatever part the outline gave it. A meeting's conclusions notice
# lists its tasks for the next period so, one numbered item per office ("Kế hoạch, nhiệm vụ công
# tác …" is no part title the outline reads as tasks): s17 tb990 2.2-2.14 gave duties only for
# the bullets that named a role verb (35 of ~100 in its gold).
_CHARGING_HEADING = re.compile(r"^(?:giao|de nghi|yeu cau)\s")


def _charged_by_heading(path: Sequence[Section], find: UnitFinder) -> bool:
    """Whether a heading above names units and nothing but the word that charges them."""
    return any(_CHARGING_HEADING.match(fold(s.heading).lower()) and _only_names(s.heading, find)
               for s in path)


def _ancestors(sections: dict[str, Section], node: str | None) -> list[Section]:
    chain = []
    while node and node in sections:
        chain.append(sections[node])
        node = sections[node].parent
    return list(reversed(chain))


# "1.5. Trách nhiệm của đối tượng thực hiện kiểm kê:", "Trách nhiệm của các cơ quan quản lý cấp
# trên (bao gồm …):": a heading that gives the duties of a class named by its function, which no
# list of bodies holds (GUIDELINES-real.md: such classes are units; qd1627 IV.1.5-6 of the
# session-13 fresh plans). Only a single class with a head noun of bodies and its own qualifier:
# a list ("các cơ quan, đơn vị") or a restriction ("đơn vị liên quan") is generic, and members
# or heads of a body ("thành viên Ban Chỉ đạo", "người đứng đầu") are persons.
_DUTIES_OF_CLASS = re.compile(r"^(?:trach nhiem|nhiem vu)(?:,? (?:nhiem vu|quyen han))? cua (?:cac |nhung )?"
                              r"(?P<x>(?:co quan|don vi|doi tuong|to chuc|chu dau tu|chu du an)(?: [^\W\d_]+){2,6})"
                              r"\s*(?:\(|:|…|$)")


# "5. Các tỉnh, thành phố:" over lettered points (nq380 II.5 of the session-13 fresh plans, a
# Government resolution; its gold keeps the class "tỉnh, thành phố" as lead): a heading that is
# only a list of local levels names the localities themselves as the actors of its points. Only
# a list of two levels or more (the outline drops the closing ":").
_LEVELS_HEADING = re.compile(r"^(?:cac\s+)?(?P<x>(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|dac khu)"
                             r"(?:\s*,\s*(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|dac khu))+)\s*:?\s*$")


# A part titled as one body's tasks ("II. NHIỆM VỤ CHỦ YẾU CỦA BỘ X", "Trách nhiệm của Sở Y"):
# the body leads the part's items as a unit heading leads its points. Other parts' titles name
# topics, not bodies, and give none (a ministry's own plan, s14 dev kh09 II: eight items that
# name no subject were read with no named lead).
_OWNED_PART = re.compile(r"^(?:[ivxlc]+[.)]?\s+)?(?:nhiem vu|trach nhiem)\b[^.;:]{0,40}\bcua\s+(?!cac\b)\S")


def _heading_units(section: Section, find: UnitFinder) -> list[UnitRole]:
    """Units a heading charges: "Giao X (chỉ đạo)", "Đề nghị X", or a heading that names units."""
    units = _units_of_heading(section.heading, find)
    folded = fold(section.heading, keep_length=True)
    if not units and not find(section.heading) and (m := _LEVELS_HEADING.match(folded.lower())):
        name = re.sub(r"\s+", " ", section.heading[m.start("x") : m.end("x")]).lower()
        return [UnitRole(name=name, role="lead", explicit=True, mention=name)]
    if not units and not find(section.heading) and (m := _DUTIES_OF_CLASS.match(folded)) \
            and not re.search(r"\blien quan\b|\bkhac\b", m.group("x")):
        name = section.heading[m.start("x") : m.end("x")]
        return [UnitRole(name=name, role="lead", explicit=True, mention=name)]
    return units


def _lead_in_units(text: str, find: UnitFinder) -> list[UnitRole]:
    """Units a lead-in line names for the bullets under it, or [] when it is not one.

    A lead-in line is a short paragraph ending in ":" that only names units, with at most the
    words that charge them: "Giao Sở Tài chính:", "Chỉ đạo Công an tỉnh:", "Đề nghị Ủy ban Mặt
    trận Tổ quốc Việt Nam tỉnh:", "Sở Giáo dục và Đào tạo:", "Giao Sở X chủ trì, phối hợp với
    Sở Y:". It names the unit for what follows as a unit heading does ("1. Sở Y tế"); on the
    held-out plans its bullets were read with no lead (issue 12). "Tham mưu Ủy ban nhân dân
    tỉnh trình … quyết định:" (kh182) carries a task of its own and is not one.
    """
    stripped = text.strip()
    # The members' names in a class heading's brackets may be long ("Ban Quản lý Khu Nông nghiệp
    # ứng dụng Công nghệ cao …"): the length that tells a lead-in from a task is outside them.
    if len(re.sub(r"\([^()]*\)", " ", stripped).split()) > 30:
        return []
    if not stripped.endswith(":"):
        # A line that is a unit name and nothing else ("**Bộ Chỉ huy Quân sự tỉnh**" over its
        # bullets): no other word at all, so that a short task ("Sở Y tế thực hiện.") is not one.
        if stripped.endswith((".", ";")) or not _only_names(stripped, find):
            return []
    return _units_of_heading(stripped, find, partners=True)


# A clause lead-in of a law or decree names its subject and announces the list of points
# under it: "Bộ Quốc phòng có nhiệm vụ, quyền hạn sau đây:", "Bộ Tài chính có trách nhiệm sau
# đây:", "…, có nhiệm vụ sau đây:", "… như sau:". On folded text, after the units are taken out.
_ANNOUNCES = re.compile(
    r"\b(?:(?:co|voi|thuc hien|trien khai)\s+)?(?:cac\s+|mot so\s+|nhung\s+)?(?:nhiem vu|trach nhiem|quyen han|nghia vu|"
    r"noi dung|cong viec|viec|giai phap)"
    r"(?:\s*,?\s*(?:va\s+)?(?:nhiem vu|trach nhiem|quyen han|nghia vu|noi dung|cong viec|viec|giai phap))*"
    # "một số nhiệm vụ trọng tâm, cấp bách sau:", "nội dung trọng tâm sau:" (a Government
    # telegram and a conclusion notice of 2025): the qualifiers of the announced list.
    r"(?:\s*,?\s+(?:cu the|chu yeu|trong tam|trong diem|cap bach|cap thiet))*"
    # "… các nhiệm vụ, giải pháp về cải cách thủ tục hành chính sau:": a short complement of the
    # nouns may stand before "sau" (directives of 2025, session 13).
    r"(?:(?:\s+(?:ve|trong)(?:\s+\w+){1,8}?)?\s+(?:sau day|sau|nhu sau|bao gom)\b|\s*$)"
    r"|\b(?:nhu|sau day|nhu sau)\s*$"
    # "X tổ chức thực hiện … gắn với yêu cầu thực tế của ngành mình. Cụ thể:" over dash points
    # (the Prime Minister's decisions approving a scheme, 892/QĐ-TTg of 2026 in the s14 documents):
    # a closing "Cụ thể (là / như sau):" says that the points spell out the sentence's task.
    r"|\bcu the(?:\s+(?:la|nhu sau|nhu sau day|gom))?\s*$"
    # "Sở Y tế chủ trì, phối hợp với Sở X thực hiện các chương trình có liên quan như:" over the
    # programmes as bullets: the lead-in says who and that a list follows (qd2853 V.5 of the
    # session-13 fresh plans).
    r"|\b(?:(?:thuc hien|trien khai)\s+)?(?:cac\s+)?(?:chuong trinh|hoat dong)(?:\s+(?:co\s+)?lien quan)?"
    r"\s+(?:nhu|sau day|nhu sau|sau)\s*$"
    # "…, cơ sở X phải thực hiện:" over points a), b) …: the points are what it carries out
    # (a circular's clause read in the fresh scans, HzW_18_syt_vp ATT.D7.1).
    r"|\bphai thuc hien\s*$")
# The remit a lead-in may name its subject within: "Trong phạm vi nhiệm vụ, quyền hạn của mình,
# Ủy ban nhân dân cấp tỉnh có trách nhiệm:" says no task of its own.
_REMIT = re.compile(r"\b(?:trong pham vi|theo)\s+(?:chuc nang\s*,?\s*)?(?:nhiem vu\s*,?\s*)?(?:quyen han\s*)?"
                    r"(?:cua minh|duoc giao|theo tham quyen)?|\btrong (?:linh vuc|pham vi) quan ly\b")
# A lead-in that charges its subject with a task and lists its objects below ("X có trách nhiệm
# lưu trữ các tài liệu sau …:", "X chịu trách nhiệm công bố:").
_CHARGED_LEAD_IN = re.compile(r"\b(?:co|chiu) trach nhiem\b(?! truoc)")
# A lead-in clause is longer than a name line: it may state the subject's own task first
# ("Bộ Công an chịu trách nhiệm trước Chính phủ thực hiện quản lý nhà nước về an ninh mạng và có
# nhiệm vụ, quyền hạn sau đây, trừ …:", 35 words in the fresh laws).
_LEAD_IN_CLAUSE_WORDS = 80


# What does not lengthen a lead-in clause: a bracketed aside ("(vốn xã hội hóa, vốn hỗ trợ, tài
# trợ …)": qd2853 V.9 of the session-13 fresh plans, a 78-word lead-in with a 12-word aside), a
# quoted motto ("với tinh thần “…”") and a purpose that opens the sentence and is closed by a
# semicolon ("Để …, hướng tới …; các sở, ban, ngành … thực hiện các nội dung chủ yếu sau:", the
# emulation plans kh982 II of the session-13 fresh plans: 99 words, 58 without them).
_ASIDE = re.compile(r"\([^()]*\)|[“\"][^“”\"]*[”\"]")
# Headings of the parts where "Đối với X:" introduces what X is judged or rewarded by (emulation
# criteria, award titles): elsewhere — a meeting conclusion's "4. Đối với Ủy ban nhân dân các xã:"
# (tests/test_leftovers_survey.py) — it addresses X with tasks.
_CRITERIA_HEADING = re.compile(r"\b(?:tieu chi|tieu chuan|khen thuong|danh hieu|thi dua)\b")
_PURPOSE_TO_SEMICOLON = re.compile(r"^\W*" + _PURPOSE + r";\s*")


def _clause_core(text: str) -> str:
    """A lead-in without its asides, quoted mottos and opening purpose clause (folded: it is
    only counted)."""
    return _PURPOSE_TO_SEMICOLON.sub(" ", fold(_ASIDE.sub(" ", text)))


# "1. Ủy ban nhân dân tỉnh, chỉ đạo các cơ quan, đơn vị có liên quan:" over bullets (a Party
# committee's letter to the provincial committee, s14 cv2449 item 1; conclusion notices and Party
# letters charge a body to direct its own apparatus so): the body leads the points, the bodies it
# directs get no role ([decided, s14 adj], monitor scope); the line itself is no task. Only generic
# directed bodies: "Sở Y tế chỉ đạo Bệnh viện X:" names whom the points concern.
_DIRECTS_LEAD_IN = re.compile(r"^\s*,?\s*(?:lanh dao\s*,?\s*)?chi dao(?:\s*(?:(?:co quan|don vi|dia phuong|"
                              r"to chuc|luc luong|(?:co\s+)?lien quan|truc thuoc|chuc nang|va|cac)\b|,))+\s*:?\s*$")


def _directs_generic(text: str, find: UnitFinder) -> bool:
    """Whether a lead-in is "<unit>(,) chỉ đạo các cơ quan, đơn vị (có liên quan):"
    (:data:`_DIRECTS_LEAD_IN`)."""
    found = sorted(find(text), key=lambda m: m.start)
    return bool(found) and not fold(text[: found[0].start]).strip(" -+•*.0123456789") \
        and bool(_DIRECTS_LEAD_IN.match(fold(text[found[0].end:])))


def lead_in_clause(text: str, find: UnitFinder = _default_finder) -> tuple[list[UnitRole], bool] | None:
    """The units a clause lead-in hands to the points under it, and whether it is a duty itself.

    "Bộ Kế hoạch và Đầu tư có trách nhiệm sau đây:" makes Bộ Kế hoạch và Đầu tư the lead of
    points a), b) … as a unit heading ("1. Sở Y tế") makes its unit the lead of the items
    under it; "Bộ, cơ quan ngang bộ … có trách nhiệm phối hợp với Bộ Khoa học và Công nghệ …
    như sau:" also makes its partner the partner of every point (fresh/README.md). Only the
    subject (a unit in the role of lead) and its partners are handed on; a body the lead-in
    reports to ("chịu trách nhiệm trước Chính phủ") is not. The lead-in is a duty of its own
    when it says more than who and that a list follows ("… thực hiện quản lý nhà nước về mật
    mã dân sự, có nhiệm vụ sau đây:"), [decided, kh179] in GUIDELINES-real.md. None when the
    text does not end in ":" or names no subject.
    """
    stripped = text.strip()
    if not stripped.endswith(":") or len(_clause_core(stripped).split()) > _LEAD_IN_CLAUSE_WORDS:
        return None
    roles = roles_in_text(stripped, find)
    handed = [u for u in roles if u.role in ("lead", "cooperate")]
    if not any(u.role == "lead" for u in handed):
        return None
    folded = fold(stripped).rstrip(" :")
    if not _ANNOUNCES.search(folded):
        if _directs_generic(stripped, find):
            return handed, False
        if _CHARGED_LEAD_IN.search(folded):
            # "Các đơn vị chức năng có trách nhiệm lưu trữ … theo quy định:" over points that
            # list what is kept: a task of its own whose subject also leads the points.
            return handed, True
        return None
    rest = fold(stripped)
    found = sorted(find(stripped), key=lambda x: x.start, reverse=True)
    for m in found:
        rest = rest[: m.start] + " " + rest[m.end :]
    subject = min((m.start for m in found if any(u.name == m.name and u.role == "lead" for u in handed)),
                  default=0)
    if subject and rest[:subject].rstrip().endswith(","):
        # Whatever comma-closed limit or purpose opens the lead-in before its subject goes to the
        # points with it ("Trong thời gian 07 ngày làm việc, kể từ ngày kết thúc việc khám bệnh,
        # chữa bệnh đối với người bệnh, cơ sở X phải thực hiện:" — its own commas defeat the
        # piece-by-piece opener test below; fresh scans, HzW_18_syt_vp ATT.D7.1).
        rest = rest[subject:]
    # A time that opens the lead-in ("Trước ngày 15/12, Sở X có trách nhiệm:") and the roles it
    # states ("Sở X chủ trì, phối hợp với Sở Y thực hiện các nội dung sau:") are handed to the
    # points with its units: they say no task of their own. The fresh-scans gold reads such
    # lead-ins as no duty, their points as the duties (HzW_18_syt_vp ATT.D7.1, ATT.D10.2).
    rest = _without_openers(rest.strip())
    rest = _ANNOUNCES.sub(" ", _REMIT.sub(" ", rest.rstrip(" :")))
    rest = re.sub(r"\b(?:cac|va|co|phai|chu tri|phoi hop(?: chat che)?(?: voi| cung)?|trong viec)\b|[\W_]", " ", rest)
    return handed, len(rest.split()) > 2


# An invitation's (giấy mời) list of those invited: "1. Thành phần:" / "Thành phần mời:" over
# bullets naming bodies and people ("- Đại diện Ban Thường vụ …;", "- Giám đốc Trung tâm …; Trưởng
# Trạm Y tế …"). They are invited, not charged (the fresh-scans gold, zPs_171_gm_syt: no unit);
# a bullet that packed several names gave them all a lead. "Thành phần: …" written on one line
# lists them too.
_ATTENDEES = re.compile(r"^\W*(?:\d+\W+)?thanh phan(?:\s+(?:tham du|moi|duoc moi|tham gia|du hop))?\s*:")


def _colonless_clause_heading(seg: Segment, sections: dict[str, Section]) -> bool:
    """Whether a segment is a numbered clause read as a heading only because it has points under
    it and no closing ":" — OCR drops a line's last colon ("1. Trong thời gian …, cơ sở X phải
    thực hiện" over a), b) … in a scanned circular, fresh scans HzW_18_syt_vp ATT.D7.1). An
    article's own title ("Điều 7. …") is no clause: it has no parent."""
    own = sections.get(seg.section_node or "")
    return (seg.kind == "heading" and own is not None and own.parent is not None
            and not seg.text.rstrip().endswith((":", ".", ";")))


# A letter's addressees ("Kính gửi:" over "- Các cơ quan …;", "- Trung tâm X;", "- Viện Y."):
# GUIDELINES-real.md [decided, s14 adj] makes each the lead of an item that names no unit or only
# a generic one. Before, a letter whose lead-in was "Bộ X yêu cầu:" left those items with no unit
# (s15 dev cv6225 item 1: three bullets under the heads of "the bodies given tasks").
_KINH_GUI = re.compile(r"\bkinh gui\s*:?\s*$|" + ADDRESSEES_FOLDED.pattern)


# The first words of a letter's body after its "Kính gửi" line (case-sensitive: a capital opens it).
_BODY_OPENING = re.compile(r"\s(?=(?:Trả lời|Phúc đáp|Thực hiện|Căn cứ|Tiếp nhận|Theo đề nghị|Ngày \d)\b)")


def _read_addressees(seg: Segment, find: UnitFinder, open_: bool, addressees: list[UnitRole]) -> bool:
    """Whether the addressee list is still open after ``seg``; its units are added to
    ``addressees``."""
    text = seg.text
    folded = fold(text).strip(" |")
    if _KINH_GUI.search(folded):
        # "Kính gửi: Sở A; Sở B." or a class ("Kính gửi: Các tổ chức, cá nhân khai thác …") on its line.
        rest = text[m.end():] if (m := ADDRESSEES_MARK.search(text)) else ""
        # "Kính gửi: Sở X Trả lời Công văn số … của Sở X …, Cục Y có ý kiến như sau:": a line joined
        # with the body's opening; the issuer there is no addressee (s16 held-out cv597).
        rest = _BODY_OPENING.split(rest, maxsplit=1)[0]
        found = [(x.name, rest[x.start:x.end]) for x in find(rest)] if rest.strip(" -–+•;.,:|") else []
        if not found and (named := _addressed_class(rest)):
            found = [(named, rest.strip())]
        for name, mention in found:
            if not any(u.name == name for u in addressees):
                addressees.append(UnitRole(name=name, role="lead", explicit=True, mention=mention))
        return True
    if not open_ or not folded:
        return open_
    # A stray table pipe of the crawled markdown may stand before the mark ("| - Các sở: …"), and
    # departments listed by their short names run to some 30 words (s15 cv6356).
    if seg.kind != "preamble" or not re.match(r"^[\s|]*[-–+•]", text) or len(text.split()) > 40:
        return False
    for m in find(text):
        if not any(u.name == m.name for u in addressees):
            addressees.append(UnitRole(name=m.name, role="lead", explicit=True, mention=text[m.start:m.end]))
    return True


_ADDRESSING_WORD = re.compile(r"(?<!\bviec )\b(?:yeu cau|giao|de nghi|chi dao)\b")
# "Trả lời Văn bản số … của Sở X về việc đề nghị …, Cục Y có ý kiến như sau:", "… Sở Z trả lời
# như sau:": the opening of a reply letter, the issuer giving its answer; the items below are the
# answer, charged by their own words or to the addressees (s16 cv216; s14 dev cv3479, s16 cv597
# open alike).
_OPINION = re.compile(r"\b(?:co y kien|tra loi|phuc dap)(?:\s+(?:cu the\s+)?nhu sau)?\s*:?\s*$")


def _is_issuer(name: str, issuer: str | None) -> bool:
    """Whether unit ``name`` (canonical, "Ủy ban nhân dân phường") is the document's own issuer
    ("Ủy ban nhân dân phường Cam Đường"), or its chair speaking for it."""
    folded, own = fold(name), fold(issuer or "")
    return bool(own) and any(own == n or own.startswith(n + " ") for n in (folded, folded.removeprefix("chu tich ")))


_ANNOUNCING_SENTENCE = re.compile(r"\.\s+((?:cu\s+the|noi\s+dung\s+cu\s+the)(?:\s+nhu\s+sau)?\s*:)\s*$")


def _directive_addressees(text: str, find: UnitFinder) -> list[UnitRole] | None:
    """The units a directive's lead-in hands its numbered items to, or None.

    "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường
    khẩn trương triển khai những công việc sau:" (seen in directives and letters of the session-11
    survey, e.g. a 2023 Hà Tĩnh letter on administrative reform): a paragraph that addresses
    units with "yêu cầu / giao / đề nghị" and announces the list below it. The verb as a noun
    ("Trả lời Văn bản số … của Sở X về việc đề nghị hướng dẫn …, Cục Y có ý kiến như sau:")
    names the request a reply answers: the issuer speaks and addresses nobody (s16 cv216: the
    answering Cục led its own letter's items)."""
    folded = fold(text)
    if not _ADDRESSING_WORD.search(folded) or _OPINION.search(folded):  # _OPINION ends in \s*$
        return None
    # "Tổng cục Thuế đề nghị các Cục Thuế tiếp tục …, có các giải pháp … . Cụ thể như sau:" (s18 dev
    # cv1738): the announcement printed as a sentence of its own closes the addressing one, as
    # ", cụ thể như sau:" does (cv997); read apart, the items 1 and 5 that name no unit were lost.
    # On folded text: OCR reads "Cụ thé như sau:".
    # An opening quote with no closing one ("Tổng cục “Thuế yêu cầu …"): an OCR speck read as a
    # mark inside the issuer's name; it hid the addressing clause (s18 held-out cv5029: none of
    # its bullets was charged).
    if "“" in text and "”" not in text:
        text = text.replace("“", "")
    key = fold(text, keep_length=True).lower()
    if len(key) == len(text) and (m := _ANNOUNCING_SENTENCE.search(key)):
        text = f"{text[: m.start()]}, {text[m.start(1):]}"
    clause = lead_in_clause(text, find)
    if clause is None and (addressing := _addressing_clause(text, find)) is not None:
        clause = lead_in_clause(addressing, find)
    if clause is None:
        folded = fold(text.strip())
        addressed = _GENERIC_ADDRESSEES.search(folded)
        if folded.endswith(":") and addressed and (_ANNOUNCES.search(folded.rstrip(" :"))
                                                  or not folded[addressed.end():].strip(" ,:")):
            return []  # the items are the addressees' duties, with no unit to name
        if _ADDRESSED_ABOVE.search(folded):
            return []  # "Chủ tịch UBND tỉnh yêu cầu:": the addressees are the letter's "Kính gửi"
        return None
    leads = [u for u in clause[0] if u.role == "lead"]
    return leads or None


# "11. Các đơn vị cấp nước sạch trên địa bàn có trách nhiệm" over a) b), "1. Các cơ quan quản lý nhà
# nước, tổ chức, cá nhân liên quan có trách nhiệm …": an item (or its heading) that names its own
# subject, generic or not, is that subject's, not the directive's addressees' (a 2025 Cần Thơ
# directive: its items for water companies and for households were given to the departments).
_OWN_SUBJECT = re.compile(r"^\W*cac\s+[^.;:]{3,160}?\s+(?:co trach nhiem|chiu trach nhiem|phai)\b")
_REQUESTS_AFTER = re.compile(r"\s+(?:yeu cau|de nghi)\s+(?:(?:thu truong|giam doc|lanh dao|nguoi dung dau)\s+)?cac\b")
_ADDRESSING_VERB = re.compile(r"\s+(?:yeu cau|giao|de nghi|chi dao)\b")


def _addressing_clause(text: str, find: UnitFinder) -> str | None:
    """The issuer's addressing clause at the end of a long lead-in paragraph, or None.

    A directive's lead-in is usually the closing clause of a paragraph that first states its
    purpose: "Để khắc phục những hạn chế nêu trên, nâng cao …, Chủ tịch UBND tỉnh yêu cầu Thủ
    trưởng các sở, ban, ngành, Chủ tịch UBND các xã, phường tập trung thực hiện các nội dung
    sau:". The purpose runs to some 60 words, so the whole paragraph is too long for a lead-in
    and the directive's items were no duties at all (four 2025 directives of Đắk Lắk and Cần Thơ,
    session 13: 61 of 65 unit roles of ct012's items lost). The clause starts at the issuer named
    right before the first addressing verb (``yêu cầu``, ``giao``, ``đề nghị``, ``chỉ đạo``);
    the first, because the addressees' own task may say ``chỉ đạo`` again ("… tập trung chỉ đạo
    và tổ chức thực hiện …")."""
    folded = fold(text)
    if not folded.rstrip().endswith(":"):
        return None
    mentions = sorted(find(text), key=lambda m: m.start)
    for m in mentions:
        if m.start > 0 and _ADDRESSING_VERB.match(folded, m.end):
            return text[m.start:]
    return None


# "Chủ tịch UBND tỉnh yêu cầu:", "… có ý kiến chỉ đạo như sau:": a letter's lead-in that names no
# addressee (they are the letter's "Kính gửi") before numbered charges; an item that names no unit
# is still a charged task (before: no duty, its time lost).
_ADDRESSED_ABOVE = re.compile(r"\b(?:yeu cau|de nghi|chi dao)(?:\s+nhu sau)?\s*:$")
# "Giám đốc Sở Y tế yêu cầu Thủ trưởng các đơn vị thực hiện các nội dung sau:", "Sở X đề nghị các
# cơ quan, đơn vị …:": a letter's lead-in that addresses its recipients by a generic word. The
# numbered items are still the charged tasks, duties with no unit (the fresh-scans gold gives
# "Đề nghị Thủ trưởng các đơn vị tạo điều kiện …" a duty with no unit, AQr_2193_tb_syt); before,
# they gave no duty at all. The session-12 survey, tests/test_charges_survey.py.
_GENERIC_ADDRESSEES = re.compile(r"\b(?:yeu cau|de nghi|giao)\s+(?:(?:thu truong|giam doc|lanh dao|nguoi dung dau)\s+)?"
                                 r"(?:cac|quy)\s+(?:co quan|don vi|co so)\b")


def _only_names(text: str, find: UnitFinder) -> bool:
    """Whether ``text`` names units with nothing but a charging word ("Giao", "Đề nghị") and
    list words around them."""
    mentions = sorted(find(text), key=lambda m: m.start)
    if not mentions:
        return False
    rest = fold(text)
    for m in reversed(mentions):
        rest = rest[: m.start] + " " + rest[m.end :]
    rest = re.sub(r"\b(?:giao|de nghi|chi dao|cac|va)\b|[\W_]", " ", rest)
    return not rest.split()


# A role title set after a unit in a heading: "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo",
# "Công an tỉnh (cơ quan thường trực …)", "Sở Y tế, cơ quan đầu mối" (unit headings of plans that
# name the office serving a steering committee; qd1627 of the session-13 fresh plans and the
# layout seen in real plans of the crawl, see tests/test_fresh_headings.py).
_ROLE_TITLE = re.compile(r"\s*(?:[-–(,]\s*(?:la\s+)?|\s+la\s+)(?:co quan|don vi)\s+"
                         r"(?:thuong truc|dau moi|chu tri|tham muu|giup viec)\b")
_DIRECTED_BEFORE = re.compile(r"\b(?:chi dao|don doc)\s+(?:cac\s+)?$")


# In a heading the class is the heading before the bracket: a few words opening with "các" ("Các
# cơ quan đăng ký đầu tư (…)", ct010), or any title opening with a collective noun when the
# bracket says "gồm" ("Các cơ quan tham mưu quản lý ngành (gồm các Sở: …)", qd1627). A longer
# "Các …" title before a plain bracket is a topic that names bodies in passing.
_HEADING_CLASS = re.compile(r"\W*(?:(?P<short>cac\s+[^()\d]{2,60}?)"
                            r"|(?:cac\s+)?(?:co quan|don vi|luc luong|thanh vien|to chuc)\b[^()]*?)(?=\s*\()")


def _class_heading(heading: str, folded: str, mentions: Sequence[Mention]) -> bool:
    """Whether a heading is a class with its members in the bracket that closes it, naming no
    body but the class and its members (see :class:`MemberBracket`)."""
    cls = _HEADING_CLASS.match(folded)
    bracket = _members_after(heading, folded, mentions, cls.end()) if cls else None
    if not bracket or not (cls.group("short") or bracket.says_members):
        return False
    # The class is read as a body when a mention opens it ("Các [chủ rừng là tổ chức] (…)"); a
    # body named further in ("Các cơ quan tham mưu cho Ủy ban nhân dân tỉnh …") is no member.
    opens = re.match(r"\W*(?:cac\s+)?", folded).end()
    return (bool(re.fullmatch(r"\W*", folded[bracket.end + 1 :]))
            and all(k in bracket.inside or (m.start == opens and m.end <= cls.end())
                    for k, m in enumerate(mentions)))


_FOUNDED_BY = re.compile(r"\s*(?:quyet dinh\s+)?(?:thanh lap|quan ly)(?:\s+va\s+(?:thanh lap|quan ly))?\s*")


def _units_of_heading(heading: str, find: UnitFinder, partners: bool = False) -> list[UnitRole]:
    heading = heading.rstrip(" :")
    cut = heading.endswith("…")
    # The unit reader takes a line that runs to its end as a name ("1. Phòng Tư pháp huyện"); a
    # heading that ends in "." is a clause whose text is its heading ("2. Phòng Đào tạo lưu trữ
    # hồ sơ …."), so it is read as the sentence it is, with its full stop.
    mentions = sorted(find(heading), key=lambda m: m.start)
    if cut:
        # A long item's heading is its first words cut with "…" ("2. Bộ trưởng, Thủ trưởng cơ quan
        # ngang bộ, cơ quan thuộc Chính …"): a name the cut stopped short ("…, cơ quan" before
        # "thuộc Chính") is read as another body; the item's own paragraph names it in full. A
        # name followed by other words ("… đảng ủy trực thuộc Trung ương cụ …") is whole.
        mentions = [m for m in mentions
                    if not re.fullmatch(r"\s*(?:(?:trực\s+)?thuộc|của|cấp|và)(?:\s+\S+)?\s*…",
                                        heading[m.end :], re.IGNORECASE)]
    heading = heading.rstrip(" .")
    if not mentions:
        return []
    folded = fold(heading)
    if len(mentions) > 1 and (by := re.search(r"\s+do\s+$", folded[: mentions[-1].start])) \
            and _FOUNDED_BY.fullmatch(folded, mentions[-1].end):
        # "Trách nhiệm của …, tập đoàn, tổng công ty, công ty do Thủ tướng Chính phủ quyết định
        # thành lập" (s16 dev qd28-ttg-2026 Điều 24): the body that founded the last member only
        # says which companies are meant; it is not charged, and the title still ends on owners.
        heading, folded, mentions = heading[: by.start()], folded[: by.start()], mentions[:-1]
    for m in mentions:
        if _ROLE_TITLE.match(folded, m.end):
            # "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo": the title says what the unit is
            # (GUIDELINES-real.md, a role title is the same unit); the body the office serves is
            # not charged by the heading.
            heading, folded = heading[: m.end], folded[: m.end]
            mentions = [x for x in mentions if x.end <= m.end]
            break
    if _role_lead_in(heading, folded, mentions):
        # "a) Chủ trì, phối hợp với các sở, ngành …" / "b) Phối hợp với …" under a unit heading:
        # the units it names are the partners of every item below it.
        return [UnitRole(name=m.name, role="cooperate", explicit=True, mention=heading[m.start : m.end])
                for m in mentions]
    if any(_ORGANISED.search(folded[: m.start]) for m in mentions):
        return []  # "c) Kiện toàn Ban Chỉ đạo …": the heading's body is what the item organises
    if _class_heading(heading, folded, mentions):
        # "Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý …, Ban Quản lý …):": the members
        # lead the items below (before, the class name and the members' long names made such a
        # heading read as a topic: ct010 I.1, a 2025 Đắk Lắk directive).
        return [UnitRole(name=m.name, role="lead", explicit=True, mention=heading[m.start : m.end])
                for m in mentions]
    rest = folded
    for m in reversed(mentions):
        rest = rest[: m.start] + rest[m.end :]
    # "Giao Sở X chủ trì, phối hợp với Sở Y:": Y is the partner of X in every item below.
    # Every member of the partners' list is a partner ("phối hợp với Sở Y, Ủy ban nhân dân các
    # phường, xã:"; before, only the first one was, qd2853 of the session-13 fresh plans).
    # A numbered heading says so too ("1. Bộ X chủ trì, phối hợp với các bộ, cơ quan liên quan"
    # over its lettered points, GUIDELINES-real.md: `phối hợp với X` makes X `cooperate`); before,
    # headings kept every unit a lead and made the partners lead 10 points of s17 cd119.
    # "a) Chủ trì, phối hợp Sở X, Sở Y …": an item's own clause cut short for its heading is read
    # as before, no partners; its text gives the roles (s13 dev ct09 5.a, 8.a; s15 dev nq175 D2.5).
    partner_ids = set() if cut and not partners else {
        i for i in range(len(mentions)) if _in_list_after(folded, mentions, i, _COOPERATE)}
    if partners:
        # "Bộ X chủ trì, phối hợp với các cơ quan, địa phương:" over lettered points: partners
        # named only generically (no unit, GUIDELINES "các cơ quan liên quan") leave the heading
        # a lead-in (s14 dev nq122: 16 ministries' headings of its appendix, 80 points).
        # Only at the heading's end: "phối hợp với các cơ quan có liên quan tham mưu cho X:"
        # goes on with a task of its own (qd4385 KH.IV.3 of the session-13 fresh plans).
        rest = re.sub(r"\bphoi hop (?:voi|cung) (?:cac )?(?:co quan|don vi|dia phuong|to chuc)"
                      r"(?:\s*(?:,|va)\s*(?:co quan|don vi|dia phuong|to chuc))*(?:\s+(?:co )?lien quan)?\s*$",
                      " ", rest)
    # A remit ("theo chức năng, nhiệm vụ được giao") or a restriction ("có liên quan") after a
    # collective does not make the heading a topic.
    # "căn cứ chức năng, nhiệm vụ, quyền hạn được giao" says the same (s14 dev nq122 PL1.1).
    # "6. Liên đoàn X, các Hiệp hội và doanh nghiệp" (s15 dev qd232-ttg-2025 V.6): bare classes of
    # actors closing the list (no units themselves, GUIDELINES-real.md) do not make it a topic.
    rest = re.sub(r"(?:,|\bva\b)\s*cac\s+(?:hiep hoi|doanh nghiep|to chuc|ca nhan)"
                  r"(?:\s*(?:,|\bva\b)\s*(?:cac\s+)?(?:hiep hoi|doanh nghiep|to chuc|ca nhan))*\s*$", " ", rest)
    rest = re.sub(r"\b(?:theo|can cu(?: vao)?) chuc nang,? nhiem vu(?:,? quyen han)?(?: duoc giao)?\b|\b(?:co )?lien quan\b"
                  r"|\b(?:dong )?tren dia ban\b|\btai dia phuong\b", " ", rest)
    # "5. Đối với các Bộ quản lý chuyên ngành (theo quy định tại khoản 5 Điều 3 Nghị định …)": a
    # bracket after the class says which bodies it means by the act that defines them, not what
    # the item is about (s15 dev cv8388 item 5, whose seven points the class leads); the outline
    # may cut the bracket with "…".
    rest = re.sub(r"\(\s*(?:theo|quy dinh tai|tai|can cu)\b[^()]*(?:\)|…?\s*$)", " ", rest)
    rest = re.sub(r"\b(?:giao|de nghi|trach nhiem cua|chi dao|chu tri|cac|va|doi voi)\b|[,;:()\-–]", " ", rest)
    if partners:
        rest = re.sub(r"\b(?:yeu cau|phoi hop(?: voi| cung)?)\b", " ", rest)
    # "Trách nhiệm quản lý nhà nước về bảo vệ môi trường của Bộ, cơ quan ngang Bộ" (a law's
    # article title): the units the responsibilities belong to close the title.
    # "Điều 2. Trách nhiệm của Phó Trưởng phòng được phân công phụ trách lĩnh vực … và Chuyên viên
    # được giao nhiệm vụ" (s16 dev qd5116-sct-2026): a title that opens on whose duties they are
    # names its owner first; the participle after it ("được phân công …") qualifies the owner.
    owners = (re.match(r"^(?:trach nhiem|nhiem vu|quyen han)\b[^.;:]*\bcua\s+(?:cac\s+)?$", folded[: mentions[0].start])
              and (not folded[mentions[-1].end :].strip(" ,.;:…")
                   or (re.match(r"^\W*(?:trach nhiem|nhiem vu) cua\s+$", folded[: mentions[0].start])
                       and folded[mentions[-1].end :].lstrip().startswith("duoc "))
                   # "Điều 2. Nhiệm vụ của Tổ tiếp công dân, xử lý khiếu nại, tố cáo …:" (s18 dev
                   # qd-mttq-2026-luongminh-totiepcongdan): the team a decision sets up is named by
                   # its head noun and then its functions after a comma, which the unit reader
                   # does not take; the title is still its owner's (five bullets had no lead).
                   or (len(mentions) == 1 and heading[mentions[0].start :].startswith(("Tổ ", "Đoàn "))
                       and re.match(r"\s*,\s*[a-z]", folded[mentions[0].end :]))))
    if (len(rest.split()) > 3 and not owners) or (partners and len(partner_ids) == len(mentions)):
        return []  # a heading about a topic that merely mentions a unit
    # "Giao Sở Giáo dục và Đào tạo chỉ đạo Trung tâm Giáo dục thường xuyên tỉnh:" over its bullets:
    # the bodies it directs are acted on (GUIDELINES-real.md, not units); the directing one leads
    # (a 2020 letter of the session-11 survey; before, both led every bullet).
    directed = {i for i in range(1, len(mentions)) if _in_list_after(folded, mentions, i, _DIRECTED_BEFORE)}
    return [UnitRole(name=m.name, role="cooperate" if i in partner_ids else "lead", explicit=True,
                     mention=heading[m.start : m.end])
            for i, m in enumerate(mentions) if i not in directed]


# Regulations (quy chế, quy định, điều lệ, nội quy) of an institution say who does what in
# every article, with plain verbs ("Phòng Đào tạo tổng hợp …", "Trường tổ chức …", "… trình
# Hiệu trưởng phê duyệt"), not with the charging words of a plan.
_REGULATION_TYPES = frozenset({"quy che", "quy dinh", "dieu le", "noi quy"})
# A decision or resolution whose own title opens with "Quy định" ("Quyết định Quy định về việc
# thực hiện chính sách hỗ trợ …", "… Quy định trình tự, thủ tục, thẩm quyền cấp …") is itself the
# regulation: its procedure articles say who acts in each step with plain verbs ("Trong 02 ngày
# làm việc …, Ủy ban nhân dân cấp huyện thẩm định trình Ủy ban nhân dân cấp tỉnh"), and it names
# no lead of the whole: the proposer of its preamble is not the actor of its workers' duties
# (GUIDELINES-real.md [decided, s16 fixG]; s16 dev qd08-ttg-2022, qd28-ttg-2021, qd28-ttg-2026).
_ISSUES_RULES = re.compile(r"^(?:quyet dinh|nghi quyet)\s+quy dinh\b")


def _regulation_prefixes(document: Document) -> set[str]:
    """Section prefixes read as a regulation: "" for a regulation itself (or a decision that is
    one, :data:`_ISSUES_RULES`), and the prefix of each attached regulation ("QC." of a
    decision's attached Quy chế)."""
    out: set[str] = set()
    if fold(document.meta.type or "").lower() in _REGULATION_TYPES \
            or _ISSUES_RULES.match(fold(document.meta.title or "").lower()):
        out.add("")
    for att in document.meta.attached:
        if fold(str(att.get("type") or "")).lower() in _REGULATION_TYPES and att.get("prefix"):
            out.add(f"{att['prefix']}.")
    return out


def _in_regulation(section: str | None, prefixes: set[str]) -> bool:
    return any((section or "").startswith(p) for p in prefixes)


# The opening of a meeting's conclusions (thông báo kết luận) and of the news that relays them: the
# day, then who chaired which meeting ("Ngày 03/11/2025, Phó Chủ tịch UBND tỉnh … chủ trì cuộc
# họp …", "Sáng 14/3, … cùng chủ trì hội nghị"). It reports an event; the charges follow it
# ("… kết luận như sau:"). Seen in the session-12 survey (tests/test_charges_survey.py).
# Only the meeting chaired: "Ngày …, Sở Y tế chủ trì tổ chức hội nghị tập huấn" announces a
# task, and "sẽ chủ trì" a meeting to come.
_MEETING = r"(?:cuoc hop|phien hop|buoi hop|ky hop|hoi nghi|buoi lam viec|cuoc lam viec|hoi thao|buoi tiep)"
# The day written out ("Ngày 10 tháng 10 năm 2025, Chủ tịch … chủ trì cuộc họp …") opens the
# conclusions of a meeting as often as "Ngày 03/11/2025" (survey of session 12).
_MEETING_ACCOUNT = re.compile(r"^\W*(?:(?:sang|chieu|toi|trua)\s+)?(?:ngay\s+)?\d{1,2}\s*(?:[/-]|\s+thang\s+)\s*\d{1,2}\b[^.;]*?"
                              rf"(?:(?<!\bse )\bchu tri\s+(?:cac\s+)?{_MEETING}\b|\bduoi su chu tri cua\b)")


# "Sở Tư pháp đã thẩm định dự thảo …", "Ủy ban nhân dân xã đã chỉ đạo Công an xã phối hợp …": a
# subject that has already acted is an account of the past (a report's results, the drafting
# history of a submission), no charge; "Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh xem
# xét, quyết định" is the document speaking to its addressee. Seen in the reports and
# submissions (tờ trình) read in session 12 (tests/test_doc_types_survey.py).
_RECOUNTS = re.compile(r"\s*(?:da|vua|kinh trinh|kinh bao cao|xin bao cao|nhan duoc)\b")
# "Ủy ban nhân dân tỉnh nhận được Văn bản số … của Bộ X …; việc này, Chủ tịch UBND tỉnh có ý kiến
# như sau:" opens a reply letter with the document it answers: an account, no charge, and no
# lead-in either, although it ends in a colon (s15 dev cv2496: the issuer was a false lead).
_RECEIPT = re.compile(r"\s*nhan duoc\b")


def _subject_recounts(sentence: str, find: UnitFinder, verbs: re.Pattern[str] = _RECOUNTS) -> bool:
    """Whether the units that open ``sentence`` (its subject) are followed by ``verbs``."""
    folded = fold(sentence, keep_length=True).lower()
    end: int | None = None
    for m in sorted(find(sentence), key=lambda x: x.start):
        if re.sub(r"\b(?:cac|nhung|va)\b|[-+*•,.;:() ]", "", folded[end or 0: m.start]):
            break
        end = m.end
    return end is not None and bool(verbs.match(folded, end))


# "Điều 3. Quyền hạn của Ban Chỉ đạo" over "1. Được mời dự …", "2. Yêu cầu các bộ, ngành cung cấp
# …": what the body may do, not what it is charged with ([decided, s15 fixQ], s15 dev qd798 D3).
# An article of tasks and powers together ("Nhiệm vụ, quyền hạn") stays a task article.
_POWERS_ARTICLE = re.compile(r"^(?:cac\s+)?quyen(?: han)?(?: cua\b|\s*$)(?!.*\bnhiem vu\b)")
# An appendix that enacts administrative procedures ("Phụ lục I.1 PHÂN CẤP THỦ TỤC HÀNH CHÍNH …",
# "CẮT GIẢM, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH …", "QUY ĐỊNH VỀ MẪU ĐƠN, TỜ KHAI CỦA THỦ TỤC HÀNH
# CHÍNH") states the steps of each procedure: "Trong thời hạn 05 ngày làm việc …, cơ quan X cấp
# …" is a rule for every file, not a task charged once (GUIDELINES-real [decided, s16 fixF]).
# Read as charges they gave 38 and 27 false duties in s16 dev nq22 and nq18/NQ-CP 2026 (ten and
# two such appendices). An appendix of tasks on procedures ("Nhiệm vụ …", "Kế hoạch rà soát …")
# stays a task appendix.
_APPENDIX_ID = re.compile(r"^(?:[A-Za-zĐđ]+\.)?PL\d+(?:~\d+)?$")
_PROCEDURE_APPENDIX = re.compile(r"^(?=.*\bthu tuc hanh chinh\b)(?=.*\b(?:phan cap|cat giam|don gian hoa|bai bo|"
                                 r"mau don|to khai)\b)(?!.*\b(?:nhiem vu|ke hoach|phan cong|ra soat)\b)")
# A line of the roster under "Điều 1. Thành lập Ban Chỉ đạo …, gồm các thành viên sau đây:"
# ("- Bộ trưởng Bộ Xây dựng, Phó Trưởng ban thường trực;") names a member by its title: a
# minister's title opening it made it a charging sentence (s15 dev qd798 D1: three false
# leads). A sentence of that article that does charge someone says so with one of these words.
# Matched with diacritics: folded, "giao" would also be "Giáo dục" and "tổ chức" the "Ban Tổ chức".
_ROSTER_CHARGE = re.compile(r"\b(?:giao|chủ trì|phối hợp|chịu trách nhiệm|có trách nhiệm|có nhiệm vụ|"
                            r"làm cơ quan|tham mưu|thực hiện|báo cáo|trình|giúp)\b")


# A part that says what and whom the plan covers ("II. PHẠM VI, ĐỐI TƯỢNG", "THỜI GIAN VÀ PHẠM
# VI", "ĐỐI TƯỢNG ÁP DỤNG") lists bodies as those concerned: "Đối với tài sản công …: cơ quan nhà
# nước, Mặt trận Tổ quốc …, tổ chức chính trị - xã hội (sau đây gọi là …)" names who holds the
# assets, not who is charged (qd1627 of the session-13 fresh plans). Only a charging word there
# charges a unit.
_SCOPE_PART = re.compile(r"^(?:(?:pham vi|doi tuong|thoi gian)(?:\s+(?:ap dung|dieu chinh|thuc hien|trien khai))?"
                         r"(?:\s*,\s*|\s+va\s+|\s*$))+$")


# "Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện Chỉ thị này" charges that office.
_FOLLOW_UP = re.compile(r"^\W*" + FOLLOW_UP)


def _charging_sentence(text: str, find: UnitFinder, regulation: bool = False,
                       subject: bool = False) -> tuple[str, list[UnitRole]] | None:
    """The text from the first sentence that charges a unit, and the units' roles in it.

    A sentence charges a unit when it holds a charging word (giao, chủ trì, phối hợp, chịu
    trách nhiệm, tham mưu, đề nghị …) and a unit with the role of lead or partner. In a
    regulation any sentence where a unit acts, takes part or receives a report or a request is
    one (gold/fresh-pdf/README.md: the university's regulation charges its offices so).
    """
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    list_start: int | None = None
    for start in starts:
        rest = text[start:]
        end = _SENTENCE_END.search(rest)
        sentence = rest[: end.start()] if end else rest
        folded_sentence = fold(sentence)
        # "nếu có khó khăn, vướng mắc, … báo cáo Ủy ban nhân dân tỉnh (qua Sở X)": the closing
        # instruction charges everyone with reporting through a named body (GUIDELINES-real.md:
        # kh165's closing, qd2954 KH.V.2 — a duty whose units are only report_to).
        reporting = bool(_DIFFICULTIES.search(folded_sentence) or _CHARGED_REPORT.search(folded_sentence)) or regulation
        if not regulation and _subject_recounts(sentence, find):
            list_start = None
            continue
        if subject and not _CHARGE.search(folded_sentence) and any(
                u.role == "lead" for u in roles_in_text(sentence, find)) and _words_besides_units(sentence, find) > 4 \
                and not _AMOUNT_ENTRY.match(_without_units(sentence, find)):
            # "Ủy ban nhân dân cấp xã quyết định khen thưởng …" (kh157 IV.2.a, in a part on
            # rewards): a unit acting as the subject of a numbered item's sentence is charged
            # with that act wherever the item stands. A list entry that only names a body ("-
            # Ban giám đốc Sở Y tế;", an invitation's list of those invited, zPs_171) has no act.
            if list_start is not None:
                rest = text[list_start:]
            return rest, roles_in_text(rest, find)
        if _OPINION.search(folded_sentence):
            list_start = None
            continue  # "…, Cục X có ý kiến như sau:": the issuer answering, no charge
        if _MEETING_ACCOUNT.match(folded_sentence):
            list_start = None
            continue  # "Ngày 03/11/2025, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp …": who chaired, no charge
        if not (_CHARGE.search(folded_sentence) or reporting or _FOLLOW_UP.match(folded_sentence)):
            # "Chánh Văn phòng UBND tỉnh; Giám đốc Sở Công Thương; …; Chủ tịch UBND các xã chịu
            # trách nhiệm thi hành Quyết định này": the execution clause of a decision lists its
            # subjects between semicolons; a piece that only names units opens the sentence.
            if _only_units(sentence, find):
                list_start = start if list_start is None else list_start
            elif list_start is None or not _GENERIC_MEMBER.fullmatch(folded_sentence):
                # "Giám đốc Sở X; Thủ trưởng các cơ quan, đơn vị có liên quan; Chủ tịch UBND …":
                # the generic member between named ones goes on with the list (s16 held-out
                # ctr435 Điều 2 lost its Sở).
                list_start = None
            continue
        units = roles_in_text(sentence, find)
        if any(u.role in ("lead", "cooperate") or (reporting and u.role == "report_to") for u in units):
            if list_start is not None:
                rest = text[list_start:]
            return rest, roles_in_text(rest, find)
        if list_start is not None and any(u.role == "lead" for u in roles_in_text(text[list_start:start], find)):
            # "…; Chủ tịch UBND xã X; Thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm
            # thi hành …": the piece with the charge names only generic subjects; the named
            # units listed before it are the ones charged (s16 dev qd2736 Điều 4, qd2848 Điều 3).
            return text[list_start:], roles_in_text(text[list_start:], find)
        list_start = None
    return None


# Emulation and award plans (kế hoạch thi đua, khen thưởng) set, outside their task parts, who
# may be rewarded, how many and in what form; none of it charges anyone (GUIDELINES-real.md
# [decided, adjud]: a part that sets criteria or awards has duties only in its charging
# sentences). Seen in the Đắk Lắk 2025 emulation plan of session 13 (/tmp/s13/dev) and in the
# emulation plans of the crawl; tests/test_emulation_plans.py.
# - an item titled "Đối tượng khen thưởng / thi đua / áp dụng" lists the bodies rewarded or covered;
_SUBJECTS_HEADING = re.compile(r"^doi tuong\b")
# - a run-in label naming an award ("Giấy khen của Thủ trưởng các cơ quan, đơn vị; Chủ tịch UBND
#   xã, phường: Các sở, ban, ngành … quy định số lượng …") names who grants it, not who acts;
_AWARD_LABEL = re.compile(r"^\s*(?:bằng khen|giấy khen|cờ thi đua|danh hiệu|kỷ niệm chương)\b[^:.]{0,200}:\s*",
                          re.IGNORECASE)
# - a quota ("Không quá 05 cá nhân", "01 cá nhân/01 ban", "mỗi đơn vị đề nghị không quá 01 tập thể,
#   03 cá nhân") caps the proposals a body may make.
_QUOTA = re.compile(r"\b(?:khong (?:vuot )?qua|toi da)\s+\d+|\b\d+\s+(?:ca nhan|tap the|truong hop)\b")
_QUOTA_WORDS = re.compile(r"\b(?:doi voi|moi|don vi|doan|ban|xa|phuong|de nghi|xet chon|chon|khong|vuot|qua|toi da|"
                          r"ca nhan|tap the|truong hop|hoac|cua|tinh|thanh pho)\b|\d+|[^\w\s]")


# "a) Chỉ đạo các tổ chức thành viên tăng cường truyền thông, giám sát việc triển khai …" under a
# unit heading: the watching is the directed bodies' own, not the heading unit's (the fresh gold of
# kh624 V.9.a, session 13: the members are acted on, no monitor). "Chỉ đạo, kiểm tra …" (two
# verbs of the heading unit) and a later clause ("…; kiểm tra …") stay the heading unit's.
_DIRECTS_OBJECT = re.compile(r"^[\s\-+•*]*(?:chi dao|huong dan|van dong)\s+(?!(?:va\s+)?(?:kiem tra|theo doi|giam sat|"
                             r"thuc hien|trien khai|to chuc|don doc)\b)(?=cac\s|nhung\s|\w)[^,;.]")


def _own_clauses(folded: str) -> str:
    """``folded`` without a first clause that only directs other bodies (:data:`_DIRECTS_OBJECT`)."""
    if not _DIRECTS_OBJECT.match(folded):
        return folded
    end = _CLAUSE_BREAK.search(folded)
    return folded[end.end() :] if end else ""


def _quota_only(text: str, find: UnitFinder) -> bool:
    """Whether ``text``, its units aside, says only how many may be proposed for an award."""
    rest = fold(_without_units(text, find))
    return bool(_QUOTA.search(rest)) and len(_QUOTA_WORDS.sub(" ", rest).split()) <= 1


def _without_units(text: str, find: UnitFinder) -> str:
    """``text`` with each unit it names replaced by a space."""
    for m in sorted(find(text), key=lambda x: x.start, reverse=True):
        text = text[: m.start] + " " + text[m.end :]
    return text


# "+ Bộ X: 1.260.000 USD;", "- Sở Y: 4.500 triệu đồng (…)": a share of money or a figure
# listed by body under an approval, with no act (spent s16 held-out qd1803-ttg-2015 Điều 1: the
# project's funds by ministry read as nine duties). The body's name, a colon, then the figure.
_AMOUNT_ENTRY = re.compile(r"^[\W_]*:\s*[\d.,]+\s")


def _words_besides_units(text: str, find: UnitFinder) -> int:
    """How many words ``text`` has outside the units it names."""
    return len(re.findall(r"\w+", _without_units(text, find)))


# "Thủ trưởng các cơ quan, đơn vị (có) liên quan;" in the subjects of an execution article: a head
# of bodies no name picks out (folded).
_GENERIC_MEMBER = re.compile(r"\W*(?:thu truong|nguoi dung dau)\s+(?:(?:cac|co quan|don vi|to chuc|co|lien quan|va"
                             r"|tren dia ban|tinh|thanh pho)\b[\s,]*)+;?\s*")


def _only_units(piece: str, find: UnitFinder) -> bool:
    """Whether a piece of text names units and nothing else ("Giám đốc Sở Công Thương;")."""
    if not find(piece) or not piece.rstrip().endswith(";"):
        return False
    rest = _without_units(piece, find)
    # "Thủ trưởng các sở, ban, ngành, đơn vị cấp tỉnh;" (s16 dev qd2848 Điều 3): a level after
    # the generic member names no other thing.
    rest = re.sub(r"\b(?:các|và|cơ quan|đơn vị|thuộc|trực thuộc|cấp|tỉnh|thành phố|liên quan)\b|[,;:.]", " ",
                  rest, flags=re.IGNORECASE)
    return not rest.split()


def _says_lead(text: str, unit: UnitRole) -> bool:
    """Whether the text says "X chủ trì" for this unit (it then leads instead of the heading's)."""
    if not unit.mention:
        return False
    if fold(unit.mention).endswith("duoc giao chu tri"):
        return True  # "các Sở, ban, ngành được giao chủ trì" (a collective named by its role)
    folded = fold(text)
    at = folded.find(fold(unit.mention))
    return at >= 0 and bool(re.match(r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:chu tri|lam dau moi|la co quan chu tri)\b",
                                     folded[at + len(unit.mention):]))


# A list that assigns fields to bodies prints each entry as "<field> - <body>" (s15 dev cv8388
# 5.a: six kinds of infrastructure, each with the ministry that lists them, under a heading
# naming the class of ministries). The dash before the closing body stands after a word.
_ASSIGNED_AFTER_DASH = re.compile(r"[^\W_][)\]]?\s+[-–—]\s*$")


def _assigned_to(text: str, unit: UnitRole) -> bool:
    """Whether the unit is the body an assignment entry closes with ("<field> - <body>.")."""
    if not unit.mention:
        return False
    body = text.rstrip(" .;,")
    return body.endswith(unit.mention) and bool(_ASSIGNED_AFTER_DASH.search(body[: len(body) - len(unit.mention)]))


def _opens(text: str, unit: UnitRole) -> bool:
    """Whether the unit is the subject that opens the item ("- Các ngân hàng thương mại tham gia …")."""
    if not unit.mention:
        return False
    folded = fold(text)
    at = folded.find(fold(unit.mention))
    # "b) Giao Thanh tra thành phố tổ chức thanh tra …" under "8. Giám đốc Sở, Thủ trưởng cơ quan,
    # ban, ngành" (ct09 of the session-13 fresh plans): the item charges its own body, which then
    # leads it alone, as a subject does.
    return 0 <= at and not re.sub(r"\b(?:cac|nhung|moi|giao)\b|[-+*•,.;: ]", "", folded[:at])


_NOTE_LINE = re.compile(r"[*_\s]*\([^()]*(?:\([^()]*\)[^()]*)*\)[*_\s.;]*")


def _whole_paragraphs(segments: Sequence[Segment], find: UnitFinder
                      ) -> tuple[list[Segment], dict[str, list[str]], UnitFinder]:
    """The segments with the parts of each paragraph cut for length joined again; the part ids
    of each joined paragraph, by its first part's id; and a finder that reads a joined text as
    its parts were read, each part's mentions moved to its place in the whole.

    The outline cuts a paragraph over 160 words into sentence-bounded parts for the search model
    (``Segment.continues``). A duty is the paragraph: read part by part, one numbered item of a
    2025 telegram (cd229 item 1 of the session-13 fresh documents) gave three duties, and the same
    item printed shorter gives one. Read whole, the development real plans' units with roles go
    from 0.965 to 0.968 F1 (kh165 0.971 → 1.000: its later parts no longer inherit the plan's
    lead as duties of their own), the fresh development documents' from 0.981 to 0.983. The duty
    keeps every part's segment (``Duty.segment_ids``), so that the plan check, the search kinds
    and ``who`` reach it through any part.
    """
    out: list[Segment] = []
    parts: dict[str, list[str]] = {}
    texts: dict[str, list[str]] = {}  # joined text → the parts' texts, for the finder
    for seg in segments:
        prev = out[-1] if out else None
        if seg.continues and prev is not None and prev.kind == seg.kind and prev.section_node == seg.section_node:
            pieces = texts.pop(prev.text, None) or [prev.text]
            out[-1] = replace(prev, text=f"{prev.text} {seg.text}", raw=f"{prev.raw} {seg.raw}")
            texts[out[-1].text] = [*pieces, seg.text]
            parts.setdefault(prev.id, [prev.id]).append(seg.id)
            continue
        out.append(seg)

    def whole_find(text: str) -> Sequence[Mention]:
        pieces = texts.get(text)
        if pieces is None:
            return find(text)
        found: list[Mention] = []
        offset = 0
        for piece in pieces:
            found.extend(Mention(m.start + offset, m.end + offset, m.name) for m in find(piece))
            offset += len(piece) + 1
        return found

    return out, parts, whole_find


# "Giao các sở quản lý chuyên ngành theo lĩnh vực gồm:" over "- Sở Công Thương (đối với …);",
# "- Sở Xây dựng (đối với …)." and then the points: a class whose members are listed one per
# bullet, each a name with at most its remit in brackets (s14 dev cv7103, a Lào Cai letter: seven
# bodies over five points). Like a class followed by its members in brackets ([decided, s13
# fixleft]) the named members are the units; the bullets only complete the list.
_MEMBERS_FOLLOW = re.compile(r"\b(?:bao gom|gom|gom co)\s*:\s*$")


def _listed_members(whole: Sequence[Segment], find: UnitFinder
                    ) -> tuple[dict[str, list[UnitRole]], set[str]]:
    """Paragraphs that list a class's members as bullets: their members, and the bullets' ids."""
    lists: dict[str, list[UnitRole]] = {}
    bullets: set[str] = set()
    for i, seg in enumerate(whole):
        if seg.kind != "paragraph" or not _MEMBERS_FOLLOW.search(fold(seg.text)) or not find(seg.text):
            continue
        units: list[UnitRole] = []
        ids: list[str] = []
        for nxt in whole[i + 1:]:
            if nxt.kind != "bullet" or nxt.section_node != seg.section_node:
                break
            head = re.sub(r"\([^()]*(?:\([^()]*\)[^()]*)*\)?", " ", nxt.text).strip(" -–+•;.,")
            if not head or not _only_names(head, find):
                ids = []
                break
            units.extend(UnitRole(m.name, "lead", True, head[m.start:m.end]) for m in find(head))
            ids.append(nxt.id)
        if len(ids) >= 2:
            lists[seg.id] = units
            bullets.update(ids)
    return lists, bullets


# A letter ("Công văn", "Thông báo") is written to its addressees ("Kính gửi: Sở A; Sở B;"): an item
# or bullet of it that names no unit charges them, each a lead (GUIDELINES-real.md [decided, s14
# adj]: the gold of the session-14 letters cv5973, cv9389, cv2265 reads them so).
_LETTER_TYPES = frozenset({"cong van", "thong bao"})
# A letter's request with no subject and no addressee ("Bên cạnh đó, đề nghị lưu ý …", "Ngoài ra,
# đề nghị quý Sở …" is named, so not this), folded: it asks the letter's addressees.
_SUBJECTLESS_REQUEST = re.compile(r"^\W*(?:(?:ben canh do|ngoai ra|dong thoi|mat khac|theo do|vi vay|do do)\s*,\s*)?"
                                  r"(?:kinh |tran trong )?(?:de nghi|yeu cau)\s+(?!(?:cua|nay|tren|do|tai)\b)\w")
# A letter's topic item ("Về việc thống kê trữ lượng …", "Về kiểm soát sản lượng"): the lines under
# it restate the rules on that topic; the topic is charged once ([decided, s15 fixU]).
_TOPIC = re.compile(r"^\W*ve\s")


_PLACE_TAIL = re.compile(r"\s+(?:trên|tại)\s+(?:địa bàn|phạm vi)\b.*$|\s+(?:thuộc|của)\s+(?:tỉnh|thành phố)\b.*$",
                         re.IGNORECASE)


def _addressed_class(text: str) -> str | None:
    """The class of bodies a letter's single addressee line names ("Các tổ chức, cá nhân khai
    thác khoáng sản trên địa bàn tỉnh" → "tổ chức, cá nhân khai thác khoáng sản"), or None for
    anything longer than a name."""
    name = re.sub(r"^\W*Kính\s+gửi\s*:?\s*", "", text.strip(), flags=re.IGNORECASE)
    name = re.sub(r"^(?:các|những|quý)\s+", "", name.strip(" -–+•;.,:"), flags=re.IGNORECASE)
    name = _PLACE_TAIL.sub("", name).strip(" ;.,:")
    if not name or len(name.split()) > 15 or not fold(name).startswith(("to chuc", "co quan", "doanh nghiep", "don vi")):
        return None
    return name


# The level words after which an addressee's name only scopes the class ("Cục Thuế các tỉnh, thành
# phố trực thuộc Trung ương", "Sở Y tế các tỉnh, thành phố").
_LEVEL_SCOPE = re.compile(r"^(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)\b")


def _addressee_by_head(units: list[UnitRole], addressees: Sequence[UnitRole]) -> None:
    """A unit an item names by its head only ("Các Cục Thuế rà soát …") where the letter is written
    to that head's bodies of a level ("Kính gửi: Cục Thuế các tỉnh, thành phố trực thuộc Trung
    ương") is that addressee, as a short name a document defines is its full one ([decided, s15
    fixQ]; s17 dev cv4800: six of its ten items name "các Cục Thuế", the gold the addressees)."""
    for k, u in enumerate(units):
        key = fold(u.name) + " "
        full = [a for a in addressees if fold(a.name).startswith(key) and _LEVEL_SCOPE.match(fold(a.name)[len(key):])]
        if len(full) == 1:
            units[k] = UnitRole(full[0].name, u.role, u.explicit, u.mention)


# "- Tổng cục X (để thực hiện);", "- Sở Y (để t/h);" in "Nơi nhận": a recipient the document is
# sent to for carrying out, not to be informed ("để biết", "để b/c").
_TO_CARRY_OUT = re.compile(r"^[\s|]*[-–+•~]\s*(?P<name>[^()]{3,120}?)\s*\(\s*(?:để|đê|dé|de)\s+(?:thực hiện|t/h)\s*\)",
                           re.IGNORECASE)


def _carrying_out_recipients(segments: Iterable[Segment], find: UnitFinder) -> list[UnitRole]:
    """The recipients a letter's "Nơi nhận" marks "(để thực hiện)", each a lead.

    A notice of conclusions ("Thông báo kết luận của Bộ trưởng …") has no "Kính gửi": the bodies
    that carry it out are the ones its recipients' list sends it to "để thực hiện" (s17 dev tb393:
    the gold charges them with its twelve items; the notices of the Government Office read in
    sessions 15-16 mark their recipients so). Without such a mark, nobody is taken."""
    out: list[UnitRole] = []
    for seg in segments:
        if seg.kind != "signature":
            continue
        for line in re.split(r"(?<=;)\s+(?=[-–+•~])", seg.text):
            if (m := _TO_CARRY_OUT.match(line)) is None:
                continue
            for x in find(m.group("name")):
                if not any(u.name == x.name for u in out):
                    out.append(UnitRole(x.name, "lead", True, m.group("name")[x.start:x.end]))
    return out


def _charge_addressees(duty: Duty, addressees: Sequence[UnitRole]) -> None:
    """Give ``duty`` the letter's addressees, each a lead; with no other unit named to monitor,
    they monitor what the item's own words say to monitor ("theo dõi, kiểm tra"), as a heading's
    unit does (s15 dev cv6225 item 1, gold: the addressees lead and monitor)."""
    named_monitor = any(u.role == "monitor" for u in duty.units)
    own = _own_acts(_own_clauses(fold(_without_mentions(duty.text, duty.units))))
    monitors = not named_monitor and bool(_MONITOR_VERBS.search(own))
    # In the list's order, before the partners the item names.
    duty.units[:0] = [UnitRole(u.name, "lead", u.explicit, u.mention) for u in addressees
                      if not any(x.name == u.name and x.role == "lead" for x in duty.units)]
    if monitors:
        duty.units.extend(UnitRole(u.name, "monitor", u.explicit, u.mention) for u in addressees)


def extract_duties(document: Document, find: UnitFinder = _default_finder) -> tuple[list[Duty], list[UnitRole]]:
    """All duties of a document, and the plan's lead units (``plan_lead``).

    Every paragraph, lettered item and bullet of the task and organisation parts
    (``Section.part``) is a duty; elsewhere — other parts, the preamble, a text with no outline —
    a sentence that charges a unit is one (:func:`_charging_sentence`). Objectives and
    situation parts never give duties ("Mục đích", "Yêu cầu", "Kết quả đạt được"), nor does the
    signature block ("Nơi nhận"). The part only decides what a duty inherits: the units of the
    headings above it, and the plan's lead for a duty that names none.
    """
    whole, parts_of, find = _whole_paragraphs(document.segments, find)
    sections = {s.id: s for s in document.sections}
    regulations = _regulation_prefixes(document)
    heading_cache: dict[str, list[UnitRole]] = {}
    partner_only = [False]  # the last path read lies under "b) Phối hợp với …": no lead to fill in
    partners: set[int] = set()

    def inherited(path: Sequence[Section], text: str = "") -> list[UnitRole]:
        out: list[UnitRole] = []
        own = fold(text)[:40]
        partner_only[0] = False
        for s in path:
            if s.kind == "part" and not _OWNED_PART.match(fold(s.heading)):
                continue
            if s.id not in heading_cache:
                heading_cache[s.id] = _heading_units(s, find)
            lead_in = any(u.role == "cooperate" for u in heading_cache[s.id])
            if lead_in and fold(s.heading)[:40] == own:
                continue  # the lead-in line itself, when it is read as an item
            if s.heading.endswith("…") and fold(text).startswith(fold(s.heading[:-1]).rstrip()):
                # The item's own first words, cut short for its heading ("7. Chủ tịch UBND tỉnh đề
                # nghị Ủy ban Mặt …"): its units are read from its full text, not from a name cut
                # in half.
                continue
            if lead_in and _COOPERATE_LEAD_IN.match(fold(s.heading)) and not any(u.role == "lead" for u in out):
                partner_only[0] = True  # "Phối hợp với …" with no unit heading above: no lead to fill in
            # "b) Phối hợp với …" under "1. Sở X": Sở X still leads these items, the named units
            # are its partners (GUIDELINES-real.md, unit-headed sections).
            leads = {u.name for u in heading_cache[s.id] if u.role == "lead"}
            if leads and leads < {u.name for u in out if u.role == "lead"}:
                # "Điều 2. Nhiệm vụ của Hội đồng và Tổ giúp việc" over "1. Nhiệm vụ của Hội đồng":
                # the nearer heading picks its bodies out of the article's (s16 dev qd2736 D2.1,
                # D2.2: the council's and the team's items, each the one body's).
                out = [u for u in out if u.role != "lead"]
            out.extend(heading_cache[s.id])
        return out

    duties: list[Duty] = []
    org_duties: list[tuple[Duty, list[Section]]] = []
    plan_charges: list[tuple[Duty, list[Section]]] = []
    leaf_headings = _task_sentence_headings(document, sections)
    # The open lead-in line ("Giao Sở Tài chính:"): its outline node and the units it names.
    lead_in: tuple[str | None, list[UnitRole]] | None = None
    lead_marker: str | None = None  # the bullet mark of a lead-in that is itself a bullet
    node_segments: dict[str | None, set[str]] = {}  # segments that gave duties, by outline node
    lead_texts: dict[str, str] = {}  # outline node → its lead-in line ("1. Trước ngày 15/12 hằng năm:")
    # "- Trong năm 2026:" over "+" bullets, then "- Giai đoạn 2027 - 2030:" over others: a bullet
    # that only gives a time times the bullets below it, up to the next bullet of its own mark.
    time_lead: tuple[str | None, str | None, tuple[str | None, str | None, str | None]] | None = None
    # "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã … thực hiện các
    # nội dung sau:" before the numbered items of a directive or letter that has no parts: the
    # addressees lead every item that names no lead of its own.
    directive: list[UnitRole] | None = None
    unparted = not any(s.kind == "part" for s in document.sections)
    addressees: list[UnitRole] = []  # a letter's "Kính gửi" list, read below
    letter = fold(document.meta.type or "") in _LETTER_TYPES
    addressing = False  # inside that list
    # Under "Bộ X yêu cầu:" (a lead-in naming nobody) the items charge that list even when they
    # name a partner but no lead: the segments read under such a lead-in.
    asked = False
    asked_segments: set[str] = set()
    listing: Duty | None = None  # a duty whose text ends in ":" and announces the titles below it
    listing_objects = False  # its verb takes the list as its object ("… quyết định:", "bao gồm:")
    listing_marker: str | None = None  # the bullet mark of the listing duty itself
    attendees: str | None = None  # the outline node of an invitation's "Thành phần:" list
    field_run: tuple[str | None, list[Duty]] | None = None  # the tasks the field lines complete
    fielded: set[int] = set()  # ids of duties that field lines completed
    # The last duty a bullet gave, with its outline node and mark: a "+ Nội dung: …" field under
    # it completes it (see below).
    titled: tuple[str | None, str | None, Duty] | None = None
    issued = int(document.meta.date[:4]) if document.meta.date and document.meta.date[:4].isdigit() else None
    title_scope = [span] if (span := _span(document.meta.title, single=True, since=issued)) else []
    member_lists, member_bullets = _listed_members(whole, find)
    bullet_ids = {seg.id for seg in whole if seg.kind == "bullet"}
    for seg in whole:
        if seg.section_node is None and (unparted or letter):
            # A letter in parts ("I. NHIỆM VỤ CHUNG", "II. NHIỆM VỤ CỤ THỂ") is still written to
            # its addressees (s15 cv6386).
            listed = addressing
            addressing = _read_addressees(seg, find, addressing, addressees)
            if listed and addressing:
                continue  # one more addressee: the list charges nobody (s15 cv6356, four leads)
        if seg.id in member_bullets:
            continue  # a member of the class listed above: it completes that list
        if seg.id in member_lists:
            lead_in, lead_marker = (seg.section_node, member_lists[seg.id]), None
            continue
        if seg.kind in ("paragraph", "bullet", "preamble") and _ATTENDEES.match(fold(seg.text)):
            attendees = seg.section_node
            continue
        if attendees is not None:
            if seg.kind == "bullet" and seg.section_node == attendees:
                continue  # one more body or person invited: nobody is charged by being invited
            attendees = None
        if _colonless_clause_heading(seg, sections) \
                and (clause := lead_in_clause(seg.text.rstrip() + ":", find)) is not None and not clause[1]:
            # Its points are the duties, as under the same clause printed with its colon.
            lead_in, lead_marker = (seg.section_node, clause[0]), None
            lead_texts.setdefault(seg.section_node or "", seg.text.rstrip() + ":")
            continue
        if (not seg.searchable and seg.id not in leaf_headings) or seg.kind == "note":
            continue  # footnotes cite documents; they charge no one
        path = _ancestors(sections, seg.section_node)
        part = path[-1].part if path else None
        if directive is not None and any(_APPENDIX_ID.match(n.id) for n in path):
            # The lead-in hands the letter's own items to its addressees, not the rows of a report
            # form printed after the signature ("Biểu 01 … | Cục Thuế tỉnh/thành phố … |", s18
            # dev cv1738: five blank forms read as 14 duties of the addressees).
            directive = None
        if part in ("objectives", "situation") and _in_regulation(seg.section, regulations):
            # A regulation's chapters are no plan parts: "Chương III. Đánh giá kết quả học tập"
            # is a chapter of rules, not a plan's review of results.
            part = "other"
        if part in ("objectives", "situation"):
            continue
        if any(n.kind == "item" and _ARTICLE_ID.search(n.id) and (
                _POWERS_ARTICLE.match(fold(n.heading))
                or (CONSTITUTES.match(fold(n.heading)) and not _ROSTER_CHARGE.search(seg.text.lower())))
               for n in path):
            continue  # a powers article, or a member of the roster a decision constitutes
        if any(_APPENDIX_ID.match(n.id) and _PROCEDURE_APPENDIX.match(fold(n.heading)) for n in path):
            continue  # the steps of an enacted procedure: rules, no charge (see _PROCEDURE_APPENDIX)
        text = seg.text
        if not re.search(r"\w", text):
            continue  # a stray table rule or bullet mark ("|", "*") of the crawled markdown
        if _NOTE_LINE.fullmatch(text.strip()):
            # "(Khung kế hoạch … tại Phụ lục kèm theo)": a bracketed line points the reader to
            # another place; it sets no task (qd2853 III.3 of the session-13 fresh plans).
            continue
        if seg.section_node and text.rstrip().endswith(":"):
            lead_texts.setdefault(seg.section_node, text)
        if seg.section_node is None:
            directive = _directive_addressees(text, find) if unparted and seg.kind == "preamble" else None
            if directive and letter and addressees and any(fold(u.name).endswith(" cac cap") for u in directive):
                # "… yêu cầu các đơn vị thuộc Cục và cơ quan X các cấp thực hiện …": a letter's
                # lead-in that names its readers by level stands for its "Kính gửi" list (s18
                # held-out cv5029, blind gold: the addressees lead each bullet).
                directive = list(addressees)
            if directive and all(_is_issuer(u.name, document.meta.issuer) for u in directive):
                # "Ủy ban nhân dân phường X công khai … hồ sơ của đơn vị đề nghị …, như sau:": the
                # issuer speaking in its own notice addresses nobody; its points are what it says
                # (s16 held-out tb831, blind gold: no duty).
                directive = None
                continue
            addressed = directive == [] and bool(_ADDRESSED_ABOVE.search(fold(text.strip())))
            asked = addressed and bool(addressees)
            # "Để …, Thủ tướng Chính phủ yêu cầu:" when the addressees went unread (a telegram's
            # "… điện:" line, an OCR'd "Kính gửi"): the issuer still speaks to them and charges
            # itself with nothing (s17 held-out cd119 gave the Prime Minister a duty of its own).
            speaks = (addressed and not addressees
                      and bool(named := roles_in_text(text, find))
                      and all(_is_issuer(u.name, document.meta.issuer) for u in named))
            if directive or asked or speaks:
                # The addressing paragraph hands its addressees to the items below; it charges them
                # with nothing of its own ([decided, kh179]: a lead-in announcing the list is no
                # leaf). Read as a charging sentence it gave a second, section-less duty.
                continue
        if asked:
            asked_segments.add(seg.id)
        if lead_in is not None and not (seg.section_node == lead_in[0] or _below(seg.section_node, lead_in[0])):
            lead_in = None  # another item: the lead-in's list is over
        if lead_in is not None and lead_marker is not None and seg.kind == "bullet" \
                and _bullet_marker(seg.raw) == lead_marker:
            lead_in = None  # "- Sở Tài chính:" rules its "+" bullets up to the next "-" one
        if (lead_in is not None and seg.kind == "paragraph" and seg.section_node == lead_in[0]
                and (any(u.role == "lead" for u in roles_in_text(text, find)) or _informs(text, find))):
            # A paragraph with a subject of its own ends the list; so does the issuer's closing
            # "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện" of a
            # meeting's conclusions, printed right after the last item's bullets.
            lead_in = None
        if time_lead is not None and (seg.section_node != time_lead[0] or seg.kind != "bullet"
                                      or _bullet_marker(seg.raw) == time_lead[1]):
            time_lead = None  # another item, a paragraph or a sibling bullet: its list is over
        if seg.kind == "bullet" and text.rstrip().endswith(":") and len(text.split()) <= _LEAD_IN_WORDS \
                and not find(text) and (any(found_time := find_deadline(text))
                                        or any(found_time := _heading_time(text.lstrip("-+•* "), title_scope))):
            time_lead = (seg.section_node, _bullet_marker(seg.raw), found_time)
            continue  # "- Trong năm 2026:": it only says when the bullets below are due
        if seg.kind in ("paragraph", "bullet") and (fields := _fields(text)) is not None:
            # "- Cơ quan chủ trì: Sở X." completes the task above it, at the same item; with no
            # task paragraph there, the item's heading is the task.
            # "a) Nhiệm vụ:" over several bullets, then the fields: they complete every task line
            # of the item since the last field lines, not only the last one.
            if field_run is None or field_run[0] != seg.section_node:
                own = node_segments.get(seg.section_node, ())
                run: list[Duty] = []
                for earlier in reversed(duties):
                    if earlier.segment_id not in own or id(earlier) in fielded:
                        break
                    run.append(earlier)
                if run:
                    run = _content_cell(run, sections.get(seg.section_node or ""), bullet_ids, duties)
                    run.extend(_unfielded_siblings(duties[: len(duties) - len(run)], seg.section_node,
                                                   node_segments, fielded))
                field_run = (seg.section_node, run)
            tasks = field_run[1]
            if not tasks and seg.section_node in sections and part in ("tasks", "organisation") \
                    and any(role in ("lead", "cooperate", "time") for role, _value in fields):
                task = Duty(text=sections[seg.section_node].heading, section=seg.section, units=[],
                            segment_ids=parts_of.get(seg.id, [seg.id]))
                duties.append(task)
                tasks.append(task)
            if tasks:
                for task in tasks:
                    fielded.add(id(task))
                    node_segments.setdefault(seg.section_node, set()).add(task.segment_id or "")
                    _apply_fields(task, fields, find)
                continue
        field_run = None
        if seg.kind == "paragraph" and _subject_recounts(text, find, _RECEIPT) \
                and not _CHARGE.search(fold(text).partition(";")[2]):
            # "UBND tỉnh nhận được Văn bản số … về việc triển khai …; việc này, … có ý kiến như
            # sau:": the received document's subject may hold a charging word; what follows it
            # must not.
            continue
        if seg.kind in ("paragraph", "bullet") and (found := _lead_in_units(text, find)):
            if part not in ("tasks", "organisation") and _ADDRESSED_TOPIC.match(fold(text)) \
                    and any(_CRITERIA_HEADING.search(fold(n.heading)) for n in path):
                # "b) Đối với Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức chính trị - xã hội:" over
                # the criteria of a part on emulation criteria or awards: the bullets say what
                # those bodies are judged by, not what they are charged with ([decided, adjud]
                # criteria parts; dev kh0124 III.2.b of the session-13 fresh plans; kh982 prints
                # the same line as a bold heading without the colon and had no duty there).
                lead_in = None
                continue
            lead_in = (seg.section_node, found)
            lead_marker = _bullet_marker(seg.raw) if seg.kind == "bullet" else None
            continue  # it names who does what follows; it is no duty of its own
        if seg.kind in ("paragraph", "bullet") and (clause := lead_in_clause(text, find)) is not None:
            # "Bộ Quốc phòng có nhiệm vụ, quyền hạn sau đây:" over points a), b) …: the same
            # lead-in as a unit line, written as a sentence (laws, decrees; "- Sở X có trách
            # nhiệm sau:" over "+" bullets in a plan).
            if clause[0] or lead_in is None or lead_in[0] != seg.section_node:
                # "Có trách nhiệm:" after the listed members names no one: they stay the leads.
                lead_in = (seg.section_node, clause[0])
                lead_marker = _bullet_marker(seg.raw) if seg.kind == "bullet" else None
            if not clause[1]:
                continue  # it only says who and that a list follows
        if part not in ("tasks", "organisation") and _quota_only(text, find):
            continue  # "- Ban Chỉ đạo …: Không quá 05 cá nhân;": an award quota, no task
        if (part in ("tasks", "organisation") or lead_in is not None or directive is not None
                or _charged_by_heading(path, find)) and seg.kind != "preamble":
            if text.rstrip().endswith(":") and len(text.split()) <= _LEAD_IN_WORDS and not find(text):
                continue  # a lead-in that announces the list below it
            if _QUOTED_ONLY.fullmatch(text.strip()):
                continue  # "1. Chủ đề thi đua" over “…”: a campaign's theme or slogan names, it charges nothing
            if _IN_FORCE_ONLY.fullmatch(fold(text).strip()):
                continue  # "1. Quyết định này có hiệu lực từ ngày ký ban hành.": the act's own date, no task
            own = sections.get(seg.section_node or "")
            if own is not None and fold(text)[:40] == fold(own.heading)[:40]:
                if own.id not in heading_cache:
                    heading_cache[own.id] = _heading_units(own, find)
                if any(u.role == "cooperate" for u in heading_cache[own.id]):
                    continue  # "a) Chủ trì, phối hợp với …": it states the roles of the items below
            if listing is not None and listing_marker is not None and _bullet_marker(seg.raw) == listing_marker:
                # "- Cửa sông A: Lấy mẫu 04 vị trí gồm:" over "+ 01 vị trí …" lines, then "- Cửa
                # sông B: …": a bullet of the listing's own mark is its sibling, not a member
                # (kh235 II.1.1.a of the session-13 fresh plans ran every later river into one).
                listing = None
            if (listing is not None and seg.kind == "bullet"
                    and (_PROJECT_TITLE.match(text) or listing_objects)
                    and listing.segment_id in node_segments.get(seg.section_node, ())):
                # "Chủ trì triển khai các dự án sau:" over "- Dự án 1: …", "- Dự án 5: …": the
                # titles complete that duty's list; they are no duties of their own
                # (GUIDELINES-real.md, list completion, adjudicated in session 10).
                listing.text = f"{listing.text} {text}"
                if listing.deadline is None and listing.deadline_text is None and listing.recurring is None:
                    # "… quyết định:" over "- … kế hoạch đầu tư công hằng năm": the listed
                    # objects may carry the item's time (the adjudicated gold of kh182 III.2.1.a).
                    listing.deadline, listing.deadline_text, listing.recurring = find_deadline(text)
                continue
            listing = None
            if _informs(text, find) and _is_issuer(min(find(text), key=lambda m: m.start).name, document.meta.issuer):
                # "Tổng cục Thuế thông báo Cục Thuế các tỉnh … được biết và thực hiện./." printed
                # under the last item (no blank line before it, s18 dev cv1738): the issuer's
                # closing formula, no duty (as the blind golds of s17 cv370, tb330 read it).
                continue
            units = roles_in_text(text, find)
            if _under_bare_role_lead_in(path, seg.text):
                # "b) Chủ trì, phối hợp:" over "- Sở Tài chính và các đơn vị … tham mưu …": the
                # heading's unit leads, the unit that opens each bullet is its partner.
                units = [UnitRole(u.name, "cooperate", u.explicit, u.mention)
                         if u.role == "lead" and not _says_lead(text, u) else u for u in units]
        else:
            if seg.kind == "preamble" and fold(text).startswith(("can cu", "thuc hien", "xet")):
                continue  # the legal basis names bodies and their documents, not duties
            if seg.kind == "preamble" and _only_names(text.strip(" -–+•;.,:"), find):
                continue  # an addressee of a letter ("- Trung tâm Kiểm nghiệm Kiên Giang;")
            own_heading = sections[seg.section_node].heading if seg.section_node in sections else ""
            if _SUBJECTS_HEADING.match(fold(own_heading)):
                continue  # "a) Đối tượng khen thưởng:" over "- Tập thể: Các cơ quan …": who is rewarded
            if any(_ARTICLE_ID.search(n.id) and _SUBJECTS_HEADING.match(fold(n.heading)) for n in path):
                # "Điều 4. Đối tượng được hỗ trợ" of a regulation-type decision: its clauses say
                # who is covered and what proof a covered body sends with its claim, not a task
                # (GUIDELINES-real.md [decided, s16 fixG]; s16 dev qd28-ttg-2021 D4.2).
                continue
            charged = _charging_sentence(_AWARD_LABEL.sub("", text, count=1), find,
                                         regulation=_in_regulation(seg.section, regulations),
                                         subject=seg.kind != "preamble"
                                         # the document's closing paragraph ("Văn phòng Chính phủ
                                         # theo dõi, đôn đốc … Nghị quyết này./.", s14 nq122)
                                         and (seg.section is not None or text.rstrip().endswith("./."))
                                         and not (path and _SCOPE_PART.match(fold(path[0].heading))))
            if charged is None:
                if not (letter and addressees and seg.kind == "paragraph" and seg.section is None
                        and _SUBJECTLESS_REQUEST.match(fold(text)) and not find(text.split(",", 1)[0])):
                    continue
                # "Bên cạnh đó, đề nghị lưu ý …" names no addressee: the letter's (charged below,
                # [decided, s14 adj]; s16 held-out cv597, blind gold).
                charged = (text, [])
            text, units = charged
            if seg.kind == "preamble" and _ENACTS.search(fold(text)) and not re.search(r"\.\s", text.strip()):
                continue  # the issuer's enacting formula: it issues the plan, it is charged with nothing
        lead_named = [u for u in units if u.role == "lead" and _says_lead(text, u)]
        subject = [u for u in units if u.role == "lead" and (_opens(text, u) or _assigned_to(text, u))]
        # The nearest statement of who leads wins: a lead-in line under the heading names the
        # units of its own list (GUIDELINES-real.md, unit-headed sections and lead-ins).
        above = inherited(path, seg.text)
        # A unit heading below the lead-in is nearer still: "2. Các sở, ban, ngành: … chịu trách
        # nhiệm các nội dung sau:" over "2.2. Trách nhiệm cụ thể" / "a) Sở Xây dựng" / "- Đánh giá
        # …" gives Sở Xây dựng the bullets, not the collective (a 2025 Đắk Lắk directive: 24
        # bullets of seven named bodies were all read as the collective's).
        nearer = [u for s in path if lead_in is not None and _below(s.id, lead_in[0])
                  for u in heading_cache.get(s.id, [])]
        if lead_in is not None and not any(u.role == "lead" for u in nearer):
            # "Chủ trì, phối hợp với X:" under "4. Sở Y" only adds Y's partners.
            partners_only = not any(u.role == "lead" for u in lead_in[1])
            above = [*above, *lead_in[1]] if partners_only else lead_in[1]
        elif lead_in is not None:
            above = nearer
        # "Điều 82. Trách nhiệm của Chính phủ, Bộ, cơ quan ngang Bộ" over "1. Chính phủ thống nhất
        # …", "3. Các Bộ, cơ quan ngang Bộ …": a clause whose subject is one of the heading's
        # units is that unit's alone.
        if lead_in is None and any(u.role == "lead" for u in units):
            # "Điều 167. Trách nhiệm … của Bộ, cơ quan ngang Bộ" over "1. Bộ Quốc phòng có trách
            # nhiệm …": a law's clause that names its own subject is that body's alone; the
            # article's title says whose article it is, not who leads each clause (fresh
            # LUATKHOAHOCCONGNGHE D75: "Trách nhiệm của bộ, cơ quan ngang bộ" over "1. Bộ Kế
            # hoạch và Đầu tư …"). A plan's unit heading still leads its items.
            titled = {u.name for sec in path if sec.kind == "item" and _ARTICLE_ID.search(sec.id)
                      for u in heading_cache.get(sec.id, [])}
            above = [u for u in above if u.name not in titled]
        above_leads = {u.name for u in above if u.role == "lead"}
        asked: set[str] = set()
        if above_leads and (asking := _ASKED_OPENER.match(fold(text))):
            # "a) Đề nghị Kiểm toán nhà nước kiểm toán …" under "… cơ quan có thẩm quyền thực hiện
            # như sau:": the heading's unit asks; the document does not address the body asked
            # (GUIDELINES-real.md [decided, adjud] on "Đề nghị X"): no role, or partner when it
            # is asked to cooperate (s16 nq16-cp-2026 Điều 5.4.a, 13.1.đ, as its blind gold reads).
            asked = {u.name for u in units if u.role == "lead" and u.name not in above_leads}
            partner = asking.group("partner") is not None
            units = [UnitRole(u.name, "cooperate", u.explicit, u.mention) if u.name in asked and u.role == "lead" else u
                     for u in units if u.name not in asked or (partner and u.role == "lead")]
        if directive and not any(u.role == "lead" for u in [*above, *units]) \
                and not any(_OWN_SUBJECT.match(fold(t)) for t in [text, *(p.heading for p in path if p.kind != "part")]):
            above = [*above, *directive]
        heading_leads = {u.name for u in above if u.role == "lead"}
        # A class the heading lists its members of ("1. Các cơ quan đăng ký đầu tư (Sở X, Ban Y):"
        # over "… thì cơ quan đăng ký đầu tư có quyền yêu cầu …") names them all, not one of them
        # (s13 dev ct010 I.1.b): only a body's own name (capitalised) picks one of the heading's.
        picks_one = len(heading_leads) > 1 and any(u.role == "lead" and u.name in heading_leads and u.name[:1].isupper()
                                                   for u in units)
        # Whether the item's own words charge someone with monitoring (else every lead of the
        # heading does: "16. Mặt trận Tổ quốc tỉnh và các tổ chức chính trị - xã hội" over
        # "… giám sát triển khai Kế hoạch", both golds of kh144 VI.16).
        named_monitor = any(u.role == "monitor" for u in units)
        for unit in above:
            if picks_one and unit.role == "lead":
                continue
            if any(u.role == "lead" and u.name in (unit.name, f"Chủ tịch {unit.name}") for u in units):
                # "c) Chủ tịch UBND xã, phường chịu trách nhiệm …" under "17. UBND xã, phường":
                # the chair of the heading's own body is the lead the item names (kh153 IV.17.c).
                continue
            # The heading's unit leads each item under it unless the item says "X chủ trì".
            role = "cooperate" if lead_named or unit.role == "cooperate" else "lead"
            if subject and role == "lead" and not any(u.name == unit.name for u in subject):
                continue
            if not any(u.name == unit.name and u.role == role for u in units):
                units.insert(0, UnitRole(unit.name, role, True, unit.mention))
            if role == "lead" and not named_monitor \
                    and _MONITOR_VERBS.search(_own_acts(_own_clauses(fold(_without_mentions(text, [*above, *units]))))) \
                    and not asked:  # the check of a body asked is that body's
                # "Chủ trì ... theo dõi, kiểm tra": with no other unit charged with it, the
                # heading's unit is the one who monitors.
                units.append(UnitRole(unit.name, "monitor", True, unit.mention))
        deadline, deadline_text, recurring = find_deadline(text)
        if deadline is None and deadline_text is None:
            # An item that names only a frequency ("định kỳ (hằng năm) đánh giá …") under a phase
            # or a lead-in's time repeats within that period: the period's end and the item's
            # rhythm both hold (s13 kh552 III.1, as its gold reads the phase's last bullet).
            lead = time_lead[2] if time_lead is not None else _lead_in_time(path, lead_texts, title_scope)
            deadline, deadline_text, recurring = lead[0], lead[1], recurring or lead[2]
        # "- Nội dung thực hiện: Tổ chức phổ biến …" over "- Cơ quan thực hiện: …": the label
        # names the field, the task starts after it (GUIDELINES.md: the text is the item's body).
        labelled = _CONTENT_LABEL.match(text) is not None
        text = _CONTENT_LABEL.sub("", text, count=1)
        if (labelled and seg.kind == "bullet" and titled is not None and titled[0] == seg.section_node
                and titled[1] != _bullet_marker(seg.raw) and duties and duties[-1] is titled[2]):
            # "- Nghị định quy định chi tiết …" over "+ Nội dung: …", "+ Cơ quan chủ trì: …": the
            # outer bullet names the task, its "+" lines are the task's fields, the content one
            # included (GUIDELINES-real.md [decided, s13 adj]: labelled field lines are one duty;
            # the national plan qd2623 of the session-13 development set nests them so).
            title = titled[2]
            title.units.extend(u for u in units if u not in title.units)
            if title.deadline is None and title.deadline_text is None and title.recurring is None:
                title.deadline, title.deadline_text, title.recurring = deadline, deadline_text, recurring
            node_segments.setdefault(seg.section_node, set()).add(title.segment_id or "")
            continue
        duty = Duty(text=text, section=seg.section, units=units, deadline=deadline,
                    deadline_text=deadline_text, recurring=recurring, segment_ids=parts_of.get(seg.id, [seg.id]))
        duties.append(duty)
        titled = (seg.section_node, _bullet_marker(seg.raw), duty) if seg.kind == "bullet" else None
        listing = duty if text.rstrip().endswith(":") else None
        listing_objects = listing is not None and bool(_OBJECT_LIST.search(fold(text)))
        listing_marker = _bullet_marker(seg.raw) if listing is not None and seg.kind == "bullet" else None
        node_segments.setdefault(seg.section_node, set()).add(seg.id)
        if partner_only[0]:
            partners.add(id(duty))
        if part == "organisation":
            org_duties.append((duty, path))
        elif part != "tasks" and _CARRIES_PLAN.search(fold(text)):
            plan_charges.append((duty, path))

    # Without an organisation part (a decision that issues a plan: "Điều 2. Giao Sở Công Thương
    # chủ trì … tổ chức triển khai thực hiện Kế hoạch"), the sentence that charges a unit with
    # carrying out the plan names its lead.
    # A law or decree charges each body in its own article: no unit carries "the plan", and a
    # duty that names no unit has no lead to inherit (the fresh laws' "Điều khoản thi hành").
    normative = fold(document.meta.type or "") in _NORMATIVE_TYPES
    # A regulation, like a law, charges each office in its own article: its "Tổ chức thực hiện"
    # chapter names no lead of the whole (HNMU read "Phòng Quản lí chất lượng giáo dục", the
    # fourth office of Chương V, into every duty naming none).
    org_duties = [(d, p) for d, p in org_duties if not _in_regulation(d.section, regulations)]
    plan_charges = [(d, p) for d, p in plan_charges if not _in_regulation(d.section, regulations)]
    plan_lead = [] if normative else _plan_lead(org_duties or plan_charges, inherited)
    # The letter's own items only: a document it forwards or attaches ("ATT.", "KH." …) is written
    # to its own readers, not to the letter's addressees.
    attached = tuple(f"{a['prefix']}." for a in document.meta.attached if a.get("prefix"))
    topics = {s.id.split("~")[0] for s in document.sections if _TOPIC.match(fold(s.heading or ""))}
    if letter and not addressees:
        addressees = _carrying_out_recipients(document.segments, find)
    charged_topics: set[str] = set()
    for duty in duties:
        if id(duty) in partners:
            continue
        # A letter's item that names no unit charges its addressees ([decided, s14 adj]), and so
        # does one under a lead-in naming nobody ("Bộ X yêu cầu:") that names no lead, in any
        # document with a "Kính gửi" list; under a topic item ("1.3. Về việc thống kê …") once: its
        # lines restate the rules ([decided, s15 fixU]). An item that names its own subject
        # ("Các tổ chức … có trách nhiệm …") is that subject's. The two tests differ as the golds
        # do: a letter's "Gửi báo cáo về Sở Y tế" keeps its report_to alone (fresh-scans U9c_513,
        # tests/test_charges_survey.py), while under "yêu cầu:" an item naming only a partner is
        # still the addressees' (5513abb); one "no lead" test changes the first.
        if addressees:
            _addressee_by_head(duty.units, addressees)
        asked_item = not asked_segments.isdisjoint(duty.segment_ids) and not any(u.role == "lead" for u in duty.units)
        # "Phối hợp (chặt chẽ) với X …" names the partner of a subject left unsaid: the letter's
        # addressees, as under a unit heading ([decided, duties2]; s17 dev cv4800 item 5, tb393
        # II.5: the gold gives the addressees lead, X cooperate).
        partnered = letter and _PARTNER_ONLY.match(fold(duty.text)) is not None \
            and not any(u.role == "lead" for u in duty.units)
        if addressees and ((letter and not duty.units) or asked_item or partnered) and not _OWN_SUBJECT.match(fold(duty.text)) \
                and not (duty.section or "").startswith(attached or ("\0",)):
            topic = next((t for t in topics if duty.section == t or (duty.section or "").startswith(t + ".")), None)
            if topic is None or topic not in charged_topics:
                _charge_addressees(duty, addressees)
                charged_topics.update([topic] if topic else [])
        if not any(u.role == "lead" for u in duty.units):
            duty.units.extend(UnitRole(u.name, "lead", explicit=False) for u in plan_lead)
    return duties, plan_lead


# A document names a body once in full and then by the short name it defines in a bracket:
# "Kiện toàn Ban Chỉ đạo Trung ương về <field> (gọi tắt là Ban Chỉ đạo)" (s15 dev qd798, four
# triples of its tasks article), "các Bộ, cơ quan ngang bộ, cơ quan khác ở trung ương (sau đây gọi
# là Bộ, cơ quan trung ương)" (s15 dev cv8388, a ministry's letter; the Government's resolutions
# define "các bộ, cơ quan, địa phương" so). The short name is the same body: it takes the full one.
_UNIT_ALIAS = re.compile(r"\(\s*(?:sau đây|dưới đây)?\s*(?:được\s+)?(?:gọi\s+(?:(?:tắt|chung)\s+)?|viết\s+tắt\s+)là\s*[:“\"]?\s*"
                         r"(?P<short>[^()“”\"]{2,80}?)\s*[”\"]?\s*\)", re.IGNORECASE)


# Generic members that may close the full name's list before the bracket ("…, cơ quan khác ở trung
# ương (sau đây gọi là …)").
_GENERIC_TAIL = re.compile(r"\s*(?:,|\bva)\s*(?:cac\s+)?(?:co quan|don vi|dia phuong|to chuc)\b[^()]{0,40}?\s*")
# A province's own document drops its name after the level word ([decided, kh165]).
_OWN_PLACE_END = re.compile(r"(?<=\s)(?P<level>tỉnh|thành phố)\s+[A-ZĐÀ-Ỹ]\S*(?:\s+[A-ZĐÀ-Ỹ]\S*){0,3}$")


def defined_unit_names(texts: Iterable[str], find: UnitFinder = _default_finder,
                       own_province: bool = False) -> dict[str, str]:
    """Short names the document defines for bodies (:data:`_UNIT_ALIAS`, "(sau đây) gọi (tắt) là
    Y", "viết tắt là Y"), folded, mapped to the full names; applied by :func:`expand_short_names`.

    Two ways to print the full name. A head noun phrase the short name begins ("Ban Chỉ đạo …
    về <field> (gọi tắt là Ban Chỉ đạo)"): the full name runs from the unit mention nearest before
    the bracket to the bracket, without the own province's name when ``own_province``; the words
    before the bracket must begin with the short name, so a bracket that abbreviates anything
    else (a resolution's own title) is left alone. Otherwise the unit named right before the
    bracket (a list may close on generic members, :data:`_GENERIC_TAIL`) is the full name and the
    bracket's words, read as a unit, the short one ("Bộ, cơ quan trung ương")."""
    out: dict[str, str] = {}
    for text in texts:
        if "gọi" not in text and "viết tắt" not in text:
            continue
        aliases = list(_UNIT_ALIAS.finditer(text))
        mentions = find(text) if aliases else []  # read once for all the brackets of the text
        for m in aliases:
            short = normalize_text(m.group("short").strip(" “”\"'"))
            before = [x for x in mentions if x.end <= m.start()]
            if before:
                full = normalize_text(text[max(before, key=lambda x: x.start).start : m.start()].strip(" ,"))
                if not re.search(r"[;:()]", full) and len(full) <= 200 and fold(full).startswith(fold(short) + " "):
                    out[fold(short)] = _OWN_PLACE_END.sub(lambda x: x.group("level"), full) if own_province else full
                    continue
            before = [x for x in find(text[: m.start()])
                      if not text[x.end : m.start()].strip() or _GENERIC_TAIL.fullmatch(fold(text[x.end : m.start()]))]
            if not before:
                continue
            # A short collective of weak nouns ("Bộ, cơ quan trung ương") is a unit after "các".
            names = [x.name for x in find(m.group("short"))] or [
                x.name for x in find("các " + re.sub(r"^(?:các|những)\s+", "", m.group("short"), flags=re.IGNORECASE))]
            name = names[0] if len(names) == 1 else None
            if name and name != before[-1].name:
                out[fold(name)] = before[-1].name
    return out


# A term for the bodies just listed that is no body's name: "Các Bộ, Ủy ban nhân dân cấp tỉnh
# (sau đây gọi là cơ quan có thẩm quyền)" (spent s16 held-out nq16-cp-2026: the term then charges
# 37 clauses, 143 of its gold roles). It begins with a class word; the bodies are the unit names
# read right before the bracket, joined by commas or "và".
_TERM_HEAD = re.compile(r"^(?:cac\s+)?(?:co quan|don vi|dia phuong|to chuc|ben)\b")
_LIST_JOIN = re.compile(r"^\s*(?:,|\bvà\b|;)?\s*(?:các\s+)?$")


def defined_unit_sets(texts: Iterable[str], find: UnitFinder = _default_finder) -> dict[str, list[str]]:
    """Terms the document defines for a list of bodies (:data:`_UNIT_ALIAS` after the list,
    :data:`_TERM_HEAD`) that find no unit of their own, as printed without "các", mapped to the
    bodies' names; the duties that charge the term charge each body (:func:`expand_short_names`).
    A term that is itself a unit ("(sau đây gọi tắt là các bộ, cơ quan, địa phương)") is a short
    name of :func:`defined_unit_names` instead."""
    out: dict[str, list[str]] = {}
    for text in texts:
        if "gọi" not in text:
            continue
        for m in _UNIT_ALIAS.finditer(text):
            short = re.sub(r"^(?:các|những)\s+", "", normalize_text(m.group("short")).strip(" “”\"'"),
                           flags=re.IGNORECASE)
            # A bare class word ("(sau đây gọi tắt là địa phương)" after "các bộ, cơ quan trung
            # ương và Ủy ban nhân dân các tỉnh, thành phố": s15 dev nq109) names the last member
            # only and is printed elsewhere in its own sense: a term has a qualifier.
            if len(short.split()) < 3 or not _TERM_HEAD.match(fold(short).lower()) or find(short) \
                    or find("các " + short):
                continue
            names: list[str] = []
            end = m.start()
            for x in sorted((x for x in find(text[: m.start()]) if x.end <= m.start()), key=lambda x: -x.start):
                if not _LIST_JOIN.match(text[x.end : end]):
                    break
                names.insert(0, x.name)
                end = x.start
            if names:
                out[short[0].lower() + short[1:]] = list(dict.fromkeys(names))
    return out


def _full_name(name: str, defined: dict[str, str]) -> str | None:
    """The full name ``defined`` (:func:`defined_unit_names`) gives a unit read as ``name``: its
    short name, or a longer prefix of the full name (a read cut inside it)."""
    key = fold(name)
    if key in defined:
        return defined[key]
    for short, full in defined.items():
        if key.startswith(short + " ") and fold(full).startswith(key):
            return full
    return None


def expand_short_names(duties: list[Duty], plan_lead: list[UnitRole],
                       defined: dict[str, str] | None = None, sets: dict[str, list[str]] | None = None) -> None:
    """One name per body across the document (:func:`one_name_per_body`): an office written
    in short ("Phòng QLĐT&CTHSSV") takes the full name the document gives it elsewhere, a
    short name the document defines (:func:`defined_unit_names`) its full name, and a term for
    a list of bodies (:func:`defined_unit_sets`) each body in the term's role. Run on all of a
    document's duties, table rows included (extract.document)."""
    if sets:
        for units in [d.units for d in duties] + [plan_lead]:
            units[:] = _first_of_each_role(
                [UnitRole(n, u.role, u.explicit, u.mention) for u in units for n in sets.get(u.name, [u.name])])
    if defined:
        for units in [d.units for d in duties] + [plan_lead]:
            units[:] = [UnitRole(full, u.role, u.explicit, u.mention) if (full := _full_name(u.name, defined)) else u
                        for u in units]
    names = [u.name for d in duties for u in d.units] + [u.name for u in plan_lead]
    mapping = one_name_per_body(names)
    known = set(names)
    for units in [d.units for d in duties] + [plan_lead]:
        _rejoin_merged(units, known)
    if not mapping:
        return
    for units in [d.units for d in duties] + [plan_lead]:
        units[:] = _first_of_each_role([UnitRole(mapping[u.name], u.role, u.explicit, u.mention)
                                        if u.name in mapping else u for u in units])


def _first_of_each_role(units: Iterable[UnitRole]) -> list[UnitRole]:
    """``units`` with a body kept once per role, at its first place (two names became one)."""
    kept: dict[tuple[str, str], UnitRole] = {}
    for u in units:
        kept.setdefault((u.name, u.role), u)
    return list(kept.values())


def _rejoin_merged(units: list[UnitRole], known: set[str]) -> None:
    """"Cục A và Cục B" of one role → the merged "Cục A và B" the document names (:func:`joint_body`)."""
    k = 0
    while k + 1 < len(units):
        a, b = units[k], units[k + 1]
        joint = joint_body(a.name, b.name, known) if a.role == b.role else None
        if joint is not None:
            units[k] = UnitRole(joint, a.role, a.explicit, a.mention)
            del units[k + 1]
        k += 1


# The numbered title of a project or scheme a list names ("Dự án 5: …", "Tiểu dự án 2 (Dự án 7):
# …", "Đề án 3 …"): a name, not a task with its own verb.
_PROJECT_TITLE = re.compile(r"^(?:Tiểu dự án|Dự án|Đề án|Tiểu đề án|Chương trình|Tiểu chương trình)"
                            r"\s+(?:\d{1,2}|[IVX]{1,4})\b", re.IGNORECASE)
# A duty whose verb takes the list below it as its object ("… trình HĐND tỉnh quyết định:" over
# "- Phương án phân bổ vốn …", "… nền tảng quốc gia, bao gồm:" over "- Nền tảng quản lý dược;"):
# the bullets are what is decided or built, not tasks of their own (GUIDELINES-real.md).
_OBJECT_LIST = re.compile(r"\b(?:quyet dinh|phe duyet|ban hanh|bao gom|gom)\s*:\s*$")
_ARTICLE_ID = re.compile(r"(?:^|\.)D\d+$")
_NORMATIVE_TYPES = frozenset({"luat", "bo luat", "nghi dinh", "thong tu", "thong tu lien tich", "phap lenh"})


# Labelled fields that complete a task written out as lines, the columns of a duty table in
# prose ("- Cơ quan chủ trì: Sở X.", "- Cơ quan phối hợp: …", "- Thời gian hoàn thành: Quý IV/2026.",
# "- Sản phẩm: …"), on folded text. Several may share a line ("Chủ trì: Sở X; phối hợp: Sở Y.").
# Party programmes close each group of bullets with the bodies that direct it ("Trách nhiệm chỉ
# đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh; các cấp ủy, tổ chức đảng.", nine groups of the
# spent s14 held-out ctr104 of a provincial Party committee): a lead field over those bullets.
_FIELD = re.compile(
    r"(?:^|(?<=[;.])\s*)\W*(?P<label>(?:(?:co quan|don vi|trach nhiem)\s+(?:chi dao\s+)?)?(?:chu tri|phoi hop|thuc hien)"
    r"(?:\s+thuc hien)?"
    # "Thời hạn ban hành", "Thời hạn trình": the legislative plans' time of a draft.
    r"|thoi (?:gian|han)(?:\s+(?:thuc hien|hoan thanh|trien khai|ban hanh|trinh))?|tien do"
    r"|san pham(?:\s+dau ra)?|ket qua(?:\s+dau ra)?|kinh phi(?:\s+thuc hien)?|nguon (?:von|kinh phi))\s*:\s*")


_CONTENT_LABEL = re.compile(r"^\W*(?:Nội dung|NỘI DUNG)(?: (?:thực hiện|công việc|nhiệm vụ))?\s*:\s*(?=\w)")


# A task line's own last day ("chậm nhất ngày 10/12/2025", "trước ngày 20/02/2026"), folded.
_OWN_LAST_DAY = re.compile(r"\b(?:cham nhat|truoc|han chot)\s+(?:vao\s+)?ngay\s+\d")


def _fields(text: str) -> list[tuple[str, str]] | None:
    """(role, value) of each labelled field of a line that holds only fields, else None; role is
    ``lead``, ``cooperate``, ``time``, ``product`` or ``budget``."""
    folded = fold(text)
    found = list(_FIELD.finditer(folded))
    if not found or found[0].start() > 3:
        return None
    out: list[tuple[str, str]] = []
    for m, nxt in zip(found, [*found[1:], None], strict=True):
        value = text[m.end() : nxt.start() if nxt else len(text)].strip(" ;.\t")
        label = m.group("label")
        role = ("time" if label.startswith(("thoi", "tien do")) else "cooperate" if "phoi hop" in label
                else "product" if label.startswith(("san pham", "ket qua"))
                else "budget" if label.startswith(("kinh phi", "nguon")) else "lead")
        out.append((role, value))
    return out


# A requirement on the task, not a task: "- Bảo đảm thống nhất với …", "- Các văn bản … phải thể
# hiện rõ …", "- Nguyên tắc tổ chức: …" (a labelled line other than the fields).
_REQUIREMENT_LINE = re.compile(r"^(?:bao dam|dam bao)\b|^[^.;:]{0,100}?\bphai\b|^[^.;:,]{2,40}:\s")


def _content_cell(run: list[Duty], section: Section | None, bullet_ids: set[str],
                  duties: list[Duty]) -> list[Duty]:
    """The tasks a field block completes, when the item's numbered line states the task and dash
    lines that state requirements stand between it and the fields (:data:`_REQUIREMENT_LINE`):
    they are the content cell's requirements of that one task ("1.2. Xây dựng kế hoạch …" ⏎ "- Bảo đảm đúng quy định …" ⏎
    "- Thời gian hoàn thành: …" ⏎ "- Đơn vị chủ trì: …"), not tasks of their own: they are
    dropped from ``duties`` and the item's line stays the one duty ([decided, s13 adj] an item of
    labelled fields is one duty; [decided, s18 fixAK]: s17 dev kh16-mttq, its blind gold one duty
    for each of its 15 such items, the system two or three). ``run`` is latest first; under "a)
    Nhiệm vụ:" the bullets are the tasks (no numbered line states one) and ``run`` is kept."""
    first = run[-1]
    if (section is None or len(run) < 2 or (first.segment_id or "") in bullet_ids
            or fold(first.text)[:40] != fold(section.heading)[:40]):
        return run
    # A line that names a body of its own ("- Phối hợp với Ủy ban nhân dân xã … tổ chức …")
    # charges it: it stays a duty, as a "+" line with its own verb does in the content field.
    dropped = {id(duty) for duty in run[:-1]
               if (duty.segment_id or "") in bullet_ids and not duty.units and duty.deadline is None
               and _REQUIREMENT_LINE.search(fold(duty.text.lstrip("-+•* ")))}
    if not dropped:
        return run
    duties[:] = [duty for duty in duties if id(duty) not in dropped]
    return [duty for duty in run if id(duty) not in dropped]


def _unfielded_siblings(earlier: list[Duty], node: str | None, node_segments: dict[str | None, set[str]],
                        fielded: set[int]) -> list[Duty]:
    """The duties of the sibling items just before ``node`` that print no fields and name no lead.

    "1.1. Biên soạn …" "1.2. Tổ chức …" then "- Cơ quan thực hiện: …", "- Thời gian thực hiện: …":
    the block after the last item of a run closes the run, as a line naming who directs a group of
    bullets does ([decided, s16 fixC]; [decided, s17 fixX1]: the s16 held-out ctr435 gold, written
    blind, reads II.1.1 and II.3.1-3.3 so, and the time cell of II.1.2 singles out the content of
    II.1.1). An item that names its own lead ("2.1. Sở Tài chính bố trí …") or has fields of its
    own ends the run. So does a duty whose own words give its time ("+ Đợt 1: Trong khoảng
    thời gian từ ngày … đến ngày …" under the item before, s17 dev kh-mttq-baccamranh III.2: the
    next item's time field overwrote its three phases' own last days).
    """
    if not node or "." not in node:
        return []
    parent = node.rsplit(".", 1)[0]
    node_of = {sid: n for n, sids in node_segments.items() for sid in sids}
    out: list[Duty] = []
    for duty in reversed(earlier):
        at = node_of.get(duty.segment_id or "")
        if (id(duty) in fielded or not at or at == node or at.rsplit(".", 1)[0] != parent
                or any(u.role == "lead" for u in duty.units) or duty.deadline is not None):
            break
        out.append(duty)
    return out


def _apply_fields(duty: Duty, fields: list[tuple[str, str]], find: UnitFinder) -> None:
    """Put the fields of a task's lines on its duty (units with the field's role, deadline,
    product), as the columns of a duty table would be.

    A lead field may be a sentence of its own ("- Cơ quan thực hiện: Sở X chủ trì tham mưu
    Ủy ban nhân dân tỉnh ban hành …; Sở Y … chủ động triển khai"; 2025 plans of TP Hồ Chí Minh
    print every item so): a unit its words make the addressee or a partner keeps that role,
    not the field's (the committee was read as a lead). The units of the lead field monitor when
    the task is an inspection ("2. Tổ chức kiểm tra việc thi hành …" over its fields), as a
    table row's lead does when its task cell says so.
    """
    inspects = bool(_MONITOR_VERBS.search(fold(duty.text)))
    for role, value in fields:
        if role in ("lead", "cooperate"):
            if role == "lead" and duty.recurring is None:
                # "- Cơ quan thực hiện: Sở X rà soát …; các sở tiếp tục rà soát, cập nhật định kỳ":
                # a frequency in any sentence of the item qualifies its task ([decided, adjud];
                # s13 kh7360 II.2 printed it only in this field).
                duty.recurring = find_deadline(value)[2]
            said = roles_in_text(value, find) if role == "lead" else []
            for m in _as_printed(value, sorted(find(value), key=lambda x: x.start)):
                own = {u.role for u in said if u.name == m.name}
                roles = [role]
                if own and "lead" not in own and own & {"report_to", "cooperate"}:
                    roles = sorted(own & {"report_to", "cooperate"})
                if role == "lead" and roles == ["lead"] and (inspects or "monitor" in own):
                    roles.append("monitor")
                for r in roles:
                    if not any(u.name == m.name and u.role == r for u in duty.units):
                        duty.units.append(UnitRole(m.name, r, True, value[m.start : m.end]))
        elif role == "time":
            # The field is the time column of a duty table printed as a line: read as its cell
            # ("Quý IV/2026" on its own, "2026 - 2030" by its end, "Quý IV/2025 và Quý I/2026"
            # by the last: s17 dev kh16-mttq II.2.1 was due by the first).
            deadline, words, recurring, _year = time_cell(value)
            if deadline is not None and duty.deadline is not None and _OWN_LAST_DAY.search(fold(duty.text)):
                # "(2) Tổ chức hiệp thương lần thứ hai: Chậm nhất ngày 03/02/2026" over the item's
                # field "Thời gian hoàn thành: Quý I/2026": the line's own last day stands.
                continue
            if deadline or words or recurring:
                # The field says when the task is due; a year in the task's words is more often the
                # horizon of a programme it names ("Đề án … đến năm 2035") than its deadline.
                duty.deadline, duty.deadline_text = deadline, words
                duty.recurring = recurring or duty.recurring
        elif role == "product" and value:
            duty.product = value
        # A budget line ("Kinh phí: ngân sách tỉnh") names a source, not a unit: nothing to add.


def _bullet_marker(raw: str | None) -> str | None:
    """The mark a bullet is printed with ("-", "+", "•"), markdown emphasis aside."""
    m = re.match(r"^[\s*_]*([-–—+•·]|\(\d{1,2}\))", raw or "")
    return m.group(1) if m else None


bullet_marker = _bullet_marker  # public: extract.document reads bullet lead-ins the same way


def _below(node: str | None, ancestor: str | None) -> bool:
    """Whether outline node ``node`` lies strictly under ``ancestor`` (ids are dotted paths)."""
    return bool(node and ancestor and node.startswith((ancestor + ".", ancestor + ":")))


# A lettered/numbered item printed without a final stop and with nothing under it is read by
# the outline as a heading ("b) Đẩy mạnh số hóa hoạt động quản lý, cung cấp dịch vụ công trực
# tuyến … trên môi trường mạng", kh144 VI.11.b). When it is a full task phrase — long, no body,
# no sub-items — it is a leaf item of the part and so a duty; a short title ("a) Thể chế") is not.
_TASK_HEADING_WORDS = 10


def _task_sentence_headings(document: Document, sections: dict[str, Section]) -> set[str]:
    parents = {s.parent for s in document.sections if s.parent}
    with_body = {seg.section_node for seg in document.segments if seg.searchable}
    out: set[str] = set()
    for seg in document.segments:
        node = seg.section_node
        if seg.kind != "heading" or not node or node not in sections or node in parents or node in with_body:
            continue
        path = _ancestors(sections, node)
        # "9. Giao Phó Thủ tướng X trực tiếp chỉ đạo …" closing a telegram that has no parts: the
        # item charges by its own word, whatever part (s17 cd119 item 9, no duty before).
        charged = bool(_CHARGING_HEADING.match(fold(seg.text).lower()))
        if not path or (path[-1].part not in ("tasks", "organisation") and not charged) \
                or sections[node].kind == "part":
            continue
        if len(seg.text.split()) >= _TASK_HEADING_WORDS and not seg.text.rstrip().endswith(":"):
            out.add(seg.id)
    return out


def _plan_lead(org_duties: list[tuple[Duty, list[Section]]],
               inherited: Callable[[Sequence[Section]], list[UnitRole]]) -> list[UnitRole]:
    """The unit charged with the whole plan: the lead of the organisation part's first item.

    The item's heading ("1. Giao Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo") names it when it
    can; otherwise the leads of the item's first duty ("1. Sở Lao động ... chủ trì ...").
    """
    if not org_duties:
        return []
    # The top-level "Tổ chức thực hiện" part speaks for the whole plan; an organisation item
    # inside a task part ("III.2. Phân công trách nhiệm") assigns tasks.
    org_duties = sorted(org_duties, key=lambda dp: not (dp[1] and dp[1][0].part == "organisation"))
    duty, path = org_duties[0]
    for candidate, cpath in org_duties:
        # A named body charged with following the whole plan ("Sở X là cơ quan thường trực",
        # "Sở X chủ trì theo dõi, đôn đốc … việc thực hiện Kế hoạch") is its lead even when the
        # part opens with the collectives (kh556: "1. Căn cứ Kế hoạch này, các sở, ban, ngành …").
        # A party inspection committee ("Ủy ban Kiểm tra Tỉnh ủy … kiểm tra, giám sát việc thực
        # hiện") inspects the plan as its standing function; it does not carry the plan (party
        # plans of the session-12 survey close with it after the bodies that carry the plan).
        named = [u for u in candidate.units if u.role == "lead" and u.explicit
                 and not u.name[:1].islower() and "," not in u.name
                 and not u.name.startswith("Ủy ban Kiểm tra")]
        if named and _FOLLOWS_PLAN.search(fold(candidate.text)):
            duty, path = candidate, cpath
            break
    from_heading = inherited(path[:2])
    source = from_heading or [u for u in duty.units if u.role == "lead" and u.explicit]
    leads: list[UnitRole] = []
    for u in source:
        if all(x.name != u.name for x in leads):
            leads.append(UnitRole(u.name, "lead", explicit=True))
    return leads
