"""Unit names and roles in sentences written by the team in the style of other provinces' plans.

These sentences are NOT taken from the development plans (evaluation/gold/real): they imitate
how provincial plans of other sectors word their assignments (health, education, agriculture,
finance, transport, police, Party bodies, mass organisations, communes after the 2025
reorganisation), so that the recogniser is checked on names it was not tuned on. They were
written, with their expected units and roles, before the mechanism they test was changed
(counts before/after in evaluation/RESULTS.md, "Units: general names (units3)"). Being our own
sentences they are tests, not evidence; the evidence is the development gold.

Conventions (evaluation/gold/GUIDELINES-real.md, Units): canonical names without the province
after a level word; collectives are one unit without "các"; a title stands for its body except
"Chủ tịch Ủy ban nhân dân …", a unit of its own; roles as in extract.duties.

    python tests/test_units_general.py     # prints how many cases pass
"""

from __future__ import annotations

import pytest

from chinhsach.extract.duties import roles_in_text
from chinhsach.text.normalize import normalize_text

L, C, M, R = "lead", "cooperate", "monitor", "report_to"

CASES: list[tuple[str, set[tuple[str, str]]]] = [
    # -- sentence-case names: the name runs over lower-case words to a real boundary ----------
    ("Ban Chỉ đạo phòng, chống ma túy tỉnh chủ trì, phối hợp với Công an tỉnh tổ chức sơ kết.",
     {("Ban Chỉ đạo phòng, chống ma túy tỉnh", L), ("Công an tỉnh", C)}),
    ("Ban Chỉ đạo phòng, chống tội phạm tỉnh Hà Tĩnh theo dõi, đôn đốc các địa phương.",
     {("Ban Chỉ đạo phòng, chống tội phạm tỉnh", L), ("Ban Chỉ đạo phòng, chống tội phạm tỉnh", M)}),
    ("Quỹ Đầu tư phát triển tỉnh phối hợp với Sở Tài chính thẩm định các dự án vay vốn.",
     {("Quỹ Đầu tư phát triển tỉnh", L), ("Sở Tài chính", C)}),
    ("Quỹ Bảo vệ và phát triển rừng tỉnh chủ trì chi trả tiền dịch vụ môi trường rừng.",
     {("Quỹ Bảo vệ và phát triển rừng tỉnh", L)}),
    ("Trung tâm Phục vụ hành chính công tỉnh có trách nhiệm hướng dẫn tổ chức, cá nhân nộp hồ sơ.",
     {("Trung tâm Phục vụ hành chính công tỉnh", L)}),
    ("Văn phòng Điều phối nông thôn mới tỉnh tham mưu Ban Chỉ đạo các chương trình mục tiêu quốc "
     "gia tỉnh tổng hợp kết quả thực hiện.",
     {("Văn phòng Điều phối nông thôn mới tỉnh", L),
      ("Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh", R)}),
    ("Phòng Tham mưu Công an tỉnh là cơ quan thường trực, tổng hợp tình hình hằng tháng.",
     {("Phòng Tham mưu Công an tỉnh", L)}),
    ("Ban An toàn giao thông tỉnh chủ trì, phối hợp với Phòng Cảnh sát giao thông Công an tỉnh "
     "tổ chức các đợt cao điểm.",
     {("Ban An toàn giao thông tỉnh", L), ("Phòng Cảnh sát giao thông Công an tỉnh", C)}),
    ("Trung tâm Công nghệ thông tin và Truyền thông tỉnh chủ trì vận hành Cổng dịch vụ công.",
     {("Trung tâm Công nghệ thông tin và Truyền thông tỉnh", L)}),
    ("Cục Quản lý thị trường tỉnh chủ trì, phối hợp với Công an tỉnh kiểm tra, xử lý hàng giả.",
     {("Cục Quản lý thị trường tỉnh", L), ("Cục Quản lý thị trường tỉnh", M), ("Công an tỉnh", C)}),
    ("Hội Doanh nghiệp nhỏ và vừa tỉnh phối hợp với Sở Công Thương tổ chức hội chợ.",
     {("Hội Doanh nghiệp nhỏ và vừa tỉnh", L), ("Sở Công Thương", C)}),
    ("Văn phòng Ban Chỉ đạo phòng, chống ma túy tỉnh tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
     {("Văn phòng Ban Chỉ đạo phòng, chống ma túy tỉnh", L), ("Ủy ban nhân dân tỉnh", R)}),
    ("Ban Chỉ đạo chuyển đổi số tỉnh chủ trì đánh giá mức độ chuyển đổi số của các xã.",
     {("Ban Chỉ đạo chuyển đổi số tỉnh", L)}),
    ("Ban Quản lý dự án đầu tư xây dựng công trình dân dụng tỉnh chịu trách nhiệm lập hồ sơ.",
     {("Ban Quản lý dự án đầu tư xây dựng công trình dân dụng tỉnh", L)}),
    ("Trường Cao đẳng Kỹ thuật Công nghiệp Quảng Ninh chủ trì đào tạo nhân lực số.",
     {("Trường Cao đẳng Kỹ thuật Công nghiệp Quảng Ninh", L)}),
    ("Giao Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên các xã chủ trì mở lớp xóa mù chữ.",
     {("Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên xã", L)}),
    # -- national classes that recur in every province -----------------------------------------
    ("Bộ Chỉ huy Quân sự tỉnh chủ trì, phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh và Công an "
     "tỉnh tổ chức diễn tập.",
     {("Bộ Chỉ huy Quân sự tỉnh", L), ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", C), ("Công an tỉnh", C)}),
    ("Thuế tỉnh Quảng Ninh chủ trì, phối hợp với Kho bạc Nhà nước khu vực VI hướng dẫn doanh nghiệp.",
     {("Thuế tỉnh", L), ("Kho bạc Nhà nước khu vực VI", C)}),
    ("Sở Tài chính chủ trì, phối hợp với Kho bạc Nhà nước khu vực XII, Thuế tỉnh tham mưu Ủy ban "
     "nhân dân tỉnh bố trí kinh phí.",
     {("Sở Tài chính", L), ("Kho bạc Nhà nước khu vực XII", C), ("Thuế tỉnh", C),
      ("Ủy ban nhân dân tỉnh", R)}),
    ("Bảo hiểm xã hội tỉnh có trách nhiệm phối hợp với Sở Y tế bảo đảm quyền lợi người bệnh.",
     {("Bảo hiểm xã hội tỉnh", L), ("Sở Y tế", C)}),
    ("Đề nghị Liên đoàn Lao động tỉnh, Hội Liên hiệp Phụ nữ tỉnh, Tỉnh đoàn tuyên truyền, vận "
     "động đoàn viên, hội viên.",
     {("Liên đoàn Lao động tỉnh", L), ("Hội Liên hiệp Phụ nữ tỉnh", L), ("Tỉnh đoàn", L)}),
    ("Đài Phát thanh và Truyền hình tỉnh, Báo Hà Tĩnh mở chuyên trang, chuyên mục tuyên truyền.",
     {("Đài Phát thanh và Truyền hình tỉnh", L), ("Báo Hà Tĩnh", L)}),
    ("Trường Chính trị tỉnh chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy mở lớp bồi dưỡng.",
     {("Trường Chính trị tỉnh", L), ("Ban Tổ chức Tỉnh ủy", C)}),
    ("Ngân hàng Chính sách xã hội chi nhánh tỉnh chủ trì, phối hợp với Ủy ban nhân dân các xã, "
     "phường, đặc khu giải ngân vốn vay.",
     {("Ngân hàng Chính sách xã hội chi nhánh tỉnh", L), ("Ủy ban nhân dân xã, phường, đặc khu", C)}),
    ("Ngân hàng Nhà nước chi nhánh Khu vực 9 chỉ đạo các tổ chức tín dụng trên địa bàn cho vay.",
     {("Ngân hàng Nhà nước chi nhánh khu vực 9", L)}),
    ("Bưu điện tỉnh phối hợp với Bảo hiểm xã hội tỉnh chi trả lương hưu tại nhà.",
     {("Bưu điện tỉnh", L), ("Bảo hiểm xã hội tỉnh", C)}),
    ("Công an tỉnh chủ trì, phối hợp với Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh đẩy "
     "nhanh điều tra, truy tố, xét xử.",
     {("Công an tỉnh", L), ("Viện Kiểm sát nhân dân tỉnh", C), ("Tòa án nhân dân tỉnh", C)}),
    ("Công an tỉnh chỉ đạo lực lượng Công an xã, phường tăng cường tuần tra.",
     {("Công an tỉnh", L)}),
    ("Chi cục Kiểm lâm chủ trì, phối hợp với Hạt Kiểm lâm khu vực và Ủy ban nhân dân các xã tuần "
     "tra bảo vệ rừng.",
     {("Chi cục Kiểm lâm", L), ("Hạt Kiểm lâm khu vực", C), ("Ủy ban nhân dân xã", C)}),
    ("Sở Xây dựng chủ trì, phối hợp với Cảng vụ Hàng hải Quảng Ninh kiểm tra an toàn bến cảng.",
     {("Sở Xây dựng", L), ("Sở Xây dựng", M), ("Cảng vụ Hàng hải Quảng Ninh", C)}),
    ("Hiệp hội Du lịch tỉnh phối hợp với Sở Văn hóa, Thể thao và Du lịch quảng bá sản phẩm.",
     {("Hiệp hội Du lịch tỉnh", L), ("Sở Văn hóa, Thể thao và Du lịch", C)}),
    ("Viettel Quảng Ninh, VNPT Quảng Ninh bảo đảm hạ tầng kết nối cho các xã vùng sâu.",
     {("Viettel Quảng Ninh", L), ("VNPT Quảng Ninh", L)}),
    ("Các doanh nghiệp viễn thông trên địa bàn tỉnh phối hợp với Sở Khoa học và Công nghệ phát "
     "triển hạ tầng 5G.",
     {("doanh nghiệp viễn thông", L), ("Sở Khoa học và Công nghệ", C)}),
    # -- collectives stay one unit ---------------------------------------------------------------
    ("Các sở, ban, ngành, Ủy ban nhân dân các xã, phường, đặc khu căn cứ chức năng, nhiệm vụ xây "
     "dựng kế hoạch cụ thể.",
     {("sở, ban, ngành", L), ("Ủy ban nhân dân xã, phường, đặc khu", L)}),
    ("Các sở, ngành, địa phương theo chức năng, nhiệm vụ phối hợp với Sở Nội vụ triển khai.",
     {("sở, ngành, địa phương", L), ("Sở Nội vụ", C)}),
    ("Các cơ quan, đơn vị liên quan phối hợp thực hiện.", set()),
    ("Ủy ban nhân dân các xã, phường, đặc khu chủ trì, phối hợp với Công an các xã, phường rà "
     "soát đối tượng.",
     {("Ủy ban nhân dân xã, phường, đặc khu", L), ("Công an xã, phường", C)}),
    ("Các trường đại học, cao đẳng trên địa bàn tỉnh phối hợp với Sở Giáo dục và Đào tạo đào "
     "tạo nguồn nhân lực.",
     {("trường đại học, cao đẳng", L), ("Sở Giáo dục và Đào tạo", C)}),
    ("Các doanh nghiệp viễn thông, bưu chính phối hợp triển khai.",
     {("doanh nghiệp viễn thông, bưu chính", C)}),
    ("Trung tâm Phục vụ hành chính công các xã, phường tiếp nhận hồ sơ của người dân.",
     {("Trung tâm Phục vụ hành chính công xã, phường", L)}),
    ("Ban Chỉ huy Quân sự các xã, phường phối hợp với Công an xã huấn luyện dân quân.",
     {("Ban Chỉ huy Quân sự xã, phường", L), ("Công an xã", C)}),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh tăng cường "
     "giám sát việc thực hiện chính sách.",
     {("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", L), ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", M),
      ("tổ chức chính trị - xã hội tỉnh", L), ("tổ chức chính trị - xã hội tỉnh", M)}),
    # -- titles and persons ----------------------------------------------------------------------
    ("Giám đốc Sở Giáo dục và Đào tạo chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh về "
     "chất lượng giáo dục.",
     {("Sở Giáo dục và Đào tạo", L), ("Chủ tịch Ủy ban nhân dân tỉnh", R)}),
    ("Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm toàn diện về công tác phòng cháy, "
     "chữa cháy trên địa bàn.",
     {("Chủ tịch Ủy ban nhân dân xã, phường", L)}),
    ("Thủ trưởng các sở, ban, ngành tỉnh chỉ đạo rà soát thủ tục hành chính.",
     {("sở, ban, ngành tỉnh", L)}),
    ("Chánh Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện.",
     {("Văn phòng Ủy ban nhân dân tỉnh", L), ("Văn phòng Ủy ban nhân dân tỉnh", M)}),
    # -- sectors ---------------------------------------------------------------------------------
    ("Sở Y tế chủ trì, phối hợp với Trung tâm Kiểm soát bệnh tật tỉnh, Bệnh viện Đa khoa tỉnh và "
     "Trạm Y tế các xã, phường triển khai tiêm chủng mở rộng.",
     {("Sở Y tế", L), ("Trung tâm Kiểm soát bệnh tật tỉnh", C), ("Bệnh viện Đa khoa tỉnh", C),
      ("Trạm Y tế xã, phường", C)}),
    ("Bệnh viện Y học cổ truyền tỉnh, Bệnh viện Phục hồi chức năng tỉnh phối hợp thực hiện.",
     {("Bệnh viện Y học cổ truyền tỉnh", C), ("Bệnh viện Phục hồi chức năng tỉnh", C)}),
    ("Sở Giáo dục và Đào tạo chỉ đạo các trường trung học phổ thông tổ chức dạy học STEM.",
     {("Sở Giáo dục và Đào tạo", L)}),
    ("Trung tâm Khuyến nông tỉnh phối hợp với Hội Nông dân tỉnh và Liên minh Hợp tác xã tỉnh tập "
     "huấn cho nông dân.",
     {("Trung tâm Khuyến nông tỉnh", L), ("Hội Nông dân tỉnh", C), ("Liên minh Hợp tác xã tỉnh", C)}),
    ("Chi cục Trồng trọt và Bảo vệ thực vật, Chi cục Chăn nuôi và Thú y hướng dẫn nông dân.",
     {("Chi cục Trồng trọt và Bảo vệ thực vật", L), ("Chi cục Chăn nuôi và Thú y", L)}),
    ("Sở Nội vụ chủ trì, phối hợp với Liên đoàn Lao động tỉnh, Bảo hiểm xã hội tỉnh kiểm tra việc "
     "thực hiện chính sách đối với người lao động.",
     {("Sở Nội vụ", L), ("Sở Nội vụ", M), ("Liên đoàn Lao động tỉnh", C), ("Bảo hiểm xã hội tỉnh", C)}),
    ("Ban Dân tộc Hội đồng nhân dân tỉnh giám sát việc thực hiện chính sách dân tộc.",
     {("Ban Dân tộc Hội đồng nhân dân tỉnh", L), ("Ban Dân tộc Hội đồng nhân dân tỉnh", M)}),
    ("Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam "
     "tỉnh định hướng công tác tuyên truyền.",
     {("Ban Tuyên giáo và Dân vận Tỉnh ủy", L), ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", C)}),
    ("Đảng ủy các cơ quan Đảng tỉnh chỉ đạo các chi bộ trực thuộc triển khai thực hiện.",
     {("Đảng ủy các cơ quan Đảng tỉnh", L)}),
    ("Hội Cựu chiến binh tỉnh, Hội Người cao tuổi tỉnh, Hội Chữ thập đỏ tỉnh vận động hội viên "
     "tham gia.",
     {("Hội Cựu chiến binh tỉnh", L), ("Hội Người cao tuổi tỉnh", L), ("Hội Chữ thập đỏ tỉnh", L)}),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh chủ trì Chiến dịch thanh niên tình nguyện hè.",
     {("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh", L)}),
    ("Sở Y tế tham mưu Ủy ban nhân dân tỉnh ban hành danh mục dịch vụ kỹ thuật.",
     {("Sở Y tế", L), ("Ủy ban nhân dân tỉnh", R)}),
    ("Hội đồng Thi đua - Khen thưởng tỉnh chủ trì tổng kết, khen thưởng.",
     {("Hội đồng Thi đua - Khen thưởng tỉnh", L)}),
    ("Báo và Phát thanh, Truyền hình Quảng Ninh xây dựng chuyên mục về chuyển đổi số.",
     {("Báo và Phát thanh, Truyền hình Quảng Ninh", L)}),
    ("Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Văn phòng Đăng ký đất đai tỉnh cập "
     "nhật cơ sở dữ liệu đất đai.",
     {("Sở Nông nghiệp và Môi trường", L), ("Văn phòng Đăng ký đất đai tỉnh", C)}),
    # -- a complete listed name followed by an unlisted verb is not lengthened -------------------
    ("Sở Y tế khảo sát nhu cầu khám chữa bệnh của người cao tuổi.", {("Sở Y tế", L)}),
    ("Sở Tài chính thẩm định, trình Ủy ban nhân dân tỉnh phê duyệt dự toán.",
     {("Sở Tài chính", L), ("Ủy ban nhân dân tỉnh", R)}),
    ("Trung tâm Y tế khu vực đẩy mạnh khám sàng lọc cho học sinh.",
     {("Trung tâm Y tế khu vực", L)}),
]

# A second batch, written after the first batch passed and before the changes it measures
# (counts in evaluation/RESULTS.md): abbreviations, titles, the 2025 names, other places.
CASES_2: list = [
    ("VKSND tỉnh, TAND tỉnh phối hợp với Công an tỉnh đưa các vụ án ra xét xử lưu động.",
     {("Viện Kiểm sát nhân dân tỉnh", L), ("Tòa án nhân dân tỉnh", L), ("Công an tỉnh", C)}),
    ("NHNN chi nhánh Khu vực 10 chủ trì, phối hợp với NHCSXH chi nhánh tỉnh hướng dẫn cho vay.",
     {("Ngân hàng Nhà nước chi nhánh khu vực 10", L),
      ("Ngân hàng Chính sách xã hội chi nhánh tỉnh", C)}),
    ("Đài PT-TH tỉnh, Báo Lào Cai phối hợp tuyên truyền.",
     {("Đài Phát thanh và Truyền hình tỉnh", C), ("Báo Lào Cai", C)}),
    ("Ban QLDA đầu tư xây dựng tỉnh chủ trì lập báo cáo nghiên cứu khả thi.",
     {("Ban Quản lý dự án đầu tư xây dựng tỉnh", L)}),
    ("Giám đốc Công an tỉnh chỉ đạo Công an các xã, phường ra quân trấn áp tội phạm.",
     {("Công an tỉnh", L)}),
    ("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh.",
     {("Bộ Chỉ huy Quân sự tỉnh", L), ("Chủ tịch Ủy ban nhân dân tỉnh", R)}),
    ("Phòng Tham mưu - Công an tỉnh tổng hợp, báo cáo Ban Chỉ đạo tỉnh.",
     {("Phòng Tham mưu Công an tỉnh", L), ("Ban Chỉ đạo tỉnh", R)}),
    ("Thống kê tỉnh chủ trì, phối hợp với các sở, ngành cung cấp số liệu.",
     {("Thống kê tỉnh", L), ("sở, ngành", C)}),
    pytest.param(
        "Đồn Biên phòng Cửa khẩu Lào Cai phối hợp với Hải quan cửa khẩu kiểm soát hàng hóa.",
        {("Đồn Biên phòng Cửa khẩu Lào Cai", L), ("Hải quan cửa khẩu", C)},
        marks=pytest.mark.xfail(reason="lower-case 'Hải quan cửa khẩu' is no class in units.json"),
    ),
    ("Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh tỉnh bố trí nguồn vốn cho vay.",
     {("Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh tỉnh", L)}),
    ("Trung tâm Y tế khu vực Bắc Hà phối hợp với Trạm Y tế xã Bảo Nhai khám sàng lọc.",
     {("Trung tâm Y tế khu vực Bắc Hà", L), ("Trạm Y tế xã", C)}),
    ("Ban Quản lý Khu kinh tế tỉnh chủ trì, phối hợp với Sở Công Thương xúc tiến đầu tư.",
     {("Ban Quản lý Khu kinh tế tỉnh", L), ("Sở Công Thương", C)}),
    ("Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh tổ chức hội nghị xúc tiến.",
     {("Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh", L)}),
    ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã tổng hợp, báo cáo Ủy ban nhân dân xã.",
     {("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", L), ("Ủy ban nhân dân xã", R)}),
    pytest.param(
        "Phòng Kinh tế các xã, Phòng Văn hóa - Xã hội các phường tham mưu Ủy ban nhân dân cùng cấp.",
        {("Phòng Kinh tế xã", L), ("Phòng Văn hóa - Xã hội phường", L)},
        marks=pytest.mark.xfail(reason="'Ủy ban nhân dân cùng cấp' is read as report_to "
                                "'Ủy ban nhân dân'; arguably right, the expectation left it out"),
    ),
    ("Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm tỉnh lấy mẫu kiểm nghiệm.",
     {("Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm tỉnh", L)}),
    ("Chi cục An toàn vệ sinh thực phẩm chủ trì, phối hợp với Đội Quản lý thị trường số 3 kiểm "
     "tra cơ sở kinh doanh.",
     {("Chi cục An toàn vệ sinh thực phẩm", L), ("Chi cục An toàn vệ sinh thực phẩm", M),
      ("Đội Quản lý thị trường số 3", C)}),
    ("Ban Chỉ đạo an toàn thực phẩm tỉnh kiểm tra liên ngành trong dịp Tết.",
     {("Ban Chỉ đạo an toàn thực phẩm tỉnh", L), ("Ban Chỉ đạo an toàn thực phẩm tỉnh", M)}),
    pytest.param(
        "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh "
        "chỉ đạo các ngành.",
        {("Ban Chỉ đạo tỉnh", L)},
        marks=pytest.mark.xfail(reason="a name opening with 'về' stops at the head: 'Ban Chỉ đạo'"),
    ),
    ("Hội Nạn nhân chất độc da cam/dioxin tỉnh, Hội Bảo trợ người khuyết tật và trẻ mồ côi tỉnh "
     "vận động nguồn lực.",
     {("Hội Nạn nhân chất độc da cam/dioxin tỉnh", L),
      ("Hội Bảo trợ người khuyết tật và trẻ mồ côi tỉnh", L)}),
    ("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh phối hợp tổ chức hội thảo.",
     {("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", C)}),
    pytest.param(
        "Các cơ sở giáo dục nghề nghiệp, trường cao đẳng trên địa bàn tuyển sinh đào tạo.",
        {("trường cao đẳng", L)},
        marks=pytest.mark.xfail(reason="a class after a generic noun is not read as the subject "
                                "(roles in extract.duties)"),
    ),
    ("Các hợp tác xã, tổ hợp tác tham gia liên kết chuỗi giá trị.", set()),
    ("Các tổ chức tín dụng, ngân hàng thương mại trên địa bàn cơ cấu lại nợ cho khách hàng.",
     {("tổ chức tín dụng", L), ("ngân hàng thương mại", L)}),
    ("Chủ tịch UBND các xã, phường, đặc khu chịu trách nhiệm trước Chủ tịch UBND tỉnh.",
     {("Chủ tịch Ủy ban nhân dân xã, phường, đặc khu", L), ("Chủ tịch Ủy ban nhân dân tỉnh", R)}),
    ("Đảng ủy các xã, phường, đặc khu lãnh đạo, chỉ đạo cấp ủy chi bộ thực hiện.",
     {("Đảng ủy xã, phường, đặc khu", L)}),
    ("Sở Dân tộc và Tôn giáo chủ trì, phối hợp với Ban Dân tộc Hội đồng nhân dân tỉnh khảo sát.",
     {("Sở Dân tộc và Tôn giáo", L), ("Ban Dân tộc Hội đồng nhân dân tỉnh", C)}),
    ("Giao Công ty Cổ phần Cấp nước tỉnh bảo đảm cung cấp nước sạch.",
     {("Công ty Cổ phần Cấp nước tỉnh", L)}),
    ("Tổng công ty Điện lực miền Bắc chỉ đạo Công ty Điện lực Lào Cai bảo đảm cấp điện.",
     {("Tổng công ty Điện lực miền Bắc", L)}),
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh chủ trì, phối hợp với các tổ chức thành viên "
     "giám sát.",
     {("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", L), ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", M),
      ("tổ chức thành viên", C)}),
]

