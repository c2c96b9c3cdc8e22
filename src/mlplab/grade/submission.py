"""A submission's code: found in a file or a folder, read from a script or a notebook, cut to definitions.

The grader reads a student's file (``.py`` or ``.ipynb``) in its own
process, bounded in size, and hands the code to the sandbox as text. Only
the sandbox's worker parses and runs it (:func:`load_module`): even the
parser is not trusted with hostile input in the grader's process.

By default the worker runs only the *definitions* of a submission
(``mode="definitions"``): imports, functions, classes and the module-level
assignments that they use. A student's experiments at the top of a
notebook (train for 10,000 epochs, plot) cost minutes and teach the grader
nothing; they are skipped and the feedback says how many statements were.
``mode="all"`` runs the whole file, as ``python file.py`` would, except for
its ``if __name__ == "__main__":`` block.
"""

from __future__ import annotations

import ast
import json
import os
import types
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "MAX_SOURCE_BYTES",
    "MODES",
    "Source",
    "SubmissionError",
    "find_submissions",
    "load_module",
    "read_source",
]

SUFFIXES = (".py", ".ipynb")
MODES = ("definitions", "all")
#: a student's file larger than this is not read (a notebook with its outputs is rarely above 10 MB)
MAX_SOURCE_BYTES = 50 * 2**20
_SKIP_FOLDERS = {"__pycache__", ".ipynb_checkpoints", ".git", "node_modules"}


class SubmissionError(ValueError):
    """A path that holds no submission the grader can read (a usage error)."""


def find_submissions(path: str | os.PathLike) -> list[Path]:
    """The submissions at ``path``: the file itself, or every ``.py``/``.ipynb`` under the folder.

    A folder is searched recursively in sorted order, skipping hidden
    folders, ``__pycache__`` and ``.ipynb_checkpoints``, and files whose
    name starts with a dot or an underscore. Raises :class:`SubmissionError`
    naming the path when there is nothing to grade.
    """
    path = Path(path)
    if not path.exists():
        raise SubmissionError(f"{str(path)!r} does not exist")
    if path.is_file():
        if path.suffix not in SUFFIXES:
            raise SubmissionError(f"{str(path)!r} is not a .py file or a .ipynb notebook")
        return [path]
    if not path.is_dir():
        raise SubmissionError(f"{str(path)!r} is neither a file nor a folder")
    found = []
    for folder, subfolders, files in os.walk(path):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and d not in _SKIP_FOLDERS)
        found.extend(
            Path(folder, name)
            for name in sorted(files)
            if Path(name).suffix in SUFFIXES and not name.startswith((".", "_"))
        )
    if not found:
        raise SubmissionError(f"the folder {str(path)!r} holds no .py file and no .ipynb notebook")
    return found


@dataclass
class Source:
    """A submission's code as text, with what was left out on the way."""

    name: str  # how results name it: the path relative to the folder graded
    code: str
    notes: list[tuple[str, dict]] = field(default_factory=list)  # message keys for the feedback


