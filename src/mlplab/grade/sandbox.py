"""Run a submission's checks in a subprocess that cannot take the grader down with it.

Each submission gets

* its own process (``python -P -s -m mlplab.grade._worker``), in a session
  of its own, so the whole process group is killed at the end;
* a private temporary working folder, removed afterwards, and an
  environment with nothing of the grader's: no secrets, no ``PYTHONPATH`` but
  mlplab's own, one BLAS thread, ``HOME`` and ``TMPDIR`` in that folder;
* a wall-clock limit per step (loading, each check) and one per submission:
  a step that outruns it is stopped, first by an interval timer inside the
  worker, then by ``SIGKILL`` from here; the worker is then started again
  for the checks that remain, so one endless loop costs one check;
* limits on memory (address space), file size and processes, set by the
  worker on itself before any student code runs, and an audit hook there
  that refuses to start processes, open sockets, load native code or write
  outside the working folder (:mod:`mlplab.grade._worker`);
* its output captured (standard output and error, into one file in the
  working folder) and truncated.

What this does not guarantee: the guards inside the worker are
Python-level; native code that a submission brings can step around them,
and a submission can read any file the grader's user can read. It also
cannot stop a determined student from forging their own results. For an
untrusted class of students run the grader in a container or a VM.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .submission import Source

__all__ = ["Limits", "RawResult", "kill_all", "run_submission"]

_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])  # the folder that holds the mlplab package


@dataclass(frozen=True)
class Limits:
    """The limits of one submission.

    ``timeout`` is per step (loading, conventions, each check), ``total`` for
    the submission; ``memory`` is the address space in bytes (NumPy and its
    BLAS need about 0.5 GB of it), ``output`` the bytes of printed output
    kept, ``file_size`` the largest file the submission may write.
    """

    timeout: float = 30.0
    total: float = 300.0
    memory: int = 2 * 2**30
    output: int = 64 * 2**10
    file_size: int = 16 * 2**20
    grace: float = 2.0  # how long after its timer the worker has to report, before SIGKILL

    def __post_init__(self):
        for name in ("timeout", "total", "grace"):
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and value > 0 and value == value and value < 1e6):
                raise ValueError(f"{name} must be a number of seconds in (0, 1e6), got {value!r}")
        for name in ("memory", "output", "file_size"):
            value = getattr(self, name)
            if not (isinstance(value, int) and value > 0):
                raise ValueError(f"{name} must be a positive number of bytes, got {value!r}")


@dataclass
class RawResult:
    """What the worker reported for one submission, not yet rendered: message keys and params."""

    submission: str
    status: str = "graded"  # or "failed": the code could not be loaded
    checks: dict = field(default_factory=dict)  # id -> {"score", "key", "params", "details"}
    conventions: dict = field(default_factory=dict)
    missing: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)  # (key, params)
    load_error: tuple | None = None  # (key, params)
    output: str = ""
    printed: int = 0
    seconds: float = 0.0


def _environment(workdir: str) -> dict:
    env = {
        "PATH": os.defpath,
        "HOME": workdir,
        "TMPDIR": workdir,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONPATH": _PACKAGE_ROOT,
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": "utf-8",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": workdir,
    }
    if "OPENBLAS_CORETYPE" in os.environ:  # the machine's BLAS setting, not a secret: the same speed
        env["OPENBLAS_CORETYPE"] = os.environ["OPENBLAS_CORETYPE"]
    return env


def _process_limit() -> int | None:
    """The processes the grader's user has now: the worker may start none beyond them (not for root)."""
    if not sys.platform.startswith("linux") or os.getuid() == 0:
        return None  # root is not bound by RLIMIT_NPROC; the audit hook still refuses new processes
    uid, count = str(os.getuid()), 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            with contextlib.suppress(OSError), open(f"/proc/{entry.name}/status") as status:
                for line in status:
                    if line.startswith("Uid:"):
                        count += line.split()[1] == uid
                        break
    return count


def _how(returncode: int | None) -> str:
    if returncode is None:
        return "still running, killed"
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        hint = " (the memory limit?)" if name in ("SIGKILL", "SIGSEGV", "SIGABRT") else ""
        return f"killed by {name}{hint}"
    return f"exit code {returncode}"


def run_submission(
    source: Source, check_ids: list[str], limits: Limits, mode: str = "definitions"
) -> RawResult:
    """Run the checks ``check_ids`` on ``source`` in the sandbox; never raises for the student's faults."""
    start = time.monotonic()
    result = RawResult(submission=source.name, notes=list(source.notes))
    if not source.code.strip() and any(key.startswith("load.") for key, _ in source.notes):
        result.status, result.load_error = "failed", source.notes[-1]
        result.notes = result.notes[:-1]
        return result
    workdir = tempfile.mkdtemp(prefix="mlplab-grade-")
    try:
        code_path = os.path.join(workdir, ".submission.py")
        with open(code_path, "w", encoding="utf-8") as handle:
            handle.write(source.code)
        remaining, detect = list(check_ids), [True]
        while remaining:
            left = limits.total - (time.monotonic() - start)
            if left <= 0:
                for check_id in remaining:
                    result.checks[check_id] = {
                        "score": 0.0,
                        "key": "runner.not_run",
                        "params": {"seconds": limits.total},
                    }
                break
            done = _one_worker(workdir, code_path, source.name, remaining, limits, mode, left, result, detect)
            remaining = [c for c in remaining if c not in result.checks]
            if result.status == "failed" or not done:
                break
        _collect_output(workdir, limits, result)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    result.seconds = time.monotonic() - start
    return result


