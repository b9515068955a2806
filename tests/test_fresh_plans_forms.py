"""Forms of real 2025 plans of other provinces that the extractor missed (helper fixc, session 13).

The development plans of ``../shared/real/plans`` were read rule by rule; two fresh plans of
session 13 (``evaluation/gold/fresh-plans``: a Nghệ An plan on telecom infrastructure in
industrial zones, a Thanh Hóa plan on monitoring aquaculture water, both read from /tmp/s13/dev)
showed forms none of them has. Every text below is invented for the test (a made-up province,
"Lam Sơn"); none is copied from a document read. Each test says where the form was seen.
"""

from __future__ import annotations

from conftest import parse_text

from chinhsach.extract.duties import roles_in_text
from chinhsach.extract.units import find_units
from chinhsach.model import Document

PLAN = """| ỦY BAN NHÂN DÂN TỈNH LAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 41/KH-UBND | Lam Sơn, ngày 12 tháng 3 năm 2026 |

KẾ HOẠCH

Phát triển hạ tầng cấp nước tại các cụm công nghiệp năm 2026

I. MỤC ĐÍCH, YÊU CẦU

1. Bảo đảm nước sạch cho sản xuất tại các cụm công nghiệp.

II. TỔ CHỨC THỰC HIỆN

**1. Ban Quản lý Khu kinh tế Hòn Nhạn**

- Rà soát nhu cầu dùng nước của các nhà máy trong khu kinh tế.

- Trong quá trình thực hiện, báo cáo kịp thời UBND tỉnh (qua Sở Xây dựng) các vướng mắc phát sinh.

**2. Sở Nông nghiệp và Môi trường**

- Tập huấn, hướng dẫn người dân ven sông quan trắc, theo dõi mực nước tại nơi ở của mình.

- Ứng dụng cảm biến trong các lĩnh vực như: Giám sát chất lượng nước, cảnh báo ngập.

**3. Các chủ đầu tư xây dựng và kinh doanh hạ tầng cụm công nghiệp**

- Đầu tư tuyến ống cấp nước đến hàng rào từng nhà máy.

- Bố trí mặt bằng cho trạm bơm tăng áp.

**4. Các doanh nghiệp thứ cấp đang hoạt động trong cụm công nghiệp**

- Sử dụng nước tiết kiệm, tuần hoàn nước làm mát.

5. Các cơ sở nuôi trồng thủy sản: Theo dõi, giám sát chất lượng nước ao nuôi; ghi chép số liệu theo hướng dẫn.

Yêu cầu các sở, ban, ngành, đơn vị, địa phương nghiêm túc triển khai thực hiện./.

| Nơi nhận: - Như trên; - Lưu: VT. | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Bình |
"""


def _roles(doc: Document, section: str) -> list[set[tuple[str, str]]]:
    return [{(u.name, u.role) for u in d.units if u.explicit} for d in doc.duties if d.section == section]


def test_zone_board_keeps_the_zone_name() -> None:
    """"Ban Quản lý Khu kinh tế Đông Nam" (Nghệ An, kh987 IV.2): the capitalised words after a
    zone's board name the zone (GUIDELINES-real.md drops a place only after a level word or as
    the province); before, the board was read "Ban Quản lý Khu kinh tế" with a place."""
    names = [m.name for m in find_units("Ban Quản lý Khu kinh tế Hòn Nhạn chủ trì, phối hợp với Sở Xây dựng")]
    assert names == ["Ban Quản lý Khu kinh tế Hòn Nhạn", "Sở Xây dựng"]
    # The province's own board keeps its level word and drops the province, as before.
    assert [m.name for m in find_units("Ban Quản lý Khu kinh tế tỉnh Lam Sơn")] == ["Ban Quản lý Khu kinh tế tỉnh"]


def test_plural_class_labels_are_units() -> None:
    """An organisation item headed by a plural class of non-state actors names a unit: "5. Các
    chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp", "6. Các doanh nghiệp thứ cấp
    đang hoạt động trong KCN" (kh987), "4. Các cơ sở nuôi trồng thủy sản: Theo dõi, …"
    (Thanh Hóa, kh235) and "11. Đề nghị các doanh nghiệp sản xuất, chế biến và xuất khẩu hàng
    hóa" (qd2954 KH.V.11, a unit in its development gold)."""
    assert [m.name for m in find_units("Các chủ đầu tư xây dựng và kinh doanh hạ tầng cụm công nghiệp")] == [
        "chủ đầu tư xây dựng và kinh doanh hạ tầng cụm công nghiệp"]
    # A restriction of place is dropped as "có liên quan" is.
    assert [m.name for m in find_units("Các doanh nghiệp thứ cấp đang hoạt động trong cụm công nghiệp")] == [
        "doanh nghiệp thứ cấp"]
    assert [m.name for m in find_units("Các cơ sở chế biến nông sản: Tuân thủ quy định")] == [
        "cơ sở chế biến nông sản"]
    assert [m.name for m in find_units("Đề nghị các hợp tác xã sản xuất, tiêu thụ rau an toàn")] == [
        "hợp tác xã sản xuất, tiêu thụ rau an toàn"]
    # Not bodies: a bare class, a thing, a clause.
    for text in ("Các doanh nghiệp trên địa bàn tỉnh", "Các cơ sở dữ liệu chuyên ngành gồm có:",
                 "Các doanh nghiệp cần chủ động đầu tư.", "Các giải pháp chủ yếu"):
        assert find_units(text) == [], text


