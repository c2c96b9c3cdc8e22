"""Many independent tasks: in this process, on local worker processes, or on a Dask cluster.

A *task* is a dict of plain values (it may travel to another process): a
hashable ``key`` and the ``params`` of the work. A *worker* is a module-level
function ``worker(task) -> record`` (so that it pickles by reference);
:func:`guarded` builds its body from any function of the params. A *record*
is a dict with ``status`` (``'ok'`` or ``'failed'``) and ``seconds``; a
failed one also has ``error`` (a sentence) and ``retryable``.

:func:`run_tasks` submits one future per task and collects the records as
they finish. A worker process that *dies* (a crash, the out-of-memory killer)
raises no exception its task could catch: its tasks are recorded as failed
and retryable. Retryable failures are run again, one at a time, so that a
task that kills its worker again takes no other task down with it.

The lab's matrices are tiny, so every experiment runs with one BLAS thread
(:func:`one_blas_thread`, the one place that sets the limit): more threads
only add overhead and fight with the worker processes over the cores.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Hashable, Iterator, Sequence

__all__ = ["BACKENDS", "executor", "guarded", "one_blas_thread", "run_tasks"]

BACKENDS = ("loky", "dask")

Worker = Callable[[dict], dict]
#: ``execute(tasks, attempt)`` yields ``(task, record)`` as the tasks finish
Execute = Callable[[Sequence[dict], int], Iterator[tuple[dict, dict]]]


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """Limit BLAS to one thread inside the ``with`` block (via threadpoolctl)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield


def guarded(
    function: Callable[..., dict], task: dict, permanent: tuple[type[BaseException], ...] = ()
) -> dict:
    """The body of a worker: ``function(**task["params"])`` on one BLAS thread, its failure caught.

    Parameters
    ----------
    function : callable
        Returns a dict of plain values: the record's results.
    task : dict
        ``key`` and ``params``.
    permanent : tuple of exception types
        Failures not worth a retry (they would happen again, e.g. a
        deterministic divergence).

    Returns
    -------
    dict
        ``{"key", "status", "seconds", ...}`` with the results of ``function``,
        or ``error`` and ``retryable``.
    """
    start = time.perf_counter()
    try:
        with one_blas_thread():
            record = {"status": "ok", **function(**task["params"])}
    except Exception as error:
        record = {
            "status": "failed",
            "error": f"{type(error).__name__}: {error}",
            "retryable": not isinstance(error, permanent),
        }
    record["key"] = task["key"]
    record["seconds"] = time.perf_counter() - start
    return record


def _lost(error: BaseException, what: str) -> dict:
    """The record of a task whose worker died under it."""
    return {
        "status": "failed",
        "error": f"{what}{type(error).__name__}: {error}",
        "retryable": True,
        "seconds": 0.0,
    }


def _serial(worker: Worker) -> Execute:
    def execute(tasks: Sequence[dict], attempt: int = 1) -> Iterator[tuple[dict, dict]]:
        for task in tasks:
            yield task, worker(task)

    return execute


def _processes(worker: Worker, jobs: int) -> Execute:
    """Worker processes (joblib's loky), one future per task; ``jobs < 0``: all cores but ``-jobs - 1``."""
    from concurrent.futures import as_completed

    from joblib import cpu_count
    from joblib.externals.loky import get_reusable_executor

    workers = jobs if jobs > 0 else max(1, cpu_count() + 1 + jobs)

    def execute(tasks: Sequence[dict], attempt: int = 1) -> Iterator[tuple[dict, dict]]:
        if attempt > 1:  # isolate the retries
            for task in tasks:
                future = get_reusable_executor(max_workers=1).submit(worker, task)
                try:
                    yield task, future.result()
                except Exception as error:
                    yield task, _lost(error, "worker process died: ")
            return
        pool = get_reusable_executor(max_workers=workers)
        futures = {pool.submit(worker, task): task for task in tasks}
        for future in as_completed(futures):
            try:
                yield futures[future], future.result()
            except Exception as error:  # the process running it died (and broke the pool)
                yield futures[future], _lost(error, "worker process died: ")

    return execute


