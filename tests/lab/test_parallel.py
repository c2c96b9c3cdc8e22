"""The generic executor of :mod:`mlplab.lab._parallel`, on toy tasks that know nothing of the sweep."""

import multiprocessing
import socket
import time

import pytest

from mlplab.lab import _parallel
from mlplab.lab._parallel import guarded, one_blas_thread, resolve_jobs, run_tasks, usable_cpus

from . import crashing_worker

pytestmark = pytest.mark.timeout(120)  # worker processes: fail, never hang


class Permanent(Exception):
    pass


def _tasks(n: int) -> list[dict]:
    return [{"key": (i,), "params": {"x": i}} for i in range(n)]


def _rates(*rates: float) -> list[dict]:
    return [{"key": rate, "params": {"learning_rate": rate}} for rate in rates]


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

    seen = []
    records = run_tasks(_tasks(4), worker, on_record=lambda task, record: seen.append(task["key"]))
    assert [records[(i,)]["status"] for i in range(4)] == ["ok", "ok", "failed", "failed"]
    assert [records[(i,)]["attempts"] for i in range(4)] == [1, 2, 2, 1]
    assert records[(1,)]["value"] == 10
    assert records[(2,)]["error"] == "RuntimeError: always"
    assert sorted(calls) == [0, 1, 1, 2, 2, 3]
    assert sorted(seen) == [(0,), (1,), (1,), (2,), (2,), (3,)]  # every record, as it arrives
    assert all("key" not in record for record in records.values())

    assert run_tasks(_tasks(3), worker, retries=0)[(1,)]["attempts"] == 1


def test_a_dead_worker_process_is_a_retryable_failure():
    records = run_tasks(_rates(crashing_worker.DEADLY_RATE, 0.5), crashing_worker.crash_or_echo, jobs=2)
    dead, alive = records[crashing_worker.DEADLY_RATE], records[0.5]
    assert (dead["status"], dead["attempts"], dead["retryable"]) == ("failed", 2, True)
    assert dead["error"] == "worker process died (exit code 13)"
    assert (alive["status"], alive["echo"]) == ("ok", 0.5)
    assert multiprocessing.active_children() == []  # no worker outlives run_tasks


def test_a_dead_worker_costs_only_its_own_task():
    rates = [0.1 * i for i in range(1, 9)]
    records = run_tasks(_rates(*rates, crashing_worker.DEADLY_RATE), crashing_worker.crash_or_echo, jobs=2)
    assert records[crashing_worker.DEADLY_RATE]["status"] == "failed"
    for rate in rates:  # none of the others is lost or run again
        assert (records[rate]["status"], records[rate]["attempts"]) == ("ok", 1)


@pytest.mark.slow
def test_a_stuck_worker_is_stopped_and_recorded_and_the_others_go_on():
    start = time.monotonic()
    records = run_tasks(
        _rates(crashing_worker.STUCK_RATE, 0.5, 0.6), crashing_worker.crash_or_echo, jobs=2, task_timeout=1.5
    )
    stuck = records[crashing_worker.STUCK_RATE]
    assert (stuck["status"], stuck["attempts"], stuck["retryable"]) == ("failed", 2, True)
    assert stuck["error"] == "worker process stopped: no result within 1.5 s"
    assert stuck["seconds"] >= 3.0  # two attempts of 1.5 s
    assert [records[rate]["status"] for rate in (0.5, 0.6)] == ["ok", "ok"]
    assert time.monotonic() - start < 60
    assert multiprocessing.active_children() == []


def test_retries_run_in_parallel(tmp_path):
    tasks = [{"key": i, "params": {"learning_rate": float(i), "marks": str(tmp_path)}} for i in range(6)]
    records = run_tasks(tasks, crashing_worker.fail_first_attempt, jobs=2)
    assert all((r["status"], r["attempts"]) == ("ok", 2) for r in records.values())
    assert len({r["pid"] for r in records.values()}) == 2  # the retries went to both workers


def test_an_interrupt_stops_every_worker_process():
    def interrupt(task, record):
        raise KeyboardInterrupt

    tasks = _rates(0.5, 0.6, crashing_worker.STUCK_RATE, 0.7)
    with pytest.raises(KeyboardInterrupt):
        run_tasks(tasks, crashing_worker.crash_or_echo, jobs=2, on_record=interrupt)
    assert multiprocessing.active_children() == []


def test_jobs_are_bounded_by_the_cpus():
    n = usable_cpus()
    assert n >= 1
    assert (resolve_jobs(1), resolve_jobs(n), resolve_jobs(-1), resolve_jobs(-n)) == (1, n, n, 1)
    for jobs in (0, n + 1, -n - 1, 100000, -100):
        with pytest.raises(ValueError, match=rf"^jobs must be from 1 to {n} .*got {jobs}$"):
            resolve_jobs(jobs)
        with pytest.raises(ValueError, match="jobs must be"), _parallel.executor(print, "local", jobs):
            pass


def test_unknown_backend_and_dask_without_scheduler_are_refused():
    with pytest.raises(ValueError, match="backend must be one of"), _parallel.executor(print, "mpi"):
        pass
    with (
        pytest.raises(ValueError, match="needs the address of a scheduler"),
        _parallel.executor(print, "dask"),
    ):
        pass


@pytest.mark.parametrize(
    "address",
    ["localhost:8786", "tcp://localhost", "tcp://:8786", "tcp://h:0", "tcp://h:65536", "http://h:80"],
)
def test_a_malformed_scheduler_address_is_refused_before_connecting(address):
    start = time.monotonic()
    with (
        pytest.raises(ValueError, match=r"^scheduler must be an address like tcp://HOST:PORT"),
        _parallel.executor(print, "dask", scheduler=address),
    ):
        pass
    assert time.monotonic() - start < 1.0


def test_an_absent_scheduler_is_a_connection_error_within_the_timeout():
    pytest.importorskip("distributed")
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    start = time.monotonic()
    with (
        pytest.raises(
            ConnectionError, match=f"no Dask scheduler answered at tcp://127.0.0.1:{port} within 1 s"
        ),
        _parallel.executor(print, "dask", scheduler=f"tcp://127.0.0.1:{port}", connect_timeout=1),
    ):
        pass
    assert time.monotonic() - start < 30


def test_one_blas_thread():
    threadpoolctl = pytest.importorskip("threadpoolctl")
    with one_blas_thread():
        blas = [pool for pool in threadpoolctl.threadpool_info() if pool["user_api"] == "blas"]
    if not blas:
        pytest.skip("NumPy's BLAS is not visible to threadpoolctl")
    assert all(pool["num_threads"] == 1 for pool in blas)
