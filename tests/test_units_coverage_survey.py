"""Unit names of other sectors, as real plans and decisions print them (session-12 survey, survunit2).

The sentences are the team's own, written after reading the assignment parts, execution articles
("Điều 3 … chịu trách nhiệm thi hành") and member lists of real documents of many sectors and
provinces through the search tool; only the body NAMES (public facts) are taken from them, in
their generic form without the province. The forms tested here failed on main before this change:

- a capitalised descriptive head ("Ban Quản lý", "Ban Chỉ đạo") after "và" opens a body of its
  own even before lower-case words: forestry plans list "Chi cục Kiểm lâm", "Hạt Kiểm lâm" and the
  protection-forest boards side by side (e.g. https://thuvienphapluat.vn/bulletin/document.aspx?key1=0%3DRneU1ESTT0,
  https://text.123docz.net/document/4443433-mot-so-giai-phap-chu-yeu-nham-nang-cao-chat-luong-rung-phong-ho-tai-ban-quan-ly-rung-phong-ho-song-da-tinh-hoa-binh.htm);
- the police's fire-fighting and administrative departments with their abbreviations
  ("Phòng Cảnh sát PCCC và CNCH", "Cục Cảnh sát PCCC&CNCH") and their lower-case descriptions
  ("… quản lý hành chính về trật tự xã hội", "… điều tra tội phạm về ma túy"), which the
  function word "về" used to cut (e.g. https://123docz.net/document/15381255-mau-phuong-an-chua-chay-mau-pc17-homestay.htm,
  https://vanban123.vn/Van-ban-khac/Ke-hoach-66-KH-UBND-nam-2021-ve-huy-dong-luc-luong-phuong-tien-va-tai-san-de-xu-ly-tinh-huong-chay-su-co-tai-nan-co-quan-ly-lon-dien-bien-phuc-tap-do-tinh-Nam-Dinh-ban-hanh-524369);
- a body's acronym or code in brackets before its level or owner ("Trung tâm Kiểm soát bệnh tật
  (CDC) tỉnh", "… (PC06) Công an tỉnh"; the health decree's "Chi cục dân số - kế hoạch hóa gia
  đình (DS-KHHGĐ) ở các tỉnh", https://thuvienphapluat.vn/documents/law.aspx?id=0%3DpZd05qWTTm&mode=09JoMWIyNW5YekWT);
- the third mobile carrier beside Viettel and VNPT ("Tổng công ty Viễn thông MobiFone",
  "MobiFone <tỉnh>", https://www.vietnamplus.vn/mobifone-dong-hanh-cung-vinh-long-but-pha-trong-ky-nguyen-so-post1082839.vnp)
  and the ministries' departments "Vụ …" ("Vụ Tổ chức cán bộ - Bộ Y tế",
  https://m.thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Thong-tu-07-2021-TT-BYT-nhiem-vu-quyen-han-va-co-cau-to-chuc-cua-Trung-tam-y-te-huyen-475801.aspx);
  port authorities of inland waterways ("cảng vụ đường thủy nội địa",
  https://vbpl.freshdesk.com/support/solutions/articles/16000219213);
- bodies named by their kind and level alone: the power company's district branches ("Điện
  lực <huyện>", https://doluong.gov.vn/do-luong-tang-cuong-nhieu-giai-phap-tiet-kiem-dien-mua-nang-nong/),
  the province's museum and library ("bảo tàng cấp tỉnh",
  http://portal.vnmedia.vn/tags/b%E1%BA%A3o-t%C3%A0ng-c%E1%BA%A5p-t%E1%BB%89nh.html), the military
  organ of a level ("Cơ quan quân sự cấp huyện/xã", Decree 02/2019 as cited in
  https://thuvienphapluat.vn/hoi-dap-phap-luat/4420B-hd-ke-hoach-phong-thu-dan-su-cap-huyen-cap-xa.html,
  http://quankhu2.vn/ke-hoach-phong-thu-dan-su-cap-huyen-cap-xa-duoc-quy-dinh-nhu-the-nao/);
- religious organisations that plans charge beside the Front ("Ban Trị sự GHPGVN tỉnh",
  https://www.phatsuonline.vn/thanh-hoa-ban-tri-su-ghpgvn-tinh-chuc-mung-ngay-truyen-thong-nganh-quan-ly-nha-nuoc-ve-ton-giao-10;
  "Ủy ban ĐKCG tỉnh", https://vietnamnet.vn/nang-cao-kien-thuc-phap-luat-ve-ton-giao-va-cong-tac-ton-giao-o-thanh-hoa-2433570.html)
  and the police's investigation agencies ("Cơ quan Cảnh sát điều tra Công an tỉnh");
- the 2025 commune's economic office printed with dashes ("Phòng Kinh tế (hoặc Kinh tế - Hạ tầng
  - Đô thị)", https://en.baobacninhtv.vn/de-xuat-to-chuc-3-phong-chuyen-mon-cap-xa-postid419505.bbg?p=3)
  and the national traffic-safety committee its provincial board reports to ("Ủy ban ATGT Quốc
  gia", https://thuvienphapluat.vn/van-ban/giao-thong-van-tai/quyet-dinh-4858-qd-ubnd-2021-dam-bao-trat-tu-an-toan-giao-thong-duong-bo-quang-ninh-507112.aspx);
- the border gates' customs branches and border posts ("Chi cục Hải quan cửa khẩu <tên>",
  https://luanvan.co/luan-van/luan-van-quan-ly-nha-nuoc-doi-voi-phuong-tien-van-tai-xuat-canh-nhap-canh-tai-chi-cuc-hai-quan-cua-khau-quoc-te-lao-bao-72585,
  https://hethongphapluat.com/luat-hai-quan-2014/chuong-3/muc-3);
- the long names of the provinces' project boards, cut after twelve words or at "và xây dựng"
  ("Ban Quản lý dự án đầu tư và xây dựng ngành giao thông tỉnh", https://baotuoitrevn.com/thang-92020-du-kien-khoi-cong-nhieu-cong-trinh-giao-thong-quan-trong;
  "Ban quản lý dự án đầu tư xây dựng các công trình giao thông", https://baophapluat.vn/minh-luong-tag84090.html,
  https://vov.vn/xa-hoi/phong-chong-ngap-lut-ung-cuc-bo-khu-vuc-bac-bo-va-bac-trung-bo-1084864.vov);
- a role verb after a sentence-case name, which a dictionary word ("nghiệp chủ") used to swallow
  ("Trung tâm Khuyến công và Tư vấn phát triển công nghiệp chủ trì");
- enterprises named with their legal form and in sentence case ("Công ty TNHH MTV …",
  "Công ty Cổ phần …", "Công ty … kiến thiết tỉnh"), taken up to the level word or province that
  closes them (e.g. http://thuyloibinhthuan.vn/bai-viet/xay-dung-phuong-an-chong-han-mua-kho-nam-2021-tren-dia-ban-huyen-ham-thuan-nam,-huyen-ham-tan-va-thi-xa-la-gi-163.html,
  https://sontay.hanoi.gov.vn/tin-tuc-su-kien/-/view_content/2663148-thi-xa-kiem-tra-cong-tac-phong-chong-thien-tai-tai-cong-ty-tnhh-mtv-thuy-loi-song-tich-.html,
  https://vov.vn/xa-hoi/phong-chong-ngap-lut-ung-cuc-bo-khu-vuc-bac-bo-va-bac-trung-bo-1084864.vov,
  https://123docz.net/document/9177419-1-de-cuong-phuong-an-quan-ly-rung-ben-vung.htm).

Conventions as tests/test_units_general.py (GUIDELINES-real.md, Units): canonical names without
the province after a level word, abbreviations expanded; bodies only directed are no units.
"""

