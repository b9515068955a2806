"""A change of surface form that keeps the content must keep what is extracted.

Each test writes one short plan (text written here, not taken from a real document) in two
surface forms another crawler, province or file format would give, parses both with the real
pipeline and compares. ``evaluation/robustness_eval.py`` measures the same on the development
plans.
"""

from __future__ import annotations

import sys
from pathlib import Path

from chinhsach import parse
from chinhsach.structure.metadata import issuer_name

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "evaluation"))
import robustness_eval  # noqa: E402  (an evaluation script, not a package module)

_HEADER = """ỦY BAN NHÂN DÂN
TỈNH LAO CAI

Số: 12/KH-UBND

Lào Cai, ngày 3 tháng 4 năm 2031

KẾ HOẠCH
Phát triển thư viện số

I. MỤC ĐÍCH, YÊU CẦU

Bảo đảm thư viện số của tỉnh vận hành ổn định.

"""

# Headings whose marker sits alone on its line, as a crawled page prints "**1.\nSở Y tế**"
# once the bold marks are gone.
_TASKS_BARE_MARKERS = """II.
NHIỆM VỤ CỤ THỂ

1.
Sở Văn hóa, Thể thao và Du lịch

a) Chủ trì xây dựng kho dữ liệu số của thư viện tỉnh, hoàn thành trong quý III/2032.

2.
Sở Tài chính

a) Tham mưu bố trí kinh phí thực hiện Kế hoạch.
"""

_TASKS_BOLD = """**II.
NHIỆM VỤ CỤ THỂ**

**1.
Sở Văn hóa, Thể thao và Du lịch**

a) Chủ trì xây dựng kho dữ liệu số của thư viện tỉnh, hoàn thành trong quý III/2032.

**2.
Sở Tài chính**

a) Tham mưu bố trí kinh phí thực hiện Kế hoạch.
"""


