"""How the unit reader does on the names real documents use, counted by the FORM of the name.

    .venv/bin/python evaluation/unit_audit.py [--verbose FORM] [--sample N] [--seed S]

Real text only: the development plans (the files the gold of ``gold/real/*.json`` names), the
seed plan (``corpus/*.txt``), the six DOCX laws (``../shared/real/ingestion/docx``), the OCR gold
texts (``gold/ocr/*.txt``) and the ALQAC statute corpora (``../shared/benchmarks/alqac``, or
``$ALQAC_DIR``) WITHOUT the five laws of the second fresh check (``fresh_alqac_laws.LAWS``; the
2023 ``law.json`` names them without the year, both spellings are left out). The held-out plans
are never read.

In every sentence that charges a body (``chủ trì``, ``phối hợp``, ``chịu trách nhiệm``, ``giao``,
``tham mưu``, ``hướng dẫn``, ``báo cáo`` …) a recall-oriented net of head words (``Bộ``, ``Sở``,
``Ủy ban``/``UBND``, ``Hội``, ``Công an``, ``Kho bạc``, ``Trung tâm``, ``Đài``, ``Báo``,
``Chính phủ``, the collectives ``các sở, ban, ngành`` …) proposes candidate mentions; each is
given one FORM (abbreviation, 2025 name, level suffix, person title, collective, names joined by
``và``/commas, generic word …) and compared with :func:`chinhsach.extract.units.find_units` on
the same sentence:

- ``found``: a mention covers the candidate's head word;
- ``missed``: no mention covers it;
- ``cut``: a mention covers the head but stops where the name visibly goes on (a capitalised
  word, ``&``, or ``và``/``,`` + a capitalised word that starts no unit of its own);
- ``generic``: candidates that are NOT units by GUIDELINES-real.md (``các cơ quan, đơn vị có
  liên quan``, ``cơ quan nhà nước có thẩm quyền``); for them ``found`` is the error.

The net over-proposes on purpose (a head word in lower case is not a body: ``sở hữu``,
``ban hành``): the counts say where to look, and ``--sample`` prints a random sample of the
extractor's own mentions (fixed seed) for a hand check of precision; the verdicts of that hand
check are kept in ``unit_audit_sample.json`` (mention keys and verdicts only, no document text).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation"))

from fresh_alqac_laws import is_fresh_law  # noqa: E402

from chinhsach.extract.units import UnitMention, find_units  # noqa: E402
from chinhsach.text.normalize import fold, normalize_text  # noqa: E402

SAMPLE_FILE = ROOT / "evaluation" / "unit_audit_sample.json"
ALQAC_FILES = ("alqac2022/law2022.json", "alqac2023/law.json", "alqac2023_oct_release/legal_passages.json")


def shared_dir() -> Path | None:
    for anc in ROOT.parents:
        if (anc / "shared" / "real").is_dir():
            return anc / "shared"
    return None




def alqac_dir() -> Path | None:
    env = os.environ.get("ALQAC_DIR")
    if env and Path(env).is_dir():
        return Path(env)
    shared = shared_dir()
    return shared / "benchmarks" / "alqac" if shared else None


def sources() -> list[tuple[str, str, list[str]]]:
    """(group, name, paragraphs) of every real text the audit reads."""
    from chinhsach.pipeline import read_document

    out: list[tuple[str, str, list[str]]] = []
    files: list[tuple[str, Path]] = []
    shared = shared_dir()
    for g in sorted((ROOT / "evaluation" / "gold" / "real").glob("*.json")):
        rel = json.loads(g.read_text(encoding="utf-8"))["file"]
        p = (ROOT / rel) if (ROOT / rel).exists() else (shared.parent / rel.replace("../", "", 1) if shared else None)
        if p is not None and p.exists():
            files.append(("plans", p))
    files += [("seed", p) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    if shared:
        files += [("laws-docx", p) for p in sorted((shared / "real" / "ingestion" / "docx").glob("*.docx"))]
    files += [("ocr", p) for p in sorted((ROOT / "evaluation" / "gold" / "ocr").glob("*.txt"))]
    for group, path in files:
        doc = read_document(path)
        out.append((group, path.stem, [s.text for s in doc.segments]))
    root = alqac_dir()
    if root is not None:
        for rel in ALQAC_FILES:
            f = root / rel
            if not f.is_file():
                continue
            for law in json.loads(f.read_text(encoding="utf-8")):
                if is_fresh_law(str(law["id"])):
                    continue  # a fresh-check law: never read (HELPERS.md)
                arts = law["articles"]
                if isinstance(arts, str):
                    import ast

                    arts = ast.literal_eval(arts)
                paras = [normalize_text(p) for a in arts for p in str(a["text"]).split("\n") if p.strip()]
                out.append(("alqac", f"{rel.split('/')[0]}:{law['id']}", paras))
    return out


# -- sentences that charge a body ------------------------------------------------------------

_SPLIT = re.compile(r"(?<=[.;!?])\s+(?=\S)|\n+")
_CHARGE = re.compile(
    r"\b(?:chủ trì|phối hợp|chịu trách nhiệm|có trách nhiệm|giao|tham mưu|hướng dẫn|báo cáo|"
    r"đề nghị|trình|theo dõi|đôn đốc|kiểm tra|giám sát|thực hiện|triển khai|quản lý nhà nước)\b",
    re.IGNORECASE,
)


def sentences(paragraphs: list[str]) -> list[str]:
    out = []
    for p in paragraphs:
        for s in _SPLIT.split(p):
            s = s.strip()
            if 20 <= len(s) <= 1200 and _CHARGE.search(s):
                out.append(s)
    return out


# -- the net --------------------------------------------------------------------------------

_HEADS = (
    r"Ủy ban nhân dân|Hội đồng nhân dân|Ủy ban Mặt trận|Ủy ban|UBND|HĐND|UBMTTQ\w*|MTTQ\w*|Mặt trận|"
    r"Bộ Chỉ huy|Bộ đội Biên phòng|Bộ|Sở|Ban|Hội đồng|Hội|Tỉnh đoàn|Thành đoàn|Huyện đoàn|Đoàn|"
    r"Liên đoàn|Liên hiệp|Liên minh|Công an|Tòa án|TAND|Viện [Kk]iểm sát|VKSND|Thanh tra|Kho bạc|KBNN|"
    r"Ngân hàng|NHNN|Tổng cục|Chi cục|Cục|Trung tâm|Văn phòng|Phòng|Đài|Báo|Trường|Bệnh viện|Quỹ|"
    r"Tập đoàn|Tổng công ty|Công ty|Chính phủ|Thủ tướng|Quốc hội|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy|"
    r"Bảo hiểm xã hội|BHXH|Thuế|Kiểm toán|Học viện|Viện|Đội|Đồn|Hạt|Trạm|Chủ tịch nước"
)
# Words that open with a head word but name no body ("Trường hợp", "Bộ luật", "Báo cáo").
_NOT_BODY = (
    r"Trường hợp|Bộ luật|Bộ Luật|Báo cáo|Hội nghị|Đội ngũ|Ban hành|Phòng,? chống|Phòng ngừa|Bộ phận|"
    r"Bộ máy|Bộ tiêu chí|Bộ quy tắc|Bộ hồ sơ|Bộ chỉ số|Bộ công cụ|Bộ dữ liệu|Thanh tra,|Quỹ đất|"
    r"Trạm biến|Đoàn kết|Hội nhập|Ban đầu|Ban ngày|Đài tưởng|Công an nhân dân Việt Nam là|Trường lớp|"
    # persons, not bodies: titles made of a head word ("Viện trưởng", "Thanh tra viên")
    r"(?:Bộ|Viện|Cục|Tổng cục|Chi cục|Vụ|Sở)\s+trưởng|Thanh tra viên|Kiểm sát viên|Hội thẩm|"
    # "Thanh tra việc …", "Thanh tra lại": the verb
    r"Thanh tra (?:việc|vụ việc|lại|đột xuất|thường xuyên|theo)|Trường quay|Văn phòng (?:địa chỉ|điều)"
)
# Not inside a document number ("17/KH-UBND") nor right after a law's title word.
_HEAD_RE = re.compile(rf"(?<![\w&/\-])(?!(?:{_NOT_BODY})(?![\w]))(?:{_HEADS})(?![\w])")
# Collectives and generic words in lower case, after "các" / "Các" or at a list's start.
_COLLECTIVE_RE = re.compile(
    r"(?<![\w])(?:[Cc]ác|[Nn]hững)\s+(?:sở|ban|ngành|bộ|cơ quan|đơn vị|địa phương|tổ chức|đoàn thể|"
    r"hội|doanh nghiệp|cơ sở|trường|bệnh viện|ủy ban|cấp|lực lượng|phòng)(?![\w])"
)
_LOWER_BODY_RE = re.compile(
    r"(?<![\w])(?:[Ủủ]y ban nhân dân|[Hh]ội đồng nhân dân|cơ quan nhà nước có thẩm quyền|"
    r"cơ quan quản lý nhà nước|cơ quan có thẩm quyền|cơ quan chuyên môn|cơ quan chức năng)(?![\w])"
)
_TITLE_RE = re.compile(
    r"(?:Phó\s+)?(?:Chủ tịch|Giám đốc|Thủ trưởng|Bộ trưởng|Người đứng đầu|Chánh Văn phòng|Chánh án|"
    r"Viện trưởng|Cục trưởng|Chi cục trưởng|Tổng Giám đốc|Trưởng ban|Trưởng|Lãnh đạo|Bí thư)\s+(?:các\s+)?$",
    re.IGNORECASE,
)
_STOP_WORDS = frozenset(
    "chủ phối chịu có tham hướng báo thực triển xây tổ theo trong của về để với được là đã sẽ "
    "trình giao kiểm giám đôn căn khi nếu thì tại cho từ đến trên dưới này đó hoặc nhằm "
    "quy định ban hành tiếp đề như mà bao gồm".split()
)
_LEVEL_RE = re.compile(r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu|cấp tỉnh|"
                       r"cấp huyện|cấp xã|các cấp|khu vực|Trung ương|trung ương)(?![\w])")
_ABBR_RE = re.compile(r"(?<![\w])(?:[A-ZĐ]{2,}[A-ZĐ&\-]*|[A-ZĐ]+&[A-ZĐ]+)(?![\w])")
_NEW_2025 = re.compile(
    r"cấp xã|đặc khu|Thuế (?:tỉnh|thành phố|cơ sở|[A-ZĐ])|Kho bạc Nhà nước khu vực|"
    r"Ngân hàng Nhà nước (?:chi nhánh|[Kk]hu vực|Việt Nam [Cc]hi nhánh)|Nông nghiệp và Môi trường|"
    r"Dân tộc và Tôn giáo|Bộ Chỉ huy Quân sự|Ban Quản lý các khu công nghiệp|Báo và Phát thanh|"
    r"Thống kê (?:tỉnh|thành phố)|Hải quan khu vực|Văn hóa, Thể thao và Du lịch tỉnh|Tuyên giáo và Dân vận"
)
_GENERIC = re.compile(
    r"^(?:[Cc]ác|[Nn]hững)\s+(?:cơ quan|đơn vị|địa phương|tổ chức|cấp|lực lượng)(?:\s*,\s*(?:cơ quan|đơn vị|"
    r"địa phương|tổ chức|cá nhân|ngành|cấp))*(?:\s+(?:có\s+)?liên quan)?$|^cơ quan (?:nhà nước )?có thẩm quyền|"
    r"^cơ quan chức năng|^cơ quan quản lý nhà nước"
)


@dataclass
class Candidate:
    start: int  # the head word (or "các")
    end: int  # where the net thinks the name ends
    text: str
    form: str
    title_start: int | None = None


def _name_end(s: str, pos: int) -> int:
    """The net's end of a name: capitalised words, connectors, a level and its place."""
    toks = list(re.finditer(r"[\w&]+|[^\w\s]", s[pos:]))
    end = pos
    k = 0
    steps = 0
    while k < len(toks) and steps < 14:
        t = toks[k].group(0)
        a = pos + toks[k].start()
        b = pos + toks[k].end()
        if t in (",", "-", "–") and k + 1 < len(toks) and toks[k + 1].group(0)[:1].isupper():
            k += 1
            steps += 1
            continue
        if t[:1].isupper() or t == "&" or (t.lower() in ("và",) and k + 1 < len(toks)
                                            and toks[k + 1].group(0)[:1].isupper()):
            end = b
        elif t in _STOP_WORDS or not t[:1].isalpha():
            break
        else:
            lv = _LEVEL_RE.match(s, a)
            if lv:
                end = lv.end()
            elif steps > 4:
                break
            else:
                end = b
        k += 1
        steps += 1
    return end


