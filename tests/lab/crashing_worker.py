"""A sweep worker that kills its own process for one learning rate (for the fault tests).

It lives in a module of its own so that worker processes can import it by name.
"""

import os

from mlplab.lab import sweep

DEADLY_RATE = 0.01


def run_or_crash(task: dict) -> dict:
    if task["params"]["learning_rate"] == DEADLY_RATE:
        os._exit(13)  # like a segfault or the out-of-memory killer: no exception, no cleanup
    return sweep._run_task(task)
