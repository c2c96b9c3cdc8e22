"""Many independent tasks: in this process, on local worker processes, or on a Dask cluster.

A *task* is a dict of plain values (it may travel to another process): a
hashable ``key`` and the ``params`` of the work. A *worker* is a module-level
function ``worker(task) -> record`` (so that it pickles by reference);
:func:`guarded` builds its body from any function of the params. A *record*
is a dict with ``status`` (``'ok'`` or ``'failed'``) and ``seconds``; a
failed one also has ``error`` (a sentence) and ``retryable``.

Every wait is bounded. The local backend is a small pool of our own: each
worker process runs one task at a time over a pipe of its own, and the parent
waits on the pipes and the processes together with a timeout. So a worker
that *dies* (a crash, the out-of-memory killer) costs exactly the task it was
running, and a worker that takes longer than ``task_timeout`` on one task is
killed and its task recorded; the other workers go on, and a dead worker is
replaced. Both kinds of failure are retryable, and retries run in parallel
like first attempts. A Dask cluster detects its lost workers itself; here a
cluster from which no task finishes within ``task_timeout`` has its pending
tasks recorded as failed, and a scheduler that does not answer within
``connect_timeout`` is an error before any work.

The number of local worker processes is bounded by :func:`usable_cpus`, the
CPUs this process may run on: the runs are CPU-bound, so more processes than
cores only add start-up time and memory.

The lab's matrices are tiny, so every experiment runs with one BLAS thread
(:func:`one_blas_thread`, the one place that sets the limit): more threads
only add overhead and fight with the worker processes over the cores.
"""

from __future__ import annotations

import collections
import contextlib
import os
import re
import signal
import time
from collections.abc import Callable, Hashable, Iterator, Sequence

__all__ = [
    "BACKENDS",
    "CONNECT_TIMEOUT",
    "TASK_TIMEOUT",
    "executor",
    "guarded",
    "one_blas_thread",
    "resolve_jobs",
    "run_tasks",
    "scheduler_address",
    "usable_cpus",
]

BACKENDS = ("local", "dask")
#: seconds one task may take (local), or the cluster may go without finishing a task (dask)
TASK_TIMEOUT = 600.0
#: seconds to wait for a Dask scheduler to answer (and to close the connection)
CONNECT_TIMEOUT = 20.0
#: seconds a worker process gets to exit when asked, and again after it is killed
_GRACE = 5.0
#: seconds between two looks at the state of a Dask cluster's futures
_POLL = 0.05

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


def _lost(error: str, seconds: float = 0.0) -> dict:
    """The record of a task whose worker died or was stopped under it."""
    return {"status": "failed", "error": error, "retryable": True, "seconds": seconds}