def candidates(s: str) -> list[Candidate]:
    out: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for m in _COLLECTIVE_RE.finditer(s):
        if m.group(0).endswith("cấp") and re.search(r"\w\s+$", s[: m.start()]):
            continue  # "Ủy ban nhân dân các cấp": a level after a body, not a collective
        # "các sở, ban, ngành (có) liên quan", "các cơ quan, đơn vị"
        e = m.end()
        more = re.match(r"(?:\s*,\s*(?:các\s+)?[a-zđ][\wđ]*(?:\s+[a-zđ][\wđ]*)?|\s+và\s+(?:các\s+)?"
                        r"(?:địa phương|đơn vị|đoàn thể|cá nhân|tổ chức))*", s[e:])
        e += more.end() if more else 0
        out.append(Candidate(m.start(), e, s[m.start() : e], "collective"))
        taken.append((m.start(), e))
    for m in _LOWER_BODY_RE.finditer(s):
        if any(a <= m.start() < b for a, b in taken):
            continue
        e = _name_end(s, m.end())
        out.append(Candidate(m.start(), max(e, m.end()), s[m.start() : max(e, m.end())], "lower"))
        taken.append((m.start(), max(e, m.end())))
    for m in _HEAD_RE.finditer(s):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if m.start() == 0 and m.group(0) in ("Ban", "Phòng", "Đội", "Trường"):
            pass
        e = max(m.end(), _name_end(s, m.end()))
        out.append(Candidate(m.start(), e, s[m.start() : e], ""))
        taken.append((m.start(), e))
    for c in out:
        t = _TITLE_RE.search(s[max(0, c.start - 40) : c.start])
        if t:
            c.title_start = c.start - (len(s[max(0, c.start - 40) : c.start]) - t.start())
        c.form = classify(s, c)
    return sorted(out, key=lambda c: c.start)