def read_source(path: Path, name: str | None = None) -> Source:
    """The code of a script, or the code cells of a notebook with IPython magics and shell lines skipped.

    Never raises for a bad submission: an unreadable file gives empty code
    and a note, which the worker then reports as "could not be loaded".
    """
    name = name or path.name
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            return Source(name, "", [("load.too_big", {"size": size, "limit": MAX_SOURCE_BYTES})])
        raw = path.read_bytes()
    except OSError as error:
        return Source(name, "", [("load.unreadable", {"error": str(error)})])
    if path.suffix == ".ipynb":
        return _notebook_source(raw, name)
    try:
        return Source(name, raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        return Source(name, "", [("load.unreadable", {"error": f"not UTF-8 text: {error}"})])


def _notebook_source(raw: bytes, name: str) -> Source:
    """The code cells of a notebook (read with nbformat), one after another, magics skipped."""
    try:
        import nbformat
    except ImportError:
        return Source(name, "", [("load.needs_nbformat", {})])
    try:
        notebook = nbformat.reads(raw.decode("utf-8-sig"), as_version=4)
    except (ValueError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as error:
        return Source(name, "", [("load.bad_notebook", {"error": str(error)[:200]})])
    lines, skipped = [], 0
    for index, cell in enumerate(notebook.cells):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        if source.lstrip().startswith("%%"):  # a cell magic: the whole cell is IPython's, not Python
            skipped += source.count("\n") + 1
            continue
        lines.append(f"# --- cell {index + 1} ---")
        for line in source.splitlines():
            stripped = line.lstrip()
            if stripped.startswith(("%", "!")) or _is_shell_assignment(stripped):
                skipped += 1
                lines.append("pass  # " + stripped[:60] + "  (IPython line, skipped by the grader)")
            else:
                lines.append(line)
    notes = [("load.magics_skipped", {"count": skipped})] if skipped else []
    return Source(name, "\n".join(lines) + "\n", notes)


def _is_shell_assignment(line: str) -> bool:
    """``files = !ls`` or ``x = %time f()``: IPython's capture of a shell line or a magic."""
    head, sep, tail = line.partition("=")
    return bool(sep) and head.strip().isidentifier() and tail.lstrip().startswith(("!", "%"))


# --- in the sandbox: parse, keep what the class needs, run ---------------------------------


def load_module(code: str, filename: str, mode: str = "definitions") -> tuple[types.ModuleType, list]:
    """Run ``code`` as module ``submission``; return it and the notes (message key, params) for feedback.

    Raises ``SyntaxError`` for code that does not parse. Statements run one
    at a time: a failed import is noted and skipped (``import matplotlib``
    where matplotlib is not installed need not sink a class that does not
    use it); any other exception propagates with the student's traceback.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    tree = ast.parse(code, filename=filename)
    body = [node for node in tree.body if not _is_main_guard(node)]
    notes = []
    if mode == "definitions":
        kept = _definitions(body)
        dropped = len(body) - len(kept)
        if dropped:
            notes.append(("load.statements_skipped", {"count": dropped}))
        body = kept
    module = types.ModuleType("submission")
    module.__file__ = filename
    for node in body:
        compiled = compile(ast.Module(body=[node], type_ignores=[]), filename, "exec")
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            try:
                exec(compiled, module.__dict__)
            except ImportError as error:
                notes.append(("load.import_failed", {"line": node.lineno, "error": f"{error}"[:200]}))
            continue
        exec(compiled, module.__dict__)
    return module, notes


def _is_main_guard(node: ast.stmt) -> bool:
    """``if __name__ == "__main__":``, which an imported submission does not run."""
    if not isinstance(node, ast.If) or not isinstance(node.test, ast.Compare):
        return False
    test = node.test
    names = [test.left, *test.comparators]
    return any(isinstance(n, ast.Name) and n.id == "__name__" for n in names) and any(
        isinstance(n, ast.Constant) and n.value == "__main__" for n in names
    )


_DEFINITIONS = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _definitions(body: list[ast.stmt]) -> list[ast.stmt]:
    """Imports, functions, classes, and the assignments whose names these use (transitively), in order."""
    used = set()
    for node in body:
        if isinstance(node, _DEFINITIONS[2:]):
            used |= _names_read(node)
    assignments = [node for node in body if isinstance(node, (ast.Assign, ast.AnnAssign))]
    kept_assignments: set[int] = set()
    changed = True
    while changed:  # an assignment used by a kept one is kept too
        changed = False
        for node in assignments:
            if id(node) not in kept_assignments and _names_written(node) & used:
                kept_assignments.add(id(node))
                used |= _names_read(node)
                changed = True
    return [node for node in body if isinstance(node, _DEFINITIONS) or id(node) in kept_assignments]


def _names_read(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def _names_written(node: ast.Assign | ast.AnnAssign) -> set[str]:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    return {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
