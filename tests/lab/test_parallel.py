"""The generic executor of :mod:`mlplab.lab._parallel`, on toy tasks that know nothing of the sweep."""

import pytest

from mlplab.lab import _parallel
from mlplab.lab._parallel import guarded, one_blas_thread, run_tasks

from . import crashing_worker


class Permanent(Exception):
    pass


def _tasks(n: int) -> list[dict]:
    return [{"key": (i,), "params": {"x": i}} for i in range(n)]


def test_guarded_returns_the_results_or_the_failure():
    record = guarded(lambda x: {"square": x * x}, {"key": "a", "params": {"x": 3}})
    assert (record["status"], record["square"], record["key"]) == ("ok", 9, "a")
    assert record["seconds"] >= 0.0

    def broken(x):
        raise Permanent("no")

    record = guarded(broken, {"key": "b", "params": {"x": 1}}, permanent=(Permanent,))
    assert (record["status"], record["error"], record["retryable"]) == ("failed", "Permanent: no", False)
    record = guarded(broken, {"key": "b", "params": {"x": 1}})
    assert record["retryable"] is True


def test_run_tasks_retries_the_retryable_failures_once():
    calls = []

    def flaky(x):
        calls.append(x)
        if x == 1 and calls.count(1) == 1:
            raise RuntimeError("hiccup")  # only the first attempt
        if x == 2:
            raise RuntimeError("always")
        if x == 3:
            raise Permanent("deterministic")
        return {"value": 10 * x}

    def worker(task):
        return guarded(flaky, task, permanent=(Permanent,))

    records = run_tasks(_tasks(4), worker)
    assert [records[(i,)]["status"] for i in range(4)] == ["ok", "ok", "failed", "failed"]
    assert [records[(i,)]["attempts"] for i in range(4)] == [1, 2, 2, 1]
    assert records[(1,)]["value"] == 10
    assert records[(2,)]["error"] == "RuntimeError: always"
    assert sorted(calls) == [0, 1, 1, 2, 2, 3]
    assert all("key" not in record for record in records.values())

    assert run_tasks(_tasks(3), worker, retries=0)[(1,)]["attempts"] == 1


def test_a_dead_worker_process_is_a_retryable_failure():
    tasks = [{"key": rate, "params": {"learning_rate": rate}} for rate in (crashing_worker.DEADLY_RATE, 0.5)]
    records = run_tasks(tasks, crashing_worker.crash_or_echo, jobs=2)
    dead, alive = records[crashing_worker.DEADLY_RATE], records[0.5]
    assert (dead["status"], dead["attempts"], dead["retryable"]) == ("failed", 2, True)
    assert dead["error"].startswith("worker process died")
    assert (alive["status"], alive["echo"]) == ("ok", 0.5)


def test_unknown_backend_and_dask_without_scheduler_are_refused():
    with pytest.raises(ValueError, match="backend must be one of"), _parallel.executor(print, "mpi"):
        pass
    with (
        pytest.raises(ValueError, match="needs the address of a scheduler"),
        _parallel.executor(print, "dask"),
    ):
        pass


def test_one_blas_thread():
    threadpoolctl = pytest.importorskip("threadpoolctl")
    with one_blas_thread():
        blas = [pool for pool in threadpoolctl.threadpool_info() if pool["user_api"] == "blas"]
    if not blas:
        pytest.skip("NumPy's BLAS is not visible to threadpoolctl")
    assert all(pool["num_threads"] == 1 for pool in blas)