def test_collective_keeps_its_generic_members() -> None:
    """"các sở, ban, ngành, cơ quan, đơn vị liên quan" (kh987's closing) and "các sở, ban,
    ngành, đơn vị, địa phương" (kh235's): GUIDELINES-real.md keeps every printed member of a
    collective, a generic one included; before, the name stopped at "ngành"."""
    assert [m.name for m in find_units("đề nghị các sở, ban, ngành, cơ quan, đơn vị liên quan triển khai")] == [
        "sở, ban, ngành, cơ quan, đơn vị"]
    # After "và" the generic words are a second group, not members (qd2954's gold).
    assert [m.name for m in find_units("phối hợp với các sở, ngành và các cơ quan, đơn vị có liên quan")] == [
        "sở, ngành"]
    # A qualified class after the comma is a unit of its own.
    assert [m.name for m in find_units("các sở, ban, ngành, cơ quan báo chí")] == ["sở, ban, ngành", "cơ quan báo chí"]


def test_report_with_an_adverb_and_a_dropped_word() -> None:
    """"báo cáo kịp thời UBND tỉnh (qua Ban Quản lý …)" (kh987's closing): the adverb stands
    between the verb and its recipient. "báo cáo Bộ X, Ủy nhân dân tỉnh" (kh987 IV.1): a word
    dropped in print, read as the committee before its level word like "Ủy ban nhân thành phố"."""
    roles = {(u.name, u.role) for u in roles_in_text(
        "Nếu có vướng mắc, báo cáo kịp thời UBND tỉnh (qua Sở Xây dựng) để xem xét.")}
    assert roles == {("Ủy ban nhân dân tỉnh", "report_to"), ("Sở Xây dựng", "report_to")}
    roles = {(u.name, u.role) for u in roles_in_text(
        "Sở Công Thương tổng hợp, báo cáo Bộ Công Thương, Ủy nhân dân tỉnh kết quả thực hiện.")}
    assert ("Ủy ban nhân dân tỉnh", "report_to") in roles and ("Bộ Công Thương", "report_to") in roles


def test_plan_with_class_headings(tmp_path) -> None:
    doc = parse_text(tmp_path, PLAN)
    # The zone board leads its items; its closing report goes to the committee through a Sở.
    board = "Ban Quản lý Khu kinh tế Hòn Nhạn"
    assert _roles(doc, "II.1")[0] == {(board, "lead")}
    assert _roles(doc, "II.1")[1] == {(board, "lead"), ("Ủy ban nhân dân tỉnh", "report_to"),
                                     ("Sở Xây dựng", "report_to")}
    # Monitoring taught to residents and fields listed as examples are not the Sở's own
    # monitoring (kh235 IV.1: "hướng dẫn người nuôi … quan trắc, giám sát"; kh987 IV.5: "các
    # lĩnh vực như: Giám sát môi trường").
    sở = "Sở Nông nghiệp và Môi trường"
    assert _roles(doc, "II.2") == [{(sở, "lead")}, {(sở, "lead")}]
    investors = "chủ đầu tư xây dựng và kinh doanh hạ tầng cụm công nghiệp"
    assert _roles(doc, "II.3") == [{(investors, "lead")}, {(investors, "lead")}]
    assert _roles(doc, "II.4") == [{("doanh nghiệp thứ cấp", "lead")}]
    farms = "cơ sở nuôi trồng thủy sản"
    assert _roles(doc, "II.5") == [{(farms, "lead"), (farms, "monitor")}]
    # "Yêu cầu các sở, … nghiêm túc triển khai thực hiện./." after the last item addresses the
    # whole part ([decided, kh179]), not item 5 (kh235's closing took the last item's id).
    closing = [d for d in doc.duties if d.text.startswith("Yêu cầu")]
    assert [d.section for d in closing] == ["II"]
    assert {(u.name, u.role) for u in closing[0].units} == {("sở, ban, ngành, đơn vị, địa phương", "lead")}


