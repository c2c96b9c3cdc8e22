"""One --quick run of every experiment per test session, shared by the report's tests."""

import importlib.util
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def quick_results(tmp_path_factory) -> Path:
    """The results folder of every experiment in ``--quick`` mode.

    With the report's extra installed this is ``mlplab all --quick`` (the
    README's main command, small), which writes the report too; without it,
    each experiment on its own, for the sections' unit tests.
    """
    pytest.importorskip("matplotlib", reason="the experiments need the 'lab' extra")
    from mlplab import lab
    from mlplab.cli import main

    out = tmp_path_factory.mktemp("results")
    common = ["--out", str(out), "--quick", "--no-progress"]
    if all(importlib.util.find_spec(name) for name in ("typst", "nbclient")):
        assert main(["all", *common]) == 0
    else:
        for name in lab.available():
            assert main([name, *common]) == 0
    return out