def _dask(worker: Worker, client) -> Execute:
    from dask.distributed import as_completed

    def execute(tasks: Sequence[dict], attempt: int = 1) -> Iterator[tuple[dict, dict]]:
        # pure=False: a retry must run again, not fetch the cached failure
        futures = client.map(worker, list(tasks), pure=False)
        by_key = {future.key: task for future, task in zip(futures, tasks)}
        for future in as_completed(futures, loop=client.loop):
            try:
                yield by_key[future.key], future.result()
            except Exception as error:  # the worker itself was lost
                yield by_key[future.key], _lost(error, "")

    return execute


@contextlib.contextmanager
def executor(
    worker: Worker, backend: str = "loky", jobs: int = 1, scheduler: str | None = None
) -> Iterator[Execute]:
    """A function ``execute(tasks, attempt)`` yielding ``(task, record)`` as tasks finish.

    Parameters
    ----------
    worker : callable
        A module-level function ``task -> record``.
    backend : {'loky', 'dask'}
        ``'loky'``: local processes, or this process if ``jobs == 1``;
        ``'dask'``: the cluster whose scheduler is at ``scheduler``.
    jobs : int
        Local worker processes; -1: all cores.
    scheduler : str, optional
        Address of the Dask scheduler, ``tcp://HOST:PORT``.
    """
    if backend == "dask":
        if not scheduler:
            raise ValueError("backend 'dask' needs the address of a scheduler, got none")
        from dask.distributed import Client

        with Client(scheduler, set_as_default=False) as client:
            yield _dask(worker, client)
    elif backend != "loky":
        raise ValueError(f"backend must be one of {BACKENDS}, got {backend!r}")
    elif jobs == 1:
        yield _serial(worker)
    else:
        yield _processes(worker, jobs)


def run_tasks(
    tasks: Sequence[dict],
    worker: Worker,
    *,
    backend: str = "loky",
    jobs: int = 1,
    scheduler: str | None = None,
    retries: int = 1,
    bar: Callable[[int, str], object] | None = None,
    label: str = "tasks",
) -> dict[Hashable, dict]:
    """Run every task, retrying the retryable failures up to ``retries`` times.

    Parameters
    ----------
    tasks : sequence of dict
        Each with a distinct ``key``.
    worker, backend, jobs, scheduler
        See :func:`executor`.
    retries : int
        Further attempts of a task whose failure is retryable.
    bar : callable (total, description) -> progress bar, optional
        E.g. :meth:`Context.bar <mlplab.lab._common.Context.bar>`.
    label : str
        The bar's description on the first attempt (``'retries'`` after).

    Returns
    -------
    dict
        ``{key: record}``; every record has ``attempts`` (1 for the first) and
        ``seconds``, summed over its attempts.
    """
    records: dict[Hashable, dict] = {}
    with executor(worker, backend, jobs, scheduler) as execute:
        pending, attempt = list(tasks), 1
        while pending and attempt <= 1 + retries:
            progress = bar(len(pending), label if attempt == 1 else "retries") if bar else None
            failed = 0
            for task, record in execute(pending, attempt):
                key = task["key"]
                record = {k: v for k, v in record.items() if k != "key"}
                record["attempts"] = attempt
                record["seconds"] = record.get("seconds", 0.0) + records.get(key, {}).get("seconds", 0.0)
                records[key] = record
                failed += record["status"] == "failed"
                if progress is not None:
                    progress.update()
                    if failed:
                        progress.set_postfix_str(f"{failed} failed")
            if progress is not None:
                progress.close()
            pending = [
                t for t in tasks if records[t["key"]]["status"] == "failed" and records[t["key"]]["retryable"]
            ]
            attempt += 1
    return records
