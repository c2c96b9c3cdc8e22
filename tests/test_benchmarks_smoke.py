"""Smoke test of ``benchmarks/run.py``: a ``--quick`` run completes and writes a complete JSON file.

No timing is asserted (machines are noisy); only that every workload ran with
every tool that is there, that the numbers are positive and finite, that the
same-work checks hold, and that a missing PyTorch is skipped with a note. PyTorch
is hidden by a stand-in package whose import fails, so this is the path of a
machine without it (as in CI) even where it is installed. BLAS runs on one
thread so that the run stays short on a busy machine.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # each test runs the benchmark script

ROOT = Path(__file__).resolve().parents[1]
RUN = ROOT / "benchmarks" / "run.py"
WORKLOADS = {"sgd_step", "adam_step", "spirals", "grid", "large", "xor"}
HAS_SKLEARN = importlib.util.find_spec("sklearn") is not None
HAS_JOBLIB = all(importlib.util.find_spec(name) is not None for name in ("joblib", "threadpoolctl"))


def run_benchmark(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    hidden = tmp / "hidden"
    (hidden / "torch").mkdir(parents=True, exist_ok=True)
    (hidden / "torch" / "__init__.py").write_text('raise ImportError("torch is hidden by the smoke test")\n')
    paths = [str(hidden), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    env.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    return subprocess.run(
        [sys.executable, str(RUN), *args], cwd=tmp, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def quick(tmp_path_factory) -> tuple[dict, str, Path]:
    tmp = tmp_path_factory.mktemp("bench")
    out = tmp / "results" / "run.json"
    result = run_benchmark(tmp, "--quick", "--json", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(out.read_text(encoding="utf-8")), result.stdout, out


def positive(value) -> bool:
    return isinstance(value, (int, float)) and math.isfinite(value) and value > 0


def test_every_workload_ran_every_tool_with_positive_numbers(quick):
    results, _, _ = quick
    assert set(results["workloads"]) == WORKLOADS
    expected = {"mlplab", "numpy loop"} | ({"scikit-learn"} if HAS_SKLEARN else set())
    for name, workload in results["workloads"].items():
        assert expected <= set(workload["tools"]), name
        assert workload["steps_per_run"] > 0
        for tool, numbers in workload["tools"].items():
            assert all(positive(numbers[key]) for key in ("median", "min", "max", "us_per_step_median")), (
                name,
                tool,
            )
            assert numbers["min"] <= numbers["median"] <= numbers["max"]
            assert len(numbers["seconds_per_run"]) == results["settings"]["repeats"] == 1
    large_tools = set(results["workloads"]["large"]["tools"])
    assert {"GEMM floor", "GEMM floor float32", "mlplab float32"} <= large_tools
    if HAS_JOBLIB:
        assert "mlplab 2 workers" in results["workloads"]["grid"]["tools"]


def test_ratios_and_targets_are_reported(quick):
    results, stdout, _ = quick
    assert results["ratios"]
    assert all(positive(r["ratio"]) for r in results["ratios"])
    pairs = {(r["workload"], r["numerator"], r["denominator"]) for r in results["ratios"]}
    assert ("large", "mlplab", "GEMM floor") in pairs
    assert ("large", "mlplab float32", "mlplab") in pairs
    assert results["targets_total"] == sum(r["target"] is not None for r in results["ratios"])
    assert "targets met:" in stdout
    assert "mlplab/numpy loop" in stdout


def test_missing_torch_is_skipped_with_a_note(quick):
    results, stdout, _ = quick
    assert "torch" in results["skipped"]
    assert "torch" not in results["tools"]
    assert all("torch" not in w["tools"] for w in results["workloads"].values())
    assert "note: torch skipped" in stdout


def test_the_tools_do_the_same_work(quick):
    results, _, _ = quick
    for name, workload in results["workloads"].items():
        assert workload["checks"]["numpy loop"]["same_arithmetic"], name
        if HAS_SKLEARN:
            assert workload["checks"]["scikit-learn"]["n_iter_"] == [1], name  # --quick warms up for 1 epoch
    assert results["workloads"]["grid"]["checks"]["numpy loop"]["runs_compared"] == 27


def test_memory_and_machine_are_recorded(quick):
    results, _, out = quick
    memory = results["memory"]
    assert len(memory["rows"]) == 6
    assert all(positive(row["peak_bytes"]) for row in memory["rows"])
    assert {"data_copies", "parameter_copies", "batch_activation_copies"} <= set(memory["fit"])
    env = results["environment"]
    assert "OPENBLAS_CORETYPE" in env
    assert "threadpools" in env
    assert env["numpy"]
    assert [p.name for p in out.parent.iterdir()] == ["run.json"]  # the atomic write left no temporary file


def test_only_selects_workloads_and_rejects_unknown_names(tmp_path):
    result = run_benchmark(tmp_path, "--quick", "--only", "nonsense")
    assert result.returncode == 2
    assert "unknown workload" in result.stderr
    out = tmp_path / "xor.json"
    result = run_benchmark(tmp_path, "--quick", "--only", "xor", "--json", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    results = json.loads(out.read_text(encoding="utf-8"))
    assert set(results["workloads"]) == {"xor"}
    assert results["memory"] is None
