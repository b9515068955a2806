"""Fault injection: kill ``chinhsach build`` at random moments and check that nothing is lost.

    .venv/bin/python evaluation/fault_injection.py [--runs 20] [--seed 7] [--sigint-share 0.25] [--write]

Set-up, in a temporary folder: a corpus of the seed plan and three short generated plans, and one
persistent index over it. A first build indexes everything; a second one, after the corpus
changes as it does in every run, gives the duration D of a full build (the whole command:
start-up, reading, embedding, writing the generation).

Each run
1. changes the corpus a little: plan A is rewritten, plan B appears or disappears (so the
   number of documents changes from run to run), plan C is rewritten every other run or so;
2. starts ``chinhsach build`` as a subprocess (stderr on a pseudo-terminal, so that the live
   progress bars tell how far it got) and, after a delay drawn uniformly from [0, D], sends it
   SIGKILL, or SIGINT in a share of the runs; D is the median duration of the last three
   complete builds (the measuring build, then the builds of step 5), so that it follows the
   machine's load;
3. notes the phase the build was in at that moment, from the progress bars and the index folder:
   start-up (no ``staging-*`` yet), reading, loading the model (every file read, no encoding bar
   yet), embedding + extraction (the encoding bar shown: the model encodes on a worker thread
   while the build extracts and writes rows), writing (``dense.faiss`` in the staging folder),
   publishing (the new
   generation is in place, the process has not exited), or exited (the build ended first);
4. checks that the index opens (``Index.open``) and answers a query with at least one hit, that
   its documents (id and SHA-256) are exactly the old state or exactly the new one, and that
   ``build.lock`` is free; a SIGINT must exit with 130 and leave no ``staging-*`` folder;
5. runs the build to completion (the command again) and checks that the index holds exactly the
   new state, answers, and keeps no ``staging-*`` folder and at most two generations.

``--write`` records the table and the command in ``evaluation/RESULTS.md`` ("Fault injection").
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation"))

from ptyterm import Terminal  # noqa: E402

from chinhsach import Index  # noqa: E402
from chinhsach.errors import IndexLockedError  # noqa: E402
from chinhsach.indexing.store import build_lock  # noqa: E402
from chinhsach.ingest.readers import file_sha256  # noqa: E402
from chinhsach.structure.outline import doc_id_for  # noqa: E402

SEED = ROOT / "corpus" / "sonla-ke-hoach-thuc-hien-nq-42-nq-tw.txt"
QUERY = "nước sạch vệ sinh môi trường"
# `python -m chinhsach.cli`, with Python's Ctrl-C handler installed explicitly: started from a
# shell without job control (a background job, cron) a child inherits SIGINT as ignored.
CLI = [sys.executable, "-c", "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
       "from chinhsach.cli import main; main()"]
ENV = {**os.environ, "COLUMNS": "100", "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false",
       "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}

TOPICS = [
    ("Sở Y tế", "tiêm chủng mở rộng cho trẻ em dưới 1 tuổi tại các xã vùng cao"),
    ("Sở Nông nghiệp và Môi trường", "xây dựng công trình cấp nước sạch tập trung cho các bản"),
    ("Sở Giáo dục và Đào tạo", "phổ cập bơi an toàn cho học sinh tiểu học"),
    ("Sở Lao động - Thương binh và Xã hội", "hỗ trợ sinh kế cho hộ nghèo dân tộc thiểu số"),
    ("Sở Xây dựng", "hỗ trợ xóa nhà tạm, nhà dột nát cho hộ có hoàn cảnh khó khăn"),
    ("Công an tỉnh", "bảo đảm an ninh trật tự tại các điểm tái định cư"),
    ("Sở Tài chính", "bố trí kinh phí thực hiện chính sách bảo hiểm y tế cho người cao tuổi"),
    ("Bảo hiểm xã hội tỉnh", "vận động người dân tham gia bảo hiểm xã hội tự nguyện"),
]


def plan_text(title: str, rng: random.Random, version: int) -> str:
    """A short plan (about eight segments): header, two parts, numbered duties."""
    duties = rng.sample(TOPICS, 5)
    lines = ["KẾ HOẠCH", f"{title} (lần sửa {version})", "", "I. MỤC ĐÍCH", "",
             f"1. Hoàn thành {rng.randint(80, 100)}% chỉ tiêu được giao trong năm {2026 + version % 4}.",
             "", "II. NHIỆM VỤ", ""]
    for i, (unit, task) in enumerate(duties, start=1):
        lines += [f"{i}. {unit} chủ trì {task}, báo cáo kết quả trước ngày "
                  f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{2026 + version % 4}.", ""]
    return "\n".join(lines)


def change_corpus(corpus: Path, run: int, rng: random.Random) -> None:
    """Run 0 creates the corpus; every run rewrites A, toggles B and maybe rewrites C."""
    corpus.mkdir(parents=True, exist_ok=True)
    if not (corpus / SEED.name).exists():
        shutil.copy(SEED, corpus / SEED.name)
    (corpus / "ke-hoach-a.txt").write_text(plan_text("Kế hoạch A", rng, run), encoding="utf-8")
    b = corpus / "ke-hoach-b.txt"
    if run % 2 == 0:
        b.write_text(plan_text("Kế hoạch B", rng, run), encoding="utf-8")
    elif b.exists():
        b.unlink()
    c = corpus / "ke-hoach-c.txt"
    if run == 0 or rng.random() < 0.5:
        c.write_text(plan_text("Kế hoạch C", rng, run), encoding="utf-8")


def expected_state(corpus: Path) -> dict[str, str]:
    return {doc_id_for(str(f.resolve())): file_sha256(f) for f in sorted(corpus.glob("*.txt"))}


def index_state(index: Path) -> dict[str, str]:
    with Index.open(index) as idx:
        return dict(idx.conn.execute("SELECT doc_id, sha256 FROM documents").fetchall())


def phase_of(index: Path, terminal: Terminal, gens_before: set[str], current_before: str) -> str:
    """How far the build got, from what it printed and what is on disk."""
    staging = sorted(index.glob("staging-*"))
    if staging:
        if (staging[-1] / "dense.faiss").exists():
            return "writing"
        text = terminal.text()
        if "Mã hóa đoạn văn" in text:
            return "embedding + extraction"
        reads = re.findall(r"Đọc văn bản[^\d]*(\d+)/(\d+)", text)
        if reads and reads[-1][0] == reads[-1][1]:
            return "loading model"
        return "reading"
    gens = {p.name for p in index.glob("gen-*")}
    pointer = index / "CURRENT"
    now = pointer.read_text(encoding="utf-8").strip() if pointer.exists() else ""
    if gens - gens_before or now != current_before:
        return "publishing"
    return "start-up"


def run_build(index: Path, corpus: Path, timeout: float = 900) -> tuple[int, float, str]:
    started = time.perf_counter()
    proc = subprocess.run([*CLI, "build", str(corpus), "--index", str(index)], capture_output=True,
                          text=True, env=ENV, cwd=ROOT, timeout=timeout)
    return proc.returncode, time.perf_counter() - started, proc.stderr[-500:]


def lock_is_free(index: Path) -> bool:
    try:
        with build_lock(index):
            return True
    except IndexLockedError:
        return False


@dataclass
class Run:
    number: int
    signal: str
    delay: float
    full: float
    phase: str = ""
    exit_code: int | None = None
    after_kill: str = ""
    leftovers: int = 0
    after_build: str = ""
    build_seconds: float = 0.0
    lost: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def check_index(index: Path, old: dict[str, str] | None, new: dict[str, str]) -> tuple[str, list[str], int]:
    """(state label, problems, documents lost) of the live index against the old/new states."""
    problems: list[str] = []
    try:
        with Index.open(index) as idx:
            hits = idx.search(QUERY, k=3)
        state = index_state(index)
    except Exception as exc:  # noqa: BLE001 - any error here is the finding
        return "unreadable", [f"{type(exc).__name__}: {exc}"], len(new)
    if not hits:
        problems.append("no hit")
    if state == new:
        label = f"new ({len(state)} docs)"
    elif old is not None and state == old:
        label = f"old ({len(state)} docs)"
    else:
        label = f"MIXED ({len(state)} docs)"
        problems.append(f"documents are neither the old nor the new state: {sorted(state)}")
    reference = new if old is None or state != old else old
    lost = sum(1 for d, sha in reference.items() if state.get(d) != sha)
    return label, problems, lost


def one_run(number: int, rng: random.Random, index: Path, corpus: Path, full: float,
            sigint_share: float) -> Run:
    old = index_state(index)
    change_corpus(corpus, number, rng)
    new = expected_state(corpus)
    sig = signal.SIGINT if rng.random() < sigint_share else signal.SIGKILL
    run = Run(number, sig.name, round(rng.uniform(0, full), 1), round(full, 1))
    gens_before = {p.name for p in index.glob("gen-*")}
    current_before = (index / "CURRENT").read_text(encoding="utf-8").strip()

    terminal = Terminal()
    proc = subprocess.Popen([*CLI, "build", str(corpus), "--index", str(index)], stdout=subprocess.PIPE,
                            stderr=terminal.slave, env=ENV, cwd=ROOT)
    terminal.start()
    started = time.perf_counter()
    while proc.poll() is None and time.perf_counter() - started < run.delay:
        time.sleep(0.02)
    if proc.poll() is None:
        run.phase = phase_of(index, terminal, gens_before, current_before)
        proc.send_signal(sig)
    else:
        run.phase = "exited"
    try:
        proc.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        run.problems.append(f"{sig.name} did not stop the build within 300 s")
    terminal.close()
    run.exit_code = proc.returncode
    run.leftovers = len(list(index.glob("staging-*")))

    if not lock_is_free(index):
        run.problems.append("build.lock still held")
    run.after_kill, problems, lost = check_index(index, old, new)
    run.problems += problems
    run.lost += lost
    if sig == signal.SIGINT and run.phase != "exited":
        if proc.returncode == -signal.SIGINT and run.after_kill.startswith("new"):
            # Python restores the default SIGINT action while the interpreter exits: a Ctrl-C
            # then ends the process by the signal, after the build has been published.
            run.notes.append("SIGINT while the interpreter exited, after the build was published")
        elif proc.returncode != 130:
            run.problems.append(f"SIGINT exit code {proc.returncode}, not 130")
        if run.leftovers:
            run.problems.append("SIGINT left a staging folder")
    if run.phase == "exited" and proc.returncode != 0:
        run.problems.append(f"the build failed on its own (exit {proc.returncode})")

    code, seconds, err = run_build(index, corpus)
    run.build_seconds = round(seconds, 1)
    if code != 0:
        run.problems.append(f"the next build failed (exit {code}): {err.strip().splitlines()[-1:]}")
    run.after_build, problems, lost = check_index(index, None, new)
    run.problems += problems
    run.lost += lost
    if list(index.glob("staging-*")):
        run.problems.append("staging folder left after a complete build")
    if len(list(index.glob("gen-*"))) > 2:
        run.problems.append("more than two generations kept")
    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sigint-share", type=float, default=0.25,
                        help="share of runs interrupted with SIGINT instead of SIGKILL")
    parser.add_argument("--workdir", type=Path, help="keep the corpus and index here (default: a temp dir)")
    parser.add_argument("--write", action="store_true", help="record the result in evaluation/RESULTS.md")
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="chinhsach-faults-"))
    if work.exists() and args.workdir:
        shutil.rmtree(work)
    corpus, index = work / "corpus", work / "index"
    try:
        change_corpus(corpus, 0, rng)
        code, first, err = run_build(index, corpus)
        if code != 0:
            print(f"the first build failed (exit {code}): {err}", file=sys.stderr)
            return 1
        change_corpus(corpus, 1, rng)
        code, full, err = run_build(index, corpus)
        if code != 0:
            print(f"the measuring build failed (exit {code}): {err}", file=sys.stderr)
            return 1
        print(f"first build {first:.1f} s; full build after a change D = {full:.1f} s", flush=True)

        runs: list[Run] = []
        durations = [full]
        for number in range(2, args.runs + 2):
            run = one_run(number, rng, index, corpus, statistics.median(durations[-3:]), args.sigint_share)
            runs.append(run)
            durations.append(run.build_seconds)
            print(f"run {number - 1:2d}: {run.signal} after {run.delay:5.1f} s of D={run.full:4.1f} s, in {run.phase:13s} "
                  f"exit {run.exit_code}, after kill {run.after_kill}, staging left {run.leftovers}, "
                  f"after build {run.after_build}" + (f"  PROBLEMS: {run.problems}" if run.problems else "")
                  + (f"  notes: {run.notes}" if run.notes else ""),
                  flush=True)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)

    table = ["| run | signal | delay s / D s | phase at the kill | exit | index after the kill | staging left | "
             "after the next build | problems (notes) |", "|---|---|---|---|---|---|---|---|---|"]
    for i, r in enumerate(runs, start=1):
        table.append(f"| {i} | {r.signal} | {r.delay} / {r.full} | {r.phase} | {r.exit_code} | {r.after_kill} | "
                     f"{r.leftovers} | {r.after_build} | {'; '.join(r.problems) or '—'}"
                     f"{''.join(f' ({n})' for n in r.notes)} |")
    phases: dict[str, int] = {}
    for r in runs:
        phases[r.phase] = phases.get(r.phase, 0) + 1
    failures = sum(1 for r in runs if r.problems)
    lost = sum(r.lost for r in runs)
    n_int = sum(1 for r in runs if r.signal == "SIGINT")
    summary = (
        f"{len(runs)} runs ({len(runs) - n_int} SIGKILL, {n_int} SIGINT), delay uniform in [0, D], "
        f"D = median of the last three complete builds ({min(r.full for r in runs):.1f}–"
        f"{max(r.full for r in runs):.1f} s; the first build, seed included, took {first:.1f} s); "
        f"killed while: {', '.join(f'{k} {v}' for k, v in sorted(phases.items()))}. "
        f"Runs with a problem: {failures}. Documents lost: {lost}. "
        f"Index state right after the kill: old {sum(r.after_kill.startswith('old') for r in runs)}, "
        f"new {sum(r.after_kill.startswith('new') for r in runs)}, other "
        f"{sum(not r.after_kill.startswith(('old', 'new')) for r in runs)}; "
        f"the next build took {statistics.mean(r.build_seconds for r in runs):.1f} s on average."
    )
    print()
    print(summary)
    print("\n".join(table))
    if args.write:
        from results_md import replace_section

        command = f"{Path(sys.executable)} evaluation/fault_injection.py {' '.join(argv or sys.argv[1:])}"
        body = (f"Command: `{command.strip()}`\n\n"
                "Corpus: the seed plan and three generated plans, changed a little before every run "
                "(one rewritten, one added or removed, one rewritten every other run or so); one "
                "persistent index. Each run kills `chinhsach build` after a random delay, checks that "
                "the index opens, answers, and holds exactly the old or the new documents (id and "
                "SHA-256), then builds to completion and checks the new state. Phases are read from the "
                "live progress bars and the index folder.\n\n"
                f"{summary}\n\n" + "\n".join(table) + "\n")
        replace_section("Fault injection", body)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
