"""The sandbox: a submission that loops, exits, allocates, floods, escapes or snoops is contained.

Each test grades a small inline submission with only the checks it needs
(the registry's, chosen by criterion) and short time limits.
"""

from __future__ import annotations

import pytest

from mlplab.grade.checks import CHECKS
from mlplab.grade.grader import grade
from mlplab.grade.sandbox import Limits

pytestmark = pytest.mark.timeout(300)

#: a correct student class (mlplab's own MLP behind the sheet's constructor), to break one method of
BASE = """
from mlplab import MLP as _Reference

class MLP(_Reference):
    def __init__(self, layer_sizes, activation='sigmoid', learning_rate=0.01):
        super().__init__(layer_sizes, activation, learning_rate, seed=0)
"""
FAST = Limits(timeout=4.0, total=60.0)
TRAIN = "    def train(self, X, y, epochs=1000, batch_size=None, verbose=False):\n"  # the sheet's signature


def _ids(*criteria: str) -> list[str]:
    return [check.id for check in CHECKS if check.criterion in criteria]


def _grade(tmp_path, body: str, criteria=("api", "training_loop"), limits=FAST, name="s.py") -> dict:
    path = tmp_path / name
    path.write_text(BASE + body)
    (result,) = grade(path, limits=limits, checks=_ids(*criteria))
    return result


def _by_criterion(result: dict, criterion: str) -> list[dict]:
    return [check for check in result["checks"] if check["criterion"] == criterion]


def test_the_base_submission_passes_the_checks_used_here(tmp_path):
    result = _grade(tmp_path, "")
    assert result["status"] == "graded"
    assert all(check["passed"] for check in result["checks"]), result["checks"]


@pytest.mark.slow
def test_an_endless_loop_in_a_method_costs_only_the_checks_that_call_it(tmp_path):
    loops = TRAIN + "        while True:\n            pass\n"
    result = _grade(tmp_path, loops, limits=Limits(timeout=2.0, total=60.0))  # each training check: 2 s
    training = _by_criterion(result, "training_loop")
    assert training
    assert all(check["score"] == 0 for check in training)
    assert any("took too long" in check["feedback"] for check in training)
    assert all(check["passed"] for check in _by_criterion(result, "api"))


@pytest.mark.slow
def test_an_endless_loop_at_import_is_stopped_and_reported(tmp_path):
    result = _grade(tmp_path, "    while True:\n        pass\n")
    assert result["status"] == "failed"
    assert result["score"] == 0
    assert "endless loop at import" in result["notes"][0]


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (TRAIN + "        import os\n        os._exit(3)\n", "exit code 3"),
        (TRAIN + "        raise SystemExit(4)\n", "SystemExit: 4"),
        (
            TRAIN + "        import numpy as np\n        keep = []\n"
            "        while True:\n            keep.append(np.ones(10**7))\n",
            "MemoryError",
        ),
    ],
    ids=["os-exit", "sys-exit", "unbounded-allocation"],
)
def test_a_check_that_kills_or_exhausts_its_process_scores_zero_and_the_rest_are_graded(tmp_path, body, says):
    result = _grade(tmp_path, body, limits=Limits(timeout=10.0, total=60.0, memory=1024 * 2**20))
    training = _by_criterion(result, "training_loop")
    assert training
    assert all(check["score"] == 0 for check in training)
    assert any(says in check["feedback"] for check in training), [c["feedback"] for c in training]
    assert all(check["passed"] for check in _by_criterion(result, "api"))


def test_a_flood_of_output_is_truncated_and_said(tmp_path):
    result = _grade(tmp_path, "    for _ in range(20000):\n        print('x' * 1000)\n", criteria=("api",))
    assert result["status"] == "graded"
    assert any("printed 20,020,000 bytes" in note for note in result["notes"]), result["notes"]


def test_processes_files_outside_its_folder_and_the_network_are_refused(tmp_path):
    target = tmp_path / "pwned"
    body = f"""
    def train(self, X, y, epochs=1000, batch_size=None, verbose=False):
        import os, socket, subprocess
        for attempt in (
            lambda: os.system("echo pwned > {target}"),
            lambda: subprocess.run(["true"]),
            lambda: open({str(target)!r}, "w"),
            lambda: os.remove({str(tmp_path / "s.py")!r}),
            lambda: socket.create_connection(("127.0.0.1", 9)),
        ):
            try:
                attempt()
            except PermissionError as error:
                assert "sandbox" in str(error)
            else:
                raise AssertionError("not refused")
        open("allowed.txt", "w").write("its own folder is writable")
        raise RuntimeError("all refused")
    """
    result = _grade(tmp_path, body)
    assert not target.exists()
    assert (tmp_path / "s.py").exists()
    training = _by_criterion(result, "training_loop")
    assert any("RuntimeError: all refused" in check["feedback"] for check in training), training


def test_the_environment_has_no_secrets_and_the_folder_is_private_and_removed(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRET_TOKEN", "hunter2")
    body = """
    def train(self, X, y, epochs=1000, batch_size=None, verbose=False):
        import os
        raise RuntimeError(f"secret={os.environ.get('SECRET_TOKEN')} cwd={os.getcwd()}")
    """
    result = _grade(tmp_path, body)
    feedback = " ".join(check["feedback"] for check in _by_criterion(result, "training_loop"))
    assert "secret=None" in feedback
    assert "hunter2" not in feedback
    folder = feedback.split("cwd=")[1].split()[0].rstrip(").")
    assert "mlplab-grade-" in folder
    import os

    assert not os.path.exists(folder)


def test_a_folder_is_graded_in_parallel_in_order_and_like_one_at_a_time(tmp_path):
    for name in ("b.py", "a.py", "c.py"):
        (tmp_path / name).write_text(BASE)
    (tmp_path / "c.py").write_text("def nothing():\n    pass\n")
    ids = _ids("api")
    parallel = grade(tmp_path, limits=FAST, jobs=2, checks=ids)
    serial = grade(tmp_path, limits=FAST, jobs=1, checks=ids)
    assert [r["submission"] for r in parallel] == ["a.py", "b.py", "c.py"]
    strip = [{k: v for k, v in r.items() if k != "seconds"} for r in parallel]
    assert strip == [{k: v for k, v in r.items() if k != "seconds"} for r in serial]
    assert parallel[2]["status"] == "failed"
    assert "no class MLP" in parallel[2]["notes"][0]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"lang": "fr"}, "lang must be one of"),
        ({"jobs": 0}, "jobs must be an int"),
        ({"mode": "some"}, "mode must be one of"),
        ({"checks": ["no.such"]}, "unknown check id"),
    ],
)
def test_bad_arguments_are_refused_before_anything_runs(tmp_path, kwargs, message):
    (tmp_path / "s.py").write_text(BASE)
    with pytest.raises(ValueError, match=message):
        grade(tmp_path / "s.py", **kwargs)


@pytest.mark.parametrize(
    ("field", "value"),
    [("timeout", 0), ("total", float("nan")), ("memory", -1), ("output", 1.5)],
)
def test_bad_limits_are_refused_naming_the_limit(field, value):
    with pytest.raises(ValueError, match=field):
        Limits(**{field: value})