def _one_worker(workdir, code_path, filename, check_ids, limits, mode, left, result, detect) -> bool:
    """One worker process for ``check_ids``; False when it must not be started again.

    ``detect`` is a one-item list: set to False when this worker dies while
    detecting the conventions, so that the next one skips that step.
    """
    read_fd, write_fd = os.pipe()
    job = {
        "fd": write_fd,
        "code": code_path,
        "filename": filename,
        "mode": mode,
        "checks": check_ids,
        "detect": detect[0],
        "timeout": limits.timeout,
        "limits": {
            "memory": limits.memory,
            "file_size": limits.file_size,
            "output": limits.output,
            "processes": _process_limit(),
        },
    }
    job_path = os.path.join(workdir, ".job.json")
    with open(job_path, "w", encoding="utf-8") as handle:
        json.dump(job, handle)
    output = open(os.path.join(workdir, ".output.txt"), "ab")  # noqa: SIM115  (closed below)
    try:
        process = subprocess.Popen(
            [sys.executable, "-P", "-s", "-m", "mlplab.grade._worker", job_path],
            cwd=workdir,
            env=_environment(workdir),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=output,
            pass_fds=(write_fd,),
            start_new_session=True,
        )
    finally:
        os.close(write_fd)
        output.close()
    with _live_lock:
        _live.add(process)
    try:
        return _follow(process, read_fd, limits, left, result, detect)
    finally:
        os.close(read_fd)
        _kill(process)
        with _live_lock:
            _live.discard(process)


_DETECTING = object()  # the step between loading and the first check: finding the conventions
_live: set[subprocess.Popen] = set()  # the workers running now, for kill_all
_live_lock = threading.Lock()


def kill_all() -> None:
    """Kill every worker still running (Ctrl-C in the grader: its threads' workers go too)."""
    with _live_lock:
        processes = list(_live)
    for process in processes:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)


def _kill(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


def _follow(process, read_fd, limits, left, result, detect) -> bool:
    """Read the worker's events until it is done, dies or outruns a step. False: do not restart."""
    step_limit = limits.timeout + limits.grace + 5.0  # the first step includes starting Python and NumPy
    deadline_total = time.monotonic() + left
    deadline = min(time.monotonic() + step_limit, deadline_total)
    current, loaded, buffer = None, False, b""
    while True:
        wait = deadline - time.monotonic()
        ready = select.select([read_fd], [], [], max(wait, 0))[0] if wait > 0 else []
        if not ready:  # a step outran its time
            _kill(process)
            if not loaded:
                result.status = "failed"
                result.load_error = ("load.timeout", {"seconds": limits.timeout})
                return False
            if current == _DETECTING:
                detect[0] = False
                result.notes.append(("conventions.timeout", {"error": "", "seconds": limits.timeout}))
            elif current is not None:
                key = "runner.timeout" if time.monotonic() < deadline_total else "runner.not_run"
                seconds = limits.timeout if key == "runner.timeout" else limits.total
                result.checks[current] = {"score": 0.0, "key": key, "params": {"seconds": seconds}}
            return time.monotonic() < deadline_total
        chunk = os.read(read_fd, 1 << 16)
        if not chunk:  # the worker ended
            process.wait(timeout=10) if process.poll() is None else None
            _kill(process)
            how = _how(process.returncode)
            if not loaded and result.status != "failed":
                result.status = "failed"
                result.load_error = ("load.killed", {"how": how})
                return False
            if current == _DETECTING:
                detect[0] = False
                result.notes.append(("conventions.killed", {"how": how}))
                return True
            if current is not None and current not in result.checks:
                result.checks[current] = {"score": 0.0, "key": "runner.killed", "params": {"how": how}}
                return True
            return False
        buffer += chunk
        if len(buffer) > 16 * 2**20:  # no event is this long: the pipe is being abused
            _kill(process)
            result.status, result.load_error = "failed", ("load.killed", {"how": "flooded the event pipe"})
            return False
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            kind = event.get("event") if isinstance(event, dict) else None
            if kind == "load_failed":
                result.status = "failed"
                result.load_error = (str(event.get("key")), dict(event.get("params") or {}))
                return False
            if kind == "loaded":
                loaded = True
                result.notes.extend(tuple(note) for note in event.get("notes", []))
            elif kind == "detecting":
                current = _DETECTING
            elif kind == "conventions":
                result.conventions = dict(event.get("found") or {})
                result.missing = dict(event.get("missing") or {})
                current = None
            elif kind == "conventions_failed":
                result.notes.append((str(event.get("key")), dict(event.get("params") or {})))
                current = None
            elif kind == "start":
                current = event.get("id")
            elif kind == "result" and event.get("id") not in result.checks:
                result.checks[event["id"]] = {
                    "score": float(event.get("score", 0.0)),
                    "key": str(event.get("key")),
                    "params": dict(event.get("params") or {}),
                    "details": [tuple(d) for d in event.get("details") or []],
                }
                current = None
            elif kind == "done":
                result.printed = max(result.printed, int(event.get("printed", 0)))
                return False
            deadline = min(time.monotonic() + step_limit, deadline_total)


def _collect_output(workdir: str, limits: Limits, result: RawResult) -> None:
    path = os.path.join(workdir, ".output.txt")
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as handle:
            head = handle.read(limits.output)
    except OSError:
        return
    result.output = head.decode("utf-8", "replace")
    printed = max(result.printed, size)
    if printed > limits.output:
        result.notes.append(("output.truncated", {"printed": printed, "kept": limits.output}))
    if size >= limits.file_size:
        result.notes.append(("output.file_limit", {"limit": limits.file_size}))
