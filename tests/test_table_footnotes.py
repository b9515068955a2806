"""A footnote under a stacked table's last row (session 17, helper fixZa; reviewer-found bug).

:func:`chinhsach.structure.tables._stacked_rows` sets a page's footnote apart from the rows and
:func:`lines_with_tables` emits it after them. A footnote after the table's last row stands after
``block.last``: it was emitted once as a note and once more as an ordinary line after the block.
Invented wording (the layout of the s14 gazette appendix in tests/test_s16_fixb_tables.py).
"""

from __future__ import annotations

from chinhsach.model import Provenance, SourceLine
from chinhsach.structure.tables import find_tables, lines_with_tables

_HEADER = ("TT \nTên nhiệm vụ \nCơ quan  \nchủ trì  \nCơ quan  \nphối hợp  \nKết quả \nThời gian \n"
           "hoàn thành \nCăn cứ  \nbổ sung \n")

_ROWS = (
    "1  \nRà soát, cập nhật danh mục thủ tục hành chính \nthuộc thẩm quyền giải quyết của tỉnh \n"
    "Sở Tư pháp \nCác sở, \nngành \nDanh mục được \ncông bố \nThường \nxuyên \nNghị quyết \nsố 15-\nNQ/TU \n"
    "2  \nXây dựng kho dữ liệu dùng chung về hồ sơ đất \nđai phục vụ giải quyết thủ tục \n"
    "Sở Nông nghiệp \nvà Môi trường \nSở Tài chính \nKho dữ liệu \nđược vận hành \nTháng \n9/2026 \n"
    "Kế hoạch \nsố 40/KH-\nUBND \n"
    "3  \nTổ chức đối thoại với doanh nghiệp về thủ tục \nđầu tư trên địa bàn tỉnh \n"
    "Sở Tài chính \nSở Nội vụ \nHội nghị được \ntổ chức \n2026 \nNghị quyết \nsố 15-\nNQ/TU1 \n"
)

_NOTE = ("1 Nghị quyết số 15-NQ/TU ngày 20/01/2026 của Ban Thường vụ Tỉnh ủy về đẩy mạnh cải cách "
         "hành chính và chuyển đổi số.")


def test_a_footnote_after_the_last_row_is_emitted_once() -> None:
    text = _HEADER + _ROWS + " \n" + _NOTE + "\nNơi nhận:\n- Như trên;"
    lines = [SourceLine(text=t, prov=Provenance(file="t.txt", page=None, line=n + 1)) for n, t in enumerate(text.split("\n"))]
    found = find_tables(lines)
    assert found, "the stacked table is read"
    out, _rows = lines_with_tables(lines, found)
    assert sum(1 for x in out if x.text.strip() == _NOTE) == 1
    assert sum(1 for x in out if x.kind == "table_row") == 4  # header + 3 rows
