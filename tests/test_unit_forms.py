"""Unit names by FORM of naming (evaluation/unit_audit.py counts them on real text).

One case per form, each a short sentence written for the test in the shape the audit met in
real plans and statutes (no document sentence is copied). The expected names follow
GUIDELINES-real.md: collectives are one unit without "các", a level word stays, the province
name goes after a level word, "Chủ tịch Ủy ban nhân dân X" and "Thủ tướng Chính phủ" are units
of their own, other titles stand for their body.
"""

from __future__ import annotations

import pytest

from chinhsach.extract.units import find_units


def names(text: str) -> list[str]:
    return [m.name for m in find_units(text)]


FORMS: list[tuple[str, str, list[str]]] = [
    # Forces without a level stand for a body only beside another body of the same list.
    ("bare forces in a list", "Sở Y tế phối hợp với Công an, lực lượng Hải quan kiểm tra.",
     ["Sở Y tế", "Công an", "Hải quan"]),
    ("bare force alone", "Công an là lực lượng nòng cốt.", []),
    # Courts and procuracies as the statutes name them: bare, by level, military, "cấp cao".
    ("court, bare", "Tòa án thông báo cho Viện kiểm sát cùng cấp trong ba ngày.",
     ["Tòa án", "Viện Kiểm sát"]),
    ("court, no level", "Tòa án nhân dân là cơ quan xét xử.", ["Tòa án nhân dân"]),
    ("court, level word", "Tòa án cấp tỉnh có trách nhiệm gửi hồ sơ.", ["Tòa án cấp tỉnh"]),
    ("court, upper level", "Viện kiểm sát nhân dân cấp cao phối hợp với Tòa án nhân dân cấp cao.",
     ["Viện Kiểm sát nhân dân cấp cao", "Tòa án nhân dân cấp cao"]),
    ("court, military", "Viện kiểm sát quân sự trung ương chịu trách nhiệm hướng dẫn.",
     ["Viện Kiểm sát quân sự trung ương"]),
    # Central bodies: the State President is an office of its own, like the Prime Minister.
    ("state president", "Quốc hội, Chủ tịch nước, Chính phủ có trách nhiệm bảo đảm thi hành.",
     ["Quốc hội", "Chủ tịch nước", "Chính phủ"]),
    # Commands of the armed forces: "Bộ Tư lệnh X" is one body, never a stray "Bộ".
    ("military command", "Theo chỉ đạo của Bộ Tư lệnh Bộ đội Biên phòng, đơn vị tổ chức tuần tra.",
     ["Bộ Tư lệnh Bộ đội Biên phòng"]),
    ("border guard with level", "BĐBP tỉnh phối hợp với CA tỉnh.", ["Bộ đội Biên phòng tỉnh", "Công an tỉnh"]),
    ("trade union", "Hội Phụ nữ, Công đoàn phối hợp vận động.", ["Hội Phụ nữ", "Công đoàn"]),
    # Inspectorates named by the body they sit in.
    ("inspectorate by class", "Thanh tra bộ, Thanh tra sở báo cáo Thanh tra Chính phủ.",
     ["Thanh tra bộ", "Thanh tra sở", "Thanh tra Chính phủ"]),
    ("inspection team", "Đoàn thanh tra có trách nhiệm lập biên bản.", ["Đoàn thanh tra"]),
    # A body named in a law's title is part of a citation.
    ("inside a law title", "Thực hiện theo Luật Tổ chức Chính phủ và Luật Tổ chức Tòa án nhân dân.", []),
    ("law title beside a body", "Căn cứ Luật Công đoàn, Sở Nội vụ hướng dẫn.", ["Sở Nội vụ"]),
    # Generic words: "các ngành" alone, "các cơ quan, đơn vị có liên quan" are not units.
    ("bare sectors", "Tăng cường giám sát ở các cấp, các ngành trong quá trình thực hiện.", []),
    ("generic bodies", "Sở Y tế phối hợp với các cơ quan, đơn vị có liên quan.", ["Sở Y tế"]),
    # A collective printed without its comma, capitalised, with the central level.
    ("collective without comma", "Phối hợp với Bộ ngành Trung ương hoàn thiện hồ sơ.",
     ["bộ, ngành Trung ương"]),
    ("associations as a class", "Hội, hiệp hội xã hội nghề nghiệp tham gia phản biện chính sách.",
     ["hội, hiệp hội xã hội nghề nghiệp"]),
    ("class word inside another word", "Phát triển kinh tế - xã hội, hiệp hội doanh nghiệp tham gia.",
     ["Hiệp hội doanh nghiệp"]),
    ("collective with tail", "Các sở, ban, ngành, đoàn thể tỉnh triển khai.",
     ["sở, ban, ngành, đoàn thể tỉnh"]),
    # Sentence-case names of committees and commands (lower-case words after the head).
    ("sentence-case committee", "Ủy ban tư pháp giám sát việc thi hành.", ["Ủy ban tư pháp"]),
    ("sentence-case council", "Hội đồng xét xử ra quyết định tạm đình chỉ.", ["Hội đồng xét xử"]),
    ("council before a verb", "Hội đồng trọng tài gửi văn bản cho Tòa án.", ["Hội đồng trọng tài", "Tòa án"]),
    ("council closed by a conjunction", "Các bên yêu cầu Hội đồng trọng tài lao động hoặc Tòa án giải quyết.",
     ["Hội đồng trọng tài lao động", "Tòa án"]),
    ("listed committee before a verb", "Đề nghị Ủy ban Thường vụ Quốc hội bãi bỏ văn bản đó.",
     ["Ủy ban Thường vụ Quốc hội"]),
    ("sentence-case command", "Ban chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh chủ trì.",
     ["Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh"]),
    # A word dropped in print: the level after it says which body; the chair stays the chair.
    ("dropped word", "Tham mưu Chủ tịch Ủy ban nhân tỉnh khen thưởng.",
     ["Chủ tịch Ủy ban nhân dân tỉnh"]),
    ("dropped word, no level", "Ủy ban nhân quyền ra tuyên bố.", ["Ủy ban nhân quyền"]),
    # Abbreviations, old and 2025 names.
    ("abbreviated names", "Sở NN&MT chủ trì, phối hợp với Sở VH,TT&DL và Sở KH&CN.",
     ["Sở Nông nghiệp và Môi trường", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ"]),
    ("abbreviated board", "BQL các KCN tỉnh chủ trì.", ["Ban Quản lý các khu công nghiệp tỉnh"]),
    ("2025 communes", "UBND các xã, phường, đặc khu tổ chức thực hiện.",
     ["Ủy ban nhân dân xã, phường, đặc khu"]),
    ("2025 regional offices", "Thuế tỉnh phối hợp với KBNN khu vực XV.",
     ["Thuế tỉnh", "Kho bạc Nhà nước khu vực XV"]),
    # Person titles.
    ("chair of the commune committee", "Chủ tịch UBND cấp xã chịu trách nhiệm.",
     ["Chủ tịch Ủy ban nhân dân cấp xã"]),
    ("heads of a collective", "Giám đốc Sở Y tế, Thủ trưởng các sở, ban, ngành thực hiện.",
     ["Sở Y tế", "sở, ban, ngành"]),
    ("minister", "Bộ trưởng Bộ Công an quy định chi tiết.", ["Bộ Công an"]),
]


@pytest.mark.parametrize(("form", "text", "expected"), FORMS, ids=[f[0] for f in FORMS])
def test_unit_form(form: str, text: str, expected: list[str]) -> None:
    assert names(text) == expected, form


def test_level_list_of_judicial_bodies_keeps_place_apart() -> None:
    # "Tòa án nhân dân tỉnh Sơn La": the province after the level word is the place.
    ms = find_units("Tòa án nhân dân tỉnh Sơn La phối hợp.")
    assert [(m.name, m.place) for m in ms] == [("Tòa án nhân dân tỉnh", "Sơn La")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Các sở phối hợp chặt chẽ với lực lượng Công an thành phố trong đấu tranh", ["sở", "Công an thành phố"]),
    ("đề nghị cơ quan Công an tỉnh điều tra, xử lý", ["Công an tỉnh"]),
    ("phát huy vai trò nòng cốt của lực lượng Công an", ["lực lượng công an"]),
])
def test_the_force_of_a_level_is_that_body(text: str, expected: list[str]) -> None:
    """"lực lượng Công an thành phố" is the city police (both golds of kh153 IV.9.a); without a
    level the class stays."""
    assert names(text) == expected


@pytest.mark.parametrize("text", ["Ngân hàng nhà nước Việt Nam - Chi nhánh Khu vực II chủ trì",
                                  "Ngân hàng Nhà nước Việt Nam Chi nhánh Khu vực II phối hợp",
                                  "Ngân hàng Nhà nước Việt nam Chi nhánh Khu vực II"])
def test_the_countrys_name_before_a_regional_branch(text: str) -> None:
    """kh179 VI.8 heading (both golds): "Việt Nam - Chi" was read as a place, the branch lost."""
    assert names(text) == ["Ngân hàng Nhà nước Việt Nam chi nhánh khu vực II"]


def test_commune_level_committees_take_the_documents_spelling() -> None:
    """GUIDELINES-real.md (adjudicated in session 10): "Ủy ban nhân dân cấp xã" is written as the
    collective the document prints ("Ủy ban nhân dân xã, phường"); alone it stays."""
    from chinhsach.extract.units import one_name_per_body

    assert one_name_per_body(["Ủy ban nhân dân cấp xã", "Ủy ban nhân dân xã, phường", "Sở Y tế"]) == {
        "Ủy ban nhân dân cấp xã": "Ủy ban nhân dân xã, phường"}
    assert one_name_per_body(["Ủy ban nhân dân cấp xã", "Sở Y tế"]) == {}


def test_a_restriction_of_place_is_no_part_of_the_name() -> None:
    assert names("các cơ quan báo chí đóng trên địa bàn tỉnh tuyên truyền") == ["cơ quan báo chí"]