# ------------------------------------------------------------------ bounds
def usable_cpus() -> int:
    """The number of CPUs this process may run on (its affinity mask where the system has one)."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def resolve_jobs(jobs: int) -> int:
    """The number of worker processes that ``jobs`` asks for.

    ``1`` to ``N`` (``N = usable_cpus()``) as given; ``-1`` all ``N``, ``-k``
    all but ``k - 1``, down to ``-N`` (one).

    Raises
    ------
    ValueError
        For 0 and anything beyond ``N`` either way.
    """
    n = usable_cpus()
    if isinstance(jobs, bool) or not isinstance(jobs, int) or not (1 <= abs(jobs) <= n):
        raise ValueError(
            f"jobs must be from 1 to {n} (the CPUs here), or from -1 (all {n}) down to -{n} (one), "
            f"got {jobs!r}"
        )
    return jobs if jobs > 0 else n + 1 + jobs


_PROTOCOLS = ("tcp", "tls", "ws", "wss", "ucx")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"  # one part of a host name
_HOST = rf"(?:\[[0-9A-Fa-f:.]+\]|{_LABEL}(?:\.{_LABEL})*)"  # a name, IPv4, or [IPv6]
_ADDRESS = re.compile(rf"(?P<protocol>[a-z]+)://(?P<host>{_HOST}):(?P<port>[0-9]{{1,5}})")


def scheduler_address(text: str) -> str:
    """``text`` if it is a scheduler address ``PROTOCOL://HOST:PORT``; checked before any connection.

    The protocol is one of Dask's (tcp, tls, ws, wss, ucx), the host a name,
    an IPv4 address or a bracketed IPv6 one, the port from 1 to 65535.

    Raises
    ------
    ValueError
        Naming what is wrong.
    """
    match = _ADDRESS.fullmatch(text) if isinstance(text, str) else None
    if match is None or match["protocol"] not in _PROTOCOLS or not 1 <= int(match["port"]) <= 65535:
        raise ValueError(
            f"must be an address like tcp://HOST:PORT (protocol {', '.join(_PROTOCOLS)}; "
            f"port 1 to 65535), got {text!r}"
        )
    return text


# ---------------------------------------------------------------- executors
def _serial(worker: Worker) -> Execute:
    def execute(tasks: Sequence[dict], attempt: int = 1) -> Iterator[tuple[dict, dict]]:
        for task in tasks:
            yield task, worker(task)

    return execute


def _worker_main(worker: Worker, conn) -> None:
    """A worker process: run each task that arrives on ``conn``, send its record back; ``None`` stops."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if task is None:
            return
        start = time.perf_counter()
        try:
            record = worker(task)
        except Exception as error:  # a worker that is not guarded()
            record = _lost(f"{type(error).__name__}: {error}", time.perf_counter() - start)
        try:
            conn.send(record)
        except (EOFError, OSError):
            return
        except Exception as error:  # a result that does not pickle
            conn.send(_lost(f"the record could not be sent back: {type(error).__name__}: {error}"))


class _Slot:
    """One worker process, its end of the pipe, and the task it runs (``None`` when idle)."""

    def __init__(self, process, conn):
        self.process, self.conn = process, conn
        self.task: dict | None = None
        self.started = self.deadline = 0.0


class _Pool:
    """Up to ``workers`` processes (spawned: no fork of a threaded parent), each one task at a time."""

    def __init__(self, worker: Worker, workers: int, task_timeout: float):
        import multiprocessing

        self.worker, self.workers, self.task_timeout = worker, workers, task_timeout
        self.context = multiprocessing.get_context("spawn")
        self.slots: list[_Slot] = []

    def _start(self) -> _Slot:
        parent_conn, child_conn = self.context.Pipe()
        process = self.context.Process(
            target=_worker_main, args=(self.worker, child_conn), daemon=True, name="mlplab-worker"
        )
        process.start()
        child_conn.close()  # so that the parent sees EOF when the worker dies
        slot = _Slot(process, parent_conn)
        self.slots.append(slot)
        return slot

    def _drop(self, slot: _Slot) -> None:
        self.slots.remove(slot)
        if slot.process.is_alive():
            slot.process.kill()
        slot.process.join(_GRACE)
        slot.conn.close()

    def execute(self, tasks: Sequence[dict], attempt: int = 1) -> Iterator[tuple[dict, dict]]:
        waiting = collections.deque(tasks)
        from multiprocessing.connection import wait

        while waiting or any(slot.task is not None for slot in self.slots):
            while waiting:  # hand out work: idle workers first, then new ones up to the limit
                idle = next((slot for slot in self.slots if slot.task is None), None)
                if idle is None and len(self.slots) < self.workers:
                    idle = self._start()
                if idle is None:
                    break
                try:
                    idle.conn.send(waiting[0])
                except OSError:  # it died while idle: replace it
                    self._drop(idle)
                    continue
                idle.task = waiting.popleft()
                idle.started = time.monotonic()
                idle.deadline = idle.started + self.task_timeout
            busy = [slot for slot in self.slots if slot.task is not None]
            now = time.monotonic()
            timeout = max(0.0, min(slot.deadline for slot in busy) - now)
            ready = set(wait([s.conn for s in busy] + [s.process.sentinel for s in busy], timeout))
            now = time.monotonic()
            for slot in busy:
                task, seconds = slot.task, now - slot.started
                if slot.conn in ready:
                    try:
                        record = slot.conn.recv()
                    except (EOFError, OSError):  # died while sending
                        record = None
                    if record is not None:
                        slot.task = None
                        yield task, record
                        continue
                elif slot.process.sentinel not in ready and now < slot.deadline:
                    continue
                if slot.process.is_alive() and now >= slot.deadline:
                    error = f"worker process stopped: no result within {self.task_timeout:g} s"
                else:
                    slot.process.join(_GRACE)
                    error = f"worker process died (exit code {slot.process.exitcode})"
                self._drop(slot)
                yield task, _lost(error, seconds)
            for slot in [s for s in self.slots if s.task is None and not s.process.is_alive()]:
                self._drop(slot)  # died while idle: nothing lost, replaced when needed

    def close(self) -> None:
        """Stop every worker: idle ones are asked, busy ones (after Ctrl-C) are killed; bounded waits."""
        for slot in self.slots:
            if slot.task is None:
                with contextlib.suppress(OSError):
                    slot.conn.send(None)
            else:
                slot.process.kill()
        deadline = time.monotonic() + _GRACE
        for slot in self.slots:
            slot.process.join(max(0.0, deadline - time.monotonic()))
        for slot in list(self.slots):
            self._drop(slot)


