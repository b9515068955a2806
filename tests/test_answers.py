"""Who is responsible, duties of a unit, the unit list: on the seed and the illustrative plans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chinhsach import Index
from chinhsach.answers.who import duties_of, list_units, mentions_topic, topic_of, who
from chinhsach.cli import app
from chinhsach.errors import UnknownDocumentError, UnknownUnitError

SEED_ID = "sonla-ke-hoach-thuc-hien-nq-42-nq-tw"
DISTRICT_ID = "minh-hoa-huyen-uy-ke-hoach-58"


@pytest.mark.parametrize(
    ("question", "topic"),
    [("ai chịu trách nhiệm về nước sạch?", "nước sạch"), ("ai chiu trach nhiem ve nuoc sach", "nuoc sach"),
     ("Đơn vị nào phụ trách bảo hiểm y tế?", "bảo hiểm y tế"), ("tuyên truyền nghị quyết", "tuyên truyền nghị quyết"),
     # verbs of oversight ask who answers for what follows them
     ("ai theo dõi, đôn đốc kế hoạch phát triển làng nghề?", "kế hoạch phát triển làng nghề"),
     ("ai kiem tra, giam sat viec su dung kinh phi", "su dung kinh phi"),
     # the unit asked for by its kind ("sở nào", "ban nào"), or after the topic
     ("Sở nào phụ trách nước sạch?", "nước sạch"), ("ban nao phu trach tuyen truyen", "tuyen truyen"),
     ("nước sạch do đơn vị nào chủ trì?", "nước sạch"), ("hải quan số do ai chủ trì?", "hải quan số"),
     # the asking phrase where staff put it: after a place, inside the question, at its end
     ("Bắc Ninh: ai phụ trách chữ ký số cho người dân?", "Bắc Ninh: chữ ký số cho người dân"),
     ("o son la don vi nao chon hop tac xa thu gom hang", "o son la chon hop tac xa thu gom hang"),
     ("dua cong nghe so vao quan ly khu cong nghiep giao cho ai", "dua cong nghe so vao quan ly khu cong nghiep"),
     ("Làm đường trong KCN do đơn vị nào đảm nhận?", "Làm đường trong KCN"),
     ("khen thưởng cấp xã do ai quyết định?", "khen thưởng cấp xã quyết định")],
)
def test_topic_of_strips_question_words(question: str, topic: str) -> None:
    assert topic_of(question) == topic


def test_who_on_the_seed_alone_says_the_plan_names_no_unit(seed_index: Path) -> None:
    with Index.open(seed_index) as idx:
        answer = who(idx, "ai chịu trách nhiệm về nước sạch?")
    top = answer[0]
    assert top.unit == "Ban cán sự đảng Ủy ban nhân dân tỉnh" and top.explicit is False
    assert "names no unit" in top.note and "không nêu đơn vị" in top.note
    assert any(e.section == "III.6" and "nước sạch" in e.text for e in top.evidence)


@pytest.mark.parametrize("question", ["ai chịu trách nhiệm về nước sạch?", "ai chiu trach nhiem ve nuoc sach"])
def test_who_puts_the_explicit_district_assignment_first(corpus_index: Path, question: str) -> None:
    with Index.open(corpus_index) as idx:
        answer = who(idx, question)
    top = answer[0]
    assert top.unit == "Phòng Nông nghiệp và Môi trường huyện" and top.role == "lead" and top.explicit
    assert top.evidence[0].doc_id == DISTRICT_ID
    inherited = [r for r in answer if not r.explicit]
    assert all(answer.index(r) > answer.index(top) for r in inherited)


def test_who_json_contract(corpus_index: Path) -> None:
    result = CliRunner().invoke(app, ["who", "ai chịu trách nhiệm về nước sạch", "--index", str(corpus_index), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {"unit", "role", "explicit", "evidence", "score"} <= set(rows[0])
    assert {"doc_id", "section", "text"} == set(rows[0]["evidence"][0])


@pytest.mark.parametrize(
    ("query", "unit"),
    [("Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"), ("ban tuyen giao tinh uy", "Ban Tuyên giáo Tỉnh ủy"),
     ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"), ("Giám đốc Sở Y tế", "Sở Y tế"),
     ("BHXH tỉnh", "Bảo hiểm xã hội tỉnh")],
)
def test_duties_of_a_unit_fuzzy_lookup(corpus_index: Path, query: str, unit: str) -> None:
    with Index.open(corpus_index) as idx:
        grouped = duties_of(idx, query)
    rows = [d for ds in grouped.values() for d in ds]
    assert rows and all(d.unit == unit for d in rows)
    assert all({"unit", "role", "doc_id", "section", "text", "deadline", "recurring"} <= set(d.to_dict()) for d in rows)


def test_duties_of_tuyen_giao_on_the_seed(seed_index: Path) -> None:
    with Index.open(seed_index) as idx:
        rows = duties_of(idx, "ban tuyen giao tinh uy")[SEED_ID]
    assert {(d.section, d.role) for d in rows} == {("IV.2.1", "lead"), ("IV.2.2", "lead"), ("IV.2.2", "monitor")}


def test_duties_carry_deadlines(seed_index: Path) -> None:
    with Index.open(seed_index) as idx:
        rows = duties_of(idx, "huyện ủy")[SEED_ID]
    assert rows[0].section == "IV.3" and rows[0].deadline == "2024-03-31" and rows[0].recurring == "hằng năm"


def test_unknown_unit_lists_the_closest_known_units(corpus_index: Path) -> None:
    with Index.open(corpus_index) as idx, pytest.raises(UnknownUnitError) as err:
        duties_of(idx, "Sở Ngoại giao")
    assert err.value.suggestions and all(s.lower().startswith(("sở", "phòng", "ban"))
                                               for s in err.value.suggestions[:3])
    result = CliRunner().invoke(app, ["duties", "Sở Ngoại giao", "--index", str(corpus_index)])
    assert result.exit_code == 6 and "closest known units" in result.stderr


def test_units_lists_counts(corpus_index: Path) -> None:
    with Index.open(corpus_index) as idx:
        rows = list_units(idx)
    by_name = {r["unit"]: r for r in rows}
    assert by_name["Ban Tuyên giáo Tỉnh ủy"]["duties"] == 2
    assert rows == sorted(rows, key=lambda r: (-r["duties"], r["unit"]))


def test_unknown_document_is_a_clear_error(corpus_index: Path) -> None:
    with Index.open(corpus_index) as idx:
        assert idx.document("58-kh/hu").doc_id == DISTRICT_ID
        with pytest.raises(UnknownDocumentError, match="indexed:"):
            idx.document("99-NQ/TW")


def test_refs_and_graph_commands(corpus_index: Path, seed_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["refs", SEED_ID, "--index", str(corpus_index), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    cited = {r["number"]: r for r in data["cites"]}
    assert cited["42-NQ/TW"]["kind"] == "implements" and cited["2161/QĐ-TTg"]["kind"] == "cites"
    back = json.loads(runner.invoke(app, ["refs", "42-nq/tw", "--index", str(corpus_index), "--json"]).stdout)
    assert {SEED_ID, DISTRICT_ID} <= {r["doc_id"] for r in back["cited_by"]}
    from_file = runner.invoke(app, ["refs", str(seed_path), "--index", str(corpus_index), "--json"])
    assert {c["number"] for c in json.loads(from_file.stdout)["citations"]} >= {"42-NQ/TW", "19-KH/TW"}
    mermaid = runner.invoke(app, ["graph", "--index", str(corpus_index)])
    assert mermaid.exit_code == 0 and mermaid.stdout.startswith("graph TD") and "42-NQ/TW" in mermaid.stdout
    dot = runner.invoke(app, ["graph", "--index", str(corpus_index), "--format", "dot"])
    assert "digraph" in dot.stdout and "->" in dot.stdout
    missing = runner.invoke(app, ["refs", "99-NQ/TW", "--index", str(corpus_index)])
    assert missing.exit_code == 6


def test_topic_of_a_question_with_invisible_characters() -> None:
    """Soft hyphens pasted before the question do not shift the topic's offsets."""
    from chinhsach.answers.who import topic_of

    assert topic_of("\u00ad\u00adai chịu trách nhiệm về nước sạch?") == "nước sạch"
    assert topic_of("Ai chiu trach nhiem ve nuoc sach") == "nuoc sach"


