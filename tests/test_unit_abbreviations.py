"""Bodies named by an abbreviation: the general administrative ones are spelt out, the rest are
kept as printed and scored as the gold's full name when the gold records them (s18 fixAD).

A General Department's notice (s17 held-out tb990) charges its departments by codes it never
spells out; the annotator expanded them from knowledge. Only words used across ministries and
provinces are expanded by the system (``data/units.json``: CNTT, TCCB beside KHĐT, TNMT …);
an agency's private codes stay as printed (GUIDELINES-real.md [decided, s18 fixAD]).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from chinhsach.extract.units import find_units

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "evaluation"))
import extraction_eval as ee  # noqa: E402


@pytest.mark.parametrize(("text", "names"), [
    # the whole expansion is the name, its lower-case words included
    ("Giao Cục CNTT chủ trì triển khai phần mềm mới.", ["Cục Công nghệ thông tin"]),
    ("Trung tâm CNTT tỉnh bảo đảm đường truyền.", ["Trung tâm Công nghệ thông tin tỉnh"]),
    ("Phòng TCCB rà soát vị trí việc làm.", ["Phòng Tổ chức cán bộ"]),
    # a head with an office's own code after "và" opens a second body
    ("phối hợp với Cục CNTT và Vụ XYZ xây dựng quy trình",
     ["Cục Công nghệ thông tin", "Vụ XYZ"]),
    ("phối hợp với Cục Công nghệ thông tin và Ban ABCD hoàn thiện dữ liệu",
     ["Cục Công nghệ thông tin", "Ban ABCD"]),
    # an agency's private code stays as printed
    ("Giao Vụ QRST chủ trì tổng hợp báo cáo.", ["Vụ QRST"]),
])
def test_general_abbreviations_are_spelt_out_private_codes_kept(text: str, names: list[str]) -> None:
    assert [m.name for m in find_units(text)] == names


def test_a_code_given_as_printed_scores_as_the_gold_full_name() -> None:
    gold = {"printed": {"Vụ QRST": "Vụ Quản lý rủi ro số thuế"},
            "duties": [{"section": "2.1", "units": [{"name": "Vụ Quản lý rủi ro số thuế", "role": "lead"}]}]}
    pred = [{"section": "2.1", "units": [{"name": "Vụ QRST", "role": "lead"}]}]
    assert ee.unit_triples(pred, printed=ee.printed_names(gold)) == ee.unit_triples(gold["duties"])
    # without the gold's record the printed code is another unit
    assert ee.unit_triples(pred) != ee.unit_triples(gold["duties"])