def _dask(worker: Worker, client, task_timeout: float) -> Execute:
    def execute(tasks: Sequence[dict], attempt: int = 1) -> Iterator[tuple[dict, dict]]:
        # pure=False: a retry must run again, not fetch the cached failure
        futures = client.map(worker, list(tasks), pure=False)
        pending = dict(zip(futures, tasks))
        progress = time.monotonic()  # when a task last finished
        try:
            while pending:
                done = [future for future in pending if future.status != "pending"]
                if not done:
                    if time.monotonic() - progress > task_timeout:  # the cluster finished nothing
                        for task in list(pending.values()):
                            yield task, _lost(f"no result from the cluster within {task_timeout:g} s")
                        return
                    time.sleep(_POLL)  # a short, bounded wait: futures change state in the client's thread
                    continue
                progress = time.monotonic()
                for future in done:
                    task = pending.pop(future)
                    try:
                        yield task, future.result(timeout=task_timeout)
                    except Exception as error:  # the worker itself was lost (KilledWorker), or cancelled
                        yield task, _lost(f"{type(error).__name__}: {error}")
        finally:
            if pending:
                client.cancel(list(pending))

    return execute


@contextlib.contextmanager
def executor(
    worker: Worker,
    backend: str = "local",
    jobs: int = 1,
    scheduler: str | None = None,
    *,
    task_timeout: float | None = None,
    connect_timeout: float | None = None,
) -> Iterator[Execute]:
    """A function ``execute(tasks, attempt)`` yielding ``(task, record)`` as tasks finish.

    Parameters
    ----------
    worker : callable
        A module-level function ``task -> record``.
    backend : {'local', 'dask'}
        ``'local'``: worker processes here, or this process itself if
        ``jobs == 1``; ``'dask'``: the cluster whose scheduler is at ``scheduler``.
    jobs : int
        Local worker processes, see :func:`resolve_jobs`; -1: all cores.
    scheduler : str, optional
        Address of the Dask scheduler, ``tcp://HOST:PORT`` (see :func:`scheduler_address`).
    task_timeout : float, optional
        Seconds one task may take on a worker process (default :data:`TASK_TIMEOUT`).
    connect_timeout : float, optional
        Seconds to wait for the scheduler (default :data:`CONNECT_TIMEOUT`).

    Raises
    ------
    ValueError
        An unknown backend, a missing or malformed address, ``jobs`` out of range.
    ConnectionError
        No scheduler answered at ``scheduler`` in time.
    """
    task_timeout = TASK_TIMEOUT if task_timeout is None else float(task_timeout)
    connect_timeout = CONNECT_TIMEOUT if connect_timeout is None else float(connect_timeout)
    if backend == "dask":
        if not scheduler:
            raise ValueError("backend 'dask' needs the address of a scheduler, got none")
        try:
            scheduler_address(scheduler)
        except ValueError as error:
            raise ValueError(f"scheduler {error}") from None
        from dask.distributed import Client

        try:
            client = Client(scheduler, timeout=connect_timeout, set_as_default=False)
        except (OSError, TimeoutError) as error:
            raise ConnectionError(
                f"no Dask scheduler answered at {scheduler} within {connect_timeout:g} s ({error})"
            ) from None
        try:
            yield _dask(worker, client, task_timeout)
        finally:
            client.close(timeout=connect_timeout)
    elif backend not in BACKENDS:
        raise ValueError(f"backend must be one of {BACKENDS}, got {backend!r}")
    elif resolve_jobs(jobs) == 1:
        yield _serial(worker)
    else:
        pool = _Pool(worker, resolve_jobs(jobs), task_timeout)
        try:
            yield pool.execute
        finally:
            pool.close()


