"""Task 2.2 (c): hyperparameter study on the two spirals.

Grid (the sheet's): hidden layers [8], [16, 8], [32, 16, 8] (input 2 and one
sigmoid output added) × learning rates 0.001, 0.01, 0.1 × activations
sigmoid, relu, tanh, with several seeds per cell. Every run trains on the same
``make_spirals(200, 0.1)`` training set (inputs scaled by 1/(4π), the same data
as ``mlplab spirals`` with the same ``--seed``) and is scored on an independent
test draw. The sheet's method is plain mini-batch gradient descent, so the
optimiser is ``sgd`` unless ``--optimizer`` says otherwise.

Per cell the table gives mean ± sample standard deviation over the seeds of
the final training loss (mean BCE of the final weights on the whole training
set), the training and test accuracy, and the epoch after which every training
point is classified correctly (averaged over the runs that got there; the
count of those runs is a column of its own). The best cell has the highest
mean test accuracy; ties go to the lower mean final training loss.

Every run has its own seed, derived with ``numpy.random.SeedSequence`` from
``--seed`` and the run's configuration (hidden layers, activation, learning
rate, seed index), so a run's result does not depend on the grid around it,
on the order in which runs finish or on the number of workers. Runs go to
local worker processes (one BLAS thread each; ``--jobs`` at most the CPUs
here) or, with ``--backend dask --scheduler tcp://HOST:PORT``, to a Dask
cluster. A run that raises is recorded as failed with its reason while the
others go on; a failure that may be transient (a worker process that died,
a run over ``--run-timeout``, an unexpected error) is retried once with the
same seed, in parallel with the other retries. Divergence is not retried:
with the same seed it would diverge again at the same step.

Resuming: every finished run (and every deterministic failure) is kept at
once in ``DIR/.sweep-resume/<hash>.json``, named by a hash of the mlplab
version and the run's settings and seed. A sweep started again with the same
``--out`` reads the records of its runs from there and runs only the others,
so an interrupted sweep (Ctrl-C, SIGTERM, a crash) resumes where it stopped,
with the same results, bit for bit, as a sweep that was never interrupted.
A sweep that completes removes its records (and the folder, once empty)
after it has written its files. The folder lies outside ``DIR/sweep/`` and
its name starts with a dot, so it is no experiment's and the report never
reads it.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import importlib.util
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .._version import __version__
from ..mlp import MLP
from ..nn.training import DivergenceError
from ._common import Context, EpochAccuracy, atomic_write
from ._data import spiral_data, spiral_settings
from ._options import (
    OPTIMIZERS,
    OptionError,
    address,
    layer_widths,
    no_repeats,
    option,
    positive_float,
    positive_int,
    worker_count,
)
from ._parallel import BACKENDS, TASK_TIMEOUT, guarded, run_tasks, usable_cpus

# The figures (and matplotlib) are imported where they are drawn, so that a worker process starts light.

NAME = "sweep"
HELP = "task 2.2 (c): hidden layers × learning rates × activations on the spirals, in parallel"

#: output files (figure stems: a .png and a .svg each); the report imports these names
CSV_FILE = "sweep.csv"
FIG_HEATMAP = "sweep_heatmap"
FIG_CURVES = "sweep_curves"
#: the folder under ``--out`` where the finished runs of an unfinished sweep are kept
RESUME_FOLDER = ".sweep-resume"
_RECORD_FORMAT = 1

HIDDEN_LAYERS = ([8], [16, 8], [32, 16, 8])
LEARNING_RATES = (0.001, 0.01, 0.1)
ACTIVATIONS = ("sigmoid", "relu", "tanh")

#: columns of sweep.csv (and keys of each entry of results["cells"])
CSV_COLUMNS = (
    "hidden_layers",
    "activation",
    "learning_rate",
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
_METRICS = ("final_train_loss", "train_accuracy", "test_accuracy")
_FAILURE_FIELDS = ("hidden_layers", "activation", "learning_rate", "seed_index", "seed", "attempts", "error")


@dataclass(frozen=True)
class Config:
    """The options of ``mlplab sweep``: the grid, the training of each run, where the runs go."""

    hidden: tuple[tuple[int, ...], ...] = option(
        tuple(tuple(h) for h in HIDDEN_LAYERS),
        parse=layer_widths,
        nargs="+",
        metavar="N,N,...",
        help="hidden-layer architectures, each comma-separated",
    )
    learning_rates: tuple[float, ...] = option(
        LEARNING_RATES, parse=positive_float, nargs="+", metavar="RATE", help="learning rates"
    )
    activations: tuple[str, ...] = option(
        ACTIVATIONS,
        choices=ACTIVATIONS,
        nargs="+",
        metavar="NAME",
        help="hidden activations among sigmoid, relu, tanh",
    )
    seeds: int = option(3, quick=2, parse=positive_int, help="runs per cell")
    epochs: int = option(1000, quick=100, parse=positive_int, help="epochs per run")
    batch_size: int = option(32, parse=positive_int, help="mini-batch size")
    optimizer: str = option(
        "sgd", choices=OPTIMIZERS, help="optimiser; sgd is the sheet's plain mini-batch gradient descent"
    )
    jobs: int = option(
        -1,
        parse=worker_count,
        help=f"local worker processes, at most the CPUs here ({usable_cpus()}): -1 means all, "
        "-k all but k-1, 1 runs here",
    )
    backend: str = option(
        "local",
        choices=BACKENDS,
        help="local: worker processes on this machine; dask: a Dask cluster, see --scheduler",
    )
    scheduler: str | None = option(
        None,
        parse=address,
        metavar="tcp://HOST:PORT",
        help="address of the Dask scheduler, for --backend dask",
    )
    run_timeout: float = option(
        TASK_TIMEOUT,
        parse=positive_float,
        metavar="SECONDS",
        help="a run on a worker process taking longer is stopped and recorded as failed "
        "(dask: no run finishing for that long; --jobs 1 runs here, unbounded)",
    )

    def check(self) -> None:
        """No value listed twice; ``--backend dask`` needs ``--scheduler`` and the dask extra."""
        no_repeats(self, "hidden", "learning_rates", "activations")
        if self.backend == "dask":
            if self.scheduler is None:
                raise OptionError(
                    "scheduler", "is needed with --backend dask: the address of a running scheduler"
                )
            if importlib.util.find_spec("distributed") is None:
                raise OptionError(
                    "backend", "dask needs 'distributed'; install it with: pip install 'mlplab[dask]'"
                )
        elif self.scheduler is not None:
            raise OptionError("scheduler", "applies only with --backend dask")


# ------------------------------------------------------------------ the worker
def train_run(
    hidden: Sequence[int],
    activation: str,
    learning_rate: float,
    optimizer: str,
    epochs: int,
    batch_size: int,
    seed: int,
    train_seed: int,
    test_seed: int,
) -> dict:
    """Train one network of the sweep and score it.

    Parameters
    ----------
    hidden : sequence of int
        Hidden-layer widths; the network is ``[2, *hidden, 1]``.
    activation : str
    learning_rate : float
    optimizer : str
    epochs, batch_size : int
    seed : int
        Seeds weight initialisation and shuffling.
    train_seed, test_seed : int
        Seeds of the training and test spirals (see :func:`~mlplab.lab._data.spiral_data`).

    Returns
    -------
    dict
        ``final_train_loss``, ``train_accuracy``, ``test_accuracy``,
        ``epochs_to_100_percent`` (``None`` if never) and ``loss_curve``
        (the per-epoch training loss).

    Raises
    ------
    DivergenceError
        If training diverges.
    """
    X, y, X_test, y_test = spiral_data(train_seed, test_seed)
    model = MLP([2, *hidden, 1], activation, learning_rate, optimizer=optimizer, seed=seed)
    tracker = EpochAccuracy(model, X, y)
    history = model.train(X, y, epochs=epochs, batch_size=batch_size, callbacks=[tracker])
    logits = model.network.predict_logits(X)
    return {
        "final_train_loss": model.loss.value(logits, model.head.encode(y)),
        "train_accuracy": model.score(X, y),
        "test_accuracy": model.score(X_test, y_test),
        "epochs_to_100_percent": tracker.first_perfect_epoch,
        "loss_curve": history.train_loss,
    }


def _run_task(task: dict) -> dict:
    """Worker entry point: one run of :func:`train_run` (see :func:`~mlplab.lab._parallel.guarded`).

    ``task`` holds plain values only (it travels to other processes): ``key``
    (cell index, seed index) and the keyword arguments of :func:`train_run`.
    A divergence is not retried: with the same seed it would diverge again.
    """
    return guarded(train_run, task, permanent=(DivergenceError,))


#: The function each worker runs on a task (a module-level name, so that it pickles by reference;
#: tests swap it for one that kills its process).
WORKER = _run_task


# ------------------------------------------------------------------- the lab
def _run_seed(ctx: Context, hidden: Sequence[int], activation: str, learning_rate: float, index: int) -> int:
    """The seed of one run, from ``--seed`` and the run's configuration (not its position)."""
    run_config = f"{list(hidden)}|{activation}|{learning_rate!r}".encode()
    return ctx.seed_for(2, int.from_bytes(run_config, "little"), index)


