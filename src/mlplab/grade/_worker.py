"""The sandbox's worker: run one submission's checks in a process of its own (``python -m`` this module).

Started by :mod:`mlplab.grade.sandbox` with a job file (JSON: the code's
path, the mode, the checks to run, the limits, the descriptor of the event
pipe). Before any student code runs it

1. sets its own resource limits (address space, file size, process count),
2. bounds what ``sys.stdout``/``sys.stderr`` pass on, and counts the rest,
3. installs an audit hook (PEP 578) that refuses to start processes, to open
   sockets, to load native code through ``ctypes``, and to write, delete or
   rename files outside the private working folder,
4. makes NumPy's and Python's global generators, and ``default_rng()``
   called without a seed, draw the same numbers on every run.

Then it loads the code (:func:`mlplab.grade.submission.load_module`), finds
the ``MLP`` class, detects the student's conventions and runs each check
under an interval timer. Every step is one JSON line on the event pipe; the
grader reads them and kills the process when a step outruns its time.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import signal
import sys
import traceback

# The standard library only, until the limits and the guards are in place.


def _send(fd: int, event: dict) -> None:
    data = (json.dumps(event, default=_jsonable, allow_nan=True) + "\n").encode()
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _jsonable(value):
    """NumPy scalars and arrays in check parameters, as plain JSON values."""
    if hasattr(value, "tolist"):
        return value.tolist()
    return str(value)


class _Bounded(io.TextIOBase):
    """A text stream that passes on the first ``limit`` bytes to ``fd`` and counts the rest."""

    def __init__(self, fd: int, limit: int, counter: list):
        self.fd, self.limit, self.counter = fd, limit, counter

    def writable(self) -> bool:
        return True

    def write(self, text) -> int:
        text = str(text)
        data = text.encode("utf-8", "replace")
        room = self.limit - self.counter[0]
        self.counter[0] += len(data)
        if room > 0:
            with contextlib.suppress(OSError):  # a closed or full output: the count still goes on
                os.write(self.fd, data[:room])
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _set_limits(limits: dict) -> None:
    import resource

    def cap(which, value):
        if value is None:
            return
        _soft, hard = resource.getrlimit(which)
        value = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(which, (value, value))

    cap(resource.RLIMIT_AS, limits.get("memory"))
    cap(resource.RLIMIT_FSIZE, limits.get("file_size"))
    cap(resource.RLIMIT_NPROC, limits.get("processes"))
    cap(resource.RLIMIT_CORE, 0)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a file grown past its limit: an error, not a kill


_REFUSED_EVENTS = {
    "os.system": "start a shell command",
    "os.exec": "replace the process",
    "os.posix_spawn": "start a process",
    "os.spawn": "start a process",
    "os.fork": "fork the process",
    "os.forkpty": "fork the process",
    "subprocess.Popen": "start a process",
    "pty.spawn": "start a process",
    "socket.connect": "open a network connection",
    "socket.bind": "open a network socket",
    "socket.sendto": "send over the network",
    "ctypes.dlopen": "load native code",
    "ctypes.dlsym": "load native code",
    "ctypes.cdata": "reach memory through ctypes",
    "os.kill": "send signals",
    "os.killpg": "send signals",
    "signal.pthread_kill": "send signals",
}
_PATH_EVENTS = {
    "os.remove": 0,
    "os.rmdir": 0,
    "os.rename": (0, 1),
    "os.replace": (0, 1),
    "os.link": (0, 1),
    "os.symlink": (0, 1),
    "os.truncate": 0,
    "os.chmod": 0,
    "os.chown": 0,
    "os.mkdir": 0,
    "os.utime": 0,
    "shutil.rmtree": 0,
    "shutil.move": (0, 1),
    "shutil.copyfile": (1,),
}


def _guard(workdir: str) -> None:
    """Install the audit hook: no processes, no network, no native code, no writes outside ``workdir``."""
    root = os.path.realpath(workdir)
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC

    def inside(path) -> bool:
        if isinstance(path, int):
            return True  # an open descriptor: its file was checked when it was opened
        try:
            real = os.path.realpath(os.fsdecode(path))
        except (TypeError, ValueError):
            return False
        return real == root or real.startswith(root + os.sep)

    def hook(event: str, args: tuple) -> None:
        if event in _REFUSED_EVENTS:
            raise PermissionError(f"the grader's sandbox does not let a submission {_REFUSED_EVENTS[event]}")
        if event == "open":
            path, _mode, flags = (*tuple(args), None, None, None)[:3]
            if isinstance(flags, int) and flags & write_flags and not inside(path):
                raise PermissionError(f"the grader's sandbox does not let a submission write to {path!r}")
        elif event in _PATH_EVENTS:
            positions = _PATH_EVENTS[event]
            for position in positions if isinstance(positions, tuple) else (positions,):
                if position < len(args) and not inside(args[position]):
                    raise PermissionError(
                        f"the grader's sandbox does not let a submission change {args[position]!r}"
                    )

    sys.addaudithook(hook)


def _fix_randomness() -> None:
    """Unseeded draws made repeatable: the same file graded twice draws the same numbers."""
    import random

    import numpy as np

    counter = [0]
    real_default_rng, real_seed = np.random.default_rng, np.random.seed

    def default_rng(seed=None):
        if seed is None:
            counter[0] += 1
            seed = [20261201, counter[0]]
        return real_default_rng(seed)

    def seed(value=None):
        real_seed(0 if value is None else value)

    np.random.default_rng = default_rng
    np.random.seed = seed
    random.seed(0)
    real_seed(0)
    return counter


class _CheckTimeout(BaseException):
    """Raised by the interval timer inside a check that outruns its time (not an ``Exception``)."""


def _on_alarm(signum, frame):
    raise _CheckTimeout


def _where(error: BaseException, filename: str) -> int | None:
    """The line of the student's file where ``error`` was raised (the innermost), if any."""
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename == filename:
            line = frame.lineno
    return line