FORMS = (
    "generic word (not a unit)",
    "person title",
    "collective (các …)",
    "each level (các cấp)",
    "abbreviation",
    "2025 name",
    "joined by và/commas",
    "level/place suffix",
    "lower-case body (laws)",
    "central body",
    "plain name",
)


# Bare class nouns without a kind or sector: not units (GUIDELINES-real.md, [decided, kh179]).
_GENERIC_NOUNS = re.compile(
    r"^(?:cơ quan|đơn vị|địa phương|tổ chức|cấp|ngành|lực lượng|doanh nghiệp|cơ sở|trường|hội|"
    r"bệnh viện|cá nhân|lĩnh vực|nghề|vùng|cán bộ|công chức|viên chức|hợp tác xã|hộ|phương tiện|"
    r"thiết bị)\b"
)


def _all_generic(text: str) -> bool:
    body = re.sub(r"^(?:các|những)\s+", "", text.strip(), flags=re.I)
    parts = [re.sub(r"^(?:các|những)\s+", "", p.strip(), flags=re.I)
             for p in re.split(r"\s*,\s*|\s+và\s+", body) if p.strip()]
    return bool(parts) and all(_GENERIC_NOUNS.match(p) for p in parts)


def classify(s: str, c: Candidate) -> str:
    text = c.text
    closed = re.match(r"\s*(?:[,.;:)]|$)|\s+(?:(?:có\s+)?liên quan|trên địa bàn|có trách nhiệm|chịu trách nhiệm|"
                      r"chủ trì|phối hợp|thực hiện|tham gia|trong|theo|của|về|để|với|và|được|phải|cần)\b",
                      s[c.end :])
    # Words that are never a kind of body by themselves ("các ngành, các cấp") need no check of
    # what follows; "các tổ chức" may go on to a kind ("tổ chức chính trị - xã hội").
    never_kind = re.match(r"^(?:các|những)\s+(?:ngành|cấp|cơ quan|đơn vị|địa phương)\b", text, re.I)
    if (((closed or never_kind) and c.form == "collective" and _all_generic(text))
            or (closed and _GENERIC.match(text.strip()))
            or re.match(r"^cơ quan quản lý nhà nước", text)) or re.match(r"^(?:cơ quan (?:nhà nước )?có thẩm quyền|cơ quan chức năng)", text):
        return "generic word (not a unit)"
    if c.title_start is not None:
        return "person title"
    if c.form == "collective":
        return "collective (các …)"
    if re.search(r"\bcác cấp\b", text):
        return "each level (các cấp)"
    if _ABBR_RE.search(text):
        return "abbreviation"
    if _NEW_2025.search(text):
        return "2025 name"
    if re.search(r"\svà\s+[A-ZĐ]|,\s+[A-ZĐ]", text):
        return "joined by và/commas"
    if _LEVEL_RE.search(text[4:]):
        return "level/place suffix"
    if c.form == "lower":
        return "lower-case body (laws)"
    if re.match(r"(?:Chính phủ|Thủ tướng|Quốc hội|Bộ [A-ZĐ]|Chủ tịch nước)", text):
        return "central body"
    return "plain name"