def test_fold_keeps_length_and_case_on_request() -> None:
    from chinhsach.text import fold

    assert fold("Chỉ tiêu Đảng") == "chi tieu dang"
    assert fold("Chỉ Tiêu Đảng", keep_case=True) == "Chi Tieu Dang"
    odd = "a\u00adǅb"  # a soft hyphen and a digraph whose plain fold changes the length
    assert len(fold(odd, keep_length=True)) == len(odd)


def test_who_names_leads_before_partners(corpus_index: Path) -> None:
    """A who-question asks who answers for the topic: every explicit lead comes before the
    explicit partners, monitors and recipients, whatever their summed scores."""
    with Index.open(corpus_index) as idx:
        answer = who(idx, "ai chịu trách nhiệm về nước sạch?")
    roles = [r.role for r in answer if r.explicit]
    assert roles and roles[0] == "lead"
    first_other = next((i for i, role in enumerate(roles) if role != "lead"), len(roles))
    assert "lead" not in roles[first_other:]


def test_evidence_is_looked_for_below_sentences_off_the_topic(corpus_index: Path) -> None:
    """The topic filter runs before the cut to ``hits`` segments: ten segments that do not speak
    of the topic ranked first must not hide the one that does (a question typed without
    diacritics can rank such sentences first)."""
    from chinhsach.answers.who import _evidence, topic_terms
    from chinhsach.indexing import facts

    terms = topic_terms("nước sạch")
    with Index.open(corpus_index) as idx:
        rows = [(i, facts.segment_at(idx.conn, int(p))) for i, p in enumerate(idx.positions)]
        off = [i for i, row in rows if not mentions_topic(terms, row.text)][:10]
        on = [i for i, row in rows if mentions_topic(terms, row.text)][:1]
        assert len(off) == 10 and on
        # Scores close together: all within the share of the best evidence.
        ranked = [(i, 1.0 - 0.01 * n) for n, i in enumerate(off + on)]
        found = _evidence(idx, ranked, terms, hits=8)
    assert [row.id for _, row, _ in found] == [rows[on[0]][1].id]