# A third batch (policy-making, poverty-reduction evaluation, 5G in industrial parks: topics of
# plans the team has not read), measured before the changes made for it.
CASES_3: list = [
    ("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh phối hợp với Sở Tư pháp thẩm "
     "định dự thảo nghị quyết.",
     {("Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân tỉnh", L), ("Sở Tư pháp", C)}),
    ("Ban Quản lý các Khu công nghệ cao và khu công nghiệp thành phố chủ trì, phối hợp với các "
     "doanh nghiệp viễn thông (Viettel, VNPT, MobiFone) triển khai hạ tầng 5G.",
     # the bracket names the class's members: one unit each, the class not added
     # (GUIDELINES-real.md [decided, s13 fixleft]; kh987 IV.1 of the session-13 fresh documents)
     {("Ban Quản lý các Khu công nghệ cao và khu công nghiệp thành phố", L),
      ("Viettel", C), ("VNPT", C), ("MobiFone", C)}),
    ("Tập đoàn Công nghiệp - Viễn thông Quân đội, Tập đoàn Bưu chính Viễn thông Việt Nam, Tổng "
     "công ty Viễn thông MobiFone đầu tư hạ tầng.",
     {("Tập đoàn Công nghiệp - Viễn thông Quân đội", L),
      ("Tập đoàn Bưu chính Viễn thông Việt Nam", L), ("Tổng công ty Viễn thông MobiFone", L)}),
    ("Các chủ đầu tư kinh doanh hạ tầng khu công nghiệp phối hợp với Sở Khoa học và Công nghệ bố "
     "trí mặt bằng lắp đặt trạm.",
     {("Sở Khoa học và Công nghệ", C)}),
    ("Cục Viễn thông, Cục Tần số vô tuyến điện hướng dẫn doanh nghiệp.",
     {("Cục Viễn thông", L), ("Cục Tần số vô tuyến điện", L)}),
    ("Ban Chỉ đạo các chương trình mục tiêu quốc gia thành phố chỉ đạo các xã, phường tự đánh giá.",
     {("Ban Chỉ đạo các chương trình mục tiêu quốc gia thành phố", L)}),
    ("Thống kê thành phố phối hợp với Sở Nông nghiệp và Môi trường cung cấp số liệu hộ nghèo.",
     {("Thống kê thành phố", L), ("Sở Nông nghiệp và Môi trường", C)}),
    ("Đoàn Luật sư tỉnh, Hội Luật gia tỉnh tham gia góp ý dự thảo văn bản quy phạm pháp luật.",
     {("Đoàn Luật sư tỉnh", L), ("Hội Luật gia tỉnh", L)}),
    ("Học viện Chính trị khu vực I phối hợp bồi dưỡng cán bộ.",
     {("Học viện Chính trị khu vực I", C)}),
    ("Sở Tư pháp chủ trì, phối hợp với Văn phòng Ủy ban nhân dân tỉnh, Sở Nội vụ tổ chức tập huấn "
     "kỹ năng xây dựng văn bản.",
     {("Sở Tư pháp", L), ("Văn phòng Ủy ban nhân dân tỉnh", C), ("Sở Nội vụ", C)}),
    ("Các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh chủ động đề xuất chính sách.",
     {("cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh", L)}),
    ("Ngân hàng Chính sách xã hội chi nhánh thành phố Cần Thơ bảo đảm nguồn vốn tín dụng chính sách.",
     {("Ngân hàng Chính sách xã hội chi nhánh thành phố", L)}),
    ("Hội đồng tư vấn chính sách tỉnh thẩm định đề xuất chính sách.",
     {("Hội đồng tư vấn chính sách tỉnh", L)}),
    ("Sở Y tế chủ trì rà soát hộ nghèo, hộ cận nghèo, phối hợp với Ủy ban nhân dân xã, phường và "
     "Ban Dân tộc Hội đồng nhân dân thành phố.",
     {("Sở Y tế", L), ("Ủy ban nhân dân xã, phường", C), ("Ban Dân tộc Hội đồng nhân dân thành phố", C)}),
    pytest.param(
        "Trung tâm Chuyển đổi số tỉnh chủ trì vận hành Trung tâm giám sát, điều hành đô thị thông minh.",
        {("Trung tâm Chuyển đổi số tỉnh", L)},
        marks=pytest.mark.xfail(reason="'giám sát' inside an object's name still makes a monitor "
                                "(roles in extract.duties)"),
    ),
    ("Ban Quản lý dự án đầu tư xây dựng khu vực số 1 tỉnh làm chủ đầu tư.",
     {("Ban Quản lý dự án đầu tư xây dựng khu vực số 1", L)}),
]

