"""The resume records of ``mlplab sweep``: every finished run kept at once, read back when started again.

A record is ``DIR/.sweep-resume/<hash>.json``, named by a hash of the mlplab
version and the run's settings and seed, so a record is only ever read back
for the very same run. JSON keeps every float exactly (``repr`` round-trips),
so a resumed run gives the same bits as one that was never interrupted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .._version import __version__
from ._common import atomic_write

__all__ = ["RECORD_FORMAT", "forget_records", "keep_record", "kept_record", "record_path"]

RECORD_FORMAT = 2  # 2: a run's params hold its optimiser and initialisation
#: what a kept record holds besides its status: every run, and a finished one's results
_ALWAYS = ("attempts", "seconds")
_OK = ("final_train_loss", "train_accuracy", "test_accuracy", "epochs_to_100_percent")


def record_path(folder: Path, params: dict) -> Path:
    """The record file of the run with ``params`` (its settings and seeds), under this mlplab version."""
    identity = json.dumps({"format": RECORD_FORMAT, "mlplab": __version__, "params": params}, sort_keys=True)
    return folder / f"{hashlib.sha256(identity.encode()).hexdigest()[:32]}.json"


def _plain_number(value):
    if isinstance(value, np.generic):  # e.g. an int64 epoch: JSON has no NumPy types
        return value.item()
    raise TypeError(f"a sweep record holds {type(value).__name__}, which JSON cannot keep")


def keep_record(folder: Path, task: dict, record: dict) -> None:
    """Keep a finished run's record (``ok``, or a failure a retry would repeat), all or nothing."""
    if record["status"] != "ok" and record.get("retryable", True):
        return  # may succeed when tried again
    folder.mkdir(parents=True, exist_ok=True)
    data = {"format": RECORD_FORMAT, "mlplab": __version__, "params": task["params"], "record": record}
    with atomic_write(record_path(folder, task["params"])) as handle:
        json.dump(data, handle, default=_plain_number)


def kept_record(folder: Path, task: dict) -> dict | None:
    """The kept record of ``task``'s run, or ``None`` (none kept, unreadable, or of other settings)."""
    path = record_path(folder, task["params"])
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or {k: data.get(k) for k in ("format", "mlplab", "params")} != {
        "format": RECORD_FORMAT,
        "mlplab": __version__,
        "params": task["params"],
    }:
        return None
    record = data.get("record")
    if not isinstance(record, dict) or record.get("status") not in ("ok", "failed"):
        return None
    needed = (*_ALWAYS, *(_OK if record["status"] == "ok" else ("error",)))
    return record if all(name in record for name in needed) else None


def forget_records(folder: Path, tasks: Sequence[dict]) -> None:
    """Remove these runs' records (their sweep's files are written), and the folder once it is empty."""
    with contextlib.suppress(OSError):  # a record left behind only costs a little disk
        for task in tasks:
            record_path(folder, task["params"]).unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # absent, or holding the records of another sweep
        folder.rmdir()