@pytest.mark.parametrize(("question", "doc_id"), [
    ("ai chịu trách nhiệm về nước sạch trong kế hoạch thực hiện Nghị quyết 42 về chính sách xã "
     "hội của Sơn La?", SEED_ID),
    ("ai chiu trach nhiem ve nuoc sach trong ke hoach thuc hien nghi quyet 42 ve chinh sach xa hoi "
     "cua Son La", SEED_ID),
    ("nước sạch trong kế hoạch của Mai Sơn do ai chủ trì?", DISTRICT_ID),
])
def test_who_answers_a_subject_inside_the_plan_the_question_names(
        corpus_index: Path, question: str, doc_id: str) -> None:
    """"X trong kế hoạch Y": the plan Y names (title and place) is searched for X; the words of
    Y are no evidence (before, "nghị quyết" matched the plan's sentences on carrying out the
    resolution, and the answer was a unit with no duty about clean water)."""
    with Index.open(corpus_index) as idx:
        answer = who(idx, question)
    assert answer
    evidence = [e for r in answer for e in r.evidence]
    assert evidence and all(e.doc_id == doc_id for e in evidence)
    assert "nước" in answer[0].evidence[0].text


@pytest.mark.parametrize(("topic", "rest"), [
    ("Sơn La: nước sạch", "nước sạch"), ("nuoc sach o tinh son la", "nuoc sach"),
    ("nước sạch nông thôn của tỉnh Sơn La", "nước sạch nông thôn"),
])
def test_the_place_a_question_names_chooses_plans_and_leaves_the_topic(
        corpus_index: Path, topic: str, rest: str) -> None:
    """A place the plans' headers name chooses those plans and is no word of the topic: left in,
    the pair "sơn la" matched every sentence that prints the province."""
    from chinhsach.answers.who import _place_of

    with Index.open(corpus_index) as idx:
        local, left = _place_of(idx, topic)
        assert SEED_ID in local and left == rest
        assert _place_of(idx, "nước sạch") == (set(), "nước sạch")
        answer = who(idx, f"{topic} do ai phụ trách?")
    assert answer and all(e.doc_id in local for r in answer for e in r.evidence)


@pytest.mark.parametrize(("question", "kind"), [
    ("Sở nào phụ trách nước sạch?", "so"), ("bo nao cap giay phep mat ma", "bo"),
    ("quảng bá chống ma túy do ban nào chủ trì", "ban"), ("ai chịu trách nhiệm về nước sạch?", None),
    ("cơ quan nào thẩm định hồ sơ", None), ("đơn vị nào lo việc này", None),
    # "số nào", "bó nào" fold alike but are no asker inside a longer word
    ("Hồ sơ nào", None),
])
def test_the_kind_of_body_a_question_asks_for(question: str, kind: str | None) -> None:
    from chinhsach.answers.who import asked_kind

    assert asked_kind(question) == kind


def test_a_body_of_the_kind_asked_comes_first_when_its_evidence_is_strong() -> None:
    """"Sở nào …": a Sở charged as lead with comparable evidence comes before the police; a Sở
    with weak evidence does not displace the answer."""
    from chinhsach.answers.who import Responsible, _of_the_kind_asked

    police = Responsible("Công an tỉnh", "lead", True, 1.0)
    culture = Responsible("Sở Văn hóa, Thể thao và Du lịch", "lead", True, 0.8)
    partner = Responsible("Sở Y tế", "cooperate", True, 0.9)
    weak = Responsible("Sở Tư pháp", "lead", True, 0.3)
    assert [r.unit for r in _of_the_kind_asked([police, culture, partner], "so")] == [
        culture.unit, police.unit, partner.unit]
    assert _of_the_kind_asked([police, weak], "so") == [police, weak]
    assert _of_the_kind_asked([police, culture], None) == [police, culture]