# A fourth batch against over-reading: a complete name followed by a verb phrase the boundary
# list may not hold must not be read into the name (written before it was measured).
CASES_4: list = [
    ("Chi cục Kiểm lâm tuần tra, kiểm tra các khu rừng.",
     {("Chi cục Kiểm lâm", L), ("Chi cục Kiểm lâm", M)}),
    ("Trung tâm Truyền thông tỉnh phát sóng chuyên mục, tuyên truyền trên nền tảng số.",
     {("Trung tâm Truyền thông tỉnh", L)}),
    ("Cục Quản lý thị trường kịp thời phát hiện, xử lý vi phạm.",
     {("Cục Quản lý thị trường", L)}),
    ("Hội Nông dân vận động nông dân tham gia bảo hiểm.", {("Hội Nông dân", L)}),
    ("Trung tâm Dịch vụ nông nghiệp hướng dẫn nông dân chuyển đổi cây trồng.",
     {("Trung tâm Dịch vụ nông nghiệp", L)}),
    ("Phòng Kinh tế xã tổng hợp nhu cầu vốn, gửi Ủy ban nhân dân xã.",
     {("Phòng Kinh tế xã", L), ("Ủy ban nhân dân xã", R)}),
    ("Quỹ Hỗ trợ nông dân cho vay ưu đãi đối với hộ nghèo.", {("Quỹ Hỗ trợ nông dân", L)}),
    ("Trung tâm Trợ giúp pháp lý nhà nước tỉnh cử trợ giúp viên tham gia tố tụng.",
     {("Trung tâm Trợ giúp pháp lý nhà nước tỉnh", L)}),
    ("Hội Khuyến học xã phát động phong trào học tập suốt đời.", {("Hội Khuyến học xã", L)}),
    ("Ban Chỉ đạo 35 tỉnh chỉ đạo đấu tranh phản bác quan điểm sai trái.",
     {("Ban Chỉ đạo 35 tỉnh", L)}),
    ("Trung tâm Phát triển quỹ đất thực hiện bồi thường, giải phóng mặt bằng.",
     {("Trung tâm Phát triển quỹ đất", L)}),
    ("Cục Hải quan chủ động nắm tình hình hàng hóa xuất khẩu.", {("Cục Hải quan", L)}),
    ("Chi cục Thủy sản hướng dẫn ngư dân khai thác hải sản bền vững.", {("Chi cục Thủy sản", L)}),
    ("Bệnh viện Đa khoa tỉnh bảo đảm thuốc, vật tư y tế.", {("Bệnh viện Đa khoa tỉnh", L)}),
]