def test_planned_quantities_in_a_task_part() -> None:
    """A task part states the amount of an output with a quantity noun ("số lượng mẫu quan trắc
    240 mẫu/năm", "- Số lượng: 5.000 cuốn", kh235 II.1-II.2) or as the count of an action's
    object after a colon repeating the counted noun ("Lắp đặt mới trạm 3G/4G: 58 trạm", kh987
    II.2.1). The annual aquaculture monitoring plans of other provinces are written the same
    way (Thái Bình 125/KH-UBND 2020 on vanban123.vn, Bạc Liêu 144/KH-UBND 2020 on lawnet.vn,
    Ninh Bình 83/KH-UBND 2021 on thuvienphapluat.vn). Before, outside an objectives part these
    clauses had no target cue and were dropped."""
    from chinhsach.extract.targets import find_targets

    def found(text: str) -> list[tuple[float | None, str | None]]:
        return [(t.value, t.unit) for t in find_targets(text, section="II.1", year=2026, in_objectives=False)]

    assert found("Số lượng camera giám sát lắp mới 120 camera.") == [(120.0, "camera")]
    assert found("Lắp đặt mới cột đo mưa tự động: 14 cột.") == [(14.0, "cột")]
    # Not set by the plan: a result, money, a length of time, a frequency, a count in passing;
    # nor counts that size the plan's own work (samples, leaflets: GUIDELINES-real.md, s13 adj).
    for text in ("Các chỉ số: độ đục, độ mặn đo với tần suất 1 lần/tháng; số lượng mẫu phân tích "
                 "96 mẫu/năm.", "Số lượng: 2.000 tờ rơi.",
                 "Năm qua, đơn vị quan trắc đã lấy 1.200 mẫu nước.", "Kinh phí: 300 triệu đồng.",
                 "Thời gian: 10 ngày.", "Các chỉ số đo với tần suất 2 lần/tháng.",
                 "Xã Bình Minh: Lấy mẫu 01 vị trí tại vùng nuôi."):
        assert found(text) == [], text


LISTS = """| ỦY BAN NHÂN DÂN TỈNH LAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 52/KH-UBND | Lam Sơn, ngày 02 tháng 4 năm 2026 |

KẾ HOẠCH

Quan trắc chất lượng nước hồ chứa năm 2026

I. MỤC TIÊU

1. Cảnh báo sớm ô nhiễm nguồn nước hồ chứa.

II. NỘI DUNG KẾ HOẠCH

1. Quan trắc nước hồ chứa

- Hồ Đá Bạc: Lấy mẫu 02 vị trí đại diện cho vùng nước cấp của các khu nuôi cá lồng phía thượng nguồn, gồm:

+ 01 vị trí tại cửa xả tràn;

+ 01 vị trí tại lòng hồ.

- Hồ Khe Mơ: Lấy mẫu 01 vị trí tại đập chính.

- Hồ Suối Tre: Lấy mẫu 01 vị trí tại cửa lấy nước.

- Các chỉ số: độ đục, DO, COD đo với tần suất 1 lần/tháng; thời gian quan trắc từ tháng 4 đến tháng 9 năm 2026.

III. TỔ CHỨC THỰC HIỆN

1. Sở Nông nghiệp và Môi trường chủ trì thực hiện Kế hoạch.

| Nơi nhận: - Như trên; - Lưu: VT. | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Bình |
"""


def test_sibling_bullet_ends_a_list(tmp_path) -> None:
    """"- Cửa sông A: Lấy mẫu 04 vị trí gồm:" over "+ 01 vị trí …" lines, then "- Cửa sông B:
    …" (kh235 II.1.1.a): the "+" lines complete the first bullet, the next "-" bullet is a duty
    of its own. Before, every later bullet of the item, the timed one included, ran into the
    first listing."""
    doc = parse_text(tmp_path, LISTS)
    texts = [d.text for d in doc.duties if d.section == "II.1"]
    assert [t.split(":")[0] for t in texts] == ["Hồ Đá Bạc", "Hồ Khe Mơ", "Hồ Suối Tre", "Các chỉ số"]
    assert "cửa xả tràn" in texts[0] and "lòng hồ" in texts[0]
    timed = [d for d in doc.duties if d.text.startswith("Các chỉ số")]
    assert timed[0].deadline == "2026-09-30"