def run_tasks(
    tasks: Sequence[dict],
    worker: Worker,
    *,
    backend: str = "local",
    jobs: int = 1,
    scheduler: str | None = None,
    retries: int = 1,
    task_timeout: float | None = None,
    connect_timeout: float | None = None,
    bar: Callable[[int, str], object] | None = None,
    label: str = "tasks",
    on_record: Callable[[dict, dict], object] | None = None,
    units: Callable[[dict], int] | None = None,
) -> dict[Hashable, dict]:
    """Run every task, retrying the retryable failures up to ``retries`` times.

    Parameters
    ----------
    tasks : sequence of dict
        Each with a distinct ``key``.
    worker, backend, jobs, scheduler, task_timeout, connect_timeout
        See :func:`executor`.
    retries : int
        Further attempts of a task whose failure is retryable.
    bar : callable (total, description) -> progress bar, optional
        E.g. :meth:`Context.bar <mlplab.lab._common.Context.bar>`.
    label : str
        The bar's description on the first attempt (``'retries'`` after).
    on_record : callable (task, record), optional
        Called in this process with every record as it arrives, e.g. to keep
        the finished ones. A retryable failure may be followed by another
        record of the same task.
    units : callable task -> int, optional
        What a task counts for on the bar (default 1), e.g. the runs it holds.

    Returns
    -------
    dict
        ``{key: record}``; every record has ``attempts`` (1 for the first) and
        ``seconds``, summed over its attempts.
    """
    records: dict[Hashable, dict] = {}
    with executor(
        worker, backend, jobs, scheduler, task_timeout=task_timeout, connect_timeout=connect_timeout
    ) as execute:
        pending, attempt = list(tasks), 1
        size = units or (lambda task: 1)
        while pending and attempt <= 1 + retries:
            total = sum(size(task) for task in pending)
            progress = bar(total, label if attempt == 1 else "retries") if bar else None
            failed = 0
            try:
                for task, record in execute(pending, attempt):
                    key = task["key"]
                    record = {k: v for k, v in record.items() if k != "key"}
                    record["attempts"] = attempt
                    record["seconds"] = record.get("seconds", 0.0) + records.get(key, {}).get("seconds", 0.0)
                    records[key] = record
                    failed += size(task) if record["status"] == "failed" else 0
                    if on_record is not None:
                        on_record(task, record)
                    if progress is not None:
                        progress.update(size(task))
                        if failed:
                            progress.set_postfix_str(f"{failed} failed")
            finally:
                if progress is not None:
                    progress.close()
            pending = [
                t for t in tasks if records[t["key"]]["status"] == "failed" and records[t["key"]]["retryable"]
            ]
            attempt += 1
    return records