def main(job_path: str) -> int:
    with open(job_path, encoding="utf-8") as handle:
        job = json.load(handle)
    fd = job["fd"]
    os.set_inheritable(fd, False)
    _set_limits(job["limits"])
    printed = [0]
    sys.stdout = _Bounded(1, job["limits"]["output"], printed)
    sys.stderr = _Bounded(2, job["limits"]["output"], printed)
    signal.signal(signal.SIGALRM, _on_alarm)
    _send(fd, {"event": "hello"})

    import numpy as np

    from . import checks as registry
    from .base import Context, describe_error, seed_for
    from .conventions import detect
    from .submission import load_module

    counter = _fix_randomness()
    _guard(os.getcwd())
    filename = job["filename"]
    with open(job["code"], encoding="utf-8") as handle:
        code = handle.read()

    def timed(seconds, action):
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return action()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)

    # loading: a syntax error, an exception, a class missing -> the submission is not graded
    try:
        module, notes = timed(job["timeout"], lambda: load_module(code, filename, job["mode"]))
    except _CheckTimeout:
        _send(fd, {"event": "load_failed", "key": "load.timeout", "params": {"seconds": job["timeout"]}})
        return 0
    except SyntaxError as error:
        params = {"line": error.lineno or 0, "error": f"{error.msg}"}
        _send(fd, {"event": "load_failed", "key": "load.syntax", "params": params})
        return 0
    except BaseException as error:
        params = {"error": describe_error(error, 300), "line": _where(error, filename) or 0}
        _send(fd, {"event": "load_failed", "key": "load.raised", "params": params})
        return 0
    cls, found_as = _find_class(module)
    if cls is None:
        _send(fd, {"event": "load_failed", "key": "load.no_class", "params": {"names": found_as}})
        return 0
    if found_as != "MLP":
        notes.append(("load.class_renamed", {"name": found_as}))
    _send(fd, {"event": "loaded", "notes": notes})

    if job["detect"]:
        _send(fd, {"event": "detecting"})
        try:
            student = timed(job["timeout"], lambda: detect(cls))
        except BaseException as error:  # the student's __init__ raised, looped, exited
            key = "conventions.timeout" if isinstance(error, _CheckTimeout) else "conventions.raised"
            params = {"error": describe_error(error, 300), "seconds": job["timeout"]}
            _send(fd, {"event": "conventions_failed", "key": key, "params": params})
            student = _bare(cls, render_reason="constructing the class failed")
        else:
            found = {
                "found": dict(student.found),
                "missing": dict(student.missing),
                "bonus": sorted(student.bonus),
            }
            _send(fd, {"event": "conventions", **found})
    else:  # an earlier worker died while detecting: the checks that need no conventions still run
        student = _bare(cls, render_reason="the process ended while constructing the class")

    by_id = {check.id: check for check in registry.CHECKS}
    for check_id in job["checks"]:
        check = by_id[check_id]
        _send(fd, {"event": "start", "id": check_id})
        unmet = registry.unmet_needs(check, student)
        if unmet is not None:
            key, params = unmet
            _send(fd, {"event": "result", "id": check_id, "score": 0.0, "key": key, "params": params})
            continue
        np.random.seed(0)  # noqa: NPY002  (the global generator, for student code that uses it)
        random.seed(0)
        counter[0] = 0
        rng = np.random.default_rng(seed_for(check_id))
        context = Context(student=student, rng=rng, time_limit=job["timeout"])
        try:
            outcome = timed(job["timeout"], lambda: check.run(context))  # noqa: B023
        except _CheckTimeout:
            event = {"score": 0.0, "key": "runner.timeout", "params": {"seconds": job["timeout"]}}
        except BaseException as error:
            line = _where(error, filename)
            params = {"error": describe_error(error, 300), "line": line or 0}
            event = {"score": 0.0, "key": "runner.raised_at" if line else "runner.raised", "params": params}
        else:
            score = min(max(float(outcome.score), 0.0), float(check.points))
            event = {
                "score": score,
                "key": outcome.key,
                "params": dict(outcome.params),
                "details": [[key, dict(params)] for key, params in outcome.details],
            }
        _send(fd, {"event": "result", "id": check_id, **event})
    _send(fd, {"event": "done", "printed": printed[0]})
    return 0


def _bare(cls, render_reason: str):
    """The student's class without conventions: checks that need them say why they were skipped."""
    from .conventions import Student

    return Student(cls=cls, missing={"params": render_reason, "gradients": render_reason})


def _find_class(module) -> tuple[type | None, object]:
    """The class ``MLP``, or the one class with ``_forward`` and ``_backward`` if it has another name."""
    cls = getattr(module, "MLP", None)
    if isinstance(cls, type):
        return cls, "MLP"
    candidates = [
        name
        for name, value in vars(module).items()
        if isinstance(value, type)
        and callable(getattr(value, "_forward", None))
        and hasattr(value, "_backward")
    ]
    if len(candidates) == 1:
        return getattr(module, candidates[0]), candidates[0]
    classes = sorted(name for name, value in vars(module).items() if isinstance(value, type))
    return None, ", ".join(classes) if classes else "-"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