def _roles(text: str) -> set[tuple[str, str]]:
    return {(r.name, r.role) for r in roles_in_text(normalize_text(text))}


@pytest.mark.parametrize(("text", "expected"), CASES + CASES_2 + CASES_3 + CASES_4)
def test_units_with_roles(text: str, expected: set[tuple[str, str]]) -> None:
    assert _roles(text) == expected


def main() -> None:
    for label, cases in (("first batch", CASES), ("second batch", CASES_2), ("third batch", CASES_3),
                          ("fourth batch", CASES_4)):
        ok = 0
        for case in cases:
            text, expected = case.values if hasattr(case, "values") else case
            got = _roles(text)
            if got == expected:
                ok += 1
            else:
                print(text[:90])
                print("   missed", sorted(expected - got))
                print("   extra ", sorted(got - expected))
        print(f"{label}: {ok}/{len(cases)} cases pass")


if __name__ == "__main__":
    main()


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Sở Sây dựng chủ trì", "Sở Xây dựng"),  # one letter off a listed body
        ("Sở Khoa học Công nghệ chủ trì", "Sở Khoa học và Công nghệ"),  # "và" dropped
        ("Sở Tài chinh chủ trì", "Sở Tài chính"),
        ("Sở Công thương chủ trì", "Sở Công Thương"),
        ("Phòng Tư pháp chủ trì", "Phòng Tư pháp"),  # listed names stay as they are
    ],
)
def test_misspelt_names_snap_to_the_listed_body(written: str, canonical: str) -> None:
    assert [r.name for r in roles_in_text(normalize_text(written))] == [canonical]


