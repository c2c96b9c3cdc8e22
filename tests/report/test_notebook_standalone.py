"""The notebook stands alone, and the implementation's code it and the PDF show is the current source.

The notebook that ``mlplab all --quick`` wrote (see conftest.py), copied alone
into an empty folder, runs top to bottom: its setup finds no results there,
runs every experiment with its quick settings into ``mlplab-quick/`` and
shows their figures, saying so. Every code cell follows a markdown cell.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import shutil
import textwrap
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="the notebook needs the 'report' extra")
pytest.importorskip("nbclient", reason="the notebook needs the 'report' extra")
pytest.importorskip("matplotlib", reason="the experiments need the 'lab' extra")

from mlplab import lab  # noqa: E402
from mlplab.report import prose  # noqa: E402
from mlplab.report.render_notebook import ORIGINS, QUICK_FOLDER, execute  # noqa: E402
from mlplab.report.sections.implementation import LISTINGS, listing, source_of  # noqa: E402


def _notebook(results: Path):
    return nbformat.read(results / "report.ipynb", as_version=4)


def _errors(nb) -> list[str]:
    return [
        f"cell {i}: {o.ename}: {o.evalue}"
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        for o in cell.outputs
        if o.output_type == "error"
    ]


def _text(cell) -> str:
    """Everything a code cell printed or displayed, as text."""
    parts = []
    for output in cell.outputs:
        parts.append(output.get("text", ""))
        parts.append(output.get("data", {}).get("text/markdown", ""))
    return "".join(parts)


@pytest.fixture(scope="module")
def standalone(quick_results, tmp_path_factory):
    """The report's notebook, alone in an empty folder, executed there (its outputs cleared first)."""
    folder = tmp_path_factory.mktemp("alone")
    shutil.copy(quick_results / "report.ipynb", folder / "report.ipynb")
    nb = _notebook(folder)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    assert sorted(p.name for p in folder.iterdir()) == ["report.ipynb"]
    execute(nb, folder, timeout=600)
    return folder, nb


# ------------------------------------------------------------------ in an empty folder
@pytest.mark.slow
@pytest.mark.timeout(1200)  # every experiment in its quick form, inside the kernel: minutes on a busy machine
def test_the_notebook_runs_in_an_empty_folder_and_makes_its_results(standalone):
    folder, nb = standalone
    assert not _errors(nb)
    for name in lab.EXPERIMENTS:
        assert (folder / QUICK_FOLDER / name / "metrics.json").is_file(), name
    figures = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("show(")]
    assert len(figures) >= 10
    made = prose("en")["nb_made"]
    for cell in figures:
        assert any("image/png" in o.get("data", {}) for o in cell.outputs), cell.source
        assert made in _text(cell), cell.source  # it says it shows the quick results it made
        assert f"`{QUICK_FOLDER}/" in _text(cell), cell.source


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_every_code_cell_has_output_in_the_empty_folder(standalone):
    _, nb = standalone
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs, cell.source[:80]


def test_next_to_its_results_the_notebook_runs_nothing_and_says_so(quick_results):
    nb = _notebook(quick_results)
    assert not _errors(nb)
    assert not (quick_results / QUICK_FOLDER).exists()
    origins = next(c for c in nb.cells if c.cell_type == "code" and c.source == ORIGINS.strip())
    said = _text(origins)
    for name in lab.EXPERIMENTS:
        assert f"`{name}/` ({prose('en')['nb_quick']}, {prose('en')['nb_seed']} 0)" in said, name
    assert prose("en")["nb_made"] not in said


def test_every_code_cell_follows_its_explanation(quick_results):
    cells = _notebook(quick_results).cells
    assert cells[0].cell_type == "markdown"
    for before, cell in itertools.pairwise(cells):
        if cell.cell_type == "code":
            assert before.cell_type == "markdown", cell.source[:80]
            assert before.source.strip(), cell.source[:80]


def test_the_setup_cell_needs_no_results_to_be_defined(tmp_path, monkeypatch):
    """The setup only defines: an empty folder runs nothing until a result is asked for."""
    pytest.importorskip("IPython")
    from mlplab.report.render_notebook import SETUP

    monkeypatch.chdir(tmp_path)
    exec(SETUP, {})
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ the implementation's code
def _without_docstrings(source: str) -> str:
    """The AST of ``source`` with every docstring dropped, as text: equal for equal code."""
    tree = ast.parse(textwrap.dedent(source))
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(body, list)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            node.body = body[1:] or [ast.Pass()]
    return ast.dump(tree)


def _functions():
    return [f for _, functions in LISTINGS for f in functions]


@pytest.mark.parametrize("function", _functions(), ids=lambda f: f.__qualname__)
def test_a_listed_function_is_its_current_source(function):
    shown = source_of(function)
    assert _without_docstrings(shown) == _without_docstrings(inspect.getsource(function))
    file_lines = Path(inspect.getsourcefile(function)).read_text(encoding="utf-8").splitlines()
    start = inspect.getsourcelines(function)[1] - 1
    indent = len(file_lines[start]) - len(file_lines[start].lstrip())
    assert shown.splitlines()[0] == file_lines[start][indent:]  # the def line, where the header says
    assert f"(line {start + 1})" in listing([function])


def test_the_sheets_methods_and_the_mini_batch_loop_are_shown():
    names = {f.__qualname__ for f in _functions()}
    assert {"MLP._forward", "MLP._backward", "MLP.train", "MLP._initialize_weights", "fit"} <= names
    assert {"Linear.forward", "Linear.backward", "ActivationLayer.backward"} <= names
    loop = listing([f for f in _functions() if f.__qualname__ == "fit"])
    assert "for index, start in enumerate(range(0, n, batch)):" in loop


def test_the_pdf_and_the_notebook_show_the_listings(quick_results):
    typ = (quick_results / "report.typ").read_text(encoding="utf-8")
    markdown = "\n".join(c.source for c in _notebook(quick_results).cells if c.cell_type == "markdown")
    for _, functions in LISTINGS:
        shown = listing(functions)
        assert f"```python\n{shown}\n```" in typ
        assert f"```python\n{shown}\n```" in markdown