def test_partners_in_a_bracket_receivers_after_an_object_and_bodies_helped() -> None:
    """Three role forms of kh987 (Nghệ An): "phối hợp chặt chẽ với các nhà mạng (A, B, C)" (the
    cue governs the members the bracket lists), "gửi danh sách về Sở X" (the object stands before
    the "về" naming the receiver, as after "báo cáo"), "tạo điều kiện để các doanh nghiệp …
    triển khai" (the body helped is no actor, as after "tạo điều kiện cho")."""
    roles = {(u.name, u.role) for u in roles_in_text(
        "Phối hợp chặt chẽ với các nhà mạng (Viettel Lam Sơn, VNPT Lam Sơn) để lập lộ trình lắp đặt trạm.")}
    assert roles == {("Viettel Lam Sơn", "cooperate"), ("VNPT Lam Sơn", "cooperate")}
    # A bracketed sub-body right after its parent takes the parent's role (GUIDELINES-real.md;
    # kh157 V.3.a of the development plans, missed before).
    roles = {(u.name, u.role) for u in roles_in_text(
        "Các hợp tác xã chủ động phối hợp với Sở Y tế (Chi cục Dân số - Xã hội) tổ chức truyền thông.")}
    assert {("Sở Y tế", "cooperate"), ("Chi cục Dân số - Xã hội", "cooperate")} <= roles
    # One body named in a bracket after a topic is no list of partners.
    assert ("Sở Tư pháp", "cooperate") not in {(u.name, u.role) for u in roles_in_text(
        "Phối hợp hội nghị (Sở Tư pháp chủ trì) về phổ biến pháp luật.")}
    roles = {(u.name, u.role) for u in roles_in_text(
        "Rà soát nhu cầu và gửi danh mục vị trí về Sở Xây dựng trước ngày 30/6/2026.")}
    assert roles == {("Sở Xây dựng", "report_to")}
    assert roles_in_text("Hỗ trợ, tạo điều kiện để các doanh nghiệp viễn thông lắp đặt thiết bị.") == []
    # The power companies a province's bodies work with are a class named by its sector
    # (kh987 IV.3: "phối hợp các đơn vị điện lực trên địa bàn tỉnh").
    roles = {(u.name, u.role) for u in roles_in_text(
        "Chủ trì, phối hợp các đơn vị điện lực trên địa bàn tỉnh bảo đảm cấp điện cho trạm bơm.")}
    assert roles == {("đơn vị điện lực", "cooperate")}


def test_appendix_pointer_is_no_duty(tmp_path) -> None:
    """"(chi tiết tại phụ lục I, II, III kèm theo)." after the last bullet of an item (kh235
    II.1.3) only points to the appendix; before, it was read as one more duty of the item."""
    text = LISTS.replace("- Các chỉ số:", "(Chi tiết tại Phụ lục I, II kèm theo).\n\n- Các chỉ số:")
    doc = parse_text(tmp_path, text)
    assert not [d for d in doc.duties if "Phụ lục" in d.text]
    assert [d.text.split(":")[0] for d in doc.duties if d.section == "II.1"][-1] == "Các chỉ số"


def test_bracketed_breakdown_gives_a_target_per_part() -> None:
    """"Lắp đặt mới trạm 3G/4G: 58 trạm (Trong đó: VNPT: 25 trạm, Viettel: 33 trạm)" (kh987
    II.2.1): each part in the whole's unit is a target, its indicator the whole's narrowed by the
    part's name, as the unbracketed "…, trong đó: huyện A 5 trạm" already was. Before, the
    bracket was read as an aside restating the value and its parts were dropped."""
    from chinhsach.extract.targets import find_targets

    found = [(t.value, t.unit, t.indicator) for t in find_targets(
        "Xây dựng mới trạm đo mưa: 20 trạm (Trong đó: huyện Đồi Mây: 8 trạm, huyện Suối Cát: 12 trạm);",
        section="II.1", year=2030, in_objectives=False)]
    assert [(v, u) for v, u, _ in found] == [(20.0, "trạm"), (8.0, "trạm"), (12.0, "trạm")]
    assert found[1][2].endswith("huyện Đồi Mây") and found[2][2].endswith("huyện Suối Cát")
    # An aside that restates the value in another measure, or a share inside it, adds nothing.
    for text in ("Tỷ lệ thôn có nhà văn hóa đạt 90% (126 thôn).", "Đào tạo 500 người (trong đó nữ chiếm 40%)."):
        assert len(find_targets(text, section="II.1", year=2030, in_objectives=True)) == 1, text


def test_bare_quantity_label_takes_its_item_heading(tmp_path) -> None:
    """"- Số lượng: 5.000 cuốn." under "2. Thông tin tuyên truyền …" (kh235 II.2): the bare label
    names nothing; the item's heading says what is counted. Before, the indicator was "số lượng"."""
    text = LISTS.replace("III. TỔ CHỨC THỰC HIỆN", "2. Lắp đặt camera giám sát giao thông, an ninh\n\n"
                         "- Vị trí: các nút giao chính của đô thị.\n\n- Số lượng: 1.200 camera.\n\n"
                         "III. TỔ CHỨC THỰC HIỆN")
    doc = parse_text(tmp_path, text)
    counts = [t for t in doc.targets if t.value == 1200]
    assert [(t.section, t.unit, t.indicator) for t in counts] == [
        ("II.2", "camera", "số lượng lắp đặt camera giám sát giao thông")]
