"""One --quick run of every experiment per test session, shared by the report's tests.

Under pytest-xdist the workers share it too: the first to need it computes it
into the session's common temporary folder while holding a lock, and the
others wait and read it (the tests only read it).
"""

import contextlib
import fcntl
import importlib.util
import os
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

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # common to the workers
    out, done = shared / "quick_results", shared / "quick_results.done"
    with open(shared / "quick_results.lock", "w") as lock, _held(lock):
        if not done.exists():
            common = ["--out", str(out), "--quick", "--no-progress"]
            if all(importlib.util.find_spec(name) for name in ("typst", "nbclient")):
                assert main(["all", *common]) == 0
            else:
                for name in lab.available():
                    assert main([name, *common]) == 0
            done.touch()
    return out


@contextlib.contextmanager
def _held(lock):
    fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if this worker dies
    try:
        yield
    finally:
        fcntl.flock(lock, fcntl.LOCK_UN)
