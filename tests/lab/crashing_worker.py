"""Workers that kill their own process, or hang, for one learning rate (for the fault tests).

They live in a module of their own so that worker processes can import them by name.
"""

import os
import time
from pathlib import Path

from mlplab.lab import sweep
from mlplab.lab._parallel import guarded

DEADLY_RATE = 0.01
STUCK_RATE = 0.02
#: the sweep's groups of runs with this activation kill their process
DEADLY_ACTIVATION = "tanh"


def run_or_crash(task: dict) -> dict:
    """The sweep's worker, but a group of runs with :data:`DEADLY_ACTIVATION` kills its process."""
    if task["params"]["activation"] == DEADLY_ACTIVATION:
        os._exit(13)  # like a segfault or the out-of-memory killer: no exception, no cleanup
    return sweep._run_task(task)


def _echo(learning_rate: float) -> dict:
    return {"echo": learning_rate, "pid": os.getpid()}


def crash_or_echo(task: dict) -> dict:
    """A toy worker for the generic executor: dies at :data:`DEADLY_RATE`, hangs at
    :data:`STUCK_RATE` (far longer than any test's timeout), else echoes the rate."""
    rate = task["params"]["learning_rate"]
    if rate == DEADLY_RATE:
        os._exit(13)
    if rate == STUCK_RATE:
        time.sleep(3600)
    return guarded(_echo, task)


def _fail_first(learning_rate: float, marks: str) -> dict:
    mark = Path(marks) / f"{learning_rate!r}"
    if not mark.exists():
        mark.touch()
        raise RuntimeError("first attempt")
    time.sleep(0.3)  # long enough for the retries to overlap on two workers
    return {"pid": os.getpid()}


def fail_first_attempt(task: dict) -> dict:
    """A toy worker whose first attempt at every task fails (retryable); it marks tasks in ``marks``."""
    return guarded(_fail_first, task)
