"""Workers that kill their own process for one learning rate (for the fault tests).

They live in a module of their own so that worker processes can import them by name.
"""

import os

from mlplab.lab import sweep
from mlplab.lab._parallel import guarded

DEADLY_RATE = 0.01


def run_or_crash(task: dict) -> dict:
    """The sweep's worker, but a run at :data:`DEADLY_RATE` kills its process."""
    if task["params"]["learning_rate"] == DEADLY_RATE:
        os._exit(13)  # like a segfault or the out-of-memory killer: no exception, no cleanup
    return sweep._run_task(task)


def _echo(learning_rate: float) -> dict:
    return {"echo": learning_rate}


def crash_or_echo(task: dict) -> dict:
    """A toy worker for the generic executor: dies at :data:`DEADLY_RATE`, else echoes the rate."""
    if task["params"]["learning_rate"] == DEADLY_RATE:
        os._exit(13)
    return guarded(_echo, task)
