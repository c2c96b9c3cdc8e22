"""``mlplab all`` on several cores: each experiment its own ``mlplab <experiment>`` process.

What a user sees: the same results as one process writes, a failure that
stops further starts and says what is complete, and a SIGTERM that reaches
every child, which puts its folder in order.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from _leftovers import leftovers
from mlplab import lab
from mlplab.cli import main
from mlplab.lab._parallel import usable_cpus

pytestmark = pytest.mark.skipif(usable_cpus() < 2, reason="children run at once only with two CPUs")

NAMES = list(lab.available())  # in the order `all` starts them


def _results(out: Path, names: list[str]) -> dict:
    """The experiments' metrics.json files, ``timings`` and the sweep's execution settings aside."""
    found = {}
    for name in names:
        metrics = json.loads((out / name / "metrics.json").read_text())
        metrics.pop("timings")
        metrics["settings"].pop("execution", None)
        found[name] = metrics
    return found


def _with_failing(monkeypatch, tmp_path: Path, experiment: str) -> None:
    """Children of this test start with ``experiment``'s run raising a full disk (a sitecustomize)."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(
        "import errno\n"
        f"import mlplab.lab.{experiment} as module\n"
        "def run(ctx, config):\n"
        "    raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "module.run = run\n"
    )
    path = os.pathsep.join(p for p in (str(hooks), os.environ.get("PYTHONPATH", "")) if p)
    monkeypatch.setenv("PYTHONPATH", path)


@pytest.mark.parametrize("jobs", ["0", "x", str(usable_cpus() + 1)])
def test_a_bad_jobs_is_a_usage_error_before_any_work(capsys, tmp_path, jobs):
    with pytest.raises(SystemExit) as info:
        main(["all", "--quick", "--jobs", jobs, "--out", str(tmp_path / "out")])
    assert info.value.code == 2
    assert f"argument --jobs: must be an integer from 1 to {usable_cpus()}" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_the_children_write_what_one_process_writes(tmp_path, capfd):
    """Two experiments as children, side by side, and the same two in this process (all's two paths)."""
    import mlplab.cli
    from mlplab.cli import build_parser

    names = NAMES[:2]
    for where in ("one", "many"):
        argv = ["all", "--quick", "--seed", "3", "--out", str(tmp_path / where), "--no-progress"]
        args = build_parser().parse_args(argv)
        if where == "one":
            for name in names:
                mlplab.cli._run_with_defaults(name, args)
        else:
            mlplab.cli._run_in_children(names, args, 2)
    out = capfd.readouterr().out  # the children print into the same file descriptors
    assert all(out.count(f"{name}: done in ") == 2 for name in names)
    assert _results(tmp_path / "many", names) == _results(tmp_path / "one", names)
    assert leftovers(tmp_path) == []


@pytest.mark.slow
def test_a_failing_child_stops_further_starts_and_the_message_says_what_is_complete(
    tmp_path, monkeypatch, capfd
):
    _with_failing(monkeypatch, tmp_path, NAMES[0])
    out = tmp_path / "results"
    assert main(["all", "--quick", "--jobs", "2", "--out", str(out), "--no-progress"]) == 1
    err = capfd.readouterr().err
    assert f"mlplab {NAMES[0]}: No space left on device" in err  # the child's own message
    assert f"{out / NAMES[0]}/: not written (there was none before)." in err
    assert f"mlplab all: {NAMES[0]} (exit 1) failed (said above); not started: {', '.join(NAMES[2:])}" in err
    assert f"New and complete: {out / NAMES[1]}/." in err  # it was running: it finished
    assert sorted(p.name for p in out.iterdir()) == [NAMES[1]]  # no report, nothing else started
    assert leftovers(tmp_path) == []


@pytest.mark.slow
def test_sigterm_reaches_every_child_and_each_folder_stays_whole(tmp_path):
    out = tmp_path / "results"
    proc = subprocess.Popen(
        [sys.executable, "-m", "mlplab", "all", "--jobs", "2", "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while len(list(out.glob(".*.staging-*"))) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # until both children have begun their experiments
    assert proc.poll() is None, proc.communicate()
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 143, err
    assert "mlplab all: interrupted. Stopped by SIGTERM." in err
    for name in NAMES[:2]:  # each child said so itself
        assert f"mlplab {name}: interrupted. Stopped by SIGTERM." in err
    assert "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == []  # nothing had finished: nothing written
    assert leftovers(tmp_path) == []
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert str(out) not in ps  # no child is left running
