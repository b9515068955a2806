"""Diacritics restoration of queries typed without marks, measured on real questions.

    .venv/bin/python evaluation/restore_eval.py [--sets dev|heldout|all] [--weights 0,0.3] [--write]

A staff member types "ai chiu trach nhiem ve nuoc sach"; the index restores "ai chịu trách nhiệm
về nước sạch" (``indexing/restore.py``) before the words and the dense model read it. Every
question below was written by a person with its marks: fold it, restore it, and count the
syllables that come back as written (lower-case, canonical tone placement).

Two kinds of index, because the counts come from the index's own text:

- **matched, large**: ALQAC legal questions against the ALQAC statute corpus they are about
  (1,377-2,256 articles; ``../shared/benchmarks/alqac``);
- **small office index**: who-questions about the real provincial plans against those plans (the
  seed and the 8 development plans, about 0.4 MB of text), the size of a provincial office's
  first index; a staff member's question words ("ai", "chịu", "nào") may not be in it at all.

Sets. Development (tuned on): ALQAC 2022 (520) against its corpus; the seed's and the real
plans' questions written with marks (``queries_seed.json``, ``queries_who_real.json``) against
the seed + the 8 development plans; the who questions typed without marks, given their marks
back by hand (``queries_who_marked_twins.json``). Held-out (measured once, reported apart): the ALQAC 2023
train (100) and October train (76) questions against their corpora. The five laws of the fresh
check (``fresh_alqac_laws.py``) are left out of every corpus and their questions out of every set.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation"))

from fresh_alqac_laws import is_fresh_law  # noqa: E402

from chinhsach.indexing import restore  # noqa: E402
from chinhsach.text.normalize import fold, normalize_text  # noqa: E402
from chinhsach.text.tokens import syllables  # noqa: E402

SHARED = next((anc / "shared" for anc in ROOT.parents if (anc / "shared").is_dir()), None)


@dataclass
class QuestionSet:
    name: str
    split: str  # "dev" or "heldout"
    questions: list[str]
    corpus: list[str]  # texts whose counts the restorer reads


def _alqac(rel_questions: str, rel_laws: str, name: str, split: str, text_key: str,
           gold_key: str) -> QuestionSet:
    root = SHARED / "benchmarks" / "alqac"
    laws = json.loads((root / rel_laws).read_text(encoding="utf-8"))
    corpus = [a["text"] for law in laws if not is_fresh_law(law["id"]) for a in law["articles"]]
    qs = [q[text_key] for q in json.loads((root / rel_questions).read_text(encoding="utf-8"))
          if not any(is_fresh_law(g["law_id"]) for g in q[gold_key])]
    return QuestionSet(name, split, qs, corpus)


def _plans() -> list[str]:
    files = [ROOT / "corpus" / "sonla-ke-hoach-thuc-hien-nq-42-nq-tw.txt"]
    for gold in sorted((ROOT / "evaluation" / "gold" / "real").glob("*.json")):
        files.append(SHARED / "real" / "plans" / Path(json.loads(gold.read_text())["file"]).name)
    return [f.read_text(encoding="utf-8") for f in files]


def _marked(path: Path, key: str) -> list[str]:
    return [q[key] for q in json.loads(path.read_text(encoding="utf-8")) if q.get("diacritics", True)]


def _hand_marked() -> list[str]:
    path = ROOT / "evaluation" / "queries_who_marked_twins.json"
    return [v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if not k.startswith("_")]


def question_sets() -> list[QuestionSet]:
    if SHARED is None:
        raise FileNotFoundError("../shared not found: the ALQAC files and the real plans are read from there")
    plan_questions = (_marked(ROOT / "evaluation" / "queries_seed.json", "query")
                      + _marked(ROOT / "evaluation" / "queries_who_real.json", "q"))
    return [
        _alqac("alqac2022/question2022.json", "alqac2022/law2022.json", "ALQAC 2022", "dev", "text",
               "relevant_articles"),
        QuestionSet("plans: seed + who (small office index)", "dev", plan_questions, _plans()),
        # Staff-style questions written blind (session 8), those typed with marks; from session
        # 9 a development set (queries_who_blind2.json is the who test set).
        QuestionSet("plans: blind who questions, set 1", "dev",
                    _marked(ROOT / "evaluation" / "queries_who_blind.json", "q"), _plans()),
        # The who questions staff typed without marks (blind set 1 and the team's), with their
        # marks written back by hand (restore2, session 10): the restorer's real input.
        QuestionSet("plans: who questions typed without marks, marked by hand", "dev",
                    _hand_marked(), _plans()),
        _alqac("alqac2023/train.json", "alqac2023/law.json", "ALQAC 2023 train", "heldout", "text",
               "relevant_articles"),
        _alqac("alqac2023_oct_release/train.json", "alqac2023_oct_release/legal_passages.json",
               "October train", "heldout", "statement", "legal_passages"),
    ]


def restorer_over(texts: Iterable[str], weight: float = restore.DICTIONARY_WEIGHT,
                  running: float = restore.RUNNING_TEXT_WEIGHT) -> restore.Restorer:
    conn = sqlite3.connect(":memory:")
    uni, bi = restore.count_ngrams(normalize_text(t) for t in texts)
    restore.store_counts(conn, uni, bi)
    return restore.Restorer(conn, dictionary_weight=weight, running_weight=running)


def score(rest: restore.Restorer, questions: list[str], *, typed: bool = False) -> dict:
    """Syllables restored as written; ``typed``: the question as written (with its marks) goes
    in, and every syllable must come out unchanged (plain ones included: "cho", "theo")."""
    right = total = whole = 0
    ms: list[float] = []
    for q in questions:
        want = [s.lower() for s in syllables(normalize_text(q))]
        t0 = time.perf_counter()
        got = [s.lower() for s in syllables(rest.restore(normalize_text(q) if typed else fold(normalize_text(q))))]
        ms.append((time.perf_counter() - t0) * 1000)
        if len(got) != len(want):  # never expected: restoration keeps every syllable
            got = got[: len(want)] + [""] * (len(want) - len(got))
        ok = sum(a == b for a, b in zip(got, want, strict=True))
        right, total, whole = right + ok, total + len(want), whole + (ok == len(want))
    ms.sort()
    return {"syllables": right / max(total, 1), "questions": whole / max(len(questions), 1),
            "n": len(questions), "syllable_count": total, "ms_p50": ms[len(ms) // 2]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--weights", default=str(restore.DICTIONARY_WEIGHT),
                        help="dictionary weights to compare, e.g. 0,0.5,1,2 (0: the index's text alone)")
    parser.add_argument("--running", default=str(restore.RUNNING_TEXT_WEIGHT),
                        help="running-text weights to compare, e.g. 0,0.3,1 (restore.RUNNING_TEXT_WEIGHT)")
    parser.add_argument("--write", action="store_true",
                        help="put the table into RESULTS.md (section 'Diacritics restoration (make eval)')")
    args = parser.parse_args()
    try:
        sets = [s for s in question_sets() if args.sets in ("all", s.split)]
    except FileNotFoundError as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return 0
    rows = ["| set | split | questions | dictionary weight | running-text weight | syllables right | "
            "questions all right | restore p50 ms | typed with marks: syllables kept |",
            "|---|---|---|---|---|---|---|---|---|"]
    for s in sets:
        for w in (float(x) for x in args.weights.split(",")):
            for rw in (float(x) for x in args.running.split(",")):
                rest = restorer_over(s.corpus, w, rw)
                r, kept = score(rest, s.questions), score(rest, s.questions, typed=True)
                rows.append(f"| {s.name} | {s.split} | {r['n']} | {w:g} | {rw:g} | "
                            f"{r['syllables']:.4f} ({r['syllable_count']}) | "
                            f"{r['questions']:.3f} | {r['ms_p50']:.2f} | {kept['syllables']:.4f} |")
    print("\n".join(rows))
    if args.write:
        from results_md import replace_section

        replace_section("Diacritics restoration (make eval)", (
            f"Command: `.venv/bin/python evaluation/restore_eval.py --sets {args.sets} --weights {args.weights} "
            f"--running {args.running} --write`. Development numbers unless the split says held-out; how the weight was chosen and "
            "the held-out measurement: \"Diacritics restoration on real questions (restore, session 7)\".\n\n"
            + "\n".join(rows) + "\n"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
