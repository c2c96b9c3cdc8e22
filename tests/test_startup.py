"""Start-up and progress: what each command imports, and that drawing and the report are never silent.

Each command runs as ``python -m mlplab ...`` does (``runpy``, in a fresh
process), and the test reads which modules were in ``sys.modules`` when it
ended, never how long it took: the times are measured side by side in
``benchmarks/bench_startup.py``.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from mlplab import lab

#: imported only where they are used: never to start a command, show a help or print the trace
HEAVY = ("matplotlib", "scipy", "sklearn", "nbformat", "nbclient", "typst", "PIL")
EXPERIMENTS = lab.available()


#: ``python -m mlplab`` (what ``-m`` does, by runpy) that writes ``sys.modules`` to a file at exit
PROGRAM = """
import atexit, runpy, sys
path = sys.argv.pop(1)
atexit.register(lambda: open(path, "w").write("\\n".join(sorted(sys.modules))))
runpy.run_module("mlplab", run_name="__main__", alter_sys=True)
"""


def imported(*argv: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    """Run ``python -m mlplab <argv>``; its result and the modules loaded when it ended."""
    with tempfile.TemporaryDirectory() as scratch:
        listing = Path(scratch) / "modules.txt"
        result = subprocess.run([sys.executable, "-c", PROGRAM, str(listing), *argv],
                                capture_output=True, text=True, timeout=120)  # fmt: skip
        names = set(listing.read_text().split()) if listing.exists() else set()
    assert names, f"no list of modules: {result.stderr}"
    return result, names


def test_the_reading_of_imports_sees_what_a_command_imports():
    result, names = imported("trace")  # the trace needs NumPy: the reading must see it
    assert result.returncode == 0, result.stderr
    assert {"mlplab", "mlplab.trace", "numpy", "numpy._core", "argparse"} <= names


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["trace", "--help"], ["all", "--help"],
                                  ["report", "--help"], ["grade", "--help"]])  # fmt: skip
def test_version_and_help_import_neither_numpy_nor_anything_heavy(argv):
    result, names = imported(*argv)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("mlplab " if argv == ["--version"] else "usage: mlplab")
    assert names.isdisjoint({"numpy", *HEAVY}), sorted(names & {"numpy", *HEAVY})


def test_the_commands_list_names_every_experiment_without_importing_one():
    result, names = imported("--help")
    assert result.returncode == 0, result.stderr
    text = " ".join(result.stdout.split())  # undo argparse's wrapping
    assert {"mlplab.cli", "mlplab.lab"} <= names
    for name in EXPERIMENTS:
        assert " ".join(lab.help_line(name).split()) in text, name
        assert f"mlplab.lab.{lab.EXPERIMENTS[name]}" not in names


def test_the_trace_imports_numpy_and_the_library_only():
    result, names = imported("trace", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["z1"] == pytest.approx([0.28, -0.03, 0.44])  # the sheet's z1 = W1 x + b1
    assert {"numpy", "mlplab.nn", "mlplab.trace"} <= names
    assert names.isdisjoint(HEAVY), sorted(names & set(HEAVY))
    assert names.isdisjoint({"mlplab.report", "mlplab.mlp", "mlplab.lab._common"})
    assert "numpy.ma" not in names  # the data checks refuse masked arrays without importing numpy.ma
    # mlplab.nn imports its parts on first use: the trace needs no training loop nor stacked trainer
    assert names.isdisjoint({"mlplab.nn.training", "mlplab.nn.many", "mlplab.nn.gradcheck"})
    assert names.isdisjoint(f"mlplab.lab.{module}" for module in lab.EXPERIMENTS.values())


@pytest.mark.parametrize("name", EXPERIMENTS)
def test_an_experiments_help_imports_no_plotting_nor_report(name):
    result, names = imported(name, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: mlplab {name}")
    assert "--out" in result.stdout  # its options are there
    assert "--quick" in result.stdout
    assert f"mlplab.lab.{lab.EXPERIMENTS[name]}" in names  # its Config made the options
    assert names.isdisjoint(HEAVY), sorted(names & set(HEAVY))


@pytest.mark.parametrize("name", EXPERIMENTS)
def test_help_lines_read_from_the_sources_are_the_modules_help(name):
    assert lab.help_line(name) == lab.load(name).HELP


def test_the_library_tables_of_the_options_are_the_librarys():
    from mlplab.lab import _options
    from mlplab.nn.checks import MAX_COUNT
    from mlplab.nn.optimizers import OPTIMIZERS as table

    assert tuple(table) == _options.OPTIMIZERS
    assert _options.positive_int(str(MAX_COUNT)) == MAX_COUNT
    with pytest.raises(argparse.ArgumentTypeError, match=f"from 1 to {MAX_COUNT}"):
        _options.positive_int(str(MAX_COUNT + 1))
    assert _options.positive_int is _options.positive_int  # built once
    with pytest.raises(AttributeError, match="no_such_name"):
        _options.no_such_name  # noqa: B018


def test_an_experiment_without_the_lab_extra_stops_before_any_work(tmp_path, capsys, monkeypatch):
    from mlplab import cli

    monkeypatch.setattr(cli, "_LAB_PACKAGES", ("mlplab_no_such_package",))
    assert cli.main(["xor", "--quick", "--out", str(tmp_path / "out"), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "needs 'mlplab_no_such_package'; install it with: pip install 'mlplab[lab]'" in err
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------------ progress
def test_spirals_says_what_it_draws_figure_by_figure_and_frame_by_frame(tmp_path, capsys, monkeypatch):
    pytest.importorskip("matplotlib", reason="the experiments need the 'lab' extra")
    pytest.importorskip("tqdm", reason="progress needs the 'lab' extra")
    from mlplab.cli import main
    from mlplab.lab import spirals

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)  # progress is shown on a terminal only
    argv = ["spirals", "--quick", "--epochs", "20", "--frames", "2", "--out", str(tmp_path)]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "spirals: drawing [00:" in err
    for stem in (spirals.FIG_DATA, spirals.FIG_BOUNDARY, spirals.FIG_CURVES, spirals.FIG_FEATURES):
        for shown in (stem, f"{stem}.de"):
            assert f", {shown}]" in err, shown
    frames = 3  # the untrained network, epoch 10 and epoch 20
    for frame in range(1, frames + 1):
        assert f"{spirals.GIF_TRAINING}: frame {frame} of {frames}]" in err
    assert (tmp_path / "spirals" / spirals.GIF_TRAINING).is_file()


def test_no_progress_keeps_drawing_silent(tmp_path, capsys, monkeypatch):
    pytest.importorskip("matplotlib", reason="the experiments need the 'lab' extra")
    from mlplab.cli import main

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    argv = ["spirals", "--quick", "--epochs", "4", "--frames", "1", "--out", str(tmp_path), "--no-progress"]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "spirals: drawing" not in err
    assert "spirals: epochs" not in err


def test_the_notebook_says_which_cell_runs(tmp_path):
    nbformat = pytest.importorskip("nbformat", reason="the notebook needs the 'report' extra")
    pytest.importorskip("nbclient", reason="the notebook needs the 'report' extra")
    pytest.importorskip("ipykernel", reason="the notebook needs the 'report' extra")
    from mlplab.report.render_notebook import execute

    v4 = nbformat.v4
    nb = v4.new_notebook(cells=[v4.new_markdown_cell("# a"), v4.new_code_cell("x = 1"),
                                v4.new_code_cell(""), v4.new_code_cell("print(x + 1)")])  # fmt: skip
    said = []
    execute(nb, tmp_path, timeout=120, progress=said.append)
    assert said == ["starting a Python kernel", "cell 1 of 2", "cell 2 of 2"]
    assert nb.cells[3].outputs[0]["text"] == "2\n"


def test_the_report_says_when_it_compiles_the_pdf_and_runs_the_notebook(tmp_path, monkeypatch):
    pytest.importorskip("nbformat", reason="the notebook needs the 'report' extra")
    from mlplab.report import build_report, render_notebook, render_typst

    said, order = [], []

    def compile_pdf(source, root):  # the real one needs results to compile; the order is what is tested
        order.append(("compile", list(said)))
        return b"%PDF-1.7 stand-in"

    def execute(nb, cwd, timeout=600, progress=None):
        order.append(("execute", list(said)))
        progress("cell 1 of 1")
        return nb

    monkeypatch.setattr(render_typst, "compile_pdf", compile_pdf)
    monkeypatch.setattr(render_notebook, "execute", execute)
    build_report(tmp_path, progress=said.append)
    assert order == [("compile", ["report.pdf: compiling (Typst)"]),
                     ("execute", ["report.pdf: compiling (Typst)"])]  # fmt: skip
    assert said == ["report.pdf: compiling (Typst)", "report.ipynb: cell 1 of 1"]
    assert (tmp_path / "report.pdf").read_bytes() == b"%PDF-1.7 stand-in"
