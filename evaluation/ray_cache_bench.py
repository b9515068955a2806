"""The Ray build with the embedding cache: a cold build against a rebuild from the cache.

    .venv/bin/python evaluation/ray_cache_bench.py                  # corpus/ + the eight development plans
    .venv/bin/python evaluation/ray_cache_bench.py --plans DIR --names kh153,kh157 --json OUT
    .venv/bin/python evaluation/ray_cache_bench.py --synthetic 2000   # + bench.py's synthetic plans

Each build runs in a fresh process (``build_index(..., engine="ray")`` on a local Ray instance:
Ray start, the workers' model and spaCy loads included), into an index in a temporary folder
with its default cache (``embeddings.sqlite`` beside the generations):

1. ``cold``: a new index, an empty cache: every passage is embedded on the workers;
2. ``rebuild``: the same folder with ``rebuild=True`` (every file read, structured and extracted
   again, as after an upgrade of the reading code): the vectors come from the cache.

CPU is the CPU time of the build process and every process under it (the Ray head, its
raylet, the workers), read from ``/proc`` every 0.2 s and taken at its highest per process (a
process that ends between two reads loses at most 0.2 s); the machine is shared, so the load
average is read before and after each build. The real plans are read from
``shared/real/plans`` beside the checkout (never copied into the repository); the held-out
plans are refused. ``--synthetic N`` adds the synthetic plans of ``bench.py`` (N segments,
sentences of corpus/ recombined: an input where embedding, not start-up, is most of the work).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HELD_OUT = ("kh141", "kh160", "kh310")
DEFAULT_NAMES = ("kh144", "kh153", "kh157", "kh165", "kh179", "kh182", "kh556", "qd2954")
TICK = os.sysconf("SC_CLK_TCK")

CHILD = """
import json, sys
from chinhsach import build_index
paths, index, rebuild = json.loads(sys.argv[1])
r = build_index(paths, index, engine="ray", rebuild=rebuild)
print(json.dumps({"n_documents": r.n_documents, "n_segments": r.n_segments, "failed": r.failed,
                  "embedding_cache": r.embedding_cache, "seconds": round(r.seconds, 2),
                  "engine_stats": r.engine_stats}))
"""


def plans_dir() -> Path | None:
    """``shared/real/plans`` beside the checkout or a parent of it."""
    for parent in ROOT.parents:
        candidate = parent / "shared" / "real" / "plans"
        if candidate.is_dir():
            return candidate
    return None


def _proc_table() -> dict[int, tuple[int, int]]:
    """pid -> (parent pid, CPU ticks: user + system) of every process readable in /proc."""
    out: dict[int, tuple[int, int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[int(entry.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
    return out


class TreeCpu:
    """The CPU seconds of a process and all its descendants, polled from /proc."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.best: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        table = _proc_table()
        children: dict[int, list[int]] = {}
        for pid, (ppid, _) in table.items():
            children.setdefault(ppid, []).append(pid)
        todo = [self.root]
        while todo:
            pid = todo.pop()
            if pid in table:
                self.best[pid] = max(self.best.get(pid, 0), table[pid][1])
            todo.extend(children.get(pid, []))

    def _loop(self) -> None:
        while not self._stop.wait(0.2):
            self._sample()

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return sum(self.best.values()) / TICK


def run_build(paths: list[str], index: Path, rebuild: bool) -> dict[str, Any]:
    env = dict(os.environ)
    load_start = os.getloadavg()
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, json.dumps([paths, str(index), rebuild])],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    tree = TreeCpu(proc.pid)
    out, err = proc.communicate()
    wall = time.perf_counter() - started
    cpu = tree.stop()
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}): {err.strip().splitlines()[-1:]}")
    report = json.loads(out.strip().splitlines()[-1])
    return {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "processes": len(tree.best),
            "load_start": [round(x, 2) for x in load_start],
            "load_end": [round(x, 2) for x in os.getloadavg()], **report}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=Path, default=None, help="folder of real plans")
    ap.add_argument("--names", default=",".join(DEFAULT_NAMES), help="plan name prefixes")
    ap.add_argument("--synthetic", type=int, default=0, help="add bench.py's synthetic plans (segments)")
    ap.add_argument("--json", type=Path, default=None, help="write the results here")
    args = ap.parse_args()
    folder = args.plans or plans_dir()
    names = [n for n in args.names.split(",") if n]
    if any(n.startswith(h) for n in names for h in HELD_OUT):
        raise SystemExit(f"the held-out plans ({', '.join(HELD_OUT)}) are not measured here")
    if folder is None:
        raise SystemExit("real plans not found: expected shared/real/plans beside the checkout")
    plans = [str(p) for n in names for p in sorted(folder.glob(f"{n}-*"))]
    if len(plans) != len(names):
        raise SystemExit(f"expected one plan per name in {folder}, found {len(plans)} for {len(names)}")
    paths = [str(ROOT / "corpus"), *plans]
    results: dict[str, Any] = {"paths": [Path(p).name for p in paths], "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="raycache-") as tmp:
        if args.synthetic:
            sys.path.insert(0, str(ROOT / "evaluation"))
            import bench

            from chinhsach.ingest.readers import iter_source_files

            material = bench.harvest(list(iter_source_files([ROOT / "corpus"])))
            results["synthetic"] = bench.write_synthetic_corpus(Path(tmp) / "synthetic", args.synthetic,
                                                                material, seed=0)
            paths.append(str(Path(tmp) / "synthetic"))
        index = Path(tmp) / "idx"
        for name, rebuild in (("cold", False), ("rebuild", True)):
            results[name] = run_build(paths, index, rebuild)
            r = results[name]
            print(f"{name}: wall {r['wall_s']} s, CPU {r['cpu_s']} s, {r['n_documents']} documents, "
                  f"{r['n_segments']} segments, cache {r['embedding_cache']}, load "
                  f"{r['load_start']} -> {r['load_end']}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