def _outline_and_units(path: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    doc = parse(path)
    sections = [(s.id, s.heading) for s in doc.sections]
    units = sorted((d.section, u.name, u.role) for d in doc.duties for u in d.units)
    return sections, units


def test_outline_marker_alone_on_its_line_heads_the_next_line(tmp_path: Path) -> None:
    bold = tmp_path / "bold.md"
    bold.write_text(_HEADER + _TASKS_BOLD, encoding="utf-8")
    plain = tmp_path / "plain.md"
    plain.write_text(_HEADER + _TASKS_BARE_MARKERS, encoding="utf-8")
    sections, units = _outline_and_units(plain)
    assert ("II.1", "Sở Văn hóa, Thể thao và Du lịch") in sections
    assert ("II.2", "Sở Tài chính") in sections
    assert any(s == "II.1.a" and n.startswith("Sở Văn hóa") for s, n, _ in units)
    assert (sections, units) == _outline_and_units(bold)


def test_province_ending_in_a_body_word_is_not_split_as_parent_and_child() -> None:
    # "PHÒNG" is also a department ("Phòng Tư pháp"); in "HẢI PHÒNG" it is part of the place.
    assert issuer_name("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG") == "Ủy ban nhân dân thành phố Hải Phòng"
    assert issuer_name("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG SỞ Y TẾ") == "Sở Y tế thành phố Hải Phòng"
    assert issuer_name("UBND TỈNH LAI CHÂU SỞ Y TẾ") == "Sở Y tế tỉnh Lai Châu"


_DUTY_ONE_LINE = """1. Sở Văn hóa, Thể thao và Du lịch

a) Chủ trì tổ chức thực hiện Tiểu dự án 2 (thuộc Dự án 5: “Phát triển văn hóa đọc”) trên địa bàn tỉnh; báo cáo kết quả về Ủy ban nhân dân tỉnh trong tháng 10/2031.
"""

_DUTY_WRAPPED_AT_COLON = """1. Sở Văn hóa, Thể thao và Du lịch

a) Chủ trì tổ chức thực hiện Tiểu dự án 2 (thuộc Dự án 5:
“Phát triển văn hóa đọc”) trên địa bàn tỉnh; báo cáo kết
quả về Ủy ban nhân dân tỉnh trong tháng 10/2031.
"""


def _duties(path: Path) -> list[tuple[str, str, str | None, list[tuple[str, str]]]]:
    doc = parse(path)
    return [(d.section, d.text, d.deadline, sorted((u.name, u.role) for u in d.units)) for d in doc.duties]


def test_a_line_wrapped_inside_brackets_continues_its_sentence(tmp_path: Path) -> None:
    # A narrower page wraps after the colon inside "(thuộc Dự án 5: …)": still one duty.
    one = tmp_path / "one.md"
    one.write_text(_HEADER + "II. NHIỆM VỤ\n\n" + _DUTY_ONE_LINE, encoding="utf-8")
    wrapped = tmp_path / "wrapped.md"
    wrapped.write_text(_HEADER + "II. NHIỆM VỤ\n\n" + _DUTY_WRAPPED_AT_COLON, encoding="utf-8")
    duties = _duties(wrapped)
    assert len(duties) == 1
    assert duties[0][2] == "2031-10-31"
    assert duties == _duties(one)


def test_a_province_ends_a_named_body_whatever_province_it_is() -> None:
    # "nguyên chủ" is a dictionary word: "Thái Nguyên chủ động" must still end at the province,
    # as "Đồng Nai chủ động" does.
    from chinhsach.extract.units import find_units

    for place in ("Đồng Nai", "Thái Nguyên", "Hải Phòng", "Lạng Sơn"):
        names = [m.name for m in find_units(f"Báo và Phát thanh, Truyền hình {place} chủ động phối hợp với các sở.")]
        assert f"Báo và Phát thanh, Truyền hình {place}" in names
        assert not any(n.endswith(" chủ") for n in names)


def test_a_clause_mark_at_the_right_margin_does_not_end_the_paragraph() -> None:
    # Text hard-wrapped at 60 columns: a ";" on a line that reaches the margin is a wrap, a
    # ";" on a short line still ends its line's clause as before.
    import textwrap

    from chinhsach.text.normalize import paragraphs

    filler = textwrap.wrap("Tổ chức các hội chợ, triển lãm giới thiệu sản phẩm đặc trưng của các địa "
                           "phương trong và ngoài tỉnh. " * 12, width=60)
    full = "Xây dựng các phóng sự, tin bài quảng bá, giới thiệu sản phẩm;"
    assert len(full) >= 0.85 * max(len(x) for x in filler)
    nxt = "Xây dựng các chuyên mục phổ biến quy trình sản xuất an toàn."

    # A blank line is a gap before the next line, as the text reader marks it.
    assert paragraphs(_source_lines([full, nxt, "", *filler]))[0].text == f"{full} {nxt}"
    assert paragraphs(_source_lines(["Tuyên truyền;", nxt, "", *filler]))[0].text == "Tuyên truyền;"


def test_an_amount_or_a_list_number_at_a_line_edge_does_not_break_the_paragraph() -> None:
    # Re-wrapped text puts "155.000 tấn;" at a line start (an amount, not a "2.1" heading) and
    # "(2)" at a line end (the next member's number, not a sentence end).
    from chinhsach.model import Provenance, SourceLine
    from chinhsach.text.normalize import paragraphs, starts_block

    assert not starts_block("155.000 tấn; tổng giá trị xuất khẩu")
    assert not starts_block("1.250.000 đồng")
    assert starts_block("2.1 Thương mại điện tử") and starts_block("3.2.1 Nội dung")

    def lines(texts: list[str]) -> list[SourceLine]:
        return [SourceLine(text=t, prov=Provenance(file="t.txt", page=None, line=i + 1))
                for i, t in enumerate(texts)]

    amount = paragraphs(lines(["+ Tổng sản phẩm chè xuất khẩu đến năm 2035 đạt trên",
                               "155.000 tấn; giá trị đạt trên 70 triệu USD."]))
    assert len(amount) == 1
    members = paragraphs(lines(["Ba trụ cột: (1) Công nghiệp công nghệ cao; (2)",
                                "Nông nghiệp công nghệ cao; (3) Dịch vụ số."]))
    assert len(members) == 1


def test_letter_items_printed_a_dot_are_items_like_a_paren(tmp_path: Path) -> None:
    paren = tmp_path / "paren.md"
    paren.write_text(_HEADER + _TASKS_BARE_MARKERS, encoding="utf-8")
    dot = tmp_path / "dot.md"
    dot.write_text(_HEADER + _TASKS_BARE_MARKERS.replace("a) ", "a. "), encoding="utf-8")
    assert ("II.1.a", "Chủ trì xây dựng kho dữ liệu số của thư viện tỉnh, …") in _outline_and_units(dot)[0]
    assert _outline_and_units(dot) == _outline_and_units(paren)


def test_place_date_line_in_figures_gives_the_date(tmp_path: Path) -> None:
    from chinhsach.structure.metadata import read_date

    assert read_date("Lào Cai, ngày 3/4/2031") == ("2031-04-03", "Lào Cai")
    assert read_date("Lào Cai, ngày 03-04-2031") == ("2031-04-03", "Lào Cai")
    words = tmp_path / "words.md"
    words.write_text(_HEADER + _TASKS_BARE_MARKERS, encoding="utf-8")
    figures = tmp_path / "figures.md"
    figures.write_text((_HEADER + _TASKS_BARE_MARKERS).replace("ngày 3 tháng 4 năm 2031", "ngày 3/4/2031"),
                       encoding="utf-8")
    assert parse(figures).meta.date == parse(words).meta.date == "2031-04-03"


def test_a_footnote_after_the_signature_is_its_own_paragraph_without_a_blank_line() -> None:
    from chinhsach.model import Provenance, SourceLine
    from chinhsach.text.normalize import paragraphs

    texts = ["Nguyễn Văn An", "[1] Chương trình số 30-CTr/TU ngày 29/12/2027 của Thành ủy",
             "về công tác dân số."]
    out = paragraphs([SourceLine(text=t, prov=Provenance(file="t.txt", page=None, line=i + 1))
                      for i, t in enumerate(texts)])
    assert [p.text for p in out] == ["Nguyễn Văn An",
                                     "[1] Chương trình số 30-CTr/TU ngày 29/12/2027 của Thành ủy về công tác dân số."]


def _source_lines(texts: list[str]) -> list:
    """Source lines of a plain text: a blank entry marks a gap before the next line."""
    from chinhsach.model import Provenance, SourceLine

    out, gap = [], False
    for i, t in enumerate(texts):
        if not t:
            gap = True
            continue
        out.append(SourceLine(text=t, prov=Provenance(file="t.txt", page=None, line=i + 1), gap_before=gap))
        gap = False
    return out


# Filler paragraphs hard-wrapped at 70 columns, each opened by an item marker, so that the
# reader measures the right margin (a law portal's plain page re-wraps every paragraph there).
def _filler(blank_lines: bool) -> list[str]:
    import textwrap

    out: list[str] = []
    for n in range(8):
        if blank_lines:
            out.append("")
        out.extend(textwrap.wrap(f"- Nội dung thứ {n + 1}: tổ chức các lớp bồi dưỡng kỹ năng số cho cán bộ, "
                                 "công chức cấp xã và người dân ở các thôn, tổ dân phố trên địa bàn, bảo "
                                 "đảm chất lượng và tiết kiệm.", width=70))
    return out


def test_a_heading_line_short_of_the_margin_ends_there_in_text_without_blank_lines() -> None:
    # A law portal's plain page: no bold, no blank lines, every paragraph wrapped at 70. A unit
    # heading that stops short of the margin ended its line; its first sentence opens in
    # capitals with any word, not only a duty's verb ("Căn cứ", "Theo chức năng").
    from chinhsach.text.normalize import paragraphs

    heading = "16. Các sở, ban, ngành thành phố"
    body = "Căn cứ chức năng, nhiệm vụ được giao, xây dựng kế hoạch cụ thể để triển"
    paras = paragraphs(_source_lines([*_filler(False), heading, body, "khai thực hiện."]))
    assert [p.text for p in paras[-2:]] == [heading, f"{body} khai thực hiện."]
    # A duty cut short by a page break in crawled text whose blank lines mark the paragraphs'
    # ends goes on ("a) Củng cố và vận hành hiệu quả" / "Ban Chỉ đạo …").
    cut = "a) Tổ chức rà soát, kiện toàn"
    paras = paragraphs(_source_lines([*_filler(True), "", cut, "Ban Chỉ đạo chuyển đổi số của tỉnh."]))
    assert paras[-1].text == f"{cut} Ban Chỉ đạo chuyển đổi số của tỉnh."


def test_a_sentence_ending_at_the_right_margin_does_not_end_the_paragraph() -> None:
    # Re-wrapped text puts a sentence's full stop at a line's end; the next sentence of the same
    # paragraph opens the next line in capitals. With blank lines between paragraphs, a line at
    # the margin is a wrap; without them, only a line the next word could not have joined.
    from chinhsach.text.normalize import paragraphs

    first = "- Tăng cường kiểm tra, giám sát việc thực hiện các chính sách hỗ trợ."
    assert len(first) >= 68
    second = "Hoàn thành việc rà soát trước ngày 30/6/2031."
    for blank in (True, False):
        paras = paragraphs(_source_lines([*_filler(blank), first, second]))
        assert paras[-1].text == f"{first} {second}", blank
    # A short line that ends a sentence still ends its paragraph in text without blank lines.
    paras = paragraphs(_source_lines([*_filler(False), "- Rà soát danh sách.", second]))
    assert paras[-1].text == second


def _indent_cut(paragraph: str, first: int = 30, width: int = 85) -> list[str]:
    """A paragraph as a law portal's plain page prints it: the first line cut short where the
    first-line indent stood, the rest wrapped at the margin (robustness_eval's portal-indent)."""
    return robustness_eval._indent_wrap(paragraph.split(), first, width)


def test_a_short_first_line_says_nothing_where_every_first_line_is_cut() -> None:
    # thuvienphapluat / thuviennhadat plain pages (and the crawled development plans) cut each
    # paragraph's first line after about 30 characters; a line longer than that never opens a
    # paragraph, and a heading's short first line does not end the heading. Layout seen in 7
    # portal pages, e.g. thuvienphapluat.vn/van-ban/The-thao-Y-te/Ke-hoach-711-KH-UBND-2023-phan-
    # vung-benh-ky-sinh-trung-thuong-gap-Bac-Kan-2023-2025-584075.aspx.
    from chinhsach.text.normalize import paragraphs

    filler = [line for n in range(8) for line in _indent_cut(
        f"- Nội dung thứ {n + 1}: tổ chức các lớp bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã "
        "và người dân ở các thôn, tổ dân phố trên địa bàn, bảo đảm chất lượng và tiết kiệm.")]
    towns = _indent_cut("5. Ủy ban nhân dân các xã: Tân Lập, Hòa Bình, Phú Mỹ, Đông Hưng và Thạnh Phú", first=27)
    assert towns[0].endswith(":")
    bank = _indent_cut("7. Ngân hàng Nhà nước khu vực IX", first=29)
    assert bank[1] == "IX"
    duty = _indent_cut("Chủ động hướng dẫn các tổ chức tín dụng trên địa bàn triển khai các giải pháp "
                       "thanh toán không dùng tiền mặt.")
    paras = [p.text for p in paragraphs(_source_lines([*filler, *towns, *bank, *duty]))]
    assert paras[-3:] == ["5. Ủy ban nhân dân các xã: Tân Lập, Hòa Bình, Phú Mỹ, Đông Hưng và Thạnh Phú",
                          "7. Ngân hàng Nhà nước khu vực IX", " ".join(duty)]


def test_a_long_heading_then_a_duty_verb_in_capitals_is_heading_and_first_item() -> None:
    # A heading that assigns the duty to a body with a long name stops near the margin, so only
    # the verb in capitals under it tells that the heading ended (the seed plan's "1. Giao Ban
    # cán sự đảng … chỉ đạo" / "Xây dựng kế hoạch …" on a portal's plain page).
    from chinhsach.text.normalize import paragraphs

    heading = "2. Giao Ban Thường vụ Đảng ủy Sở Nội vụ và Sở Tài chính chỉ đạo"
    assert len(heading.split()) > 12 and len(heading) > 0.7 * 70
    duty = "Xây dựng kế hoạch thực hiện, phân công nhiệm vụ cụ thể cho từng phòng."
    paras = paragraphs(_source_lines([*_filler(False), heading, duty]))
    assert [p.text for p in paras[-2:]] == [heading, duty]


_REPEATED_PART = """II. {p1}

1. Bảo đảm thư viện số của tỉnh vận hành ổn định.

III. {p2}

1. Sở Văn hóa, Thể thao và Du lịch

a) Chủ trì xây dựng kho dữ liệu số của thư viện tỉnh, hoàn thành trong quý III/2032.

III. {p3}

1. Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch.
"""


def test_a_repeated_part_number_in_sentence_case_is_the_next_part(tmp_path: Path) -> None:
    # Offices that print their parts in sentence case ("I. Mục đích, yêu cầu": Kon Tum's
    # 2516/KH-UBND, luatminhkhue.vn/ke-hoach-2516-kh-ubnd-nam-2014-…) misnumber them as others
    # do ("III." twice); the second is the next part in either case, not an item of the first.
    caps = tmp_path / "caps.md"
    caps.write_text(_HEADER + _REPEATED_PART.format(p1="MỤC TIÊU", p2="NHIỆM VỤ CỤ THỂ",
                                                    p3="TỔ CHỨC THỰC HIỆN"), encoding="utf-8")
    sentence = tmp_path / "sentence.md"
    sentence.write_text(_HEADER + _REPEATED_PART.format(p1="Mục tiêu", p2="Nhiệm vụ cụ thể",
                                                        p3="Tổ chức thực hiện"), encoding="utf-8")
    caps_sections, caps_units = _outline_and_units(caps)
    sentence_sections, sentence_units = _outline_and_units(sentence)
    assert [s for s, _ in sentence_sections] == [s for s, _ in caps_sections]
    assert "III~2" in [s for s, _ in caps_sections]
    assert sentence_units == caps_units


def test_a_cut_first_line_after_a_sentence_at_the_margin_opens_a_paragraph() -> None:
    # Where every first line is cut short, a short line under a sentence that ended at the
    # margin is the next paragraph's first line, not the sentence's wrap (kh182's closing
    # "Đồng thời, giao Công an tỉnh chủ" / "trì, …" read without blank lines).
    from chinhsach.text.normalize import paragraphs

    filler = [line for n in range(8) for line in _indent_cut(
        f"- Nội dung thứ {n + 1}: tổ chức các lớp bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã "
        "và người dân ở các thôn, tổ dân phố trên địa bàn, bảo đảm chất lượng và tiết kiệm.")]
    last = ["3. Sở Tài chính tham mưu bố",
            "trí kinh phí thực hiện các nhiệm vụ của Kế hoạch theo phân cấp ngân sách hiện hành và",
            "hướng dẫn các đơn vị thanh quyết toán kinh phí thực hiện đúng quy định của pháp luật."]
    assert len(last[-1]) + 1 + len("Trong") > 85
    closing = _indent_cut("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị "
                          "báo cáo về Sở Nội vụ để tổng hợp.")
    paras = [p.text for p in paragraphs(_source_lines([*filler, *last, *closing]))]
    assert paras[-1] == " ".join(closing)


def test_a_heading_shorter_than_the_first_line_cut_is_a_whole_paragraph() -> None:
    # Where first lines are cut at about 30 characters, a heading that stops well before the cut
    # in sentence case ("VII. Chế độ báo cáo") ended there: the next word would have fitted.
    from chinhsach.text.normalize import paragraphs

    filler = [line for n in range(8) for line in _indent_cut(
        f"- Nội dung thứ {n + 1}: tổ chức các lớp bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã "
        "và người dân ở các thôn, tổ dân phố trên địa bàn, bảo đảm chất lượng và tiết kiệm.")]
    body = _indent_cut("Các cơ quan, đơn vị được giao nhiệm vụ báo cáo kết quả thực hiện về Sở Nội vụ "
                       "trước ngày 15 tháng 12 hằng năm.")
    paras = [p.text for p in paragraphs(_source_lines([*filler, "V. Chế độ báo cáo", *body]))]
    assert paras[-2:] == ["V. Chế độ báo cáo", " ".join(body)]


def test_a_dash_line_too_long_to_open_a_paragraph_continues_where_first_lines_are_cut() -> None:
    # "8. Ngân hàng Nhà nước Việt Nam" / "- Chi nhánh Khu vực II: Chủ trì, …": where every first
    # line is cut short, a dash line longer than the cut is the wrap of a compound name, even
    # with a capital after the dash (kh179 and qd2954 as crawled: "2026" / "- 2030").
    from chinhsach.text.normalize import paragraphs

    filler = [line for n in range(8) for line in _indent_cut(
        f"- Nội dung thứ {n + 1}: tổ chức các lớp bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã "
        "và người dân ở các thôn, tổ dân phố trên địa bàn, bảo đảm chất lượng và tiết kiệm.")]
    unit = ["4. Ngân hàng Nhà nước Việt Nam",
            "- Chi nhánh Khu vực IX: Chủ trì hướng dẫn các tổ chức tín dụng thực hiện các giải pháp",
            "thanh toán không dùng tiền mặt."]
    short_dash = _indent_cut("- Tổ chức tuyên truyền về thanh toán không dùng tiền mặt cho người dân.")
    paras = [p.text for p in paragraphs(_source_lines([*filler, *unit, *short_dash]))]
    assert paras[-2:] == [" ".join(unit), " ".join(short_dash)]


def test_a_range_wrapped_at_its_dash_stays_one_sentence() -> None:
    # "tốc độ tăng bình quân 05" / "- 06%/năm", "giai đoạn 2026" / "- 2030": a line that ends
    # on a bare number has not ended its sentence; the dash under it closes the range.
    from chinhsach.text.normalize import paragraphs

    first = "+ Giá trị xuất khẩu cà phê đến năm 2030 đạt 40 triệu USD, tốc độ tăng bình quân 05"
    paras = paragraphs(_source_lines([first, "- 06%/năm; thị trường chính là châu Âu."]))
    assert [p.text for p in paras] == [f"{first} - 06%/năm; thị trường chính là châu Âu."]
    # The range's first number at a line's start is no "3 -" item marker either.
    from chinhsach.text.normalize import starts_block

    assert not starts_block("05 - 07%/năm. Thị trường định hướng") and starts_block("3 - Sở Y tế")
    paras = paragraphs(_source_lines(["+ Giá trị xuất khẩu chè đạt 12 triệu USD, tốc độ tăng bình quân",
                                      "05 - 07%/năm."]))
    assert len(paras) == 1
    # A dash item under a finished sentence is still an item.
    paras = paragraphs(_source_lines(["+ Sản lượng đạt 2.000 tấn.", "- 2031: hoàn thành kho lạnh."]))
    assert len(paras) == 2