# A list going on to a person or a document, not to the rest of the name: "Viện kiểm sát nhân dân
# tối cao, Phó Viện trưởng …", "của Chính phủ và Kế hoạch số …".
_NEXT_NOT_NAME = re.compile(
    r"(?:Phó|Thẩm phán|Thẩm tra viên|Kiểm sát viên|Kiểm tra viên|Hội thẩm|Thư ký|Tổng Kiểm toán|"
    r"Viện trưởng|Chánh án|Tư lệnh|Bộ trưởng|Thủ trưởng|Kế hoạch|Nghị quyết|Chương trình|Quyết định|"
    r"Chỉ thị|Thông tư|Luật|Kết luận|Công văn)\b"
)


def outcome(s: str, c: Candidate, ms: list[UnitMention]) -> str:
    head = c.start
    # "các" and a title stand before the mention's start ("các sở" → "sở").
    first = re.match(r"(?:(?:các|Các|những|Những)\s+)?", s[head:]).end() + head
    cover = [m for m in ms if m.start <= first < m.end or m.start <= head < m.end
             or (c.title_start is not None and m.start <= c.title_start < m.end)]
    if c.form == "generic word (not a unit)":
        return "generic kept" if cover else "generic dropped"
    if not cover:
        # A head word in lower case is rarely a body: only capitalised heads and collectives
        # count as misses; the rest is the net's noise.
        return "missed" if (s[head].isupper() or c.form.startswith(("collective", "each level", "lower"))) else "noise"
    m = max(cover, key=lambda x: x.end)
    rest = s[m.end : c.end]
    if m.end < c.end:
        starts = {x.start for x in ms}
        nxt = re.match(r"\s*(?:(?:và|,|-)\s*)?([A-ZĐ&][\w&]*)", rest)
        if (nxt and (m.end + nxt.start(1)) not in starts and not _LEVEL_RE.match(nxt.group(1))
                and not _NEXT_NOT_NAME.match(s[m.end + nxt.start(1) :])):
            joined = rest.lstrip()[:1] in (",", "v", "-")
            if joined and not rest.lstrip().startswith(("-", "và", ",")):
                return "found"
            # A following capital that opens a unit is another mention, not a cut.
            return "cut"
    return "found"