def test_titles_over_collectives_with_an_abbreviated_owner() -> None:
    text = "Thủ trưởng các cơ quan chuyên môn thuộc UBND tỉnh chịu trách nhiệm."
    assert _roles(text) == {("cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh", L)}


def test_directory_finds_sentence_case_names_and_2025_successors() -> None:
    from chinhsach.extract.directory import UnitDirectory

    d = UnitDirectory(["Thuế tỉnh", "Ban Chỉ đạo phòng, chống ma túy tỉnh",
                       "Quỹ Đầu tư phát triển tỉnh", "Phòng Tham mưu Công an tỉnh", "Công an tỉnh"])
    assert d.lookup("Cục Thuế tỉnh")[0][0] == "Thuế tỉnh"  # renamed in 2025
    assert d.lookup("ban chi dao phong chong ma tuy")[0][0] == "Ban Chỉ đạo phòng, chống ma túy tỉnh"
    assert d.lookup("quy dau tu phat trien")[0][0] == "Quỹ Đầu tư phát triển tỉnh"
    assert d.resolve("Công an tỉnh") == ["Công an tỉnh"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression tests written with the change (not counted in the batches above).
        ("Các Sở, ngành: Tài chính, Xây dựng, Công Thương phối hợp.",
         ["Sở Tài chính", "Sở Xây dựng", "Sở Công Thương"]),
        ("Các sở, ban, ngành: Y tế, Công an tỉnh, Nội vụ và Giáo dục và Đào tạo phối hợp.",
         ["Sở Y tế", "Công an tỉnh", "Sở Nội vụ", "Sở Giáo dục và Đào tạo"]),
        ("Các sở, ban, ngành: căn cứ chức năng xây dựng kế hoạch.", ["sở, ban, ngành"]),
        ("ĐỀ NGHỊ ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH VÀ CÁC TỔ CHỨC CHÍNH TRỊ - XÃ HỘI",
         ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "tổ chức chính trị - xã hội"]),
        ("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh chủ trì.",
         ["Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh"]),
        ("Chi cục Chăn nuôi, Thú y và Thủy sản chủ trì.", ["Chi cục Chăn nuôi, Thú y và Thủy sản"]),
        ("Sở Y tế, Tài chính và Nội vụ phối hợp.", ["Sở Y tế", "Sở Tài chính", "Sở Nội vụ"]),
        ("Thuế cơ sở 3 tỉnh Lào Cai phối hợp.", ["Thuế cơ sở 3"]),
        ("Thuế Đồng Nai chủ trì, phối hợp với Thống kê tỉnh Sơn La.", ["Thuế Đồng Nai", "Thống kê tỉnh"]),
        ("Thuế thu nhập cá nhân tăng.", []),
        ("SỞ TƯ PHÁP; SỞ KẾ HOẠCH VÀ ĐẦU TƯ", ["Sở Tư pháp", "Sở Kế hoạch và Đầu tư"]),
        ("BAN CHẤP HÀNH TW ĐẢNG", ["Ban Chấp hành Trung ương Đảng"]),
        ("ỦY BAN NHÂN DÂN TP. HỒ CHÍ MINH", ["Ủy ban nhân dân thành phố"]),
        ("Cấp ủy, chính quyền cơ sở Sơn La phối hợp.", ["cấp ủy cơ sở", "chính quyền cơ sở"]),
    ],
)
def test_member_lists_and_all_caps_lines(text: str, expected: list[str]) -> None:
    from chinhsach.extract.units import find_units

    assert [m.name for m in find_units(normalize_text(text))] == expected
