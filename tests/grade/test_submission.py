"""Finding submissions, reading scripts and notebooks, and running only their definitions."""

from __future__ import annotations

import json

import pytest

from mlplab.grade.submission import SubmissionError, find_submissions, load_module, read_source


def _notebook(cells: list[tuple[str, str]]) -> str:
    return json.dumps(
        {
            "nbformat": 4,
            "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
            "cells": [
                {"cell_type": kind, "id": f"c{i}", "metadata": {}, "source": source}
                | ({"outputs": [], "execution_count": None} if kind == "code" else {})
                for i, (kind, source) in enumerate(cells)
            ],
        }
    )


def test_a_folder_gives_its_scripts_and_notebooks_in_sorted_order_skipping_hidden_and_private(tmp_path):
    for name in ("b.py", "a.ipynb", "notes.txt", "_helper.py", ".hidden.py"):
        (tmp_path / name).write_text("x = 1\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.py").write_text("x = 1\n")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "a-checkpoint.ipynb").write_text("{}")
    found = [p.relative_to(tmp_path).as_posix() for p in find_submissions(tmp_path)]
    assert found == ["a.ipynb", "b.py", "sub/c.py"]


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing.py", "does not exist"), ("notes.txt", "is not a .py file or a .ipynb notebook")],
)
def test_a_path_without_a_submission_is_an_error_naming_it(tmp_path, name, message):
    if name == "notes.txt":
        (tmp_path / name).write_text("hello")
    with pytest.raises(SubmissionError, match=message) as caught:
        find_submissions(tmp_path / name)
    assert name in str(caught.value)


def test_an_empty_folder_is_an_error_naming_it(tmp_path):
    with pytest.raises(SubmissionError, match=r"holds no \.py file and no \.ipynb notebook"):
        find_submissions(tmp_path)


def test_a_notebook_gives_its_code_cells_with_magics_and_shell_lines_skipped(tmp_path):
    path = tmp_path / "nb.ipynb"
    path.write_text(
        _notebook(
            [
                ("markdown", "# Title\n%not code"),
                ("code", "%matplotlib inline\nimport numpy as np\n!pip list\nfiles = !ls\nx = 1"),
                ("code", "%%timeit\nsum(range(10))"),
                ("code", "def f():\n    return x + 1"),
            ]
        )
    )
    source = read_source(path)
    module, _ = load_module(source.code, "nb.ipynb", mode="all")
    assert module.f() == 2
    assert "timeit" not in source.code
    assert "\n!pip" not in source.code
    assert source.notes == [("load.magics_skipped", {"count": 5})]  # 3 lines, and the 2-line cell magic


def test_a_broken_notebook_is_a_note_not_an_exception(tmp_path):
    path = tmp_path / "nb.ipynb"
    path.write_text("{not json")
    source = read_source(path)
    assert source.code == ""
    assert source.notes[0][0] == "load.bad_notebook"


def test_definitions_only_keeps_classes_functions_imports_and_the_globals_they_use():
    code = (
        "import math\n"
        "SCALE = 2.0\n"
        "UNUSED = 1 / 0\n"  # would raise if it ran
        "HELPER = {'double': lambda v: v * SCALE}\n"
        "class MLP:\n"
        "    def f(self, v):\n"
        "        return HELPER['double'](v) + math.floor(0.5)\n"
        "model = MLP()\n"
        "while True:\n"
        "    pass\n"
    )
    module, notes = load_module(code, "s.py")
    assert module.MLP().f(3) == 6.0
    assert not hasattr(module, "model")
    assert notes == [("load.statements_skipped", {"count": 3})]  # UNUSED, model =, while


def test_all_mode_runs_everything_but_the_main_guard():
    code = "ran = []\nran.append(1)\nif __name__ == '__main__':\n    raise SystemExit('main ran')\n"
    module, notes = load_module(code, "s.py", mode="all")
    assert module.ran == [1]
    assert notes == []


def test_a_failed_import_is_noted_and_the_rest_still_loads():
    module, notes = load_module("import not_a_module_xyz\nclass MLP:\n    pass\n", "s.py")
    assert isinstance(module.MLP, type)
    assert notes[0][0] == "load.import_failed"
    assert notes[0][1]["line"] == 1
    assert "not_a_module_xyz" in notes[0][1]["error"]


def test_a_syntax_error_is_raised_for_the_worker_to_report():
    with pytest.raises(SyntaxError):
        load_module("class MLP(:\n", "s.py")


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="mode must be one of"):
        load_module("x = 1", "s.py", mode="some")
