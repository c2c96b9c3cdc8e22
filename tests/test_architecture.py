"""The shape of the code: imports point one way, and the library needs NumPy alone.

Every ``import`` in ``src/mlplab`` (at module level or inside a function) is
read with :mod:`ast`. The floors, from the bottom:
``nn → model, datasets → serialization → mlp, estimator, trace → grade → lab → report → cli``;
``_version`` and ``_io`` are leaves anyone may use, and the package's
``__init__``/``__main__`` sit on top.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "mlplab"

FLOORS = {
    "mlplab._version": 0,
    "mlplab._io": 0,
    "mlplab.nn": 1,
    "mlplab.model": 2,
    "mlplab.datasets": 2,
    "mlplab.serialization": 3,
    "mlplab.mlp": 4,
    "mlplab.estimator": 4,
    "mlplab._lbfgs": 4,  # the estimators' L-BFGS-B solver (SciPy, imported when used)
    "mlplab.trace": 4,
    "mlplab.grade": 5,  # a student's MLP checked against mlp/trace, in a sandbox
    "mlplab.lab": 6,
    "mlplab.report": 7,
    "mlplab.cli": 8,
    "mlplab._launch": 9,  # the program: signals handled, then the command line imported
    "mlplab.__main__": 10,
    "mlplab": 11,  # the package's __init__: the public names, imported on first use
}
ALLOWED_OUTSIDE = {"numpy"}  # what the library may import besides the standard library


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def imports_of(path: Path) -> set[str]:
    """Absolute names of all that ``path`` imports (``from x import y``: ``x.y`` if y is a module)."""
    name = module_name(path)
    package = name if is_package(path) else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in MODULES else target)
    return found


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}
GRAPH = {name: {i for i in imports_of(path) if i in MODULES and i != name} for name, path in MODULES.items()}


def floor(name: str) -> int:
    while name not in FLOORS:
        name = name.rpartition(".")[0]
    return FLOORS[name]


def find_circle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle of ``graph`` (a list of modules, first = last), or ``None``.

    A package's ``__init__`` importing its own submodules is not a circle: a
    submodule importing its package's ``__init__`` back would be.
    """
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return None


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    return [
        f"{module} (floor {floor(module)}) imports {target} (floor {floor(target)})"
        for module, targets in sorted(graph.items())
        for target in sorted(targets)
        if floor(target) > floor(module)
    ]


def test_the_import_graph_has_no_circle():
    circle = find_circle(GRAPH)
    assert circle is None, "import circle: " + " -> ".join(circle)


def test_no_module_imports_a_floor_above_its_own():
    upward = upward_imports(GRAPH)
    assert not upward, "\n".join(upward)


def test_the_checks_see_a_planted_circle_and_an_upward_import():
    """The checks are not blind: 0.1's circle (mlp ⇄ serialization ⇄ estimator) is caught."""
    planted = {
        "mlplab.mlp": {"mlplab.serialization"},
        "mlplab.serialization": {"mlplab.estimator"},
        "mlplab.estimator": {"mlplab.mlp"},
    }
    assert find_circle(planted) == [
        "mlplab.estimator",
        "mlplab.mlp",
        "mlplab.serialization",
        "mlplab.estimator",
    ]
    assert upward_imports({"mlplab.nn.network": {"mlplab.model"}}) == [
        "mlplab.nn.network (floor 1) imports mlplab.model (floor 2)"
    ]
    assert "mlplab.serialization.archive" in GRAPH["mlplab.serialization"]  # the reader resolves imports
    assert "mlplab.model" in GRAPH["mlplab.mlp"]


def test_the_library_imports_nothing_outside_it_but_numpy_and_the_standard_library():
    import sys

    stdlib = sys.stdlib_module_names
    bad = []
    for name, path in MODULES.items():
        if not name.startswith("mlplab.nn"):
            continue
        for target in imports_of(path):
            top = target.split(".")[0]
            inside = target.startswith("mlplab.nn") or target == "__future__"
            if not (inside or top in stdlib or top in ALLOWED_OUTSIDE):
                bad.append(f"{name} imports {target}")
    assert not bad, "\n".join(bad)


def test_every_module_has_a_floor():
    assert all(isinstance(floor(name), int) for name in MODULES)