def run(ctx: Context, config: Config) -> dict:
    """Run the grid, write ``metrics.json``, ``sweep.csv`` and the figures into ``ctx.out``."""
    hidden_grid = [list(h) for h in config.hidden]
    rates, activations = list(config.learning_rates), list(config.activations)
    n_seeds, epochs = config.seeds, config.epochs
    train_seed, test_seed = ctx.seed_for(0), ctx.seed_for(1)
    cells = [
        {"hidden_layers": hidden, "activation": activation, "learning_rate": rate}
        for hidden in hidden_grid
        for activation in activations
        for rate in rates
    ]
    tasks = []
    for c, cell in enumerate(cells):
        for s in range(n_seeds):
            params = {
                "hidden": cell["hidden_layers"],
                "activation": cell["activation"],
                "learning_rate": cell["learning_rate"],
                "optimizer": config.optimizer,
                "epochs": epochs,
                "batch_size": config.batch_size,
                "seed": _run_seed(ctx, cell["hidden_layers"], cell["activation"], cell["learning_rate"], s),
                "train_seed": train_seed,
                "test_seed": test_seed,
            }
            tasks.append({"key": (c, s), "params": params})
    settings = {
        "data": spiral_settings(train_seed, test_seed),
        "hidden_layers": hidden_grid,
        "learning_rates": rates,
        "activations": activations,
        "seeds_per_cell": n_seeds,
        "epochs": epochs,
        "batch_size": config.batch_size,
        "optimizer": config.optimizer,
        "std": "sample standard deviation over the seeds (ddof = 1); null for a single run",
        "execution": {"backend": config.backend, "jobs": config.jobs, "scheduler": config.scheduler},
    }

    resume = Path(ctx.root) / RESUME_FOLDER
    records = {task["key"]: record for task in tasks if (record := _kept_record(resume, task)) is not None}
    todo = [task for task in tasks if task["key"] not in records]
    with ctx.timed("runs"):
        if todo:
            records |= run_tasks(
                todo,
                WORKER,
                backend=config.backend,
                jobs=config.jobs,
                scheduler=config.scheduler,
                task_timeout=config.run_timeout,
                bar=ctx.bar,
                label=f"runs ({len(records)} resumed)" if records else "runs",
                on_record=lambda task, record: _keep_record(resume, task, record),
            )
    ctx.timings["run_seconds_summed"] = round(
        sum(r["seconds"] for r in records.values()), 4
    )  # the serial cost
    runs = [_run_row(cells[task["key"][0]], task, records[task["key"]]) for task in tasks]
    table = [_cell_row(cell, [r for r in runs if r["cell"] == c]) for c, cell in enumerate(cells)]
    best = _best(table)
    failures = [{k: r[k] for k in _FAILURE_FIELDS} for r in runs if r["status"] == "failed"]
    ranking = sorted((row for row in table if row["test_accuracy_mean"] is not None), key=_rank_key)
    results = {
        "best": best,
        "top5": [_summary(row) for row in ranking[:5]],
        "cells": table,
        "runs": runs,
        "failures": failures,
        "n_runs": len(runs),
        "n_failed": len(failures),
    }
    from ._sweep_figures import plot_curves, plot_heatmaps

    with ctx.timed("figures"):
        _write_csv(ctx.out / CSV_FILE, table)
        plot_heatmaps(ctx.out / FIG_HEATMAP, table, hidden_grid, activations, rates, settings, best)
        curves = {key: record.get("loss_curve") for key, record in records.items()}
        plot_curves(ctx.out / FIG_CURVES, cells, curves, n_seeds, hidden_grid, activations, rates, settings)
    ctx.write_metrics(config, settings, results)
    ctx.after_commit(lambda: _forget_records(resume, tasks))  # kept should the swap into place fail
    return results


