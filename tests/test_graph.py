"""The citation graph over the real corpus documents, and over small hand-made ones."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import TEXTS

import chinhsach
from chinhsach.answers.graph import DocumentGraph, build_graph, document_level
from chinhsach.errors import UnknownDocumentError
from chinhsach.model import Citation, Document, DocumentMeta
from chinhsach.text.docnumber import doc_number_key

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SEED = "sonla-ke-hoach-thuc-hien-nq-42-nq-tw"
DISTRICT = "minh-hoa-huyen-uy-ke-hoach-58"
PROVINCE = "minh-hoa-ubnd-tinh-ha-giang-ke-hoach-42"
DEPARTMENT = "minh-hoa-so-y-te-ke-hoach"


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    # Parsing takes a few seconds per file: once for the whole module.
    return [chinhsach.parse(p) for p in TEXTS]


@pytest.fixture(scope="module")
def graph(documents: list[Document]) -> DocumentGraph:
    return build_graph(documents)


def cites_of(graph: DocumentGraph, spec: str) -> dict[str, dict]:
    return {c["key"]: c for c in graph.refs(spec)["cites"]}


# ---------------------------------------------------------------------------------------------
# Nodes
# ---------------------------------------------------------------------------------------------


def test_every_corpus_document_is_a_node(graph: DocumentGraph, documents: list[Document]) -> None:
    indexed = {n.doc_id: n for n in graph.nodes.values() if not n.external}
    assert set(indexed) == {d.doc_id for d in documents}
    assert indexed[DISTRICT].key == "58-KH/HU"
    assert indexed[PROVINCE].number == "43/KH-UBND"
    # The seed has no number: keyed by its id, labelled by type and title.
    seed = indexed[SEED]
    assert seed.key == f"doc:{SEED}" and seed.number is None
    assert seed.label.startswith("Kế hoạch thực hiện Nghị quyết số 42-NQ/TW")


def test_levels_put_resolutions_on_top(graph: DocumentGraph) -> None:
    level = {k: n.level for k, n in graph.nodes.items()}
    assert level["42-NQ/TW"] == 0
    assert level["2161/QD-TTG"] == 0
    assert level["38/2013/QH13"] == 0
    assert level["19-KH/TW"] == 1
    assert level[f"doc:{SEED}"] == 2  # Ban Thường vụ Tỉnh ủy Sơn La
    assert level["43/KH-UBND"] == 2
    assert level["35/NQ-HDND"] == 2
    assert level["215/KH-SYT"] == 3
    assert level["58-KH/HU"] == 4
    ordered = [n.level for n in graph.ordered_nodes()]
    assert ordered == sorted(ordered)


def test_documents_sharing_a_cited_number_share_its_node(graph: DocumentGraph) -> None:
    nq42 = graph.refs("42-NQ/TW")
    assert nq42["document"]["external"] is True
    assert {c["doc_id"] for c in nq42["cited_by"]} == {SEED, DISTRICT, PROVINCE, DEPARTMENT}
    # 19-KH/TW is cited with two spellings of its issuer: still one node.
    assert {c["doc_id"] for c in graph.refs("19-KH/TW")["cited_by"]} == {SEED, DISTRICT, PROVINCE}
    assert len([k for k in graph.nodes if k.startswith("19-KH")]) == 1
    numbers = [n.number for n in graph.nodes.values() if n.number]
    keys = [doc_number_key(x) for x in numbers]
    assert len(keys) == len(set(keys))


def test_external_nodes_carry_what_the_citation_says(graph: DocumentGraph) -> None:
    node = graph.nodes["2161/QD-TTG"]
    assert node.external and node.doc_id is None
    assert node.number == "2161/QĐ-TTg"
    assert node.doc_type == "Quyết định"
    assert node.date == "2021-12-22"
    assert node.issuer == "Thủ tướng Chính phủ"
    assert node.label == "Quyết định 2161/QĐ-TTg"


# ---------------------------------------------------------------------------------------------
# Edges
# ---------------------------------------------------------------------------------------------


def test_seed_implements_the_resolution_and_the_central_plan(graph: DocumentGraph) -> None:
    cites = cites_of(graph, SEED)
    assert cites["42-NQ/TW"]["kind"] == "implements"  # named in the title
    assert cites["19-KH/TW"]["kind"] == "implements"  # "Thực hiện … và Kế hoạch số 19-KH/TW"
    assert cites["42-NQ/TW"]["external"] and cites["19-KH/TW"]["external"]
    for number in ("2161/QD-TTG", "223/NQ-HDND", "1717/QD-UBND", "28-NQ/TW", "09-NQ/TU"):
        assert cites[number]["kind"] == "cites", number
    assert cites["2161/QD-TTG"]["sections"] == ["III.6"]
    assert cites["09-NQ/TU"]["sections"] == ["III.4"]
    # Every section that mentions the resolution, the preamble (None) first.
    assert cites["42-NQ/TW"]["sections"][0] is None
    assert {"I.1", "I.2", "IV.1"} <= set(cites["42-NQ/TW"]["sections"])


def test_district_plan_implements_what_its_preamble_carries_out(graph: DocumentGraph) -> None:
    cites = cites_of(graph, DISTRICT)
    assert cites["42-NQ/TW"]["kind"] == "implements"
    assert cites["245-KH/TU"]["kind"] == "implements"
    assert cites["19-KH/TW"]["kind"] == "implements"
    # "; căn cứ Hướng dẫn số 21-HD/BTGTU …": a basis, not what the plan carries out.
    assert cites["21-HD/BTGTU"]["kind"] == "cites"
    assert cites["21-HD/BTGTU"]["level"] == 3


def test_can_cu_clauses_are_bases_even_with_thuc_hien_inside(graph: DocumentGraph) -> None:
    province = cites_of(graph, PROVINCE)
    assert province["42-NQ/TW"]["kind"] == "implements"
    # "Căn cứ Kế hoạch số 19-KH/TW … về thực hiện Nghị quyết 42-NQ/TW": cited, not implemented.
    assert province["19-KH/TW"]["kind"] == "cites"
    assert province["38/2013/QH13"]["kind"] == "cites"
    # "Căn cứ A; B; …; Kế hoạch số 318/KH-UBND … thực hiện Nghị quyết số 09-NQ/TW, Sở Y tế …":
    # the Căn cứ opener runs through the list and the "thực hiện" belongs to Kế hoạch 318.
    department = cites_of(graph, DEPARTMENT)
    assert {c["kind"] for c in department.values()} == {"cites"}
    assert set(department) == {"20-NQ/TW", "42-NQ/TW", "09-NQ/TW", "318/KH-UBND"}


def test_one_edge_per_pair_with_the_citing_date(graph: DocumentGraph) -> None:
    pairs = [(e.source, e.target) for e in graph.edges]
    assert len(pairs) == len(set(pairs))
    assert all(e.source != e.target for e in graph.edges)
    edge = next(e for e in graph.edges if (e.source, e.target) == ("58-KH/HU", "42-NQ/TW"))
    assert edge.date == "2024-03-05"
    assert all(e.date is None for e in graph.edges if e.source == f"doc:{SEED}")
    assert all(e.source in graph.nodes and e.target in graph.nodes for e in graph.edges)


# ---------------------------------------------------------------------------------------------
# refs()
# ---------------------------------------------------------------------------------------------


def test_refs_accepts_any_spelling_of_a_number(graph: DocumentGraph) -> None:
    expected = graph.refs("2161/QĐ-TTg")
    assert expected["document"]["key"] == "2161/QD-TTG"
    for spec in ("2161/qd-ttg", "2161/qđ-ttg", "2161 / QĐ - TTg", "2161/QD-TTG"):
        assert graph.refs(spec) == expected, spec
    assert [c["doc_id"] for c in expected["cited_by"]] == [SEED]
    assert graph.refs("42-nq/tw")["document"]["key"] == "42-NQ/TW"


def test_refs_both_directions(graph: DocumentGraph) -> None:
    by_id = graph.refs(DISTRICT)
    assert by_id == graph.refs("58-kh/hu") == graph.refs("58-KH/HU")
    assert by_id["document"]["doc_id"] == DISTRICT
    assert by_id["cited_by"] == []  # no corpus document cites the district plan
    assert "42-NQ/TW" in {c["key"] for c in by_id["cites"]}
    back = {c["key"]: c for c in graph.refs("42-NQ/TW")["cited_by"]}
    assert back["58-KH/HU"]["kind"] == "implements"
    assert back["215/KH-SYT"]["kind"] == "cites"
    assert graph.refs(SEED) == graph.refs(f"doc:{SEED}")


def test_unknown_document_raises(graph: DocumentGraph) -> None:
    with pytest.raises(UnknownDocumentError) as err:
        graph.refs("999-NQ/TW")
    message = str(err.value)
    assert "999-NQ/TW" in message
    assert DISTRICT in message and "58-KH/HU" in message  # tells what exists
    with pytest.raises(UnknownDocumentError):
        graph.refs("")


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def test_json_round_trips(graph: DocumentGraph) -> None:
    data = json.loads(json.dumps(graph.to_json(), ensure_ascii=False))
    assert len(data["nodes"]) == len(graph.nodes)
    assert len(data["edges"]) == len(graph.edges)
    assert data["nodes"][0]["level"] == 0
    assert {"source", "target", "kind", "date", "sections"} <= set(data["edges"][0])


def test_index_json_form_gives_the_same_graph(documents: list[Document], graph: DocumentGraph) -> None:
    as_json = [json.loads(json.dumps(d.to_dict(), ensure_ascii=False)) for d in documents]
    assert build_graph(as_json).to_json() == graph.to_json()


def test_mermaid(graph: DocumentGraph) -> None:
    text = graph.to_mermaid()
    assert text.startswith("graph TD\n")
    assert '["Nghị quyết 42-NQ/TW<br/>24/11/2023"]' in text
    assert "Kế hoạch 58-KH/HU<br/>05/03/2024" in text
    assert "Kế hoạch thực hiện Nghị quyết số 42-NQ/TW" in text  # the seed, by its title
    ids = dict(re.findall(r"^\s+(\w+)\[\"([^\"]*)\"\]", text, re.M))
    by_label = {label.split("<br/>")[0]: ident for ident, label in ids.items()}
    assert all(re.fullmatch(r"[A-Za-z0-9_]+", ident) for ident in ids)
    nq42, district = by_label["Nghị quyết 42-NQ/TW"], by_label["Kế hoạch 58-KH/HU"]
    # Drawn from the resolution down to the plan, declared top level first.
    assert f"{nq42} -->|implements| {district}" in text
    assert text.index(f"{nq42}[") < text.index(f"{district}[")
    assert re.search(r"classDef external .*stroke-dasharray", text)
    styled = re.search(r"^\s+class (\S+) external$", text, re.M)
    assert styled is not None
    external = set(styled.group(1).split(","))
    assert nq42 in external and district not in external
    edges = re.findall(r"^\s+(\w+) -->\|(implements|cites)\| (\w+)$", text, re.M)
    assert len(edges) == len(graph.edges)
    assert all(a in ids and b in ids for a, _, b in edges)


def test_dot(graph: DocumentGraph) -> None:
    text = graph.to_dot()
    assert text.startswith("digraph ")
    assert "rankdir=TB" in text
    assert text.count("{") == text.count("}")
    stripped = re.sub(r'"(?:[^"\\]|\\.)*"', '""', text)  # braces inside labels do not count
    assert stripped.count("{") == stripped.count("}")
    nodes = dict(re.findall(r'^\s+(\w+) \[label="((?:[^"\\]|\\.)*)"', text, re.M))
    edges = re.findall(r"^\s+(\w+) -> (\w+) \[label=\"(implements|cites)\"", text, re.M)
    assert len(edges) == len(graph.edges)
    assert all(a in nodes and b in nodes for a, b, _ in edges)
    assert "Nghị quyết 42-NQ/TW\\n24/11/2023" in nodes.values()
    nq42_line = next(line for line in text.splitlines() if "Nghị quyết 42-NQ/TW" in line)
    assert "dashed" in nq42_line  # external
    district_line = next(line for line in text.splitlines() if "Kế hoạch 58-KH/HU" in line)
    assert "dashed" not in district_line
    assert re.search(r"\{ rank=same; [^}]+; \}", text)


# ---------------------------------------------------------------------------------------------
# Documents of the corpus that cite each other
# ---------------------------------------------------------------------------------------------


def _provincial_plan() -> Document:
    meta = DocumentMeta(
        type="Kế hoạch", number="7-KH/TU", date="2024-01-10",
        issuer="Ban Thường vụ Tỉnh ủy Lai Châu",
        title="Kế hoạch thực hiện Nghị quyết số 42-NQ/TW ngày 24/11/2023",
    )
    cit = Citation(number="42-NQ/TW", doc_type="Nghị quyết", date="2023-11-24",
                   issuer="Ban Chấp hành Trung ương Đảng", section=None,
                   text="Nghị quyết số 42-NQ/TW ngày 24/11/2023")
    return Document(doc_id="tu-7", path="tu-7.txt", sha256="", format="txt", meta=meta,
                    sections=[], segments=[], citations=[cit])


def _district_plan() -> dict:
    # The index JSON form, with segments: the preamble says what the plan carries out.
    return {
        "doc_id": "ubnd-huyen-3",
        "title": "Kế hoạch triển khai công tác giảm nghèo năm 2024",
        "meta": {"type": "Kế hoạch", "number": "3/KH-UBND", "date": "2024-02-01",
                 "issuer": "Ủy ban nhân dân huyện Phong Thổ"},
        "segments": [
            {"section": None, "kind": "title", "text": "Số: 3/KH-UBND"},
            {"section": None, "kind": "preamble",
             "text": "Thực hiện Kế hoạch số 7-kh/tu ngày 10/01/2024 của Ban Thường vụ Tỉnh ủy; "
                     "căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ, "
                     "Ủy ban nhân dân huyện ban hành Kế hoạch như sau:"},
            {"section": "II.1", "kind": "bullet",
             "text": "Bám sát Kế hoạch số 7-KH/TU và Kế hoạch số 3/KH-UBND này."},
        ],
        "citations": [
            {"number": "7-KH/TU", "doc_type": "Kế hoạch", "date": "2024-01-10",
             "issuer": "Ban Thường vụ Tỉnh ủy", "section": None,
             "text": "Kế hoạch số 7-kh/tu ngày 10/01/2024 của Ban Thường vụ Tỉnh ủy"},
            {"number": "90/QĐ-TTg", "doc_type": "Quyết định", "date": "2022-01-18",
             "issuer": "Thủ tướng Chính phủ", "section": None,
             "text": "Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ"},
        ],
    }


def test_a_corpus_document_citing_another_joins_the_two_nodes() -> None:
    graph = build_graph([_provincial_plan(), _district_plan()])
    edge = next(e for e in graph.edges if e.source == "3/KH-UBND" and e.target == "7-KH/TU")
    target = graph.nodes[edge.target]
    assert target.external is False and target.doc_id == "tu-7"
    assert target.issuer == "Ban Thường vụ Tỉnh ủy Lai Châu"  # the document's own metadata
    assert edge.kind == "implements"  # "Thực hiện Kế hoạch số 7-kh/tu …"
    assert edge.sections == [None, "II.1"]
    assert edge.date == "2024-02-01"
    assert not any(n.external and n.key == "7-KH/TU" for n in graph.nodes.values())
    assert len([k for k in graph.nodes if k.startswith("7-KH")]) == 1
    # The Căn cứ clause is a basis; the plan's own number is no citation.
    cites = cites_of(graph, "3/kh-ubnd")
    assert set(cites) == {"7-KH/TU", "90/QD-TTG"}
    assert cites["90/QD-TTG"]["kind"] == "cites"
    assert cites["90/QD-TTG"]["external"] is True
    # The chain runs centre → province → district.
    chain = graph.refs("7-KH/TU")
    assert [c["doc_id"] for c in chain["cited_by"]] == ["ubnd-huyen-3"]
    assert [c["key"] for c in chain["cites"]] == ["42-NQ/TW"]
    assert [graph.nodes[k].level for k in ("42-NQ/TW", "7-KH/TU", "3/KH-UBND")] == [0, 2, 4]
    mermaid = graph.to_mermaid()
    assert "n_42_nq_tw -->|implements| n_7_kh_tu" in mermaid
    assert "n_7_kh_tu -->|implements| n_3_kh_ubnd" in mermaid


def test_citations_without_segments_use_their_own_words() -> None:
    doc = {
        "doc_id": "bare",
        "meta": {"type": "Kế hoạch", "number": "1/KH-SYT", "issuer": "Sở Y tế"},
        "citations": [
            {"number": "5/KH-UBND", "section": None,
             "text": "Thực hiện Kế hoạch số 5/KH-UBND ngày 02/01/2024"},
            {"number": "5/kh-ubnd", "section": "II.2", "text": "Kế hoạch số 5/kh-ubnd"},
            {"number": "20-NQ/TW", "section": None, "text": "Nghị quyết số 20-NQ/TW"},
        ],
    }
    graph = build_graph([doc])
    cites = cites_of(graph, "bare")
    assert cites["5/KH-UBND"]["kind"] == "implements"
    assert cites["5/KH-UBND"]["sections"] == [None, "II.2"]
    assert cites["20-NQ/TW"]["kind"] == "cites"
    assert graph.nodes["1/KH-SYT"].label == "Kế hoạch 1/KH-SYT"


@pytest.mark.parametrize(
    ("number", "issuer", "level"),
    [
        ("42-NQ/TW", None, 0),
        ("7-KL/TW", None, 0),
        ("24/NĐ-CP", None, 0),
        ("19-KH/TW", "Ban Chấp hành Trung ương", 1),
        ("10/2023/TT-BLĐTBXH", None, 1),
        ("245-KH/TU", None, 2),
        ("43/KH-UBND", "Ủy ban nhân dân tỉnh Hà Giang", 2),
        ("12/NQ-HĐND", "Hội đồng nhân dân huyện Mai Sơn", 4),
        ("215/KH-SYT", None, 3),
        ("21-HD/BTGTU", None, 3),
        (None, "Sở Lao động - Thương binh và Xã hội", 3),
        ("58-KH/HU", None, 4),
        ("5/KH-UBND", "Ủy ban nhân dân xã Chiềng Mung, huyện Mai Sơn", 5),
        (None, "Bộ Y tế", 1),
        (None, None, 2),
    ],
)
def test_document_level(number: str | None, issuer: str | None, level: int) -> None:
    assert document_level(number, issuer) == level


def _plan(doc_id: str, number: str | None, preamble: str, citations: list[dict],
          title: str = "Kế hoạch công tác năm 2024") -> dict:
    return {
        "doc_id": doc_id,
        "title": title,
        "meta": {"type": "Kế hoạch", "number": number, "date": "2024-05-01",
                 "issuer": "Ủy ban nhân dân tỉnh Lai Châu"},
        "segments": [{"section": None, "kind": "preamble", "text": preamble}],
        "citations": citations,
    }


def test_a_new_opener_after_a_comma_starts_a_new_clause() -> None:
    doc = _plan(
        "p1", "9/KH-UBND",
        "Thực hiện Nghị quyết số 42-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng, "
        "căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ, "
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
        [{"number": "42-NQ/TW", "section": None, "text": "Nghị quyết số 42-NQ/TW"},
         {"number": "90/QĐ-TTg", "section": None, "text": "Quyết định số 90/QĐ-TTg"}],
    )
    cites = cites_of(build_graph([doc]), "p1")
    assert cites["42-NQ/TW"]["kind"] == "implements"
    assert cites["90/QD-TTG"]["kind"] == "cites"


def test_two_indexed_documents_with_one_number_stay_apart() -> None:
    cit = [{"number": "11/KH-UBND", "section": None, "text": "Kế hoạch số 11/KH-UBND"}]
    first = _plan("first", "11/KH-UBND", "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:", [])
    copy = _plan("copy", "11/kh-ubnd", "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:", [])
    citing = _plan("citing", None, "Căn cứ Kế hoạch số 11/KH-UBND;", cit)
    graph = build_graph([first, copy, citing])
    assert graph.nodes["11/KH-UBND"].doc_id == "first"
    assert graph.nodes["doc:copy"].doc_id == "copy"
    assert graph.refs("copy")["document"]["key"] == "doc:copy"
    assert [c["doc_id"] for c in graph.refs("citing")["cites"]] == ["first"]


def test_labels_are_escaped_in_mermaid_and_dot() -> None:
    doc = _plan("q", None, "Kế hoạch như sau:", [], title='Kế hoạch "Đợt 1" <thử> \\ nghiệm')
    graph = build_graph([doc])
    mermaid = graph.to_mermaid()
    assert '#quot;Đợt 1#quot; #lt;thử#gt;' in mermaid
    assert '"Đợt 1"' not in mermaid
    dot = graph.to_dot()
    assert '\\"Đợt 1\\" <thử> \\\\ nghiệm' in dot