@pytest.mark.parametrize("question", ["ho so nao can tham dinh", "chi so nao dat", "co so nao cai nghien"])
def test_words_ending_in_a_folded_kind_ask_for_no_kind(question: str) -> None:
    from chinhsach.answers.who import asked_kind

    assert asked_kind(question) is None


def _real_plans() -> Path | None:
    for base in Path(__file__).resolve().parents:
        cand = base / "shared" / "real" / "plans"
        if cand.is_dir():
            return cand
    return None


@pytest.fixture(scope="module")
def can_tho_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real index over the three Cần Thơ development plans of ../shared/real/plans."""
    from chinhsach import build_index

    plans = _real_plans()
    files = sorted(plans.glob("kh15[37]-*.md")) + sorted(plans.glob("kh165-*.md")) if plans else []
    if len(files) != 3:
        pytest.skip("../shared/real/plans not found: the real plans are not in the repository")
    folder = tmp_path_factory.mktemp("can-tho")
    for f in files:
        (folder / f.name).symlink_to(f)
    index_dir = folder / "idx"
    report = build_index([folder], index_dir)
    assert report.n_documents == 3 and not report.failed
    return index_dir


@pytest.mark.parametrize(("topic", "rest"), [
    ("khen thưởng cấp xã trong phong trào thi đua chi trả không dùng tiền mặt", "khen thưởng cấp xã trong chi trả"),
    ("khen thuong cap xa trong phong trao thi dua chi tra khong dung tien mat", "khen thuong cap xa trong chi tra"),
    # two words of a title ("xã hội") are no plan's subject
    ("mở tài khoản cho người hưởng trợ cấp xã hội", "mở tài khoản cho người hưởng trợ cấp xã hội"),
])
def test_the_words_of_a_plans_title_are_the_plans_subject(can_tho_index: Path, topic: str, rest: str) -> None:
    from chinhsach.answers.who import _without_plan_subject

    with Index.open(can_tho_index) as idx:
        assert _without_plan_subject(idx, topic, set()) == rest


def test_a_duty_outranks_sentences_that_repeat_the_plans_subject(can_tho_index: Path) -> None:
    """The question names one step (thẩm định hồ sơ khen thưởng) and the plan's subject (phong
    trào thi đua chi trả không dùng tiền mặt): the sentences that repeat the subject answered
    first (Chủ tịch Ủy ban nhân dân thành phố, who awards the prize) before session 10."""
    with Index.open(can_tho_index) as idx:
        answer = who(idx, "Ai thẩm định hồ sơ khen thưởng trong phong trào thi đua chi trả không dùng tiền mặt?")
    assert answer[0].unit == "Sở Nội vụ"
    assert "thẩm định" in answer[0].evidence[0].text


@pytest.mark.parametrize("question", [
    "Ai phải chỉ đạo xây dựng kế hoạch thực hiện Nghị quyết 42, hoàn thành trong quý I/2024?",
    "ai xay dung ke hoach thuc hien nghi quyet 42 hoan thanh trong quy I/2024",
])
def test_a_collective_whose_duty_is_clearly_asked_about_answers(corpus_index: Path, question: str) -> None:
    """The seed charges "các đảng đoàn, ban cán sự đảng; các huyện ủy, thành ủy, đảng ủy trực
    thuộc" with the plans due in quý I/2024. That duty ranks first, but its collective units
    were halved below the named unit of a weaker duty (Ủy ban nhân dân huyện) before session 10."""
    with Index.open(corpus_index) as idx:
        answer = who(idx, question)
    assert answer[0].unit in {"đảng đoàn", "ban cán sự đảng", "huyện ủy, thành ủy", "đảng ủy trực thuộc"}
    assert "quý I/2024" in answer[0].evidence[0].text


def test_a_collective_beside_a_named_lead_comes_after_it(corpus_index: Path) -> None:
    """A named body and a collective charged with the same duty: the named body first."""
    with Index.open(corpus_index) as idx:
        for question in ("ai chịu trách nhiệm về nước sạch?", "ai phụ trách tuyên truyền nghị quyết 42"):
            answer = [r for r in who(idx, question) if r.explicit and r.role == "lead"]
            first_named = next((i for i, r in enumerate(answer) if not r.unit[:1].islower()), None)
            assert first_named is not None
            shared = {e.text for e in answer[first_named].evidence}
            assert not any(r.unit[:1].islower() and {e.text for e in r.evidence} <= shared
                           for r in answer[:first_named])
