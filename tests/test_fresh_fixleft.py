"""Forms left over from the session-13 fresh development documents (helper fixleft), written
with invented wording: numbered categories inside a target's population (qd2853), …
"""

from __future__ import annotations

from chinhsach.extract.targets import find_targets


def test_a_numbered_category_does_not_cut_the_population_list() -> None:
    # "đối tượng 4" names a training category (national-defence courses are numbered 1-4):
    # it is no second value, and the listed groups before it stay in the indicator.
    text = ("- 100% giáo viên, nhân viên, người lao động khi dự lớp bồi dưỡng thuộc đối tượng 3 "
            "và người có uy tín trong thôn, bản được tập huấn kỹ năng sơ cứu;")
    targets = find_targets(text, section="I.2", year=2030)
    assert len(targets) == 1
    assert targets[0].value == 100.0
    assert targets[0].indicator.startswith("tỷ lệ giáo viên, nhân viên, người lao động")
