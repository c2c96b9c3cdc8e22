"""The tables of ``mlplab sweep``: one row per run, one per cell (mean ± std over the seeds), the best.

A *cell* is one setting of the grid: hidden layers, activation, learning
rate, optimiser and initialisation. Its row gives, over the seeds, the mean
and sample standard deviation of the final training loss (mean BCE of the
final weights on the whole training set), the training and test accuracy,
and the epoch after which every training point was classified correctly
(averaged over the runs that got there; their count is a column of its own).
The best cell has the highest mean test accuracy; ties go to the lower mean
final training loss, and cells with a failed run come last.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ._common import atomic_write

__all__ = [
    "CELL_KEYS",
    "CSV_COLUMNS",
    "METRICS",
    "best",
    "cell_row",
    "ranking",
    "run_row",
    "summary",
    "write_csv",
]

#: what names a cell
CELL_KEYS = ("hidden_layers", "activation", "learning_rate", "optimizer", "init")
#: columns of sweep.csv (and keys of each entry of results["cells"])
CSV_COLUMNS = (
    *CELL_KEYS,
    "runs",
    "failed",
    "final_train_loss_mean",
    "final_train_loss_std",
    "train_accuracy_mean",
    "train_accuracy_std",
    "test_accuracy_mean",
    "test_accuracy_std",
    "reached_100_percent",
    "epochs_to_100_percent_mean",
    "epochs_to_100_percent_std",
)
METRICS = ("final_train_loss", "train_accuracy", "test_accuracy")
FAILURE_FIELDS = (*CELL_KEYS, "seed_index", "seed", "attempts", "error")


def plus_minus(mean: float | None, std: float | None, digits: int = 3) -> str:
    """``mean ± std`` with ``digits`` decimals; ``n/a`` without a mean, no ``±`` without a std."""
    if mean is None:
        return "n/a"
    return f"{mean:.{digits}f}" + (f" ± {std:.{digits}f}" if std is not None else "")


def run_row(cell: dict, task: dict, record: dict) -> dict:
    """One run: its cell, seed, status and results (``None`` where it failed)."""
    ok = record["status"] == "ok"
    key = task["key"]
    return {
        "cell": key[0],
        **cell,
        "seed_index": key[1],
        "seed": task["params"]["seed"],
        "status": record["status"],
        "attempts": record["attempts"],
        **{name: record[name] if ok else None for name in (*METRICS, "epochs_to_100_percent")},
        "error": None if ok else record["error"],
    }


def _mean_std(values: Sequence[float]) -> tuple[float | None, float | None]:
    if not values:
        return None, None
    values = np.asarray(values, dtype=float)
    return float(values.mean()), (float(values.std(ddof=1)) if values.size > 1 else None)


def cell_row(cell: dict, runs: list[dict]) -> dict:
    """One cell: mean and sample std over its successful runs, and how many reached 100 %."""
    ok = [r for r in runs if r["status"] == "ok"]
    row = {**cell, "runs": len(runs), "failed": len(runs) - len(ok)}
    for name in METRICS:
        row[f"{name}_mean"], row[f"{name}_std"] = _mean_std([r[name] for r in ok])
    reached = [r["epochs_to_100_percent"] for r in ok if r["epochs_to_100_percent"] is not None]
    row["reached_100_percent"] = len(reached)
    row["epochs_to_100_percent_mean"], row["epochs_to_100_percent_std"] = _mean_std(reached)
    return row


def _rank_key(row: dict) -> tuple:
    """Cells without failures first, then by mean test accuracy (high), then final loss (low)."""
    return (row["failed"] > 0, -row["test_accuracy_mean"], row["final_train_loss_mean"])


def ranking(table: Sequence[dict]) -> list[dict]:
    """The cells with a result, best first."""
    return sorted((row for row in table if row["test_accuracy_mean"] is not None), key=_rank_key)


def best(table: Sequence[dict]) -> dict | None:
    """The best cell of ``table`` with its one-line summary, or ``None`` if no cell has a result."""
    ranked = ranking(table)
    return {**ranked[0], "summary": summary(ranked[0])} if ranked else None


def summary(row: dict) -> str:
    """One line naming a cell and its numbers."""
    reached = row["reached_100_percent"]
    ok = row["runs"] - row["failed"]
    if reached:
        after = plus_minus(row["epochs_to_100_percent_mean"], row["epochs_to_100_percent_std"], 0)
        epochs = f"100 % training accuracy reached by {reached}/{ok} runs, first after {after} epochs"
    else:
        epochs = "100 % training accuracy never reached"
    runs = f"{row['runs']} seeds" + (f", {row['failed']} failed" if row["failed"] else "")
    init = "" if row["init"] == "default" else f", init {row['init']}"
    return (
        f"{[2, *row['hidden_layers'], 1]}, {row['activation']}, {row['optimizer']}, "
        f"α = {row['learning_rate']}{init} ({runs}): "
        f"test accuracy {plus_minus(row['test_accuracy_mean'], row['test_accuracy_std'])}, "
        f"training accuracy {plus_minus(row['train_accuracy_mean'], row['train_accuracy_std'])}, "
        f"final training loss {plus_minus(row['final_train_loss_mean'], row['final_train_loss_std'], 4)}; "
        f"{epochs}"
    )


def write_csv(path: Path, table: Sequence[dict]) -> None:
    """``sweep.csv``: one line per cell, floats exactly (``repr``), empty where there is no value."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in table:
        values = {name: row[name] for name in CSV_COLUMNS}
        values["hidden_layers"] = "-".join(map(str, row["hidden_layers"]))
        writer.writerow(
            {k: "" if v is None else (repr(v) if isinstance(v, float) else v) for k, v in values.items()}
        )
    with atomic_write(path) as handle:
        handle.write(buffer.getvalue())