# ------------------------------------------------------------------ resuming
def _record_path(folder: Path, params: dict) -> Path:
    """The record file of the run with ``params`` (its settings and seeds), under this mlplab version."""
    identity = json.dumps({"format": _RECORD_FORMAT, "mlplab": __version__, "params": params}, sort_keys=True)
    return folder / f"{hashlib.sha256(identity.encode()).hexdigest()[:32]}.json"


def _plain_number(value):
    if isinstance(value, np.generic):  # e.g. an int64 epoch: JSON has no NumPy types
        return value.item()
    raise TypeError(f"a sweep record holds {type(value).__name__}, which JSON cannot keep")


def _keep_record(folder: Path, task: dict, record: dict) -> None:
    """Keep a finished run's record (``ok``, or a failure a retry would repeat), all or nothing.

    JSON keeps every float exactly (``repr`` round-trips), so a resumed run gives the same bits.
    """
    if record["status"] != "ok" and record.get("retryable", True):
        return  # may succeed when tried again
    folder.mkdir(parents=True, exist_ok=True)
    data = {"format": _RECORD_FORMAT, "mlplab": __version__, "params": task["params"], "record": record}
    with atomic_write(_record_path(folder, task["params"])) as handle:
        json.dump(data, handle, default=_plain_number)


def _kept_record(folder: Path, task: dict) -> dict | None:
    """The kept record of ``task``'s run, or ``None`` (none kept, unreadable, or of other settings)."""
    path = _record_path(folder, task["params"])
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or {k: data.get(k) for k in ("format", "mlplab", "params")} != {
        "format": _RECORD_FORMAT,
        "mlplab": __version__,
        "params": task["params"],
    }:
        return None
    record = data.get("record")
    if not isinstance(record, dict) or record.get("status") not in ("ok", "failed"):
        return None
    needed = (
        "attempts",
        "seconds",
        *((*_METRICS, "epochs_to_100_percent") if record["status"] == "ok" else ("error",)),
    )
    return record if all(name in record for name in needed) else None