def key_of(source: str, sentence: str, m: UnitMention) -> str:
    h = hashlib.sha1(f"{source}\x00{sentence}\x00{m.start}\x00{m.end}".encode()).hexdigest()
    return h[:16]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--verbose", metavar="FORM", help="print the cases of forms containing this text")
    ap.add_argument("--outcome", default="missed,cut,generic kept", help="outcomes printed by --verbose")
    ap.add_argument("--sample", type=int, default=0, help="print N random extractor mentions for a hand check")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", type=Path, help="write the counts as JSON")
    args = ap.parse_args()

    srcs = sources()
    seen: set[str] = set()
    table: dict[str, Counter] = defaultdict(Counter)
    groups: Counter = Counter()
    shown: list[str] = []
    mentions_all: list[tuple[str, str, UnitMention]] = []
    want = set(args.outcome.split(","))
    for group, name, paras in srcs:
        for s in sentences(paras):
            k = fold(s).lower()
            if k in seen:
                continue  # the same article in two ALQAC releases
            seen.add(k)
            groups[group] += 1
            ms = find_units(s)
            mentions_all.extend((f"{group}:{name}", s, m) for m in ms)
            for c in candidates(s):
                o = outcome(s, c, ms)
                table[c.form][o] += 1
                table["all"][o] += 1
                if args.verbose is not None and args.verbose.lower() in c.form.lower() and o in want:
                    cover = [m for m in ms if m.start < c.end and m.end > c.start]
                    got = cover[0].name if cover else "-"
                    shown.append(f"[{o}] {c.form} | {c.text!r} -> {got!r}\n    {s[max(0, c.start - 60) : c.end + 60]}")
    print("sentences that charge a body:", dict(groups), "total", sum(groups.values()))
    print()
    cols = ("found", "missed", "cut", "generic kept", "generic dropped", "noise")
    print("| form | " + " | ".join(cols) + " |")
    print("|---|" + "---|" * len(cols))
    for form in (*FORMS, "all"):
        row = table.get(form, Counter())
        print(f"| {form} | " + " | ".join(str(row[c]) for c in cols) + " |")
    if shown:
        print()
        print("\n".join(shown))
    if args.sample:
        verdicts = json.loads(SAMPLE_FILE.read_text(encoding="utf-8")) if SAMPLE_FILE.exists() else {}
        # Ranked by a hash of seed and mention, not drawn by position: a mention the code reads
        # the same way stays in the sample when other mentions come or go, so verdicts carry over.
        pick = sorted(mentions_all, key=lambda x: hashlib.sha1(
            f"{args.seed}:{key_of(*x)}".encode()).hexdigest())[: args.sample]
        ok = judged = 0
        print()
        for src, s, m in pick:
            key = key_of(src, s, m)
            v = verdicts.get(key, {}).get("verdict")
            if v is not None:
                judged += 1
                ok += v == "ok"
            print(f"{key} [{v or '?'}] {m.name!r} ({m.text!r}) <- {src}\n    {s[max(0, m.start - 80) : m.end + 80]}")
        if judged:
            print(f"\nhand-checked precision of the sample: {ok}/{judged} = {ok / judged:.3f}")
    if args.json:
        args.json.write_text(json.dumps({f: dict(c) for f, c in table.items()}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
