"""The package's shape: stages import only from stages below them, and no module imports in a
circle (a circle hides an order of initialisation and made ``cli``/``web`` depend on each other).

Stages, lowest first: the data and errors every stage shares; ``text``; ``ingest``;
``structure``; ``extract``; ``pipeline`` (the three stages composed); ``indexing`` and the model
converter; ``answers``; ``present``; ``cli`` and ``web``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "chinhsach"

STAGES: dict[str, int] = {
    "chinhsach": 0, "chinhsach.errors": 0, "chinhsach.model": 0,
    "chinhsach.text": 1, "chinhsach.ingest": 2, "chinhsach.structure": 3, "chinhsach.extract": 4,
    "chinhsach.pipeline": 5, "chinhsach.convert": 6, "chinhsach.indexing": 6,
    "chinhsach.answers": 7, "chinhsach.present": 8, "chinhsach.export": 8,
    "chinhsach.cli": 9, "chinhsach.web": 9,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def stage(module: str) -> int:
    while module not in STAGES:
        module = module.rpartition(".")[0]
    return STAGES[module]


def imports_of(module: str) -> set[str]:
    """Every chinhsach module this one imports, at any depth of its code (``from pkg import sub``
    counts as ``pkg.sub`` when ``sub`` is a module)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("chinhsach"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            if not base.startswith("chinhsach"):
                continue
            subs = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in MODULES]
            found.update(subs or [base])
            if len(subs) < len(node.names):
                found.add(base)
    found.discard(module)
    return {m for m in found if m in MODULES}


def test_every_module_belongs_to_a_stage() -> None:
    for module in MODULES:
        assert stage(module) >= 0


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_import_from_a_higher_stage(module: str) -> None:
    if module == "chinhsach":  # the public facade loads its stages lazily by name
        return
    upward = sorted(m for m in imports_of(module) if stage(m) > stage(module))
    assert not upward, f"{module} (stage {stage(module)}) imports higher stages: {upward}"


def find_circle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle of the graph (its modules, the first repeated at the end), or None."""
    state: dict[str, int] = {}  # 1 on the path, 2 done
    path: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        path.append(m)
        for n in sorted(graph.get(m, ())):
            if state.get(n) == 1:
                return path[path.index(n):] + [n]
            if n not in state and (found := visit(n)):
                return found
        path.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state and (found := visit(m)):
            return found
    return None


def test_no_import_circle() -> None:
    circle = find_circle({m: imports_of(m) - {"chinhsach"} for m in MODULES})
    assert circle is None, "import circle: " + " → ".join(circle or [])


def test_the_circle_check_finds_a_circle() -> None:
    assert find_circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_circle({"a": {"b"}, "b": set()}) is None


def _lazy_imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import written inside a function of ``path``."""
    found: list[tuple[int, str]] = []
    for fn in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(fn):
            if isinstance(node, ast.Import):
                found.extend((node.lineno, a.name) for a in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level:
                found.append((node.lineno, node.module or ""))
    return found


# Modules whose own comment says once why every command imports its stage when it runs.
LAZY_BY_DESIGN = {"chinhsach.cli": "each command loads its stage (spaCy, faiss, the model) "
                                   "only when it runs: `chinhsach --help` answers at once"}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_inside_functions_are_heavy_or_explained(module: str) -> None:
    """Imports sit at the top of a module, except heavy or optional libraries (faiss, spaCy,
    pdfplumber, Tesseract, Ray …: a cold search or ``--help`` must not pay for them) and our own
    heavy stages, which say why on the import line or just above it."""
    import sys

    path = MODULES[module]
    lines = path.read_text(encoding="utf-8").splitlines()
    bad = []
    for lineno, name in _lazy_imports(path):
        top = name.split(".")[0]
        if top in sys.stdlib_module_names and top != "__future__":
            bad.append(f"line {lineno}: standard-library {name} belongs at the top")
        elif top == "chinhsach" and module not in LAZY_BY_DESIGN:
            near = lines[max(0, lineno - 3): lineno]
            if not any("#" in line for line in near):
                bad.append(f"line {lineno}: {name} imported in a function without a reason")
    assert not bad, f"{module}: " + "; ".join(bad)
