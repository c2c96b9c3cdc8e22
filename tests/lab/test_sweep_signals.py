"""Ctrl-C on a real ``mlplab sweep`` with worker processes: it stops, keeps, resumes.

A terminal sends Ctrl-C to the whole process group, workers included; the
workers ignore it and the command stops them. The finished runs stay in
``DIR/.sweep-resume/`` and the same command then completes the sweep with the
results of one that was never interrupted.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mlplab.lab import sweep

from .conftest import SMALL_SWEEP_GRID, without_timings

pytestmark = [
    pytest.mark.timeout(240),
    pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads worker processes from /proc"),
]

GRID = SMALL_SWEEP_GRID
ARGS = ("sweep", *GRID, "--epochs", "200", "--seeds", "2", "--jobs", "2", "--quick", "--no-progress")
ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


def children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):  # the thread ended meanwhile
            found |= {int(p) for p in (task / "children").read_text().split()}
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def run(out: Path) -> int:
    result = subprocess.run(
        [sys.executable, "-m", "mlplab", *ARGS, "--out", str(out)], capture_output=True, text=True, env=ENV,
        timeout=180,
    )  # fmt: skip
    assert result.returncode in (0, 130, 143), result.stderr
    return result.returncode


@pytest.mark.slow
def test_ctrl_c_stops_the_sweep_and_its_workers_keeps_its_runs_and_resumes(tmp_path):
    signum = signal.SIGINT
    proc = subprocess.Popen(
        [sys.executable, "-m", "mlplab", *ARGS, "--out", str(tmp_path / "resumed")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    try:
        kept = tmp_path / "resumed" / sweep.RESUME_FOLDER
        workers: set[int] = set()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            workers |= children(proc.pid)
            if kept.is_dir() and len(list(kept.glob("*.json"))) >= 3:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the sweep ended before it could be interrupted"
        workers |= children(proc.pid)
        os.killpg(proc.pid, signum)  # as a terminal sends Ctrl-C: to the command and its workers
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 128 + signum, err
        assert "Traceback" not in err
    finally:  # whatever failed, no process of this test outlives it
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
    n_kept = len(list(kept.glob("*.json")))
    assert 3 <= n_kept < 16
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(workers) >= 2
    assert not [pid for pid in workers if alive(pid)], "a worker process outlived the command"

    assert run(tmp_path / "resumed") == 0
    assert not kept.exists()
    assert run(tmp_path / "whole") == 0
    metrics = [
        json.loads((tmp_path / name / "sweep" / "metrics.json").read_text()) for name in ("whole", "resumed")
    ]
    assert without_timings(metrics[0]) == without_timings(metrics[1])
    csv = [(tmp_path / name / "sweep" / "sweep.csv").read_bytes() for name in ("whole", "resumed")]
    assert csv[0] == csv[1]