from __future__ import annotations

import pytest

from chinhsach.extract.duties import roles_in_text
from chinhsach.extract.units import find_units
from chinhsach.text.normalize import normalize_text

L, C, M, R = "lead", "cooperate", "monitor", "report_to"

CASES: list[tuple[str, set[tuple[str, str]]]] = [
    # -- a descriptive head after "và" is the next body, not a part of the name before it ------
    ("Chi cục Kiểm lâm chủ trì, phối hợp với các Hạt Kiểm lâm và Ban Quản lý rừng phòng hộ tổ "
     "chức tuần tra trong mùa khô.",
     {("Chi cục Kiểm lâm", L), ("Hạt Kiểm lâm", C), ("Ban Quản lý rừng phòng hộ", C)}),
    ("Hạt Kiểm lâm và Ban Quản lý rừng đặc dụng rà soát diện tích rừng bị lấn chiếm.",
     {("Hạt Kiểm lâm", L), ("Ban Quản lý rừng đặc dụng", L)}),
    # -- police departments: abbreviations and lower-case descriptions --------------------------
    ("Phòng Cảnh sát PCCC và CNCH chủ trì tập huấn nghiệp vụ chữa cháy cho đội dân phòng các xã.",
     {("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", L)}),
    ("Phòng Cảnh sát PCCC&CNCH Công an tỉnh phối hợp với Sở Xây dựng kiểm tra các công trình cao tầng.",
     {("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh", L),
      ("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh", M), ("Sở Xây dựng", C)}),
    ("Phòng Cảnh sát quản lý hành chính về trật tự xã hội Công an tỉnh chủ trì cập nhật dữ liệu "
     "dân cư, báo cáo Công an tỉnh.",
     {("Phòng Cảnh sát quản lý hành chính về trật tự xã hội Công an tỉnh", L), ("Công an tỉnh", R)}),
    ("Phòng Cảnh sát điều tra tội phạm về ma túy chủ trì, phối hợp với Bộ Chỉ huy Bộ đội Biên "
     "phòng tỉnh đấu tranh với các đường dây vận chuyển trái phép.",
     {("Phòng Cảnh sát điều tra tội phạm về ma túy", L), ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", C)}),
    ("Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao phối hợp với Sở Khoa học "
     "và Công nghệ cảnh báo các thủ đoạn lừa đảo.",
     {("Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", L),
      ("Sở Khoa học và Công nghệ", C)}),
    # -- a body's code in brackets between its name and its level or owner ---------------------
    ("Trung tâm Kiểm soát bệnh tật (CDC) tỉnh chủ trì xét nghiệm các mẫu bệnh phẩm nghi ngờ.",
     {("Trung tâm Kiểm soát bệnh tật tỉnh", L)}),
    ("Phòng Cảnh sát quản lý hành chính về trật tự xã hội (PC06) Công an tỉnh chủ trì thu nhận "
     "hồ sơ căn cước.",
     {("Phòng Cảnh sát quản lý hành chính về trật tự xã hội Công an tỉnh", L)}),
    # -- the third mobile carrier and the ministries' departments ("Vụ") ------------------------
    ("MobiFone tỉnh, Viettel tỉnh và VNPT tỉnh bảo đảm hạ tầng viễn thông phục vụ chuyển đổi số.",
     {("MobiFone tỉnh", L), ("Viettel tỉnh", L), ("VNPT tỉnh", L)}),
    ("Vụ Kế hoạch - Tài chính chủ trì, phối hợp với Vụ Pháp chế thẩm định dự toán.",
     {("Vụ Kế hoạch - Tài chính", L), ("Vụ Pháp chế", C)}),
    ("Cảng vụ Hàng hải chủ trì, phối hợp với Cảng vụ Đường thủy nội địa kiểm tra phương tiện.",
     {("Cảng vụ Hàng hải", L), ("Cảng vụ Đường thủy nội địa", C), ("Cảng vụ Hàng hải", M)}),
    # -- bodies named by their kind and level alone ----------------------------------------------
    ("Điện lực các huyện phối hợp với Ủy ban nhân dân các xã kiểm tra hành lang an toàn lưới điện.",
     {("Điện lực huyện", L), ("Ủy ban nhân dân xã", C), ("Điện lực huyện", M)}),
    ("Bảo tàng tỉnh chủ trì, phối hợp với Thư viện tỉnh tổ chức trưng bày chuyên đề.",
     {("Bảo tàng tỉnh", L), ("Thư viện tỉnh", C)}),
    ("Cơ quan quân sự cấp xã chủ trì xây dựng kế hoạch phòng thủ dân sự, báo cáo Chủ tịch Ủy ban "
     "nhân dân cấp xã.",
     {("cơ quan quân sự cấp xã", L), ("Chủ tịch Ủy ban nhân dân cấp xã", R)}),
    # -- religious organisations and the police's investigation agencies -------------------------
    ("Ban Trị sự GHPGVN tỉnh phối hợp với Sở Dân tộc và Tôn giáo vận động tăng ni, phật tử tham "
     "gia hiến máu.",
     {("Ban Trị sự Giáo hội Phật giáo Việt Nam tỉnh", L), ("Sở Dân tộc và Tôn giáo", C)}),
    ("Ủy ban Đoàn kết Công giáo tỉnh phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tuyên "
     "truyền pháp luật cho giáo dân.",
     {("Ủy ban Đoàn kết Công giáo tỉnh", L), ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", C)}),
    ("Cơ quan Cảnh sát điều tra Công an tỉnh chủ trì thụ lý tin báo, phối hợp với Viện Kiểm sát "
     "nhân dân tỉnh.",
     {("Cơ quan Cảnh sát điều tra Công an tỉnh", L), ("Viện Kiểm sát nhân dân tỉnh", C)}),
    # -- the 2025 commune office spelt with dashes; the national traffic-safety committee --------
    ("Văn phòng HĐND và UBND xã chủ trì, phối hợp với Phòng Kinh tế - Hạ tầng - Đô thị rà soát "
     "hồ sơ cấp phép xây dựng.",
     {("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", L), ("Phòng Kinh tế, Hạ tầng và Đô thị", C)}),
    ("Văn phòng Ban An toàn giao thông tỉnh tổng hợp, báo cáo Ủy ban ATGT Quốc gia.",
     {("Văn phòng Ban An toàn giao thông tỉnh", L), ("Ủy ban An toàn giao thông Quốc gia", R)}),
    # -- border-gate bodies: the gate's name is a place, kept out of the body's name --------------
    ("Chi cục Hải quan cửa khẩu Lao Bảo chủ trì, phối hợp với Đồn Biên phòng cửa khẩu xử lý "
     "phương tiện quá cảnh.",
     {("Chi cục Hải quan cửa khẩu", L), ("Đồn Biên phòng cửa khẩu", C)}),
    # -- long names of the provinces' project boards ---------------------------------------------
    ("Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh chủ trì lựa chọn "
     "nhà thầu, phối hợp với Sở Xây dựng.",
     {("Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh", L), ("Sở Xây dựng", C)}),
    ("Ban Quản lý dự án đầu tư và xây dựng ngành giao thông tỉnh chủ trì giải phóng mặt bằng.",
     {("Ban Quản lý dự án đầu tư và xây dựng ngành giao thông tỉnh", L)}),
    # -- a role verb after a sentence-case name is no part of a dictionary word -----------------
    ("Trung tâm Khuyến công và Tư vấn phát triển công nghiệp chủ trì hỗ trợ các cơ sở sản xuất.",
     {("Trung tâm Khuyến công và Tư vấn phát triển công nghiệp", L)}),
    # -- enterprises and schools: legal form or kind, sentence-case name closed by a level -------
    ("Trường Trung cấp nghề tỉnh phối hợp với Trung tâm Dịch vụ việc làm tỉnh tư vấn học nghề.",
     {("Trường Trung cấp nghề tỉnh", L), ("Trung tâm Dịch vụ việc làm tỉnh", C)}),
    ("Công ty TNHH MTV Khai thác công trình thủy lợi tỉnh chủ trì vận hành các hồ chứa, báo cáo "
     "Sở Nông nghiệp và Môi trường.",
     {("Công ty TNHH MTV Khai thác công trình thủy lợi tỉnh", L), ("Sở Nông nghiệp và Môi trường", R)}),
    ("Công ty Cổ phần Cấp thoát nước tỉnh bảo đảm nước sinh hoạt cho các khu tái định cư.",
     {("Công ty Cổ phần Cấp thoát nước tỉnh", L)}),
    ("Công ty Xổ số kiến thiết tỉnh trích nguồn thu hỗ trợ xây dựng trường học.",
     {("Công ty Xổ số kiến thiết tỉnh", L)}),
    ("Công ty TNHH một thành viên Lâm nghiệp Tây Bắc chủ trì trồng rừng gỗ lớn, phối hợp với "
     "Hạt Kiểm lâm.",
     {("Công ty TNHH một thành viên Lâm nghiệp Tây Bắc", L), ("Hạt Kiểm lâm", C)}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sector_bodies_with_roles(text: str, expected: set[tuple[str, str]]) -> None:
    got = {(r.name, r.role) for r in roles_in_text(normalize_text(text))}
    assert got == expected


@pytest.mark.parametrize(("text", "name"), [
    # A listed enterprise stays as listed; a proper name ends before the role verb ("Tây Nguyên
    # chủ trì" was read on as the dictionary word "nguyên chủ" before).
    ("Công ty Điện lực tỉnh bảo đảm cấp điện cho các điểm bầu cử.", "Công ty Điện lực tỉnh"),
    ("Trường Đại học Tây Nguyên chủ trì đào tạo nhân lực y tế.", "Trường Đại học Tây Nguyên"),
    # "Vụ" opens a ministry's department only before a known name part, not a place ("Vụ Bản").
    ("Ủy ban nhân dân huyện Vụ Bản chủ trì rà soát hộ nghèo.", "Ủy ban nhân dân huyện"),
    ("Trường THPT Vụ Bản phối hợp tổ chức ngoại khóa.", "Trường THPT Vụ Bản"),
    # A sentence-case run no level closes is a verb phrase, not the enterprise's name.
    ("Công ty Cổ phần Sông Đà thi công các hạng mục còn lại.", "Công ty Cổ phần Sông Đà"),
])
def test_enterprise_names_stop_where_they_should(text: str, name: str) -> None:
    assert [m.name for m in find_units(normalize_text(text))] == [name]