def _forget_records(folder: Path, tasks: Sequence[dict]) -> None:
    """Remove this sweep's records (its files are written), and the folder once it is empty."""
    with contextlib.suppress(OSError):  # a record left behind only costs a little disk
        for task in tasks:
            _record_path(folder, task["params"]).unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # absent, or holding the records of another sweep
        folder.rmdir()


def _run_row(cell: dict, task: dict, record: dict) -> dict:
    ok = record["status"] == "ok"
    key = task["key"]
    return {
        "cell": key[0],
        **cell,
        "seed_index": key[1],
        "seed": task["params"]["seed"],
        "status": record["status"],
        "attempts": record["attempts"],
        **{name: record[name] if ok else None for name in (*_METRICS, "epochs_to_100_percent")},
        "error": None if ok else record["error"],
    }


def _mean_std(values: Sequence[float]) -> tuple[float | None, float | None]:
    if not values:
        return None, None
    values = np.asarray(values, dtype=float)
    return float(values.mean()), (float(values.std(ddof=1)) if values.size > 1 else None)


def _cell_row(cell: dict, runs: list[dict]) -> dict:
    ok = [r for r in runs if r["status"] == "ok"]
    row = {**cell, "runs": len(runs), "failed": len(runs) - len(ok)}
    for name in _METRICS:
        row[f"{name}_mean"], row[f"{name}_std"] = _mean_std([r[name] for r in ok])
    reached = [r["epochs_to_100_percent"] for r in ok if r["epochs_to_100_percent"] is not None]
    row["reached_100_percent"] = len(reached)
    row["epochs_to_100_percent_mean"], row["epochs_to_100_percent_std"] = _mean_std(reached)
    return row


def _rank_key(row: dict) -> tuple:
    """Cells without failures first, then by mean test accuracy (high), then final loss (low)."""
    return (row["failed"] > 0, -row["test_accuracy_mean"], row["final_train_loss_mean"])


def _best(table: list[dict]) -> dict | None:
    candidates = [row for row in table if row["test_accuracy_mean"] is not None]
    if not candidates:
        return None
    best = min(candidates, key=_rank_key)
    return {**best, "summary": _summary(best)}


def _summary(row: dict) -> str:
    """One line naming a cell and its numbers."""
    from ._sweep_figures import plus_minus

    reached = row["reached_100_percent"]
    ok = row["runs"] - row["failed"]
    if reached:
        after = plus_minus(row["epochs_to_100_percent_mean"], row["epochs_to_100_percent_std"], 0)
        epochs = f"100 % training accuracy reached by {reached}/{ok} runs, first after {after} epochs"
    else:
        epochs = "100 % training accuracy never reached"
    runs = f"{row['runs']} seeds" + (f", {row['failed']} failed" if row["failed"] else "")
    return (
        f"{[2, *row['hidden_layers'], 1]}, {row['activation']}, α = {row['learning_rate']} ({runs}): "
        f"test accuracy {plus_minus(row['test_accuracy_mean'], row['test_accuracy_std'])}, "
        f"training accuracy {plus_minus(row['train_accuracy_mean'], row['train_accuracy_std'])}, "
        f"final training loss {plus_minus(row['final_train_loss_mean'], row['final_train_loss_std'], 4)}; "
        f"{epochs}"
    )


def _write_csv(path: Path, table: list[dict]) -> None:
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
